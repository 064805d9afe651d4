"""What a page needs for WCAG 2.2 AA beyond its structure: code colours that read at
4.5:1 on the code's background, and section links named for their section.

Pure functions over text; the same input gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from diaspora_helpers import colours

#: The lightest background code is shown on (``site.css``: pre, details.code).
CODE_BACKGROUNDS = ("#f4f6f8", "#f7f7f7", "#fff4e5", "#fdecea", "#ffffff")
#: WCAG 2.2 AA contrast for normal text (1.4.3).
TEXT_CONTRAST = 4.5


def _long(colour: str) -> str:
    colour = colour.lower()
    if len(colour) == 4:
        return "#" + "".join(c * 2 for c in colour[1:])
    return colour


def readable(colour: str, backgrounds: tuple[str, ...] = CODE_BACKGROUNDS) -> str:
    """Return ``colour`` (``#rgb`` or ``#rrggbb``), darkened in steps of 4% with its hue
    kept, until it reads at :data:`TEXT_CONTRAST` or more on every one of ``backgrounds``;
    unchanged when it already does."""
    return colours.darkened(_long(colour), backgrounds, TEXT_CONTRAST, 0.04)


def readable_code_css(css: str) -> str:
    """Return Pygments' CSS with every text colour (``color: #…``) made :func:`readable`;
    backgrounds are left alone (the site sets the code's background)."""
    return re.sub(
        r"(?<![-\w])color: (#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b",
        lambda m: f"color: {readable(m.group(1))}",
        css,
    )


_ANCHOR = re.compile(
    r'(<h([1-6])\b[^>]*>)(.*?)<a class="anchor-link" href="(#[^"]*)">[^<]*</a>(\s*</h\2>)', re.S
)


def named_section_links(body: str, gettext: Callable[[str], str] = str) -> str:
    """Return ``body`` with each heading's "#" link named for its section: the "#" stays
    what the eye sees (hidden from screen readers) and a visually hidden "Link to this
    section: <heading>" is what a screen reader and a search of the page read."""
    _ = gettext

    def name(match: re.Match[str]) -> str:
        opening, _level, inner, href, closing = match.groups()
        heading = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())
        label = html.escape(_("Link to this section: {heading}").format(heading=heading))
        return (
            f'{opening}{inner}<a class="anchor-link" href="{href}">'
            f'<span aria-hidden="true">#</span><span class="vh">{label}</span></a>{closing}'
        )

    return _ANCHOR.sub(name, body)
