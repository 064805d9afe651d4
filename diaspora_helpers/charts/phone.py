"""Charts as a phone shows them, and full-size SVGs a screen reader can name.

:func:`save_phone` draws a house chart again for a 390 px phone (the page serves it with
``<picture>`` below 600 px): narrower, its title, subtitle and source wrapped anew, panels
side by side stacked, no text under 8.5 pt, so that every text is at least 11 CSS px on
the page. :func:`name_svg` gives an SVG a ``<title>`` and ``<desc>``. Both are called by
:func:`diaspora_helpers.charts.files.save_figure`; the figure is given back as it was, so
the page's PNG, SVG and slide are unchanged byte for byte.
"""

from __future__ import annotations

import itertools
import re
import textwrap
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.gridspec import SubplotSpec
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from diaspora_helpers import i18n
from diaspora_helpers.charts import style
from diaspora_helpers.i18n import _

#: The chart drawn for a phone: this wide (inches), so that shown 358 CSS px wide (a
#: 390 px screen less the page's margins) a point of text is about 1.3 CSS px, and the
#: smallest house text (the source line, 8.5 pt) stays above 11 CSS px; at least this tall.
PHONE_WIDTH = 3.8
PHONE_MIN_HEIGHT = 4.6
#: No text of the phone rendering is smaller (points): 8.5 pt is 11.1 CSS px at 358 px.
PHONE_MIN_PT = 8.5
#: Panels drawn side by side on the page are stacked on a phone, each this tall (inches),
#: below the title, subtitle and source (about this tall together).
PHONE_PANEL_HEIGHT = 2.9
PHONE_LABELS_HEIGHT = 1.9


def save_phone(fig: Figure, path: Path) -> Path | None:
    """Write ``fig`` drawn again for a phone to ``path`` (SVG, text as text): laid out by
    :func:`phone_layout`, then given back its size and labels. A diagram placed box by
    box, which does not reflow, carries its own phone drawing (:func:`style.with_phone`):
    that figure is written instead, and closed. Returns the path, or None for a figure
    that is not a house chart (no title, subtitle and source) or a diagram without a phone
    drawing. Raises ``ValueError`` when a diagram's phone drawing is not
    :data:`PHONE_WIDTH` wide."""
    if not hasattr(fig, "_house_labels"):
        return None
    draw_phone = getattr(fig, "_house_phone", None)
    if draw_phone is not None:
        return _save_drawn(draw_phone(), path)
    if getattr(fig, "_house_slide", None) is not None:
        return None
    with phone_layout(fig) as phone_labels, warnings.catch_warnings():
        # Stacked panels can leave constrained layout no room at the phone's width; the
        # texts are placed by hand anyway, and the warning would reach the notebook.
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        fig.savefig(path, metadata=style.SVG_METADATA)
    name_svg(path, phone_labels)
    return path


@contextmanager
def phone_layout(fig: Figure) -> Iterator[tuple[str, str, str]]:
    """Lay the house chart ``fig`` out for a phone while the block runs, and give it back
    as it was afterwards (size, panels, texts, legends; the page's PNG, SVG and slide do
    not change). Yields the labels (title, subtitle, source) the phone drawing carries.

    On a phone the figure is :data:`PHONE_WIDTH` wide, no text is under
    :data:`PHONE_MIN_PT`, panels side by side are stacked (a panel whose rows the other
    named is given their names again, and the subtitle's "(left)"/"(right)" read
    "(top)"/"(bottom)"), each legend sits under its panel in one column, panel titles wrap
    to their panel's width and category labels that would touch are turned."""
    labels = phone_labels = fig._house_labels  # type: ignore[attr-defined]
    original = fig.get_size_inches().copy()
    panels = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    specs: list[SubplotSpec] = [ax.get_subplotspec() for ax in panels]  # type: ignore[misc]  # filtered above: never None
    grids = {spec.get_gridspec() for spec in specs}
    side_by_side = len(grids) == 1 and len(panels) > 1 and next(iter(grids)).get_geometry()[0] == 1
    height = max(float(original[1]), PHONE_MIN_HEIGHT)
    small = [
        (text, float(text.get_fontsize()))
        for text in fig.findobj(Text)
        if isinstance(text, Text) and float(text.get_fontsize()) < PHONE_MIN_PT
    ]
    undo: list[Callable[[], object]] = []
    try:
        for text, _size in small:
            text.set_fontsize(PHONE_MIN_PT)
        if side_by_side:
            # Panels side by side are stacked: each gets the phone's whole width, its own
            # margins (a grid of its own: a long row label above squeezes no panel below).
            column = fig.add_gridspec(len(panels), 1)
            starts = {id(ax): spec.colspan.start for ax, spec in zip(panels, specs, strict=True)}
            for row, ax in enumerate(sorted(panels, key=lambda a: starts[id(a)])):
                ax.set_subplotspec(column[row, 0].subgridspec(1, 1)[0, 0])
            height = max(height, PHONE_PANEL_HEIGHT * len(panels) + PHONE_LABELS_HEIGHT)
            title, subtitle, source = labels
            for side, place in style.PHONE_PLACES:
                subtitle = subtitle.replace(_(side), _(place))
            phone_labels = (title, subtitle, source)
            fig._house_labels = phone_labels  # type: ignore[attr-defined]
            undo += _name_rows_again(panels)
        undo += _legends_below(fig, panels)
        height += sum(_legend_height(ax) for ax in panels)
        fig.set_size_inches(PHONE_WIDTH, height)
        style.place_texts(fig)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="constrained_layout not applied")
            fig.draw_without_rendering()  # lays out for the text extents below; paints nothing
            undo += _fit_panel_texts(fig, panels)
        yield phone_labels
    finally:
        for step in reversed(undo):
            step()
        fig._house_labels = labels  # type: ignore[attr-defined]
        for text, size in small:
            text.set_fontsize(size)
        for ax, spec in zip(panels, specs, strict=True):
            ax.set_subplotspec(spec)
        fig.set_size_inches(*original)
        style.place_texts(fig)


def _name_rows_again(panels: list[Axes]) -> list[Callable[[], object]]:
    """Stacked panels: a panel drawn beside another with the same rows left unnamed (its
    row labels blank) gets the other's row names, since it no longer sits beside them."""
    undo: list[Callable[[], object]] = []
    named = [ax for ax in panels if any(t.get_text() for t in ax.get_yticklabels())]
    for ax in panels:
        ticks = list(ax.get_yticks())
        if ax in named or not ticks:
            continue
        twin = next((o for o in named if list(o.get_yticks()) == ticks), None)
        if twin is None:
            continue
        blank = [t.get_text() for t in ax.get_yticklabels()]
        ax.set_yticks(ticks, [t.get_text() for t in twin.get_yticklabels()])
        undo.append(partial(ax.set_yticks, ticks, blank))
    return undo


def _legends_below(fig: Figure, panels: list[Axes]) -> list[Callable[[], object]]:
    """Put each panel's legend under the panel (under its axis labels), one entry a line,
    long entries wrapped, so that it covers no data and the plot keeps the phone's width."""
    undo: list[Callable[[], object]] = []
    for ax in panels:
        old = ax.get_legend()
        if old is None:
            continue
        found, names = ax.get_legend_handles_labels()
        handles: list[Any] = list(found)
        if len(handles) != len(old.get_texts()):  # a legend given its own entries
            handles = [h for h in old.legend_handles if h is not None]
            names = [t.get_text() for t in old.get_texts()]
        size = max(float(old.get_texts()[0].get_fontsize()), PHONE_MIN_PT)
        # The legend starts at the panel's left edge, right of the y axis's labels, its
        # text after the key (about three ems): wrap to the width left from there.
        ticks = [t for t in ax.get_yticklabels() if t.get_text()]
        labels = max((len(t.get_text()) * float(t.get_fontsize()) for t in ticks), default=0)
        room = PHONE_WIDTH * 0.8 - (labels * 0.55 + 3 * size) / 72
        chars = int(room * 72 / (size * 0.55))
        ax.legend(
            handles,
            ["\n".join(textwrap.wrap(name, chars)) or name for name in names],
            loc="upper left",
            bbox_to_anchor=(0.0, 0.0),
            bbox_transform=offset_copy(
                ax.transAxes, fig=fig, y=-_below_axis_pt(ax), units="points"
            ),
            borderaxespad=0.0,
            ncols=1,
            fontsize=size,
        )
        undo.append(partial(setattr, ax, "legend_", old))
    return undo


def _below_axis_pt(ax: Axes) -> float:
    """Return how far (points) the x axis's labels reach under the panel, plus a gap."""
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    size = float(labels[0].get_fontsize()) if labels else 0.0
    lines = max((t.get_text().count("\n") + 1 for t in labels), default=0)
    return 3.5 + 3.5 + lines * size * 1.2 + (14.0 if ax.get_xlabel() else 0.0) + 6.0


def _legend_height(ax: Axes) -> float:
    """Return the height (inches) a legend under ``ax`` adds to a phone drawing."""
    legend = ax.get_legend()
    if legend is None:
        return 0.0
    lines = sum(t.get_text().count("\n") + 1 for t in legend.get_texts())
    size = float(legend.get_texts()[0].get_fontsize())
    return (lines * size * 1.45 + _below_axis_pt(ax)) / 72


def _fit_panel_texts(fig: Figure, panels: list[Axes]) -> list[Callable[[], object]]:
    """After a first layout: wrap each panel's title to the panel's width, and turn the
    category labels of an x axis whose neighbours would touch."""
    undo: list[Callable[[], object]] = []
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg and SVG canvases have one
    for ax in panels:
        room_pt = (fig.bbox.x1 - ax.get_window_extent(renderer).x0) * 72 / fig.dpi
        for loc in ("left", "center", "right"):
            text = ax.get_title(loc=loc)
            if not text:
                continue
            drawn = [t for t in ax.get_children() if isinstance(t, Text) and t.get_text() == text]
            size = max((float(t.get_fontsize()) for t in drawn), default=PHONE_MIN_PT)
            chars = max(int(room_pt * 0.95 / (size * 0.62)), 12)
            wrapped = "\n".join(textwrap.wrap(text, chars))
            if wrapped != text:
                ax.set_title(wrapped, loc=loc)
                undo.append(partial(ax.set_title, text, loc=loc))
        low, high = sorted(ax.get_xlim())
        ticks = [
            label
            for label, at in zip(ax.get_xticklabels(), ax.get_xticks(), strict=False)
            if label.get_text() and low <= at <= high
        ]
        boxes = [t.get_window_extent(renderer) for t in ticks]
        crowded = any(
            a.x1 + 2 > b.x0 for a, b in itertools.pairwise(sorted(boxes, key=lambda b: b.x0))
        )
        outside = any(b.x1 > fig.bbox.x1 for b in boxes)
        if ticks and (crowded or outside) and not any(t.get_rotation() for t in ticks):
            for tick in ticks:
                tick.set_rotation(30)
                tick.set_horizontalalignment("right")
                tick.set_rotation_mode("anchor")
            undo.append(partial(_unturn, ticks))
    return undo


def _unturn(ticks: list[Text]) -> None:
    for tick in ticks:
        tick.set_rotation(0)
        tick.set_horizontalalignment("center")
        tick.set_rotation_mode("default")


def _save_drawn(phone: Figure, path: Path) -> Path:
    """Write a diagram's own phone drawing to ``path`` (SVG, named), then close it."""
    import matplotlib.pyplot as plt

    try:
        width = float(phone.get_figwidth())
        if abs(width - PHONE_WIDTH) > 1e-6:
            raise ValueError(f"a phone drawing is {PHONE_WIDTH} inches wide, not {width}")
        phone.savefig(path, metadata=style.SVG_METADATA)
    finally:
        plt.close(phone)
    name_svg(path, getattr(phone, "_house_labels", None))
    return path


def sentence(words: str) -> str:
    """Return ``words`` ending as a sentence (a full stop added unless it ends with one, or
    with ``!``, ``?`` or ``…``), so the source line after it reads apart (r25d)."""
    return words if not words or words.endswith((".", "!", "?", "…")) else f"{words}."


def name_svg(path: Path, labels: tuple[str, str, str] | None) -> None:
    """Give the SVG at ``path`` a ``<title>`` (the chart's title) and a ``<desc>`` (what is
    measured, and the source line), first in the drawing, and ``role="img"`` with
    ``aria-labelledby`` pointing at them, so the full-size chart opened on its own is named
    for a screen reader. Nothing is done without ``labels`` (title, subtitle, source)."""
    if not labels:
        return
    from xml.sax.saxutils import escape

    # Line ends of a wrapped title read as one space; U+202F and U+00A0 stay (French).
    title, subtitle, source = (
        escape(re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")) for text in labels
    )
    text = path.read_text(encoding="utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None or '<title id="chart-title">' in text:
        return
    tag = opening.group(0)
    # The drawing's language, so a full-size chart opened on its own is read in it (r25e).
    language = i18n.language()
    named = (
        tag[:-1] + f' xml:lang="{language}" role="img" aria-labelledby="chart-title chart-desc">'
    )
    inserted = (
        f'\n <title id="chart-title">{title}</title>'
        f'\n <desc id="chart-desc">{sentence(subtitle)} {source}</desc>'
    )
    text = text[: opening.start()] + named + inserted + text[opening.end() :]
    path.write_text(text, encoding="utf-8")
