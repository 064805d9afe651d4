"""One event, one name (rfr6): where the source audit is about what the document calls an
event (a ``terminology`` row about exactly one event), the audit's topic names the event as
the timeline does (its ``short_label``), in each edition; read from the raw CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def _naming_rows() -> list[tuple[str, str]]:
    """(audit id, event id) for each terminology row of the audit about one event."""
    pairs = []
    for ident, row in _rows(DATA / "source_audit.csv").items():
        targets = [t.strip() for t in row["affects"].split(";") if t.strip()]
        if row["severity"] == "terminology" and len(targets) == 1:
            table, _, key = targets[0].partition(":")
            if table == "events":
                pairs.append((ident, key))
    return pairs


def test_the_audit_holds_a_row_about_an_event_name():
    assert _naming_rows(), "no terminology row about one event: this test checks nothing"


@pytest.mark.parametrize("folder", ["", "fr"])
def test_the_audit_names_an_event_as_the_timeline_does(folder):
    audit = _rows(DATA / folder / "source_audit.csv")
    events = _rows(DATA / folder / "events.csv")
    for audit_id, event_id in _naming_rows():
        short = events[event_id]["short_label"]
        topic = audit[audit_id]["topic"]
        assert topic.startswith(short), f"{folder or 'en'}: {audit_id} {topic!r} vs {short!r}"
        assert short.split()[-1].lower() in events[event_id]["label"].lower(), (
            f"{folder or 'en'}: the label of {event_id} does not use the word of its short name"
        )
