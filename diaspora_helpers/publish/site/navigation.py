"""Ways around the site: contents lists, previous/next links, cross-references, the footer
and the data package the pages link to.

Notebook pages are rendered one per thread while the run is still going, so a page cannot
know its neighbours when it is written. It leaves a ``<!-- pager -->`` marker instead, and
:func:`finish` (called once the index is written, when every page exists) fills in the
previous/next links, turns mentions of other notebooks and of ``data/…`` files into links,
and copies the data package and ``CITATION.cff`` beside the pages so those links work
offline. Everything is derived from the files, so rebuilding gives the same bytes.

The French site sits in ``fr/`` of the English one. :func:`finish` completes both at
once: each page gets, in its head, a ``<link rel="alternate" hreflang="…">`` to its twin
in the other edition (the page of the same name) when the twin exists, and in its bar a
visible link to that twin (else to the other edition's index). French pages link to the
English site's one copy of the data package (``../data/``).
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from diaspora_helpers import editions as registry
from diaspora_helpers import i18n, paths
from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.site import search, used_in

PAGER_MARKER = "<!-- pager -->"
#: Replaced by the ``<link rel="alternate" hreflang>`` to the page's twin (in the head).
ALTERNATE_MARKER = "<!-- alternate -->"
#: Replaced by the visible link to the other edition (in the page bar).
SWITCH_MARKER = "<!-- language -->"
DATA_FOLDER = "data"
CITATION_FILE = "CITATION.cff"
# The index's groups in reading order: (key, heading, stem prefixes). A notebook whose stem
# has none of the prefixes is a topic notebook, to read.
GROUPS = (
    ("read", N_("Read"), ()),
    ("practise", N_("Practise"), ("exercises",)),
    ("teach", N_("Teach"), ("solutions",)),
)


def translator(language: str) -> Callable[[str], str]:
    """Return the function that translates the site's English text into ``language``
    (the merged catalogs of :mod:`diaspora_helpers.i18n`; English returns its argument).

    Pages of both editions are rendered at once from threads, so the site translates with
    this, never through the process-wide :func:`diaspora_helpers.i18n.set_language`.
    """
    if i18n.check_language(language) == i18n.LANGUAGES[0]:
        return str
    return i18n._catalog(language).gettext


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


def contents(body: str, gettext: Callable[[str], str] = str) -> str:
    """Return a contents list of the body's ``<h2>`` headings, or "" when there are fewer
    than two; its label translated with ``gettext``. It is written twice, and CSS shows
    one: closed on a phone (the story comes first), open on a wider screen."""
    _ = gettext
    found = _HEADING.findall(body)
    if len(found) < 2:
        return ""
    items = "".join(
        f'<li><a href="#{html.escape(ident, quote=True)}">'
        f"{re.sub(r'<[^>]+>', '', title).strip()}</a></li>"
        for ident, title in found
    )
    label = _("Contents")
    return "".join(
        f'<nav class="toc {kind}" aria-label="{label}"><details{state}><summary>{label}'
        f"</summary><ol>{items}</ol></details></nav>"
        for kind, state in (("toc-narrow", ""), ("toc-wide", " open"))
    )


#: Where a page wants its contents list (else it goes after the first ``</h1>``).
CONTENTS_MARKER = "<!-- contents -->"


def with_contents(body: str, gettext: Callable[[str], str] = str) -> str:
    """Insert :func:`contents` at :data:`CONTENTS_MARKER`, else after the body's first
    ``</h1>`` (or at its top)."""
    toc = contents(body, gettext)
    if CONTENTS_MARKER in body:
        return body.replace(CONTENTS_MARKER, toc, 1)
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


def footer(environment: jinja2.Environment, language: str = i18n.LANGUAGES[0]) -> str:
    """Return the footer every page carries, in ``language``: licences, how to cite, the
    data package's version and a note on the source document (the last two only when
    ``datapackage.json`` is found in :func:`paths.data_dir`). Links point at the English
    site's root (``../`` from the French pages), which carries the data package."""
    _ = translator(language)
    up = "" if language == i18n.LANGUAGES[0] else "../"
    package = _datapackage(str(paths.data_dir()))
    source = package.get("source_document") or {}
    the_package = _("the data package")
    if package:
        the_package = f'<a href="{up}data/datapackage.json">{the_package}</a>'
    licences = _(
        "Code: MIT. Data tables and text: Creative Commons Attribution 4.0 (CC BY 4.0); the "
        "reference statistics keep their publishers' terms, listed in {package}."
    ).format(package=the_package)
    work = _("<em>Mali and its diaspora: a collection of narrative notebooks</em>")
    if (paths.PROJECT_ROOT / CITATION_FILE).is_file():
        cite = _(
            "The Mali diaspora notebook collection contributors, {work} (citation details in "
            "{link}). Please cite the original data publishers as well."
        ).format(work=work, link=f'<a href="{up}{CITATION_FILE}">{CITATION_FILE}</a>')
    else:
        cite = _(
            "The Mali diaspora notebook collection contributors, {work}. Please cite the "
            "original data publishers as well."
        ).format(work=work)
    version = ""
    if package.get("version"):
        version = _(
            "version {version}: every table, with its source, is described in {link}."
        ).format(
            version=package["version"],
            link=f'<a href="{up}data/datapackage.json">data/datapackage.json</a>',
        )
    about_source = ""
    if source:
        written = source.get("written") if language == i18n.LANGUAGES[0] else None
        written = written or source.get(f"written_{language}")
        if written:
            about_source = _(
                "is an untitled English overview of Mali's diaspora policy, written {written}; "
                "its author and publisher are not named. It is not distributed with the "
                "collection: its facts are carried over, section by section, in the "
                "collection's own words."
            ).format(written=html.escape(written))
        else:
            about_source = _(
                "is an untitled English overview of Mali's diaspora policy; its author and "
                "publisher are not named. It is not distributed with the collection: its "
                "facts are carried over, section by section, in the collection's own words."
            )
    return environment.get_template("footer.html.j2").render(
        labels={
            "licences": _("Licences."),
            "cite": _("How to cite."),
            "package": _("Data package"),
            "source": _("The source document"),
        },
        licences=licences,
        cite=cite,
        version=version,
        source=about_source,
    )


# -- the pass over the finished site ------------------------------------------------------


def copy_data_package(root: Path) -> list[str]:
    """Copy the CSV tables, their French text (``fr/*.csv``) and ``datapackage.json`` into
    ``root/data/``, so the package the site carries is whole; return the names copied."""
    source = paths.data_dir()
    names = (
        sorted(
            p.relative_to(source).as_posix()
            for p in [*source.glob("*.csv"), *source.glob("fr/*.csv")]
        )
        if source.is_dir()
        else []
    )
    if (source / "datapackage.json").is_file():
        names.append("datapackage.json")
    if names:
        target = root / DATA_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, target / name)
    citation = paths.PROJECT_ROOT / CITATION_FILE
    if citation.is_file():
        shutil.copyfile(citation, root / CITATION_FILE)
    return names


def page_title(page: Path) -> str:
    """Return a page's own title: its ``<title>`` without the site's name."""
    return _title(page)


def _title(page: Path) -> str:
    match = re.search(r"<title>(.*?)(?: \| [^<]*)?</title>", page.read_text(encoding="utf-8"))
    return match.group(1) if match else page.stem


def pager(
    order: list[str], titles: dict[str, str], stem: str, gettext: Callable[[str], str] = str
) -> str:
    """Return the previous/next links of ``stem`` within ``order``, labelled with
    ``gettext``."""
    _ = gettext
    previous, following = _("Previous"), _("Next")
    at = order.index(stem)
    links = []
    if at > 0:
        before = order[at - 1]
        links.append(
            f'<a rel="prev" href="{before}.html"><span>{previous}</span> {titles[before]}</a>'
        )
    if at + 1 < len(order):
        after = order[at + 1]
        links.append(
            f'<a rel="next" href="{after}.html"><span>{following}</span> {titles[after]}</a>'
        )
    label = _("Previous and next")
    return f'<nav class="pager" aria-label="{label}">{"".join(links)}</nav>'


_SKIP = ("a", "pre", "script", "style", "title", "summary")
_TOKEN = re.compile(r"(<[^>]+>)")


def cross_link(
    page: str,
    stems: set[str],
    data_files: set[str],
    data_root: str = "",
    documents: frozenset[str] = frozenset(),
) -> str:
    """Return ``page`` with ``<code>`` mentions of a notebook (``01_demographics``,
    ``notebooks/01_demographics.ipynb``), of a data file (``data/events.csv``,
    ``datapackage.json``) or of a Markdown document that is a page of the site
    (``course_rubric.md``, named in ``documents`` by stem) made into links, outside links
    and code blocks; data links start with ``data_root`` (``../`` on the French pages)."""

    def target(code: str) -> str | None:
        name = html.unescape(code).strip()
        notebook = re.fullmatch(r"(?:notebooks/)?(?:fr/)?([\w-]+?)(?:\.ipynb)?", name)
        if notebook and notebook.group(1) in stems:
            return f"{notebook.group(1)}.html"
        document = re.fullmatch(r"(?:notebooks/)?(?:fr/)?([\w-]+)\.md", name)
        if document and document.group(1) in documents:
            return f"{document.group(1)}.html"
        data = re.fullmatch(r"(?:data/)?([\w.-]+\.(?:csv|json))", name)
        if data and data.group(1) in data_files:
            return f"{data_root}{DATA_FOLDER}/{data.group(1)}"
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


def editions(root: Path) -> list[tuple[str, Path]]:
    """Return ``(language, folder)`` of each edition under ``root``: English at the root,
    then each other language whose folder (``fr/``) has an index."""
    found = [(i18n.LANGUAGES[0], root)]
    found += [
        (code, root / code) for code in i18n.LANGUAGES[1:] if (root / code / "index.html").is_file()
    ]
    return found


def _relative(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def language_links(page: Path, language: str, sites: list[tuple[str, Path]]) -> tuple[str, str]:
    """Return, for ``page`` of the ``language`` edition, the ``<link rel="alternate">`` to
    its twin in each other edition that has it (the page of the same name), and the visible
    links of the page bar: to the twin, else to the other edition's index."""
    alternates, switches = [], []
    for code, folder in sites:
        if code == language:
            continue
        twin = folder / page.name
        name = registry.get(code).name  # in its own language
        if twin.is_file():
            href = _relative(twin, page)
            alternates.append(f'\n<link rel="alternate" hreflang="{code}" href="{href}">')
        else:
            href = _relative(folder / "index.html", page)
        switches.append(
            f'<a class="language" href="{href}" hreflang="{code}" lang="{code}">{name}</a>'
        )
    return "".join(alternates), "".join(switches)


def current_page(page: str, name: str) -> str:
    """Return ``page`` with the link of its bar that points at the page itself (``name``)
    marked ``aria-current="page"`` (shown bold and thick-underlined)."""
    start, end = page.find('<header class="site"'), page.find("</header>")
    if start < 0 or end < 0:
        return page
    bar = page[start:end].replace(f'<a href="{name}">', f'<a href="{name}" aria-current="page">', 1)
    return page[:start] + bar + page[end:]


@functools.cache
def _table_titles(language: str) -> dict[str, str]:
    """Return the title of each table of ``data/datapackage.json`` in edition ``language``
    (``title_<code>`` where the package gives one, else its ``title``)."""
    try:
        package = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        str(r["name"]): str(r.get(f"title_{language}") or r.get("title") or r["name"])
        for r in package.get("resources", [])
    }


def finish(root: Path) -> None:
    """Complete the site under ``root`` once every page of every edition exists: copy the
    data package and ``CITATION.cff`` (once, at the root), then, in each edition, fill each
    notebook page's previous/next links, link the mentions of other notebooks and data
    files, and link every page to its twin in the other edition. Pages are rewritten in
    place."""
    data_files = set(copy_data_package(root))
    sites = editions(root)
    for language, folder in sites:
        _ = translator(language)
        data_root = _relative(root, folder / "index.html") + "/" if folder != root else ""
        stems = [p.stem for p in folder.glob("*.ipynb") if (folder / f"{p.stem}.html").is_file()]
        order = collection_order(stems)
        titles = {stem: _title(folder / f"{stem}.html") for stem in order}
        documents = frozenset(p.stem for p in folder.glob("course_*.html"))
        for page in sorted(folder.glob("*.html")):
            text = page.read_text(encoding="utf-8")
            new = text
            if PAGER_MARKER in new and page.stem in titles:
                new = new.replace(PAGER_MARKER, pager(order, titles, page.stem, _))
            alternate, switch = language_links(page, language, sites)
            new = new.replace(ALTERNATE_MARKER, alternate, 1).replace(SWITCH_MARKER, switch, 1)
            new = cross_link(new, set(order), data_files, data_root, documents)
            new = current_page(new, page.name)
            if new != text:
                page.write_text(new, encoding="utf-8")
        notebook_pages = [folder / f"{stem}.html" for stem in order]

        def table_link(name: str, root: str = data_root) -> str | None:
            return f"{root}{DATA_FOLDER}/{name}.csv" if f"{name}.csv" in data_files else None

        def table_title(name: str, code: str = language) -> str | None:
            return _table_titles(code).get(name)

        used_in.link_used_in(folder / "glossary.html", notebook_pages, _, table_link, table_title)
        search.write_index(folder)
