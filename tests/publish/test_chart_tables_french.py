"""A chart's data table on a French page, read as a French editor would (issue 24, the
francophone reviewer): the minus sign U+2212 and never a hyphen before a digit, a unit said
once in a header, quarters written "T2 2016", an exchange rate and millions given their own
unit in the CSVW descriptor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from diaspora_helpers.charts import files
from diaspora_helpers.publish.site import chart_tables

#: A hyphen-minus used as a sign: before a digit, not inside a range or a code (2016-2020).
HYPHEN_SIGN = re.compile(r"(?<![\w.\-/])-(?=\d)")


def _write(folder: Path, header: str, rows: list[str], columns: list[dict]) -> None:
    (folder / "c.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    meta = {"dc:title": "T", "tableSchema": {"columns": columns}}
    (folder / "c.csv-metadata.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        ("-524", "\u2212524", "-524"),
        ("-1.4", "\u22121,40", "-1.40"),
        ("-14962", "\u221214\u202f962", "-14,962"),
        ("3.5", "3,50", "3.50"),
    ],
)
def test_negative_numbers_take_the_edition_s_minus_sign(value, french, english):
    assert chart_tables.number(value, "fr") == french
    assert chart_tables.number(value, "en") == english


def test_a_french_chart_table_has_no_hyphen_before_a_digit(tmp_path):
    _write(
        tmp_path,
        "country,country_label,change,change_pct",
        ["FRA,France,-524,-1.4", "CIV,Côte d’Ivoire,1200,3.2"],
        [
            {"name": "country"},
            {"name": "country_label", "titles": {"fr": "Pays"}},
            {"name": "change", "datatype": "integer", "titles": {"fr": "Variation"}},
            {"name": "change_pct", "datatype": "number", "titles": {"fr": "Variation (%)"}},
        ],
    )
    table = chart_tables.data_table(tmp_path, "c", "fr")
    assert "\u2212524" in table and "\u22121,4" in table
    assert not HYPHEN_SIGN.search(table), HYPHEN_SIGN.findall(table)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("remittances_usd", "Transferts (dollars des États-Unis)"),
        ("gdp_usd", "PIB (dollars des États-Unis)"),
        ("usd_per_capita", "Dollars des États-Unis par habitant"),
        ("fees_paid_usd", "Frais payés (dollars des États-Unis)"),
        ("usd_millions", "Millions de dollars des États-Unis"),
        ("xof_per_usd", "Francs CFA pour 1 dollar des États-Unis"),
    ],
)
def test_a_header_that_carries_its_unit_is_not_given_it_twice(tmp_path, name, title):
    """The unit is added where the English label lacks one (decided on the source
    language's label), so a translated label that carries it is never doubled."""
    unit = "dollars des États-Unis"
    _write(
        tmp_path,
        f"label,{name}",
        ["a,12.5"],
        [
            {"name": "label", "titles": {"fr": "Libellé"}},
            {"name": name, "datatype": "number", "titles": {"fr": title}, "unit": unit},
        ],
    )
    table = chart_tables.data_table(tmp_path, "c", "fr")
    assert f">{title}</th>" in table
    assert table.count(unit) == title.count(unit)


def test_a_header_without_its_unit_gets_it():
    column = {"name": "stock_people", "titles": {"fr": "Effectif"}, "unit": "personnes"}
    assert chart_tables._header(column, str) == "Effectif (personnes)"


def test_millions_and_exchange_rates_have_their_own_unit():
    assert files.unit_of("usd_millions") == "millions of US dollars"
    assert files.unit_of("remittances_usd_millions") == "millions of US dollars"
    assert files.unit_of("xof_per_usd") == "CFA francs (XOF) per US dollar"
    assert files.unit_of("remittances_usd") == "US dollars"
    assert files.unit_of("share_pct") == "percent"
    assert files.unit_of("usdollars") is None  # whole words only


def test_quarters_read_as_the_edition_writes_them(tmp_path):
    _write(
        tmp_path,
        "corridor,period,cost_pct",
        ["france_mali,2016Q2,8.1"],
        [
            {"name": "corridor", "titles": {"fr": "Corridor"}},
            {"name": "period", "titles": {"fr": "Période"}},
            {"name": "cost_pct", "datatype": "number", "titles": {"fr": "Coût (%)"}},
        ],
    )
    french = chart_tables.data_table(tmp_path, "c", "fr")
    english = chart_tables.data_table(tmp_path, "c", "en")
    assert "<td>T2\u00a02016</td>" in french and "2016Q2" not in french
    assert "<td>Q2\u00a02016</td>" in english
