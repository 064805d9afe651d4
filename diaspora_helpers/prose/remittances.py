"""Sentences of notebook 02 (remittances), in the edition's language.

Each function takes values and tables already computed by ``analysis.remittances`` and
``analysis.targets`` and returns a :class:`~diaspora_helpers.text.Prose` paragraph.
Amounts are in US$ (or CFA francs, ``XOF``) as the analysis returns them, not in millions;
percentages are in percent (``5.59`` for 5.59%). A sentence that depends on the data
(a condition met or not) is written whole in each variant, never pieced together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis import targets
from diaspora_helpers.data import countries, currency
from diaspora_helpers.i18n import _, ngettext


def _threshold(value: float) -> str:
    """A threshold in percent with the digits it needs: ``5`` -> '5%', ``2.75`` -> '2.75%'."""
    shown = f"{float(value):g}"
    return text.percent(value, len(shown.split(".")[1]) if "." in shown else 0)


def _years(years: Sequence[int]) -> str:
    """Years joined by commas: '2015, 2019, 2022'."""
    return ", ".join(str(int(y)) for y in years)


def document_figure(amount: Mapping[str, float], original_source: str) -> text.Prose:
    """The document's amount in three currencies against the World Bank's figure.

    ``amount`` is ``analysis.remittances.document_amount`` (keys ``year``, ``xof``, ``eur``,
    ``usd``, ``xof_per_usd``, ``wb_usd``, ``wb_xof``, ``document_over_wb_pct``);
    ``original_source`` names where the document took its figure (e.g. 'BCEAO 2012').
    """
    values = {
        "xof": text.billions(amount["xof"], 0),
        "source": original_source,
        "eur": text.amount(amount["eur"], 0),
        "parity": text.number(currency.XOF_PER_EUR, 3),
        "usd": text.amount(amount["usd"], 0),
        "year": int(amount["year"]),
        "rate": text.number(amount["xof_per_usd"], 1),
        "wb_usd": text.amount(amount["wb_usd"], 0),
        "wb_xof": text.billions(amount["wb_xof"], 1),
        "gap": text.percent(abs(amount["document_over_wb_pct"])),
    }
    if amount["document_over_wb_pct"] > 0:
        sentence = _(
            "The document's {xof} CFA francs ({source}) are €{eur} at the fixed parity of "
            "{parity} francs per euro, and USD {usd} at the average rate of {year} ({rate} "
            "francs per dollar). For the same year the World Bank records USD {wb_usd} of "
            "personal remittances received (BX.TRF.PWKR.CD.DT, 2026 copy), or {wb_xof} "
            "francs: the document's figure is {gap} higher."
        )
    else:
        sentence = _(
            "The document's {xof} CFA francs ({source}) are €{eur} at the fixed parity of "
            "{parity} francs per euro, and USD {usd} at the average rate of {year} ({rate} "
            "francs per dollar). For the same year the World Bank records USD {wb_usd} of "
            "personal remittances received (BX.TRF.PWKR.CD.DT, 2026 copy), or {wb_xof} "
            "francs: the document's figure is {gap} lower."
        )
    return text.say(sentence.format(**values))


def chosen_year(focus: Mapping[str, float], year: int) -> text.Prose:
    """The chosen year's remittances in US$, CFA francs and euros, where each exists.

    ``focus`` is ``analysis.remittances.in_three_currencies`` (``usd``, ``xof``, ``eur``;
    NaN where the currency did not apply that year).
    """
    usd = text.amount(focus["usd"], 0)
    if focus["xof"] != focus["xof"]:  # NaN: before Mali rejoined the CFA franc
        sentence = _(
            "In the chosen year, {year}, the World Bank records USD {usd}: a year when Mali "
            "still issued its own franc (it rejoined the CFA franc in {cfa_year}), so no CFA "
            "franc amount is given."
        )
        return text.say(sentence.format(year=year, usd=usd, cfa_year=currency.CFA_SINCE_YEAR))
    xof = text.billions(focus["xof"], 1)
    if focus["eur"] != focus["eur"]:  # NaN: before the euro
        sentence = _(
            "In the chosen year, {year}, the World Bank records USD {usd}: {xof} CFA francs at "
            "that year's rate (the euro did not yet exist)."
        )
        return text.say(sentence.format(year=year, usd=usd, xof=xof))
    sentence = _(
        "In the chosen year, {year}, the World Bank records USD {usd}: {xof} CFA francs at "
        "that year's rate, or €{eur}."
    )
    return text.say(sentence.format(year=year, usd=usd, xof=xof, eur=text.amount(focus["eur"], 0)))


def franc_panel() -> text.Prose:
    """Why the CFA franc panel starts in ``currency.CFA_SINCE_YEAR`` (1984)."""
    sentence = _(
        "Mali issued its own franc until it rejoined the CFA franc in {year}, so the franc "
        "panel starts in {year}: before then the World Bank's rate is the CFA franc's, not "
        "that of the currency Mali used."
    )
    return text.say(sentence.format(year=currency.CFA_SINCE_YEAR))


def growth(series: pd.DataFrame, divergent: Sequence[int]) -> text.Prose:
    """Growth of remittances from the first to the last year, and the years in which the
    dollar and franc series moved in opposite directions.

    ``series`` is ``analysis.remittances.with_xof`` (``year``, ``remittances_usd``,
    ``remittances_xof``); ``divergent`` is ``analysis.remittances.currency_divergence``.
    """
    first, last = series.iloc[0], series.iloc[-1]
    steps = len(series.dropna(subset=["remittances_xof"])) - 1
    sentence = _(
        "Recorded remittances grew from USD {first_usd} in {first_year} to USD {last_usd} in "
        "{last_year}. In {n} of the {steps} year-to-year steps since {cfa_year} the dollar "
        "and franc series moved in opposite directions (the latest: {latest}): part of what "
        "looks like a change in dollars is a change in the exchange rate."
    )
    return text.say(
        sentence.format(
            first_usd=text.amount(first["remittances_usd"], 0),
            first_year=int(first["year"]),
            last_usd=text.amount(last["remittances_usd"], 0),
            last_year=int(last["year"]),
            n=text.spelled(len(divergent)),
            steps=text.spelled(steps),
            cfa_year=currency.CFA_SINCE_YEAR,
            latest=_years(divergent[-3:]),
        )
    )


def vintages(gap: float, focus_year: int, compare_year: int) -> text.Prose:
    """How much larger the published 2022 share of GDP is than the derived 2026 one.

    ``gap`` is ``analysis.remittances.vintage_gap`` (a ratio, e.g. 1.19); ``compare_year``
    the year the chart's title uses (``analysis.remittances.comparison_year``).
    """
    sentence = _(
        "Over the years both vintages cover, the published share is typically {gap} times the "
        "derived one (median of the yearly ratios), that is {excess} higher. Neither is wrong: "
        "each divides by the GDP of its own vintage. Quote the vintage with the number."
    ).format(gap=text.number(gap, 2), excess=text.percent(100 * (gap - 1), 0))
    if compare_year != focus_year:
        sentence += " " + _(
            "The chosen year {year} is not in the 2022 release, so the chart's title uses "
            "{compare_year}."
        ).format(year=focus_year, compare_year=compare_year)
    return text.say(sentence)


def per_person(
    mali: pd.Series, rank: int, ranked: int, focus_year: int, missing: Sequence[str]
) -> text.Prose:
    """Mali's remittances per resident and per emigrant, and its rank on the share of GDP.

    ``mali`` is Mali's row of ``analysis.remittances.per_person``; ``rank`` and ``ranked``
    come from ``analysis.remittances.rank_of``; ``missing`` names the countries compared
    that have no remittance figure in ``focus_year``.
    """
    sentence = _(
        "In {year} Mali received USD {per_resident} per resident and USD {per_emigrant} per "
        "emigrant counted by the UN in {un_year}. Measured as a share of GDP ({share}, 2026 "
        "copy), it ranks {rank} of the {ranked} countries compared that have data."
    ).format(
        year=focus_year,
        per_resident=text.number(mali["per_resident_usd"], 0),
        per_emigrant=text.number(mali["per_emigrant_usd"], 0),
        un_year=int(mali["un_year"]),
        share=text.percent(mali["share_2026_derived_pct"], 2),
        rank=text.ordinal(rank),
        ranked=text.spelled(ranked),
    )
    if missing:
        sentence += " " + _("No remittance figure for {year}: {countries}.").format(
            year=focus_year, countries=", ".join(missing)
        )
    return text.say(sentence)


def bilateral(senders: pd.DataFrame, wb_2017: float) -> text.Prose:
    """What the 2017 bilateral model says about where Mali's remittances come from.

    ``senders`` is ``analysis.remittances.bilateral_into_mali`` (largest first, with
    ``attrs["world_usd_millions"]``, and a row for Côte d'Ivoire, ``CIV``); ``wb_2017``
    the World Bank's remittances to Mali in 2017, US$ (2026 copy). Raises ``KeyError``
    when ``senders`` has no row for ``CIV``.
    """
    top_two = senders.head(2)
    civ = senders.set_index("iso3").loc["CIV"]
    artefacts = senders.loc[senders["model_artefact"], "country"].tolist()
    total = senders.attrs["world_usd_millions"]
    first = _(
        "In the model, {first} and {second} together send {share} of the USD {total} that "
        "Mali receives. Côte d'Ivoire sends nothing, although the World Bank's own stock table "
        "counts {stock} people born in Mali living there, more than in any other country: a "
        "model artefact, not a fact."
    ).format(
        first=countries.in_sentence(top_two["iso3"].iloc[0]),
        second=countries.in_sentence(top_two["iso3"].iloc[1]),
        share=text.percent(top_two["share_pct"].sum()),
        total=text.amount(total * 1e6, 0),
        stock=text.number(civ["malians_there_2017"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    )
    zeros = ngettext(
        "The model gives {n} zero in all ({countries}); a zero is suspect where the stock "
        "table counts many people born in Mali, not where it counts a handful.",
        "The model gives {n} zeros in all ({countries}); a zero is suspect where the stock "
        "table counts many people born in Mali, not where it counts a handful.",
        len(artefacts),
    ).format(n=text.spelled(len(artefacts)), countries=", ".join(artefacts))
    last = _(
        "The matrix total is also {excess} above the USD {wb} the 2026 copy gives for 2017. "
        "One is a model estimate of April 2018, the other a balance-of-payments record of a "
        "later vintage, so this notebook quotes them separately and rescales neither."
    ).format(excess=text.percent(100 * (total * 1e6 / wb_2017 - 1)), wb=text.amount(wb_2017, 0))
    return text.say(f"{first} {zeros} {last}")


def corridor_test(test: pd.DataFrame, judged: pd.DataFrame, ceiling: float) -> text.Prose:
    """In how many years a surveyed corridor into Mali cost more than the SDG 10.c corridor
    ceiling, and a corridor the yearly mean keeps under it.

    ``test`` is ``analysis.targets.corridor_test`` (one row per year), ``judged``
    ``analysis.targets.corridor_years`` and ``ceiling`` the corridor ceiling in percent.
    """
    latest = test.iloc[-1]
    failing = len(test[test["above_ceiling"] > 0])
    if latest["corridors_above_ceiling"]:
        sentence = ngettext(
            "In {failing} of the {years} years surveyed ({start} to {end}), at least one "
            "surveyed corridor into Mali cost more than {ceiling} on its yearly mean. The "
            "ceiling is a target for {due_year}: these years measure the distance still to "
            "cover, not a deadline missed. In {year}, {above} of {corridors} corridors was "
            "above it ({names}).",
            "In {failing} of the {years} years surveyed ({start} to {end}), at least one "
            "surveyed corridor into Mali cost more than {ceiling} on its yearly mean. The "
            "ceiling is a target for {due_year}: these years measure the distance still to "
            "cover, not a deadline missed. In {year}, {above} of {corridors} corridors were "
            "above it ({names}).",
            int(latest["above_ceiling"]),
        )
    else:
        sentence = _(
            "In {failing} of the {years} years surveyed ({start} to {end}), at least one "
            "surveyed corridor into Mali cost more than {ceiling} on its yearly mean. The "
            "ceiling is a target for {due_year}: these years measure the distance still to "
            "cover, not a deadline missed. In {year}, none of the {corridors} "
            "corridors was above it."
        )
    sentence = sentence.format(
        failing=text.spelled(failing),
        years=text.spelled(len(test)),
        start=int(test["year"].min()),
        end=int(test["year"].max()),
        ceiling=_threshold(ceiling),
        due_year=int(targets.sdg_targets().at["corridor", "due_year"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        year=int(latest["year"]),
        above=text.spelled(int(latest["above_ceiling"])),
        corridors=text.spelled(int(latest["corridors"])),
        names=text.items(latest["corridors_above_ceiling"]),
    )
    crossing = judged[judged["quarters_cross"] & ~judged["above_ceiling"]]
    if len(crossing):
        case = crossing.iloc[0]
        note = _(
            "One corridor shows why the yearly mean matters: {corridor} in {year} had single "
            "quarters from {low} to {high}, on both sides of the ceiling, but a mean of "
            "{mean}, so it passes that year."
        ).format(
            corridor=case["corridor"],
            year=int(case["year"]),
            low=text.percent(case["min_pct"], 2),
            high=text.percent(case["max_pct"], 2),
            mean=text.percent(case["mean_pct"], 2),
        )
    else:
        note = _("No corridor has quarters on both sides of the ceiling with a mean that passes.")
    return text.say(f"{sentence} {note}")


def average_cost(
    average: pd.Series,
    fall: Mapping[str, float],
    cost_in: int,
    focus_year: int,
    meets: bool,
    target: float,
    ceiling: float,
) -> text.Prose:
    """The World Bank's average cost of sending money to Mali: its largest fall, its last
    value against the SDG target for averages, and its value in the chosen year.

    ``average`` is ``analysis.remittances.country_cost`` (percent by year); ``fall`` is
    ``analysis.remittances.largest_fall``; ``cost_in`` the measured year nearest
    ``focus_year``; ``meets`` whether the last value meets the ``target`` for averages
    (percent); ``ceiling`` the corridor ceiling (percent).
    """
    values = {
        "from_year": int(fall["from_year"]),
        "to_year": int(fall["to_year"]),
        "from_value": text.percent(fall["from_value"], 2),
        "to_value": text.percent(fall["to_value"], 2),
        "last_year": int(average.index[-1]),
        "last_value": text.percent(average.iloc[-1], 2),
        "target": _threshold(target),
        "ceiling": _threshold(ceiling),
    }
    if meets:
        first = _(
            "The World Bank's average cost of sending money to Mali fell most between "
            "{from_year} and {to_year}, from {from_value} to {to_value}. In {last_year} it "
            "stood at {last_value}: below the {target} target for the average cost. (The "
            "{ceiling} ceiling does not apply to an average: it is the test above, corridor "
            "by corridor.)"
        )
    else:
        first = _(
            "The World Bank's average cost of sending money to Mali fell most between "
            "{from_year} and {to_year}, from {from_value} to {to_value}. In {last_year} it "
            "stood at {last_value}: still above the {target} target for the average cost. "
            "(The {ceiling} ceiling does not apply to an average: it is the test above, "
            "corridor by corridor.)"
        )
    if cost_in != focus_year:
        last = _("For {year} (the measured year nearest {focus_year}), the average was {value}.")
    else:
        last = _("For {year}, the average was {value}.")
    last = last.format(
        year=cost_in, focus_year=focus_year, value=text.percent(average.loc[cost_in], 2)
    )
    return text.say(f"{first.format(**values)} {last}")


def scenario(table: pd.DataFrame, cost_in: int, target_cost_pct: float) -> text.Prose:
    """The lower-cost scenario in year ``cost_in`` and over all years: the usual calculation,
    then the variant that reads receipts as net of fees, named as an assumption.

    ``table`` is ``analysis.remittances.savings_scenario`` (one row per year, amounts in
    US$, costs in percent); ``target_cost_pct`` the scenario's cost in percent.
    """
    row = table.set_index("year").loc[cost_in]
    values = {
        "year": cost_in,
        "received": text.amount(row["remittances_usd"], 0),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "cost": text.percent(row["cost_pct"], 2),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "fees": text.amount(row["fees_paid_usd"], 1),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "target": _threshold(target_cost_pct),
        "gain": text.amount(row["gain_usd"], 1),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "gain_share": text.percent(100 * row["gain_usd"] / row["remittances_usd"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "gain_net": text.amount(row["gain_if_net_of_fees_usd"], 1),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        "start": int(table["year"].min()),
        "end": int(table["year"].max()),
        "total": text.amount(table["gain_usd"].sum(), 0),
    }
    if row["gain_usd"] > 0:
        sentence = _(
            "Scenario: in {year} Mali recorded USD {received} of remittances at an average "
            "cost of {cost}, about USD {fees} in costs on that amount. At {target}, families "
            "would have received about USD {gain} more, {gain_share} of the recorded amount. "
            "If the recorded amount were instead what arrived after fees, an assumption these "
            "data cannot check, senders would have sent more and the gain would be USD "
            "{gain_net}. Over {start}–{end} the gain by the usual calculation adds up to USD "
            "{total}."
        )
    else:
        sentence = _(
            "Scenario: in {year} Mali recorded USD {received} of remittances at an average "
            "cost of {cost}, about USD {fees} in costs on that amount. At {target}, nothing "
            "would change: the cost that year was already at or below that level. Over "
            "{start}–{end} the gain by the usual calculation adds up to USD {total}."
        )
    return text.say(sentence.format(**values))


def constraint(
    average: pd.Series, fall: Mapping[str, float], summary: pd.DataFrame, costs: pd.DataFrame
) -> text.Prose:
    """What the cost data say about the document's constraint on the cost of transfers.

    ``average`` is ``analysis.remittances.country_cost``; ``fall`` its
    ``largest_fall``; ``summary`` is ``analysis.remittances.corridor_summary`` and
    ``costs`` ``analysis.remittances.corridor_costs`` (whose ``sending_iso3`` finds the
    corridors from France, ``FRA``, and Nigeria, ``NGA``). Raises ``KeyError`` when
    either corridor is missing.
    """
    names = costs.groupby("sending_iso3")["corridor"].first()
    by_corridor = summary.set_index("corridor")
    france, nigeria = by_corridor.loc[names["FRA"]], by_corridor.loc[names["NGA"]]
    before = average[average.index <= fall["from_year"]]
    sentence = _(
        "The evidence supports the constraint for the years the document covers: the average "
        "cost ran from {low} to {high} up to {year}, and even after the largest fall it was "
        "{after} in {after_year}, above the {target} the SDG 10.c target asks of the average "
        "by {due}. It still holds for some corridors: sending from "
        "Nigeria cost {nigeria} in {nigeria_period}. Sending from France cost {france_first} "
        "in {france_first_period} and {france_last} in {france_last_period}. The data show the "
        "fall, not its cause: they cannot tell whether any measure of the kind the strategies "
        "list brought it about."
    ).format(
        year=int(fall["from_year"]),
        low=text.percent(before.min(), 1),
        high=text.percent(before.max(), 1),
        after=text.percent(float(average.loc[int(fall["to_year"])]), 1),
        after_year=int(fall["to_year"]),
        target=text.percent(targets.threshold("average"), 0),
        due=int(targets.sdg_targets().set_index("applies_to").at["average", "due_year"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        nigeria=text.percent(nigeria["last_cost_pct"]),
        nigeria_period=text.quarter(nigeria["last_period"]),
        france_first=text.percent(france["first_cost_pct"]),
        france_first_period=text.quarter(france["first_period"]),
        france_last=text.percent(france["last_cost_pct"]),
        france_last_period=text.quarter(france["last_period"]),
    )
    return text.say(sentence)
