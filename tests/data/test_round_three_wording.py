"""Issue 23: wording a reader sees outside the Python package (datapackage descriptions,
notebook sources, the instructor's guide), checked against the phrases the fact-check found
wrong, in both editions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


def _source(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells)


def _package_text() -> str:
    return (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8")


def test_un_stock_descriptions_give_the_full_definition():
    package = json.loads(_package_text())
    for resource in package["resources"]:
        if not resource["name"].startswith("un_migrant_stock"):
            continue
        fields = resource["schema"]["fields"]
        direction = next(f for f in fields if f["name"] == "direction")["description"]
        assert "citizens" in direction, resource["name"]
        assert "'emigrants': born in" not in direction
        assert "citizens" in resource["description"]


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_overview_table_applies_the_decimals_parameter(edition):
    source = _source(NOTEBOOKS / f"{edition}00_overview.ipynb")
    assert "shares.round(decimals)" not in source
    assert '"recomputed_share_pct": decimals' in source


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_master_5_shows_the_printed_share_with_two_decimals(edition):
    source = _source(NOTEBOOKS / f"{edition}master_5_source_criticism.ipynb")
    assert 'decimals={"stated_share_pct": 2}' in source


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_corridor_surveys_are_not_called_quarterly(edition):
    source = _source(NOTEBOOKS / f"{edition}02_remittances.ipynb")
    assert "Quarterly surveys above" not in source


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_scenario_default_and_its_assumption_are_stated(edition):
    source = _source(NOTEBOOKS / f"{edition}02_remittances.ipynb")
    assert "gain = *R* × (*c* − *t*), " in source
    assert "**hypothèse**" in source if edition else "**assumption**" in source
    master = _source(NOTEBOOKS / f"{edition}master_3_remittances.ipynb")
    assert "**after** fees" not in master and "**après** déduction" not in master


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_exercise_1_3_key_is_written_not_scanned(edition):
    source = _source(NOTEBOOKS / f"{edition}master_1_counting.ipynb")
    assert 'if "descendants" in v' not in source
    assert 'answer_3 = "administrative"' in source


def test_guide_reads_sdg_10c_in_two_parts():
    english = (NOTEBOOKS / "instructor_guide.md").read_text(encoding="utf-8")
    assert "must stay under" not in english and "exactly 5% meets it" in english
    assert "modest amount per emigrant" not in english
    french = (NOTEBOOKS / "fr" / "instructor_guide.md").read_text(encoding="utf-8")
    assert "que *chaque corridor* doit respecter" not in french
    assert "exactement\n   5\u00a0% respecte ce plafond" in french  # rfr10: « la respecte »


def test_readme_says_the_scenario_default_changed():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Changed default in the remittances scenario" in readme
