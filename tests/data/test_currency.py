"""CFA franc, euro and dollar conversions: the fixed parity, the yearly rate, and the year rule."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from diaspora_helpers.data import currency
from diaspora_helpers.data.currency import (
    XOF_PER_EUR,
    convert,
    eur_to_xof,
    xof_per_usd,
    xof_per_usd_rates,
    xof_to_eur,
)

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def rates() -> pd.DataFrame:
    """The WDI table as plain pandas, so these tests do not depend on the package file."""
    return pd.read_csv(DATA / "wdi_indicators.csv")


def test_fixed_parity() -> None:
    assert XOF_PER_EUR == 655.957
    assert eur_to_xof(1) == 655.957
    assert xof_to_eur(655_957) == pytest.approx(1000)
    assert eur_to_xof(100, year=2024) == pytest.approx(65_595.7)


def test_parity_round_trip() -> None:
    for amount in (0.0, 1.0, 12_345.678, 1e9):
        assert xof_to_eur(eur_to_xof(amount)) == pytest.approx(amount, rel=1e-12)
        assert convert(convert(amount, "EUR", "XOF"), "XOF", "EUR") == pytest.approx(amount)


def test_no_euro_before_1999() -> None:
    with pytest.raises(ValueError, match="1998"):
        xof_to_eur(1000, year=1998)
    with pytest.raises(ValueError, match="1999"):
        convert(1000, "XOF", "EUR", year=1990)


def test_yearly_rate_from_the_data(rates: pd.DataFrame) -> None:
    assert round(xof_per_usd(2000, rates), 2) == 710.21
    assert round(xof_per_usd(2020, rates), 2) == 575.59
    assert round(xof_per_usd(2024, rates), 2) == 606.35
    table = xof_per_usd_rates(rates)
    assert table.index.min() == 1960 and table.index.is_monotonic_increasing


def test_usd_conversions_and_round_trip(rates: pd.DataFrame) -> None:
    remittances_2012 = 827_417_011.957933
    in_xof = convert(remittances_2012, "USD", "XOF", 2012, rates)
    assert in_xof / 1e9 == pytest.approx(422.44, abs=0.01)  # billion CFA francs
    assert convert(in_xof, "XOF", "USD", 2012, rates) == pytest.approx(remittances_2012)
    in_eur = convert(remittances_2012, "USD", "EUR", 2012, rates)
    assert in_eur == pytest.approx(xof_to_eur(in_xof))
    assert convert(in_eur, "EUR", "USD", 2012, rates) == pytest.approx(remittances_2012)


def test_series_amounts(rates: pd.DataFrame) -> None:
    amounts = pd.Series([100.0, 200.0])
    converted = convert(amounts, "USD", "XOF", 2020, rates)
    assert list(converted.round(2)) == [
        round(100 * xof_per_usd(2020, rates), 2),
        round(200 * xof_per_usd(2020, rates), 2),
    ]


def test_year_is_required_for_dollars(rates: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="year is required"):
        xof_per_usd(None, rates)
    with pytest.raises(ValueError, match="year is required"):
        convert(100, "USD", "XOF", rates=rates)
    with pytest.raises(ValueError, match="year is required"):
        convert(100, "EUR", "USD", rates=rates)


def test_year_without_a_rate(rates: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="1950"):
        xof_per_usd(1950, rates)
    with pytest.raises(ValueError, match="2031"):
        convert(1, "XOF", "USD", 2031, rates)


def test_unknown_currency() -> None:
    with pytest.raises(ValueError, match="GBP"):
        convert(1, "GBP", "XOF")
    assert convert(5.0, "USD", "USD") == 5.0


def test_default_rates_come_from_the_package() -> None:
    from diaspora_helpers.data import resource_names

    assert currency.RATE_TABLE in resource_names(), "data/datapackage.json lacks the rates"
    assert round(xof_per_usd(2020), 2) == 575.59


def test_the_french_edition_explains_a_refused_conversion_in_french():
    import diaspora_helpers

    diaspora_helpers.setup(language="fr")
    with pytest.raises(ValueError, match="pas d’euro en 1990\u202f: la parité fixe"):
        currency.xof_to_eur(1000.0, 1990)
    with pytest.raises(ValueError, match="monnaie inconnue 'GBP'\u202f: choisir parmi"):
        currency.convert(1.0, "GBP", "XOF")
