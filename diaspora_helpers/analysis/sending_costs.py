"""What sending money to Mali costs: the corridors that Remittance Prices Worldwide
surveys, the World Bank's country average (2022 vintage), and what recipients would gain
if the cost fell to a target (SDG 10.c: 3 percent).

Every function takes its tables as arguments, loaded from ``data/`` when left out.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis.wdi import indicator, nearest_year
from diaspora_helpers.constants import COST, REMITTANCES, RPW_TABLE, WDI_TABLE
from diaspora_helpers.constants import WDI_2022_TABLE as VINTAGE_TABLE
from diaspora_helpers.data import countries, given_or_load
from diaspora_helpers.i18n import N_, with_fields, with_formats, with_headers, with_texts


def corridor_costs(rpw: pd.DataFrame | None = None, receiving: str = "MLI") -> pd.DataFrame:
    """Return the quarterly cost of each surveyed corridor into ``receiving``, in time order.

    ``time`` is the year plus the quarter's start as a fraction (2012Q3 -> 2012.5), for
    plotting; ``corridor`` reads "France → Mali".
    """
    table = given_or_load(RPW_TABLE, rpw)
    rows = table[table["receiving_iso3"] == receiving]
    if rows.empty:
        raise KeyError(f"no corridor into {receiving} in Remittance Prices Worldwide")
    out = pd.DataFrame(
        {
            "sending_iso3": rows["sending_iso3"].astype("str"),
            "corridor": [
                f"{countries.country_name(s)} → {countries.country_name(r)}"
                for s, r in zip(rows["sending_iso3"], rows["receiving_iso3"], strict=True)
            ],
            "period": rows["period"].astype("str"),
            "year": rows["year"].astype("int64"),
            "quarter": rows["quarter"].astype("int64"),
            "cost_pct": rows["cost_pct"].astype("float64"),
        }
    )
    out["time"] = out["year"] + (out["quarter"] - 1) / 4
    out = out.sort_values(["sending_iso3", "time"]).reset_index(drop=True)
    return with_texts(out, "corridor")  # "Côte d'Ivoire → Mali": names in the edition


def corridor_summary(costs: pd.DataFrame, threshold_pct: float, target_pct: float) -> pd.DataFrame:
    """Return, per corridor, its first and last survey and how often it cost above a threshold.

    One row per corridor (``corridor``, names in the edition's language, sorted):
    ``first_period`` and ``last_period`` as Remittance Prices Worldwide codes them
    (``"2011Q1"``; a shown table reads them the edition's way, :func:`text.quarter`),
    ``first_cost_pct``, ``last_cost_pct``, ``surveys``, ``share_above_<threshold>pct`` and
    ``at_or_below_target_last``. Headers that are not their name's label are recorded
    (:func:`~diaspora_helpers.i18n.with_headers`; the threshold's as ``{threshold}``,
    recorded with :func:`~diaspora_helpers.i18n.with_fields`).
    """
    rows = []
    for corridor, part in costs.groupby("corridor", sort=True):
        part = part.sort_values("time")
        rows.append(
            {
                "corridor": corridor,
                "first_period": str(part["period"].iloc[0]),
                "first_cost_pct": float(part["cost_pct"].iloc[0]),
                "last_period": str(part["period"].iloc[-1]),
                "last_cost_pct": float(part["cost_pct"].iloc[-1]),
                "surveys": len(part),
                f"share_above_{threshold_pct:g}pct": 100
                * float((part["cost_pct"] > threshold_pct).mean()),
                "at_or_below_target_last": bool(part["cost_pct"].iloc[-1] <= target_pct),
            }
        )
    out = with_texts(pd.DataFrame(rows), "corridor")
    with_fields(out, threshold=threshold_pct)
    with_headers(
        out,
        first_period=N_("First survey"),
        last_period=N_("Last survey"),
        **{
            f"share_above_{threshold_pct:g}pct": N_(
                "Surveys costing over {threshold}% (% of surveys)"
            )
        },
        at_or_below_target_last=N_("Last cost at or below the scenario cost (not an SDG test)"),
    )
    return with_formats(out, first_period=text.quarter, last_period=text.quarter)


def country_cost(vintage: pd.DataFrame | None = None, iso3: str = "MLI") -> pd.Series:
    """Return the World Bank's average cost of sending money to ``iso3`` by year (2022 vintage)."""
    series = indicator(COST, [iso3], given_or_load(VINTAGE_TABLE, vintage))[iso3].dropna()
    return series.rename("cost_pct")


def fee_saving(
    received: float, cost_pct: float, target_pct: float, *, net_of_fees: bool = False
) -> float:
    """Return what recipients would gain (same unit as ``received``) if the cost of sending
    fell from ``cost_pct`` to ``target_pct`` (percent of the amount sent), none when the
    cost is already at or below the target.

    The usual calculation (the default) applies the cut to the recorded flow R: the gain is
    R (c - t), costs as fractions. Balance-of-payments remittances are not recorded net of
    fees, so this reads R as the amount sent. ``net_of_fees=True`` makes the other reading,
    an assumption: R is what arrived after fees, senders sent S = R / (1 - c), which at
    cost t delivers S (1 - t), a gain of R (c - t) / (1 - c).

    Raises ``ValueError`` when a cost is outside 0 to below 100.
    """
    if not 0 <= cost_pct < 100:
        raise ValueError(f"cost_pct must be from 0 to below 100, got {cost_pct}")
    if not 0 <= target_pct < 100:
        raise ValueError(f"target_pct must be from 0 to below 100, got {target_pct}")
    c, t = cost_pct / 100, target_pct / 100
    gain = received * (c - t)
    if net_of_fees:
        gain /= 1 - c
    return max(0.0, gain)


def savings_scenario(
    target_pct: float,
    wdi: pd.DataFrame | None = None,
    vintage: pd.DataFrame | None = None,
    iso3: str = "MLI",
) -> pd.DataFrame:
    """Return, for each year with a cost measure, what recipients would gain at ``target_pct``.

    One row per year: ``remittances_usd`` (R, the 2026 vintage's BX.TRF.PWKR.CD.DT),
    ``cost_pct`` (c, the 2022 vintage's country average SI.RMT.COST.IB.ZS), ``target_pct``,
    ``fees_paid_usd`` (R c: the cost of sending the recorded flow), ``gain_usd`` (the usual
    calculation, R (c - t)) and ``gain_if_net_of_fees_usd`` (the same under the assumption
    that R arrived after fees, R (c - t) / (1 - c)); amounts in US$. The cost is a
    percentage, so no GDP enters and the vintages do not conflict. See :func:`fee_saving`.
    """
    cost = country_cost(vintage, iso3)
    received = indicator(REMITTANCES, [iso3], given_or_load(WDI_TABLE, wdi))[iso3]
    rows = []
    for year, c in cost.items():
        r = received.get(year, float("nan"))
        if pd.isna(r):
            continue
        rows.append(
            {
                "year": int(year),  # type: ignore[call-overload]  # an index label (a year) is Hashable to pandas-stubs
                "remittances_usd": float(r),
                "cost_pct": float(c),
                "target_pct": float(target_pct),
                "fees_paid_usd": float(r) * c / 100,
                "gain_usd": fee_saving(float(r), float(c), float(target_pct)),
                "gain_if_net_of_fees_usd": fee_saving(
                    float(r), float(c), float(target_pct), net_of_fees=True
                ),
            }
        )
    return pd.DataFrame(rows)


def cost_year(year: int, vintage: pd.DataFrame | None = None, iso3: str = "MLI") -> int:
    """Return ``year`` if the World Bank measured the cost of sending money then, or the nearest."""
    return nearest_year(country_cost(vintage, iso3).index, year)
