"""Ways around the site: contents lists, the footer, the data package the pages link to,
and the pass that completes a built site.

What a page links to (previous/next, its twin in the other edition, cross-references) is
computed before it is rendered (:mod:`links`). Once every page exists, :func:`finish`
copies the data package and ``CITATION.cff`` beside the pages (so their links work
offline) and writes the search index. Everything is derived from the files, so
rebuilding gives the same bytes.
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

from diaspora_helpers import i18n, paths
from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.site import search
from diaspora_helpers.publish.site.links import DATA_FOLDER, data_names

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


def section_ends(cells: list[Any]) -> set[str]:
    """Return the ids of the Markdown cells before which a "Back to top" link closes the
    section above: each cell that opens with a level-2 heading, but the first (the page's
    template writes the link, :file:`notebook.html.j2`, so a long page read on a phone has
    one at the end of every section, not only at the end of the page). A cell without an
    id gets no link; the notebooks' headings open their cells (a test holds it)."""
    ends: set[str] = set()
    seen = False
    for cell in cells:
        if cell.get("cell_type") != "markdown" or not _opens_section(cell.get("source", "")):
            continue
        if seen and cell.get("id"):
            ends.add(str(cell["id"]))
        seen = True
    return ends


def _opens_section(source: str) -> bool:
    """Whether Markdown ``source`` starts with a level-2 heading (``## Title``)."""
    return re.match(r"\s*## ", source) is not None


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
    names = data_names()
    source = paths.data_dir() if names else Path()
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


@functools.cache
def table_titles(language: str) -> dict[str, str]:
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
    data package and ``CITATION.cff`` (once, at the root), then write each edition's
    search index. The links between pages are not added here: each page was rendered with
    them (:mod:`links`), and the glossary after the pages it links to (:mod:`used_in`)."""
    copy_data_package(root)
    for _language, folder in editions(root):
        search.write_index(folder)
