"""Chart CSV downloads: rounded numbers and a CSVW descriptor with source, licence and
units (issue 14)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from diaspora_helpers.charts import files


def test_floats_are_rounded_and_whole_numbers_written_as_integers(tmp_path) -> None:
    data = pd.DataFrame(
        {
            "iso3": ["MLI", "SEN"],
            "cost_pct": [5.592501539743704, float("nan")],
            "persons": [14528662.0, 324588.0],
            "usd": [827417011.9579, 1.5],
        }
    )
    files.write_chart_data(data, tmp_path / "c.csv", ("T", "S, percent", "Source: X"))
    assert (tmp_path / "c.csv").read_text() == (
        "iso3,cost_pct,persons,usd\nMLI,5.5925,14528662,827417011.96\nSEN,,324588,1.5\n"
    )


def test_descriptor_names_source_licence_and_units(tmp_path) -> None:
    data = pd.DataFrame({"year": [2012], "remittances_usd": [8.27e8], "name": ["a"]})
    sidecar = files.write_chart_data(data, tmp_path / "r.csv", ("Finding", "USD", "Source: WB"))
    assert sidecar.name == "r.csv-metadata.json"
    meta = json.loads(sidecar.read_text())
    assert meta["url"] == "r.csv" and meta["dc:source"] == "WB"  # the field names itself
    assert meta["dc:title"] == "Finding" and meta["dc:description"] == "USD"
    assert "creativecommons.org/licenses/by/4.0" in meta["dc:license"]
    columns = {c["name"]: c for c in meta["tableSchema"]["columns"]}
    assert columns["year"]["datatype"] == "integer"
    assert columns["name_label"]["datatype"] == "string"  # names: words, so a label column
    assert columns["remittances_usd"]["unit"] == "US dollars"
    assert "unit" not in columns["name_label"]
    again = files.write_chart_data(data, tmp_path / "r.csv", ("Finding", "USD", "Source: WB"))
    assert again.read_bytes() == sidecar.read_bytes()


def test_booleans_are_written_as_csvw_booleans(tmp_path) -> None:
    """A francophone reviewer found ``False``/``True`` in a download declared as numbers:
    a boolean column is written ``true``/``false`` and declared ``boolean``."""
    data = pd.DataFrame({"iso3": ["SVK", "FRA"], "model_artefact": [True, False]})
    sidecar = files.write_chart_data(data, tmp_path / "b.csv", ("T", "S", "Source: X"))
    assert (tmp_path / "b.csv").read_text() == "iso3,model_artefact\nSVK,true\nFRA,false\n"
    columns = json.loads(sidecar.read_text())["tableSchema"]["columns"]
    kinds = {c["name"]: c["datatype"] for c in columns}
    assert kinds == {"iso3": "string", "model_artefact": "boolean"}


def test_words_go_under_label_headers_and_codes_stay_the_same(edition, tmp_path) -> None:
    """The francophone review found French country names, event texts and corridors under
    code headers (``country``, ``text``, ``corridor``), and ``country`` repeating
    ``country_label``: a column of words is written once, as ``<name>_label``, tagged with
    the edition's language; the codes beside it are the same in both editions."""
    from diaspora_helpers import i18n

    data = pd.DataFrame(
        {
            "iso3": ["CIV", ""],
            "country": ["Côte d’Ivoire" if edition == "fr" else "Côte d'Ivoire", "others"],
            "corridor": ["x → Mali", "y → Mali"],
            "region_group": ["sub_saharan_africa", "mixed"],
            "rank": pd.Series([1, pd.NA], dtype="object"),
        }
    )
    words = {"others": "Other countries", "sub_saharan_africa": "Sub-Saharan Africa"}
    data = i18n.with_words(data, country=words, region_group=words)
    data = i18n.with_texts(data, "country", "corridor")
    sidecar = files.write_chart_data(data, tmp_path / "w.csv", ("T", "S", "Source: X"))
    head, *rows = (tmp_path / "w.csv").read_text(encoding="utf-8").splitlines()
    assert head == "iso3,country_label,corridor_label,region_group,region_group_label,rank"
    assert rows[1].split(",")[0] == "" and rows[1].split(",")[3] == "mixed"
    assert rows[1].split(",")[-1] == "" and rows[0].split(",")[-1] == "1"
    columns = {c["name"]: c for c in json.loads(sidecar.read_text())["tableSchema"]["columns"]}
    langs = {name for name, c in columns.items() if "lang" in c}
    assert langs == {"country_label", "corridor_label", "region_group_label"}
    assert {c["lang"] for c in columns.values() if "lang" in c} == {edition}
    assert columns["rank"]["datatype"] == "integer"  # whole numbers with a gap, not text


def test_a_code_column_and_its_label_column_have_two_titles(edition, tmp_path) -> None:
    """r28 item 5: the descriptor titled a code column and its ``_label`` column alike
    (« Ventilation » and « Ventilation »); the code column reads "<title> (code)", in the
    edition's language, as the notebooks' tables title a code column. rfr6: a column of
    ISO3 codes or identifiers with no label column of its own is titled the same way
    (it was « ISO3 », « ID », « Qui (identifiant) »: three conventions)."""
    from diaspora_helpers import i18n

    data = pd.DataFrame({"region_group": ["sub_saharan_africa"], "iso3": ["CIV"], "n": [3]})
    data = i18n.with_words(data, region_group={"sub_saharan_africa": "Sub-Saharan Africa"})
    sidecar = files.write_chart_data(data, tmp_path / "c.csv", ("T", "S", "Source: X"))
    titles = {
        c["name"]: c["titles"][edition]
        for c in json.loads(sidecar.read_text(encoding="utf-8"))["tableSchema"]["columns"]
    }
    words = titles["region_group_label"]
    assert words and "(code)" not in words
    assert titles["region_group"] == f"{words} (code)"
    assert len(set(titles.values())) == len(titles), titles
    assert titles["iso3"].endswith(" (code)") and "ISO3" not in titles["iso3"]
    assert "(code)" not in titles["n"]


def test_every_code_column_of_a_download_is_titled_one_way(edition, tmp_path) -> None:
    """rfr6: code columns were titled « ISO3 », « ISO3 du pays d’envoi », « ID »,
    « Qui (identifiant) » and « Lieu (code) »; now every column of codes (ISO3 codes,
    identifiers, codes named in a ``_label`` column) reads "<what> (code)" in the edition's
    language, the column of words "<what>", the numbers their label, in both editions."""
    data = pd.DataFrame(
        {
            "id": ["forum_1991"],
            "who_id": ["government_of_mali"],
            "whom_id": ["ministry_malians_abroad"],
            "sending_iso3": ["CIV"],
            "iso3": ["FRA"],
            "country_label": ["France"],
            "time": [2016.25],
            "remittances_xof": [1.0e9],
        }
    )
    sidecar = files.write_chart_data(data, tmp_path / "c.csv", ("T", "S", "Source: X"))
    titles = {
        c["name"]: c["titles"][edition]
        for c in json.loads(sidecar.read_text(encoding="utf-8"))["tableSchema"]["columns"]
    }
    codes = ["id", "who_id", "whom_id", "sending_iso3", "iso3"]
    for name in codes:
        assert titles[name].endswith(" (code)"), (name, titles[name])
        words = titles[name].removesuffix(" (code)")
        assert words and words[0].isupper() and "_" not in words, titles[name]
        assert "ISO3" not in words and "ID" not in words.split() and "(" not in words
    assert titles["iso3"].removesuffix(" (code)") == titles["country_label"]
    others = [t for n, t in titles.items() if n not in codes]
    assert not any("(code)" in t for t in others), titles
    time_words = {"en": "Time", "fr": "Temps"}[edition]
    assert titles["time"] != time_words and "decimal" in titles["time"].replace(
        "décimale", "decimal"
    )
    if edition == "fr":
        assert titles["remittances_xof"] == "Transferts (francs CFA)"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Source: WB", "WB"),
        ("Sources\u202f: WDI ; DAES", "WDI ; DAES"),
        ("Source: the source document, section 1.1", "the source document, section 1.1"),
        ("Source\u202f: document de synthèse ; DAES", "document de synthèse ; DAES"),
        ("World Bank", "World Bank"),  # no prefix: kept as it is
    ],
)
def test_dc_source_holds_the_source_without_its_prefix(line: str, field: str) -> None:
    assert files.source_named(line) == field
