"""Sentences of notebook 01 (Malians abroad: how many, and where?), in the edition's language.

Each function takes tables or values the notebook has computed (``analysis.demography``,
``analysis.population``, ``analysis.counts``, ``analysis.key_figures``) and returns a
:class:`diaspora_helpers.text.Prose`. Persons are counts of people, shares are percent
(0-100), years are integers. Tables whose text columns are named in the edition's
language (region groups, places, kinds of count) are read through the same labels
``analysis`` writes, so the functions work in both editions.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis import counts, demography, population
from diaspora_helpers.i18n import N_, _, ngettext

#: The three sources of notebook 01's definitions list: title and definition id.
SOURCES = (
    (N_("Administrative figure (the document)"), "document"),
    (N_("UN DESA migrant stock"), "un_desa"),
    (N_("World Bank/KNOMAD 2017"), "knomad_bilateral_migrant_stocks_2017"),
)
#: The other counts of Malians abroad whose reliability notebook 01 lists: title and id.
OTHER_COUNTS = (
    (N_("RACE 2001"), "race_2001"),
    (N_("IOM 2009"), "iom_profile_2009"),
    (N_("Statement of 2024"), "minister_2024"),
)


def _ratio(value: float) -> str:
    """A ratio with one decimal in the edition's language: 3.04 -> '3.0' ('3,0')."""
    return text.number(value, 1)


def census_gap(headcounts: pd.DataFrame) -> text.Prose:
    """The first and last census counts against the World Bank's estimate of their year.

    ``headcounts``: ``population.population_counts()`` (``year``, ``census_count`` and
    ``world_bank_estimate`` in persons, ``difference_pct`` in percent), oldest first;
    raises ``IndexError`` when it is empty.
    """
    counted, estimated = headcounts.iloc[0], headcounts.iloc[-1]
    return text.say(
        _(
            "The census of {year} counted {count} residents; the World Bank's estimate for "
            "{year} is {estimate}, {difference} more. For {last_year} the gap is "
            "{last_difference}: {last_count} counted against {last_estimate} estimated."
        ).format(
            year=counted["year"],
            count=text.number(counted["census_count"]),
            estimate=text.number(counted["world_bank_estimate"]),
            difference=text.percent(counted["difference_pct"]),
            last_year=estimated["year"],
            last_difference=text.percent(estimated["difference_pct"]),
            last_count=text.number(estimated["census_count"]),
            last_estimate=text.number(estimated["world_bank_estimate"]),
        )
    )


def stated_shares(shares: pd.DataFrame) -> text.Prose:
    """How many of the document's stated shares agree with the counts, naming the others.

    ``shares``: ``key_figures.recomputed_shares(...)``, one row per stated share with a
    boolean ``agrees`` and the share's ``label``.
    """
    off = shares.loc[~shares["agrees"].astype(bool), "label"]
    agree, total = len(shares) - len(off), len(shares)
    if len(off):
        sentence = ngettext(
            "Of the {total} stated shares, {agree} agrees with the counts within the "
            "document's rounding; the shares for {others} do not.",
            "Of the {total} stated shares, {agree} agree with the counts within the "
            "document's rounding; the shares for {others} do not.",
            agree,
        )
    else:
        sentence = ngettext(
            "Of the {total} stated shares, {agree} agrees with the counts within the "
            "document's rounding.",
            "Of the {total} stated shares, {agree} agree with the counts within the "
            "document's rounding.",
            agree,
        )
    return text.say(
        sentence.format(
            agree=text.spelled(agree, feminine=True),
            total=text.spelled(total),
            others=text.listing(off.tolist()),
        )
    )


def share_of_all_malians(
    document: Mapping[str, float], un_abroad: float, residents: float, year: int
) -> text.Prose:
    """Malians abroad as a share of residents and of all Malians, by the document and the UN.

    ``document``: ``key_figures.share_of_all_malians(...)`` (``abroad`` in persons,
    ``share_of_residents_pct`` and ``share_of_all_pct`` in percent); ``un_abroad``: the
    UN's migrants from Mali in ``year``; ``residents``: the World Bank's population of
    ``year`` (persons). Raises ``ValueError`` when ``residents`` is not positive.
    """
    un_shares = population.shares_of_population(un_abroad, residents)
    return text.say(
        _(
            "With the document's figures, {abroad} abroad are {of_residents} of the residents "
            "counted in 2009 but {of_all} of all Malians, at home and abroad. With the UN's "
            "count for {year}, {un_abroad} migrants from Mali, mostly people born there, lived "
            "abroad: {un_of_residents} of the {residents} residents the World Bank estimates "
            "for that year, and {un_of_all} of all Malians, at home and abroad, counted that way."
        ).format(
            abroad=text.millions(document["abroad"], 1),
            of_residents=text.percent(document["share_of_residents_pct"]),
            of_all=text.percent(document["share_of_all_pct"]),
            year=year,
            un_abroad=text.number(un_abroad),
            un_of_residents=text.percent(un_shares["share_of_residents_pct"]),
            residents=text.number(residents),
            un_of_all=text.percent(un_shares["share_of_all_pct"]),
        )
    )


def what_each_counts() -> text.Prose:
    """A list of the three sources of notebook 01, each with what it counts
    (``data/definitions.csv``, in the edition's language)."""
    return text.say(
        "\n".join(
            _("- **{title}.** {definition}").format(
                title=_(title), definition=counts.definition(source)
            )
            for title, source in SOURCES
        )
    )


def administrative_gap(
    over_time: pd.DataFrame, admin: pd.Series, wb: pd.Series, un_abroad: float, year: int
) -> text.Prose:
    """How far the UN's and the World Bank's counts fall below the administrative figure.

    ``over_time``: ``demography.totals_over_time()`` (``total`` persons by year);
    ``admin`` and ``wb``: rows of ``demography.abroad_estimates`` (``persons``, ``year``);
    ``un_abroad``: the UN's count for ``year`` (persons).
    """
    largest = over_time["total"].max()
    return text.say(
        _(
            "The gap is {gap} people in {year}. Even the UN's largest estimate, {largest} in "
            "{largest_year}, is {largest_share} of the administrative figure, and the World "
            "Bank's {wb} for {wb_year} is {wb_share}."
        ).format(
            gap=text.millions(admin["persons"] - un_abroad, 2),
            year=year,
            largest=text.number(largest),
            largest_year=over_time["total"].idxmax(),
            largest_share=text.percent(100 * largest / admin["persons"]),
            wb=text.number(wb["persons"]),
            wb_year=wb["year"],
            wb_share=text.percent(100 * wb["persons"] / admin["persons"]),
        )
    )


def regional_split(
    named: pd.DataFrame,
    regions: pd.DataFrame,
    key: pd.DataFrame,
    un_africa: float,
    un_abroad: float,
    year: int,
) -> text.Prose:
    """The UN's split of Malians abroad by region against the document's.

    ``named``: the country rows of ``demography.top_destinations`` (``share_pct``);
    ``regions``: ``demography.by_region(year)``; ``key``: ``key_figures.key_figures()``
    (indexed by id: ``malians_abroad``, ``malians_in_africa``, ``malians_in_europe``);
    ``un_africa``: ``demography.africa_share(year)`` (percent); ``un_abroad``: the UN's
    total for ``year`` (persons). Raises ``KeyError`` for a missing region or figure.
    """
    total = float(key.at["malians_abroad", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    doc_africa = 100 * float(key.at["malians_in_africa", "value"]) / total  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    doc_europe = 100 * float(key.at["malians_in_europe", "value"]) / total  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    un_region = regions.set_index("region_group")["share_pct"]
    return text.say(
        _(
            "The {n} largest communities held {top_share} of all Malians abroad in {year}. The "
            "UN places {un_africa} of the total in Africa ({south} south of the Sahara), "
            "{un_europe} in Europe and {elsewhere} anywhere else. The document puts "
            "{doc_africa} of its total in Africa and {doc_europe} in Europe. The proportions "
            "differ by {points} percentage points for Africa, while the totals differ "
            "{fold}-fold."
        ).format(
            n=text.spelled(len(named), feminine=True),
            top_share=text.percent(named["share_pct"].sum()),
            year=year,
            un_africa=text.percent(un_africa),
            south=text.percent(un_region["sub_saharan_africa"]),
            un_europe=text.percent(un_region["europe"]),
            elsewhere=text.percent(un_region["elsewhere"]),
            doc_africa=text.percent(doc_africa),
            doc_europe=text.percent(doc_europe),
            points=_ratio(abs(un_africa - doc_africa)),
            fold=_ratio(total / un_abroad),
        )
    )


def women_share(women: pd.DataFrame, over_time: pd.DataFrame, year: int) -> text.Prose:
    """Women's share of Malians abroad: its range over the largest communities, its change
    over time, and women and men in ``year``.

    ``women``: ``demography.women_by_destination`` (``country``, ``women_share_pct``);
    ``over_time``: ``demography.totals_over_time()`` indexed by year (``female``,
    ``male`` persons, ``female_share_pct`` percent); ``year`` must be one of its years.
    """
    lowest = women.loc[women["women_share_pct"].idxmin()]  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label
    highest = women.loc[women["women_share_pct"].idxmax()]  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label
    first_year, last_year = over_time.index[0], over_time.index[-1]
    return text.say(
        _(
            "Among the {n} largest communities, women's share ran from {low} in {low_country} "
            "to {high} in {high_country}. Across all destinations women's share moved from "
            "{first} in {first_year} to {last} in {last_year}. In {year}, {women} women and "
            "{men} men from Mali, mostly born there, lived abroad."
        ).format(
            n=text.spelled(len(women), feminine=True),
            low=text.percent(lowest["women_share_pct"]),
            low_country=lowest["country"],
            high=text.percent(highest["women_share_pct"]),
            high_country=highest["country"],
            first=text.percent(over_time.loc[first_year, "female_share_pct"]),
            first_year=first_year,
            last=text.percent(over_time.loc[last_year, "female_share_pct"]),
            last_year=last_year,
            year=year,
            women=text.number(over_time.loc[year, "female"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            men=text.number(over_time.loc[year, "male"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        )
    )


def europe_and_france(versus_un: pd.DataFrame, year: int) -> text.Prose:
    """France's part of Malians in Europe by the UN and by the document, and the document's
    figures as multiples of the UN's.

    ``versus_un``: ``demography.document_vs_un(key, year)`` (``where`` codes, ``document``
    and ``un_desa_<year>`` in persons, ``ratio_document_to_un``).
    """
    table = versus_un.set_index("where")
    un_cols, doc_cols = table[f"un_desa_{year}"], table["document"]
    europe, france, africa = "Europe", "France", "Africa"
    return text.say(
        _(
            "The UN counts {un_europe} migrants from Mali in Europe and {un_france} in France "
            "in {year}, so France holds {un_france_share} of the European total; the "
            "document's own figures give France {doc_france_share} of Europe. Against the "
            "UN's count, the document's figure is {europe_ratio} times as large in Europe "
            "and {africa_ratio} times as large in Africa."
        ).format(
            un_europe=text.number(un_cols[europe]),
            un_france=text.number(un_cols[france]),
            year=year,
            un_france_share=text.percent(100 * un_cols[france] / un_cols[europe]),
            doc_france_share=text.percent(100 * doc_cols[france] / doc_cols[europe]),
            europe_ratio=_ratio(table.at[europe, "ratio_document_to_un"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            africa_ratio=_ratio(table.at[africa, "ratio_document_to_un"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        )
    )


def foreigners(
    foreign: pd.Series,
    population: float,
    interpolated: pd.Series,
    immigrants: pd.Series,
    origins: pd.DataFrame,
    year: int,
) -> text.Prose:
    """The census's foreign nationals against the UN's international migrants living in Mali.

    ``foreign``: the key figure ``foreigners_in_mali`` (``value`` persons,
    ``reference_year``); ``population``: the census's residents (persons);
    ``interpolated``: the last row of ``population.foreigners_comparison`` (``persons``);
    ``immigrants``: the UN's international migrants living in Mali by year; ``origins``:
    ``population.immigrant_origins(year, n)`` with at least two rows (``country``,
    ``persons``), else ``IndexError``.
    """
    return text.say(
        _(
            "The census's {foreign} foreign nationals were {share} of the residents it "
            "counted. The UN's estimate of international migrants living in Mali (people born "
            "abroad, or foreign citizens where no birthplace is recorded), interpolated to "
            "{census_year}, is {interpolated}; for {year} the UN gives {immigrants}. The "
            "largest group in {year} came from {first} ({first_persons}), then {second} "
            "({second_persons})."
        ).format(
            foreign=text.number(foreign["value"]),
            share=text.percent(100 * foreign["value"] / population, 2),
            census_year=foreign["reference_year"],
            interpolated=text.number(interpolated["persons"]),
            year=year,
            immigrants=text.number(immigrants.loc[year]),
            first=origins["country"].iloc[0],
            first_persons=text.number(origins["persons"].iloc[0]),
            second=origins["country"].iloc[1],
            second_persons=text.number(origins["persons"].iloc[1]),
        )
    )


def other_counts_reliability(others: pd.DataFrame) -> text.Prose:
    """A list of the other counts of Malians abroad, each with how far it can be trusted.

    ``others``: ``load("malians_abroad_other_counts")`` (its ``reliability`` column is in
    the edition's language); raises ``KeyError`` when a count of :data:`OTHER_COUNTS` is
    missing.
    """
    by_source = others.drop_duplicates("source_id").set_index("source_id")
    return text.say(
        "\n".join(
            _("- **{title}.** {reliability}").format(
                title=_(title), reliability=by_source.at[source, "reliability"]
            )
            for title, source in OTHER_COUNTS
        )
    )


def cote_divoire_counts(civ: pd.DataFrame) -> text.Prose:
    """The counts of Malians in Côte d'Ivoire side by side: register, census, UN.

    ``civ``: ``counts.destination_counts("CIV")`` (``count``: a code of
    ``counts.DESTINATION_COUNTS``, ``reference_year``, ``persons``), with the RACE row, the
    census row and the UN's 1995 and 2000 rows; raises ``KeyError`` or ``IndexError`` when
    one is missing.
    """
    race = civ.set_index("count").at["race_register", "persons"]
    census = civ[civ["count"] == "destination_census"].iloc[0]
    un = civ[civ["count"] == "un_stock"].set_index("reference_year")["persons"]
    return text.say(
        _(
            "For Côte d'Ivoire, the 2001 register holds {race} Malians, the country's own "
            "census of {census_year} counted {census} Malian nationals, and the UN estimates "
            "{un_1995} in 1995 and {un_2000} in 2000. A census that counts by nationality "
            "takes in people of Malian nationality born in Côte d'Ivoire, whom a count by "
            "birthplace leaves out; the register holds only those who registered. The highest "
            "figure is {excess} above the UN's for 2000, two years later. Part of the gap may "
            "come from definitions (nationality against birthplace, if the UN's figure for "
            "Côte d'Ivoire rests on birthplace); these tables cannot say how much."
        ).format(
            race=text.number(race),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            census_year=int(census["reference_year"]),
            census=text.number(census["persons"]),
            un_1995=text.number(un.loc[1995]),
            un_2000=text.number(un.loc[2000]),
            excess=text.percent(100 * (census["persons"] / un.loc[2000] - 1), 0),
        )
    )


def france_and_africa(
    top: pd.DataFrame, un_africa: float, un_abroad: float, year: int
) -> text.Prose:
    """France's and Africa's shares of the UN's Malians abroad in ``year``.

    ``top``: ``demography.top_destinations`` (``iso3``, ``share_pct``); when France is
    not among its rows, its share is computed from the UN's country rows.
    ``un_africa``: ``demography.africa_share(year)``; ``un_abroad``: the UN's total.
    """
    france = top.set_index("iso3")["share_pct"].get(
        "FRA", 100 * demography.continent_totals(year)["France"] / un_abroad
    )
    return text.say(
        _(
            "In {year}, France was home to {france} of the migrants from Mali the UN counts "
            "abroad, and Africa to {africa}."
        ).format(year=year, france=text.percent(france), africa=text.percent(un_africa))
    )
