"""The house chart style: a title that states the finding, a subtitle that defines the
measure, a source line under the axes; and byte-identical PNG, SVG and CSV files.

Charts are drawn by the notebooks (or by the topic helpers) on axes made here; this
module never loads data.
"""

from __future__ import annotations

import io
import json
import os
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from diaspora_helpers import constants
from diaspora_helpers.i18n import N_, _

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
# Words of a column name and the unit they mean, first match wins.
CSV_UNITS = (
    ("pct", N_("percent")),
    ("percent", N_("percent")),
    ("share", N_("percent")),
    ("usd", N_("US dollars")),
    ("xof", N_("CFA francs (XOF)")),
    ("eur", N_("euros")),
    ("year", N_("calendar year")),
    ("millions", N_("millions")),
    ("thousands", N_("thousands")),
    ("persons", N_("persons")),
    ("people", N_("persons")),
)
#: A source line that already names itself ("Source: …", "Sources : …", any language).
_SOURCE_PREFIX = re.compile(r"^sources?\s*:", re.IGNORECASE)
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
            "axes.prop_cycle": mpl.cycler(color=SERIES),
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


def _kernel_shell() -> object | None:
    """Return the IPython shell when running in a Jupyter kernel, else None."""
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


def _place_texts(fig: Figure) -> None:
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
    fig.get_layout_engine().set(rect=(0.0, bottom, 1.0, y - bottom))


def titled_figure(
    title: str,
    subtitle: str,
    source: str,
    *,
    nrows: int = 1,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
    **subplot_kw: object,
) -> tuple[Figure, object]:
    """Return a figure and its axes, with title, subtitle and source line in place.

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
    elif not _SOURCE_PREFIX.match(source):
        source = _("Source: {source}").format(source=source)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=figsize, layout="constrained", subplot_kw=subplot_kw or None
    )
    fig._house_labels = (title, subtitle, source)  # type: ignore[attr-defined]
    _place_texts(fig)
    return fig, axes


def figures_dir() -> Path | None:
    """Return where the runner wants figure files, or None when not under the runner."""
    folder = os.environ.get("DIASPORA_FIGURES_DIR")
    return Path(folder) if folder else None


def rounded(data: pd.DataFrame, decimals: int = CSV_DECIMALS) -> pd.DataFrame:
    """Return ``data`` for a CSV download: float columns holding only whole numbers become
    integers (nullable ``Int64``), other floats are rounded to ``decimals`` places (2 when
    the column reaches 1,000: amounts in dollars or francs), so no float noise
    (``5.592501539743704``) reaches a reader. Same rows × columns."""
    out = data.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_float_dtype(values):
            continue
        present = values.dropna()
        if len(present) and bool(((present % 1) == 0).all()) and present.abs().max() < 2**53:
            out[column] = values.astype("Int64")
        else:
            large = len(present) and present.abs().max() >= 1000
            out[column] = values.round(min(decimals, 2) if large else decimals)
    return out


def _unit(column: str) -> str | None:
    """Guess a column's unit from the words of its name (``share_pct`` -> ``percent``)."""
    words = set(str(column).lower().replace("-", "_").split("_"))
    for key, unit in CSV_UNITS:
        if key in words:
            return _(unit)
    return None


def write_chart_data(
    data: pd.DataFrame, path: Path, labels: tuple[str, str, str] | None = None
) -> Path:
    """Write ``data`` to ``path`` (CSV, floats rounded by :func:`rounded`) and, beside it,
    ``<name>.csv-metadata.json``, a CSV on the Web (CSVW) descriptor: the chart's title,
    what is measured and in which unit (its subtitle), its source line, the licence, and
    each column's type and unit where the name tells it. Returns the descriptor's path.
    ``labels`` is (title, subtitle, source) as given to :func:`titled_figure`. The note and
    the units are written in the edition's language."""
    table = rounded(data)
    table.to_csv(path, index=False, lineterminator="\n")
    title, subtitle, source = labels or (path.stem, "", "")
    columns = []
    for column in table.columns:
        kind = table[column].dtype
        datatype = (
            "integer"
            if pd.api.types.is_integer_dtype(kind)
            else "number"
            if pd.api.types.is_numeric_dtype(kind)
            else "string"
        )
        entry = {"name": str(column), "titles": str(column), "datatype": datatype}
        unit = _unit(str(column))
        if unit:
            entry["unit"] = unit
        columns.append(entry)
    descriptor = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": path.name,
        "dc:title": title,
        "dc:description": subtitle,
        "dc:source": source,
        "dc:license": CSV_LICENCE,
        "notes": _(CSV_NOTE),
        "tableSchema": {"columns": columns},
    }
    sidecar = path.with_name(path.name + "-metadata.json")
    text = json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    sidecar.write_text(text, encoding="utf-8")
    return sidecar


def save_figure(
    fig: Figure, name: str, data: pd.DataFrame, folder: Path, *, png: bytes | None = None
) -> list[Path]:
    """Write ``name``.png/.svg, a 16:9 slide PNG, the data behind it as CSV (rounded) and
    the CSV's descriptor ``name.csv-metadata.json`` (see :func:`write_chart_data`); return
    the paths written. ``png``, when given, is written as ``name.png`` instead of drawing
    the figure again (:func:`show` passes the image the notebook displays). Raises
    ``ValueError`` for a name other than letters, digits, - and _."""
    if not name.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"figure name {name!r} must be letters, digits, '-' or '_'")
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / f"{name}.png", folder / f"{name}.svg", folder / f"{name}.csv"]
    if png is None:
        fig.savefig(written[0], metadata=PNG_METADATA)
    else:
        written[0].write_bytes(png)
    # The PNG's draw laid the figure out; the SVG (same size) keeps that layout instead of
    # running the layout engine again (a third fewer draws per chart).
    engine = fig.get_layout_engine()
    fig.set_layout_engine("none")
    fig.savefig(written[1], metadata=SVG_METADATA)
    fig.set_layout_engine(engine)
    from diaspora_helpers.charts import phone as phone_rendering  # (it imports this module)

    phone_rendering.name_svg(written[1], getattr(fig, "_house_labels", None))
    phone = phone_rendering.save_phone(fig, folder / f"{name}_phone.svg")
    written.append(write_chart_data(data, written[2], getattr(fig, "_house_labels", None)))
    written += [phone] if phone is not None else []
    slide = folder / f"{name}_slide.png"
    draw_slide = getattr(fig, "_house_slide", None)
    if draw_slide is not None:
        slide_fig = draw_slide()
        try:
            slide_fig.savefig(slide, dpi=SLIDE_DPI, metadata=PNG_METADATA)
        finally:
            plt.close(slide_fig)
        return [*written, slide]
    original = fig.get_size_inches().copy()
    if tuple(original) == SLIDE_SIZE:
        # Already a 16:9 slide: drawn once more at the slide's resolution, no new layout.
        if png is None and mpl.rcParams["savefig.dpi"] == SLIDE_DPI:
            slide.write_bytes(written[0].read_bytes())
        else:
            fig.savefig(slide, dpi=SLIDE_DPI, metadata=PNG_METADATA, pil_kwargs=SLIDE_PNG)
        return [*written, slide]
    fig.set_size_inches(*SLIDE_SIZE)
    _place_texts(fig)
    fig.savefig(slide, dpi=SLIDE_DPI, metadata=PNG_METADATA, pil_kwargs=SLIDE_PNG)
    fig.set_size_inches(*original)
    _place_texts(fig)
    return [*written, slide]


def with_slide(fig: Figure, draw_slide: Callable[[], Figure]) -> Figure:
    """Return ``fig`` (drawn for the page) with the function that draws its 16:9 slide.

    :func:`save_figure` calls ``draw_slide()`` for ``name_slide.png`` (and closes what it
    returns) instead of stretching ``fig`` to the slide's size: a diagram laid out for a
    page 9.5 inches wide and as tall as it needs is laid out again for the slide.
    """
    fig._house_slide = draw_slide  # type: ignore[attr-defined]
    return fig


FIGURE_METADATA_KEY = "diaspora_figure"  # output metadata naming the figure's saved files


def show(fig: Figure, name: str, data: pd.DataFrame) -> None:
    """Display the figure; under the runner also save its files and its data.

    In a kernel with the inline backend the figure is drawn once as the PNG the notebook
    shows, and that same image is the ``name.png`` file the runner writes (the slide and
    the SVG are the larger and the scalable versions). Elsewhere this is ``plt.show()``.
    """
    folder = figures_dir()
    png = _inline_png(fig) if _inline_kernel() else None
    if folder is not None:
        save_figure(fig, name, data, folder, png=png)
    if png is None:
        plt.show()
        return
    from IPython.display import display

    labels = getattr(fig, "_house_labels", None)
    alt = _("{title} ({subtitle})").format(title=labels[0], subtitle=labels[1]) if labels else name
    display(
        {"image/png": png, "text/plain": repr(fig)},
        raw=True,
        metadata={"image/png": {"alt": alt}, FIGURE_METADATA_KEY: name},
    )
    plt.close(fig)


def _inline_kernel() -> bool:
    """Return True inside an IPython kernel whose matplotlib backend is the inline one."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the project
        return False
    return get_ipython() is not None and "inline" in mpl.get_backend()


def _inline_png(fig: Figure) -> bytes:
    """Return the PNG IPython's inline backend would show for ``fig`` (same arguments:
    the figure's dpi, a tight box, its face and edge colours, no software tag)."""
    buffer = io.BytesIO()
    fig.canvas.print_figure(
        buffer,
        format="png",
        facecolor=fig.get_facecolor(),
        edgecolor=fig.get_edgecolor(),
        dpi=fig.dpi,
        bbox_inches="tight",
        metadata=PNG_METADATA,
    )
    return buffer.getvalue()


def barh_house(ax: Axes) -> None:
    """Turn a horizontal bar chart's grid to vertical lines, first row at the top."""
    ax.invert_yaxis()
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
