"""Institutional history: events on a timeline, the supervision graph of institutions,
the legal framework, and TOKTEN's 2014-2015 results with their stated totals checked.

Every function takes the tables it works on as arguments (so tests can pass small
hand-made frames) and loads the collection's table when none is given.
"""

from __future__ import annotations

import calendar
import datetime
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


# ------------------------------------------------------------------ institutions graph

#: How each relation places its two ends in the diagram: "down" puts ``to_id`` a layer
#: below ``from_id``; "up" puts ``from_id`` below ``to_id``; "side" adds no constraint.
RELATION_DIRECTION = {
    "supervises": "down",
    "implements": "down",
    "funds": "down",
    "member_of": "up",
    "sits_on": "up",
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
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def _oriented(edges: pd.DataFrame) -> list[tuple[str, str]]:
    pairs = []
    for row in edges.itertuples():
        way = RELATION_DIRECTION.get(row.relation, "side")
        if way == "down":
            pairs.append((row.from_id, row.to_id))
        elif way == "up":
            pairs.append((row.to_id, row.from_id))
    return pairs


def components(nodes: Sequence[str], edges: pd.DataFrame) -> list[list[str]]:
    """Return the connected groups of nodes (links taken both ways), largest first."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for row in edges.itertuples():
        a, b = root(row.from_id), root(row.to_id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    order = list(nodes)
    return sorted(groups.values(), key=lambda g: (-len(g), order.index(g[0])))


def layers(nodes: Sequence[str], edges: pd.DataFrame) -> dict[str, int]:
    """Return each node's layer: 0 for the top, one more than its lowest upper neighbour.

    Uses the longest path along the oriented links (see ``RELATION_DIRECTION``); a
    cycle raises ``ValueError``.
    """
    pairs = _oriented(edges)
    uppers: dict[str, list[str]] = {n: [] for n in nodes}
    for upper, lower in pairs:
        uppers[lower].append(upper)
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
    # Pull nodes joined only "side by side" to the layer of their partner.
    for row in edges.itertuples():
        if RELATION_DIRECTION.get(row.relation, "side") == "side":
            a, b = row.from_id, row.to_id
            if not uppers[b] and not any(u == b for u, _ in pairs):
                layer[b] = layer[a]
            elif not uppers[a] and not any(u == a for u, _ in pairs):
                layer[a] = layer[b]
    return layer


def layered_layout(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, max_per_row: int = 6
) -> pd.DataFrame:
    """Return a deterministic position for every node: ``x`` (slot) and ``y`` (row, 0 on top).

    Connected groups are placed side by side, largest first; inside a group, each layer is
    ordered by the mean position of its upper neighbours (then by table order), and a layer
    with more than ``max_per_row`` nodes wraps onto extra rows.
    """
    ids = list(nodes["id"])
    layer_of = layers(ids, edges)
    pairs = _oriented(edges)
    uppers: dict[str, list[str]] = {n: [] for n in ids}
    for upper, lower in pairs:
        uppers[lower].append(upper)
    order = {n: i for i, n in enumerate(ids)}

    placed: dict[str, tuple[float, int]] = {}
    x_offset = 0.0
    for group in components(ids, edges):
        by_layer: dict[int, list[str]] = {}
        for n in group:
            by_layer.setdefault(layer_of[n], []).append(n)
        slot: dict[str, float] = {}
        rows_of_layer: dict[int, list[list[str]]] = {}
        width = 0
        for lay in sorted(by_layer):
            members = by_layer[lay]

            def key(n: str, _slot: dict[str, float] = slot) -> tuple[float, int]:
                ups = [_slot[u] for u in uppers[n] if u in _slot]
                return (sum(ups) / len(ups) if ups else -1.0, order[n])

            members = sorted(members, key=key)
            chunks = [members[i : i + max_per_row] for i in range(0, len(members), max_per_row)]
            rows_of_layer[lay] = chunks
            for chunk in chunks:
                for i, n in enumerate(chunk):
                    slot[n] = float(i)
                width = max(width, len(chunk))
        y = 0
        for lay in sorted(rows_of_layer):
            for chunk in rows_of_layer[lay]:
                shift = (width - len(chunk)) / 2
                for i, n in enumerate(chunk):
                    placed[n] = (x_offset + shift + i, y)
                y += 1
        x_offset += width
    table = pd.DataFrame(
        [{"id": n, "x": placed[n][0], "y": placed[n][1], "layer": layer_of[n]} for n in ids]
    )
    return table


# ------------------------------------------------------------------------ legal framework


def legal_by_domain(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the laws and codes in date order with their year, grouped columns first."""
    legal = _table(table, "legal_framework")
    legal["year"] = legal["date"].astype("str").str.slice(0, 4).astype("int64")
    legal["domain"] = legal["domain"].astype("str")
    return legal.sort_values(["date", "id"], kind="stable").reset_index(drop=True)


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
