"""The tree a run will publish, planned before any page is rendered: the map of its pages
(:func:`site_map`, what each page links to) and each edition's site with its glossary and
guide (:func:`edition_sites`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from diaspora_helpers import paths
from diaspora_helpers.i18n import LANGUAGES
from diaspora_helpers.publish.execution.selection import edition_of, notebook_key

GLOSSARY_SOURCE = "glossary.csv"  # in data/
GUIDE_SOURCE = "instructor_guide.md"  # in notebooks/ (the French one in notebooks/fr/)


def site_map(
    available: list[Path],
    selected: list[Path],
    sources: dict[str, Any],
    notebooks_dir: Path,
    outputs: Path,
    glossary: bool,
) -> Any:
    """Return the map of the tree this run will publish (:class:`links.SiteMap`), known
    before any page is rendered: each edition's notebook pages (every notebook run, and
    every other one whose previous result is kept) with their titles, index, glossary,
    guide and course documents, and the data package's files."""
    import nbformat

    from diaspora_helpers.publish.site import links, navigation
    from diaspora_helpers.publish.site import pages as site

    languages = [
        language
        for language in LANGUAGES
        if language == LANGUAGES[0]
        or any(edition_of(notebook_key(p)) == language for p in available)
    ]
    folders = {language: links.folder_of(language) for language in languages}
    stems: dict[str, list[str]] = {language: [] for language in languages}
    titles: dict[str, dict[str, str]] = {language: {} for language in languages}
    chosen = set(selected)
    for notebook in available:
        key, stem = notebook_key(notebook), notebook.stem
        language = edition_of(key)
        if notebook in chosen:
            source = sources[key]
        else:
            previous = outputs / folders[language] / f"{stem}.ipynb"
            if not previous.is_file():
                continue  # no page: the notebook is "missing" from this tree
            source = nbformat.read(previous, as_version=4)
        stems[language].append(stem)
        titles[language][stem] = site.notebook_title(source, stem)
    pages: dict[str, frozenset[str]] = {}
    documents: dict[str, frozenset[str]] = {}
    for language in languages:
        names = {f"{stem}.html" for stem in stems[language]} | {"index.html"}
        if glossary:
            names.add(site.GLOSSARY_PAGE)
        folder = notebooks_dir / folders[language]
        documents[language] = frozenset()
        if (folder / GUIDE_SOURCE).is_file():
            names.add(site.GUIDE_PAGE)
            documents[language] = frozenset(
                p.stem for p in folder.glob(f"{site.COURSE_PREFIX}*.md")
            )
            names |= {f"{stem}.html" for stem in documents[language]}
        pages[language] = frozenset(names)
    return links.SiteMap(
        folders=folders,
        pages=pages,
        order={k: tuple(navigation.collection_order(v)) for k, v in stems.items()},
        titles=titles,
        documents=documents,
        data_files=frozenset(links.data_names()),
    )


def edition_sites(staging: Path, notebooks_dir: Path, site_map: Any) -> dict[str, Any]:
    """Return the site of each edition of ``site_map`` (English at the root of the tree,
    French in ``fr/``), with its guide pages written (the glossary comes after the notebook
    pages: :func:`render_glossaries`)."""
    from diaspora_helpers.publish.site import glossary as glossary_page
    from diaspora_helpers.publish.site import pages as site

    glossary = glossary_source()
    webs = {}
    for language, folder in site_map.folders.items():
        guide = notebooks_dir / folder / GUIDE_SOURCE
        root = staging / folder
        root.mkdir(parents=True, exist_ok=True)
        web = site.Site(
            root,
            glossary=glossary.is_file(),
            guide=guide.is_file(),
            language=language,
            links=site_map,
        )
        if web.glossary:  # written after the notebook pages; read now, before any kernel
            glossary_page.check_glossary(glossary, language)
        if web.guide:
            site.render_markdown_page(guide, web, site.GUIDE_PAGE)
        webs[language] = web
    return webs


def glossary_source() -> Path:
    try:
        return paths.data_dir() / GLOSSARY_SOURCE
    except FileNotFoundError:  # an installed package without its tables: no glossary page
        return Path(os.devnull) / GLOSSARY_SOURCE


def render_glossaries(webs: dict[str, Any], site_map: Any) -> None:
    """Write each edition's glossary, its "Used in" cells linked to the sections of the
    notebook pages already rendered that use each term, and each table it names linked to
    the data package's file."""
    from diaspora_helpers.publish.site import glossary as glossary_page
    from diaspora_helpers.publish.site import navigation, used_in
    from diaspora_helpers.publish.site.links import DATA_FOLDER

    source = glossary_source()
    for language, web in webs.items():
        if not web.glossary:
            continue
        up = "../" * len(Path(site_map.folders[language]).parts)

        def table_link(name: str, up: str = up) -> str | None:
            found = f"{name}.csv" in site_map.data_files
            return f"{up}{DATA_FOLDER}/{name}.csv" if found else None

        pages = [web.root / f"{stem}.html" for stem in site_map.order[language]]

        def table_title(name: str, code: str = language) -> str | None:
            return navigation.table_titles(code).get(name)

        cell = used_in.used_in_cell(
            [p for p in pages if p.is_file()], web.gettext, table_link, table_title
        )
        glossary_page.render_glossary(source, web, used_in=cell)
