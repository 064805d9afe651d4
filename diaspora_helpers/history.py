"""Institutional history: events on a timeline, the supervision graph of institutions,
the legal framework, and TOKTEN's 2014-2015 results with their stated totals checked.

Every function takes the tables it works on as arguments (so tests can pass small
hand-made frames) and loads the collection's table when none is given.
"""

from __future__ import annotations

import calendar
import datetime
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd

from diaspora_helpers.data import load

#: The kinds of event, in the order of the timeline's lanes (top to bottom).
KIND_ORDER = ["forum", "institution", "programme", "law_policy", "mission"]
#: How each kind of event is named on the timeline.
KIND_LABELS = {
    "forum": "Forums and consultation",
    "institution": "Institutions and offices",
    "programme": "Programmes",
    "law_policy": "Laws and policies",
    "mission": "Missions",
}


#: How each relation between institutions reads in a sentence or a legend.
RELATION_WORDS = {
    "supervises": "supervises",
    "implements": "implements",
    "member_of": "is a member of",
    "sits_on": "sits on",
    "funds": "funds",
    "partners_with": "works with",
}

#: How events of each kind are counted in prose (singular, plural).
KIND_NOUNS = {
    "forum": ("forum or consultation", "forums and consultations"),
    "institution": ("new institution or office", "new institutions and offices"),
    "programme": ("programme milestone", "programme milestones"),
    "law_policy": ("law or policy", "laws and policies"),
    "mission": ("period of missions", "periods of missions"),
}


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
    ev = _table(table, "events")
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


# --------------------------------------------------------------------------- events


def _table(table: pd.DataFrame | None, name: str) -> pd.DataFrame:
    return load(name) if table is None else table.copy()


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
    ev = _table(table, "events")
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
    present = set(_table(table, "events")["kind"].astype("str"))
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
    parts = []
    for kind in [k for k in KIND_ORDER if k in counts.index] + sorted(
        set(counts.index) - set(KIND_ORDER)
    ):
        singular, plural = KIND_NOUNS.get(kind, (kind, kind))
        n = int(counts[kind])
        parts.append(f"{n} {singular if n == 1 else plural}")
    if not parts:
        return "no events"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def rhythm_title(summary: pd.DataFrame) -> str:
    """Return a timeline title that states the finding: how many waves, and the busiest."""
    if summary.empty:
        return "The document dates no event of these kinds in these years"
    if len(summary) == 1:
        return f"One unbroken run of {summary['events'].iloc[0]} events, {summary['years'].iloc[0]}"
    top = summary.sort_values(["events", "wave"], ascending=[False, True]).iloc[0]
    return (
        f"Diaspora policy came in {len(summary)} waves; the busiest, {top['years']}, "
        f"brought {top['events']} of the {int(summary['events'].sum())} events"
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
    """Return an ISO date at its precision in words: "1996", "April 1996", "25 August 1995"."""
    parts = [int(p) for p in str(date).split("-")]
    if precision == "year":
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    if precision == "month":
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


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
    return f"{first} to {last}"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """Return a count with its noun: "1 event", "47 events", "0 events"."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n} {word}"


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """Return names as an English list: "A", "A and B", "A, B and C" (or "or")."""
    names = [str(i) for i in items]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def wave_summary(table: pd.DataFrame, quiet_years: int = 1) -> pd.DataFrame:
    """Return each wave (see :func:`waves`) with its events by kind and their short labels.

    Columns: wave, years ("2000-2006"), events, one count column per kind present, and
    ``what`` (the events' short labels in date order).
    """
    if table.empty:
        return pd.DataFrame(columns=["wave", "years", "events", "what"])
    found = waves(table, quiet_years)
    kinds = [k for k in KIND_ORDER if k in set(table["kind"])]
    rows = []
    for w in found.itertuples():
        inside = table[table["year"].between(w.first_year, w.last_year)]
        years = (
            str(w.first_year) if w.first_year == w.last_year else f"{w.first_year}-{w.last_year}"
        )
        row = {"wave": w.wave, "years": years, "events": w.events}
        for kind in kinds:
            row[KIND_LABELS.get(kind, kind)] = int((inside["kind"] == kind).sum())
        row["what"] = "; ".join(timeline_labels(inside))
        rows.append(row)
    return pd.DataFrame(rows)


def peak_waves(summary: pd.DataFrame) -> dict[str, str]:
    """Return, for each kind counted in a wave summary, the years of the wave with most of it.

    Keys are the kinds' lane labels; ties go to the earlier wave; kinds absent from every
    wave are left out.
    """
    out = {}
    for label in KIND_LABELS.values():
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
    for anchor, name in zip(anchors.itertuples(), timeline_labels(anchors), strict=True):
        after = followed(table, anchor.id, within_years)
        after = after[after["kind"] != kind]
        rows.append(
            {
                "event": name,
                "date": when(table, anchor.id),
                "followed_within_a_year_by": "; ".join(timeline_labels(after))
                or "nothing of another kind",
                "count": len(after),
            }
        )
    return pd.DataFrame(rows, columns=["event", "date", "followed_within_a_year_by", "count"])


# ------------------------------------------------------------------ institutions graph

#: How each relation places its two ends in the diagram: "down" puts ``to_id`` a layer
#: below ``from_id``; "up" puts ``from_id`` below ``to_id`` (members under what they
#: belong to); "side" adds no constraint (partners and funders are drawn where they fit).
RELATION_DIRECTION = {
    "supervises": "down",
    "implements": "down",
    "member_of": "up",
    "sits_on": "up",
    "funds": "side",
    "partners_with": "side",
}


def supervision_graph(
    institutions: pd.DataFrame | None = None, links: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the nodes (institutions) and edges (links) of the institutional landscape.

    Edges whose ends are not institutions raise a ``KeyError`` naming the link.
    """
    nodes = _table(institutions, "institutions")
    edges = _table(links, "institution_links")
    known = set(nodes["id"])
    for row in edges.itertuples():
        for end in (row.from_id, row.to_id):
            if end not in known:
                raise KeyError(f"link {row.id!r} names {end!r}, which is not an institution")
    edges["relation"] = edges["relation"].astype("str")
    if "kind" in nodes.columns:
        nodes["kind"] = nodes["kind"].astype("str")
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def unlinked(nodes: pd.DataFrame, edges: pd.DataFrame) -> list[str]:
    """Return the ids of institutions that no link names, in table order."""
    linked = set(edges["from_id"]) | set(edges["to_id"])
    return [n for n in nodes["id"] if n not in linked]


def landscape_bands(
    nodes: pd.DataFrame, edges: pd.DataFrame, band_kinds: Sequence[str] = ("international_partner",)
) -> dict[str, list[str]]:
    """Return the rows drawn under the main diagram: partners by kind, then unlinked bodies.

    Keys are the band names shown on the diagram; values are institution ids.
    """
    bands: dict[str, list[str]] = {}
    for kind in band_kinds:
        ids = list(nodes.loc[nodes["kind"].astype("str") == kind, "id"])
        if ids:
            bands[kind] = ids
    taken = {n for ids in bands.values() for n in ids}
    loose = [n for n in unlinked(nodes, edges) if n not in taken]
    if loose:
        bands["unlinked"] = loose
    return bands


def _oriented(edges: pd.DataFrame, keep: set[str] | None = None) -> list[tuple[str, str]]:
    pairs = []
    for row in edges.itertuples():
        if keep is not None and not (row.from_id in keep and row.to_id in keep):
            continue
        way = RELATION_DIRECTION.get(row.relation, "side")
        if way == "down":
            pairs.append((row.from_id, row.to_id))
        elif way == "up":
            pairs.append((row.to_id, row.from_id))
    return pairs


def components(nodes: Sequence[str], edges: pd.DataFrame) -> list[list[str]]:
    """Return the connected groups of nodes (links taken both ways), largest first.

    Links to nodes outside ``nodes`` are ignored.
    """
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for row in edges.itertuples():
        if row.from_id in parent and row.to_id in parent:
            a, b = root(row.from_id), root(row.to_id)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    order = {n: i for i, n in enumerate(nodes)}
    return sorted(groups.values(), key=lambda g: (-len(g), order[g[0]]))


def layers(nodes: Sequence[str], edges: pd.DataFrame) -> dict[str, int]:
    """Return each node's layer (0 on top) from the oriented links.

    A node sits one layer below its lowest upper neighbour (longest path); a node with no
    upper neighbour sits just above its highest lower one; a node joined only side by side
    takes the layer of its first such partner. Links to nodes outside ``nodes`` are ignored;
    a cycle raises ``ValueError``.
    """
    keep = set(nodes)
    pairs = _oriented(edges, keep)
    uppers: dict[str, list[str]] = {n: [] for n in nodes}
    lowers: dict[str, list[str]] = {n: [] for n in nodes}
    for upper, lower in pairs:
        uppers[lower].append(upper)
        lowers[upper].append(lower)
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(n: str) -> int:
        if n in layer:
            return layer[n]
        if n in visiting:
            raise ValueError(f"the links form a cycle through {n!r}")
        visiting.add(n)
        value = 1 + max((depth(u) for u in uppers[n]), default=-1)
        visiting.discard(n)
        layer[n] = value
        return value

    for n in nodes:
        depth(n)
    for n in nodes:
        if not uppers[n] and lowers[n]:
            layer[n] = min(layer[lo] for lo in lowers[n]) - 1
    constrained = {n for pair in pairs for n in pair}
    for row in edges.itertuples():
        if RELATION_DIRECTION.get(row.relation, "side") != "side":
            continue
        a, b = row.from_id, row.to_id
        if a not in keep or b not in keep:
            continue
        if b not in constrained and a in constrained:
            layer[b] = layer[a]
            constrained.add(b)
        elif a not in constrained and b in constrained:
            layer[a] = layer[b]
            constrained.add(a)
    return layer


def _neighbours(edges: pd.DataFrame, keep: set[str]) -> dict[str, list[str]]:
    near: dict[str, list[str]] = {n: [] for n in keep}
    for row in edges.itertuples():
        if row.from_id in keep and row.to_id in keep and row.from_id != row.to_id:
            near[row.from_id].append(row.to_id)
            near[row.to_id].append(row.from_id)
    return near


def _order_layers(
    by_layer: dict[int, list[str]], layer_of: dict[str, int], near: dict[str, list[str]]
) -> dict[int, list[str]]:
    """Order each layer by the mean position of its neighbours: down, up, then down again."""
    order = {lay: list(members) for lay, members in by_layer.items()}

    def slot() -> dict[str, float]:
        return {n: float(i) for members in order.values() for i, n in enumerate(members)}

    def sweep(sequence: list[int], above: bool) -> None:
        for lay in sequence:
            where = slot()

            def key(n: str, _where: dict[str, float] = where, _lay: int = lay) -> tuple:
                ref = [
                    _where[m]
                    for m in near[n]
                    if (layer_of[m] < _lay if above else layer_of[m] > _lay)
                ]
                mean = sum(ref) / len(ref) if ref else _where[n]
                return (mean, _where[n])

            order[lay] = sorted(order[lay], key=key)

    levels = sorted(order)
    sweep(levels[1:], above=True)
    sweep(levels[-2::-1], above=False)
    sweep(levels[1:], above=True)
    return order


def _segments_cross(
    p1: tuple[float, float],
    p2: tuple[float, float],
    q1: tuple[float, float],
    q2: tuple[float, float],
) -> bool:
    """Return True when two segments cross at a point inside both."""

    def orient(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def segment_hits_box(
    p1: tuple[float, float],
    p2: tuple[float, float],
    centre: tuple[float, float],
    half_w: float,
    half_h: float,
) -> bool:
    """Return True when a segment passes through an axis-aligned box (Liang-Barsky clip)."""
    t0, t1 = 0.0, 1.0
    dx, dy = p2[0] - p1[0], p2[1] - p1[1]
    for p, q in (
        (-dx, p1[0] - (centre[0] - half_w)),
        (dx, (centre[0] + half_w) - p1[0]),
        (-dy, p1[1] - (centre[1] - half_h)),
        (dy, (centre[1] + half_h) - p1[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def layout_cost(
    positions: dict[str, tuple[float, float]],
    edges: pd.DataFrame,
    half_w: float = 0.45,
    half_h: float = 0.32,
) -> int:
    """Return how untidy a layout is: crossings of links, plus three per link through a box."""
    segs = [
        (row.from_id, row.to_id, positions[row.from_id], positions[row.to_id])
        for row in edges.itertuples()
        if row.from_id in positions and row.to_id in positions and row.from_id != row.to_id
    ]
    cost = 0
    for i, (a1, b1, p1, p2) in enumerate(segs):
        for a2, b2, q1, q2 in segs[i + 1 :]:
            if {a1, b1} & {a2, b2}:
                continue
            cost += _segments_cross(p1, p2, q1, q2)
        for n, c in positions.items():
            if n not in (a1, b1) and segment_hits_box(p1, p2, c, half_w, half_h):
                cost += 3
    return cost


def spread(desired: Sequence[float], low: float, high: float, gap: float = 1.0) -> list[float]:
    """Return positions as close to ``desired`` as an order-keeping ``gap`` between them allows.

    Positions stay in the order given and within ``low``-``high`` when there is room
    (``high - low >= gap * (len - 1)``); otherwise they start at ``low``.
    """
    out: list[float] = []
    for want in desired:
        floor = out[-1] + gap if out else low
        out.append(max(want, floor))
    for i in range(len(out) - 1, -1, -1):
        ceiling = out[i + 1] - gap if i + 1 < len(out) else high
        out[i] = max(min(out[i], ceiling), low + gap * i)
    return out


def _place(
    groups: list[list[list[str]]],
    band_rows: list[list[str]],
    near: dict[str, list[str]],
) -> dict[str, tuple[float, float]]:
    """Turn row orders into coordinates: groups side by side, bands underneath."""
    placed: dict[str, tuple[float, float]] = {}
    x_offset = 0.0
    main_rows = 0
    for chunks in groups:
        width = max(len(c) for c in chunks)
        x: dict[str, float] = {}
        widest = max(range(len(chunks)), key=lambda r: (len(chunks[r]), -r))
        for i, n in enumerate(chunks[widest]):
            x[n] = float(i)
        sequence = list(range(widest + 1, len(chunks))) + list(range(widest - 1, -1, -1))
        for r in sequence:
            row = chunks[r]
            desired = []
            for k, n in enumerate(row):
                ref = [x[m] for m in near[n] if m in x]
                desired.append(sum(ref) / len(ref) if ref else (width - len(row)) / 2 + k)
            for n, pos in zip(row, spread(desired, 0.0, width - 1.0), strict=True):
                x[n] = pos
        for y, chunk in enumerate(chunks):
            for n in chunk:
                placed[n] = (x_offset + x[n], float(y))
        main_rows = max(main_rows, len(chunks))
        x_offset += width
    total = max(x_offset, max((len(r) for r in band_rows), default=0))
    if x_offset < total:
        shift = (total - x_offset) / 2
        placed = {n: (x + shift, y) for n, (x, y) in placed.items()}
    for number, members in enumerate(band_rows, start=main_rows):
        linked = [[placed[m][0] for m in near[n] if m in placed] for n in members]
        if any(linked):
            desired = [min(sum(xs) / len(xs), total - 1.0) if xs else total for xs in linked]
        else:
            step = total / len(members)
            desired = [step * (i + 0.5) - 0.5 for i in range(len(members))]
        for n, pos in zip(members, spread(desired, 0.0, total - 1.0), strict=True):
            placed[n] = (pos, float(number))
    return placed


def layered_layout(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    bands: dict[str, list[str]] | None = None,
    max_per_row: int = 8,
    improve: bool = True,
) -> pd.DataFrame:
    """Return a deterministic position for every node: ``x`` (slot), ``y`` (row, 0 on top).

    Nodes named in ``bands`` are set apart, one row per band under the main diagram, each
    placed near what it links to. The others are laid out in layers (see :func:`layers`),
    connected groups side by side, largest first; each layer is first ordered by the mean
    position of its neighbours, a layer longer than ``max_per_row`` wraps, and each node
    sits as close to the middle of its neighbours as a gap of one slot allows. With
    ``improve``, neighbours in a row are then swapped while that lowers
    :func:`layout_cost` (crossings and links through boxes).
    """
    bands = bands or {}
    banded = {n: name for name, ids in bands.items() for n in ids}
    ids = [n for n in nodes["id"] if n not in banded]
    layer_of = layers(ids, edges)
    near_main = _neighbours(edges, set(ids))
    near_all = _neighbours(edges, set(nodes["id"]))
    order = {n: i for i, n in enumerate(nodes["id"])}

    groups: list[list[list[str]]] = []
    for group in components(ids, edges):
        by_layer: dict[int, list[str]] = {}
        for n in sorted(group, key=order.__getitem__):
            by_layer.setdefault(layer_of[n], []).append(n)
        ordered = _order_layers(by_layer, layer_of, near_main)
        groups.append(
            [
                ordered[lay][i : i + max_per_row]
                for lay in sorted(ordered)
                for i in range(0, len(ordered[lay]), max_per_row)
            ]
        )
    first = _place(groups, [], near_all)
    band_rows = []
    for members in bands.values():

        def key(n: str) -> tuple[float, int]:
            xs = [first[m][0] for m in near_all[n] if m in first]
            return (sum(xs) / len(xs) if xs else float("inf"), order[n])

        band_rows.append(sorted(members, key=key))

    if improve:
        best = layout_cost(_place(groups, band_rows, near_all), edges)
        rows = [row for chunks in groups for row in chunks] + band_rows
        for _ in range(6):
            changed = False
            for row in rows:
                for i in range(len(row) - 1):
                    row[i], row[i + 1] = row[i + 1], row[i]
                    cost = layout_cost(_place(groups, band_rows, near_all), edges)
                    if cost < best:
                        best, changed = cost, True
                    else:
                        row[i], row[i + 1] = row[i + 1], row[i]
            if not changed:
                break
    placed = _place(groups, band_rows, near_all)
    return pd.DataFrame(
        [
            {
                "id": n,
                "x": float(placed[n][0]),
                "y": int(placed[n][1]),
                "layer": layer_of.get(n, -1),
                "band": banded.get(n, ""),
            }
            for n in nodes["id"]
        ]
    )


def links_table(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    touching: Sequence[str] | None = None,
    relations: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return links as sentences' parts: who, does what, to whom, with note and section.

    ``touching`` keeps links with either end among those ids; ``relations`` keeps those
    relations only.
    """
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    acronyms = dict(
        zip(nodes["id"], nodes.get("acronym", pd.Series(index=nodes.index)), strict=True)
    )

    def named(n: str) -> str:
        acro = acronyms.get(n)
        return f"{names[n]} ({acro})" if isinstance(acro, str) and acro else names[n]

    keep = edges
    if touching is not None:
        wanted = set(touching)
        keep = keep[keep["from_id"].isin(wanted) | keep["to_id"].isin(wanted)]
    if relations is not None:
        keep = keep[keep["relation"].isin(list(relations))]
    return pd.DataFrame(
        {
            "who": [named(n) for n in keep["from_id"]],
            "relation": [RELATION_WORDS.get(r, r) for r in keep["relation"]],
            "whom": [named(n) for n in keep["to_id"]],
            "note": keep["note"].fillna("").to_numpy() if "note" in keep else "",
            "section": keep["section"].astype("str").to_numpy() if "section" in keep else "",
        }
    ).reset_index(drop=True)


def supervision_counts(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Return each supervising body with how many bodies it supervises and their names."""
    sup = edges[edges["relation"] == "supervises"]
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    rows = [
        {
            "supervisor": names[who],
            "bodies": len(part),
            "supervised": "; ".join(names[n] for n in part["to_id"]),
        }
        for who, part in sup.groupby("from_id", sort=False)
    ]
    table = pd.DataFrame(rows, columns=["supervisor", "bodies", "supervised"])
    return table.sort_values(["bodies", "supervisor"], ascending=[False, True], kind="stable")


def kind_counts(nodes: pd.DataFrame) -> pd.Series:
    """Return how many institutions of each kind the landscape has, most first."""
    counts = nodes["kind"].astype("str").value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable").rename("bodies")


def figures_about(
    table: pd.DataFrame | None = None, topics: Sequence[str] = ("codevelopment", "kayes")
) -> pd.DataFrame:
    """Return the document's small figures on the given topics, indexed by id."""
    figs = _table(table, "codevelopment_figures")
    figs["topic"] = figs["topic"].astype("str")
    picked = figs[figs["topic"].isin(list(topics))]
    return picked.set_index("id")[["topic", "label", "value", "unit", "qualifier", "section"]]


# ------------------------------------------------------------------------ legal framework


def legal_by_domain(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the laws and codes in date order with their year, grouped columns first."""
    legal = _table(table, "legal_framework")
    legal["year"] = legal["date"].astype("str").str.slice(0, 4).astype("int64")
    legal["domain"] = legal["domain"].astype("str")
    return legal.sort_values(["date", "id"], kind="stable").reset_index(drop=True)


def legal_reading(
    table: pd.DataFrame, start_year: int | None = None, end_year: int | None = None
) -> pd.DataFrame:
    """Return the texts (from :func:`legal_by_domain`) in a year window as a reader's table."""
    legal = table
    if start_year is not None:
        legal = legal[legal["year"] >= start_year]
    if end_year is not None:
        legal = legal[legal["year"] <= end_year]
    out = pd.DataFrame(
        {
            "date": [
                describe_date(d, str(p))
                for d, p in zip(legal["date"], legal["date_precision"], strict=True)
            ],
            "reference": legal["reference"].fillna("(no number given)").to_numpy(),
            "title": legal["title"].to_numpy(),
            "domain": legal["domain"].to_numpy(),
            "what it means for a Malian abroad": legal["diaspora_relevance"].to_numpy(),
        },
        index=pd.Index(legal["id"], name="id"),
    )
    return out


def domain_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Return how many texts each domain has, with its first and last year (most texts first)."""
    grouped = table.groupby("domain", sort=True)
    counts = pd.DataFrame(
        {
            "texts": grouped.size(),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
        }
    )
    return counts.sort_values(["texts", "first_year"], ascending=[False, True], kind="stable")


# --------------------------------------------------------------------------------- TOKTEN


def tokten_sectors(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return TOKTEN's missions, trainees and women by sector, with where each women count is from.

    A sector whose own row gives no women but whose degree levels do gets the sum of its
    levels ("sum of degree levels"); a sector with neither stays missing ("not stated").
    """
    table = _table(results, "tokten_results")
    table["sector"] = table["sector"].astype("str")
    table["degree_level"] = table["degree_level"].astype("str")
    sectors = table[table["degree_level"] == "all"].copy()
    levels = table[table["degree_level"] != "all"]
    level_women = levels.groupby("sector")["women"].sum(min_count=1)
    source = []
    women = []
    for row in sectors.itertuples():
        if pd.notna(row.women):
            women.append(row.women)
            source.append("stated")
        elif pd.notna(level_women.get(row.sector, pd.NA)):
            women.append(level_women[row.sector])
            source.append("sum of degree levels")
        else:
            women.append(pd.NA)
            source.append("not stated")
    sectors["women"] = pd.array(women, dtype="Int64")
    sectors["women_source"] = source
    return sectors[["sector", "missions", "trainees", "women", "women_source"]].reset_index(
        drop=True
    )


def tokten_levels(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the TOKTEN trainees by degree level (the rows that split a sector's total)."""
    table = _table(results, "tokten_results")
    table["degree_level"] = table["degree_level"].astype("str")
    table["sector"] = table["sector"].astype("str")
    levels = table[table["degree_level"] != "all"]
    return levels[["sector", "degree_level", "trainees", "women"]].reset_index(drop=True)


def stated_totals(totals: pd.DataFrame | None = None) -> dict[str, float]:
    """Return the totals the document states for TOKTEN, by measure."""
    table = _table(totals, "tokten_totals")
    return {str(m): float(v) for m, v in zip(table["measure"], table["value"], strict=True)}


def check_levels(results: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return, for each sector split by degree level, the levels' sum beside the sector's row."""
    table = _table(results, "tokten_results")
    table["degree_level"] = table["degree_level"].astype("str")
    table["sector"] = table["sector"].astype("str")
    levels = table[table["degree_level"] != "all"]
    rows = []
    for sector, part in levels.groupby("sector", sort=True):
        whole = table[(table["sector"] == sector) & (table["degree_level"] == "all")]
        if whole.empty:
            raise KeyError(f"sector {sector!r} has degree levels but no row for all levels")
        stated = float(whole["trainees"].iloc[0])
        summed = float(part["trainees"].sum())
        rows.append(
            {
                "sector": sector,
                "levels": len(part),
                "sum_of_levels": summed,
                "sector_row": stated,
                "agrees": summed == stated,
            }
        )
    return pd.DataFrame(rows)


def tokten_chart_data(sectors: pd.DataFrame, levels: pd.DataFrame) -> pd.DataFrame:
    """Return the numbers behind the TOKTEN chart as one tidy table: sectors, then levels."""
    parts = []
    for breakdown, table, column in (
        ("sector", sectors, "sector"),
        ("degree level", levels, "degree_level"),
    ):
        part = pd.DataFrame(
            {
                "breakdown": breakdown,
                "group": table[column].astype("str").to_numpy(),
                "missions": table["missions"].to_numpy() if "missions" in table else pd.NA,
                "trainees": table["trainees"].to_numpy(),
                "women": table["women"].to_numpy(),
            }
        )
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    data["missions"] = data["missions"].astype("Int64")
    data["women"] = data["women"].astype("Int64")
    data["women_share_pct"] = (100 * data["women"] / data["trainees"]).round(2)
    return data


def check_totals(
    parts: pd.DataFrame, stated: dict[str, float], columns: Iterable[str]
) -> pd.DataFrame:
    """Return, for each column, the sum of ``parts`` next to the ``stated`` total.

    Missing values count as zero in the sum, and the table says how many there were, so a
    total that only holds if an unstated value is zero is visible.
    """
    rows = []
    for column in columns:
        values = parts[column]
        computed = float(values.fillna(0).sum())
        rows.append(
            {
                "measure": column,
                "sum_of_parts": computed,
                "stated_total": float(stated[column]),
                "difference": computed - float(stated[column]),
                "unstated_parts": int(values.isna().sum()),
                "agrees": abs(computed - float(stated[column])) < 1e-9,
            }
        )
    return pd.DataFrame(rows)


def women_share(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Return trainees, women and the women's share (percent) for each value of ``by``.

    Rows whose number of women is not stated get a missing share, never zero.
    """
    grouped = table.groupby(by, sort=False, observed=True)
    out = pd.DataFrame(
        {
            "trainees": grouped["trainees"].sum(),
            "women": grouped["women"].sum(min_count=1),
        }
    )
    out["women_share_pct"] = 100 * out["women"] / out["trainees"]
    return out.reset_index()
