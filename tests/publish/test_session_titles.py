"""One title per session (rfr8 item 5): the syllabus, the readings and the instructor guide
(its session headings and its table of sessions) name each session by the title its
exercise notebook gives it, in both editions. The exercise notebooks are the reference:
their first heading ("# Session 3 exercises: money sent home", "# Séance 3 : l’argent
envoyé au pays")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
#: Every edition's folder of notebooks (the source language at the top).
FOLDERS = {"en": NOTEBOOKS, "fr": NOTEBOOKS / "fr"}
#: A heading or a cell that names session N, then its title (after ":" or "N.").
SESSION = r"(?:Session|Séance)"


def _key(title: str) -> str:
    """A title as compared: first letter in lower case (a cell or a heading starts with a
    capital, a title after a colon need not), whitespace folded, no final full stop."""
    title = re.sub(r"\s+", " ", title.strip()).rstrip(".")
    return title[:1].lower() + title[1:]


def _reference(folder: Path) -> dict[int, str]:
    """The title of each session from its exercise notebook's first heading."""
    titles = {}
    for path in sorted(folder.glob("exercises_[0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        first = "".join(cells[0]["source"]).splitlines()[0]
        found = re.match(rf"# {SESSION} (\d)(?: exercises)?\s*:\s*(.+)$", first)
        assert found, f"{path.name}: first heading {first!r} names no session"
        titles[int(found.group(1))] = _key(found.group(2))
    return titles


def _cells(text: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]


def _said(folder: Path) -> dict[str, dict[int, str]]:
    """Every place a course document names a session, by document: session -> title."""
    syllabus = (folder / "course_syllabus.md").read_text(encoding="utf-8")
    readings = (folder / "course_readings.md").read_text(encoding="utf-8")
    guide = (folder / "instructor_guide.md").read_text(encoding="utf-8")
    said: dict[str, dict[int, str]] = {"syllabus": {}, "readings": {}, "guide": {}}
    for row in _cells(syllabus):
        found = re.fullmatch(rf"{SESSION} (\d)", row[0])
        if found and len(row) > 1:
            said["syllabus"][int(found.group(1))] = _key(row[1])
    for row in _cells(readings):
        found = re.fullmatch(r"(\d)\. (.+)", row[0])
        if found:
            said["readings"][int(found.group(1))] = _key(found.group(2))
    for found in re.finditer(rf"^## {SESSION} (\d)\s*:\s*(.+)$", guide, re.M):
        said["guide"][int(found.group(1))] = _key(found.group(2))
    return said


def _guide_themes(folder: Path) -> dict[int, str]:
    """The guide's table of sessions: session number -> its "Theme" cell."""
    guide = (folder / "instructor_guide.md").read_text(encoding="utf-8")
    return {int(row[0]): _key(row[1]) for row in _cells(guide) if re.fullmatch(r"\d", row[0])}


@pytest.mark.parametrize("edition", sorted(FOLDERS))
def test_every_course_document_names_each_session_by_its_exercise_notebook_s_title(edition):
    folder = FOLDERS[edition]
    reference = _reference(folder)
    assert sorted(reference) == [1, 2, 3, 4, 5]
    for document, titles in _said(folder).items():
        assert sorted(titles) == sorted(reference), f"{edition} {document}: sessions {titles}"
        wrong = {n: (t, reference[n]) for n, t in titles.items() if t != reference[n]}
        assert not wrong, f"{edition} {document}: (title, exercise notebook's title) {wrong}"
    # the guide's table gives the title, then (after ":" or "?") what the session covers
    for number, theme in _guide_themes(folder).items():
        title = reference[number]
        assert theme == title or (
            theme.startswith(title) and re.match(r"\s*[:?]?\s", theme[len(title) :] + " ")
        ), f"{edition} guide table, session {number}: {theme!r} does not start with {title!r}"


def test_a_different_title_is_caught():
    """The comparison sees a changed word and ignores only a sentence's first capital."""
    assert _key("Money sent home") == _key("money sent home.")
    assert _key("Where do they live?") != _key("Where do Malians live?")
    assert _key("Où vivent les Maliens\nde l’extérieur\u202f?") == _key(
        "où vivent les Maliens de l’extérieur\u202f?"
    )
