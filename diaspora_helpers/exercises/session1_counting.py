"""Checks of session 1: Counting the diaspora.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

import functools

from diaspora_helpers import i18n
from diaspora_helpers.analysis import demography, key_figures, population
from diaspora_helpers.exercises.grading import (
    Verdict,
    exercise,
    grade_choice,
    grade_number,
    resolver,
)
from diaspora_helpers.exercises.names import Names, in_each_language, label_variants
from diaspora_helpers.exercises.reading import PERCENT, RATIO
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
    admin = float(key_figures.key_figures().at["malians_abroad", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    un = float(demography.total(un_year))
    return grade_number(
        answer,
        admin / un,
        unit=RATIO,
        decimals=2,
        why=_(
            "The administrative figure is several times the UN count. The two do not count "
            "the same people, and the ratio alone cannot say why they differ: descendants "
            "born abroad, registers that are not kept up to date and people whom no census "
            "records are all possible reasons (notebook 01 sets them out)."
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
    "document": "administrative",
    "source document": "administrative",
    "document source": "administrative",
    "the document's figure": "administrative",
    "administrative figure": "administrative",
    "chiffre administratif": "administrative",
    "chiffre du document": "administrative",
    "Administrative figure (the document)": "administrative",
    "Chiffre administratif (le document)": "administrative",
}

#: The answer key of exercise 1.3, written here and tested on its own: of the three
#: counts, only a count of nationals can include a Malian child born in a country whose
#: census records place of birth. UN DESA counts people by place of birth wherever a census
#: records it, and the World Bank/KNOMAD stocks estimate people born in Mali; the
#: administrative count, a count of nationals, may include descendants born abroad
#: (data/definitions.csv, rows un_desa_migrant_stock, knomad_bilateral_migrant_stocks_2017
#: and administrative_sources).
COUNT_WITH_DESCENDANTS = "administrative"


@functools.cache
def _kind_names() -> Names:
    """The names of the three kinds of count: their keys, the aliases above, and the
    labels the tables of notebook 01 and of the exercise show for them, in both editions
    ("DAES (ONU) 2020", "Document source (sources administratives)"), each as a reader may
    copy it (:func:`label_variants`). The labels come from the catalogs, not the data, so
    they are read once per process."""
    names = Names({kind: kind for kind in demography.WHAT_IS_COUNTED} | _KIND_ALIASES)
    for table in in_each_language(
        lambda: i18n.labelled(demography.abroad_estimates(key_figures.key_figures(), [2020]))
    ):
        for label, kind in zip(table["estimate"], table["kind"], strict=True):
            for variant in sorted(label_variants(str(label))):
                names.add(variant, str(kind))
    return names


@exercise("1.3")
def check_count_with_descendants(answer: object) -> Verdict:
    """Exercise 1.3: which kind of count can include a Malian child born in a country whose
    census records place of birth (:data:`COUNT_WITH_DESCENDANTS`)."""
    return grade_choice(
        answer,
        COUNT_WITH_DESCENDANTS,
        resolve=_kind_names(),
        options=_("one of the three kinds of count named in the exercise, in quotes"),
        why=_(
            "Where a census records place of birth, UN DESA counts people born in Mali, and "
            "the World Bank/KNOMAD estimates do the same; a child born there is in neither. A "
            "count of nationals may include descendants born abroad who hold Malian "
            "nationality. (Where a census records only citizenship, the UN counts Malian "
            "citizens instead, and such a child can be among them.)"
        ),
        hint=_(
            "Read what each estimate counts (`demography.WHAT_IS_COUNTED`): which ones follow "
            "place of birth where a census records it, and which one counts nationals?"
        ),
    )


#: The places of the document's split, in the order of demography.document_vs_un's rows.
_PLACES = ("Africa", "Europe", "France")


@exercise("1.4")
def check_largest_gap_region(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 1.4: where the document's figure exceeds the UN's by the largest ratio."""
    table = demography.document_vs_un(key_figures.key_figures(), un_year)
    correct = str(table.loc[table["ratio_document_to_un"].idxmax(), "where"])  # type: ignore[index]  # pandas-stubs: idxmax gives a Hashable label
    where = [str(w) for w in table["where"]]  # codes: africa, europe, france
    places = {w: w for w in where}
    # each place is also read by its name in either edition
    for shown in in_each_language(lambda: [i18n.word(w, demography.PLACES) for w in where]):
        places |= {str(label): w for label, w in zip(shown, where, strict=True)}
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
            "`demography.document_vs_un` gives both columns."
        ),
    )


@exercise("1.5")
def check_foreign_born_ratio(answer: object) -> Verdict:
    """Exercise 1.5: the UN's count of international migrants living in Mali (born abroad,
    or foreign citizens where no birthplace is recorded), interpolated to the census year,
    over the census count of foreign nationals."""
    key = key_figures.key_figures()
    count = float(key.at["foreigners_in_mali", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    year = int(key.at["foreigners_in_mali", "reference_year"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
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
            "The UN counts more international migrants living in Mali than the census "
            "counted foreign nationals. The tables cannot say who makes up the difference: "
            "none of them crosses nationality with place of birth."
        ),
        hint=_(
            "Estimate the UN's count of migrants living in Mali for the census year by a "
            "straight line between the UN estimates on either side, then divide by the census "
            "count."
        ),
        traps=[
            (
                float(v),
                _("That uses one UN estimate as it stands; interpolate to the census year first."),
            )
            for v in others
        ],
    )
