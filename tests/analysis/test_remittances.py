"""Remittances: vintages kept apart, conversions, per person, bilateral caveats, costs, scenario."""

import pandas as pd
import pytest

from diaspora_helpers.analysis import remittances
from diaspora_helpers.i18n import labelled, texts_of


def _wdi_rows(iso3, code, values, aggregate=False):
    return [
        {
            "iso3": iso3,
            "country_name": {"MLI": "Mali", "SEN": "Senegal", "SSF": "Sub-Saharan Africa"}[iso3],
            "is_aggregate": aggregate,
            "indicator_code": code,
            "year": year,
            "value": value,
        }
        for year, value in values.items()
    ]


def _wdi() -> pd.DataFrame:
    rows = []
    rows += _wdi_rows("MLI", "BX.TRF.PWKR.CD.DT", {2011: 80.0, 2012: 100.0, 2020: 200.0})
    rows += _wdi_rows("MLI", "NY.GDP.MKTP.CD", {2011: 1600.0, 2012: 2000.0, 2020: 5000.0})
    rows += _wdi_rows("MLI", "SP.POP.TOTL", {2012: 10.0, 2020: 20.0})
    rows += _wdi_rows("MLI", "PA.NUS.FCRF", {2012: 500.0, 2020: 600.0})
    rows += _wdi_rows("SEN", "BX.TRF.PWKR.CD.DT", {2012: 300.0})
    rows += _wdi_rows("SEN", "NY.GDP.MKTP.CD", {2012: 3000.0})
    rows += _wdi_rows("SEN", "SP.POP.TOTL", {2012: 15.0})
    rows += _wdi_rows("SSF", "BX.TRF.PWKR.CD.DT", {2012: 999.0}, aggregate=True)
    return pd.DataFrame(rows)


def _vintage() -> pd.DataFrame:
    rows = []
    # Published shares a fifth above the derived ones (GDP rebased later).
    rows += _wdi_rows("MLI", "BX.TRF.PWKR.DT.GD.ZS", {2011: 6.0, 2012: 6.0})
    rows += _wdi_rows("MLI", "SI.RMT.COST.IB.ZS", {2011: 10.0, 2012: 4.0, 2013: 2.0})
    rows += _wdi_rows("SEN", "BX.TRF.PWKR.DT.GD.ZS", {2012: 10.0})
    return pd.DataFrame(rows)


def _un_totals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": ["MLI", "MLI", "SEN", "MLI"],
            "country_name": ["Mali", "Mali", "Senegal", "Mali"],
            "direction": ["emigrants", "emigrants", "emigrants", "immigrants"],
            "year": [2010, 2015, 2010, 2010],
            "value": [4, 5, 6, 1_000],
        }
    )


def test_indicator_is_wide_and_keeps_gaps_missing():
    wide = remittances.indicator("BX.TRF.PWKR.CD.DT", ["MLI", "SEN"], _wdi())
    assert wide.index.tolist() == [2011, 2012, 2020]
    assert pd.isna(wide.loc[2020, "SEN"])
    assert wide.loc[2012, "SEN"] == 300.0


def test_years_and_codes_come_from_the_data():
    assert remittances.remittance_years("MLI", _wdi()) == [2011, 2012, 2020]
    assert remittances.peer_codes(_wdi()) == ["SEN"]
    assert remittances.aggregate_codes(_wdi()) == ["SSF"]


def test_the_two_vintages_stay_in_separate_columns():
    series = remittances.mali_series(_wdi(), _vintage()).set_index("year")
    assert series.loc[2012, "share_2026_derived_pct"] == pytest.approx(5.0)
    assert series.loc[2012, "share_2022_published_pct"] == pytest.approx(6.0)
    assert series.loc[2012, "published_over_derived"] == pytest.approx(1.2)
    assert pd.isna(series.loc[2020, "share_2022_published_pct"])
    assert remittances.vintage_gap(series.reset_index(), 2011, 2012) == pytest.approx(
        (1.2 + 6.0 / 5.0) / 2
    )
    with pytest.raises(ValueError, match="both vintages"):
        remittances.vintage_gap(series.reset_index(), 2019, 2020)


def test_document_amount_uses_parity_for_euros_and_the_year_rate_for_dollars():
    out = remittances.document_amount(1_000.0, 2012, _wdi())
    assert out["eur"] == pytest.approx(1_000 / 655.957)
    assert out["usd"] == pytest.approx(2.0)  # 500 francs per dollar in the test table
    assert out["wb_usd"] == 100.0
    assert out["wb_xof"] == pytest.approx(50_000.0)
    assert out["document_over_wb_pct"] == pytest.approx(-98.0)
    with pytest.raises(ValueError, match="2011"):
        remittances.document_amount(1_000.0, 2011, _wdi())  # no rate for 2011


def test_nearest_year_prefers_the_earlier_on_a_tie():
    assert remittances.nearest_year([1990, 1995, 2000], 1997) == 1995
    assert remittances.nearest_year([1990, 1995, 2000], 1998) == 2000
    assert remittances.nearest_year([2010, 2015], 2030) == 2015
    with pytest.raises(ValueError):
        remittances.nearest_year([], 2000)


def test_per_person_divides_by_residents_and_by_the_nearest_un_emigrants():
    table = remittances.per_person(2012, ["MLI", "SEN"], _wdi(), _vintage(), _un_totals())
    mali = table.set_index("iso3").loc["MLI"]
    assert mali["per_resident_usd"] == pytest.approx(10.0)
    assert mali["un_year"] == 2010
    assert mali["per_emigrant_usd"] == pytest.approx(25.0)
    assert mali["share_2026_derived_pct"] == pytest.approx(5.0)
    assert mali["share_2022_published_pct"] == pytest.approx(6.0)
    senegal = table.set_index("iso3").loc["SEN"]
    assert senegal["per_emigrant_usd"] == pytest.approx(50.0)
    later = remittances.per_person(2020, ["MLI", "SEN"], _wdi(), _vintage(), _un_totals())
    assert later.set_index("iso3").loc["MLI", "un_year"] == 2015
    assert pd.isna(later.set_index("iso3").loc["SEN", "remittances_usd"])
    assert "country" in texts_of(table)  # names in the edition's language: tagged, not codes


def _bilateral() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "table": ["remittances_usd_millions"] * 4 + ["migrant_stock"] * 3,
            "direction": ["into_mali"] * 4 + ["emigrants"] * 3,
            "partner_name": ["France", "Cote d'Ivoire", "Nigeria", "World"]
            + ["France", "Cote d'Ivoire", "World"],
            "partner_kind": ["country", "country", "country", "world"]
            + ["country", "country", "world"],
            "partner_iso3": ["FRA", "CIV", "NGA", None, "FRA", "CIV", None],
            "value": [60.0, 0.0, 20.0, 100.0, 1_000.0, 5_000.0, 9_000.0],
            "note": [None, "model artefact: 0 although ...", None, None, None, None, None],
        }
    )


def test_bilateral_keeps_the_artefact_zero_and_flags_it():
    table = remittances.bilateral_into_mali(_bilateral())
    assert table["iso3"].tolist() == ["FRA", "NGA", "CIV"]
    assert table["share_pct"].tolist() == pytest.approx([60.0, 20.0, 0.0])
    assert table["model_artefact"].tolist() == [False, False, True]
    assert table.set_index("iso3").loc["FRA", "usd_per_migrant"] == pytest.approx(60_000.0)
    assert table.attrs["world_usd_millions"] == 100.0


def _rpw() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sending_iso3": ["FRA", "FRA", "FRA", "SEN", "FRA"],
            "receiving_iso3": ["MLI", "MLI", "MLI", "MLI", "SEN"],
            "period": ["2012Q3", "2011Q1", "2020Q3", "2020Q3", "2020Q3"],
            "year": [2012, 2011, 2020, 2020, 2020],
            "quarter": [3, 1, 3, 3, 3],
            "cost_pct": [12.0, 8.0, 4.0, 2.5, 4.2],
        }
    )


def test_corridor_costs_are_ordered_and_summarised():
    costs = remittances.corridor_costs(_rpw())
    assert costs["corridor"].unique().tolist() == ["France → Mali", "Senegal → Mali"]
    assert costs["time"].tolist() == [2011.0, 2012.5, 2020.5, 2020.5]
    summary = remittances.corridor_summary(costs, 5.0, 3.0).set_index("corridor")
    assert summary.loc["France → Mali", "share_above_5pct"] == pytest.approx(200 / 3)
    assert summary.loc["France → Mali", "last_cost_pct"] == 4.0
    assert not summary.loc["France → Mali", "at_or_below_target_last"]
    assert summary.loc["Senegal → Mali", "at_or_below_target_last"]
    first = _rpw().sort_values(["year", "quarter"])["period"].iloc[0]  # e.g. "2011Q1"
    assert summary.loc["France → Mali", "first_period"] == first  # as the survey codes it
    year, quarter = first.split("Q")
    shown = labelled(remittances.corridor_summary(costs, 5.0, 3.0)).set_index("corridor")
    assert shown.loc["France → Mali", "first_period"] == f"Q{quarter}\u00a0{year}"
    with pytest.raises(KeyError, match="GIN"):
        remittances.corridor_costs(_rpw(), receiving="GIN")


def test_fee_saving_formula():
    # The usual calculation: 100 recorded at a cost of 10% rather than 5% is 5 more.
    assert remittances.fee_saving(100.0, 10.0, 5.0) == pytest.approx(5.0)
    # The assumption that receipts arrived after fees: 90 received at 10% means 100 was
    # sent; at 5% the same 100 delivers 95, a gain of 5 on 90 received.
    assert remittances.fee_saving(90.0, 10.0, 5.0, net_of_fees=True) == pytest.approx(5.0)
    assert remittances.fee_saving(90.0, 10.0, 5.0) == pytest.approx(4.5)
    assert remittances.fee_saving(90.0, 3.0, 5.0) == 0.0
    assert remittances.fee_saving(90.0, 3.0, 5.0, net_of_fees=True) == 0.0
    with pytest.raises(ValueError):
        remittances.fee_saving(90.0, 100.0, 3.0)


def test_savings_scenario_needs_both_cost_and_receipts():
    table = remittances.savings_scenario(3.0, _wdi(), _vintage())
    assert table["year"].tolist() == [2011, 2012]  # no receipts recorded for 2013
    row = table.set_index("year").loc[2011]
    assert row["gain_usd"] == pytest.approx(80.0 * 0.07)
    assert row["gain_if_net_of_fees_usd"] == pytest.approx(80.0 * 0.07 / 0.9)
    assert row["fees_paid_usd"] == pytest.approx(80.0 * 0.1)
    higher = remittances.savings_scenario(5.0, _wdi(), _vintage()).set_index("year")
    assert higher.loc[2012, "gain_usd"] == 0.0


def test_document_links_find_the_transfer_rows():
    constraints = pd.DataFrame(
        {
            "id": ["remittance_costs", "xenophobia"],
            "kind": ["exogenous", "exogenous"],
            "theme": ["transfers", "host_country"],
            "label": ["Sending money home is expensive", "Risk of xenophobia"],
            "section": ["6.2", "6.2"],
        }
    )
    strategies = pd.DataFrame(
        {
            "id": ["transfer_costs", "one_stop_shop", "exclusivity"],
            "scope": ["investment", "national", "investment"],
            "label": ["Cut transfer costs", "One-stop shop", "Remove clauses on money Transfers"],
            "section": ["7", "7", "7"],
        }
    )
    links = remittances.document_links(constraints, strategies)
    assert links["id"].tolist() == ["remittance_costs", "transfer_costs", "exclusivity"]
    assert links["what"].tolist() == ["constraint", "strategy", "strategy"]


def test_comparison_and_cost_years_fall_back_to_the_nearest():
    series = remittances.mali_series(_wdi(), _vintage())
    assert remittances.comparison_year(series, 2012) == 2012
    assert remittances.comparison_year(series, 2020) == 2012
    assert remittances.cost_year(2012, _vintage()) == 2012
    assert remittances.cost_year(2024, _vintage()) == 2013
    assert remittances.cost_year(1990, _vintage()) == 2011


def test_rank_ignores_missing_values():
    table = pd.DataFrame({"iso3": ["MLI", "SEN", "MRT", "NER"], "x": [5.0, 9.0, None, 1.0]})
    assert remittances.rank_of(table, "x", "MLI") == (2, 3)
    assert remittances.rank_of(table, "x", "SEN") == (1, 3)
    with pytest.raises(KeyError):
        remittances.rank_of(table, "x", "MRT")


def test_in_three_currencies_has_no_euro_before_1999():
    wdi = pd.concat(
        [_wdi(), pd.DataFrame(_wdi_rows("MLI", "PA.NUS.FCRF", {1990: 250.0}))], ignore_index=True
    )
    out = remittances.in_three_currencies(10.0, 2012, wdi)
    assert out["xof"] == pytest.approx(5_000.0)
    assert out["eur"] == pytest.approx(5_000.0 / 655.957)
    early = remittances.in_three_currencies(10.0, 1990, wdi)
    assert early["xof"] == pytest.approx(2_500.0)
    assert pd.isna(early["eur"])


def test_largest_fall_finds_the_steepest_step():
    series = pd.Series([11.0, 11.5, 5.0, 5.5, 4.0], index=[2011, 2012, 2013, 2014, 2015])
    fall = remittances.largest_fall(series)
    assert (fall["from_year"], fall["to_year"]) == (2012, 2013)
    assert fall["change"] == pytest.approx(-6.5)
    with pytest.raises(ValueError):
        remittances.largest_fall(pd.Series([1.0], index=[2000]))


def test_with_xof_converts_each_year_at_its_rate_and_finds_divergence():
    series = pd.DataFrame({"year": [2011, 2012, 2020], "remittances_usd": [80.0, 100.0, 90.0]})
    out = remittances.with_xof(series, _wdi())
    assert out["year"].tolist() == [2012, 2020]  # no rate for 2011 in the test table
    assert out["remittances_xof"].tolist() == pytest.approx([50_000.0, 54_000.0])
    assert remittances.currency_divergence(out) == [2020]  # fewer dollars, more francs


def test_no_cfa_franc_amount_before_mali_rejoined_the_cfa_franc():
    series = remittances.with_xof(remittances.mali_series())
    before = series[series["year"] < 1984]
    assert len(before) and before["remittances_xof"].isna().all()
    assert series.loc[series["year"] >= 1984, "remittances_xof"].notna().all()
    assert (
        remittances.in_three_currencies(1e6, 1980)["xof"]
        != remittances.in_three_currencies(1e6, 1980)["xof"]
    ), "NaN: the Malian franc, not the CFA franc, was in use"


def test_every_aggregate_name_of_the_wdi_has_french():
    from diaspora_helpers import load

    wdi = load("wdi_indicators")
    names = set(wdi.loc[wdi["is_aggregate"].astype(bool), "country_name"].astype(str))
    assert names <= set(remittances.AGGREGATE_NAMES), "mark the new name with N_()"


def test_per_person_and_document_links_in_french():
    from diaspora_helpers import setup

    setup(language="fr")
    compared = labelled(remittances.per_person(2012, ["MLI", "SEN", "CIV", "WLD", "SSF"]))
    assert list(compared["country"]) == [
        "Mali",
        "Sénégal",
        "Côte d’Ivoire",
        "Monde",
        "Afrique subsaharienne",
    ]
    links = remittances.document_links()
    assert set(links["what"]) == {"constraint", "strategy"}  # codes, in every edition
    assert set(labelled(links)["what"]) == {"Contrainte", "Stratégie"}
