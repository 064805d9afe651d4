"""Every chart's data one tap away: an HTML table in a ``<details>`` under the chart.

The table is read from the files the chart already has beside the page
(``figures/<stem>/<name>.csv`` and its CSV on the Web descriptor
``<name>.csv-metadata.json``, see :func:`diaspora_helpers.charts.files.write_chart_data`):
its caption is what the data are (the descriptor's ``dc:description`` without the words on
how the chart draws them, :mod:`chart_captions`), each header
is the column's label with its unit, and the source line follows the table. Columns that
only serve the drawing or the joins (positions, identifiers, codes of countries) are left
out; numbers get the edition's separators; ``True``/``False`` read as words.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from diaspora_helpers import editions, tables, text
from diaspora_helpers.analysis import timeline
from diaspora_helpers.columns import unit_of
from diaspora_helpers.data import loader
from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.site import chart_captions

#: Columns a reader does not need to read the chart's data.
TECHNICAL = re.compile(r"^(iso3|id|x|y|layer|band|time|rank|quarter)$|_iso3$|_id$")
#: Unit words already said by a column's label.
_SAID = ("(%)", "usd", "xof", "eur", "dollar", "franc", "persons", "year")
NUM = ' class="num"'
SUMMARY = N_("The chart's data, as a table")
SOURCE = N_("Source: {source}")
#: A source line that names itself (a download written before dc:source held the source alone).
NAMED_SOURCE = re.compile(r"^sources?\s*:", re.IGNORECASE)
BOOLEANS = {"true": N_("yes"), "false": N_("no")}  # CSVW booleans (charts.files)


LABEL_SUFFIX = "_label"  # a chart download's column of words for a code column

#: Code columns of a download that have no column of words beside them because nearly all
#: their codes read as themselves, by name -> the words of the few that do not: a source
#: document's section is its number ("5.1"), or "introduction" for ``intro``.
CODE_WORDS = {"section": timeline.SECTION_WORDS}


def number(
    text: str,
    language: str,
    *,
    percent: bool = False,
    year: bool = False,
    decimals: int | None = None,
    scale: float = 1,
) -> str:
    """Return a CSV number as a reader reads it in ``language``: thousands separated
    (years not), percentages to one decimal, other fractions to at most two (or
    ``decimals`` places when given: one number of decimals for a whole column), divided by
    ``scale`` first (amounts shown in millions), with the edition's separators (its CLDR
    locale's) and minus sign (U+2212 in French, see :mod:`diaspora_helpers.editions`); a
    cell that is not a number is returned unchanged."""
    try:
        value = float(text) / scale
    except ValueError:
        return text
    if decimals is not None:
        pass
    elif year or re.fullmatch(r"-?\d+", text.strip()):
        decimals = 0
    elif percent:
        decimals = 1
    elif abs(value) >= 1000:
        decimals = 0
    else:
        decimals = 2
    shown = f"{value:,.{decimals}f}"
    if year:
        shown = shown.replace(",", "")
    edition = editions.get(language)
    thousands, point = get_group_symbol(edition.locale), get_decimal_symbol(edition.locale)
    shown = shown.replace(",", "\0").replace(".", point).replace("\0", thousands)
    return edition.minus + shown[1:] if shown.startswith("-") else shown


#: Labels of chart data columns that the tables' own labels do not give well.
COLUMN_LABELS = {
    "born_abroad": N_("Born abroad"),
    "breakdown": N_("Breakdown"),
    "end_date": N_("End date"),
    "endogenous": N_("Endogenous"),
    "exogenous": N_("Exogenous"),
    "female": N_("Women"),
    "male": N_("Men"),
    "female_share_pct": N_("Women's share (%)"),
    "group": N_("Group"),
    "how_obtained": N_("How obtained"),
    "name": N_("Name"),
    "period": N_("Period"),
    "published_over_derived": N_("Published share over derived share"),
    "series": N_("Series"),
    "share_of_abroad_pct": N_("Share of those abroad (%)"),
    "text": N_("Event"),
    "un_desa_2020": N_("UN DESA 2020"),
    "world_bank_estimate": N_("World Bank estimate"),
    "women_share_pct": N_("Women's share (%)"),
}

#: Labels of amount columns without their unit, for a header that adds the unit at the
#: scale the column is shown (:func:`diaspora_helpers.tables.money_scale`).
AMOUNT_LABELS = {
    "remittances_usd": N_("Remittances"),
    "remittances_xof": N_("Remittances"),
    "gdp_usd": N_("GDP"),
    "fees_paid_usd": N_("Fees paid"),
    "gain_usd": N_("Gain"),
    "gain_if_net_of_fees_usd": N_("Gain if net of fees"),
}


def unit_said(name: str) -> bool:
    """True when the label of column ``name`` already states its unit ("Remittances
    (USD)", "USD per capita", "Share (%)"). Decided on the English label and unit, the
    source language's, so that every edition adds a unit where English does and never
    repeats one its translated label already carries ("Transferts (dollars des États-Unis)")."""
    english = (COLUMN_LABELS.get(name) or tables.label(name.removesuffix(LABEL_SUFFIX))).lower()
    unit = unit_of(name)
    return unit is None or unit.lower() in english or any(word in english for word in _SAID)


def _header(
    column: dict[str, Any], gettext: Callable[[str], str], scaled: str | None = None
) -> str:
    """A column's header: its label (this module's :data:`COLUMN_LABELS` first, then the
    download's title, then the name's words) with its unit where the label does not say
    it; ``scaled``, the unit at the scale the column is shown (``millions of US
    dollars``, English), replaces the download's unit."""
    name = column["name"]
    if "header" in column:  # a grid's column: the chart's own label, already translated
        return str(column["header"])
    titles = column.get("titles")
    if scaled and name in AMOUNT_LABELS:
        return f"{gettext(AMOUNT_LABELS[name])} ({gettext(scaled)})"
    key = name.removesuffix(LABEL_SUFFIX)  # a column of words: its name's label
    label = gettext(COLUMN_LABELS[key]) if key in COLUMN_LABELS else None
    if label is None and isinstance(titles, dict) and titles:
        label = next(iter(titles.values()), None)
    label = label or gettext(tables.label(name))
    if scaled:
        return f"{label} ({gettext(scaled)})"
    unit = column.get("unit")
    if unit and not unit_said(name):
        label = f"{label} ({unit})"
    return label


def _scale(name: str, values: list[str]) -> tuple[float, str | None]:
    """The scale an amount column is shown at (divisor, English unit), or (1, None): the
    notebooks' tables' rule, :func:`diaspora_helpers.tables.money_scale`."""
    return tables.money_scale(name, [v for v in values if _is_number(v)])


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() != ""


def _decimals(column: dict[str, Any], values: list[str], scale: float) -> int:
    """One number of decimals for a whole column: whole numbers none, percentages and
    amounts in millions one, other fractions two below 1,000 and none from there (so 2,879
    and 831.72 are never next to each other: 2,879 and 832)."""
    name = str(column.get("name", "")).lower()
    numbers = [float(v) / scale for v in values if _is_number(v)]
    if not numbers:
        return 0
    if scale == 1 and all(re.fullmatch(r"-?\d+", v.strip()) for v in values if _is_number(v)):
        return 0
    # The unit the name gives (English in every edition; the descriptor's is translated).
    if scale != 1 or unit_of(name) in ("percent", "millions of US dollars"):
        return 1
    return 0 if max(abs(n) for n in numbers) >= 1000 else 2


#: Columns that measure the same thing as another column (an alias of that measure), by
#: name -> the columns they may repeat. Such a column is left out of the table when every
#: one of its filled cells equals, row by row, the other's (the 01 population table: the
#: World Bank estimate, filled in census years only, is the "Population" column again).
#: Only a declared alias is ever dropped: distinct categories that happen to hold equal
#: values (the coverage grid's constraints no strategy addresses, all zeros) are data.
SAME_MEASURE: dict[str, tuple[str, ...]] = {"world_bank_estimate": ("population",)}


def _repeats(rows: list[dict[str, str]], column: str, before: list[str]) -> bool:
    """True when ``column`` is a declared alias (:data:`SAME_MEASURE`) of a column shown
    before it and every filled cell of ``column`` equals that column's, row by row."""
    filled = [r for r in rows if r.get(column, "") != ""]
    others = [o for o in SAME_MEASURE.get(column, ()) if o in before]
    return bool(filled) and any(all(r.get(o, "") == r[column] for r in filled) for o in others)


@dataclass(frozen=True)
class Grid:
    """A chart whose data is a grid of codes: each column an id of a data table, each cell
    a score. ``table`` and ``header`` name the data table and its column that the chart
    heads its columns with (read in the page's language, so the table's headers are the
    chart's own labels); ``cells`` gives the words of each score, as the chart's key says."""

    table: str
    header: str
    cells: dict[str, str]


#: The charts whose data is a grid of codes, by chart name.
GRIDS = {
    # The coverage grid of notebook 04: constraints (columns) by strategies (rows), each
    # cell 2 (the strategy aims at the constraint itself), 1 (at part of it) or 0.
    "coverage_matrix": Grid(
        table="constraints",
        header="short_label",
        cells={"2": N_("direct"), "1": N_("partial"), "0": "–"},
    ),
}


def _grid_headers(grid: Grid, language: str) -> dict[str, str]:
    """The chart's labels of a grid's columns: id -> words in ``language``."""
    table = loader.load_from(loader.data_dir(), grid.table, language)
    ids = table["id"] if "id" in table.columns else table.index.to_series()
    return {str(i): str(h) for i, h in zip(ids, table[grid.header], strict=True) if str(h)}


#: A column of dates (ISO: ``2009``, ``2009-04``, ``2009-04-01``) by its name.
DATE_COLUMN = re.compile(r"^(date|end_date|start_date)$|_date$")


def date(value: str, language: str, gettext: Callable[[str], str] = str) -> str:
    """Return an ISO date at the precision it is written in, as a reader of ``language``
    reads it (CLDR patterns through Babel, the edition's locale): ``2009-04-01`` -> "1
    April 2009" ("1er avril 2009"), ``2009-04`` -> "April 2009", ``2009`` -> "2009". A
    cell that is not such a date is returned unchanged."""
    from diaspora_helpers import editions, text

    try:
        return text.written_date(value.strip(), editions.get(language).locale, gettext)
    except ValueError:
        return value


#: A quarter as Remittance Prices Worldwide writes it (``2016Q2``).
QUARTER = re.compile(r"\d{4}Q[1-4]")


def _cell(
    value: str,
    column: dict[str, Any],
    language: str,
    gettext: Callable[[str], str],
    decimals: int | None = None,
    scale: float = 1,
) -> str:
    if value and DATE_COLUMN.search(str(column.get("name", ""))):
        return date(value, language, gettext)
    if QUARTER.fullmatch(value):  # "T2 2016" in French, "Q2 2016" in English
        return text.quarter(value, editions.get(language).locale)
    if value in BOOLEANS:
        return gettext(BOOLEANS[value])
    named = CODE_WORDS.get(str(column.get("name", "")), {})
    if value in named:  # an unnumbered section: "introduction"
        return gettext(named[value])
    words = column.get("words")
    if words and value in words:  # a grid's score, as the chart's key says it
        return gettext(words[value]) if words[value] != "–" else "–"
    if column.get("datatype") in ("integer", "number") and value != "":
        name = column["name"].lower()
        return number(
            value,
            language,
            percent=column.get("unit") == "percent" or "pct" in name,
            year="year" in name.split("_"),
            decimals=None if "year" in name.split("_") else decimals,
            scale=scale,
        )
    if re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)+", value):  # a code of the data: its words
        return value.replace("_", " ")
    return value if value else "–"


def data_table(folder: Path, name: str, language: str, gettext: Callable[[str], str] = str) -> str:
    """Return the ``<details>`` holding chart ``name``'s data as a table (read from
    ``folder``), or "" when the chart has no data file."""
    path = folder / f"{name}.csv"
    meta_path = folder / f"{name}.csv-metadata.json"
    if not path.is_file():
        return ""
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    described = {c["name"]: c for c in meta.get("tableSchema", {}).get("columns", [])}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    # A code column with its words beside it (``<code>_label``, in the page's language) is
    # shown once: the words, under the code column's header. Other technical columns go.
    labelled = {n for n in fields if f"{n}{LABEL_SUFFIX}" in fields}
    names = [
        n
        for n in fields
        if n in labelled or not (TECHNICAL.search(n) or n.removesuffix(LABEL_SUFFIX) in labelled)
    ]
    names = [n for i, n in enumerate(names) if not _repeats(rows, n, names[:i])]
    if not names or not rows:
        return ""
    shown = {n: f"{n}{LABEL_SUFFIX}" if n in labelled else n for n in names}
    # A labelled code column shows words: it is headed by its words' title ("Census"), not
    # by the download's title of the codes ("Census (code)").
    columns = [
        {**described.get(n, {"name": n}), "titles": described[shown[n]]["titles"]}
        if n in labelled and "titles" in described.get(shown[n], {})
        else described.get(n, {"name": n})
        for n in names
    ]
    grid = GRIDS.get(name)
    if grid:  # a grid of codes: the chart's labels over its columns, words in its cells
        headers = _grid_headers(grid, language)
        columns = [
            {**c, "header": headers[c["name"]], "datatype": "string", "words": grid.cells}
            if c["name"] in headers
            else c
            for c in columns
        ]
    numeric = [c.get("datatype") in ("integer", "number") for c in columns]
    scales = {
        n: _scale(n, [r.get(n, "") for r in rows]) if numeric[i] else (1, None)
        for i, n in enumerate(names)
    }
    places = {
        n: _decimals(c, [r.get(n, "") for r in rows], scales[n][0])
        for n, c, is_num in zip(names, columns, numeric, strict=True)
        if is_num
    }
    head = "".join(
        f'<th scope="col"{NUM if is_num else ""}>'
        f"{html.escape(_header(c, gettext, scales[c['name']][1]))}</th>"
        for c, is_num in zip(columns, numeric, strict=True)
    )

    def cells(row: dict[str, str]) -> str:
        out = []
        for index, (c, is_num) in enumerate(zip(columns, numeric, strict=True)):
            name = c["name"]
            value = row.get(shown[name], "")
            shown_value = _cell(value, c, language, gettext, places.get(name), scales[name][0])
            text = html.escape(shown_value)
            if index == 0 and not is_num:  # the row's name: a header for its cells
                out.append(f'<th scope="row">{text}</th>')
            else:
                out.append(f"<td{NUM if is_num else ''}>{text}</td>")
        return "".join(out)

    body = "".join(f"<tr>{cells(row)}</tr>" for row in rows)
    described_as = meta.get("dc:description") or meta.get("dc:title") or ""
    caption = html.escape(chart_captions.caption(name, described_as, gettext))
    # dc:source holds the source alone (charts.files.source_named): the page says what it is.
    named = meta.get("dc:source", "")
    said = named if not named or NAMED_SOURCE.match(named) else gettext(SOURCE).format(source=named)
    source = html.escape(said)
    summary = gettext(SUMMARY)
    return (
        f'<details class="chart-data"><summary>{summary}</summary>'
        f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
        + (f'<p class="muted">{source}</p>' if source else "")
        + "</details>"
    )
