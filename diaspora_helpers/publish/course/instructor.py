"""The lecturer's build: the instructor guide with its answers, into the course folder.

The public site renders the guide without the parts between ``<!-- instructor-only -->``
and ``<!-- end instructor-only -->`` (the points a good answer makes, the model answers of
the writing tasks). :func:`build` writes the whole guide of each edition to
``course/instructor/<edition>/instructor_guide.html``: outside ``outputs/``, linked from no
public page, marked ``noindex``, and never part of the site's search index.
"""

from __future__ import annotations

import html
from pathlib import Path

from diaspora_helpers import paths
from diaspora_helpers.publish.site import markup

EDITION_FOLDERS = {"en": "", "fr": "fr"}
_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:0 auto;"
    "padding:1rem;color:#1a1a1a;background:#fff}table{border-collapse:collapse;display:block;"
    "overflow-x:auto}td,th{border:1px solid #767676;padding:.25rem .5rem}"
    "code,pre{white-space:pre-wrap;overflow-wrap:anywhere}"
)
_NOTICE = {
    "en": "For lecturers only: this build includes the answers. Do not put it on a public site.",
    "fr": "Réservé aux enseignants\u202f: cette version contient les réponses. Ne la publiez "
    "pas sur un site public.",
}


def page(markdown_text: str, language: str) -> str:
    """Return the full guide (answers included) as one standalone HTML page."""
    body = markup.heading_ids(markup.markdown(markdown_text))
    title = next(
        (ln.lstrip("#").strip() for ln in markdown_text.splitlines() if ln.startswith("# ")),
        "Instructor guide",
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{html.escape(markup.plain(title))}</title><style>{_STYLE}</style></head>\n"
        f"<body><main><p><strong>{html.escape(_NOTICE[language])}</strong></p>\n{body}\n"
        "</main></body></html>\n"
    )


def build(course_dir: Path, notebooks_dir: Path | None = None) -> list[Path]:
    """Write the full guide of each edition into ``course_dir/instructor/<edition>/``."""
    folder = notebooks_dir or paths.require_notebooks_dir()
    written = []
    for language, sub in EDITION_FOLDERS.items():
        source = (folder / sub if sub else folder) / "instructor_guide.md"
        if not source.is_file():
            continue
        out = course_dir / "instructor" / language / "instructor_guide.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page(source.read_text(encoding="utf-8"), language), encoding="utf-8")
        written.append(out)
    return written
