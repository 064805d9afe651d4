"""A finished chart's files and its display: under the runner, the PNG, SVG, phone SVG,
16:9 slide and data download (CSV with its CSVW description) of each chart the notebook
shows, written into the folder the executor names (:func:`diaspora_helpers.paths.run_files_dir`);
in a notebook, the figure displayed once, with its alt text.
"""

from __future__ import annotations

import io
import json
import numbers
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from diaspora_helpers import i18n, paths, tables
from diaspora_helpers.charts import phone as phone_rendering
from diaspora_helpers.charts.style import (
    CSV_DECIMALS,
    CSV_LICENCE,
    CSV_NOTE,
    PNG_METADATA,
    SLIDE_DPI,
    SLIDE_PNG,
    SLIDE_SIZE,
    SOURCE_PREFIX,
    SVG_METADATA,
    place_texts,
)
from diaspora_helpers.columns import unit_of
from diaspora_helpers.data import loader
from diaspora_helpers.i18n import N_, _


def figures_dir() -> Path | None:
    """Return where the runner wants figure files, or None when not under the runner
    (the executor's one channel: :func:`diaspora_helpers.paths.run_files_dir`)."""
    return paths.run_files_dir()


def rounded(data: pd.DataFrame, decimals: int = CSV_DECIMALS) -> pd.DataFrame:
    """Return ``data`` for a CSV download: float columns holding only whole numbers become
    integers (nullable ``Int64``), as do columns of Python integers with missing values,
    other floats are rounded to ``decimals`` places (2 when
    the column reaches 1,000: amounts in dollars or francs), so no float noise
    (``5.592501539743704``) reaches a reader. Same rows × columns."""
    out = data.copy()
    for column in out.columns:
        values = out[column]
        present = values.dropna()
        if (  # whole numbers stored with pd.NA (a rank left empty): integers, not text
            pd.api.types.is_object_dtype(values)
            and len(present)
            and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in present)
        ):
            out[column] = values.astype("Int64")
            continue
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
    """A column's unit (:func:`unit_of`) in the edition's language."""
    unit = unit_of(column)
    return _(unit) if unit else None


#: The suffix of the column that names the codes of a code column in a chart download.
LABEL_SUFFIX = "_label"

#: What the codes of a column of codes named by its codes alone (an ISO3 code, an
#: identifier) stand for: its download title is "<this> (code)", as every code column's.
CODE_SUBJECTS = {
    "iso3": N_("Country"),
    "sending_iso3": N_("Sending country"),
    "who_id": N_("Who"),
    "whom_id": N_("Whom"),
    "id": N_("Identifier"),
}

#: Download columns whose general label (:func:`tables.label`) would not say what they
#: hold: ``time`` is a quarter placed on a year axis (2016.25 for 2016Q2), not "time".
DOWNLOAD_LABELS = {"time": N_("Quarter's start, as a decimal year")}


def is_code_column(column: str, columns: pd.Index | list[str]) -> bool:
    """Whether ``column`` of a chart download holds codes a reader needs named as codes: one
    followed by its ``<column>_label`` words, an ISO3 country code (``iso3``,
    ``sending_iso3``) or an identifier (``id``, ``who_id``)."""
    return (
        f"{column}{LABEL_SUFFIX}" in columns
        or column in CODE_SUBJECTS
        or column.endswith("_iso3")
        or column == "iso3"
        or column.endswith("_id")
    )


def column_title(
    column: str, columns: pd.Index | list[str], headers: dict[str, str] | None = None
) -> str:
    """Return the title, in the edition's language, of ``column`` of a chart download whose
    columns are ``columns``: a code column (:func:`is_code_column`) is "<what> (code)" —
    one convention for every code column of every download, in both editions — its
    ``_label`` column "<what>", any other column its label (:func:`tables.label`). "<what>"
    is the header the analysis recorded for the table (``headers``,
    :func:`~diaspora_helpers.i18n.with_headers`: the timeline's ``kind`` is "Category", as
    its tables say) when there is one."""
    header = column.removesuffix(LABEL_SUFFIX)
    recorded = (headers or {}).get(header)
    subject = recorded or CODE_SUBJECTS.get(header) or DOWNLOAD_LABELS.get(header)
    shown = _(subject) if subject else _(tables.label(header))
    if column.endswith(LABEL_SUFFIX) or not is_code_column(column, columns):
        return shown
    return _("{header} (code)").format(header=shown)


def chart_table(data: pd.DataFrame) -> pd.DataFrame:
    """Return ``data`` as a chart download holds it: rounded (:func:`rounded`), booleans
    as CSVW writes them (``true``/``false``), and every column either of codes and numbers,
    the same in every edition, or named ``<column>_label`` and holding words of the
    edition's language. A code column (recorded with
    :func:`diaspora_helpers.i18n.with_words`) or column of values formatted for a reader
    (:func:`~diaspora_helpers.i18n.with_formats`: ISO dates, quarters) keeps its codes and
    is followed by ``<column>_label``, its codes in words; a column of words (see
    :func:`text_columns`: country names, event texts) is written only as
    ``<column>_label``, once. So analysts can join the English and French downloads on
    every column not named ``*_label``."""
    table = rounded(data)
    for column in table.columns:  # CSVW's boolean: "true"/"false", not Python's True/False
        if pd.api.types.is_bool_dtype(table[column].dtype):
            table[column] = table[column].map({True: "true", False: "false"})
    words = {**i18n.words_of(data), **i18n.formats_of(data)}
    worded = word_columns(data)
    if not words and not worded:
        return table
    named = i18n.labelled(data) if words else data
    out = {}
    for column in table.columns:
        label = f"{column}{LABEL_SUFFIX}"
        if column not in worded:
            out[column] = table[column]
        if (column in words or column in worded) and label not in out:
            out[label] = named[column]
    return pd.DataFrame(out, index=table.index)


def word_columns(data: pd.DataFrame) -> set[str]:
    """Return the columns of ``data`` that hold words of the edition's language rather than
    codes: those recorded with :func:`diaspora_helpers.i18n.with_texts`, and the text
    columns named like a column that ``data/<code>/`` translates (``label``, ``name``,
    ``country``…; see :func:`diaspora_helpers.data.loader.translated_columns`) unless they
    are code columns (:func:`~diaspora_helpers.i18n.with_words`) or already ``*_label``."""
    words = {**i18n.words_of(data), **i18n.formats_of(data)}
    named = {
        str(c)
        for c in data.columns
        if str(c) in loader.translated_column_names()
        and c not in words
        and not pd.api.types.is_numeric_dtype(data[c])
    }
    return {c for c in named | set(i18n.texts_of(data)) if not c.endswith(LABEL_SUFFIX)}


def text_columns(data: pd.DataFrame) -> set[str]:
    """Return the columns of ``data``'s download (:func:`chart_table`) that hold words of
    the edition's language: every ``*_label`` column, one for each code column and each
    column of words (:func:`word_columns`)."""
    words = {**i18n.words_of(data), **i18n.formats_of(data)}
    return {
        c if c.endswith(LABEL_SUFFIX) else f"{c}{LABEL_SUFFIX}"
        for c in set(words) | word_columns(data)
    } | {str(c) for c in data.columns if str(c).endswith(LABEL_SUFFIX)}


def write_chart_data(
    data: pd.DataFrame, path: Path, labels: tuple[str, str, str] | None = None
) -> Path:
    """Write ``data`` to ``path`` (CSV, floats rounded by :func:`rounded`) and, beside it,
    ``<name>.csv-metadata.json``, a CSV on the Web (CSVW) descriptor: the chart's title,
    what is measured and in which unit (its subtitle), its source line, the licence, and
    each column's type and unit where the name tells it. Returns the descriptor's path.
    ``labels`` is (title, subtitle, source) as given to :func:`titled_figure`. The note,
    the units, the titles of the columns (``titles``, tagged with the edition's code) are in
    the edition's language (a code column is titled "<title> (code)", its ``_label`` words
    "<title>": :func:`column_title`); a column of words in that language (a
    ``_label`` column, or one recorded with :func:`diaspora_helpers.i18n.with_texts`)
    carries ``"lang"``, every other column holds codes and numbers, the same in every
    edition."""
    table = chart_table(data)
    table.to_csv(path, index=False, lineterminator="\n")
    title, subtitle, source = labels or (path.stem, "", "")
    code = i18n.language()
    texts = text_columns(data)
    columns = []
    for column in table.columns:
        kind = table[column].dtype
        datatype = (
            "boolean"
            if column in data.columns and pd.api.types.is_bool_dtype(data[column].dtype)
            else "integer"
            if pd.api.types.is_integer_dtype(kind)
            else "number"
            if pd.api.types.is_numeric_dtype(kind)
            else "string"
        )
        shown = column_title(str(column), list(table.columns), i18n.headers_of(data))
        entry: dict[str, object] = {
            "name": str(column),
            "titles": {code: shown},
            "datatype": datatype,
        }
        if column in texts:  # words of the edition's language, not codes
            entry["lang"] = code
        unit = _unit(str(column))
        if unit:
            entry["unit"] = unit
        columns.append(entry)
    descriptor = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": path.name,
        "dc:title": title,
        "dc:description": subtitle,
        "dc:source": source_named(source),
        "dc:license": CSV_LICENCE,
        "notes": _(CSV_NOTE),
        "tableSchema": {"columns": columns},
    }
    sidecar = path.with_name(path.name + "-metadata.json")
    text = json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    sidecar.write_text(text, encoding="utf-8")
    return sidecar


def source_named(line: str) -> str:
    """Return a chart's source line as the value of a ``dc:source`` field, which says by
    its name that it holds a source: without the line's "Source: " or « Source : » prefix
    (:data:`SOURCE_PREFIX`, any language), the rest as the chart writes it ("Source: the
    source document, section 1.1" -> "the source document, section 1.1"; a capital is not
    added, since the page puts the prefix back and « Banque mondiale » keeps its own); a
    line without the prefix is kept."""
    found = SOURCE_PREFIX.match(line)
    return line[found.end() :].strip() if found else line


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
    place_texts(fig)
    fig.savefig(slide, dpi=SLIDE_DPI, metadata=PNG_METADATA, pil_kwargs=SLIDE_PNG)
    fig.set_size_inches(*original)
    place_texts(fig)
    return [*written, slide]


FIGURE_METADATA_KEY = "diaspora_figure"  # output metadata naming the figure's saved files


def alt_text(title: str, subtitle: str) -> str:
    """Return a chart's alt text: its title (the finding), then its subtitle (what is
    measured) as a sentence of its own, not in brackets, since a subtitle has brackets of
    its own ("…, persons (administrative estimates, as printed…)")."""
    subtitle = subtitle.strip()
    if subtitle and subtitle[-1] not in ".!?":
        subtitle += "."
    return _("{title}. {subtitle}").format(title=title.strip().rstrip("."), subtitle=subtitle)


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
    alt = alt_text(labels[0], labels[1]) if labels else name
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
