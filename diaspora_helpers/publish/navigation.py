"""Ways around the site: contents lists, previous/next links, cross-references, the footer
and the data package the pages link to.

Notebook pages are rendered one per thread while the run is still going, so a page cannot
know its neighbours when it is written. It leaves a ``<!-- pager -->`` marker instead, and
:func:`finish` (called once the index is written, when every page exists) fills in the
previous/next links, turns mentions of other notebooks and of ``data/…`` files into links,
and copies the data package and ``CITATION.cff`` beside the pages so those links work
offline. Everything is derived from the files, so rebuilding gives the same bytes.
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2

from diaspora_helpers import paths

PAGER_MARKER = "<!-- pager -->"
DATA_FOLDER = "data"
CITATION_FILE = "CITATION.cff"
# The index's groups in reading order: (key, heading, stem prefixes). A notebook whose stem
# has none of the prefixes is a topic notebook, to read.
GROUPS = (
    ("read", "Read", ()),
    ("practise", "Practise", ("exercises",)),
    ("teach", "Teach", ("solutions",)),
)


def group_of(stem: str) -> str:
    """Return the index group of a notebook: ``practise`` for ``exercises*``, ``teach`` for
    ``solutions*``, else ``read``."""
    return next(
        (key for key, _, prefixes in GROUPS if stem.startswith(prefixes or ("\0",))), "read"
    )


def collection_order(stems: list[str]) -> list[str]:
    """Return notebook stems in reading order: by group (read, practise, teach), then name."""
    rank = {key: n for n, (key, _, _) in enumerate(GROUPS)}
    return sorted(stems, key=lambda s: (rank[group_of(s)], s))


# -- contents -----------------------------------------------------------------------------

_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h2>', re.S)


def contents(body: str) -> str:
    """Return a contents list (``<nav class="toc">``) of the body's ``<h2>`` headings, or ""
    when there are fewer than two."""
    found = _HEADING.findall(body)
    if len(found) < 2:
        return ""
    items = "".join(
        f'<li><a href="#{html.escape(ident, quote=True)}">'
        f"{re.sub(r'<[^>]+>', '', title).strip()}</a></li>"
        for ident, title in found
    )
    return (
        '<nav class="toc" aria-label="Contents"><details open><summary>Contents</summary>'
        f"<ol>{items}</ol></details></nav>"
    )


def with_contents(body: str) -> str:
    """Insert :func:`contents` after the body's first ``</h1>`` (or at its top)."""
    toc = contents(body)
    if not toc:
        return body
    if "</h1>" in body:
        return body.replace("</h1>", "</h1>\n" + toc, 1)
    return toc + "\n" + body


# -- footer -------------------------------------------------------------------------------


@functools.cache
def _datapackage(folder: str) -> dict[str, Any]:
    path = Path(folder) / "datapackage.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def footer(environment: jinja2.Environment) -> str:
    """Return the footer every page carries: licences, how to cite, the data package's
    version and a note on the source document (the last two only when
    ``datapackage.json`` is found in :func:`paths.data_dir`)."""
    package = _datapackage(str(paths.data_dir()))
    return environment.get_template("footer.html.j2").render(
        version=package.get("version"),
        source=package.get("source_document") or {},
        citation=(paths.PROJECT_ROOT / CITATION_FILE).is_file(),
        datapackage=bool(package),
    )


# -- the pass over the finished site ------------------------------------------------------


def copy_data_package(root: Path) -> list[str]:
    """Copy the CSV tables and ``datapackage.json`` into ``root/data/``; return the names."""
    source = paths.data_dir()
    names = sorted(p.name for p in source.glob("*.csv")) if source.is_dir() else []
    if (source / "datapackage.json").is_file():
        names.append("datapackage.json")
    if names:
        target = root / DATA_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copyfile(source / name, target / name)
    citation = paths.PROJECT_ROOT / CITATION_FILE
    if citation.is_file():
        shutil.copyfile(citation, root / CITATION_FILE)
    return names


def _title(page: Path) -> str:
    match = re.search(r"<title>(.*?)(?: \| [^<]*)?</title>", page.read_text(encoding="utf-8"))
    return match.group(1) if match else page.stem


def pager(order: list[str], titles: dict[str, str], stem: str) -> str:
    """Return the previous/next links of ``stem`` within ``order``."""
    at = order.index(stem)
    links = []
    if at > 0:
        before = order[at - 1]
        links.append(
            f'<a rel="prev" href="{before}.html"><span>Previous</span> {titles[before]}</a>'
        )
    if at + 1 < len(order):
        after = order[at + 1]
        links.append(f'<a rel="next" href="{after}.html"><span>Next</span> {titles[after]}</a>')
    return f'<nav class="pager" aria-label="Previous and next">{"".join(links)}</nav>'


_SKIP = ("a", "pre", "script", "style", "title", "summary")
_TOKEN = re.compile(r"(<[^>]+>)")


def cross_link(page: str, stems: set[str], data_files: set[str]) -> str:
    """Return ``page`` with ``<code>`` mentions of a notebook (``01_demographics``,
    ``notebooks/01_demographics.ipynb``) or of a data file (``data/events.csv``,
    ``datapackage.json``) made into links, outside links and code blocks."""

    def target(code: str) -> str | None:
        name = html.unescape(code).strip()
        notebook = re.fullmatch(r"(?:notebooks/)?([\w-]+?)(?:\.ipynb)?", name)
        if notebook and notebook.group(1) in stems:
            return f"{notebook.group(1)}.html"
        data = re.fullmatch(r"(?:data/)?([\w.-]+\.(?:csv|json))", name)
        if data and data.group(1) in data_files:
            return f"{DATA_FOLDER}/{data.group(1)}"
        return None

    parts = _TOKEN.split(page)
    depth = dict.fromkeys(_SKIP, 0)
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        tag = re.match(r"<(/?)(\w+)", part)
        if tag and tag.group(2).lower() in depth:
            depth[tag.group(2).lower()] += -1 if tag.group(1) else 1
        if (
            part == "<code>"
            and index + 2 < len(parts)
            and parts[index + 2] == "</code>"
            and not any(depth.values())
        ):
            href = target(parts[index + 1])
            if href:
                out.append(f'<a class="xref" href="{href}"><code>{parts[index + 1]}</code></a>')
                index += 3
                continue
        out.append(part)
        index += 1
    return "".join(out)


def link_markdown_notebooks(body: str) -> str:
    """Point links written to ``X.ipynb`` (as in Markdown cells) at the page ``X.html``."""
    return re.sub(
        r'href="(?:\.\./notebooks/|\./)?([\w.-]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', body
    )


def finish(root: Path) -> None:
    """Complete the site under ``root`` once every page exists: copy the data package and
    ``CITATION.cff``, then fill each notebook page's previous/next links and link, on every
    page, the mentions of other notebooks and data files. Pages are rewritten in place."""
    data_files = set(copy_data_package(root))
    stems = [p.stem for p in root.glob("*.ipynb") if (root / f"{p.stem}.html").is_file()]
    order = collection_order(stems)
    titles = {stem: _title(root / f"{stem}.html") for stem in order}
    for page in sorted(root.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = text
        if PAGER_MARKER in new and page.stem in titles:
            new = new.replace(PAGER_MARKER, pager(order, titles, page.stem))
        new = cross_link(new, set(order), data_files)
        if new != text:
            page.write_text(new, encoding="utf-8")
