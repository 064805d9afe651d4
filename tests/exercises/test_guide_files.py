"""The instructor guide's "Where things are" lists what a run writes (issue 24, rfr12).

Every ``outputs/…`` path the guide's last section names, in either edition, matches at least
one file or folder of a real run (``<name>`` and ``<notebook>`` read as wildcards), and every
kind of chart file a run writes is named there. The real run is the suite's shared one
(``support.collection_site``), so the test is slow; the pattern reading is checked on its
own against a small tree.
"""

from __future__ import annotations

import re
from pathlib import Path

import diaspora_test_support as support
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
GUIDES = {"en": NOTEBOOKS / "instructor_guide.md", "fr": NOTEBOOKS / "fr" / "instructor_guide.md"}
LAST_SECTION = {"en": "## Where things are", "fr": "## Où trouver quoi"}
PATH = re.compile(r"`(outputs/[^`\s]*)`")


def listed_paths(edition: str) -> list[str]:
    """Return the ``outputs/…`` paths the guide's last section names, as written."""
    text = GUIDES[edition].read_text(encoding="utf-8")
    section = text.split(LAST_SECTION[edition], 1)[1].split("\n## ", 1)[0]
    return sorted(set(PATH.findall(section)))


def unmatched(paths: list[str], site: Path) -> list[str]:
    """Return the listed paths that match nothing in ``site`` (the outputs folder): each
    ``<…>`` stands for any part of one name; a trailing ``/`` names a folder."""
    files = [p.relative_to(site.parent).as_posix() for p in site.rglob("*")]
    folders = {f for f in files if (site.parent / f).is_dir()}
    missing = []
    for path in paths:
        if path == f"{site.name}/":  # the folder itself ("everything public is in outputs/")
            continue
        folder = path.endswith("/")
        parts = [re.escape(p) for p in re.split(r"<[^>]+>", path.rstrip("/"))]
        pattern = re.compile("[^/]+".join(parts))
        pool = folders if folder else files
        if not any(pattern.fullmatch(f) for f in pool):
            missing.append(path)
    return missing


def test_the_pattern_reading_finds_a_missing_file(tmp_path: Path) -> None:
    site = tmp_path / "outputs"
    (site / "figures" / "02_remittances").mkdir(parents=True)
    (site / "figures" / "02_remittances" / "costs_phone.svg").write_text("")
    (site / "index.html").write_text("")
    listed = [
        "outputs/index.html",
        "outputs/figures/<notebook>/",
        "outputs/figures/<notebook>/<name>_phone.svg",
        "outputs/<notebook>.ipynb",
        "outputs/figures/<notebook>/<name>.csv-metadata.json",
    ]
    assert unmatched(listed, site) == [
        "outputs/<notebook>.ipynb",
        "outputs/figures/<notebook>/<name>.csv-metadata.json",
    ]


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_the_guide_names_every_kind_of_chart_file(edition: str) -> None:
    # charts.files writes each chart as PNG, SVG, phone SVG, CSV, CSVW metadata and slide
    # PNG: the guide's last section names each, with the edition's word for the name.
    text = GUIDES[edition].read_text(encoding="utf-8").split(LAST_SECTION[edition], 1)[1]
    name = {"en": "<name>", "fr": "<nom>"}[edition]
    for kind in (".png", ".svg", "_phone.svg", ".csv", ".csv-metadata.json", "_slide.png"):
        assert f"`{name}{kind}`" in text, kind


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["en", "fr"])
def test_every_path_the_guide_lists_is_written_by_a_run(edition: str) -> None:
    paths = listed_paths(edition)
    assert len(paths) >= 8, paths
    assert unmatched(paths, support.collection_site()) == []
