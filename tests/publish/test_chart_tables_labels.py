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


def _timeline_table(folder: Path, language: str) -> tuple[list[str], list[list[str]], Path]:
    """The timeline chart's download as notebook 03 writes it, and its table on the page."""
    from chart_table_support import shown_table

    from diaspora_helpers import setup
    from diaspora_helpers.analysis import timeline
    from diaspora_helpers.charts import timeline as timeline_chart

    setup(language=language)
    try:
        events = timeline.events()
        kinds = timeline.event_kinds(events)
        first, last = timeline.year_range(events)
        placed = timeline_chart.placed_events(events, kinds, first, last)
    finally:
        setup(language="en")
    data = placed[["id", "kind", "date", "end_date", "text", "section"]]
    folder.mkdir()
    heads, rows = shown_table(folder, "timeline", data, language)
    return heads, rows, folder / "timeline.csv"


def test_the_timeline_download_writes_each_section_once_and_the_page_names_it(
    tmp_path: Path,
) -> None:
    """The francophone lecturer's reading: ``section_label`` repeated ``section`` ("1.2",
    "1.2") in every row. The download keeps the section code alone; the page's table names
    the unnumbered section in words."""
    import csv

    from diaspora_helpers.data import loader

    for language, intro in (("en", "introduction"), ("fr", "introduction")):
        heads, rows, path = _timeline_table(tmp_path / language, language)
        with path.open(encoding="utf-8", newline="") as handle:
            written = list(csv.DictReader(handle))
        assert "section" in written[0] and "section_label" not in written[0]
        codes = loader.load("events")["section"].astype("str").tolist()
        assert sorted(r["section"] for r in written) == sorted(codes)
        column = heads.index("Section")
        cells = [r[column] for r in rows]
        assert "intro" not in cells
        assert cells.count(intro) == codes.count("intro") > 0
        numbered = sorted(c for c in codes if c != "intro")
        assert sorted(c for c in cells if c != intro) == numbered
