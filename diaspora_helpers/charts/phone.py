"""Charts as a phone shows them, and full-size SVGs a screen reader can name.

:func:`save_phone` draws a house chart again for a 390 px phone (the page serves it with
``<picture>`` below 600 px): narrower, its title, subtitle and source wrapped anew, panels
side by side stacked, no text under 8.5 pt, so that every text is at least 11 CSS px on
the page. :func:`name_svg` gives an SVG a ``<title>`` and ``<desc>``. Both are called by
:func:`diaspora_helpers.charts.files.save_figure`; the figure is given back as it was, so
the page's PNG, SVG and slide are unchanged byte for byte.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.gridspec import SubplotSpec
from matplotlib.text import Text

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
    """Write ``fig`` drawn again for a phone to ``path`` (SVG, text as text): as wide as
    :data:`PHONE_WIDTH`, title, subtitle and source wrapped anew, the axes laid out again;
    then give the figure back its size and labels. A diagram placed box by box, which
    does not reflow, carries its own phone drawing (:func:`style.with_phone`): that figure
    is written instead, and closed. Returns the path, or None for a figure that is not a
    house chart (no title, subtitle and source) or a diagram without a phone drawing.
    Raises ``ValueError`` when a diagram's phone drawing is not :data:`PHONE_WIDTH` wide."""
    if not hasattr(fig, "_house_labels"):
        return None
    draw_phone = getattr(fig, "_house_phone", None)
    if draw_phone is not None:
        return _save_drawn(draw_phone(), path)
    if getattr(fig, "_house_slide", None) is not None:
        return None
    labels = phone_labels = fig._house_labels
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
    try:
        for text, _size in small:
            text.set_fontsize(PHONE_MIN_PT)
        if side_by_side:
            # Panels side by side are stacked: each gets the phone's whole width.
            column = fig.add_gridspec(len(panels), 1)
            starts = {id(ax): spec.colspan.start for ax, spec in zip(panels, specs, strict=True)}
            for row, ax in enumerate(sorted(panels, key=lambda a: starts[id(a)])):
                ax.set_subplotspec(column[row, 0])
            height = max(height, PHONE_PANEL_HEIGHT * len(panels) + PHONE_LABELS_HEIGHT)
            title, subtitle, source = labels
            for side, place in style.PHONE_PLACES:
                subtitle = subtitle.replace(_(side), _(place))
            phone_labels = (title, subtitle, source)
            fig._house_labels = phone_labels
        fig.set_size_inches(PHONE_WIDTH, height)
        style.place_texts(fig)
        with warnings.catch_warnings():
            # Stacked panels can leave constrained layout no room at the phone's width; the
            # texts are placed by hand anyway, and the warning would reach the notebook.
            warnings.filterwarnings("ignore", message="constrained_layout not applied")
            fig.savefig(path, metadata=style.SVG_METADATA)
    finally:
        fig._house_labels = labels
        for text, size in small:
            text.set_fontsize(size)
        for ax, spec in zip(panels, specs, strict=True):
            ax.set_subplotspec(spec)
        fig.set_size_inches(*original)
        style.place_texts(fig)
    name_svg(path, phone_labels)
    return path


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


def name_svg(path: Path, labels: tuple[str, str, str] | None) -> None:
    """Give the SVG at ``path`` a ``<title>`` (the chart's title) and a ``<desc>`` (what is
    measured, and the source line), first in the drawing, and ``role="img"`` with
    ``aria-labelledby`` pointing at them, so the full-size chart opened on its own is named
    for a screen reader. Nothing is done without ``labels`` (title, subtitle, source)."""
    if not labels:
        return
    from xml.sax.saxutils import escape

    title, subtitle, source = (escape(" ".join(text.split())) for text in labels)
    text = path.read_text(encoding="utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None or '<title id="chart-title">' in text:
        return
    tag = opening.group(0)
    named = tag[:-1] + ' role="img" aria-labelledby="chart-title chart-desc">'
    inserted = (
        f'\n <title id="chart-title">{title}</title>'
        f'\n <desc id="chart-desc">{subtitle} {source}</desc>'
    )
    text = text[: opening.start()] + named + inserted + text[opening.end() :]
    path.write_text(text, encoding="utf-8")
