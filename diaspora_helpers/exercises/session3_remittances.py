"""Checks of session 3: Remittances and the cost of sending money.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from diaspora_helpers.analysis import key_figures, remittances
from diaspora_helpers.exercises.grading import (
    PERCENT,
    POINTS,
    USD,
    USD_MILLIONS,
    ParameterError,
    Verdict,
    exercise,
    grade_integer,
    grade_number,
)
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
            "Remittances are a sizeable part of Mali's economy, measured against the "
            "rebased GDP of the current World Bank release."
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
    return grade_number(
        answer,
        float(row["per_emigrant_usd"]),
        unit=USD,
        decimals=0,
        why=_(
            "Per emigrant, the yearly amount is modest: most Malians abroad live in poorer "
            "neighbouring countries."
        ),
        hint=_(
            "Divide remittances received by the UN DESA count of emigrants for the nearest "
            "UN year (remittances.per_person gives both)."
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
    return grade_number(
        answer,
        compared["document_over_wb_pct"],
        unit=PERCENT,
        decimals=1,
        why=_(
            "Converted at the year's official rate, the central bank's figure and the World "
            "Bank's are close: both rest on the balance of payments."
        ),
        hint=_(
            "Convert the CFA francs to US dollars at the official rate of the reference "
            "year (currency.convert or remittances.document_amount), then compare with the "
            "World Bank's figure for that year."
        ),
        traps=[
            (
                as_if_euros,
                _("That compares euros with dollars; convert to US dollars at the year's rate."),
            )
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
                "year of focus_year={focus_year} (see remittances.country_cost()), so that "
                "exercises 3.5 and 3.6 have a cut to measure; choose a lower target or an "
                "earlier focus_year"
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
            "The gap is the cut in the average cost still needed to reach the target (SDG "
            "10.c sets 3% for the average; its 5% applies to each corridor, not the average)."
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
    """Exercise 3.6: what recipients would gain (US$ millions) if the cost fell to the target."""
    check_parameters(focus_year=focus_year, target_cost_pct=target_cost_pct)
    year, cost = _cost_point(focus_year)
    scenario = remittances.savings_scenario(target_cost_pct).set_index("year")
    gain = float(scenario.at[year, "gain_usd"]) / 1e6  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    received = float(scenario.at[year, "remittances_usd"]) / 1e6  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    simple = received * (cost - target_cost_pct) / 100
    return grade_number(
        answer,
        gain,
        unit=USD_MILLIONS,
        decimals=1,
        why=_(
            "Every point of cost removed is money that reaches families instead of "
            "transfer operators."
        ),
        hint=_(
            "Senders send S and families receive S(1 - c); keep S fixed and work out what "
            "arrives at the target cost (remittances.fee_saving)."
        ),
        traps=[
            (
                float(scenario.at[year, "fees_paid_usd"]) / 1e6,  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
                _(
                    "That is everything paid in fees; the question asks what would be saved at "
                    "the target cost, which is not zero."
                ),
            ),
            (
                simple,
                _(
                    "Close: that applies the cost cut to what arrived. Receipts are already net of "
                    "fees, so first work out what was sent."
                ),
            ),
        ],
    )
