"""Convert amounts between CFA francs (XOF), euros (EUR) and US dollars (USD).

The CFA franc is pegged to the euro at 655.957 francs per euro since 1 January 1999, so
those conversions need no year. Dollar conversions use the World Bank's official rate for
the year (PA.NUS.FCRF for Mali, a yearly average, in wdi_indicators), so they need one.
Mali issued its own franc, the Malian franc, from 1962 until it rejoined the CFA franc
in 1984 (:data:`CFA_SINCE_YEAR`). The World Bank's rate series runs back before that, but
an amount "in CFA francs" means nothing for a year when Malians did not use them, so the
helpers that express Mali's remittances in CFA francs convert only from 1984.
"""

from __future__ import annotations

from typing import TypeVar

import pandas as pd

from diaspora_helpers.constants import EXCHANGE_RATE, WDI_TABLE
from diaspora_helpers.i18n import _

XOF_PER_EUR = 655.957
EURO_START_YEAR = 1999
#: First year in which Mali used the CFA franc again (it issued the Malian franc before).
CFA_SINCE_YEAR = 1984
CURRENCIES = ("XOF", "EUR", "USD")
RATE_TABLE = WDI_TABLE
RATE_INDICATOR = EXCHANGE_RATE
RATE_COUNTRY = "MLI"

Amount = TypeVar("Amount", float, pd.Series)


def _check_euro_year(year: int | None) -> None:
    """Refuse a euro conversion for a year before the euro existed."""
    if year is not None and year < EURO_START_YEAR:
        raise ValueError(
            _(
                "no euro in {year}: the fixed parity of {parity} CFA francs per euro "
                "applies from {start}"
            ).format(year=year, parity=XOF_PER_EUR, start=EURO_START_YEAR)
        )


def xof_to_eur(amount: Amount, year: int | None = None) -> Amount:
    """Convert CFA francs to euros at the fixed parity (year optional, 1999 or later)."""
    _check_euro_year(year)
    return amount / XOF_PER_EUR


def eur_to_xof(amount: Amount, year: int | None = None) -> Amount:
    """Convert euros to CFA francs at the fixed parity (year optional, 1999 or later)."""
    _check_euro_year(year)
    return amount * XOF_PER_EUR


def xof_per_usd_rates(rates: pd.DataFrame | None = None) -> pd.Series:
    """Return the official CFA francs per US dollar by year, from wdi_indicators or ``rates``."""
    if rates is None:
        from diaspora_helpers.data import load

        rates = load(RATE_TABLE)
    chosen = rates[(rates["iso3"] == RATE_COUNTRY) & (rates["indicator_code"] == RATE_INDICATOR)]
    series = pd.Series(
        chosen["value"].astype("float64").to_numpy(),
        index=pd.Index(chosen["year"].astype("int64").to_numpy(), name="year"),
        name="xof_per_usd",
    )
    return series.sort_index()


def xof_per_usd(year: int | None, rates: pd.DataFrame | None = None) -> float:
    """Return the official CFA francs per US dollar for ``year`` (ValueError if none)."""
    if year is None:
        raise ValueError(
            _(
                "a year is required: the CFA franc to US dollar rate changes every year "
                "(World Bank PA.NUS.FCRF)"
            )
        )
    table = xof_per_usd_rates(rates)
    if int(year) not in table.index:
        span = f"{table.index.min()}-{table.index.max()}" if len(table) else _("no years")
        raise ValueError(
            _(
                "no official CFA franc per US dollar rate for {year} in {table} "
                "({indicator}, {country}); rates cover {span}"
            ).format(
                year=year,
                table=RATE_TABLE,
                indicator=RATE_INDICATOR,
                country=RATE_COUNTRY,
                span=span,
            )
        )
    return float(table.loc[int(year)])


def convert(
    amount: Amount,
    from_currency: str,
    to_currency: str,
    year: int | None = None,
    rates: pd.DataFrame | None = None,
) -> Amount:
    """Convert between XOF, EUR and USD; the year is required whenever USD is involved."""
    for code in (from_currency, to_currency):
        if code not in CURRENCIES:
            raise ValueError(
                _("unknown currency {code}: use one of {codes}").format(
                    code=repr(code), codes=", ".join(CURRENCIES)
                )
            )
    if from_currency == to_currency:
        return amount
    if from_currency == "EUR":
        in_xof = eur_to_xof(amount, year)
    elif from_currency == "USD":
        in_xof = amount * xof_per_usd(year, rates)
    else:
        in_xof = amount
    if to_currency == "EUR":
        return xof_to_eur(in_xof, year)
    if to_currency == "USD":
        return in_xof / xof_per_usd(year, rates)
    return in_xof
