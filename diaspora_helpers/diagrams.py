"""Drawings for the institutional-history and policy notebooks: the timeline of events, the
landscape of institutions, the coverage grid of strategies and constraints, and TOKTEN.

Like ``charts``, this module draws what it is given on axes it is given and never loads
data itself; the tables come from ``history`` and ``policy``, which also look up the short
labels of events and constraints when a table given lacks them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

import matplotlib.patches as mpatches
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from diaspora_helpers import charts, history
from diaspora_helpers.history import RELATION_WORDS, short_label, timeline_label  # noqa: F401
from diaspora_helpers.policy import constraint_label  # noqa: F401

KIND_COLOURS = dict(zip(history.KIND_ORDER, charts.SERIES, strict=False))

#: Fill colours of the landscape's boxes, by kind of institution.
INSTITUTION_COLOURS = {
    "national_institution": "#f2e6d9",
    "ministry": "#f5d0b5",
    "delegation": "#fbe3cf",
    "office": "#fff2e0",
    "programme": "#d8e8f3",
    "bilateral_unit": "#d4ecdc",
    "agency": "#fbefc5",
    "advisory_body": "#e8dcef",
    "local_authority": "#e3efd9",
    "regional_space": "#cfe6c4",
    "ngo": "#eeeeee",
    "international_partner": "#dfe6ee",
}
#: Line style of each relation in the landscape.
RELATION_STYLES = {
    "supervises": {"color": "#333333", "linestyle": "-", "linewidth": 1.3},
    "implements": {"color": "#3a8a5c", "linestyle": "-", "linewidth": 1.1},
    "member_of": {"color": "#3a8a5c", "linestyle": ":", "linewidth": 1.3},
    "sits_on": {"color": "#7b4f9d", "linestyle": "--", "linewidth": 1.2},
    "funds": {"color": "#1f5f8b", "linestyle": "-", "linewidth": 0.9},
    "partners_with": {"color": "#9a9a9a", "linestyle": (0, (4, 2)), "linewidth": 0.9},
}
BAND_TITLES = {
    "international_partner": "Partners",
    "unlinked": "No link named in the document",
}


# ------------------------------------------------------------------------------ timeline


def timeline_layout(
    events: pd.DataFrame,
    kinds: Sequence[str],
    *,
    years_per_char: float,
    x_max: float = float("inf"),
    gap_years: float = 0.25,
) -> pd.DataFrame:
    """Place each event on a lane (its kind) and a row within the lane, labels clear of each other.

    ``events`` is the output of ``history.select_events``; ``years_per_char`` converts the
    label's length into years of the time axis. A label that would run past ``x_max`` is
    put on the left of its event. Returns the events with ``text``, ``side`` (of the
    label), ``lane``, ``row``, ``lane_rows`` (rows in its lane), ``lane_top`` and ``y``
    (0 at the top, one unit per row, lanes 0.6 apart) and ``total_height``.
    """
    rows = []
    tops = {}
    y = 0.0
    for lane, kind in enumerate(kinds):
        part = events[events["kind"].astype("str") == kind].sort_values(["start", "id"])
        texts = history.timeline_labels(part)
        spans, sides = [], []
        for start, end, text in zip(part["start"], part["end"], texts, strict=True):
            width = 0.15 + len(text) * years_per_char
            if start + width > x_max and end - start < width:
                spans.append((start - width, end))
                sides.append("left")
            else:
                spans.append((start, max(end, start + width)))
                sides.append("right")
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        packed_sorted = history.pack_rows(
            [spans[i][0] for i in order], [spans[i][1] for i in order], gap=gap_years
        )
        packed = [0] * len(spans)
        for i, row in zip(order, packed_sorted, strict=True):
            packed[i] = row
        n_rows = max(packed, default=0) + 1
        tops[lane] = (y, n_rows)
        for record, text, side, row in zip(
            part.to_dict("records"), texts, sides, packed, strict=True
        ):
            rows.append(
                {**record, "text": text, "side": side, "lane": lane, "row": row, "y": y + row + 0.5}
            )
        y += n_rows + 0.6
    columns = [*events.columns, "text", "side", "lane", "row", "y"]
    table = pd.DataFrame(rows, columns=columns)
    table["lane_top"] = table["lane"].map(lambda lane: tops[lane][0])
    table["lane_rows"] = table["lane"].map(lambda lane: tops[lane][1])
    table["total_height"] = y - 0.6
    return table.reset_index(drop=True)


def lane_extents(placed: pd.DataFrame, kinds: Sequence[str]) -> list[tuple[str, float, int]]:
    """Return each lane's kind, top and number of rows (one row for an empty lane)."""
    out, y = [], 0.0
    for lane, kind in enumerate(kinds):
        in_lane = placed[placed["lane"] == lane]
        n_rows = int(in_lane["lane_rows"].iloc[0]) if len(in_lane) else 1
        out.append((kind, y, n_rows))
        y += n_rows + 0.6
    return out


def draw_timeline(
    ax: Axes,
    events: pd.DataFrame,
    kinds: Sequence[str],
    start_year: int,
    end_year: int,
    *,
    axes_width_in: float = 10.6,
    fontsize: float = 8.0,
) -> pd.DataFrame:
    """Draw one lane per kind of event: dots for dated events, bars for periods.

    Returns the placed events (see :func:`timeline_layout`), which is the data behind
    the chart.
    """
    span = end_year + 1 - start_year
    years_per_char = fontsize * 0.56 / 72 * span / axes_width_in
    placed = timeline_layout(events, kinds, years_per_char=years_per_char, x_max=end_year + 1)
    lane_tops = lane_extents(placed, kinds)
    height = lane_tops[-1][1] + lane_tops[-1][2] if lane_tops else 1.0
    for lane, (_kind, top, n_rows) in enumerate(lane_tops):
        if lane % 2 == 0:
            ax.axhspan(top - 0.3, top + n_rows + 0.3, color="#f4f4f4", zorder=0, lw=0)
    for row in placed.itertuples():
        colour = KIND_COLOURS.get(row.kind, charts.PALETTE["grey"])
        if row.is_period:
            ax.add_patch(
                mpatches.FancyBboxPatch(
                    (row.start, row.y - 0.32),
                    max(row.end - row.start, 0.05),
                    0.64,
                    boxstyle="round,pad=0,rounding_size=0.12",
                    facecolor=colour,
                    alpha=0.28,
                    edgecolor=colour,
                    linewidth=0.8,
                    hatch="///" if getattr(row, "date_approximate", False) else None,
                    zorder=2,
                )
            )
            gap = 0.12
        else:
            ax.plot(row.start, row.y, "o", ms=5.5, color=colour, zorder=3, mec="white", mew=0.6)
            gap = 0.15
        x, ha = (row.start + gap, "left") if row.side == "right" else (row.start - gap, "right")
        ax.text(
            x, row.y, row.text, va="center", ha=ha, fontsize=fontsize,
            color=charts.PALETTE["ink"], zorder=3,
        )  # fmt: skip
    ax.set_xlim(start_year, end_year + 1)
    ax.set_ylim(height + 0.3, -0.3)
    ax.set_yticks(
        [top + n_rows / 2 for _, top, n_rows in lane_tops],
        ["\n".join(textwrap.wrap(history.KIND_LABELS.get(k, k), 14)) for k, _, _ in lane_tops],
    )
    for tick, (kind, _, _) in zip(ax.get_yticklabels(), lane_tops, strict=True):
        tick.set_color(KIND_COLOURS.get(kind, charts.PALETTE["ink"]))
        tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0, labelsize=9.5)
    step = 5 if span > 12 else 1
    first_tick = start_year + (-start_year) % step
    ax.set_xticks(range(first_tick, end_year + 2, step))
    ax.set_xticks(range(start_year, end_year + 2), minor=True)
    ax.grid(axis="x", which="major", color="#dddddd", linewidth=0.8)
    ax.grid(axis="x", which="minor", color="#efefef", linewidth=0.5)
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    return placed


# ---------------------------------------------------------------------------- landscape


def box_parts(row: pd.Series, width: int = 15, max_lines: int = 6) -> tuple[str, str]:
    """Return a box's two texts: the acronym (or "") and the name wrapped to fit.

    Bracketed remarks are dropped from the name; a name longer than the lines left
    ends with an ellipsis.
    """
    acronym = row.get("acronym")
    full = str(row["name"])
    name = re.sub(r"\s*\([^)]*\)", "", full).strip()
    head = acronym if isinstance(acronym, str) and acronym and acronym not in name.split() else ""
    if name == head or (not head and isinstance(acronym, str) and name == acronym):
        head, name = name, " ".join(re.findall(r"\(([^)]*)\)", full))
    room = max_lines - (1 if head else 0)
    name_lines = textwrap.wrap(name, width)
    if len(name_lines) > room:
        name_lines = name_lines[:room]
        name_lines[-1] = textwrap.shorten(name_lines[-1] + " …", width=width, placeholder=" …")
    return head, "\n".join(name_lines)


def box_label(row: pd.Series, width: int = 15, max_lines: int = 6) -> str:
    """Return a box's text as one string: the acronym line (if any), then the name."""
    head, body = box_parts(row, width, max_lines)
    return f"{head}\n{body}" if head else body


def _edge_points(
    a: tuple[float, float], b: tuple[float, float], half_w: float, half_h: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return where the segment between two box centres leaves each box."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0

    def cut(sign: float) -> tuple[float, float]:
        if dx == 0 and dy == 0:
            return 0.0, 0.0
        tx = half_w / abs(dx) if dx else float("inf")
        ty = half_h / abs(dy) if dy else float("inf")
        t = min(tx, ty)
        return sign * dx * t, sign * dy * t

    ox, oy = cut(1)
    return (x0 + ox, y0 + oy), (x1 - ox, y1 - oy)


def curve_points(
    a: tuple[float, float], b: tuple[float, float], rad: float, samples: int = 12
) -> list[tuple[float, float]]:
    """Return points along matplotlib's ``arc3`` curve from ``a`` to ``b`` on a y-down axis."""
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 - rad * (y2 - y1), (y1 + y2) / 2 + rad * (x2 - x1)
    points = []
    for k in range(samples + 1):
        t = k / samples
        points.append(
            (
                (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2,
                (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2,
            )
        )
    return points


def choose_bend(
    a: tuple[float, float],
    b: tuple[float, float],
    obstacles: Sequence[tuple[float, float]],
    half_w: float,
    half_h: float,
) -> float:
    """Return the least curvature that keeps a link out of other boxes (or hits fewest)."""
    best, best_hits = 0.0, None
    for rad in (0.0, 0.08, -0.08, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5):
        pts = curve_points(a, b, rad)
        hits = sum(
            any(
                history.segment_hits_box(p, q, c, half_w, half_h)
                for p, q in zip(pts[:-1], pts[1:], strict=True)
            )
            for c in obstacles
        )
        if best_hits is None or hits < best_hits:
            best, best_hits = rad, hits
        if hits == 0:
            break
    return best


def draw_landscape(
    ax: Axes,
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    positions: pd.DataFrame,
    *,
    fontsize: float = 6.8,
    box_width: float = 0.9,
    box_height: float = 0.74,
    inch_per_unit: float = 0.8,
) -> None:
    """Draw each institution as a box at its position and each link as an arrow.

    ``inch_per_unit`` is the height of one row of the layout on the page, used to set
    the acronym above the name.
    """
    pos = positions.set_index("id")
    info = nodes.set_index("id")
    half_w, half_h = box_width / 2, box_height / 2
    centre = {n: (float(pos.at[n, "x"]), float(pos.at[n, "y"])) for n in pos.index}
    for row in edges.itertuples():
        style = RELATION_STYLES.get(row.relation, RELATION_STYLES["partners_with"])
        a, b = centre[row.from_id], centre[row.to_id]
        others = [c for n, c in centre.items() if n not in (row.from_id, row.to_id)]
        rad = choose_bend(a, b, others, half_w + 0.03, half_h + 0.03)
        start, end = _edge_points(a, b, half_w, half_h)
        two_way = row.relation == "partners_with"
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={
                "arrowstyle": "<|-|>" if two_way else "-|>",
                "mutation_scale": 8,
                "shrinkA": 1,
                "shrinkB": 1,
                "color": style["color"],
                "linestyle": style["linestyle"],
                "linewidth": style["linewidth"],
                "connectionstyle": f"arc3,rad={rad}",
            },
            zorder=1,
        )
    for n, (x, y) in centre.items():
        kind = str(info.at[n, "kind"])
        ax.add_patch(
            mpatches.FancyBboxPatch(
                (x - half_w, y - half_h),
                box_width,
                box_height,
                boxstyle="round,pad=0.0,rounding_size=0.06",
                facecolor=INSTITUTION_COLOURS.get(kind, "#ffffff"),
                edgecolor="#777777",
                linewidth=0.7,
                zorder=2,
            )
        )
        head, body = box_parts(info.loc[n])
        size = fontsize if body.count("\n") + bool(head) < 5 else fontsize - 0.6
        if size != fontsize:
            head, body = box_parts(info.loc[n], width=18)
        if head:
            lines = body.count("\n") + 2
            line_h = size * 1.2 / 72 / inch_per_unit
            top = y - (lines - 1) * line_h / 2
            ax.text(
                x,
                top,
                head,
                ha="center",
                va="center",
                fontsize=size + 0.6,
                fontweight="bold",
                color=charts.PALETTE["ink"],
                zorder=3,
            )
            body_y, body_va = top + line_h * 0.55, "top"
        else:
            body_y, body_va = y, "center"
        ax.text(
            x, body_y, body, ha="center", va=body_va, fontsize=size,
            color=charts.PALETTE["ink"], zorder=3, linespacing=1.1,
        )  # fmt: skip
    bands = positions[positions["band"] != ""]
    for band, part in bands.groupby("band", sort=False):
        y = float(part["y"].iloc[0])
        ax.text(
            float(positions["x"].min()) - half_w,
            y - half_h - 0.08,
            BAND_TITLES.get(band, band),
            ha="left",
            va="bottom",
            fontsize=fontsize + 1,
            fontstyle="italic",
            color="#555555",
        )
        ax.axhline(y - half_h - 0.12, color="#cccccc", linewidth=0.6, zorder=0)
    used = [r for r in RELATION_STYLES if r in set(edges["relation"])]
    handles = [Line2D([], [], **{k: v for k, v in RELATION_STYLES[r].items()}) for r in used]
    ax.legend(
        handles,
        [RELATION_WORDS[r] for r in used],
        loc="upper right",
        ncols=len(used),
        fontsize=fontsize + 1,
        frameon=False,
        bbox_to_anchor=(1.0, 1.04),
        handlelength=2.6,
    )
    ax.set_xlim(
        float(positions["x"].min()) - half_w - 0.05, float(positions["x"].max()) + half_w + 0.05
    )
    ax.set_ylim(
        float(positions["y"].max()) + half_h + 0.08, float(positions["y"].min()) - half_h - 0.25
    )
    ax.set_axis_off()


# ------------------------------------------------------------------------------- TOKTEN


def draw_tokten(axes: Sequence[Axes], sectors: pd.DataFrame, levels: pd.DataFrame) -> None:
    """Draw trainees by sector (with missions) and by degree level (women and men)."""
    left, right = axes
    names = [s.replace("_", " ").replace("smes", "SMEs").capitalize() for s in sectors["sector"]]
    names = [n.replace("Smes", "SMEs") for n in names]
    women = sectors["women"].astype("Float64").fillna(0).astype("float64")
    men = sectors["trainees"].astype("float64") - women
    y = range(len(sectors))
    left.barh(y, women, color=charts.PALETTE["mali"], label="women")
    left.barh(y, men, left=women, color=charts.PALETTE["light"], label="men (or not stated)")
    for i, row in enumerate(sectors.itertuples()):
        missions = "mission" if row.missions == 1 else "missions"
        left.text(
            row.trainees,
            i,
            f"  {row.trainees} ({row.missions} {missions})",
            va="center",
            fontsize=8.5,
        )
    left.set_yticks(list(y), names)
    left.invert_yaxis()
    left.set_xlim(0, float(sectors["trainees"].max()) * 1.45)
    left.set_title("Trainees by sector (missions in brackets)")
    left.grid(axis="x")
    left.grid(axis="y", visible=False)
    left.legend(loc="center right", fontsize=8.5)

    lv_names = [str(v).capitalize() for v in levels["degree_level"]]
    w = levels["women"].astype("float64")
    m = levels["trainees"].astype("float64") - w
    x = range(len(levels))
    right.bar(x, w, color=charts.PALETTE["mali"])
    right.bar(x, m, bottom=w, color=charts.PALETTE["light"])
    for i, row in enumerate(levels.itertuples()):
        right.text(
            i,
            row.trainees,
            f"{100 * row.women / row.trainees:.1f}% women",
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
    right.set_xticks(list(x), lv_names)
    right.set_ylim(0, float(levels["trainees"].max()) * 1.15)
    right.set_title("Education trainees by degree level")


# ------------------------------------------------------------------------ coverage grid


def draw_coverage(
    ax: Axes,
    matrix: pd.DataFrame,
    strategies: pd.DataFrame,
    constraints: pd.DataFrame,
    *,
    highlight: Sequence[str] = (),
    wrap: int = 46,
) -> None:
    """Draw the coverage matrix as a grid: dark cells direct, light cells partial.

    ``strategies`` (id, scope, label) and ``constraints`` (indexed by id, with kind and
    label) name the rows and columns; columns in ``highlight`` (the gaps) are shaded. The
    columns are headed by the constraints' ``short_label`` (see
    :func:`policy.constraint_label`), from ``constraints`` when it has that column and from
    the collection's table otherwise.
    """
    st = strategies.set_index("id").loc[matrix.index]
    n_rows, n_cols = matrix.shape
    for j, cid in enumerate(matrix.columns):
        if cid in highlight:
            ax.add_patch(
                mpatches.Rectangle((j - 0.5, -0.5), 1, n_rows, color="#fbe4dc", zorder=0, lw=0)
            )
    for i in range(n_rows):
        for j in range(n_cols):
            score = int(matrix.iat[i, j])
            face = {2: charts.PALETTE["un"], 1: "#9cc3df"}.get(score)
            if face:
                ax.add_patch(
                    mpatches.FancyBboxPatch(
                        (j - 0.36, i - 0.36),
                        0.72,
                        0.72,
                        boxstyle="round,pad=0,rounding_size=0.1",
                        facecolor=face,
                        edgecolor="none",
                        zorder=2,
                    )
                )
            else:
                ax.plot(j, i, ".", color="#cfcfcf", ms=3, zorder=1)
    scopes = list(st["scope"].astype("str"))
    for i in range(1, n_rows):
        if scopes[i] != scopes[i - 1]:
            ax.axhline(i - 0.5, color="#888888", linewidth=0.8)
    kinds = [str(constraints.at[c, "kind"]) for c in matrix.columns]
    for j in range(1, n_cols):
        if kinds[j] != kinds[j - 1]:
            ax.axvline(j - 0.5, color="#888888", linewidth=0.8)
    group_start = 0
    for j in range(1, n_cols + 1):
        if j == n_cols or kinds[j] != kinds[group_start]:
            ax.text(
                (group_start + j - 1) / 2,
                n_rows - 0.45,
                f"{kinds[group_start].capitalize()}\nconstraints",
                ha="center",
                va="top",
                fontsize=8.5,
                fontweight="bold",
                color="#555555",
            )
            group_start = j
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_aspect(0.8, adjustable="box", anchor="C")
    ax.set_yticks(
        range(n_rows),
        ["\n".join(textwrap.wrap(str(lab), wrap)) for lab in st["label"]],
        fontsize=7.5,
    )
    named = constraints.rename_axis("id").reset_index() if "short_label" in constraints else None
    ax.set_xticks(
        range(n_cols),
        [constraint_label(c, constraints.at[c, "label"], named) for c in matrix.columns],
        rotation=40,
        ha="left",
        rotation_mode="anchor",
        fontsize=8,
    )
    for tick, cid in zip(ax.get_xticklabels(), matrix.columns, strict=True):
        if cid in highlight:
            tick.set_color(charts.PALETTE["mali"])
            tick.set_fontweight("bold")
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    # scope names on the right of each block of rows
    start = 0
    for i in range(1, n_rows + 1):
        if i == n_rows or scopes[i] != scopes[start]:
            ax.text(
                n_cols - 0.35,
                (start + i - 1) / 2,
                SCOPE_NAMES.get(scopes[start], scopes[start]),
                rotation=270,
                va="center",
                ha="left",
                fontsize=8,
                color="#555555",
            )
            start = i
    handles = [
        mpatches.Patch(color=charts.PALETTE["un"], label="addresses it directly"),
        mpatches.Patch(color="#9cc3df", label="addresses part of it"),
    ]
    if highlight:
        handles.append(mpatches.Patch(color="#fbe4dc", label="no strategy shown addresses it"))
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.045),
        ncols=len(handles),
        fontsize=8,
        frameon=False,
    )


SCOPE_NAMES = {
    "national": "National",
    "local_development": "Local development",
    "investment": "Investment",
}


# ------------------------------------------------------------------- themes and costs


def draw_theme_counts(ax: Axes, counts: pd.DataFrame) -> None:
    """Draw constraints per theme as bars split into endogenous and exogenous."""
    themes = [str(t).replace("_", " ").capitalize() for t in counts.index]
    left = [0.0] * len(counts)
    colours = {"endogenous": charts.PALETTE["mali"], "exogenous": charts.PALETTE["un"]}
    for kind in [k for k in ("endogenous", "exogenous") if k in counts.columns]:
        values = counts[kind].astype("float64").tolist()
        ax.barh(themes, values, left=left, color=colours[kind], label=kind, height=0.6)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("constraints")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")


def draw_cost(ax: Axes, costs: pd.DataFrame, target_pct: float, ceiling_pct: float) -> None:
    """Draw a yearly cost of sending money with the target and ceiling as reference lines."""
    ax.plot(costs["year"], costs["cost_pct"], marker="o", color=charts.PALETTE["un"])
    for value, word in ((ceiling_pct, "ceiling per corridor"), (target_pct, "target")):
        ax.axhline(value, color=charts.PALETTE["grey"], linestyle="--", linewidth=0.9)
        ax.text(
            float(costs["year"].min()),
            value,
            f" SDG 10.c {word}: {value:g}%",
            va="bottom",
            fontsize=8.5,
            color="#555555",
        )
    ax.set_ylim(0, float(costs["cost_pct"].max()) * 1.15)
    ax.set_ylabel("% of the amount sent")
    ax.xaxis.get_major_locator().set_params(integer=True)
