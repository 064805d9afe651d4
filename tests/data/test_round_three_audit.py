"""Issue 23: the audit entries and data rows a third fact-check corrected or added.

Each test reads the CSV files directly and fails on the wording the fact-check found
wrong (an old phrase back, an entry missing, a French row missing).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"
NEW_ENTRIES = (
    "nationality_link_misplaced",
    "undated_today",
    "constraint_as_question",
    "thematic_committees_groups",
)


def _rows(name: str, french: bool = False) -> dict[str, dict[str, str]]:
    path = DATA / "fr" / f"{name}.csv" if french else DATA / f"{name}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def audit() -> dict[str, dict[str, str]]:
    return _rows("source_audit")


@pytest.fixture(scope="module")
def audit_fr() -> dict[str, dict[str, str]]:
    return _rows("source_audit", french=True)


@pytest.mark.parametrize("entry", NEW_ENTRIES)
def test_the_four_missed_problems_are_audited_in_both_languages(audit, audit_fr, entry):
    assert entry in audit and entry in audit_fr
    row = audit[entry]
    assert row["severity"] in {"arithmetic", "garble", "ambiguity", "terminology", "contradiction"}
    assert row["problem"] and row["treatment"] and row["section"]
    assert audit_fr[entry]["problem"] != row["problem"]


def test_each_new_entry_points_at_rows_that_exist(audit):
    for entry in NEW_ENTRIES:
        for target in audit[entry]["affects"].split(";"):
            table, _, row_id = target.strip().partition(":")
            rows = _rows(table)
            assert not row_id or row_id in rows, (entry, target)


def test_two_decades_is_a_lower_bound_not_a_contradiction(audit):
    problem = audit["two_decades"]["problem"]
    assert "much shorter" not in problem
    assert "lower bound" in problem and "no contradiction" in problem
    figure = _rows("codevelopment_figures")["diaspora_infrastructure_decades"]
    assert figure["qualifier"] == "more_than"  # 'more than two decades', as the entry says


def test_community_dynamics_dates_are_stages(audit):
    problem = audit["community_dynamics_dates"]["problem"]
    assert "different starting points" not in problem
    assert "stages" in problem
    events = _rows("events")
    stages = ["community_dynamics_1960s", "kayes_associations_1970s"]
    stages.append("associations_formalised_1980s")
    years = [int(events[e]["date"][:4]) for e in stages]
    assert years == sorted(years) and all(events[e]["date_approximate"] == "true" for e in stages)


def test_cigem_is_called_both_centre_and_project_in_section_5_1(audit):
    problem = audit["cigem_name"]["problem"]
    assert "a project in section 3 and a centre in 5.1" not in problem
    assert "5.1" in problem and "centre" in problem and "pilot project" in problem


def test_thematic_entries_do_not_overlap(audit):
    assert "committees" not in audit["thematic_group_names"]["problem"]
    assert "committees" in audit["thematic_committees_groups"]["problem"]
    link = _rows("institution_links")["hcme_consultation_framework"]
    assert "groups" in link["note"]


def test_law_2012_001_printed_date_has_the_right_month():
    law = _rows("legal_framework")["law_2012_001"]
    assert "gives only its number and year" not in law["diaspora_relevance"]
    printed, real = law["date_as_printed"], law["date"]
    assert printed == "01 January 2012" and real[:7] == "2012-01"
    assert "right month" in law["diaspora_relevance"]
    assert "right" in _rows("source_audit")["land_code_amendment"]["problem"]


def test_the_visited_countries_are_examples():
    figure = _rows("codevelopment_figures")["missions_countries_visited"]
    assert figure["qualifier"] == "examples"
    event = _rows("events")["missions_2012_2016"]
    assert "such as" in event["label"] and "examples" in event["place"]
    assert "onze pays," not in _rows("events", french=True)["missions_2012_2016"]["label"]


def test_the_ministry_2015_row_is_its_activities_not_a_plan():
    event = _rows("events")["ministry_activities_2015"]
    assert "plan" not in event["short_label"].casefold()
    assert "activities" in event["label"]
    assert (
        "Programme" not in _rows("events", french=True)["ministry_activities_2015"]["short_label"]
    )
