"""Charts of the overview, demographics and remittances notebooks, in the house style.

Each function takes tables and values already computed by ``figures``, ``demography`` or
``remittances``, draws one chart on a figure from ``charts.titled_figure`` and returns the
figure for ``charts.show``. Like ``charts`` and ``diagrams``, it never loads data itself;
the map is drawn by ``maps``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from diaspora_helpers import charts, maps, remittances, text

#: Bar colours of the destinations chart, by region group; other rows are light grey.
REGION_COLOURS = {
    "Sub-Saharan Africa": charts.PALETTE["un"],
    "Northern Africa": charts.PALETTE["un"],
    "Europe": charts.PALETTE["mali"],
    "Elsewhere": charts.PALETTE["wb"],
}
#: Classes of the map of Malians abroad: lower bounds (persons) and their legend labels.
MAP_BINS = [1, 1_000, 10_000, 50_000, 100_000]
MAP_LABELS = [
    "fewer than 1,000",
    "1,000 to 9,999",
    "10,000 to 49,999",
    "50,000 to 99,999",
    "100,000 or more",
]


def _barh_house(ax: Axes) -> None:
    """Turn a horizontal bar chart's grid to vertical lines, first row at the top."""
    ax.invert_yaxis()
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)


# ------------------------------------------------------------------------- 00 overview


def document_malians_abroad(parts: pd.DataFrame, africa_pct: float) -> Figure:
    """Bar chart of the document's Malians abroad by place of residence."""
    fig, ax = charts.titled_figure(
        f"The document places {text.percent(africa_pct, 1)} of Malians abroad elsewhere in Africa",
        "Malians living abroad by place of residence, persons (administrative estimates, "
        "as printed in the source document)",
        "Source: the source document, section 1.1 (administrative sources); 'not placed' is the "
        "total minus Africa and Europe",
    )
    colours = [charts.PALETTE["admin"]] * 3 + [charts.PALETTE["light"]]
    ax.barh(parts["where"], parts["persons"], color=colours)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda x, _: f"{x / 1e6:.1f} m")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    for y, value in enumerate(parts["persons"]):
        ax.text(value, y, f"  {text.number(value)}", va="center", fontsize=9)
    return fig


# --------------------------------------------------------------------- 01 demographics


def population_census_and_estimate(series: pd.DataFrame, population: pd.DataFrame) -> Figure:
    """Line of the World Bank's population estimate with the census counts as labelled dots."""
    first, last = series.iloc[0], series.iloc[-1]
    fig, ax = charts.titled_figure(
        f"Mali's estimated population: {text.millions(first['population'], 1)} in "
        f"{int(first['year'])}, {text.millions(last['population'], 1)} in {int(last['year'])}",
        "Resident population, millions: World Bank yearly estimate (line) and census counts (dots)",
        "World Bank, World Development Indicators (SP.POP.TOTL, July 2026 release); "
        "INSTAT census counts RGPH 2009 and RGPH5 2022 as relayed by the press",
    )
    ax.plot(
        series["year"],
        series["population"] / 1e6,
        color=charts.PALETTE["wb"],
        label="World Bank estimate",
    )
    ax.scatter(
        population["year"],
        population["census_count"] / 1e6,
        color=charts.PALETTE["mali"],
        zorder=3,
        label="Census count",
    )
    for row in population.itertuples():
        ax.annotate(
            row.census,
            (row.year, row.census_count / 1e6),
            textcoords="offset points",
            xytext=(6, -14),
            fontsize=9,
        )
    ax.set_ylim(0, None)
    ax.set_xlim(series["year"].min() - 1, series["year"].max() + 5)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.0f} m")
    ax.legend(loc="upper left")
    return fig


def malians_abroad_three_sources(
    over_time: pd.DataFrame, admin: pd.Series, wb: pd.Series, year: int, un_abroad: float
) -> Figure:
    """UN series of Malians abroad against the World Bank point and the administrative line."""
    ratio = admin["persons"] / un_abroad
    fig, ax = charts.titled_figure(
        f"The administrative figure is {ratio:.1f} times the UN's count for {year}",
        "Malians living abroad, millions of persons, by source and year",
        "UN DESA, International Migrant Stock 2020 (emigrants, both sexes); World Bank/KNOMAD "
        "Bilateral Migration Matrix 2017; source document section 1.1 (administrative sources, "
        "no year)",
    )
    ax.plot(
        over_time.index,
        over_time["total"] / 1e6,
        marker="o",
        color=charts.PALETTE["un"],
        label="UN DESA, born in Mali",
    )
    ax.scatter(
        [wb["year"]],
        [wb["persons"] / 1e6],
        color=charts.PALETTE["wb"],
        marker="D",
        s=50,
        zorder=3,
        label="World Bank/KNOMAD 2017",
    )
    ax.axhline(
        admin["persons"] / 1e6,
        color=charts.PALETTE["admin"],
        linestyle="--",
        label="Administrative figure (no year given)",
    )
    ax.scatter(
        [year],
        [un_abroad / 1e6],
        s=160,
        facecolors="none",
        edgecolors=charts.PALETTE["ink"],
        zorder=4,
        label=f"Chosen year ({year})",
    )
    ax.set_ylim(0, admin["persons"] / 1e6 * 1.15)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.1f} m")
    ax.legend(loc="center right")
    return fig


def top_destinations(top: pd.DataFrame, named: pd.DataFrame, year: int) -> Figure:
    """Bars of the largest communities of people born in Mali, coloured by region group."""
    colours = top["region_group"].map(REGION_COLOURS).fillna(charts.PALETTE["light"])
    fig, ax = charts.titled_figure(
        f"{text.percent(named['share_pct'].iloc[0])} of Malians abroad lived in "
        f"{named['country'].iloc[0]} in {year}",
        "People born in Mali living in each country, thousands (blue: Africa, terracotta: "
        "Europe, green: elsewhere, grey: all other countries)",
        "UN DESA, International Migrant Stock 2020, bilateral stock by origin and destination "
        "(both sexes)",
        figsize=(9.0, 2.2 + 0.32 * len(top)),
    )
    ax.barh(top["country"], top["persons"] / 1e3, color=colours.tolist())
    _barh_house(ax)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}k")
    for y, value in enumerate(top["persons"]):
        ax.text(value / 1e3, y, f" {text.number(value)}", va="center", fontsize=8.5)
    ax.set_xlim(0, top["persons"].max() / 1e3 * 1.18)
    return fig


def map_malians_abroad(
    by_country: pd.DataFrame, in_africa: int, named_count: int, year: int
) -> Figure:
    """Map of people born in Mali living in each country, by class of size."""
    fig, ax = charts.titled_figure(
        f"{in_africa} of the {named_count} largest Malian communities abroad in {year} are in "
        "Africa",
        "People born in Mali living in each country, by class (persons)",
        "UN DESA, International Migrant Stock 2020 (both sexes); country outlines from the "
        "countryinfo package; the map shows Africa, Europe and the Near East only",
        figsize=(8.0, 8.6),
    )
    handles = maps.choropleth(ax, by_country.set_index("iso3")["persons"], MAP_BINS, MAP_LABELS)
    ax.legend(handles=handles, loc="lower left", title="Malians living there", fontsize=9)
    return fig


def change_by_destination(
    change: pd.DataFrame, start: int, end: int, total_start: float, total_end: float
) -> Figure:
    """Dumbbells of each community's size in the first (ring) and last (dot) year."""
    grew = change.sort_values("change", ascending=False).iloc[0]
    fig, ax = charts.titled_figure(
        f"{text.number(total_start)} Malians abroad in {start}, {text.number(total_end)} in "
        f"{end}; most growth in {grew['country']}",
        f"People born in Mali living in each country in {start} (ring) and {end} (dot), "
        f"thousands; the {len(change)} largest communities of {end}",
        "UN DESA, International Migrant Stock 2020 (both sexes)",
        figsize=(9.0, 2.2 + 0.32 * len(change)),
    )
    rows = range(len(change))
    ax.hlines(
        rows,
        change[f"persons_{start}"] / 1e3,
        change[f"persons_{end}"] / 1e3,
        color=charts.PALETTE["light"],
        linewidth=3,
    )
    ax.scatter(
        change[f"persons_{end}"] / 1e3,
        rows,
        color=charts.PALETTE["un"],
        s=45,
        zorder=3,
        label=str(end),
    )
    ax.scatter(
        change[f"persons_{start}"] / 1e3,
        rows,
        facecolors="none",
        edgecolors=charts.PALETTE["ink"],
        s=110,
        zorder=4,
        label=str(start),
    )
    ax.set_yticks(list(rows), change["country"])
    _barh_house(ax)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}k")
    ax.legend(loc="lower right")
    return fig


def women_share_by_destination(women: pd.DataFrame, overall: float, year: int) -> Figure:
    """Bars of women's share by destination, with the all-destinations share dashed."""
    shares = women["women_share_pct"]
    fig, ax = charts.titled_figure(
        f"Women were {text.percent(overall)} of Malians abroad in {year}, "
        f"{text.percent(shares.min(), 0)} to {text.percent(shares.max(), 0)} by country",
        "Women as a share of people born in Mali living in each country, percent; dashed line: "
        "all destinations",
        "UN DESA, International Migrant Stock 2020, by sex",
        figsize=(9.0, 2.2 + 0.32 * len(women)),
    )
    ax.barh(women["country"], shares, color=charts.PALETTE["un"])
    ax.axvline(overall, color=charts.PALETTE["ink"], linestyle="--", linewidth=1)
    ax.axvline(50, color=charts.PALETTE["grey"], linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}%")
    return fig


def document_vs_un_by_region(ratios: pd.Series, year: int) -> Figure:
    """Bars of the document's figure divided by the UN's count, for Africa, Europe, France."""
    fig, ax = charts.titled_figure(
        f"Document ÷ UN {year}: {ratios['Africa']:.1f}× in Africa, {ratios['Europe']:.1f}× in "
        f"Europe, {ratios['France']:.1f}× in France",
        "Document's administrative figure divided by the UN's count of people born in Mali "
        "living there (1 = the two agree)",
        f"Source document section 1.1 (administrative sources); UN DESA, International Migrant "
        f"Stock 2020 ({year}, both sexes; Africa and Europe as countryinfo regions)",
    )
    bars = ax.bar(
        ratios.index, ratios.to_numpy(), color=[charts.PALETTE["admin"]] * len(ratios), width=0.55
    )
    ax.axhline(1, color=charts.PALETTE["ink"], linewidth=1)
    ax.bar_label(bars, labels=[f"{r:.2f}×" for r in ratios], padding=3)
    ax.set_ylim(0, ratios.max() * 1.2)
    ax.yaxis.set_major_locator(MultipleLocator(1))
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.0f}×")
    return fig


def foreigners_in_mali(immigrants: pd.Series, foreign: pd.Series, ratio: float) -> Figure:
    """UN line of people born abroad living in Mali against the census's foreign nationals."""
    census_year = foreign["reference_year"]
    fig, ax = charts.titled_figure(
        f"The UN counts {ratio:.1f}× as many born abroad as the census counted foreigners",
        f"People living in Mali, thousands: born abroad (UN DESA, line) and foreign nationals "
        f"({census_year} census, dot); ratio for {census_year}, UN interpolated",
        "UN DESA, International Migrant Stock 2020 (immigrants, both sexes); source document "
        "section 1.1 (RGPH 2009)",
    )
    ax.plot(
        immigrants.index,
        immigrants / 1e3,
        marker="o",
        color=charts.PALETTE["un"],
        label="Born abroad (UN DESA)",
    )
    ax.scatter(
        [census_year],
        [foreign["value"] / 1e3],
        color=charts.PALETTE["mali"],
        s=60,
        zorder=3,
        label="Foreign nationals (census 2009)",
    )
    ax.set_ylim(0, immigrants.max() / 1e3 * 1.15)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}k")
    ax.legend(loc="upper left")
    return fig


# ---------------------------------------------------------------------- 02 remittances


def remittances_over_time(
    series: pd.DataFrame, focus_year: int, doc_year: int, amount: dict[str, float]
) -> Figure:
    """Remittances to Mali in USD (left) and CFA francs (right), chosen year and document."""
    peak = series.loc[series["remittances_usd"].idxmax()]
    in_focus = series[series["year"] == focus_year].iloc[0]
    fig, (left, right) = charts.titled_figure(
        f"Remittances to Mali: USD {text.number(in_focus['remittances_usd'] / 1e6)} million in "
        f"{focus_year}, peak USD {text.number(peak['remittances_usd'] / 1e6)} million in "
        f"{int(peak['year'])}",
        "Personal remittances received by Mali per year: millions of current USD (left) and "
        "billions of CFA francs at each year's official rate (right)",
        "World Bank, WDI July 2026 release (BX.TRF.PWKR.CD.DT, PA.NUS.FCRF); source document "
        "section 1.1 (BCEAO 2012, diamond)",
        ncols=2,
    )
    left.plot(series["year"], series["remittances_usd"] / 1e6, color=charts.PALETTE["wb"])
    left.scatter(
        [focus_year],
        [in_focus["remittances_usd"] / 1e6],
        color=charts.PALETTE["ink"],
        zorder=3,
        label=f"Chosen year ({focus_year})",
    )
    left.scatter(
        [doc_year],
        [amount["usd"] / 1e6],
        marker="D",
        color=charts.PALETTE["mali"],
        zorder=4,
        label="Document (at that year's rate)",
    )
    left.set_title("USD, millions")
    left.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}")
    left.legend(loc="upper left", fontsize=8.5)
    right.plot(series["year"], series["remittances_xof"] / 1e9, color=charts.PALETTE["wb"])
    right.scatter(
        [focus_year], [in_focus["remittances_xof"] / 1e9], color=charts.PALETTE["ink"], zorder=3
    )
    right.scatter(
        [doc_year], [amount["xof"] / 1e9], marker="D", color=charts.PALETTE["mali"], zorder=4
    )
    right.set_title("CFA francs, billions")
    right.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}")
    return fig


def remittances_share_of_gdp_two_releases(series: pd.DataFrame, compare_year: int) -> Figure:
    """Remittances as a share of GDP in the 2022 release (dashed) and the 2026 one (solid)."""
    both = series.dropna(subset=["share_2022_published_pct"])
    published = remittances.value_in(series, compare_year, "share_2022_published_pct")
    derived = remittances.value_in(series, compare_year, "share_2026_derived_pct")
    fig, ax = charts.titled_figure(
        f"Remittances in {compare_year}: {text.percent(published)} of GDP as published in 2022, "
        f"{text.percent(derived)} with the 2026 release's GDP",
        "Personal remittances received by Mali, percent of GDP: as published in the 2022 release "
        "(dashed) and derived from the 2026 release's remittances and GDP (solid)",
        "World Bank, WDI 2022-02-15 (BX.TRF.PWKR.DT.GD.ZS) and WDI 2026-07-01 "
        "(100 × BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD)",
    )
    ax.plot(
        both["year"],
        both["share_2022_published_pct"],
        linestyle="--",
        color=charts.PALETTE["grey"],
        label="2022 release, published",
    )
    ax.plot(
        series["year"],
        series["share_2026_derived_pct"],
        color=charts.PALETTE["wb"],
        label="2026 release, derived",
    )
    ax.axvline(compare_year, color=charts.PALETTE["light"], linewidth=1, zorder=0)
    ax.set_ylim(0, None)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.0f}%")
    ax.legend(loc="upper left")
    return fig


def mali_and_peers(
    compared: pd.DataFrame,
    aggregates: Sequence[str],
    mali: pd.Series,
    rank: int,
    ranked: int,
    focus_year: int,
) -> Figure:
    """Paired bars: share of GDP (left) and USD per emigrant (right), Mali highlighted."""
    plot = compared.assign(
        label=compared["country"],
        share=compared["share_2026_derived_pct"].fillna(0),
        per_emigrant=compared["per_emigrant_usd"].fillna(0),
    )
    colours = [
        charts.PALETTE["mali"]
        if c == "MLI"
        else (charts.PALETTE["grey"] if c in aggregates else charts.PALETTE["wb"])
        for c in plot["iso3"]
    ]
    fig, (left, right) = charts.titled_figure(
        f"Mali ranked {rank} of {ranked} on remittances as a share of GDP in {focus_year}",
        "Personal remittances received: percent of GDP, derived from the 2026 release (left); "
        "USD per person born in the country living abroad (right); grey: World Bank aggregates",
        f"World Bank, WDI 2026-07-01 (BX.TRF.PWKR.CD.DT, NY.GDP.MKTP.CD); UN DESA, International "
        f"Migrant Stock 2020 (emigrants, {int(mali['un_year'])})",
        ncols=2,
        figsize=(9.0, 2.6 + 0.3 * len(plot)),
    )
    for ax, column, unit in ((left, "share", "%"), (right, "per_emigrant", "")):
        ax.barh(plot["label"], plot[column], color=colours)
        _barh_house(ax)
        source = compared["share_2026_derived_pct" if column == "share" else "per_emigrant_usd"]
        for y, (value, raw) in enumerate(zip(plot[column], source, strict=True)):
            ax.text(
                value,
                y,
                " no data" if raw != raw else (f" {value:.1f}%" if unit else f" {value:,.0f}"),
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, plot[column].max() * 1.3)
    left.set_title("% of GDP")
    right.set_title("USD per emigrant")
    right.set_yticks(range(len(plot)), [""] * len(plot))
    left.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}%")
    right.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    return fig


def bilateral_senders_2017(shown: pd.DataFrame, top_two: pd.DataFrame) -> Figure:
    """Bars of the model's remittances from each country, its artefact zeros noted in red."""
    fig, ax = charts.titled_figure(
        f"{top_two['country'].iloc[0]} and {top_two['country'].iloc[1]} send "
        f"{text.percent(top_two['share_pct'].sum(), 0)} of Mali's remittances in the 2017 model",
        "Estimated remittances from each country to Mali in 2017, millions of USD (model "
        "estimates; red note: a zero the model produces although many people born in Mali live "
        "there)",
        "World Bank/KNOMAD, Bilateral Remittance Matrix 2017 (April 2018 version) and Bilateral "
        "Migration Matrix 2017",
        figsize=(9.0, 2.4 + 0.32 * len(shown)),
    )
    ax.barh(shown["country"], shown["usd_millions"], color=charts.PALETTE["wb"])
    _barh_house(ax)
    for y, row in enumerate(shown.itertuples()):
        note = (
            f" 0 in the model, yet {row.malians_there_2017:,.0f} people born in Mali live there"
            if row.model_artefact
            else f" {row.usd_millions:,.1f}"
        )
        ax.text(
            row.usd_millions,
            y,
            note,
            va="center",
            fontsize=8.5,
            color=charts.PALETTE["mali"] if row.model_artefact else charts.PALETTE["ink"],
        )
    ax.set_xlim(0, shown["usd_millions"].max() * 1.25)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    return fig


def corridor_costs_into_mali(
    costs: pd.DataFrame, average: pd.Series, above: int, corridors: int, target_cost_pct: float
) -> Figure:
    """Cost of each corridor by quarter, Mali's yearly average as steps, ceiling and scenario."""
    ceiling = remittances.SDG_CORRIDOR_CEILING_PCT
    fig, ax = charts.titled_figure(
        f"At their latest survey, {above} of {corridors} corridors into Mali cost more than "
        f"{ceiling:g}%",
        "Total cost of sending the equivalent of USD 200, percent of the amount sent, by corridor "
        "and quarter; black steps: the World Bank's yearly average for Mali",
        "World Bank, Remittance Prices Worldwide (ATCR.CORR, DataBank export of 2020-12-07); "
        "WDI 2022-02-15 (SI.RMT.COST.IB.ZS); SDG target 10.c",
    )
    for colour, (corridor, part) in zip(charts.SERIES, costs.groupby("corridor"), strict=False):
        ax.plot(
            part["time"], part["cost_pct"], marker="o", markersize=3, color=colour, label=corridor
        )
    steps_x = [*average.index, average.index[-1] + 1]
    steps_y = [*average, average.iloc[-1]]
    ax.step(
        steps_x,
        steps_y,
        where="post",
        color=charts.PALETTE["ink"],
        linewidth=1.6,
        label="Mali, yearly average",
    )
    ax.axhline(
        ceiling,
        color=charts.SERIES[4],
        linestyle="--",
        linewidth=1.2,
        label=f"SDG ceiling per corridor ({ceiling:g}%)",
    )
    ax.axhline(
        target_cost_pct,
        color=charts.SERIES[5],
        linestyle=":",
        linewidth=1.6,
        label=f"Scenario cost ({target_cost_pct:g}%)",
    )
    ax.set_ylim(0, costs["cost_pct"].max() * 1.08)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.0f}%")
    ax.legend(loc="upper left", fontsize=8.5, ncols=2)
    return fig


def scenario_lower_costs(
    scenario: pd.DataFrame, target_cost_pct: float, total_gain: float, cost_in: int
) -> Figure:
    """Bars of the scenario's yearly gain in USD, the year ``cost_in`` highlighted."""
    fig, ax = charts.titled_figure(
        f"Scenario: a {target_cost_pct:g}% cost would have added USD "
        f"{text.number(total_gain / 1e6)} million in {int(scenario['year'].min())}–"
        f"{int(scenario['year'].max())}",
        f"SCENARIO, not observed: extra money reaching Mali each year had sending cost "
        f"{target_cost_pct:g}% instead of the measured average, millions of USD; "
        f"gain = R(c − t)/(1 − c); highlighted: {cost_in}",
        "World Bank, WDI 2026-07-01 (BX.TRF.PWKR.CD.DT) and WDI 2022-02-15 (SI.RMT.COST.IB.ZS); "
        "collection's own calculation",
    )
    colours = [
        charts.PALETTE["mali"] if y == cost_in else charts.PALETTE["wb"] for y in scenario["year"]
    ]
    bars = ax.bar(scenario["year"], scenario["gain_usd"] / 1e6, color=colours)
    ax.bar_label(
        bars, labels=[f"{v / 1e6:,.0f}" for v in scenario["gain_usd"]], padding=2, fontsize=8.5
    )
    ax.set_xticks(scenario["year"].tolist())
    ax.set_ylim(0, max(scenario["gain_usd"].max() / 1e6 * 1.15, 1))
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}")
    return fig
