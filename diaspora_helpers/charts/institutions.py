"""The landscape of institutions of notebook 03: boxes in bands, placed by the layered
layout, joined by curved arrows styled by relation.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import cache

import matplotlib.patches as mpatches
import pandas as pd
import pyphen
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from diaspora_helpers import constants, i18n, tables, text
from diaspora_helpers.analysis import timeline
from diaspora_helpers.analysis.institutions import RELATION_WORDS
from diaspora_helpers.charts import layout, phone_lists, style
from diaspora_helpers.charts.relations import BAND_TITLES, RELATION_STYLES, phone_rows
from diaspora_helpers.i18n import _, word

#: Fill colours of the landscape's boxes, by kind of institution.
INSTITUTION_COLOURS = constants.INSTITUTION_FILLS


@cache
def _hyphenator(locale: str) -> pyphen.Pyphen:
    """Return pyphen's patterns for the language of a Babel locale (``fr``, ``en_GB`` ->
    ``en``)."""
    return pyphen.Pyphen(lang=locale.split("_")[0])


def _wrapped(name: str, width: int) -> list[str]:
    """Wrap ``name`` at ``width`` characters (at spaces and hyphens); a word still longer
    than a line is split at its syllables (the edition's language's hyphenation patterns,
    from pyphen) into lines that fit: "codéveloppement" at 13 -> "codéveloppe-", "ment"."""
    lines = []
    for line in textwrap.wrap(name, width, break_long_words=False):
        while len(line) > width:
            split = _hyphenator(i18n.locale()).wrap(line, width)
            if not split:
                break
            head, line = split
            lines.append(head)
        lines.append(line)
    return lines


def box_parts(row: pd.Series, width: int = 15, max_lines: int = 6) -> tuple[str, str]:
    """Return a box's two texts: the acronym (or "") and the name wrapped to fit.

    Bracketed remarks are dropped from the name; a word too long for a line is hyphenated
    (see :func:`_wrapped`); a name longer than the lines left ends with an ellipsis.
    """
    acronym = row.get("acronym")
    full = str(row["name"])
    name = re.sub(r"\s*\([^)]*\)", "", full).strip()
    head = acronym if isinstance(acronym, str) and acronym and acronym not in name.split() else ""
    if name == head or (not head and isinstance(acronym, str) and name == acronym):
        head, name = name, " ".join(re.findall(r"\(([^)]*)\)", full))
    room = max_lines - (1 if head else 0)
    name_lines = _wrapped(name, width)
    if len(name_lines) > room:
        name_lines = name_lines[:room]
        name_lines[-1] = textwrap.shorten(name_lines[-1] + " …", width=width, placeholder=" …")
    return head, "\n".join(name_lines)


def box_label(row: pd.Series, width: int = 15, max_lines: int = 6) -> str:
    """Return a box's text as one string: the acronym line (if any), then the name."""
    head, body = box_parts(row, width, max_lines)
    return f"{head}\n{body}" if head else body


def _edge_points(
    a: tuple[float, float],
    b: tuple[float, float],
    half_w: float,
    half_h: float,
    half_h_b: float | None = None,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return where the segment between two box centres leaves each box (the second box
    ``half_h_b`` high when given, else as high as the first)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0

    def cut(half: float) -> tuple[float, float]:
        if dx == 0 and dy == 0:
            return 0.0, 0.0
        tx = half_w / abs(dx) if dx else float("inf")
        ty = half / abs(dy) if dy else float("inf")
        t = min(tx, ty)
        return dx * t, dy * t

    ox, oy = cut(half_h)
    bx, by = cut(half_h if half_h_b is None else half_h_b)
    return (x0 + ox, y0 + oy), (x1 - bx, y1 - by)


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
    half_h: float | Sequence[float],
) -> float:
    """Return the least curvature that keeps a link out of other boxes (or hits fewest).

    ``half_h`` is the boxes' half height, or one per obstacle."""
    heights = [half_h] * len(obstacles) if isinstance(half_h, int | float) else list(half_h)
    best, best_hits = 0.0, None
    for rad in (0.0, 0.08, -0.08, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5):
        pts = curve_points(a, b, rad)
        hits = sum(
            any(
                layout.segment_hits_box(p, q, c, half_w, h)
                for p, q in zip(pts[:-1], pts[1:], strict=True)
            )
            for c, h in zip(obstacles, heights, strict=True)
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
    wrap: int = 15,
    shrink: bool = True,
    legend_cols: int | None = None,
    box_heights: dict[str, float] | None = None,
    max_lines: int = 6,
) -> None:
    """Draw each institution as a box at its position and each link as an arrow.

    ``inch_per_unit`` is the height of one row of the layout on the page, used to set
    the acronym above the name. Names are wrapped at ``wrap`` characters; with
    ``shrink``, a name of five lines or more is set smaller and wider. The legend has
    ``legend_cols`` columns (all relations on one line when None), above the boxes.
    ``box_heights`` gives a box's height by id (``box_height`` for the others); a box
    holds at most ``max_lines`` lines (a longer name ends with an ellipsis).
    """
    pos = positions.set_index("id")
    info = nodes.set_index("id")
    half_w = box_width / 2
    halves = {n: (box_heights or {}).get(n, box_height) / 2 for n in pos.index}
    centre = {n: (float(pos.at[n, "x"]), float(pos.at[n, "y"])) for n in pos.index}  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    for row in tables.rows(edges):
        line = RELATION_STYLES.get(row.relation, RELATION_STYLES["partners_with"])
        a, b = centre[row.from_id], centre[row.to_id]
        others = [n for n in centre if n not in (row.from_id, row.to_id)]
        rad = choose_bend(
            a, b, [centre[n] for n in others], half_w + 0.03, [halves[n] + 0.03 for n in others]
        )
        start, end = _edge_points(a, b, half_w, halves[row.from_id], halves[row.to_id])
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
                (x - half_w, y - halves[n]),
                box_width,
                2 * halves[n],
                boxstyle="round,pad=0.0,rounding_size=0.06",
                facecolor=INSTITUTION_COLOURS.get(kind, constants.WHITE),
                edgecolor=constants.EDGE_GREY,
                linewidth=0.7,
                zorder=2,
            )
        )
        head, body = box_parts(info.loc[n], width=wrap, max_lines=max_lines)
        size = fontsize if not shrink or body.count("\n") + bool(head) < 5 else fontsize - 0.6
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
    top_of: dict[float, float] = {}  # the top edge of each row of boxes
    for n, (_x, y) in centre.items():
        top_of[y] = min(top_of.get(y, y), y - halves[n])
    bands = positions[positions["band"] != ""]
    for band, part in bands.groupby("band", sort=False):
        y = float(part["y"].iloc[0])
        ax.text(
            float(positions["x"].min()) - half_w,
            top_of[y] - 0.08,
            word(band, BAND_TITLES),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            ha="left",
            va="bottom",
            fontsize=fontsize + 1,
            fontstyle="italic",
            color=constants.TEXT_GREY,
        )
        ax.axhline(top_of[y] - 0.12, color=constants.FAINT_GREY, linewidth=0.6, zorder=0)
    rows = sorted(top_of)
    for above, y in zip(rows[:-1], rows[1:], strict=True):
        main = positions.loc[positions["y"] == y, "band"].eq("").any()
        if main and positions.loc[positions["y"] == above, "band"].ne("").all():
            # a shelf of the diagram under a band: ruled off from it
            ax.axhline(top_of[y] - 0.12, color=constants.FAINT_GREY, linewidth=0.6, zorder=0)
    used = [r for r in RELATION_STYLES if r in set(edges["relation"])]
    handles = [Line2D([], [], **{k: v for k, v in RELATION_STYLES[r].items()}) for r in used]  # type: ignore[arg-type]  # the styles are Line2D's keyword arguments
    ax.legend(
        handles,
        [i18n.word(r, RELATION_WORDS) for r in used],
        loc="upper right" if legend_cols is None else "lower right",
        ncols=len(used) if legend_cols is None else legend_cols,
        fontsize=fontsize + 1 if legend_cols is None else fontsize,
        frameon=False,
        bbox_to_anchor=(1.0, 1.04) if legend_cols is None else (1.0, 1.0),
        handlelength=2.6,
    )
    ax.set_xlim(
        float(positions["x"].min()) - half_w - 0.05, float(positions["x"].max()) + half_w + 0.05
    )
    ax.set_ylim(
        max(y + halves[n] for n, (_x, y) in centre.items()) + 0.08,
        min(top_of.values()) - 0.25,
    )
    ax.set_axis_off()


#: The landscape drawn for the page: text size (points), names wrapped at this many
#: characters, a box's share of its slot's width, the gap between two rows of boxes and
#: what title, subtitle, legend and source take (inches).
PAGE_FONT_PT = style.DIAGRAM_PT
PAGE_WRAP = 13
PAGE_MAX_LINES = 8
PAGE_BOX_WIDTH = 0.96
PAGE_ROW_GAP_IN = 0.3
PAGE_FRAME_IN = 2.3


def institutional_landscape(
    nodes: pd.DataFrame,
    links: pd.DataFrame,
    positions: pd.DataFrame,
    bands: dict[str, list[str]],
    supervisors: pd.DataFrame,
    *,
    slide: bool = False,
) -> Figure:
    """Return the finished landscape of institutions.

    ``nodes`` and ``links`` come from ``analysis.institutions.supervision_graph``,
    ``bands`` from ``landscape_bands``, ``positions`` from ``charts.layout.layered_layout``
    and ``supervisors`` from ``supervision_counts`` (its first row names the title's
    supervisor). It is drawn for the page (``style.PAGE_WIDTH`` wide, text of
    ``PAGE_FONT_PT``, boxes as tall as the longest name needs; ``positions`` laid out
    for 8 slots) and carries its 16:9 slide (``slide=True``: the same call, laid out
    again with no limit on the width).
    """
    top = supervisors.iloc[0]
    supervised, unlinked = text.spelled_alike(int(top["bodies"]), len(bands.get("unlinked", [])))
    labels = (
        _(
            "The {supervisor} supervises {n} bodies; {unlinked} bodies have no stated link at all"
        ).format(
            supervisor=text.in_sentence(top["supervisor"]),
            n=supervised,
            unlinked=unlinked,
        ),
        _(
            "Institutions dealing with Malians abroad and the relations the document states "
            "between them; boxes coloured by kind of body"
        ),
        _(
            "Source document, {sections}; the collection's tables of institutions and of "
            "the links between them"
        ).format(
            sections=style.document_sections(timeline.sections(links), timeline.SECTION_WORDS)
        ),
    )
    if slide:
        fig, ax = style.titled_figure(*labels, figsize=style.SLIDE_SIZE)
        draw_landscape(ax, nodes, links, positions)
        return fig
    info = nodes.set_index("id")
    # Each row of boxes as tall as its longest name needs; one data unit is an inch.
    lines = {
        n: box_label(info.loc[n], PAGE_WRAP, PAGE_MAX_LINES).count("\n") + 1
        for n in positions["id"]
    }
    row_of = positions.set_index("id")["y"]
    row_in = {
        r: (max(lines[n] for n in ids) + 0.3) * PAGE_FONT_PT * 1.2 / 72
        for r, ids in positions.groupby("y")["id"]
    }
    middle, y = {}, 0.0
    for r in sorted(row_in):  # type: ignore[type-var]  # pandas-stubs types a cell as any scalar
        middle[r] = y + row_in[r] / 2
        y += row_in[r] + PAGE_ROW_GAP_IN
    placed = positions.assign(y=positions["y"].map(middle))
    fig, ax = style.titled_figure(*labels, figsize=(style.PAGE_WIDTH, PAGE_FRAME_IN + y))
    draw_landscape(
        ax, nodes, links, placed,
        fontsize=PAGE_FONT_PT, box_width=PAGE_BOX_WIDTH, inch_per_unit=1.0,
        wrap=PAGE_WRAP, shrink=False, legend_cols=3, max_lines=PAGE_MAX_LINES,
        box_heights={n: row_in[row_of[n]] for n in positions["id"]},
    )  # fmt: skip

    def draw_slide() -> Figure:
        wide = layout.layered_layout(nodes, links, bands=bands, max_width=None)
        return institutional_landscape(nodes, links, wide, bands, supervisors, slide=True)

    style.with_phone(
        fig, lambda: phone_lists.draw_rows(labels, phone_rows(nodes, links, positions))
    )
    return style.with_slide(fig, draw_slide)
