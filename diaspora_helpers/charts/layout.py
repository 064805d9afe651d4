"""A layered graph layout for the institutional landscape: layers by supervision depth,
an order within each layer that avoids crossings, and positions spread to a gap.

Pure geometry on node names and edge tables; it draws nothing and loads nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from diaspora_helpers import tables
from diaspora_helpers.analysis.institutions import RELATION_DIRECTION


def _oriented(edges: pd.DataFrame, keep: set[str] | None = None) -> list[tuple[str, str]]:
    pairs = []
    for row in tables.rows(edges):
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

    for row in tables.rows(edges):
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
    for row in tables.rows(edges):
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
    for row in tables.rows(edges):
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
    """Return how untidy a layout is: crossings of links, plus three per link through a box.

    The same sums as :func:`_segments_cross` and :func:`segment_hits_box` over every pair,
    computed for all pairs at once (the layout calls this some seventy times per run).
    """
    index = {n: i for i, n in enumerate(positions)}
    ends = np.array(
        [
            (index[a], index[b])
            for a, b in zip(edges["from_id"].tolist(), edges["to_id"].tolist(), strict=True)
            if a in index and b in index and a != b
        ],
        dtype="int64",
    ).reshape(-1, 2)
    if not len(ends):
        return 0
    xy = np.array([positions[n] for n in index], dtype="float64")
    p1, p2 = xy[ends[:, 0]], xy[ends[:, 1]]

    def orient(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        return (b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1]) - (b[..., 1] - a[..., 1]) * (
            c[..., 0] - a[..., 0]
        )

    first, second = p1[:, None], p2[:, None]  # link i along the rows, link j along the columns
    d1, d2 = orient(p1[None], p2[None], first), orient(p1[None], p2[None], second)
    d3, d4 = orient(first, second, p1[None]), orient(first, second, p2[None])
    share = (ends[:, None, :, None] == ends[None, :, None, :]).any(axis=(2, 3))
    later = np.triu(np.ones((len(ends), len(ends)), dtype=bool), k=1)
    crossings = (d1 * d2 < 0) & (d3 * d4 < 0) & ~share & later
    # Liang-Barsky clip of every link against every box but its own two ends
    x1, y1 = p1[:, :1], p1[:, 1:]
    dx, dy = p2[:, :1] - x1, p2[:, 1:] - y1
    cx, cy = xy[None, :, 0], xy[None, :, 1]
    t0 = np.zeros((len(ends), len(xy)))
    t1 = np.ones((len(ends), len(xy)))
    missed = np.zeros((len(ends), len(xy)), dtype=bool)
    for p, q in (
        (-dx, x1 - (cx - half_w)),
        (dx, (cx + half_w) - x1),
        (-dy, y1 - (cy - half_h)),
        (dy, (cy + half_h) - y1),
    ):
        p = np.broadcast_to(p, q.shape)
        flat = p == 0
        missed |= flat & (q < 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = q / p
        t0 = np.where(~flat & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~flat & (p > 0), np.minimum(t1, r), t1)
    through = ~missed & (t0 <= t1)
    rows = np.arange(len(ends))
    through[rows, ends[:, 0]] = False
    through[rows, ends[:, 1]] = False
    return int(crossings.sum()) + 3 * int(through.sum())


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


def _shelves(widths: Sequence[int], max_width: int | None) -> list[list[int]]:
    """Return the groups (by index) on each shelf: side by side while their widths fit
    in ``max_width`` slots (no limit when None), then on a new shelf below."""
    shelves: list[list[int]] = []
    used = 0
    for i, width in enumerate(widths):
        if shelves and (max_width is None or used + width <= max_width):
            shelves[-1].append(i)
            used += width
        else:
            shelves.append([i])
            used = width
    return shelves


def _place(
    groups: list[list[list[str]]],
    band_rows: list[list[str]],
    near: dict[str, list[str]],
    max_width: int | None = None,
) -> dict[str, tuple[float, float]]:
    """Turn row orders into coordinates: groups side by side on shelves of at most
    ``max_width`` slots, each shelf centred; bands with links right under the first
    shelf, bands without any at the bottom."""
    local: list[tuple[int, dict[str, float], list[list[str]]]] = []
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
        local.append((width, x, chunks))
    shelves = _shelves([width for width, _, _ in local], max_width)
    shelf_widths = [sum(local[g][0] for g in shelf) for shelf in shelves]
    total = max([*shelf_widths, *(len(r) for r in band_rows), 0])
    linked = [any(near[n] for n in members) for members in band_rows]
    early = [b for b, has in enumerate(linked) if has] if len(shelves) > 1 else []
    placed: dict[str, tuple[float, float]] = {}
    band_number: dict[int, int] = {}
    row_offset = 0
    for k, shelf in enumerate(shelves):
        x_offset = (total - shelf_widths[k]) / 2
        for g in shelf:
            width, x, chunks = local[g]
            for y, chunk in enumerate(chunks):
                for n in chunk:
                    placed[n] = (x_offset + x[n], float(row_offset + y))
            x_offset += width
        row_offset += max(len(local[g][2]) for g in shelf)
        if k == 0:
            for b in early:
                band_number[b] = row_offset
                row_offset += 1
    for b in range(len(band_rows)):
        if b not in band_number:
            band_number[b] = row_offset
            row_offset += 1
    for b, members in enumerate(band_rows):
        targets = [[placed[m][0] for m in near[n] if m in placed] for n in members]
        if any(targets):
            desired = [min(sum(xs) / len(xs), total - 1.0) if xs else total for xs in targets]
        else:
            step = total / len(members)
            desired = [step * (i + 0.5) - 0.5 for i in range(len(members))]
        for n, pos in zip(members, spread(desired, 0.0, total - 1.0), strict=True):
            placed[n] = (pos, float(band_number[b]))
    return placed


def layered_layout(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    bands: dict[str, list[str]] | None = None,
    max_per_row: int = 8,
    max_width: int | None = 8,
    improve: bool = True,
) -> pd.DataFrame:
    """Return a deterministic position for every node: ``x`` (slot), ``y`` (row, 0 on top).

    Nodes named in ``bands`` are set apart, one row per band under the main diagram, each
    placed near what it links to. The others are laid out in layers (see :func:`layers`),
    connected groups side by side, largest first; each layer is first ordered by the mean
    position of its neighbours, a layer longer than ``max_per_row`` wraps, and each node
    sits as close to the middle of its neighbours as a gap of one slot allows. Groups
    that do not fit side by side in ``max_width`` slots (a page's width; None for no
    limit) go on a shelf below, under the bands linked to the first shelf. With
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
    first = _place(groups, [], near_all, max_width)
    band_rows = []
    for members in bands.values():

        def key(n: str) -> tuple[float, int]:
            xs = [first[m][0] for m in near_all[n] if m in first]
            return (sum(xs) / len(xs) if xs else float("inf"), order[n])

        band_rows.append(sorted(members, key=key))

    if improve:
        best = layout_cost(_place(groups, band_rows, near_all, max_width), edges)
        rows = [row for chunks in groups for row in chunks] + band_rows
        for _ in range(6):
            changed = False
            for row in rows:
                for i in range(len(row) - 1):
                    row[i], row[i + 1] = row[i + 1], row[i]
                    cost = layout_cost(_place(groups, band_rows, near_all, max_width), edges)
                    if cost < best:
                        best, changed = cost, True
                    else:
                        row[i], row[i + 1] = row[i + 1], row[i]
            if not changed:
                break
    placed = _place(groups, band_rows, near_all, max_width)
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
