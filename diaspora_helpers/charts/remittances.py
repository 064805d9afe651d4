"""Charts of notebook 02: remittances over time and against GDP, Mali among its peers,
bilateral senders, the cost of sending money and a lower-cost scenario.

Each function takes tables already computed by ``analysis.remittances`` and returns a
finished figure (title, subtitle, source line) for ``files.show``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from diaspora_helpers import constants, i18n, tables, text
from diaspora_helpers.analysis import remittances
from diaspora_helpers.charts import style
from diaspora_helpers.charts.style import barh_house
from diaspora_helpers.data import countries, currency
from diaspora_helpers.i18n import _, ngettext


def _threshold(value: float) -> str:
    """A threshold in percent with the digits it needs: ``5`` -> '5%', ``2.75`` -> '2.75%'."""
    shown = f"{float(value):g}"
    return text.percent(value, len(shown.split(".")[1]) if "." in shown else 0)


def _whole(value: float, _position: object = None) -> str:
    """An axis tick or bar label: a whole number with the language's separators."""
    return text.number(value)


def _percent_tick(value: float, _position: object = None) -> str:
    """An axis tick in percent, without decimals: '5%' ('5 %')."""
    return text.percent(value, 0)


def remittances_over_time(
    series: pd.DataFrame, focus_year: int, doc_year: int, amount: dict[str, float]
) -> Figure:
    """Remittances to Mali in USD (left) and CFA francs (right), chosen year and document."""
    peak = series.loc[series["remittances_usd"].idxmax()]  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label
    in_focus = series[series["year"] == focus_year].iloc[0]
    fig, (left, right) = style.titled_figure(
        _(
            "Mali received USD {focus_usd} in remittances in {focus_year}; the peak was "
            "USD {peak_usd} in {peak_year}"
        ).format(
            focus_usd=text.amount(in_focus["remittances_usd"], 0),
            focus_year=focus_year,
            peak_usd=text.amount(peak["remittances_usd"], 0),
            peak_year=int(peak["year"]),
        ),
        _(
            "Personal remittances received by Mali per year, in two panels: millions of "
            "current USD, and billions of CFA francs at each year's official rate from {year}, "
            "when Mali rejoined the CFA franc after issuing its own"
        ).format(year=currency.CFA_SINCE_YEAR),
        _(
            "World Bank, {copy} (BX.TRF.PWKR.CD.DT, PA.NUS.FCRF); source document section 1.1 "
            "(BCEAO 2012, diamond)"
        ).format(copy=style.wdi_copy()),
        ncols=2,
    )
    left.plot(series["year"], series["remittances_usd"] / 1e6, color=style.PALETTE["wb"])
    left.scatter(
        [focus_year],
        [in_focus["remittances_usd"] / 1e6],
        color=style.PALETTE["ink"],
        zorder=3,
        label=_("Chosen year ({year})").format(year=focus_year),
    )
    left.scatter(
        [doc_year],
        [amount["usd"] / 1e6],
        marker="D",
        color=style.PALETTE["mali"],
        zorder=4,
        label=_("Document (at that year's rate)"),
    )
    left.set_title(_("USD, millions"))
    left.yaxis.set_major_formatter(_whole)
    left.legend(loc="upper left", fontsize=8.5)
    right.plot(series["year"], series["remittances_xof"] / 1e9, color=style.PALETTE["wb"])
    right.set_xlim(left.get_xlim())
    if in_focus["remittances_xof"] == in_focus["remittances_xof"]:  # not NaN: 1984 or later
        right.scatter(
            [focus_year], [in_focus["remittances_xof"] / 1e9], color=style.PALETTE["ink"], zorder=3
        )
    right.scatter(
        [doc_year], [amount["xof"] / 1e9], marker="D", color=style.PALETTE["mali"], zorder=4
    )
    right.set_title(_("CFA francs, billions"))
    right.yaxis.set_major_formatter(_whole)
    return fig


def remittances_share_of_gdp_two_releases(series: pd.DataFrame, compare_year: int) -> Figure:
    """Remittances as a share of GDP in the 2022 release (dashed) and the 2026 one (solid)."""
    both = series.dropna(subset=["share_2022_published_pct"])
    published = remittances.value_in(series, compare_year, "share_2022_published_pct")
    derived = remittances.value_in(series, compare_year, "share_2026_derived_pct")
    fig, ax = style.titled_figure(
        _(
            "Remittances in {year}: {published} of GDP as published in 2022, {derived} with the "
            "2026 copy's GDP"
        ).format(
            year=compare_year, published=text.percent(published), derived=text.percent(derived)
        ),
        _(
            "Personal remittances received by Mali, percent of GDP: as published in the 2022 "
            "release (dashed) and derived from the 2026 copy's remittances and GDP (solid)"
        ),
        _(
            "World Bank, {release} (BX.TRF.PWKR.DT.GD.ZS) and {copy} (100 × BX.TRF.PWKR.CD.DT "
            "/ NY.GDP.MKTP.CD)"
        ).format(copy=style.wdi_copy(), release=style.wdi_release()),
    )
    ax.plot(
        both["year"],
        both["share_2022_published_pct"],
        linestyle="--",
        color=constants.EDGE_GREY,  # a series to read: 4.5:1 on white
        label=_("2022 release, published"),
    )
    ax.plot(
        series["year"],
        series["share_2026_derived_pct"],
        color=style.PALETTE["wb"],
        label=_("2026 copy, derived"),
    )
    ax.axvline(compare_year, color=style.PALETTE["light"], linewidth=1, zorder=0)
    ax.set_ylim(0, None)
    ax.yaxis.set_major_formatter(_percent_tick)
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
        label=i18n.labelled(compared)["country"],  # an aggregate's name in the edition's words
        share=compared["share_2026_derived_pct"].fillna(0),
        per_emigrant=compared["per_emigrant_usd"].fillna(0),
    )
    colours = [
        style.PALETTE["mali"]
        if c == "MLI"
        else (style.PALETTE["grey"] if c in aggregates else style.PALETTE["wb"])
        for c in plot["iso3"]
    ]
    fig, (left, right) = style.titled_figure(
        _("Mali ranked {rank} of {ranked} on remittances as a share of GDP in {year}").format(
            rank=text.ordinal(int(rank)), ranked=text.spelled(ranked), year=focus_year
        ),
        _(
            "Personal remittances received, in two panels: percent of GDP, derived from the "
            "2026 copy; USD per migrant from the country living abroad, as UN DESA counts them; "
            "grey: World Bank aggregates"
        ),
        _(
            "World Bank, {copy} (BX.TRF.PWKR.CD.DT, NY.GDP.MKTP.CD); UN DESA, International "
            "Migrant Stock 2020 (emigrants, {year})"
        ).format(year=int(mali["un_year"]), copy=style.wdi_copy()),
        ncols=2,
        figsize=(9.0, 2.6 + 0.3 * len(plot)),
    )
    for ax, column, unit in ((left, "share", "%"), (right, "per_emigrant", "")):
        ax.barh(plot["label"], plot[column], color=colours)
        barh_house(ax)
        source = compared["share_2026_derived_pct" if column == "share" else "per_emigrant_usd"]
        for y, (value, raw) in enumerate(zip(plot[column], source, strict=True)):
            ax.text(
                value,
                y,
                " "
                + (_("no data") if raw != raw else text.percent(value) if unit else _whole(value)),
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, plot[column].max() * 1.3)
    left.set_title(_("% of GDP"))
    right.set_title(_("USD per emigrant"))
    right.set_yticks(range(len(plot)), [""] * len(plot))
    left.xaxis.set_major_formatter(_percent_tick)
    right.xaxis.set_major_formatter(_whole)
    return fig


def bilateral_senders_2017(shown: pd.DataFrame, top_two: pd.DataFrame) -> Figure:
    """Bars of the model's remittances from each country, its artefact zeros noted in red.

    ``top_two``: the two largest senders (``iso3``, ``share_pct``), named in the title as a
    sentence of the edition names them (:func:`countries.in_sentence`)."""
    fig, ax = style.titled_figure(
        _("{first} and {second} send {share} of Mali's remittances in the 2017 model").format(
            first=countries.in_sentence(top_two["iso3"].iloc[0]),
            second=countries.in_sentence(top_two["iso3"].iloc[1]),
            share=text.percent(top_two["share_pct"].sum(), 0),
        ),
        _(
            "Estimated remittances from each country to Mali in 2017, millions of USD (model "
            "estimates; terracotta note: the model gives zero although many people born in "
            "Mali live there)"
        ),
        _(
            "World Bank/KNOMAD, Bilateral Remittance Matrix 2017 (April 2018 version) and "
            "Bilateral Migration Matrix 2017"
        ),
        figsize=(9.0, 2.4 + 0.32 * len(shown)),
    )
    ax.barh(shown["country"], shown["usd_millions"], color=style.PALETTE["wb"])
    barh_house(ax)
    for y, row in enumerate(tables.rows(shown)):
        note = " " + (
            ngettext(
                "0 in the model, yet {n} person born in Mali lives there",
                "0 in the model, yet {n} people born in Mali live there",
                int(row.malians_there_2017),
            ).format(n=text.number(row.malians_there_2017))
            if row.model_artefact
            else text.number(row.usd_millions, 1)
        )
        ax.text(
            row.usd_millions,
            y,
            note,
            va="center",
            fontsize=8.5,
            color=style.PALETTE["mali"] if row.model_artefact else style.PALETTE["ink"],
            wrap=True,  # the long note takes two lines where the figure is narrow (phone)
        )
    ax.set_xlim(0, shown["usd_millions"].max() * 1.25)
    ax.xaxis.set_major_formatter(_whole)
    return fig


#: The corridors' colours and marker shapes, in the order of the corridors' names.
CORRIDOR_COLOURS = (constants.BLUE, constants.TERRACOTTA, constants.BLUISH_GREEN, constants.INDIGO)
CORRIDOR_MARKERS = ("o", "s", "^", "D")
#: How far (points) under the corridor plot its legend starts: below the years on the x axis.
LEGEND_BELOW_PT = 22.0


def corridor_costs_into_mali(
    costs: pd.DataFrame,
    average: pd.Series,
    test: pd.Series,
    ceiling_pct: float,
    target_cost_pct: float,
) -> Figure:
    """Cost of each corridor by quarter, with the SDG 10.c ceiling that applies to corridors.

    ``costs`` is ``analysis.remittances.corridor_costs``; ``average`` the World Bank's
    yearly average cost for Mali (drawn as steps, for reading only: the ceiling does not
    apply to it); ``test`` one row of ``analysis.targets.corridor_test`` (the year the
    title reports); ``ceiling_pct`` the corridor ceiling and ``target_cost_pct`` the
    scenario's cost, both in percent.
    """
    fig, ax = style.titled_figure(
        ngettext(
            "In {year}, {above} of {corridors} corridors into Mali cost more than the SDG "
            "ceiling of {ceiling}",
            "In {year}, {above} of {corridors} corridors into Mali cost more than the SDG "
            "ceiling of {ceiling}",
            int(test["above_ceiling"]),
        ).format(
            year=int(test["year"]),
            above=text.spelled(int(test["above_ceiling"])),
            corridors=text.spelled(int(test["corridors"])),
            ceiling=_threshold(ceiling_pct),
        ),
        _(
            "Total cost of sending the equivalent of USD 200, percent of the amount sent, by "
            "corridor and quarter; a corridor is judged on the mean of the quarters of a year; "
            "black steps: the World Bank's yearly average for Mali"
        ),
        _(
            "World Bank, Remittance Prices Worldwide (ATCR.CORR, DataBank export of {exported}); "
            "{release} (SI.RMT.COST.IB.ZS); SDG target 10.c"
        ).format(exported=text.date_words(constants.RPW_EXPORTED), release=style.wdi_release()),
    )
    # Each corridor has its own colour (all 3:1 or more on white) and its own marker shape, so
    # no line is told apart by colour alone (WCAG 1.4.1, r25e).
    looks = zip(CORRIDOR_COLOURS, CORRIDOR_MARKERS, strict=True)
    for (colour, marker), (corridor, part) in zip(looks, costs.groupby("corridor"), strict=False):
        ax.plot(
            part["time"],
            part["cost_pct"],
            marker=marker,
            markersize=3.5,
            color=colour,
            label=corridor,
        )
    steps_x = [*average.index, average.index[-1] + 1]
    steps_y = [*average, average.iloc[-1]]
    ax.step(
        steps_x,
        steps_y,
        where="post",
        color=style.PALETTE["ink"],
        linewidth=1.6,
        label=_("Mali, yearly average"),
    )
    ax.axhline(
        ceiling_pct,
        color=constants.EDGE_GREY,
        linestyle="--",
        linewidth=1.2,
        label=_("SDG 10.c ceiling for each corridor ({ceiling})").format(
            ceiling=_threshold(ceiling_pct)
        ),
    )
    ax.axhline(
        target_cost_pct,
        color=constants.TEXT_GREY,
        linestyle=":",
        linewidth=1.6,
        label=_("Scenario cost ({cost})").format(cost=_threshold(target_cost_pct)),
    )
    ax.set_ylim(0, costs["cost_pct"].max() * 1.08)
    ax.yaxis.set_major_formatter(_percent_tick)
    # Under the plot, below the years: inside it, the ceiling's entry sat on a corridor's
    # spike (Nigeria, 2017); under it, no entry covers a line whatever the data.
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        bbox_transform=offset_copy(ax.transAxes, fig=fig, y=-LEGEND_BELOW_PT, units="points"),
        borderaxespad=0.0,
        fontsize=8.5,
        ncols=2,
    )
    return fig


def scenario_lower_costs(
    scenario: pd.DataFrame, target_cost_pct: float, total_gain: float, cost_in: int
) -> Figure:
    """Bars of the scenario's yearly gain in USD, the year ``cost_in`` highlighted."""
    fig, ax = style.titled_figure(
        _("Scenario: a {cost} cost would have added USD {gain} in {start}–{end}").format(
            cost=_threshold(target_cost_pct),
            gain=text.amount(total_gain, 0),
            start=int(scenario["year"].min()),
            end=int(scenario["year"].max()),
        ),
        _(
            "SCENARIO, not observed: extra money reaching Mali each year had sending cost "
            "{cost} instead of the measured average, millions of USD; gain = R(c − t), R the "
            "recorded remittances; highlighted: {year}"
        ).format(cost=_threshold(target_cost_pct), year=cost_in),
        _(
            "World Bank, {copy} (BX.TRF.PWKR.CD.DT) and {release} (SI.RMT.COST.IB.ZS); "
            "collection's own calculation"
        ).format(copy=style.wdi_copy(), release=style.wdi_release()),
    )
    colours = [
        style.PALETTE["mali"] if y == cost_in else style.PALETTE["wb"] for y in scenario["year"]
    ]
    bars = ax.bar(scenario["year"], scenario["gain_usd"] / 1e6, color=colours)
    ax.bar_label(
        bars, labels=[_whole(v / 1e6) for v in scenario["gain_usd"]], padding=2, fontsize=8.5
    )
    ax.set_xticks(scenario["year"].tolist())
    ax.set_ylim(0, max(scenario["gain_usd"].max() / 1e6 * 1.15, 1))
    ax.yaxis.set_major_formatter(_whole)
    return fig
