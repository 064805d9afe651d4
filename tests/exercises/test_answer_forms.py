"""Every right form of a right answer passes; nothing else does (issues 22 and 24).

Two tables of answers, one per edition, each row an answer as a student writes it (in
English or in French) and the verdict it must get. The expected values are computed here
from the raw tables of ``data/`` (``load``), with the formula the question states, never
through the helper a check calls. Then what a verdict may not say: "too high"/"too low" on a
count, a count of wrong items in a list, or anything that lets a list be solved by leaving
one item out.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
import pytest

from diaspora_helpers import exercises, setup
from diaspora_helpers.analysis import remittances
from diaspora_helpers.data import load
from diaspora_helpers.exercises import grading

CORRECT, WRONG = "correct", "wrong"


@pytest.fixture(autouse=True)
def _english_with_hints_afterwards() -> Iterator[None]:
    yield
    setup(language="en")
    exercises.set_hints(True)


# -- expected values, from the raw tables -------------------------------------------------------


def _key(ident: str, column: str = "value") -> float:
    table = load("key_figures").set_index("id")
    return float(table.at[ident, column])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar


def _un(year: int = 2020) -> pd.DataFrame:
    stock = load("un_migrant_stock_mali")
    stock = stock.astype({c: "str" for c in ("direction", "sex", "partner_kind")})
    return stock[
        (stock["direction"] == "emigrants") & (stock["sex"] == "total") & (stock["year"] == year)
    ]


def _un_world(year: int = 2020) -> float:
    rows = _un(year)
    return float(rows.loc[rows["partner_kind"] == "world", "value"].iloc[0])


def share_of_all_malians() -> float:
    """1.1: Malians abroad over residents plus Malians abroad, in percent."""
    abroad = _key("malians_abroad")
    return 100 * abroad / (_key("population") + abroad)


def admin_to_un() -> float:
    """1.2: the document's figure over the UN's World total of 2020."""
    return _key("malians_abroad") / _un_world()


def top_destination() -> str:
    """2.1: the country row with the most emigrants in 2020 (ISO alpha-3)."""
    rows = _un()
    countries = rows[rows["partner_kind"] == "country"]
    return str(countries.sort_values("value")["partner_iso3"].iloc[-1])


def per_emigrant(year: int = 2020) -> float:
    """3.3: remittances received (current release) over the UN's emigrants of the year."""
    wdi = load("wdi_indicators")
    row = wdi[
        (wdi["iso3"] == "MLI")
        & (wdi["indicator_code"] == "BX.TRF.PWKR.CD.DT")
        & (wdi["year"] == year)
    ]
    return float(row["value"].iloc[0]) / _un_world(year)


def fee_gain_millions(focus_year: int, target: float) -> float:
    """3.6, the usual calculation the question states: the recorded flow R times the cut in
    cost, R (c - t) (none when the cost is already at or below the target), in millions of
    US dollars."""
    year = remittances.cost_year(focus_year)
    cost = float(remittances.country_cost().loc[year]) / 100
    wdi = load("wdi_indicators")
    received = float(
        wdi[
            (wdi["iso3"] == "MLI")
            & (wdi["indicator_code"] == "BX.TRF.PWKR.CD.DT")
            & (wdi["year"] == year)
        ]["value"].iloc[0]
    )
    return received * max(cost - target / 100, 0.0) / 1e6


def france_implied() -> int:
    """5.1: the printed share of Malians in France times the census population."""
    return round(_key("malians_in_france", "stated_share_pct") / 100 * _key("population"))


def unplaced() -> int:
    """5.3: all Malians abroad less those in Africa and in Europe (France is in Europe)."""
    return round(_key("malians_abroad") - _key("malians_in_africa") - _key("malians_in_europe"))


def open_constraints() -> list[str]:
    """4.4 (scope 'all'): the constraints no strategy is linked to, even in part."""
    linked = set(load("strategy_constraint_links")["constraint_id"].astype("str"))
    return [str(c) for c in load("constraints")["id"] if str(c) not in linked]


def commonest_severity() -> str:
    """5.6: the audit's commonest severity (the first alphabetically on a tie)."""
    counts = load("source_audit")["severity"].astype("str").value_counts()
    return str(sorted(counts[counts == counts.max()].index)[0])


def _grouped(value: float, separator: str) -> str:
    return f"{round(value):,}".replace(",", separator)


def _comma(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


# -- the tables of answers ---------------------------------------------------------------------

#: (what it is, the check, the answer, the verdict): the verdict is CORRECT, WRONG, an ISO
#: code (right when it is the top destination, and read as a country either way), or None
#: for a place of exercise 1.4 (worked out from the raw tables).
Row = tuple[
    str, Callable[[], Callable[[object], grading.Verdict]], Callable[[], object], str | None
]

#: Answers as an English-speaking student writes them.
ENGLISH: list[Row] = [
    (
        "share, plain",
        lambda: exercises.check_share_of_all_malians,
        lambda: round(share_of_all_malians(), 1),
        CORRECT,
    ),
    (
        "share, with %",
        lambda: exercises.check_share_of_all_malians,
        lambda: f"{share_of_all_malians():.1f}%",
        CORRECT,
    ),
    (
        "share, 'percent'",
        lambda: exercises.check_share_of_all_malians,
        lambda: f"{share_of_all_malians():.1f} percent",
        CORRECT,
    ),
    (
        "share, unrounded",
        lambda: exercises.check_share_of_all_malians,
        share_of_all_malians,
        CORRECT,
    ),
    (
        "share, Series",
        lambda: exercises.check_share_of_all_malians,
        lambda: pd.Series([share_of_all_malians()], index=["x"]),
        CORRECT,
    ),
    (
        "share, Index",
        lambda: exercises.check_share_of_all_malians,
        lambda: pd.Index([share_of_all_malians()]),
        CORRECT,
    ),
    (
        "share, array",
        lambda: exercises.check_share_of_all_malians,
        lambda: np.array([share_of_all_malians()]),
        CORRECT,
    ),
    (
        "share, 0-d array",
        lambda: exercises.check_share_of_all_malians,
        lambda: np.array(share_of_all_malians()),
        CORRECT,
    ),
    (
        "share, list",
        lambda: exercises.check_share_of_all_malians,
        lambda: [share_of_all_malians()],
        CORRECT,
    ),
    (
        "share, tuple",
        lambda: exercises.check_share_of_all_malians,
        lambda: (share_of_all_malians(),),
        CORRECT,
    ),
    (
        "share, set",
        lambda: exercises.check_share_of_all_malians,
        lambda: {share_of_all_malians()},
        CORRECT,
    ),
    (
        "share, one-cell frame",
        lambda: exercises.check_share_of_all_malians,
        lambda: pd.DataFrame({"share": [share_of_all_malians()]}),
        CORRECT,
    ),
    (
        "share, numpy scalar",
        lambda: exercises.check_share_of_all_malians,
        lambda: np.float64(share_of_all_malians()),
        CORRECT,
    ),
    (
        "share, one decimal off",
        lambda: exercises.check_share_of_all_malians,
        lambda: round(share_of_all_malians(), 1) + 0.1,
        WRONG,
    ),
    (
        "ratio, two decimals",
        lambda: exercises.check_admin_to_un_ratio,
        lambda: round(admin_to_un(), 2),
        CORRECT,
    ),
    (
        "ratio, 'x'",
        lambda: exercises.check_admin_to_un_ratio,
        lambda: f"{admin_to_un():.2f}x",
        CORRECT,
    ),
    (
        "ratio, one decimal (too coarse)",
        lambda: exercises.check_admin_to_un_ratio,
        lambda: round(admin_to_un(), 1),
        WRONG,
    ),
    (
        "dollars, plain",
        lambda: exercises.check_per_emigrant,
        lambda: round(per_emigrant()),
        CORRECT,
    ),
    (
        "dollars, 'N USD'",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} USD",
        CORRECT,
    ),
    (
        "dollars, 'USD N'",
        lambda: exercises.check_per_emigrant,
        lambda: f"USD {round(per_emigrant())}",
        CORRECT,
    ),
    (
        "dollars, '$N'",
        lambda: exercises.check_per_emigrant,
        lambda: f"${round(per_emigrant())}",
        CORRECT,
    ),
    (
        "dollars, 'N $'",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} $",
        CORRECT,
    ),
    (
        "dollars, 'US$ N'",
        lambda: exercises.check_per_emigrant,
        lambda: f"US$ {round(per_emigrant())}",
        CORRECT,
    ),
    (
        "dollars, 'N dollars'",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} dollars",
        CORRECT,
    ),
    (
        "dollars, a wrong unit",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} %",
        WRONG,
    ),
    (
        "millions, with the words",
        lambda: exercises.check_fee_savings,
        lambda: f"{fee_gain_millions(2020, 3.0):.1f} million USD",
        CORRECT,
    ),
    (
        "persons, commas",
        lambda: exercises.check_france_share,
        lambda: _grouped(france_implied(), ","),
        CORRECT,
    ),
    (
        "persons, dots",
        lambda: exercises.check_france_share,
        lambda: _grouped(france_implied(), "."),
        CORRECT,
    ),
    (
        "persons, '300.000'",
        lambda: exercises.check_unplaced_abroad,
        lambda: _grouped(unplaced(), "."),
        CORRECT,
    ),
    (
        "persons, 'N persons'",
        lambda: exercises.check_unplaced_abroad,
        lambda: f"{unplaced()} persons",
        CORRECT,
    ),
    (
        "country, Index",
        lambda: exercises.check_top_destination,
        lambda: pd.Index([top_destination()]),
        CORRECT,
    ),
    (
        "country, 'the ...'",
        lambda: exercises.check_top_destination,
        lambda: "the Ivory Coast" if top_destination() == "CIV" else top_destination(),
        CORRECT,
    ),
    (
        "country, a prefix",
        lambda: exercises.check_top_destination,
        lambda: top_destination()[:3].title() + "x",
        WRONG,
    ),
    ("country, 'Mau'", lambda: exercises.check_top_destination, lambda: "Mau", WRONG),
    (
        "kind, key",
        lambda: exercises.check_count_with_descendants,
        lambda: "administrative",
        CORRECT,
    ),
    (
        "kind, table label",
        lambda: exercises.check_count_with_descendants,
        lambda: "Source document (administrative)",
        CORRECT,
    ),
    (
        "kind, 'the document'",
        lambda: exercises.check_count_with_descendants,
        lambda: "the document",
        CORRECT,
    ),
    (
        "kind, UN label",
        lambda: exercises.check_count_with_descendants,
        lambda: "UN DESA 2020",
        WRONG,
    ),
    ("ids, list", lambda: exercises.check_unaddressed_constraints, open_constraints, CORRECT),
    (
        "ids, Index",
        lambda: exercises.check_unaddressed_constraints,
        lambda: pd.Index(open_constraints()),
        CORRECT,
    ),
    (
        "ids, text",
        lambda: exercises.check_unaddressed_constraints,
        lambda: ", ".join(reversed(open_constraints())),
        CORRECT,
    ),
    (
        "ids, English short labels",
        lambda: exercises.check_unaddressed_constraints,
        lambda: [_label("constraints", i, "short_label") for i in open_constraints()],
        CORRECT,
    ),
    (
        "ids, one left out",
        lambda: exercises.check_unaddressed_constraints,
        lambda: open_constraints()[1:],
        WRONG,
    ),
    ("severity, value", lambda: exercises.check_commonest_problem, commonest_severity, CORRECT),
]


def _label(table: str, ident: str, column: str) -> str:
    frame = load(table).set_index("id")
    return str(frame.at[ident, column])


def _french(answer: Callable[[], object]) -> Callable[[], object]:
    """The answer as read from the French tables (``load`` in the French edition)."""

    def make() -> object:
        setup(language="fr")
        return answer()

    return make


_SEVERITY_FR = {
    "ambiguity": "l’ambiguïté",
    "arithmetic": "l'erreur de calcul",
    "garble": "le passage altéré",
}

#: The same, as a French-speaking student writes them (the edition set to French).
FRENCH: list[Row] = [
    (
        "part, virgule",
        lambda: exercises.check_share_of_all_malians,
        lambda: _comma(share_of_all_malians(), 1),
        CORRECT,
    ),
    (
        "part, '21,6 %'",
        lambda: exercises.check_share_of_all_malians,
        lambda: _comma(share_of_all_malians(), 1) + "\u202f%",
        CORRECT,
    ),
    (
        "part, 'pour cent'",
        lambda: exercises.check_share_of_all_malians,
        lambda: _comma(share_of_all_malians(), 1) + " pour cent",
        CORRECT,
    ),
    (
        "part, arrondie à l'unité",
        lambda: exercises.check_share_of_all_malians,
        lambda: str(round(share_of_all_malians())),
        WRONG,
    ),
    (
        "rapport, virgule",
        lambda: exercises.check_admin_to_un_ratio,
        lambda: _comma(admin_to_un(), 2),
        CORRECT,
    ),
    (
        "rapport, 'fois'",
        lambda: exercises.check_admin_to_un_ratio,
        lambda: _comma(admin_to_un(), 2) + " fois",
        CORRECT,
    ),
    (
        "dollars, '$US'",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} $US",
        CORRECT,
    ),
    (
        "dollars, 'dollars US'",
        lambda: exercises.check_per_emigrant,
        lambda: f"{round(per_emigrant())} dollars US",
        CORRECT,
    ),
    (
        "millions, 'millions de dollars'",
        lambda: exercises.check_fee_savings,
        lambda: _comma(fee_gain_millions(2020, 3.0), 1) + " millions de dollars",
        CORRECT,
    ),
    (
        "personnes, espaces fines",
        lambda: exercises.check_france_share,
        lambda: _grouped(france_implied(), "\u202f"),
        CORRECT,
    ),
    (
        "personnes, '188.873'",
        lambda: exercises.check_france_share,
        lambda: _grouped(france_implied(), "."),
        CORRECT,
    ),
    (
        "personnes, '300.000'",
        lambda: exercises.check_unplaced_abroad,
        lambda: _grouped(unplaced(), "."),
        CORRECT,
    ),
    (
        "personnes, '300.000 personnes'",
        lambda: exercises.check_unplaced_abroad,
        lambda: _grouped(unplaced(), ".") + " personnes",
        CORRECT,
    ),
    (
        "pays, 'la Côte d'Ivoire'",
        lambda: exercises.check_top_destination,
        lambda: "la Côte d'Ivoire" if top_destination() == "CIV" else top_destination(),
        CORRECT,
    ),
    (
        "pays, 'la Côte d’Ivoire'",
        lambda: exercises.check_top_destination,
        lambda: "la Côte d’Ivoire" if top_destination() == "CIV" else top_destination(),
        CORRECT,
    ),
    (
        "pays, 'en Côte-d'Ivoire'",
        lambda: exercises.check_top_destination,
        lambda: "en Côte-d'Ivoire" if top_destination() == "CIV" else top_destination(),
        CORRECT,
    ),
    (
        "pays, 'la Mauritanie'",
        lambda: exercises.check_top_destination,
        lambda: "la Mauritanie",
        "MRT",
    ),
    ("lieu, 'l'Afrique'", lambda: exercises.check_largest_gap_region, lambda: "l'Afrique", None),
    ("lieu, 'l’Afrique'", lambda: exercises.check_largest_gap_region, lambda: "l’Afrique", None),
    (
        "estimation, 'Document source'",
        lambda: exercises.check_count_with_descendants,
        lambda: "Document source",
        CORRECT,
    ),
    (
        "estimation, 'le document'",
        lambda: exercises.check_count_with_descendants,
        lambda: "le document",
        CORRECT,
    ),
    (
        "estimation, 'Document source (sources administratives)'",
        lambda: exercises.check_count_with_descendants,
        lambda: "Document source (sources administratives)",
        CORRECT,
    ),
    (
        "estimation, 'DAES (ONU)'",
        lambda: exercises.check_count_with_descendants,
        lambda: "DAES (ONU)",
        WRONG,
    ),
    (
        "estimation, 'Banque mondiale/KNOMAD 2017'",
        lambda: exercises.check_count_with_descendants,
        lambda: "Banque mondiale/KNOMAD 2017",
        WRONG,
    ),
    (
        "contraintes, libellés courts français",
        lambda: exercises.check_unaddressed_constraints,
        _french(lambda: [_label("constraints", i, "short_label") for i in open_constraints()]),
        CORRECT,
    ),
    (
        "contraintes, libellés français en texte",
        lambda: exercises.check_unaddressed_constraints,
        _french(lambda: "; ".join(_label("constraints", i, "label") for i in open_constraints())),
        CORRECT,
    ),
    (
        "contraintes, avec articles",
        lambda: exercises.check_unaddressed_constraints,
        _french(
            lambda: [
                "l'" + _label("constraints", i, "short_label")
                if _label("constraints", i, "short_label")[0] in "AEÉIOU"
                else "la " + _label("constraints", i, "short_label")
                for i in open_constraints()
            ]
        ),
        CORRECT,
    ),
    (
        "gravité, avec article",
        lambda: exercises.check_commonest_problem,
        lambda: _SEVERITY_FR.get(commonest_severity(), commonest_severity()),
        CORRECT,
    ),
]


def _verdict_of_place(answer: str) -> str:
    """1.4's verdict for a place named in French: right for Africa when the document's
    figure is the largest multiple of the UN's there (computed from the raw tables)."""
    rows = _un()
    un = rows.set_index("partner_name")["value"]
    africa = float(un["Sub-Saharan Africa"] + un["North Africa"])
    france = float(rows.loc[rows["partner_iso3"] == "FRA", "value"].iloc[0])
    ratios = {
        "Africa": _key("malians_in_africa") / africa,
        "Europe": _key("malians_in_europe") / float(un["Europe"]),
        "France": _key("malians_in_france") / france,
    }
    return CORRECT if max(ratios, key=lambda place: ratios[place]) == "Africa" else WRONG


def _run(edition: str, row: Row) -> None:
    what, check, answer, expected = row
    given = answer()  # may read the French tables
    setup(language=edition)
    verdict = check()(given)
    if expected is None:
        expected = _verdict_of_place(str(given))
    elif expected not in (CORRECT, WRONG):  # a country: read as one, right if it is the top
        assert "possible" not in str(verdict), f"{what}: {given!r} -> {verdict}"
        expected = CORRECT if top_destination() == expected else WRONG
    assert verdict.status == expected, f"{what}: {given!r} -> {verdict}"


@pytest.mark.parametrize("row", ENGLISH, ids=[r[0] for r in ENGLISH])
def test_english_answers(row):
    _run("en", row)


@pytest.mark.parametrize("row", FRENCH, ids=[r[0] for r in FRENCH])
def test_french_answers(row):
    _run("fr", row)


@pytest.mark.parametrize("row", FRENCH, ids=[r[0] for r in FRENCH])
def test_french_answers_in_the_english_edition(row):
    """A francophone student in the English edition is read the same way; only '188.873'
    style grouping needs no edition, so every row holds."""
    _run("en", row)


# -- one-element results are read as their value (1.4, 2.1, 3.2, 4.1, 4.3, 5.6) ----------------


def _forum_before_policy() -> str:
    events = load("events").astype({"kind": "str", "date": "str"})
    policy_date = events.loc[events["id"] == "nmp_adopted_2014_09_03", "date"].iloc[0]
    forums = events[(events["kind"] == "forum") & (events["date"] < policy_date)]
    return str(forums.sort_values("date")["id"].iloc[-1])


def _busiest_year() -> int:
    years = load("events")["date"].astype("str").str[:4].astype(int)
    counts = years.value_counts()
    return int(min(counts.index[counts == counts.max()]))


def _peer_rank() -> int:
    wdi = load("wdi_indicators")
    year = wdi[(wdi["year"] == 2020) & wdi["iso3"].isin(["MLI", *remittances_peers()])]
    wide = year.pivot_table(index="iso3", columns="indicator_code", values="value")
    share = wide["BX.TRF.PWKR.CD.DT"] / wide["NY.GDP.MKTP.CD"]
    return int((share > share["MLI"]).sum()) + 1


def remittances_peers() -> tuple[str, ...]:
    from diaspora_helpers.exercises.session3_remittances import DEFAULT_PEERS

    return DEFAULT_PEERS


@pytest.mark.parametrize("edition", ["en", "fr"])
@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (lambda: exercises.check_largest_gap_region, lambda: "Africa"),
        (lambda: exercises.check_top_destination, top_destination),
        (lambda: exercises.check_peer_rank, _peer_rank),
        (lambda: exercises.check_forum_before_policy, _forum_before_policy),
        (lambda: exercises.check_busiest_year, _busiest_year),
        (lambda: exercises.check_commonest_problem, commonest_severity),
    ],
    ids=["1.4", "2.1", "3.2", "4.1", "4.3", "5.6"],
)
def test_a_one_element_index_is_read_as_its_value(edition, check, answer):
    setup(language=edition)
    value = answer()
    if check() is exercises.check_largest_gap_region and _verdict_of_place("Africa") != CORRECT:
        pytest.skip("Africa is not the answer of 1.4 with these data")
    for form in (pd.Index([value]), pd.Series([value]).to_numpy(), pd.Series([value]).values):
        verdict = check()(form)
        assert verdict.correct, f"{form!r}: {verdict}"


# -- precision: the tolerance is the precision asked ----------------------------------------------


def test_a_value_rounded_too_coarsely_is_asked_for_the_decimals():
    for answer in (round(admin_to_un(), 1), round(admin_to_un())):
        message = str(exercises.check_admin_to_un_ratio(answer))
        assert "two decimals" in message, message
        assert "too high" not in message and "too low" not in message
    setup(language="fr")
    message = str(exercises.check_share_of_all_malians(str(round(share_of_all_malians()))))
    assert "une décimale" in message and "trop" not in message, message


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_a_whole_number_typed_with_a_zero_decimal_is_read_like_the_float(edition):
    """Review: the float 5.0 got "rounded more coarsely" but the text "5,0" got the method
    hint with "too high": text whose decimals are only zeros is read like the float."""
    setup(language=edition)
    whole = round(admin_to_un())
    assert round(admin_to_un(), 2) != whole  # else the whole number would be right
    words = {"en": ("two decimals", "too "), "fr": ("deux décimales", "trop ")}[edition]
    for answer in (float(whole), f"{whole},0", f"{whole}.0", f"{whole},00"):
        message = str(exercises.check_admin_to_un_ratio(answer))
        assert words[0] in message and words[1] not in message, (answer, message)


def test_3_6_at_2015_and_5_percent_takes_only_what_rounds_as_asked():
    """Issue 22: 0.905 passed 3.6 at 2015/5% although, with one decimal asked, it is 0.9
    and the gain rounds to 1.0. A value within half a unit of the gain but on the other
    side of a rounding boundary is refused; the gain rounded as asked, or more precisely,
    passes."""
    gain = fee_gain_millions(2015, 5.0)
    check = exercises.check_fee_savings
    for answer in (round(gain, 1), round(gain, 2), round(gain, 4), gain):
        assert check(answer, focus_year=2015, target_cost_pct=5.0).correct, answer
    low, high = (round(gain, 1) - 0.05, round(gain, 1) + 0.05)  # the rounding boundaries
    outside = [low - 0.001] if gain - low < 0.049 else [high + 0.001]
    if abs(0.905 - gain) < 0.05 and round(0.905 + 1e-9, 1) != round(gain, 1):
        outside.append(0.905)  # the very answer of the report, while the data give it
    for answer in outside:
        assert abs(answer - gain) < 0.05  # the old tolerance took it
        assert not check(answer, focus_year=2015, target_cost_pct=5.0).correct, answer


def test_a_number_that_reads_two_ways_gets_help_on_the_format():
    """'120.000' is 120 or 120 000: neither is 5.1's answer, so the student is shown both
    readings and how to write the number, whatever the hints setting."""
    assert france_implied() not in (120, 120000)
    exercises.set_hints(False)
    message = str(exercises.check_france_share("120.000"))
    assert "120.000" in message and "120,000" in message and "120000" in message, message


def test_a_number_that_reads_two_ways_names_its_small_reading_without_decimals_in_french():
    """Review: in French "120,000" is 120 with decimals, not a thousands reading: the help
    says the answer reads as 120 or 120 000, and never shows "120,000"."""
    assert france_implied() not in (120, 120000)
    setup(language="fr")
    exercises.set_hints(False)
    message = str(exercises.check_france_share("120.000"))
    assert "se lire 120 ou 120" in message and "120,000" not in message, message
    assert "120000" in message, message


# -- counts: right or wrong only -----------------------------------------------------------------


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_count_questions_never_say_too_high_or_too_low(edition):
    setup(language=edition)
    for check, right in (
        (exercises.check_france_share, france_implied()),
        (exercises.check_unplaced_abroad, unplaced()),
    ):
        messages = {str(check(right + delta)) for delta in (-50000, -1000, -7, 7, 1000, 50000)}
        for message in messages:
            for word in ("too high", "too low", "trop élevée", "trop basse", "Close", "Presque"):
                assert word not in message, message


# -- one answer, whatever the order of words -------------------------------------------------------


def test_five_countries_in_one_string_earn_nothing_in_any_order():
    """Every order of the five largest destinations, joined five ways, read the way 2.1 and
    2.4 read a country: never one country; then a sample of them through the checks."""
    rows = _un()
    countries = rows[rows["partner_kind"] == "country"].sort_values("value", ascending=False)
    names = [str(n) for n in countries["partner_name"].head(5)]
    resolve = grading.country_resolver(countries["partner_iso3"], countries["partner_name"])
    joined = [
        joiner.join(order)
        for order in itertools.permutations(names)
        for joiner in (" ", ", ", " and ", "; ", " / ")
    ]
    assert len(joined) == 600
    for text in joined:
        verdict = grading.grade_choice(
            text,
            str(countries["partner_iso3"].iloc[0]),
            resolve=resolve,
            options="",
            why="",
            hint="",
        )
        assert not verdict.correct, text
    for text in joined[::97]:
        assert not exercises.check_top_destination(text).correct, text
        assert not exercises.check_fastest_growing(text).correct, text


@pytest.mark.parametrize("typed", ["Mau", "Mauri", "Côte", "Niger Nigeria", "Ivory", "C"])
def test_a_prefix_or_a_fragment_is_refused(typed):
    assert not exercises.check_top_destination(typed).correct
    assert not exercises.check_fastest_growing(typed).correct


def test_a_misspelling_counts_only_within_a_small_distance_of_one_name():
    from diaspora_helpers.exercises.names import Names

    names = Names({"Niger": "NER", "Nigeria": "NGA", "Mauritania": "MRT", "Côte d'Ivoire": "CIV"})
    assert names("Mauritanai") == "MRT"  # two letters swapped
    assert names("Cote d Ivoire") == "CIV"
    assert names("Nigeria") == "NGA" and names("Niger") == "NER"
    assert names("Nigera") is None  # one edit from both Niger and Nigeria: neither
    assert names("Mau") is None and names("Mauri") is None


# -- lists: a kind of mistake, never a count ------------------------------------------------------


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_leaving_one_item_out_at_a_time_reveals_nothing(edition):
    """Issue 22: '8 of your ids should not be in the list' let 4.4 be solved in 15 calls.
    Every list one item away from the full list of constraints gets the same message."""
    setup(language=edition)
    every = [str(c) for c in load("constraints")["id"]]
    messages = {str(exercises.check_unaddressed_constraints(every))}
    messages |= {
        str(exercises.check_unaddressed_constraints([c for c in every if c != left]))
        for left in every
    }
    assert len(messages) == 1, messages
    assert not any(ch.isdigit() for ch in messages.pop())


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_single_items_reveal_nothing_either(edition):
    setup(language=edition)
    wanted = set(open_constraints())
    assert len(wanted) > 1
    messages = {
        str(exercises.check_unaddressed_constraints([str(c)])) for c in load("constraints")["id"]
    }
    assert len(messages) == 1, messages


def test_a_known_slip_gets_its_kind_of_mistake():
    """Counting only direct links (a 1 in the matrix taken for no answer): the list holds
    the open constraints and those answered in part."""
    links = load("strategy_constraint_links").astype({"strength": "str"})
    direct = set(links.loc[links["strength"] == "direct", "constraint_id"].astype("str"))
    slip = [str(c) for c in load("constraints")["id"] if str(c) not in direct]
    assert set(slip) != set(open_constraints())
    message = str(exercises.check_unaddressed_constraints(slip))
    assert "in part" in message, message


def test_strategies_outside_the_scope_are_named_as_such():
    strategies = load("strategies").astype({"scope": "str"})
    outside = str(strategies.loc[strategies["scope"] != "national", "id"].iloc[0])
    message = str(exercises.check_strategies_without_constraint([outside], scope="national"))
    assert "outside `scope`" in message, message


def test_set_messages_never_hold_a_count_in_either_edition():
    for edition in ("en", "fr"):
        setup(language=edition)
        for answer in (
            open_constraints()[:1],
            open_constraints()[:-1],
            [*open_constraints(), "landlocked"],
        ):
            message = str(
                grading.grade_set(
                    answer,
                    open_constraints(),
                    valid=[str(c) for c in load("constraints")["id"]],
                    what="ids",
                    why="",
                    hint="Look again.",
                )
            )
            assert not any(ch.isdigit() for ch in message), message


def test_the_known_slip_of_4_2_gets_its_kind_of_mistake():
    """Counting by the year alone (2010 and 2011 for two years after December 2009)."""
    events = load("events").astype({"date": "str"})
    years = events["date"].str[:4].astype(int)
    by_year = list(events.loc[(years > 2009) & (years <= 2011), "id"])
    message = str(exercises.check_events_after_fidima(by_year, within_years=2.0))
    assert "`start`" in message, message


def test_a_slip_equal_to_the_answer_or_empty_never_fires():
    """With today's data every link to remittance costs is direct: 4.5's slip (all links)
    is the answer itself, and is graded right."""
    links = load("strategy_constraint_links").astype("str")
    on_cost = list(links.loc[links["constraint_id"] == "remittance_costs", "strategy_id"])
    direct = list(
        links.loc[
            (links["constraint_id"] == "remittance_costs") & (links["strength"] == "direct"),
            "strategy_id",
        ]
    )
    assert exercises.check_strategies_on_cost(on_cost).correct is (set(on_cost) == set(direct))
    verdict = grading.grade_set(
        [], ["a"], valid=["a", "b"], what="ids", why="", hint="Look.", traps=[([], "Empty!")]
    )
    assert str(verdict) == "Not quite. Look."


# -- an unquoted 300.000 is the float 300.0: a hint about the format (5.1, 5.3) --------------


@pytest.mark.parametrize("edition", ["en", "fr"])
@pytest.mark.parametrize("hints", [True, False])
@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (lambda: exercises.check_france_share, france_implied),
        (lambda: exercises.check_unplaced_abroad, unplaced),
    ],
    ids=["5.1", "5.3"],
)
def test_an_unquoted_dotted_thousand_gets_help_on_the_format(edition, hints, check, expected):
    """``188.873`` typed without quotes is the float 188.873: the student meant 188873, and
    is told how Python read it and how to write it, hints on or off (it is about the form,
    not the method); a float that is not the answer over 1000 gets no such help."""
    whole = expected()
    typed = float(f"{whole // 1000}.{whole % 1000:03d}")  # what Python makes of 188.873
    setup(language=edition)
    exercises.set_hints(hints)
    verdict = str(check()(typed))
    assert check()(typed).status == WRONG
    word = {"en": "Python reads", "fr": "Python lit donc"}[edition]
    assert f"{word} `{whole // 1000}.{whole % 1000:03d}`" in verdict, verdict
    # Written as Python takes it: no separator, or Python's underscore between groups.
    assert f"`{whole}`" in verdict and f"`{whole // 1000}_{whole % 1000:03d}`" in verdict
    assert {"en": "In Python a point marks decimals", "fr": "En Python, le point"}[
        edition
    ] in verdict
    other = str(check()(typed + 1))
    assert word not in other and "`" + str(whole) + "`" not in other, other


def test_the_dotted_thousand_help_says_how_python_read_the_number_in_french():
    setup(language="fr")
    whole = unplaced()
    said = str(exercises.check_unplaced_abroad(whole / 1000))
    read = f"{whole / 1000:.3f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"`{whole / 1000:.3f}` comme {read}." in said, said
    assert "En Python, le point marque les décimales" in said and "Écrivez le nombre" in said
    # What the hint tells the student to type is read as the answer.
    assert (
        exercises.check_unplaced_abroad(int(f"{whole // 1000}_{whole % 1000:03d}")).status != WRONG
    )


# -- 3.4: a sign slip is told about the sign, not "too low" -----------------------------------


def _document_over_world_bank() -> float:
    """3.4 from the raw tables: the document's CFA francs at the year's official rate, over
    the World Bank's remittances of the same year, less one, in percent."""
    year = int(_key("remittances", "reference_year"))
    wdi = load("wdi_indicators")
    mali = wdi[(wdi["iso3"] == "MLI") & (wdi["year"] == year)].set_index("indicator_code")
    rate = float(mali.at["PA.NUS.FCRF", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    world_bank = float(mali.at["BX.TRF.PWKR.CD.DT", "value"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return 100 * (_key("remittances") / rate / world_bank - 1)


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_3_4_a_sign_slip_gets_a_hint_about_the_sign(edition):
    correct = _document_over_world_bank()
    assert abs(correct) >= 0.1  # else no sign slip can show at one decimal
    setup(language=edition)
    word = {"en": "sign", "fr": "signe"}[edition]
    assert exercises.check_document_vs_world_bank(round(correct, 1)).status == CORRECT
    slip = exercises.check_document_vs_world_bank(round(-correct, 1))
    assert slip.status == WRONG and word in str(slip), slip
    assert "(" + {"en": "Your answer is too", "fr": "Votre réponse est trop"}[edition] not in str(
        slip
    )
    other = exercises.check_document_vs_world_bank(round(-correct, 1) - 1)
    assert other.status == WRONG and f" {word}" not in str(other), other
    exercises.set_hints(False)
    assert word not in str(exercises.check_document_vs_world_bank(round(-correct, 1)))


# -- a count typed in words is told to be written in figures (rfr11, 5.5) ---------------------


@pytest.mark.parametrize(
    ("edition", "typed", "figures"),
    [
        ("fr", "zéro", "0"),
        ("fr", "Aucune", "0"),
        ("fr", "aucun", "0"),
        ("fr", "une", "1"),
        ("fr", "neuf", "9"),
        ("fr", " Dix ", "10"),
        ("en", "zero", "0"),
        ("en", "none", "0"),
        ("en", "nine", "9"),
    ],
)
def test_a_count_in_words_is_told_to_be_written_in_figures(edition, typed, figures):
    setup(language=edition)
    exercises.set_hints(False)
    verdict = exercises.check_tokten_health_women(typed)
    assert verdict.status == WRONG
    said = str(verdict)
    expected = {
        "en": f"Write the number in figures, without quotes: {figures}.",
        "fr": f"Écrivez le nombre en chiffres, sans guillemets\u202f: {figures}.",
    }[edition]
    assert expected in said, said


@pytest.mark.parametrize("typed", ["onze", "beaucoup", "l’Afrique"])
def test_other_words_get_the_usual_format_help(typed):
    setup(language="fr")
    said = str(exercises.check_tokten_health_women(typed))
    assert "en chiffres" not in said and "Donnez un nombre entier" in said, said
