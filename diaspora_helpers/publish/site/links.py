"""What each page links to, computed before any page is rendered.

A run knows, before it renders a page, every page the tree it publishes will hold: the
notebooks of each edition (in reading order, with their titles), the index, the glossary,
the guide and the course documents, and the data package's files. :class:`SiteMap` holds
that, and :meth:`SiteMap.links` gives a page what it shows around its story: the previous
and next notebooks (:func:`pager`), the ``<link rel="alternate" hreflang>`` to its twin in
each other edition and the visible switch to it (else to that edition's index), and the
cross-references (:func:`cross_link`: ``<code>`` mentions of another notebook, of a data
file or of a course document become links). The page template places them as it renders
the page: nothing is patched into a finished page.

The French site sits in ``fr/`` of the English one and links to the English site's one
copy of the data package (``../data/``).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import markupsafe

from diaspora_helpers import editions as registry
from diaspora_helpers import i18n, paths

DATA_FOLDER = "data"


def data_names() -> list[str]:
    """Return the files of the data package the site carries (``data/*.csv``, their French
    text ``fr/*.csv`` and ``datapackage.json``), as paths inside ``data/``."""
    try:
        source = paths.data_dir()
    except FileNotFoundError:
        return []
    if not source.is_dir():
        return []
    names = sorted(
        p.relative_to(source).as_posix() for p in [*source.glob("*.csv"), *source.glob("fr/*.csv")]
    )
    if (source / "datapackage.json").is_file():
        names.append("datapackage.json")
    return names


@dataclass(frozen=True)
class PageLinks:
    """The links around one page: previous/next, its twins, the edition switch."""

    pager: str = ""
    alternate: str = ""
    switch: str = ""


@dataclass(frozen=True)
class SiteMap:
    """Every page a run's tree will hold, by edition; see the module's docstring.

    ``folders`` maps each edition's language to its folder inside the tree (``""`` for
    English at the root, ``"fr"``); ``pages`` to the file names of its pages; ``order`` to
    its notebook stems in reading order and ``titles`` to their titles (plain text);
    ``documents`` to the stems of its course documents (``course_rubric``);
    ``data_files`` lists the data package's files (:func:`data_names`).
    """

    folders: Mapping[str, str]
    pages: Mapping[str, frozenset[str]]
    order: Mapping[str, tuple[str, ...]]
    titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    documents: Mapping[str, frozenset[str]] = field(default_factory=dict)
    data_files: frozenset[str] = frozenset()

    def digest(self) -> str:
        """Return a digest of the whole map (a page's cache key includes it)."""
        payload = {
            "folders": dict(self.folders),
            "pages": {k: sorted(v) for k, v in self.pages.items()},
            "order": {k: list(v) for k, v in self.order.items()},
            "titles": {k: dict(v) for k, v in self.titles.items()},
            "documents": {k: sorted(v) for k, v in self.documents.items()},
            "data": sorted(self.data_files),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def links(self, language: str, name: str, gettext: Callable[[str], str] = str) -> PageLinks:
        """Return the links around page ``name`` (``02_remittances.html``) of the
        ``language`` edition, their words translated with ``gettext``."""
        stem = name.removesuffix(".html")
        order = list(self.order.get(language, ()))
        titles = self.titles.get(language, {})
        shown = pager(order, titles, stem, gettext) if stem in order else ""
        here = _folder_path(self.folders[language])
        alternates, switches = [], []
        for code, folder in self.folders.items():
            if code == language:
                continue
            there = _folder_path(folder)
            own = registry.get(code).name  # the edition's name in its own language
            if name in self.pages.get(code, frozenset()):
                href = _relative(there / name, here / name)
                alternates.append(f'\n<link rel="alternate" hreflang="{code}" href="{href}">')
            else:
                href = _relative(there / "index.html", here / name)
            switches.append(
                f'<a class="language" href="{href}" hreflang="{code}" lang="{code}">{own}</a>'
            )
        return PageLinks(shown, "".join(alternates), "".join(switches))

    def cross_link(self, language: str, body: str) -> str:
        """Return ``body`` of a page of the ``language`` edition with its ``<code>``
        mentions of notebooks, data files and course documents linked (:func:`cross_link`)."""
        folder = self.folders[language]
        data_root = "../" * len(Path(folder).parts)
        return cross_link(
            body,
            set(self.order.get(language, ())),
            set(self.data_files),
            data_root,
            self.documents.get(language, frozenset()),
            self.titles.get(language, {}),
        )


def _folder_path(folder: str) -> Path:
    return Path("/") / folder


def _relative(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def pager(
    order: list[str], titles: Mapping[str, str], stem: str, gettext: Callable[[str], str] = str
) -> str:
    """Return the previous/next links of ``stem`` within ``order``, labelled with
    ``gettext`` (``titles`` are plain text)."""
    _ = gettext
    previous, following = _("Previous"), _("Next")
    at = order.index(stem)
    links = []

    def title(other: str) -> str:  # as the page's <title> shows it (Jinja's escaping)
        return str(markupsafe.escape(titles.get(other, other)))

    if at > 0:
        before = order[at - 1]
        links.append(
            f'<a rel="prev" href="{before}.html"><span>{previous}</span> {title(before)}</a>'
        )
    if at + 1 < len(order):
        after = order[at + 1]
        links.append(
            f'<a rel="next" href="{after}.html"><span>{following}</span> {title(after)}</a>'
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
    titles: Mapping[str, str] | None = None,
) -> str:
    """Return ``page`` with ``<code>`` mentions of a notebook (``01_demographics``,
    ``notebooks/01_demographics.ipynb``), of a data file (``data/events.csv``,
    ``datapackage.json``) or of a Markdown document that is a page of the site
    (``course_rubric.md``, named in ``documents`` by stem) made into links, outside links
    and code blocks; data links start with ``data_root`` (``../`` on the French pages).
    A notebook with a title in ``titles`` (by stem, plain text) is linked by its title,
    its file name after it in brackets (a student opens the file by that name); when the
    text goes on with a bracket of its own, the file name opens that bracket instead
    ("title (file, on JupyterHub…)", never two brackets in a row)."""
    titles = titles or {}

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
            title = titles.get(href.removesuffix(".html"), "") if href else ""
            if href and title:
                shown = html.escape(title, quote=False)
                code = parts[index + 1]
                named = f'<a class="xref" href="{href}">{shown}</a> (<code>{code}</code>'
                after = parts[index + 3] if index + 3 < len(parts) else ""
                aside = re.match(r"\s+\(", after)
                if aside:  # "file (on JupyterHub…)": one bracket, "(file, on JupyterHub…)"
                    out.append(f"{named}, {after[aside.end() :]}")
                    index += 4
                    continue
                out.append(f"{named})")
                index += 3
                continue
            if href:
                out.append(f'<a class="xref" href="{href}"><code>{parts[index + 1]}</code></a>')
                index += 3
                continue
        out.append(part)
        index += 1
    return "".join(out)


def current(nav: str, name: str) -> str:
    """Return the site bar's links ``nav`` with the link to the page itself (``name``)
    marked ``aria-current="page"`` (shown bold and thick-underlined)."""
    return nav.replace(f'<a href="{name}">', f'<a href="{name}" aria-current="page">', 1)


def folder_of(language: str) -> str:
    """Return the folder of the ``language`` edition inside the tree (``""`` for English)."""
    return "" if i18n.check_language(language) == i18n.LANGUAGES[0] else language
