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
from diaspora_helpers.i18n import N_, _, ngettext, register_words, word

#: The kinds of event, in the order of the timeline's lanes (top to bottom).
KIND_ORDER = ["forum", "institution", "programme", "law_policy", "mission"]


#: How each kind of event is named on the timeline.
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


def kind_label(kind: str) -> str:
    """Return the lane label of a kind of event in the edition's language (the kind itself
    when it has none)."""
    return word(kind, KIND_LABELS)


def kind_count(kind: str, n: int) -> str:
    """Return ``n`` events of ``kind`` in words: "9 forums and consultations",
    "1 period of missions" (a kind without a noun reads "{n} {kind}")."""
    nouns = {
        "forum": ngettext("{n} forum or consultation", "{n} forums and consultations", n),
        "institution": ngettext(
            "{n} new institution or office", "{n} new institutions and offices", n
        ),
        "programme": ngettext("{n} programme milestone", "{n} programme milestones", n),
        "law_policy": ngettext("{n} law or policy", "{n} laws and policies", n),
        "mission": ngettext("{n} period of missions", "{n} periods of missions", n),
    }
    return nouns.get(kind, "{n} " + kind).format(n=n)


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


#: What separates the items of a list in a table cell, as the edition's catalog writes it
#: ("; " in English, " ; " with a narrow no-break space in French).
SEPARATOR = N_("; ")
#: The Babel date pattern of the first day of a month (French writes "1er mars 2000").
# TRANSLATORS: a Babel (CLDR) date pattern, not text: letters are fields; quote literal text.
FIRST_OF_MONTH = N_("d MMMM y")


def separator() -> str:
    """Return what separates the items of a list in a table cell, in the edition's
    typography (see :data:`SEPARATOR`)."""
    return _(SEPARATOR)


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
    """Return the events with decimal-year ``start``/``end``, ``year`` and ``is_period``."""
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
    return ev.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


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


def describe_counts(table: pd.DataFrame) -> str:
    """Return how many events of each kind a table holds, in words, in lane order."""
    counts = table["kind"].astype("str").value_counts()
    kinds = [k for k in KIND_ORDER if k in counts.index] + sorted(
        set(counts.index) - set(KIND_ORDER)
    )
    parts = [kind_count(kind, int(counts[kind])) for kind in kinds]
    if not parts:
        return _("no events")
    return text.listing(parts)


def rhythm_title(summary: pd.DataFrame) -> str:
    """Return a timeline title that states the finding: how many waves, and the busiest."""
    if summary.empty:
        return _("The document dates no event of these kinds in these years")
    if len(summary) == 1:
        return _("One unbroken run of {n} events, {years}").format(
            n=summary["events"].iloc[0], years=summary["years"].iloc[0]
        )
    most = int(summary["events"].max())
    busiest = summary[summary["events"] == most]
    if len(busiest) > 1:
        return _(
            "Diaspora policy came in {waves} waves; the busiest, {years}, brought {n} of the "
            "{total} events each"
        ).format(
            waves=len(summary),
            years=text.listing([str(y) for y in busiest["years"]]),
            n=most,
            total=int(summary["events"].sum()),
        )
    return _(
        "Diaspora policy came in {waves} waves; the busiest, {years}, "
        "brought {n} of the {total} events"
    ).format(
        waves=len(summary),
        years=busiest["years"].iloc[0],
        n=most,
        total=int(summary["events"].sum()),
    )


def sections(table: pd.DataFrame) -> str:
    """Return the document sections a table's rows come from, in document order, as text."""
    column = table["section"]
    present = set(column.astype("str"))
    if isinstance(column.dtype, pd.CategoricalDtype):
        order = [str(c) for c in column.cat.categories if str(c) in present]
    else:
        order = sorted(present)
    return ", ".join(order)


def describe_date(date: str, precision: str) -> str:
    """Return an ISO date at its precision in words, in the edition's language: "1996",
    "April 1996", "25 August 1995" ("avril 1996", "25 août 1995"; the first day of a month
    reads "1er" in French). A date written more precisely is cut to ``precision``
    ("2000-03-22" at month precision reads "March 2000"); a less precise one, or another
    precision, raises ``ValueError``.
    """
    parts = {"year": 1, "month": 2, "day": 3}.get(precision, 0)
    iso = "-".join(str(date).split("-")[:parts])
    if precision == "day" and iso.endswith("-01"):
        return text.date(iso, precision, pattern=_(FIRST_OF_MONTH))
    return text.date(iso, precision)


def when(table: pd.DataFrame, event_id: str) -> str:
    """Return the date of one event in words; a period as "2003-2007" or "July-August 1991"."""
    rows = table[table["id"] == event_id]
    if rows.empty:
        raise KeyError(f"no event with id {event_id!r}")
    row = rows.iloc[0]
    precision = str(row["date_precision"])
    first = describe_date(row["date"], precision)
    end = row.get("end_date")
    if not isinstance(end, str) or not end:
        return first
    last_precision = _precision_of(end)
    last = describe_date(end, last_precision)
    if precision == last_precision == "year":
        return f"{first}-{last}"
    same_year = str(row["date"])[:4] == end[:4]
    if precision == last_precision == "month" and same_year:
        return f"{first.split()[0]}-{last}"
    return _("{first} to {last}").format(first=first, last=last)


def wave_summary(table: pd.DataFrame, quiet_years: int = 1) -> pd.DataFrame:
    """Return each wave (see :func:`waves`) with its events by kind and their short labels.

    Columns: wave, years ("2000-2006"), events, one count column per kind present, named
    by the kind's code (``forum``, ``law_policy``…; see :data:`KIND_LABELS` for their
    names), and ``what`` (the events' short labels in date order, from the data).
    """
    if table.empty:
        return pd.DataFrame(columns=["wave", "years", "events", "what"])
    found = waves(table, quiet_years)
    kinds = [k for k in KIND_ORDER if k in set(table["kind"])]
    rows = []
    for w in tables.rows(found):
        inside = table[table["year"].between(w.first_year, w.last_year)]
        years = (
            str(w.first_year) if w.first_year == w.last_year else f"{w.first_year}-{w.last_year}"
        )
        row = {"wave": w.wave, "years": years, "events": w.events}
        for kind in kinds:
            row[kind] = int((inside["kind"] == kind).sum())
        row["what"] = separator().join(timeline_labels(inside))
        rows.append(row)
    return pd.DataFrame(rows)


def peak_waves(summary: pd.DataFrame) -> dict[str, str]:
    """Return, for each kind counted in a wave summary, the years of the wave with most of it.

    Keys are the kinds' codes (as :func:`wave_summary` names its columns; name them with
    :func:`kind_label`); ties go to the earlier wave; kinds absent from every wave are left
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

    A sequence in time only: the table says what came next, not what caused it.
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
                "followed_within_a_year_by": separator().join(timeline_labels(after))
                or _("nothing of another kind"),
                "count": len(after),
            }
        )
    return pd.DataFrame(rows, columns=["event", "date", "followed_within_a_year_by", "count"])
