"""Checks of session 1: Counting the diaspora.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

from diaspora_helpers.analysis import demography, key_figures, population
from diaspora_helpers.exercises.grading import (
    PERCENT,
    RATIO,
    Verdict,
    exercise,
    grade_choice,
    grade_number,
    resolver,
)
from diaspora_helpers.i18n import _


@exercise("1.1")
def check_share_of_all_malians(answer: object) -> Verdict:
    """Exercise 1.1: Malians abroad as a share (%) of all Malians, from the document's figures."""
    share = key_figures.share_of_all_malians(key_figures.key_figures())
    return grade_number(
        answer,
        share["share_of_all_pct"],
        unit=PERCENT,
        decimals=1,
        why=_(
            "People abroad belong in the denominator too, so the share is smaller than "
            "the document's share of residents."
        ),
        hint=_(
            "Divide the Malians abroad by everyone: the residents counted in 2009 plus the "
            "people abroad."
        ),
        traps=[
            (
                share["share_of_residents_pct"],
                _(
                    "That is the share of residents, as the document computes it; add the people "
                    "abroad to the denominator."
                ),
            )
        ],
    )


@exercise("1.2")
def check_admin_to_un_ratio(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 1.2: how many times the UN DESA count of ``un_year`` the administrative count is."""
    admin = float(key_figures.key_figures().at["malians_abroad", "value"])
    un = float(demography.total(un_year))
    return grade_number(
        answer,
        admin / un,
        unit=RATIO,
        decimals=2,
        why=_(
            "The administrative figure is several times the UN count, because it counts a "
            "different population (nationals and their descendants, not people born in Mali)."
        ),
        hint=_(
            "Divide the document's count of Malians abroad by the UN DESA World total of "
            "emigrants for the year in the parameters."
        ),
        traps=[(un / admin, _("You divided the other way round: administrative over UN."))],
    )


#: What students may type for each kind of count, in English or French (names and acronyms
#: of the institutions as the glossary gives them: DAES is the French acronym of UN DESA).
_KIND_ALIASES = {
    "UN DESA": "un_desa",
    "UN": "un_desa",
    "United Nations": "un_desa",
    "ONU": "un_desa",
    "Nations unies": "un_desa",
    "DAES": "un_desa",
    "ONU DAES": "un_desa",
    "DAES de l'ONU": "un_desa",
    "Département des affaires économiques et sociales des Nations Unies": "un_desa",
    "World Bank": "world_bank",
    "Banque mondiale": "world_bank",
    "BM": "world_bank",
    "KNOMAD": "world_bank",
    "administratif": "administrative",
    "administrative": "administrative",
    "administrative sources": "administrative",
    "sources administratives": "administrative",
    "source administrative": "administrative",
    "comptage administratif": "administrative",
}

#: Words that mark the count that may include descendants born abroad, in its definition
#: (English or French, as data/definitions.csv or its French translation words it).
_DESCENDANT_WORDS = ("descendants", "descendance", "enfants nés à l'étranger")


def _counts_descendants(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in _DESCENDANT_WORDS)


@exercise("1.3")
def check_count_with_descendants(answer: object) -> Verdict:
    """Exercise 1.3: which kind of count can include children born abroad to Malian parents."""
    kinds = demography.WHAT_IS_COUNTED
    correct = next(kind for kind, text in kinds.items() if _counts_descendants(text))
    names = {kind: kind for kind in kinds} | _KIND_ALIASES
    return grade_choice(
        answer,
        correct,
        resolve=resolver(names),
        options=_("one of the three kinds of count named in the exercise, in quotes"),
        why=_(
            "The UN and the World Bank count people born in Mali; a child born abroad to "
            "Malian parents is not one of them."
        ),
        hint=_(
            "Read what each estimate counts (demography.WHAT_IS_COUNTED): who was born in "
            "Mali, and who merely holds Malian nationality?"
        ),
    )


@exercise("1.4")
def check_largest_gap_region(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 1.4: where the document's figure exceeds the UN's by the largest ratio."""
    table = demography.document_vs_un(key_figures.key_figures(), un_year)
    correct = str(table.loc[table["ratio_document_to_un"].idxmax(), "where"])
    places = {demography.place_label(str(w)): str(w) for w in table["where"]}
    return grade_choice(
        answer,
        correct,
        resolve=resolver(places),
        options=_("one of the three places named in the exercise, in quotes"),
        why=_(
            "A ratio puts places of very different size on the same footing, which a "
            "difference in persons does not."
        ),
        hint=_(
            "Compare ratios (document divided by UN), not differences in persons; "
            "demography.document_vs_un gives both columns."
        ),
    )


@exercise("1.5")
def check_foreign_born_ratio(answer: object) -> Verdict:
    """Exercise 1.5: the UN's born-abroad count (interpolated to 2009) over the census count."""
    key = key_figures.key_figures()
    count = float(key.at["foreigners_in_mali", "value"])
    year = int(key.at["foreigners_in_mali", "reference_year"])
    table = population.foreigners_comparison(count, year)
    same_year = table[(table["year"] == year) & (table.index > 0)]
    correct = float(same_year["ratio_to_census"].iloc[-1])
    others = table[(table["year"] != year)]["ratio_to_census"]
    return grade_number(
        answer,
        correct,
        unit=RATIO,
        decimals=2,
        why=_(
            "More people were born abroad than hold a foreign nationality: many of them are "
            "Malian citizens born in a neighbouring country."
        ),
        hint=_(
            "Estimate the UN's born-abroad count for the census year by a straight line "
            "between the UN estimates on either side, then divide by the census count."
        ),
        traps=[
            (
                float(v),
                _("That uses one UN estimate as it stands; interpolate to the census year first."),
            )
            for v in others
        ],
    )
