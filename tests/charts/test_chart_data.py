"""Chart CSV downloads: rounded numbers and a CSVW descriptor with source, licence and
units (issue 14)."""

from __future__ import annotations

import json

import pandas as pd

from diaspora_helpers.charts import files


def test_floats_are_rounded_and_whole_numbers_written_as_integers(tmp_path) -> None:
    data = pd.DataFrame(
        {
            "country": ["Mali", "Senegal"],
            "cost_pct": [5.592501539743704, float("nan")],
            "persons": [14528662.0, 324588.0],
            "usd": [827417011.9579, 1.5],
        }
    )
    files.write_chart_data(data, tmp_path / "c.csv", ("T", "S, percent", "Source: X"))
    assert (tmp_path / "c.csv").read_text() == (
        "country,cost_pct,persons,usd\nMali,5.5925,14528662,827417011.96\nSenegal,,324588,1.5\n"
    )


def test_descriptor_names_source_licence_and_units(tmp_path) -> None:
    data = pd.DataFrame({"year": [2012], "remittances_usd": [8.27e8], "name": ["a"]})
    sidecar = files.write_chart_data(data, tmp_path / "r.csv", ("Finding", "USD", "Source: WB"))
    assert sidecar.name == "r.csv-metadata.json"
    meta = json.loads(sidecar.read_text())
    assert meta["url"] == "r.csv" and meta["dc:source"] == "Source: WB"
    assert meta["dc:title"] == "Finding" and meta["dc:description"] == "USD"
    assert "creativecommons.org/licenses/by/4.0" in meta["dc:license"]
    columns = {c["name"]: c for c in meta["tableSchema"]["columns"]}
    assert columns["year"]["datatype"] == "integer" and columns["name"]["datatype"] == "string"
    assert columns["remittances_usd"]["unit"] == "US dollars" and "unit" not in columns["name"]
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
