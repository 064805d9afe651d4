"""Checks of session 2: Where Malians abroad live.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from diaspora_helpers.analysis import demography
from diaspora_helpers.exercises.grading import (
    Verdict,
    country_resolver,
    exercise,
    grade_choice,
    grade_number,
)
from diaspora_helpers.exercises.reading import PERCENT
from diaspora_helpers.i18n import _


def _destination_resolver(table: pd.DataFrame) -> Callable[[str], str | None]:
    return country_resolver(table["iso3"], table["country"])


@exercise("2.1")
def check_top_destination(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.1: the country where most Malians abroad live in ``un_year``."""
    table = demography.destinations(un_year)
    return grade_choice(
        answer,
        str(table["iso3"].iloc[0]),
        resolve=_destination_resolver(table),
        options=_("a country where Malians live, by name or ISO code"),
        why=_(
            "The largest community of migrants from Mali, as UN DESA counts them, lives in "
            "another African country, not in Europe."
        ),
        hint=_(
            "Sort the destinations of that year by persons (`demography.destinations` does) "
            "and read the first row."
        ),
    )


@exercise("2.2")
def check_top3_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.2: the share (%) of Malians abroad living in the three largest destinations."""
    table = demography.destinations(un_year)
    correct = float(table["share_pct"].head(3).sum())
    return grade_number(
        answer,
        correct,
        unit=PERCENT,
        decimals=1,
        why=_(
            "Three countries out of all those the UN lists hold this share of the migrants "
            "from Mali: a measure of how concentrated the diaspora is."
        ),
        hint=_(
            "Add the persons of the three largest destinations and divide by the total "
            "over all countries."
        ),
        traps=[(float(table["share_pct"].iloc[0]), _("That is the largest destination alone."))],
    )


def _sub_saharan_share(regions: pd.Series) -> float:
    """Return the share (%) of the Sub-Saharan group in ``regions`` (indexed by region
    group code, as :func:`demography.by_region` writes it)."""
    name = demography.REGION_GROUPS[0]
    return float(regions[name]) if name in regions.index else math.nan


@exercise("2.3")
def check_africa_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.3: the share (%) of Malians abroad living elsewhere in Africa."""
    regions = demography.by_region(un_year).set_index("region_group")["share_pct"]
    return grade_number(
        answer,
        demography.africa_share(un_year),
        unit=PERCENT,
        decimals=1,
        why=_(
            "By the UN's count, most migrants from Mali live in other African countries: a "
            "picture of Malian migration centred on Europe leaves out most of it."
        ),
        hint=_(
            "Group the destinations by region (`demography.by_region`) and add the African groups."
        ),
        traps=[
            (
                _sub_saharan_share(regions),
                _("North Africa is in Africa too: add both African groups."),
            )
        ],
    )


@exercise("2.4")
def check_fastest_growing(
    answer: object, *, start_year: int = 1990, un_year: int = 2020, n: int = 5
) -> Verdict:
    """Exercise 2.4: which of the ``n`` largest destinations grew fastest, in percent."""
    change = demography.change_between(start_year, un_year, n).dropna(subset=["change_pct"])
    fastest = str(change.loc[change["change_pct"].idxmax(), "iso3"])  # type: ignore[index]  # pandas-stubs: idxmax/idxmin give a Hashable label
    most = str(change.loc[change["change"].idxmax(), "iso3"])  # type: ignore[index]  # pandas-stubs: idxmax/idxmin give a Hashable label
    table = demography.destinations(un_year)
    traps = (
        {}
        if most == fastest
        else {
            most: _(
                "That one gained the most people; the question asks for the fastest growth "
                "in percent."
            )
        }
    )
    in_top = set(change["iso3"])
    resolve = _destination_resolver(table)

    def resolve_top(text: str) -> str | None:
        code = resolve(text)
        return code if code in in_top else None

    return grade_choice(
        answer,
        fastest,
        resolve=resolve_top,
        options=_("one of the largest destinations of the later year, by name or ISO code"),
        why=_(
            "Growth from a small base can be fast in percent while adding fewer people than "
            "a large destination."
        ),
        hint=_(
            "Put the two years side by side (`demography.change_between`), divide the change "
            "by the earlier count, and compare."
        ),
        traps=traps,
    )


@exercise("2.5")
def check_women_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.5: the share (%) of women among Malians abroad in ``un_year``."""
    totals = demography.totals_over_time()
    correct = float(totals.at[un_year, "female_share_pct"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return grade_number(
        answer,
        correct,
        unit=PERCENT,
        decimals=1,
        why=_(
            "By the UN's count, women are a large minority of migrants from Mali: fewer than "
            "half, but far from few."
        ),
        hint=_(
            "Divide the women (`sex` = `female`, on the World row, `partner_kind` = `world`) by "
            "both sexes together for that year."
        ),
        traps=[(100 - correct, _("That is the share of men."))],
    )
