"""Markdown and headings into the site's HTML: small pure functions shared by the pages."""

from __future__ import annotations

import re

import mistune


def plain(markdown_text: str) -> str:
    """Return Markdown as plain text: links become their text, emphasis marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    return re.sub(r"[*_`]", "", text)


#: Whitespace that only lays out source text (spaces, tabs, line ends): a run of it reads
#: as one space. No-break spaces (U+00A0, the narrow U+202F before « ; : ! ? » in French)
#: are characters the reader sees, and stay.
_LAYOUT_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def squeeze(text: str) -> str:
    """Return ``text`` with each run of layout whitespace (spaces, tabs, line ends) as one
    space, trimmed; no-break spaces (U+00A0, U+202F) are kept as they are, unlike
    ``" ".join(text.split())``, which turns them into ordinary spaces."""
    return _LAYOUT_SPACE.sub(" ", text).strip(" ")


def slug(text: str) -> str:
    """Return an id for ``text``: lower case, runs of other characters as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def markdown_inline(text: str) -> str:
    """Return Markdown as HTML without the enclosing ``<p>`` of a single paragraph."""
    rendered = markdown(text).strip()
    match = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.DOTALL)
    return match.group(1) if match else rendered


def markdown(text: str) -> str:
    """Return Markdown (tables, footnotes, bare URLs) as HTML."""
    renderer = mistune.create_markdown(
        escape=False, plugins=["table", "strikethrough", "footnotes", "url"]
    )
    return str(renderer(text))


def heading_ids(body: str) -> str:
    """Give each ``<h2>`` and ``<h3>`` an id (its slug) and a visible anchor link."""

    def add(match: re.Match[str]) -> str:
        level, inner = match.group(1), match.group(2)
        ident = slug(re.sub(r"<[^>]+>", "", inner))
        anchor = f'<a class="anchor-link" href="#{ident}">#</a>'
        return f'<h{level} id="{ident}">{inner}{anchor}</h{level}>'

    return re.sub(r"<h([23])>(.*?)</h\1>", add, body, flags=re.S)


#: Where a line of code may wrap on a narrow screen, besides its spaces: after a dot
#: between names (``exercises.<wbr>check_share``, not in ``20.0``), after an opening
#: bracket that something follows (``check(<wbr>answer_1)``) and after a keyword
#: argument's ``=`` (``choices=<wbr>…``), never inside a name.
_CODE_BREAK = re.compile(r"(?<=[A-Za-z_)\]])\.(?=[A-Za-z_])|[(\[{](?=[^)\]}\s])|(?<=\w)=(?=[^=\s])")
_PRE = re.compile(r"(<(pre|code)\b[^>]*>)(.*?)(</\2>)", re.S)


def code_breaks(body: str) -> str:
    """Return ``body`` with ``<wbr>`` (a break that adds no character, so copied code is
    unchanged) at :data:`_CODE_BREAK`'s points in the text of each ``<pre>`` block and
    ``<code>`` phrase, so that a line of code wider than a phone wraps between names
    rather than mid-name (``check_share_of_all_malians(a`` / ``nswer_1)`` at 390 px);
    ``overflow-wrap: anywhere`` (site.css) then only breaks a single name wider than the
    line (at 320 px). A ``<code>`` phrase with no lower-case letter, a series code a
    student types (``SM.POP.TOTL``), is left whole."""

    def block(match: re.Match[str]) -> str:
        # Highlighted code is a run of spans (``exercises``, ``.``, ``check``): the points
        # are found in the text without its tags, then marked in the segment they end.
        parts = re.split(r"(<[^>]*>)", match.group(3))
        text = "".join(parts[::2])
        if match.group(2) == "code" and not re.search(r"[a-z]", text):
            return match.group(0)  # a series code (BX.TRF.PWKR.CD.DT) is typed whole
        after = {m.end() for m in _CODE_BREAK.finditer(text)}
        start = 0
        for index in range(0, len(parts), 2):
            segment, end = parts[index], start + len(parts[index])
            marks = sorted(p - start for p in after if start < p <= end)
            for cut in reversed(marks):
                segment = segment[:cut] + "<wbr>" + segment[cut:]
            parts[index], start = segment, end
        return match.group(1) + "".join(parts) + match.group(4)

    return _PRE.sub(block, body)
