"""Documents named by their titles: on a page drawn from Markdown (the instructor guide,
the course documents), a document beside it named by its file name (```course_rubric.md```,
``[exercises_1_counting](exercises_1_counting.ipynb)``) becomes a link to its page on the
site, named by the title a reader sees there ("Rubric", "Session 1 exercises: how many
Malians live abroad?"), not by a file name."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from diaspora_helpers.publish.site import markup

#: A short title ends at its first colon (French puts a narrow no-break space, which
#: ``\s`` matches, before it).
_COLON = re.compile(r"\s*:")


def _heading(text: str) -> str:
    return next((ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("# ")), "")


def title(folder: Path, stem: str) -> str | None:
    """Return the title of the document ``stem`` of ``folder``: a Markdown file's first
    heading up to its colon ("Rubric: writing tasks…" gives "Rubric"), a notebook's first
    heading whole; None when there is no such document or it has no heading."""
    document = folder / f"{stem}.md"
    if document.is_file():
        heading = _heading(document.read_text(encoding="utf-8"))
        return markup.plain(_COLON.split(heading, maxsplit=1)[0]).strip() or None
    notebook = folder / f"{stem}.ipynb"
    if notebook.is_file():
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type == "markdown" and (heading := _heading(cell.source)):
                return markup.plain(heading)
    return None


def by_title(body: str, folder: Path) -> str:
    """Return ``body`` (HTML) with each ``<code>X.md</code>`` naming a Markdown document
    of ``folder`` turned into a link to ``X.html`` named by its title, and each link to
    ``X.html`` whose text is its file name ``X`` named by the document's title instead
    (a notebook's or a Markdown file's of ``folder``); other code and links unchanged."""

    def code(match: re.Match[str]) -> str:
        stem = match.group(1)
        found = title(folder, stem) if (folder / f"{stem}.md").is_file() else None
        return f'<a href="{stem}.html">{html.escape(found)}</a>' if found else match.group(0)

    def link(match: re.Match[str]) -> str:
        found = title(folder, match.group(2))
        return f"{match.group(1)}{html.escape(found)}</a>" if found else match.group(0)

    body = re.sub(r"<code>([\w-]+)\.md</code>", code, body)
    return re.sub(r'(<a\b[^>]*?\bhref="([\w-]+)\.html(?:#[^"]*)?"[^>]*>)\2</a>', link, body)
