"""Texts of the course generated from one place: the definitions and the Binder link.

- The instructor guide's definitions section is generated from ``data/definitions.csv``
  (between two HTML comments), so the guide cannot say something else of a dataset than
  the table does: :func:`with_definitions`. The French guide (``notebooks/fr/``) gets the
  same section in French, from the table's French text (``data/fr/definitions.csv``), once
  that translation exists; until then its section is written by hand and left alone.
- The Binder launch link is built from the repository URL set once, as ``Repository``
  under ``[project.urls]`` in ``pyproject.toml``: :func:`binder_url`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import quote, urlparse

from diaspora_helpers import editions, i18n, paths
from diaspora_helpers.data import load
from diaspora_helpers.data.loader import translation_of
from diaspora_helpers.i18n import _
from diaspora_helpers.publish.site import story

DEFINITIONS_BEGIN = "<!-- definitions: generated from data/definitions.csv; do not edit -->"
DEFINITIONS_END = "<!-- end of definitions -->"

#: The definitions the course's sessions lean on, in the order the guide lists them.
COURSE_DEFINITIONS = (
    "administrative_sources",
    "un_desa_migrant_stock",
    "knomad_bilateral_migrant_stocks_2017",
    "rgph_census",
    "wdi_bx_trf_pwkr_cd_dt",
    "wdi_si_rmt_cost_ib_zs",
    "rpw_atcr_corr",
    "sdg_10c1",
)


def definitions_markdown() -> str:
    """Return the guide's definitions section: one item per definition, from the table:
    its name, its definition, who publishes it, and its note. The publisher follows the
    definition rather than standing in brackets after the name, since publishers' names
    carry brackets of their own ("… Population Division (UN DESA)")."""
    table = load("definitions").set_index("id")
    lines = []
    for key in COURSE_DEFINITIONS:
        row = table.loc[key]
        item = _("- **{name}**: {definition}")
        lines.append(item.format(name=row["name"], definition=row["definition"]))
        lines.append("  " + _("*Published by:* {publisher}.").format(publisher=row["publisher"]))
        if isinstance(row["note"], str) and row["note"].strip():
            note = story.after_label(row["note"], i18n.language())  # « Remarque : les… »
            lines.append("  " + _("*Note:* {note}").format(note=note))
    return "\n".join(lines)


def with_definitions(text: str) -> str:
    """Return ``text`` with its definitions section replaced by the generated one."""
    head, sep, rest = text.partition(DEFINITIONS_BEGIN)
    if not sep:
        raise ValueError("the guide has no definitions section marker")
    _, sep_end, tail = rest.partition(DEFINITIONS_END)
    if not sep_end:
        raise ValueError("the guide's definitions section has no end marker")
    return f"{head}{DEFINITIONS_BEGIN}\n\n{definitions_markdown()}\n\n{DEFINITIONS_END}{tail}"


def guides() -> dict[str, Path]:
    """Return the instructor guide of each edition whose definitions are generated: the
    source language's guide always, another edition's once its translation of
    ``definitions`` exists (``data/<code>/definitions.csv``) and its guide carries the
    section's markers."""
    folder = paths.require_notebooks_dir()
    found = {editions.source().code: folder / "instructor_guide.md"}
    for code in editions.TRANSLATIONS:
        guide = folder / editions.get(code).notebooks / "instructor_guide.md"
        if (
            translation_of("definitions", code)
            and guide.exists()
            and DEFINITIONS_BEGIN in guide.read_text(encoding="utf-8")
        ):
            found[code] = guide
    return found


WEIGHTS_BEGIN = "<!-- weights: generated from course_weights.csv; do not edit -->"
WEIGHTS_END = "<!-- end of weights -->"


def with_weights(text: str, language: str) -> str:
    """Return a syllabus with its table of weights generated from ``course_weights.csv``."""
    from diaspora_helpers.publish.course.gradebook import weights_markdown

    head, sep, rest = text.partition(WEIGHTS_BEGIN)
    _, sep_end, tail = rest.partition(WEIGHTS_END)
    if not sep or not sep_end:
        raise ValueError("the syllabus has no weights section markers")
    return f"{head}{WEIGHTS_BEGIN}\n\n{weights_markdown(language)}\n\n{WEIGHTS_END}{tail}"


def syllabi() -> dict[str, Path]:
    """Return the syllabus of each edition: ``course_syllabus.md`` in ``notebooks/`` (en)
    and ``notebooks/fr/`` (fr)."""
    folder = paths.require_notebooks_dir()
    return {"en": folder / "course_syllabus.md", "fr": folder / "fr" / "course_syllabus.md"}


def update_guide() -> bool:
    """Rewrite each guide's definitions section from the table, and each syllabus's weights
    from ``course_weights.csv``, in its language; return True if one changed."""
    changed = False
    previous = i18n.language()
    try:
        for language, guide in guides().items():
            i18n.set_language(language)
            text = guide.read_text(encoding="utf-8")
            new = with_definitions(text)
            if new != text:
                guide.write_text(new, encoding="utf-8")
                changed = True
        for language, syllabus in syllabi().items():
            text = syllabus.read_text(encoding="utf-8")
            new = with_weights(text, language)
            if new != text:
                syllabus.write_text(new, encoding="utf-8")
                changed = True
    finally:
        i18n.set_language(previous)
    return changed


def repository_url() -> str | None:
    """Return the repository URL set in ``pyproject.toml`` (``[project.urls] Repository``)."""
    project = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    url = project.get("urls", {}).get("Repository")
    return str(url) if url else None


def binder_url(repository: str, ref: str = "HEAD") -> str:
    """Return the mybinder.org launch link of a GitHub or GitLab repository URL."""
    parsed = urlparse(repository.removesuffix(".git").rstrip("/"))
    path = parsed.path.strip("/")
    if parsed.netloc == "github.com":
        return f"https://mybinder.org/v2/gh/{path}/{ref}"
    if parsed.netloc == "gitlab.com":
        return f"https://mybinder.org/v2/gl/{quote(path, safe='')}/{ref}"
    return f"https://mybinder.org/v2/git/{quote(repository, safe='')}/{ref}"
