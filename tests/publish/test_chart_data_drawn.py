"""A chart's data table holds what the chart draws (issue 25): the three sources' chart its
World Bank/KNOMAD point and the administrative figure, the foreigners' chart the census's
dot, the landscape its relations (not its boxes' positions), and the timeline's dates read
as a reader of the edition reads them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from diaspora_helpers import setup
from diaspora_helpers.analysis import demography, institutions, key_figures, population
from diaspora_helpers.charts import files
from diaspora_helpers.publish.site import chart_tables


@pytest.fixture(autouse=True)
def _english():
    setup(language="en")
    yield
    setup(language="en")


def test_the_three_sources_table_holds_every_count_drawn():
    key = key_figures.key_figures()
    estimates = demography.abroad_estimates(key, [2020])
    admin, wb = estimates.iloc[0], estimates[estimates["kind"] == "world_bank"].iloc[0]
    over_time = demography.totals_over_time()
    points = population.three_sources_points(over_time, admin, wb)
    by = points.set_index("series")
    assert int(by.loc["administrative", "persons"]) == int(key.at["malians_abroad", "value"])
    assert pd.isna(by.loc["administrative", "year"])  # the document gives no year
    assert int(by.loc["world_bank_knomad", "year"]) == 2017
    un = points[points["series"] == "un_desa"]
    assert un["persons"].tolist() == [round(v) for v in over_time["total"]]


def test_the_foreigners_table_holds_the_census_dot():
    key = key_figures.key_figures()
    foreign = key.loc["foreigners_in_mali"]
    immigrants = demography.totals_over_time("immigrants")["total"]
    points = population.foreigners_points(immigrants, foreign).set_index("series")
    dot = points.loc["census_foreign_nationals"]
    assert int(dot["persons"]) == int(foreign["value"])
    assert int(dot["year"]) == int(foreign["reference_year"])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_landscape_table_lists_its_relations_in_words(language, tmp_path: Path):
    setup(language=language)
    nodes, links = institutions.supervision_graph()
    drawn = institutions.relations_drawn(nodes, links)
    files.write_chart_data(drawn, tmp_path / "landscape.csv", ("T", "S", "Source"))
    table = chart_tables.data_table(tmp_path, "landscape", language)
    assert table.count("<tr>") == 1 + len(links) + len(institutions.unlinked(nodes, links))
    supervises = "exerce la tutelle" if language == "fr" else "supervises"
    assert f"<td>{supervises}" in table
    assert ">X<" not in table and "supervises_" not in table and "none_named" not in table


@pytest.mark.parametrize(
    ("iso", "language", "shown"),
    [
        ("2009-04-01", "fr", "1er avril 2009"),
        ("2009-04-12", "fr", "12 avril 2009"),
        ("2009-04", "en", "April 2009"),
        ("1991-07", "fr", "juillet 1991"),
        ("2003", "en", "2003"),
    ],
)
def test_dates_in_a_chart_table_read_in_the_edition_language(iso, language, shown, tmp_path):
    setup(language=language)
    (tmp_path / "t.csv").write_text(f"id,text,date\nx,Event,{iso}\n", encoding="utf-8")
    from diaspora_helpers.i18n import _

    table = chart_tables.data_table(tmp_path, "t", language, _)
    assert f"<td>{shown}</td>" in table
