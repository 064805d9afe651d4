"""The house chart style: a title that states the finding, a subtitle that defines the
measure, a source line under the axes; and byte-identical PNG, SVG and CSV files.

Charts are drawn by the notebooks (or by the topic helpers) on axes made here; this
module never loads data.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from diaspora_helpers import constants
from diaspora_helpers.i18n import N_, _, ngettext
from diaspora_helpers.text import date_words, listing

# The palette lives in diaspora_helpers.constants (colour-blind-safe, tested).
PALETTE = constants.PALETTE
SERIES = constants.SERIES

PNG_METADATA = {"Software": None}
CSV_DECIMALS = 4  # places kept for non-whole numbers in chart CSV downloads
CSV_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
CSV_NOTE = N_(
    "Data behind a chart of the Mali diaspora notebook collection, CC BY 4.0; the figures "
    "come from the publishers named in dc:source, cite them too. Units: see dc:description "
    "and each column's unit."
)
#: The two World Development Indicators the charts read, each named one way in every source
#: line: the 2026 copy (datahub.io, constants.WDI_COPIED) and the 2022 release (its
#: values as published then, constants.WDI_2022_RELEASED); see :func:`wdi_copy`.
WDI_COPY = N_("WDI, datahub.io copy of {date}")
WDI_RELEASE = N_("WDI, release of {date}")


def wdi_copy() -> str:
    """Return the name of the WDI copy of ``constants.WDI_COPIED`` in a source line, in the
    edition's language ("WDI, datahub.io copy of 1 July 2026")."""
    return _(WDI_COPY).format(date=date_words(constants.WDI_COPIED))


def wdi_release() -> str:
    """Return the name of the WDI release of ``constants.WDI_2022_RELEASED`` in a source
    line, in the edition's language ("WDI, release of 15 February 2022")."""
    return _(WDI_RELEASE).format(date=date_words(constants.WDI_2022_RELEASED))


#: A source line that already names itself ("Source: …", "Sources : …", any language).
SOURCE_PREFIX = re.compile(r"^sources?\s*:", re.IGNORECASE)
SVG_METADATA = {"Date": None, "Creator": None}
SLIDE_SIZE = (12.8, 7.2)  # inches; at 150 dpi this is 1920 x 1080 pixels
# Slides are downloads, not page weight: the fastest zlib level (about 15% larger files,
# a quarter less time than the default level 6).
SLIDE_PNG = {"compress_level": 1}
SLIDE_DPI = 150
# Diagrams are drawn for the page: a page shows an image at its own size up to 960 px
# wide, and the notebook's PNG is drawn at 100 dpi, so a figure this wide (inches) keeps
# its text at its size in points (10 pt is about 14 px, capitals 10 px tall). Their 16:9
# slide is a drawing of its own (see :func:`with_slide`).
PAGE_WIDTH = 9.5
DIAGRAM_PT = 10.0  # the smallest text of a diagram drawn for the page
_TITLE_PT, _SUBTITLE_PT, _SOURCE_PT = 14.0, 10.5, 8.5


#: pandas display options of the house; every other display option has pandas' default.
PANDAS_DISPLAY = {"display.max_colwidth": 250, "display.max_columns": 20}
#: Where a subtitle places panels side by side, and where they are on a phone (stacked).
PHONE_PLACES = ((N_("(left)"), N_("(top)")), (N_("(right)"), N_("(bottom)")))


def apply_style() -> None:
    """Set the house style for every chart drawn, and for tables shown, after this call.

    Whatever the user's environment holds, the outputs are the same: inside a Jupyter
    kernel the figures are shown inline even if ``MPLBACKEND`` names another backend;
    matplotlib's settings are reset to its defaults (dropping any ``matplotlibrc`` or
    IPython startup file's changes) before the house style; every pandas display option
    is reset to pandas' default before the house values (:data:`PANDAS_DISPLAY`).
    """
    _inline_backend()
    mpl.rcdefaults()
    mpl.rcParams.update(
        {
            "figure.figsize": (9.0, 5.4),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": PALETTE["grey"],
            "axes.labelcolor": PALETTE["ink"],
            "axes.titlesize": 10.5,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.prop_cycle": mpl.cycler(color=SERIES),  # type: ignore[attr-defined]  # matplotlib re-exports cycler; its types do not say so
            "axes.grid": True,
            "axes.axisbelow": True,
            "axes.grid.axis": "y",
            "grid.color": constants.GRID_LIGHT,
            "grid.linewidth": 0.8,
            "legend.frameon": False,
            "xtick.color": PALETTE["ink"],
            "ytick.color": PALETTE["ink"],
            "svg.hashsalt": "mali-diaspora",
            # SVG text stays text: smaller and faster to write than glyph outlines. The
            # font stack below renders it alike on phones (Roboto, Noto), Apple devices
            # and desktops; DejaVu Sans is what the PNGs are drawn with.
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Noto Sans", "Roboto", "Helvetica", "Arial"],
        }
    )
    pd.reset_option("display")
    for option, value in PANDAS_DISPLAY.items():
        pd.set_option(option, value)
    _configure_inline_backend()


def _kernel_shell() -> Any:
    """Return the IPython shell (``ZMQInteractiveShell``) when running in a Jupyter kernel,
    else None."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the project
        return None
    shell = get_ipython()
    if shell is None or type(shell).__name__ != "ZMQInteractiveShell":
        return None
    return shell


def _inline_backend() -> None:
    """In a Jupyter kernel, switch to the inline backend if another one is in use.

    An inherited ``MPLBACKEND=Agg`` (from a shell, ``make lab``, plain papermill or
    ``jupyter nbconvert --execute``) would otherwise make every figure vanish from the
    outputs without a word.
    """
    shell = _kernel_shell()
    if shell is None or "inline" in mpl.get_backend():
        return
    shell.run_line_magic("matplotlib", "inline")


def _configure_inline_backend() -> None:
    """Keep version strings out of the PNGs IPython stores in a notebook."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the project
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.run_line_magic(
        "config",
        "InlineBackend.print_figure_kwargs = "
        "{'bbox_inches': 'tight', 'metadata': {'Software': None}}",
    )


def _wrap(text: str, fig: Figure, size_pt: float, em_per_char: float = 0.55) -> str:
    width_chars = int(fig.get_figwidth() * 72 * 0.97 / (size_pt * em_per_char))
    return "\n".join(textwrap.wrap(text, width=max(width_chars, 30)))


def place_texts(fig: Figure) -> None:
    """Lay out title, subtitle and source for the figure's current size."""
    for artist in getattr(fig, "_house_texts", []):
        artist.remove()
    title, subtitle, source = fig._house_labels  # type: ignore[attr-defined]
    height_pt = fig.get_figheight() * 72
    pad = 8 / height_pt
    title_txt = _wrap(title, fig, _TITLE_PT, em_per_char=0.62)  # bold runs wider
    subtitle_txt = _wrap(subtitle, fig, _SUBTITLE_PT)
    source_txt = _wrap(source, fig, _SOURCE_PT)
    y = 1 - pad
    t1 = fig.text(
        0.012,
        y,
        title_txt,
        ha="left",
        va="top",
        fontsize=_TITLE_PT,
        fontweight="bold",
        color=PALETTE["ink"],
    )
    y -= (title_txt.count("\n") + 1) * _TITLE_PT * 1.25 / height_pt
    t2 = fig.text(
        0.012,
        y,
        subtitle_txt,
        ha="left",
        va="top",
        fontsize=_SUBTITLE_PT,
        color=constants.TEXT_GREY,
    )
    y -= (subtitle_txt.count("\n") + 1) * _SUBTITLE_PT * 1.3 / height_pt + pad
    bottom = (source_txt.count("\n") + 1) * _SOURCE_PT * 1.3 / height_pt + 1.5 * pad
    t3 = fig.text(
        0.012,
        pad,
        source_txt,
        ha="left",
        va="bottom",
        fontsize=_SOURCE_PT,
        color=constants.SOURCE_GREY,
    )
    fig._house_texts = [t1, t2, t3]  # type: ignore[attr-defined]
    engine = fig.get_layout_engine()
    if not isinstance(engine, ConstrainedLayoutEngine):  # titled_figure makes it constrained
        raise TypeError(f"the house texts need a constrained layout, not {engine!r}")
    engine.set(rect=(0.0, bottom, 1.0, y - bottom))


def titled_figure(
    title: str,
    subtitle: str,
    source: str,
    *,
    nrows: int = 1,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
    **subplot_kw: object,
) -> tuple[Figure, Any]:
    """Return a figure and its axes, with title, subtitle and source line in place.

    The axes are what ``plt.subplots`` returns: one ``Axes``, or an array of them when
    ``nrows`` or ``ncols`` is above 1 (typed ``Any``, as matplotlib types it).

    ``title`` states the finding, ``subtitle`` says what is measured and in which unit,
    ``source`` names the data (it is prefixed with "Source: " if it does not say so; one
    that starts "Source document" reads "Source: the source document…"). All three are
    given already in the edition's language; the prefixes are translated here.
    """
    for label, text in (("title", title), ("subtitle", subtitle), ("source", source)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"every chart needs a {label}; got {text!r}")
    document = _("Source document")
    if source.startswith(document):
        rest = source.removeprefix(document)
        source = _("Source: the source document{rest}").format(rest=rest)
    elif not SOURCE_PREFIX.match(source):
        source = _("Source: {source}").format(source=source)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=figsize, layout="constrained", subplot_kw=subplot_kw or None
    )
    fig._house_labels = (title, subtitle, source)  # type: ignore[attr-defined]
    place_texts(fig)
    return fig, axes


def with_slide(fig: Figure, draw_slide: Callable[[], Figure]) -> Figure:
    """Return ``fig`` (drawn for the page) with the function that draws its 16:9 slide.

    :func:`save_figure` calls ``draw_slide()`` for ``name_slide.png`` (and closes what it
    returns) instead of stretching ``fig`` to the slide's size: a diagram laid out for a
    page 9.5 inches wide and as tall as it needs is laid out again for the slide.
    """
    fig._house_slide = draw_slide  # type: ignore[attr-defined]
    return fig


def with_phone(fig: Figure, draw_phone: Callable[[], Figure]) -> Figure:
    """Return ``fig`` with the function that draws it for a phone.

    A diagram placed box by box (a map, a timeline, a grid) does not reflow to a phone's
    width; :func:`diaspora_helpers.charts.phone.save_phone` calls ``draw_phone()`` for
    ``name_phone.svg`` instead (and closes what it returns): the same title, subtitle,
    source line and data, re-arranged for a narrow screen.
    """
    fig._house_phone = draw_phone  # type: ignore[attr-defined]
    return fig


def texts_height(fig: Figure) -> float:
    """Return the height (inches) that title, subtitle and source line take in ``fig`` at
    its current width, as :func:`place_texts` lays them out (their pads included)."""
    title, subtitle, source = fig._house_labels  # type: ignore[attr-defined]
    lines = [
        (_wrap(title, fig, _TITLE_PT, em_per_char=0.62).count("\n") + 1) * _TITLE_PT * 1.25,
        (_wrap(subtitle, fig, _SUBTITLE_PT).count("\n") + 1) * _SUBTITLE_PT * 1.3,
        (_wrap(source, fig, _SOURCE_PT).count("\n") + 1) * _SOURCE_PT * 1.3,
    ]
    return (sum(lines) + 8 * 3.5) / 72


def barh_house(ax: Axes) -> None:
    """Turn a horizontal bar chart's grid to vertical lines, first row at the top."""
    ax.invert_yaxis()
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)


def document_sections(codes: Sequence[str], words: Mapping[str, str]) -> str:
    """Name the source document's sections for a source line: the unnumbered ones by their
    word (``words``, e.g. ``{"intro": N_("introduction")}``), then the numbered ones after
    "section"/"sections", in the edition's list style: "introduction and sections 1.2, 5"
    ("introduction et sections 1.2, 5"), "section 5.1", "introduction"."""
    named = [_(words[code]) for code in codes if code in words]
    numbered = [str(code) for code in codes if code not in words]
    if numbered:
        named.append(
            ngettext("section {sections}", "sections {sections}", len(numbered)).format(
                sections=", ".join(numbered)
            )
        )
    return listing(named)
