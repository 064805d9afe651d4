"""The timeline chart of notebook 03: events in lanes by kind, periods as bars, labels
packed so that none overlap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib.colors as mcolors
import matplotlib.patches as mpatches
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from diaspora_helpers import colours, constants, tables, text
from diaspora_helpers.analysis import timeline
from diaspora_helpers.charts import phone_lists, style
from diaspora_helpers.i18n import _, headers_of, with_headers, with_texts, with_words, word
from diaspora_helpers.text import listing

KIND_COLOURS = dict(zip(timeline.KIND_ORDER, style.SERIES, strict=False))
#: Contrast a mark (a dot, a period's edge) keeps against the white ground and the lanes'
#: panels (WCAG 2.2 AA 1.4.11, graphical objects).
MARK_CONTRAST = 3.0
#: The shape of each kind's marks: the kind is told by shape as well as colour (WCAG 1.4.1),
#: in the legend rows and on every event of the phone timeline, and on the page's dots.
KIND_SHAPES = {
    "forum": "o",
    "institution": "s",
    "programme": "^",
    "law_policy": "D",
    "mission": "P",
}
#: Contrast a lane's name keeps against the lane's panel (WCAG 2.2 AA, text at 10 pt).
LABEL_CONTRAST = 4.5


def mark_colour(kind: str) -> str:
    """Return the colour of ``kind``'s marks: its series colour darkened (same hue) until
    it reads at :data:`MARK_CONTRAST` or more on white and on the lanes' panel (the orange
    of laws and policies, 2.2:1 as it is, becomes a darker orange); grey for a kind
    outside the palette."""
    colour = KIND_COLOURS.get(kind, style.PALETTE["grey"])
    return colours.darkened(colour, (constants.WHITE, constants.PANEL_GREY), MARK_CONTRAST, 0.05)


def kind_shape(kind: str) -> str:
    """Return ``kind``'s matplotlib marker (:data:`KIND_SHAPES`; a circle for another)."""
    return KIND_SHAPES.get(kind, "o")


def text_colour(colour: str, background: str = constants.PANEL_GREY) -> str:
    """Return ``colour`` darkened (same hue, in steps of 5%) until text in it reads at
    :data:`LABEL_CONTRAST` or more on ``background``: the lane's name keeps the colour of
    its marks and stays legible (the orange of administrative events, 2.2:1 as it is,
    becomes a brown)."""
    return colours.darkened(colour, (background,), LABEL_CONTRAST, 0.05)


#: Mean width of a label's character, in ems of its font (DejaVu Sans, a few capitals).
CHAR_EM = 0.6
#: The timeline drawn for the page: its labels' size (points), the width its lane names
#: take on the left and the height of one row of labels (inches), and what the title,
#: subtitle, time axis and source line take (inches).
PAGE_FONT_PT = style.DIAGRAM_PT
LANE_NAMES_IN = 1.45
ROW_IN = 0.27
FRAME_IN = 2.2
#: The 16:9 slide's labels (points): the slide is 12.8 inches wide and shown large.
SLIDE_FONT_PT = 9.0


def timeline_layout(
    events: pd.DataFrame,
    kinds: Sequence[str],
    *,
    years_per_char: float,
    x_max: float = float("inf"),
    gap_years: float = 0.25,
) -> pd.DataFrame:
    """Place each event on a lane (its kind) and a row within the lane, labels clear of each other.

    ``events`` is the output of ``timeline.select_events``; ``years_per_char`` converts the
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
        texts = timeline.timeline_labels(part)
        spans, sides = [], []
        for start, end, label in zip(part["start"], part["end"], texts, strict=True):
            width = 0.15 + len(label) * years_per_char
            if start + width > x_max and end - start < width:
                spans.append((start - width, end))
                sides.append("left")
            else:
                spans.append((start, max(end, start + width)))
                sides.append("right")
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        packed_sorted = timeline.pack_rows(
            [spans[i][0] for i in order], [spans[i][1] for i in order], gap=gap_years
        )
        packed = [0] * len(spans)
        for i, row in zip(order, packed_sorted, strict=True):
            packed[i] = row
        n_rows = max(packed, default=0) + 1
        tops[lane] = (y, n_rows)
        for record, label, side, row in zip(
            part.to_dict("records"), texts, sides, packed, strict=True
        ):
            rows.append(
                {
                    **record,
                    "text": label,
                    "side": side,
                    "lane": lane,
                    "row": row,
                    "y": y + row + 0.5,
                }
            )
        y += n_rows + 0.6
    columns = [*events.columns, "text", "side", "lane", "row", "y"]
    table = pd.DataFrame(rows, columns=columns)
    table["lane_top"] = table["lane"].map(lambda lane: tops[lane][0])
    table["lane_rows"] = table["lane"].map(lambda lane: tops[lane][1])
    table["total_height"] = y - 0.6
    # "text" is the event's label in the edition's language; "kind" keeps its code.
    # "section" is the source document's section ("5.1"): its own words but for "intro",
    # which the site's table of the chart's data names where it shows it (no column of
    # words repeating the numbers in the download).
    table = with_words(table.reset_index(drop=True), kind=timeline.KIND_LABELS)
    return with_texts(table, "text")


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
    placed: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Draw one lane per kind of event: dots for dated events, bars for periods.

    Returns the placed events (see :func:`timeline_layout`), which is the data behind
    the chart; ``placed``, when given, is that table already computed for the same
    arguments.
    """
    span = end_year + 1 - start_year
    if placed is None:
        placed = placed_events(
            events, kinds, start_year, end_year, axes_width_in=axes_width_in, fontsize=fontsize
        )
    lane_tops = lane_extents(placed, kinds)
    height = lane_tops[-1][1] + lane_tops[-1][2] if lane_tops else 1.0
    for lane, (_kind, top, n_rows) in enumerate(lane_tops):
        if lane % 2 == 0:
            ax.axhspan(top - 0.3, top + n_rows + 0.3, color=constants.PANEL_GREY, zorder=0, lw=0)
    for row in tables.rows(placed):
        colour = mark_colour(str(row.kind))
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
            ax.plot(
                row.start, row.y, kind_shape(str(row.kind)), ms=5.5, color=colour, zorder=3,
                mec="white", mew=0.6,
            )  # fmt: skip
            gap = 0.15
        x, ha = (row.start + gap, "left") if row.side == "right" else (row.start - gap, "right")
        ax.text(
            x, row.y, row.text, va="center", ha=ha, fontsize=fontsize,
            color=style.PALETTE["ink"], zorder=3,
        )  # fmt: skip
    ax.set_xlim(start_year, end_year + 1)
    ax.set_ylim(height + 0.3, -0.3)
    ax.set_yticks(
        [top + n_rows / 2 for _, top, n_rows in lane_tops],
        ["\n".join(textwrap.wrap(word(k, timeline.KIND_LABELS), 14)) for k, _top, _n in lane_tops],
    )
    for tick, (kind, _top, _n) in zip(ax.get_yticklabels(), lane_tops, strict=True):
        tick.set_color(text_colour(KIND_COLOURS.get(kind, style.PALETTE["ink"])))
        tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0, labelsize=max(9.5, fontsize + 0.5))
    step = 5 if span > 12 else 1
    first_tick = start_year + (-start_year) % step
    ax.set_xticks(range(first_tick, end_year + 2, step))
    ax.set_xticks(range(start_year, end_year + 2), minor=True)
    ax.grid(axis="x", which="major", color=constants.GRID_GREY, linewidth=0.8)
    ax.grid(axis="x", which="minor", color=constants.GRID_FAINT, linewidth=0.5)
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    return placed


def placed_events(
    events: pd.DataFrame,
    kinds: Sequence[str],
    start_year: int,
    end_year: int,
    *,
    axes_width_in: float = 10.6,
    fontsize: float = 8.0,
) -> pd.DataFrame:
    """Return the events as :func:`draw_timeline` places them: the data behind the chart.

    One row per event of ``events`` (the ``analysis.timeline.events`` table, filtered),
    with its lane, row ``y``, ``start``/``end`` in decimal years and the label ``text``.
    Labels are packed for text of ``fontsize`` points on axes ``axes_width_in`` inches
    wide; nothing is drawn.
    """
    span = end_year + 1 - start_year
    years_per_char = fontsize * CHAR_EM / 72 * span / axes_width_in
    placed = timeline_layout(events, kinds, years_per_char=years_per_char, x_max=end_year + 1)
    # the events' headers ("Category" for kind) stay with the rows a download is made from
    return with_headers(placed, **headers_of(events))


def events_timeline(
    events: pd.DataFrame,
    kinds: Sequence[str],
    start_year: int,
    end_year: int,
    rhythm: pd.DataFrame,
    *,
    slide: bool = False,
) -> Figure:
    """Return the finished timeline of ``events`` from ``start_year`` to ``end_year``.

    ``rhythm`` is ``analysis.timeline.wave_summary(events)``, which the title reads. The
    figure is drawn for the page (``style.PAGE_WIDTH`` wide, labels of
    ``PAGE_FONT_PT``, as tall as its rows need), and carries its 16:9 slide
    (``style.SLIDE_SIZE``, the same call with ``slide=True``); one lane per kind in
    ``kinds``.
    """
    width = style.SLIDE_SIZE[0] if slide else style.PAGE_WIDTH
    fontsize = SLIDE_FONT_PT if slide else PAGE_FONT_PT
    axes_width_in = width - LANE_NAMES_IN - 0.3
    placed = placed_events(
        events, kinds, start_year, end_year, axes_width_in=axes_width_in, fontsize=fontsize
    )
    lanes = lane_extents(placed, kinds)
    rows = lanes[-1][1] + lanes[-1][2] + 0.6 if lanes else 1.6
    figsize = style.SLIDE_SIZE if slide else (width, FRAME_IN + rows * ROW_IN)
    fig, ax = style.titled_figure(
        rhythm_title(rhythm),
        _(
            "Dated events of Mali's diaspora policy by kind, one shape per kind: marks are "
            "single dates (placed mid-month or mid-year when the document gives no day), bars "
            "are periods, hatched bars are periods the document dates only roughly"
        ),
        _("Source document, {sections}; the collection's events table").format(
            sections=style.document_sections(timeline.sections(events), timeline.SECTION_WORDS)
        ),
        figsize=figsize,
    )
    draw_timeline(
        ax, events, kinds, start_year, end_year,
        axes_width_in=axes_width_in, fontsize=fontsize, placed=placed,
    )  # fmt: skip
    if not slide:
        style.with_slide(
            fig,
            lambda: events_timeline(events, kinds, start_year, end_year, rhythm, slide=True),
        )
        labels = fig._house_labels  # type: ignore[attr-defined]
        style.with_phone(fig, lambda: phone_lists.draw_rows(labels, phone_rows(placed, kinds)))
    return fig


#: The width of the years' column of the timeline drawn for a phone (inches).
PHONE_YEAR_IN = 0.5


def phone_rows(placed: pd.DataFrame, kinds: Sequence[str]) -> list[phone_lists.Row]:
    """Return the timeline as a phone reads it, down the screen: the kinds (lanes) as a
    legend, each with its shape in its colour, then one row per event in order of date, its
    year in a left column (once per year), its kind's shape for a date or a bar bearing
    that shape for a period (hatched when the document dates it only roughly), in its
    kind's colour, and its label; a period's label
    ends with its years. ``placed`` is :func:`placed_events`' table."""
    Row = phone_lists.Row
    rows = [
        Row(
            word(kind, timeline.KIND_LABELS),
            mark={"kind": "dot", "color": mark_colour(kind), "marker": kind_shape(kind)},
            colour=text_colour(KIND_COLOURS.get(kind, style.PALETTE["ink"]), constants.WHITE),
            bold=True,
        )
        for kind in kinds
    ]
    rows.append(Row(""))
    order = {kind: lane for lane, kind in enumerate(kinds)}
    ordered = placed.assign(_lane=placed["kind"].astype("str").map(order)).sort_values(
        ["start", "_lane", "id"], kind="stable"
    )
    shown_year = None
    for row in tables.rows(ordered):
        colour = mark_colour(str(row.kind))
        shape = kind_shape(str(row.kind))
        year = int(row.start)
        label = str(row.text)
        if row.is_period:
            last = int(row.end_year) if pd.notna(row.end_year) else year
            label = f"{label} ({year}–{last})" if last != year else label
            mark: dict[str, object] = {
                "kind": "period",
                "facecolor": mcolors.to_rgba(colour, 0.2),
                "edgecolor": colour,
                "linewidth": 0.8,
                "hatch": "///" if getattr(row, "date_approximate", False) else None,
                "marker": shape,
                "marker_colour": colour,
            }
        else:
            mark = {"kind": "dot", "color": colour, "mec": "white", "mew": 0.6, "marker": shape}
        rows.append(
            Row(
                label,
                mark=mark,
                gutter=str(year) if year != shown_year else "",
                gutter_in=PHONE_YEAR_IN,
            )
        )
        shown_year = year
    return rows


def rhythm_title(summary: pd.DataFrame) -> str:
    """Return a timeline title that states the finding: how many waves, and the busiest.

    ``summary`` is ``analysis.timeline.wave_summary(...)`` (``events``, ``years``). Counts
    are written as prose writes them (:func:`text.spelled`, :func:`text.spelled_alike`).
    """
    if summary.empty:
        return _("The document dates no event of these kinds in these years")
    if len(summary) == 1:
        return _("One unbroken run of {n} events, {years}").format(
            n=text.spelled(int(summary["events"].iloc[0])),
            years=text.period(summary["years"].iloc[0]),
        )
    most = int(summary["events"].max())
    busiest = summary[summary["events"] == most]
    waves = text.spelled(len(summary), feminine=True)
    n, total = text.spelled_alike(most, int(summary["events"].sum()))
    if len(busiest) > 1:
        return _(
            "Diaspora policy came in {waves} waves; the busiest, {years}, brought {n} of the "
            "{total} events each"
        ).format(
            waves=waves,
            years=listing([text.period(y) for y in busiest["years"]]),
            n=n,
            total=total,
        )
    return _(
        "Diaspora policy came in {waves} waves; the busiest, {years}, "
        "brought {n} of the {total} events"
    ).format(waves=waves, years=text.period(busiest["years"].iloc[0]), n=n, total=total)
