"""Headers recorded by the analysis (``i18n.with_headers``, issue 24): a table's header
that is not its column name's label comes from the analysis, as an English message id the
tables translate, so that a notebook's code cells (the same in both editions) carry no
display words."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import diaspora_helpers
from diaspora_helpers import i18n, tables
from diaspora_helpers.analysis import counts, policy, remittances, timeline

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def english_after():
    yield
    diaspora_helpers.setup(language="en")


@pytest.fixture
def frame() -> pd.DataFrame:
    table = pd.DataFrame({"id": ["a", "b"], "count": ["x", "y"], "share_above_7.5pct": [1.0, 2.0]})
    i18n.with_fields(table, threshold=7.5)
    return i18n.with_headers(
        table,
        count="Kind of count",
        **{"share_above_7.5pct": "Surveys costing over {threshold}% (% of surveys)"},
    )


def test_a_recorded_header_replaces_the_label_and_fills_its_placeholders(frame) -> None:
    shown = tables.show(frame)
    assert shown.labels == ["ID", "Kind of count", "Surveys costing over 7.5% (% of surveys)"]


def test_a_header_given_to_show_wins_over_the_recorded_one(frame) -> None:
    shown = tables.show(frame, columns={"count": "Mine", "id": "Id"})
    assert shown.labels == ["Mine", "Id"]


def test_the_record_follows_copies_selections_and_the_index(frame) -> None:
    selected = frame.set_index("id")[["count"]].copy()
    i18n.with_headers(selected, id="Constraint ID")
    assert tables.show(selected, index=True).labels == ["Constraint ID", "Kind of count"]


def test_french_headers_come_from_the_catalogs_with_the_french_decimal_sign(frame) -> None:
    diaspora_helpers.setup(language="fr")
    # The French of these msgids, as the catalogs write them by hand.
    assert tables.show(frame).labels[1:] == [
        "Décompte",
        "Enquêtes au coût supérieur à 7,5\u00a0% (% des enquêtes)",
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_notebooks_tables_keep_their_headers_without_words_in_the_code(language) -> None:
    """The four tables whose headers the notebooks used to type (01, 02, 03, exercise 4)."""
    diaspora_helpers.setup(language=language)
    translate = i18n.translator(language)
    civ = tables.show(counts.destination_counts("CIV"), columns=["count", "reference_year"])
    assert civ.labels == [translate("Kind of count"), translate("Reference year")]
    summary = remittances.corridor_summary(remittances.corridor_costs(), 5.0, 3.0)
    headers = dict(zip(summary.columns, tables.show(summary).labels, strict=True))
    assert headers["first_period"] == translate("First survey")
    percent = "5\u00a0%" if language == "fr" else "5%"
    assert headers["share_above_5pct"] == translate(
        "Surveys costing over {threshold}% (% of surveys)"
    ).format(threshold=5)
    assert percent in headers["share_above_5pct"]
    sequels = tables.show(timeline.sequels(timeline.events()))
    assert sequels.labels[-1] == translate("Number of events")
    ids = tables.show(policy.constraint_key(), index=True)
    assert ids.labels == [
        translate("Constraint ID"),
        translate("Short name"),
        translate("Constraint"),
    ]


@pytest.mark.parametrize(("language", "short"), [("en", "Short name"), ("fr", "Nom court")])
def test_exercise_4_4s_key_names_each_matrix_column_as_the_matrix_heads_it(language, short):
    """A student matches the matrix's columns (short names) with the ids through the key."""
    diaspora_helpers.setup(language=language)
    folder = DATA / "fr" if language == "fr" else DATA
    with (folder / "constraints.csv").open(encoding="utf-8", newline="") as handle:
        short_names = {row["id"]: row["short_label"] for row in csv.DictReader(handle)}
    key = policy.constraint_key()
    shown = tables.show(key, index=True)
    assert shown.labels[1] == short
    matrix = tables.show(policy.coverage_matrix(), index=True)
    headers = matrix.labels[1:]  # the first heads the strategies
    assert headers == list(key["short_label"])
    assert list(key["short_label"]) == [short_names[c] for c in key.index]
    assert "Intrants coûteux" in headers if language == "fr" else "Costly inputs" in headers
