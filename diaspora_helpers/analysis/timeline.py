"""The timeline of the diaspora policy: dated events, their kinds, waves and sequels.

Every function takes the tables it works on as arguments (so tests can pass small
hand-made frames) and loads the collection's table when none is given.
"""

from __future__ import annotations

import calendar
import datetime
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd

from diaspora_helpers import tables, text
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import N_, register_words, with_formats, with_headers, with_words

#: The kinds of event, in the order of the timeline's lanes (top to bottom).
KIND_ORDER = ["forum", "institution", "programme", "law_policy", "mission"]


#: How each kind of event is named on the timeline (applied where a chart, table or
#: sentence is made: ``i18n.word(kind, KIND_LABELS)``).
KIND_LABELS = {
    "forum": N_("Forums and consultation"),
    "institution": N_("Institutions and offices"),
    "programme": N_("Programmes"),
    "law_policy": N_("Laws and policies"),
    "mission": N_("Missions"),
}


#: The sections of the source document that are not numbered, as a reader names them (a
#: numbered section, "5.1", reads as its number).
SECTION_WORDS = {"intro": N_("introduction")}


register_words("events", kind=KIND_LABELS, section=SECTION_WORDS)
#: What a sequel reads when nothing of another kind followed (:func:`sequels`).
FOLLOWED_WORDS = {"nothing": N_("nothing of another kind")}


def short_label(label: str, width: int = 24) -> str:
    """Return the first clause of ``label``, cut to ``width`` characters with an ellipsis."""
    first = str(label)
    for mark in (" (", "; ", ": ", ", "):
        first = first.split(mark)[0]
    if len(first) <= width:
        return first
    return textwrap.shorten(first, width=width, placeholder="…")


def timeline_label(event_id: str, label: str, table: pd.DataFrame | None = None) -> str:
    """Return the timeline text of an event: its ``short_label``, or a shortened ``label``.

    The short label is looked up by id in ``table`` (the collection's events table when
    none is given); an event that is not there, or has none, falls back to
    :func:`short_label` of ``label``.
    """
    ev = given_or_load("events", table)
    if "short_label" in ev.columns:
        found = ev.loc[ev["id"].astype("str") == event_id, "short_label"]
        if len(found) and _is_text(found.iloc[0]):
            return str(found.iloc[0])
    return short_label(label)


def timeline_labels(table: pd.DataFrame) -> list[str]:
    """Return the timeline text of every event in ``table``, in its order.

    The table's own ``short_label`` column is used where it has one; other events are
    looked up with :func:`timeline_label`.
    """
    given = table["short_label"] if "short_label" in table.columns else [None] * len(table)
    return [
        str(text) if _is_text(text) else timeline_label(str(i), lab)
        for i, lab, text in zip(table["id"], table["label"], given, strict=True)
    ]


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value != ""


def date_position(date: str, precision: str, *, edge: str = "middle") -> float:
    """Return an ISO date at year, month or day precision as a decimal year.

    A date stands for the span its precision allows: ``edge`` picks its ``"start"``,
    ``"middle"`` or ``"end"`` ("1996" -> 1996.0, 1996.5 or 1997.0; "1996-04" -> 1996.25,
    1996.29 or 1996.33). Points are drawn at the middle; periods from the start of their
    first date to the end of their last.
    """
    fraction = {"start": 1.0, "middle": 0.5, "end": 0.0}
    if edge not in fraction:
        raise ValueError(f"unknown edge {edge!r}; expected start, middle or end")
    back = fraction[edge]
    parts = [int(p) for p in str(date).split("-")]
    year = parts[0]
    expected = {"year": 1, "month": 2, "day": 3}
    if precision not in expected:
        raise ValueError(f"unknown date precision {precision!r}; expected year, month or day")
    if len(parts) != expected[precision]:
        raise ValueError(f"date {date!r} is not written at {precision} precision")
    if precision == "year":
        return year + 1.0 - back
    if precision == "month":
        return year + (parts[1] - back) / 12
    days = 366 if calendar.isleap(year) else 365
    doy = datetime.date(year, parts[1], parts[2]).timetuple().tm_yday
    return year + (doy - back) / days


def _precision_of(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(str(date).split("-"))]


def events(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the events with decimal-year ``start``/``end``, ``year`` and ``is_period``.

    Its ``kind`` column is headed "Category" in a table (the timeline's categories, its
    lanes), not the generic "Kind"."""
    ev = given_or_load("events", table)
    ev["kind"] = ev["kind"].astype("str")
    ev["year"] = ev["date"].astype("str").str.slice(0, 4).astype("int64")
    precision = ev["date_precision"].astype("str")
    has_end = ev["end_date"].notna() & (ev["end_date"].astype("str") != "")
    ev["is_period"] = has_end
    ev["start"] = [
        date_position(d, p, edge="start" if period else "middle")
        for d, p, period in zip(ev["date"], precision, has_end, strict=True)
    ]
    ev["end"] = [
        date_position(e, _precision_of(e), edge="end") if period else s
        for e, s, period in zip(ev["end_date"], ev["start"], has_end, strict=True)
    ]
    ev["end_year"] = ev["end"].map(lambda v: int(v - 1e-9))
    ev = ev.sort_values(["start", "id"], kind="stable").reset_index(drop=True)
    return with_headers(ev, kind=N_("Category"))


def event_kinds(table: pd.DataFrame | None = None) -> list[str]:
    """Return the kinds of event present in the events table, in lane order."""
    present = set(given_or_load("events", table)["kind"].astype("str"))
    known = [k for k in KIND_ORDER if k in present]
    return known + sorted(present - set(known))


def year_range(table: pd.DataFrame | None = None) -> tuple[int, int]:
    """Return the first and last year any event touches (start or end of a period)."""
    ev = events(table)
    return int(ev["year"].min()), int(max(ev["year"].max(), ev["end_year"].max()))


def select_events(
    table: pd.DataFrame, start_year: int, end_year: int, kinds: Iterable[str]
) -> pd.DataFrame:
    """Return the events of ``kinds`` that fall in, or overlap, ``start_year``-``end_year``.

    ``table`` is the output of :func:`events`.
    """
    wanted = list(kinds)
    overlaps = (table["year"] <= end_year) & (table["end_year"] >= start_year)
    return table[overlaps & table["kind"].isin(wanted)].reset_index(drop=True)


def pack_rows(starts: Sequence[float], ends: Sequence[float], gap: float = 0.0) -> list[int]:
    """Give each interval the lowest row where it overlaps nothing already placed.

    Intervals are taken in the order given (sort them by start first); ``gap`` is the
    clearance needed between neighbours on a row. The result is deterministic.
    """
    row_ends: list[float] = []
    rows = []
    for start, end in zip(starts, ends, strict=True):
        for row, last in enumerate(row_ends):
            if start >= last + gap:
                row_ends[row] = end
                rows.append(row)
                break
        else:
            row_ends.append(end)
            rows.append(len(row_ends) - 1)
    return rows


def per_year(table: pd.DataFrame, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Return how many events start in each year, by kind (years as rows, kinds as columns).

    ``table`` is the output of :func:`events`; every year from the first to the last is
    listed, with zeros where nothing happened.
    """
    order = list(kinds) if kinds is not None else [k for k in KIND_ORDER if k in set(table["kind"])]
    counts = pd.crosstab(table["year"], table["kind"]).reindex(columns=order, fill_value=0)
    years = range(int(table["year"].min()), int(table["year"].max()) + 1)
    counts = counts.reindex(years, fill_value=0)
    counts.index.name = "year"
    counts.columns.name = None
    counts["all"] = counts.sum(axis=1)
    return counts


def waves(table: pd.DataFrame, quiet_years: int = 2) -> pd.DataFrame:
    """Group events into waves: runs of years separated by at least ``quiet_years`` empty years.

    ``table`` is the output of :func:`events`. Returns one row per wave with its first and
    last year, the number of events, and the kinds and event ids it contains.
    """
    if quiet_years < 1:
        raise ValueError("quiet_years must be at least 1")
    years = sorted(set(table["year"]))
    groups: list[list[int]] = []
    for year in years:
        if groups and year - groups[-1][-1] <= quiet_years:
            groups[-1].append(year)
        else:
            groups.append([year])
    rows = []
    for number, group in enumerate(groups, start=1):
        inside = table[table["year"].between(group[0], group[-1])]
        kinds = [k for k in KIND_ORDER if k in set(inside["kind"])]
        rows.append(
            {
                "wave": number,
                "first_year": group[0],
                "last_year": group[-1],
                "events": len(inside),
                "kinds": ", ".join(kinds),
                "event_ids": ", ".join(inside["id"].astype("str")),
            }
        )
    return pd.DataFrame(rows)


def busiest_years(table: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """Return the ``n`` years in which the most events start (ties broken by earlier year)."""
    counts = table.groupby("year").size().rename("events").reset_index()
    counts = counts.sort_values(["events", "year"], ascending=[False, True], kind="stable")
    return counts.head(n).reset_index(drop=True)


def followed(table: pd.DataFrame, anchor_id: str, within_years: float = 1.0) -> pd.DataFrame:
    """Return the events that started after ``anchor_id`` and within ``within_years`` of it.

    A sequence in time, not a claim that the anchor caused what followed.
    """
    if anchor_id not in set(table["id"]):
        raise KeyError(f"no event with id {anchor_id!r}")
    anchor = table.loc[table["id"] == anchor_id].iloc[0]
    after = table[
        (table["start"] > anchor["start"])
        & (table["start"] <= anchor["start"] + within_years)
        & (table["id"] != anchor_id)
    ]
    return after.reset_index(drop=True)


def sections(table: pd.DataFrame) -> list[str]:
    """Return the document sections a table's rows come from (codes: ``"intro"``, ``"5.1"``;
    :data:`SECTION_WORDS` names the unnumbered ones), in document order."""
    column = table["section"]
    present = set(column.astype("str"))
    if isinstance(column.dtype, pd.CategoricalDtype):
        order = [str(c) for c in column.cat.categories if str(c) in present]
    else:
        order = sorted(present)
    return order


def iso_at(date: str, precision: str) -> str:
    """Return an ISO date cut to ``precision`` (``"year"``, ``"month"`` or ``"day"``):
    ``"2000-03-22"`` at month precision is ``"2000-03"``. Raises ``ValueError`` for another
    precision, or a date written less precisely than it asks. (Read it in words with
    :func:`diaspora_helpers.text.date_words`.)"""
    parts = {"year": 1, "month": 2, "day": 3}.get(precision, 0)
    pieces = str(date).split("-")
    if not parts or len(pieces) < parts:
        raise ValueError(f"date {date!r} is not written at {precision!r} precision")
    return "-".join(pieces[:parts])


def when(table: pd.DataFrame, event_id: str) -> str:
    """Return the date of one event as an ISO date at its precision (``"1996-04"``), or a
    period as an ISO interval (``"2014-09-01/2015-08-17"``): the same in every edition,
    read in words with :func:`diaspora_helpers.text.period` ("2003-2007", "July-August
    1991"). Raises ``KeyError`` for an id the table does not have."""
    rows = table[table["id"] == event_id]
    if rows.empty:
        raise KeyError(f"no event with id {event_id!r}")
    row = rows.iloc[0]
    first = iso_at(row["date"], str(row["date_precision"]))
    end = row.get("end_date")
    if not isinstance(end, str) or not end:
        return first
    return f"{first}/{end}"


def wave_summary(table: pd.DataFrame, quiet_years: int = 1) -> pd.DataFrame:
    """Return each wave (see :func:`waves`) with its events by kind and their short labels.

    Columns: wave, years (an ISO year or interval, "2000/2006"; in words with
    :func:`diaspora_helpers.text.period`, "2000–2006"), events, one
    count column per kind present, named by the kind's code (``forum``, ``law_policy``…;
    see :data:`KIND_LABELS` for their names), and ``what`` (a tuple of the events' short
    labels in date order, from the data; a shown table joins them with
    :func:`diaspora_helpers.text.items`).
    """
    if table.empty:
        return pd.DataFrame(columns=["wave", "years", "events", "what"])
    found = waves(table, quiet_years)
    kinds = [k for k in KIND_ORDER if k in set(table["kind"])]
    rows = []
    for w in tables.rows(found):
        inside = table[table["year"].between(w.first_year, w.last_year)]
        years = str(w.first_year)
        if w.last_year != w.first_year:
            years = f"{w.first_year}/{w.last_year}"
        row = {"wave": w.wave, "years": years, "events": w.events}
        for kind in kinds:
            row[kind] = int((inside["kind"] == kind).sum())
        row["what"] = tuple(timeline_labels(inside))
        rows.append(row)
    return with_formats(pd.DataFrame(rows), years=text.period, what=text.items)


def peak_waves(summary: pd.DataFrame) -> dict[str, str]:
    """Return, for each kind counted in a wave summary, the years of the wave with most of it.

    Keys are the kinds' codes (as :func:`wave_summary` names its columns; name them with
    :data:`KIND_LABELS`); ties go to the earlier wave; kinds absent from every wave are left
    out.
    """
    out = {}
    for label in KIND_LABELS:
        if label in summary.columns and summary[label].sum() > 0:
            best = summary.sort_values([label, "wave"], ascending=[False, True]).iloc[0]
            out[label] = str(best["years"])
    return out


def quiet_stretches(table: pd.DataFrame, start_year: int, end_year: int) -> list[tuple[int, int]]:
    """Return the runs of years in ``start_year``-``end_year`` in which no event starts."""
    busy = set(table["year"])
    runs: list[tuple[int, int]] = []
    for year in range(start_year, end_year + 1):
        if year in busy:
            continue
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def sequels(table: pd.DataFrame, kind: str = "forum", within_years: float = 1.0) -> pd.DataFrame:
    """Return, for each event of ``kind``, the events of other kinds that started within a year.

    A sequence in time only: the table says what came next, not what caused it. One row
    per event of ``kind``: ``event`` (its timeline label, from the data), ``date`` (an ISO
    date or interval, see :func:`when`), ``followed_within_a_year_by`` (a tuple of the
    labels of what followed, or the code ``"nothing"``) and ``count`` (headed "Number of
    events", :func:`~diaspora_helpers.i18n.with_headers`). A shown table reads
    the dates in words and joins the labels (recorded with
    :func:`~diaspora_helpers.i18n.with_formats` and :func:`~diaspora_helpers.i18n.with_words`).
    """
    rows = []
    anchors = table[table["kind"] == kind]
    for anchor, name in zip(tables.rows(anchors), timeline_labels(anchors), strict=True):
        after = followed(table, anchor.id, within_years)
        after = after[after["kind"] != kind]
        rows.append(
            {
                "event": name,
                "date": when(table, anchor.id),
                "followed_within_a_year_by": tuple(timeline_labels(after)) or "nothing",
                "count": len(after),
            }
        )
    out = pd.DataFrame(rows, columns=["event", "date", "followed_within_a_year_by", "count"])
    with_formats(out, date=text.period, followed_within_a_year_by=text.items)
    with_headers(out, count=N_("Number of events"))
    return with_words(out, followed_within_a_year_by=FOLLOWED_WORDS)
