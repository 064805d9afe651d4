"""Diagrams re-arranged for a phone: rows down a narrow figure, each a mark and its words.

A diagram placed box by box (the map, the timeline, the landscape of institutions, the
coverage grid) cannot shrink to a 390 px screen and stay legible. Its topic module turns
what it draws into :class:`Row` objects (a ranked bar per country, an event per line, a
relation per line…) and :func:`draw_rows` sets them down a figure
:data:`~diaspora_helpers.charts.phone.PHONE_WIDTH` wide, under the same title, subtitle
and source line, every text at :data:`ROW_PT` points or more (11 CSS px and more once
shown 358 px wide). The figure is as tall as its rows need.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import matplotlib.patches as mpatches
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from diaspora_helpers import constants
from diaspora_helpers.charts import style
from diaspora_helpers.charts.phone import PHONE_MIN_PT, PHONE_WIDTH

#: Text of a row (points), the height of one of its lines and the space between rows,
#: the width of the mark's column and of one step of indent (inches).
ROW_PT = 9.0
LINE_IN = ROW_PT * 1.3 / 72
ROW_GAP_IN = 0.05
MARK_IN = 0.28
INDENT_IN = 0.16
#: The drawing's width once constrained layout has taken its pads (inches), and the width
#: of a character in ems of the font (DejaVu Sans, mostly lower case; bold runs wider).
DRAWN_IN = PHONE_WIDTH - 0.1
CHAR_EM = 0.58
#: Markers drawn larger or smaller so that each covers about the area of a circle.
MARKER_SCALE = {"^": 1.2, "v": 1.2, "P": 1.1, "D": 0.85}


@dataclass(frozen=True)
class Row:
    """One row of a phone diagram.

    ``text`` is wrapped to the room left by the ``gutter`` (a left column: a year, a
    country's name, ``gutter_in`` inches wide), the ``level`` of indent and the mark.
    ``mark`` says what is drawn before the text: ``{"kind": "dot"|"square"|"line"|"bar",
    ...}`` with matplotlib's keyword arguments for it (a bar also has ``length``, its
    share of the room; a dot or a period may have ``marker``, a matplotlib marker drawn
    as the dot or on the period's bar, with ``marker_colour``); None draws nothing.
    ``shade`` fills the row's band.
    """

    text: str
    level: int = 0
    mark: dict[str, object] | None = None
    gutter: str = ""
    gutter_in: float = 0.0
    bold: bool = False
    italic: bool = False
    colour: str = constants.INK
    shade: str | None = None
    gutter_colour: str = constants.INK
    extra: dict[str, object] = field(default_factory=dict)


def _chars(width_in: float, bold: bool) -> int:
    """Characters of :data:`ROW_PT` text that fit in ``width_in`` inches."""
    return max(8, int(width_in * 72 / (ROW_PT * CHAR_EM * (1.12 if bold else 1.0))))


def _layout(row: Row) -> tuple[list[str], list[str], float, float]:
    """Return a row's gutter lines, text lines, where its text starts and its room (inches)."""
    gutter = textwrap.wrap(row.gutter, _chars(row.gutter_in - 0.06, True)) if row.gutter else []
    start = row.gutter_in + row.level * INDENT_IN
    if row.mark and row.mark.get("kind") == "bar":  # the bar takes the room, its value after
        return gutter, [row.text], start, DRAWN_IN - start
    start += MARK_IN if row.mark else 0.0
    room = DRAWN_IN - start
    return gutter, textwrap.wrap(row.text, _chars(room, row.bold)) or [""], start, room


def rows_height(rows: Sequence[Row]) -> float:
    """Return the height (inches) that ``rows`` take in :func:`draw_rows`."""
    total = 0.0
    for row in rows:
        gutter, lines, _start, _room = _layout(row)
        total += max(len(gutter), len(lines)) * LINE_IN + ROW_GAP_IN
    return total


def _mark(ax: Axes, row: Row, x: float, y: float, start: float, room: float) -> float:
    """Draw a row's mark at ``x`` (inches) on its first line, centred at ``y``; return
    where its text starts (after a bar, its end)."""
    assert row.mark is not None
    spec = dict(row.mark)
    kind = spec.pop("kind")
    marker = str(spec.pop("marker", "o"))
    marker_colour = spec.pop("marker_colour", None)
    if kind in ("square", "period", "bar"):
        spec.setdefault("edgecolor", spec.get("facecolor"))
        spec.setdefault("linewidth", 0.0)
    h = LINE_IN * 0.62
    if kind == "dot":
        ms = 6 * MARKER_SCALE.get(marker, 1.0)
        ax.plot(x + 0.1, y, marker, ms=ms, zorder=3, **spec)  # type: ignore[arg-type]  # the mark's own keyword arguments
    elif kind == "square":
        ax.add_patch(
            mpatches.FancyBboxPatch(
                (x + 0.02, y - h / 2), 0.16, h,
                boxstyle="round,pad=0,rounding_size=0.025", zorder=3, **spec,  # type: ignore[arg-type]
            )
        )  # fmt: skip
    elif kind == "period":
        ax.add_patch(
            mpatches.FancyBboxPatch(
                (x, y - h / 2), 0.24, h,
                boxstyle="round,pad=0,rounding_size=0.025", zorder=3, **spec,  # type: ignore[arg-type]
            )
        )  # fmt: skip
        if marker_colour is not None:  # the kind's shape on the bar
            ax.plot(x + 0.12, y, marker, ms=5, zorder=4, color=marker_colour, mew=0)
    elif kind == "line":
        ax.plot([x, x + 0.21], [y, y], zorder=3, solid_capstyle="butt", **spec)  # type: ignore[arg-type]
    elif kind == "bar":
        length = float(spec.pop("length", 0.0))  # type: ignore[arg-type]  # a share, 0 to 1
        width = max(length * room * 0.72, 0.02)
        ax.add_patch(mpatches.Rectangle((start, y - h / 2), width, h, zorder=3, **spec))  # type: ignore[arg-type]
        return start + width + 0.05
    else:
        raise ValueError(f"no mark of kind {kind!r}: dot, square, period, line or bar")
    return start


def draw_rows(
    labels: tuple[str, str, str], rows: Sequence[Row], *, min_height: float = 0.0
) -> Figure:
    """Return a phone figure (:data:`PHONE_WIDTH` wide): the house title, subtitle and
    source line (``labels``, as the page's figure has them) around ``rows`` set one under
    the other. Raises ``ValueError`` for a mark of an unknown kind."""
    content = rows_height(rows)
    fig, ax = style.titled_figure(*labels, figsize=(PHONE_WIDTH, 1.0))
    fig.set_size_inches(PHONE_WIDTH, max(content + style.texts_height(fig) + 0.1, min_height))
    style.place_texts(fig)
    ax.set_xlim(0, DRAWN_IN)
    ax.set_ylim(content, 0)
    ax.set_axis_off()
    ax.grid(False)
    fraction = blended_transform_factory(ax.transAxes, ax.transData)
    top = 0.0
    for row in rows:
        gutter, lines, start, room = _layout(row)
        height = max(len(gutter), len(lines)) * LINE_IN + ROW_GAP_IN
        first = top + ROW_GAP_IN / 2 + LINE_IN / 2
        if row.shade:
            ax.add_patch(
                mpatches.Rectangle(
                    (0, top), 1, height, transform=fraction, color=row.shade, lw=0, zorder=0
                )
            )
        if gutter:
            ax.text(
                0.0, first - LINE_IN / 2, "\n".join(gutter), ha="left", va="top",
                fontsize=ROW_PT, fontweight="bold", color=row.gutter_colour,
                linespacing=1.1,
            )  # fmt: skip
        text_x = start
        if row.mark:
            indent = row.gutter_in + row.level * INDENT_IN
            text_x = _mark(ax, row, indent, first, start, room)
        ax.text(
            text_x, first - LINE_IN / 2, "\n".join(lines), ha="left", va="top",
            fontsize=max(ROW_PT, PHONE_MIN_PT), color=row.colour, linespacing=1.1,
            fontweight="bold" if row.bold else "normal",
            fontstyle="italic" if row.italic else "normal", **row.extra,
        )  # fmt: skip
        top += height
    for artist in [*ax.texts, *ax.patches, *ax.lines]:
        artist.set_in_layout(False)  # the rows are placed to fit: the layout keeps its width
    return fig
