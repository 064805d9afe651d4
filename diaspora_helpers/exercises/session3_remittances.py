"""Checks of session 3: Remittances and the cost of sending money.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis import key_figures, remittances
from diaspora_helpers.exercises.grading import (
    ParameterError,
    Verdict,
    exercise,
    grade_integer,
    grade_number,
)
from diaspora_helpers.exercises.reading import PERCENT, POINTS, USD, USD_MILLIONS
from diaspora_helpers.i18n import _

DEFAULT_PEERS = ("SEN", "BFA", "NER", "CIV", "GIN", "MRT")


@exercise("3.1")
def check_remittance_share_of_gdp(answer: object, *, focus_year: int = 2020) -> Verdict:
    """Exercise 3.1: remittances as a share (%) of GDP in ``focus_year``, 2026 vintage."""
    series = remittances.mali_series()
    correct = remittances.value_in(series, focus_year, "share_2026_derived_pct")
    published = remittances.value_in(series, focus_year, "share_2022_published_pct")
    return grade_number(
        answer,
        correct,
        unit=PERCENT,
        decimals=2,
        why=_(
            "This sets two flows of one year side by side: it says how large the money "
            "received is beside what the economy produces; it is not a fraction of GDP: "
            "remittances are not one of its components. "
            "It moves whenever GDP is revised, as Mali's rebased GDP in the current World "
            "Bank release shows."
        ),
        hint=_(
            "Divide remittances received (BX.TRF.PWKR.CD.DT) by GDP (NY.GDP.MKTP.CD), both "
            "in current US$ from the same release."
        ),
        traps=[
            (
                published,
                _(
                    "That is the share the World Bank published in 2022, before Mali's GDP was "
                    "rebased; compute it from the current release instead."
                ),
            )
        ],
    )


def _peer_table(focus_year: int, peers: Sequence[str]) -> pd.DataFrame:
    return remittances.per_person(focus_year, ["MLI", *[p for p in peers if p != "MLI"]])


@exercise("3.2")
def check_peer_rank(
    answer: object, *, focus_year: int = 2020, peers: Sequence[str] = DEFAULT_PEERS
) -> Verdict:
    """Exercise 3.2: Mali's rank (1 = most dependent) on remittances as a share of GDP."""
    table = _peer_table(focus_year, peers)
    rank, count = remittances.rank_of(table, "share_2026_derived_pct", "MLI")
    return grade_integer(
        answer,
        rank,
        why=_("A share of GDP compares economies of very different size on the same footing."),
        hint=_(
            "Rank Mali and the peer countries by remittances as a share of GDP, largest "
            "first (rank 1 is the largest share), and count Mali's place."
        ),
        traps=[
            (count - rank + 1, _("You counted from the smallest share; rank 1 is the largest."))
        ],
    )


@exercise("3.3")
def check_per_emigrant(answer: object, *, focus_year: int = 2020) -> Verdict:
    """Exercise 3.3: remittances received per Malian living abroad, in US$."""
    row = _peer_table(focus_year, []).iloc[0]
    # GDP per resident = remittances / (share of GDP) / population.
    per_head_gdp = float(row["remittances_usd"]) / (float(row["share_2026_derived_pct"]) / 100)
    per_head_gdp /= float(row["population"])
    return grade_number(
        answer,
        float(row["per_emigrant_usd"]),
        unit=USD,
        decimals=0,
        why=_(
            "That is about {ratio} of Mali's GDP per resident in {year}: no small sum by "
            "Mali's standards. Read it as a rough guide only: the people who send money and "
            "the people the UN counts abroad are not the same group."
        ).format(
            ratio=text.percent(100 * float(row["per_emigrant_usd"]) / per_head_gdp, 0),
            year=focus_year,
        ),
        hint=_(
            "Divide remittances received by the UN DESA count of emigrants for the nearest "
            "UN year (`remittances.per_person` gives both)."
        ),
        traps=[
            (
                float(row["per_resident_usd"]),
                _("That divides by the residents of Mali; divide by the people abroad."),
            )
        ],
    )


@exercise("3.4")
def check_document_vs_world_bank(answer: object) -> Verdict:
    """Exercise 3.4: by how much (%) the document's remittance figure exceeds the World Bank's."""
    key = key_figures.key_figures()
    amount = float(key.at["remittances", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    year = int(key.at["remittances", "reference_year"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    compared = remittances.document_amount(amount, year)
    as_if_euros = 100 * (compared["eur"] / compared["wb_usd"] - 1)
    correct = compared["document_over_wb_pct"]
    return grade_number(
        answer,
        correct,
        unit=PERCENT,
        decimals=1,
        why=_(
            "Converted at the year's official rate, the central bank's figure and the World "
            "Bank's are close: both rest on the balance of payments."
        ),
        hint=_(
            "Convert the CFA francs to US dollars at the official rate of the reference "
            "year (`currency.convert` or `remittances.document_amount`), then compare with the "
            "World Bank's figure for that year."
        ),
        traps=[
            (
                as_if_euros,
                _("That compares euros with dollars; convert to US dollars at the year's rate."),
            ),
            (
                -correct if abs(correct) >= 0.1 else math.nan,  # a sign slip, when it shows
                _(
                    "The size is right but the sign is not: compute (document − World Bank) "
                    "÷ World Bank × 100, so that a document figure above the World Bank's "
                    "gives a positive percentage."
                ),
            ),
        ],
    )


def _cost_point(focus_year: int) -> tuple[int, float]:
    year = remittances.cost_year(focus_year)
    return year, float(remittances.country_cost().loc[year])


def check_parameters(*, focus_year: int = 2020, target_cost_pct: float = 3.0) -> None:
    """Stop with a :class:`ParameterError` if exercises 3.5 and 3.6 make no sense together.

    Both ask how far the average cost must fall to reach ``target_cost_pct``: a target at or
    above the cost of the cost year of ``focus_year`` leaves nothing to cut and no saving to
    compute. The message names the rule, not the cost (that would give 3.5 away).
    """
    year, cost = _cost_point(focus_year)
    if target_cost_pct >= cost:
        raise ParameterError(
            "target_cost_pct",
            target_cost_pct,
            _(
                "a target below the average cost of sending money to Mali in {year}, the cost "
                "year of `focus_year` = {focus_year} (see `remittances.country_cost()`), so that "
                "exercises 3.5 and 3.6 have a cut to measure; choose a lower target or an "
                "earlier `focus_year`"
            ).format(year=year, focus_year=focus_year),
        )


@exercise("3.5")
def check_cost_gap(
    answer: object, *, focus_year: int = 2020, target_cost_pct: float = 3.0
) -> Verdict:
    """Exercise 3.5: percentage points between the cost of sending money and the target."""
    check_parameters(focus_year=focus_year, target_cost_pct=target_cost_pct)
    cost = _cost_point(focus_year)[1]
    return grade_number(
        answer,
        cost - target_cost_pct,
        unit=POINTS,
        decimals=2,
        why=_(
            "The gap is the cut in the average cost still needed to bring it down to the "
            "target (SDG 10.c asks for an average below 3% by 2030; its 5% ceiling, for the "
            "same year, applies to each corridor, not to the average)."
        ),
        hint=_(
            "Take the World Bank's average cost of sending money to Mali "
            "(SI.RMT.COST.IB.ZS) in the cost year and subtract the target."
        ),
        traps=[(cost, _("That is the cost itself; subtract the target."))],
    )


@exercise("3.6")
def check_fee_savings(
    answer: object, *, focus_year: int = 2020, target_cost_pct: float = 3.0
) -> Verdict:
    """Exercise 3.6: what recipients would gain (US$ millions) if the cost fell to the target.

    The expected answer is the usual calculation, recorded remittances x (cost - target);
    the variant that reads receipts as net of fees is an assumption, answered by a trap.
    """
    check_parameters(focus_year=focus_year, target_cost_pct=target_cost_pct)
    year = _cost_point(focus_year)[0]
    scenario = remittances.savings_scenario(target_cost_pct).set_index("year")
    gain = float(scenario.at[year, "gain_usd"]) / 1e6  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return grade_number(
        answer,
        gain,
        unit=USD_MILLIONS,
        decimals=1,
        why=_(
            "If senders keep sending the same amount, every point of cost removed from the "
            "recorded flow is money that reaches families instead of transfer operators."
        ),
        hint=_(
            "Multiply the recorded remittances of the cost year by the cut in cost, both "
            "costs as fractions: R × (c − t) (`remittances.fee_saving`)."
        ),
        traps=[
            (
                float(scenario.at[year, "fees_paid_usd"]) / 1e6,  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
                _(
                    "That is everything paid in costs; the question asks what would be saved at "
                    "the target cost, which is not zero."
                ),
            ),
            (
                float(scenario.at[year, "gain_if_net_of_fees_usd"]) / 1e6,  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
                _(
                    "Close: that reads the recorded amount as what arrived after fees, an "
                    "assumption the question does not make. Balance-of-payments remittances are "
                    "not recorded net of fees: apply the cost cut to the recorded amount."
                ),
            ),
        ],
    )
