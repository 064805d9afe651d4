"""A chart's data table on the page shows a code column's words (``<code>_label``) under the
code column's own header, in the page's language, and names each row (issue 25, reading
as an accessibility officer: codes and English headers on French pages, a matrix without
row headers)."""

from __future__ import annotations

import json
from pathlib import Path

from diaspora_helpers.publish.site import chart_tables


def _chart(folder: Path) -> None:
    (folder / "c.csv").write_text(
        "strategy_id,strategy_id_label,where,where_label,persons\n"
        "tax,Tax relief,africa,Afrique,12\n",
        encoding="utf-8",
    )
    meta = {
        "dc:title": "T",
        "tableSchema": {
            "columns": [
                {"name": "strategy_id", "titles": {"fr": "Stratégie"}},
                {"name": "strategy_id_label", "titles": {"fr": "Stratégie"}},
                {"name": "where", "titles": {"fr": "Lieu"}},
                {"name": "where_label", "titles": {"fr": "Lieu"}},
                {"name": "persons", "datatype": "integer", "titles": {"fr": "Personnes"}},
            ]
        },
    }
    (folder / "c.csv-metadata.json").write_text(json.dumps(meta), encoding="utf-8")


def test_codes_give_way_to_their_words_under_the_codes_header(tmp_path: Path) -> None:
    _chart(tmp_path)
    table = chart_tables.data_table(tmp_path, "c", "fr")
    assert ">Stratégie</th>" in table and ">Lieu</th>" in table
    assert "Lieu label" not in table and "africa" not in table and ">tax<" not in table
    assert '<th scope="row">Tax relief</th>' in table
    assert ">Afrique</td>" in table
    assert table.count('scope="col"') == 3
