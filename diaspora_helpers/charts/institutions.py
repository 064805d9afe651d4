"""The landscape of institutions of notebook 03: boxes in bands, placed by the layered
layout, joined by curved arrows styled by relation.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

import matplotlib.patches as mpatches
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from diaspora_helpers import constants
from diaspora_helpers.analysis import timeline
from diaspora_helpers.analysis.institutions import relation_words
from diaspora_helpers.charts import layout, style
from diaspora_helpers.i18n import N_, _

#: Fill colours of the landscape's boxes, by kind of institution.
INSTITUTION_COLOURS = constants.INSTITUTION_FILLS


#: Line style of each relation in the landscape.
RELATION_STYLES = {
    "supervises": {"color": constants.DARK_GREY, "linestyle": "-", "linewidth": 1.3},
    "implements": {"color": constants.BLUISH_GREEN, "linestyle": "-", "linewidth": 1.1},
    "member_of": {"color": constants.BLUISH_GREEN, "linestyle": ":", "linewidth": 1.3},
    "sits_on": {"color": constants.REDDISH_PURPLE, "linestyle": "--", "linewidth": 1.2},
    "funds": {"color": constants.BLUE, "linestyle": "-", "linewidth": 0.9},
    "partners_with": {"color": constants.LINK_GREY, "linestyle": (0, (4, 2)), "linewidth": 0.9},
}


BAND_TITLES = {
    "international_partner": N_("Partners"),
    "unlinked": N_("No link named in the document"),
}


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
                layout.segment_hits_box(p, q, c, half_w, half_h)
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
        line = RELATION_STYLES.get(row.relation, RELATION_STYLES["partners_with"])
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
                "color": line["color"],
                "linestyle": line["linestyle"],
                "linewidth": line["linewidth"],
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
                facecolor=INSTITUTION_COLOURS.get(kind, constants.WHITE),
                edgecolor=constants.EDGE_GREY,
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
                color=style.PALETTE["ink"],
                zorder=3,
            )
            body_y, body_va = top + line_h * 0.55, "top"
        else:
            body_y, body_va = y, "center"
        ax.text(
            x, body_y, body, ha="center", va=body_va, fontsize=size,
            color=style.PALETTE["ink"], zorder=3, linespacing=1.1,
        )  # fmt: skip
    bands = positions[positions["band"] != ""]
    for band, part in bands.groupby("band", sort=False):
        y = float(part["y"].iloc[0])
        ax.text(
            float(positions["x"].min()) - half_w,
            y - half_h - 0.08,
            _(BAND_TITLES[band]) if band in BAND_TITLES else band,
            ha="left",
            va="bottom",
            fontsize=fontsize + 1,
            fontstyle="italic",
            color=constants.TEXT_GREY,
        )
        ax.axhline(y - half_h - 0.12, color=constants.FAINT_GREY, linewidth=0.6, zorder=0)
    used = [r for r in RELATION_STYLES if r in set(edges["relation"])]
    handles = [Line2D([], [], **{k: v for k, v in RELATION_STYLES[r].items()}) for r in used]
    ax.legend(
        handles,
        [relation_words(r) for r in used],
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


def institutional_landscape(
    nodes: pd.DataFrame,
    links: pd.DataFrame,
    positions: pd.DataFrame,
    bands: dict[str, list[str]],
    supervisors: pd.DataFrame,
) -> Figure:
    """Return the finished landscape of institutions as a 16:9 slide.

    ``nodes`` and ``links`` come from ``analysis.institutions.supervision_graph``,
    ``bands`` from ``landscape_bands``, ``positions`` from ``charts.layout.layered_layout``
    and ``supervisors`` from ``supervision_counts`` (its first row names the title's
    supervisor).
    """
    top = supervisors.iloc[0]
    fig, ax = style.titled_figure(
        _(
            "The {supervisor} supervises {n} bodies; {unlinked} bodies have no stated link at all"
        ).format(
            supervisor=top["supervisor"], n=top["bodies"], unlinked=len(bands.get("unlinked", []))
        ),
        _(
            "Institutions dealing with Malians abroad and the relations the document states "
            "between them; boxes coloured by kind of body"
        ),
        _(
            "Source document, sections {sections}; the collection's institutions "
            "and institution_links tables"
        ).format(sections=timeline.sections(links)),
        figsize=style.SLIDE_SIZE,
    )
    draw_landscape(ax, nodes, links, positions)
    return fig
