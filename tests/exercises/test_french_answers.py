"""Answers written the French way pass in both editions; the French edition answers in French.

A francophone student types numbers with a decimal comma, as text (``"3,07"``: ``3,07``
without quotes is a tuple in Python), groups digits with spaces of any kind
(``"1 303 511"``), and names countries and institutions in French (``"Côte d’Ivoire"``,
``"Banque mondiale"``). Every expected answer here is computed from ``data/`` through the
topic helpers, never copied.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from diaspora_helpers import exercises, i18n, setup
from diaspora_helpers.analysis import demography, key_figures
from diaspora_helpers.data import countries
from diaspora_helpers.exercises import grading, reading

EDITIONS = ("en", "fr")
NNBSP, NBSP, THIN = "\u202f", "\u00a0", "\u2009"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    setup(language="en")


def _french_decimal(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _french_grouped(value: float, space: str) -> str:
    return f"{round(value):,}".replace(",", space)


def _admin_to_un() -> float:
    return float(key_figures.key_figures().at["malians_abroad", "value"]) / float(  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        demography.total(2020)
    )


# -- reading numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("4,82", 4.82),
        ("16,3 %", 16.3),
        (f"16,3{NBSP}%", 16.3),
        ("-0,5", -0.5),
        ("\u22120,5", -0.5),
        ("1 303 511", 1303511.0),
        (f"1{NBSP}303{NBSP}511", 1303511.0),
        (f"1{NNBSP}303{NNBSP}511", 1303511.0),
        (f"1{THIN}303{THIN}511", 1303511.0),
        (f"1{NNBSP}303{NNBSP}511,5", 1303511.5),
        ("1,303,511", 1303511.0),
        ("1,303,511.25", 1303511.25),
        ("27.5%", 27.5),
        (f"+2,3{NBSP}%", 2.3),
        ("US$250", 250.0),
        ("1 000 000 $", 1e6),
    ],
)
def test_numbers_typed_the_french_or_english_way_are_read_in_both_editions(edition, typed, value):
    setup(language=edition)
    assert reading.as_number(typed) == pytest.approx(value)


def test_one_comma_and_three_digits_follows_the_edition():
    """'1,303' is a thousand and more in English, a little over one in French."""
    setup(language="en")
    assert reading.as_number("1,303") == 1303.0
    setup(language="fr")
    assert reading.as_number("1,303") == pytest.approx(1.303)


def test_text_that_is_not_one_number_is_not_read():
    for typed in ("4,8,2a", "quatre", "4,82 millions", ""):
        assert reading.as_number(typed) is None


@pytest.mark.parametrize(
    ("answer", "slip"),
    [((4, 82), True), ((1, 303, 511), True), ((4, -82), False), (("a", "b"), False), ((4,), False)],
)
def test_a_number_typed_with_commas_and_no_quotes_is_recognised(answer, slip):
    assert reading.comma_slip(answer) is slip


# -- numbers in the checks ---------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_ratio_with_a_decimal_comma_passes_and_a_wrong_one_fails(edition):
    setup(language=edition)
    ratio = _admin_to_un()
    assert exercises.check_admin_to_un_ratio(_french_decimal(ratio, 2)).correct
    assert exercises.check_admin_to_un_ratio(f"{_french_decimal(ratio, 2)} ").correct
    wrong = exercises.check_admin_to_un_ratio(_french_decimal(ratio + 0.5, 2))
    assert not wrong.correct


def test_a_wrong_answer_gets_a_french_hint_in_the_french_edition():
    setup(language="fr")
    ratio = _admin_to_un()
    verdict = exercises.check_admin_to_un_ratio(_french_decimal(ratio + 0.5, 2))
    assert str(verdict).startswith("Pas tout à fait. Divisez")
    assert "trop élevée" in str(verdict)
    setup(language="en")
    assert str(exercises.check_admin_to_un_ratio(ratio + 0.5)).startswith("Not quite. Divide")


@pytest.mark.parametrize(("edition", "word"), [("en", "quotes"), ("fr", "guillemets")])
def test_a_decimal_comma_without_quotes_gets_help_in_the_edition_language(edition, word):
    setup(language=edition)
    ratio = _admin_to_un()
    whole, decimals = _french_decimal(ratio, 2).split(",")
    verdict = exercises.check_admin_to_un_ratio((int(whole), int(decimals)))
    assert not verdict.correct and word in str(verdict)
    grading.set_hints(False)
    try:  # how to write a number is not a hint: it stays when hints are off
        assert word in str(exercises.check_admin_to_un_ratio((int(whole), int(decimals))))
    finally:
        grading.set_hints(True)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("space", [" ", NBSP, NNBSP, THIN])
def test_a_count_of_persons_grouped_with_any_space_passes(edition, space):
    setup(language=edition)
    table = key_figures.abroad_breakdown(key_figures.key_figures())
    rest = float(table.set_index("where").loc["not_placed", "persons"])
    assert exercises.check_unplaced_abroad(_french_grouped(rest, space)).correct
    assert not exercises.check_unplaced_abroad(_french_grouped(rest + 1000, space)).correct


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_percentage_with_a_decimal_comma_and_sign_passes(edition):
    setup(language=edition)
    share = key_figures.share_of_all_malians(key_figures.key_figures())["share_of_all_pct"]
    assert exercises.check_share_of_all_malians(f"{_french_decimal(share, 1)}{NBSP}%").correct


# -- names -------------------------------------------------------------------------------------


def _french_country_name(iso3: str) -> str:
    previous = i18n.language()
    setup(language="fr")
    try:
        return countries.country_name(iso3)
    finally:
        setup(language=previous)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_top_destination_named_in_french_passes_in_both_editions(edition):
    table = demography.destinations(2020)
    top, second = str(table["iso3"].iloc[0]), str(table["iso3"].iloc[1])
    name = _french_country_name(top)
    setup(language=edition)
    variants = {name, name.replace("’", "'"), name.replace("'", "’"), name.upper()}
    variants |= {name.replace(" ", "-")}
    for typed in variants:
        assert exercises.check_top_destination(typed).correct, typed
    verdict = exercises.check_top_destination(_french_country_name(second))
    assert not verdict.correct
    if edition == "fr":
        assert str(verdict).startswith("Pas tout à fait. Triez")


def test_french_country_names_resolve_to_their_codes():
    resolve = grading.country_resolver(
        ["USA", "CIV", "GBR"], ["United States", "Côte d’Ivoire", "United Kingdom"]
    )
    assert resolve("États-Unis") == "USA"
    assert resolve("etats unis") == "USA"
    assert resolve("Côte d’Ivoire") == "CIV"
    assert resolve("Royaume-Uni") == "GBR"
    assert resolve("Mauritanie") is None  # a real country, but not among the choices


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_kinds_of_count_named_by_their_french_institutions(edition):
    setup(language=edition)
    english = {"administrative": "administrative", "un_desa": "UN DESA", "world_bank": "World Bank"}
    french = {
        "administrative": "sources administratives",
        "un_desa": "DAES",
        "world_bank": "Banque mondiale",
    }
    right = [k for k in english if exercises.check_count_with_descendants(english[k]).correct]
    assert len(right) == 1
    for kind, name in french.items():
        assert exercises.check_count_with_descendants(name).correct is (kind == right[0]), name


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_places_of_exercise_1_4_named_in_french(edition):
    setup(language=edition)
    table = demography.document_vs_un(key_figures.key_figures(), 2020)
    correct = str(table.loc[table["ratio_document_to_un"].idxmax(), "where"])
    french = {english: fr for fr, english in reading.FRENCH_NAMES.items()}
    name = french.get(correct, correct)
    assert exercises.check_largest_gap_region(name).correct
    others = [str(w) for w in table["where"] if str(w) != correct]
    assert not exercises.check_largest_gap_region(french.get(others[0], others[0])).correct


# -- the French edition's messages -------------------------------------------------------------


def test_the_french_edition_counts_a_list_in_french():
    setup(language="fr")
    verdict = exercises.check_events_after_fidima(["not_an_id"])
    assert str(verdict) == (
        "Pas tout à fait. Dans votre liste, une entrée ne figure ni parmi les identifiants "
        "d’événements ni parmi les libellés que les tables leur donnent : copiez les "
        "identifiants ou les libellés depuis la table."
    ).replace(" :", "\u202f:")


def test_a_blank_answer_is_reported_in_the_edition_language():
    setup(language="fr")
    assert str(exercises.check_busiest_year(None)).startswith("Pas encore de réponse")
    setup(language="en")
    assert str(exercises.check_busiest_year(None)).startswith("Not yet answered")


def test_the_known_slip_of_exercise_2_3_gets_its_french_hint():
    """Only the Sub-Saharan group, typed with a decimal comma: the trap's hint, in French."""
    regions = demography.by_region(2020).set_index("region_group")["share_pct"]
    sub_saharan = float(regions[demography.REGION_GROUPS[0]])
    setup(language="fr")
    verdict = exercises.check_africa_share(_french_decimal(sub_saharan, 1))
    assert str(verdict).startswith("Pas tout à fait. L’Afrique du Nord est aussi en Afrique")


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_commonest_problem_named_in_french_passes(edition):
    """Exercise 5.6: the audit's commonest severity, typed in French (accents or not)."""
    from diaspora_helpers.analysis import audit
    from diaspora_helpers.exercises.session5_source_criticism import SEVERITY_FRENCH

    setup(language=edition)
    counts = audit.entries()["severity"].astype("str").value_counts()
    correct = str(counts.sort_index().idxmax())
    french = {en: fr for fr, en in SEVERITY_FRENCH.items()}
    assert exercises.check_commonest_problem(french[correct]).correct
    assert exercises.check_commonest_problem(reading.fold(french[correct]).upper()).correct
    other = next(str(k) for k in counts.index if str(k) != correct)
    verdict = exercises.check_commonest_problem(french[other])
    assert verdict.status == grading.WRONG
    assert "possibles" not in str(verdict) and "possible answers" not in str(verdict)


def test_a_list_missing_an_id_reads_as_a_french_sentence():
    """'Pas tout à fait.' is followed by a sentence that starts with a capital or a digit."""
    from diaspora_helpers.analysis import policy

    setup(language="fr")
    links = policy.coverage()
    direct = links[
        (links["constraint_id"] == "remittance_costs") & (links["strength"] == "direct")
    ]["strategy_id"]
    assert len(direct) > 1
    verdict = str(exercises.check_strategies_on_cost([str(direct.iloc[0])]))
    after = verdict.removeprefix("Pas tout à fait. ")
    assert after != verdict and (after[0].isupper() or after[0].isdigit()), verdict


def test_a_one_element_index_or_series_gives_its_element():
    """By position: a Series labelled 5 still gives its only value (and an Index works)."""
    import pandas as pd

    assert reading.unwrap(pd.Index([3.5])) == 3.5
    assert reading.unwrap(pd.Series([2.0], index=[5])) == 2.0


@pytest.mark.parametrize("typed", ["2e", "2ᵉ", "2ème", "deuxième", "le deuxième", "2nd"])
def test_a_rank_typed_as_an_ordinal_reads_as_its_number(typed):
    """Exercise 3.2 asks for Mali's rank; "2e", "2ᵉ" and "deuxième" were refused with
    "Donnez un nombre entier" (the francophone reviewer)."""
    setup(language="fr")
    assert reading.readings(typed) == [2.0]
    assert reading.readings("1er") == [1.0] and reading.readings("2e5") == [200000.0]


def _event_labels(event_id: str) -> list[str]:
    """The labels a page shows for ``event_id``, read from the CSV files of both editions."""
    import csv

    from diaspora_helpers import paths

    found = []
    for name in ("events.csv", "fr/events.csv"):
        with open(paths.data_dir() / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["id"] == event_id:
                    found += [row["label"], row["short_label"]]
    return [label for label in found if label]


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_event_is_answered_by_the_label_a_page_shows(edition: str) -> None:
    """The francophone reviewer's 4.1: « Réunions sur le projet » was refused; an event's
    label (or short label) from either edition's table stands for its id, exactly."""
    import csv

    from diaspora_helpers import paths

    setup(language=edition)
    with open(paths.data_dir() / "events.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    policy_date = next(r["date"] for r in rows if r["id"] == "nmp_adopted_2014_09_03")
    forums = sorted((r["date"], r["id"]) for r in rows if r["kind"] == "forum")
    correct = [i for date, i in forums if date < policy_date][-1]
    for label in _event_labels(correct):
        assert exercises.check_forum_before_policy(label).correct, label
    wrong = [i for date, i in forums if date < policy_date][0]
    assert not exercises.check_forum_before_policy(_event_labels(wrong)[0]).correct


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_key_figure_is_answered_by_its_label_in_either_edition(edition: str) -> None:
    """The francophone reviewer's 5.2: « Maliens établis en Europe » was refused with "copy
    the ids from the table"; a key figure's label stands for its id."""
    import csv

    from diaspora_helpers import paths

    labels: dict[str, list[str]] = {}
    for name in ("key_figures.csv", "fr/key_figures.csv"):
        with open(paths.data_dir() / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                labels.setdefault(row["id"], []).append(row["label"])
    setup(language=edition)
    by_id = exercises.check_disagreeing_shares(["malians_in_europe"])
    for label in labels["malians_in_europe"]:
        by_label = exercises.check_disagreeing_shares([label])
        assert by_label.correct == by_id.correct and str(by_label) == str(by_id), label


def _plural(name: str, edition: str) -> str:
    """The plural a student may type: -ies for an English -y, else -s on each word before
    "de" ("erreurs de calcul", "passages altérés")."""
    head, sep, tail = name.partition(" de ")
    if edition == "en":
        words = [w[:-1] + "ies" if w.endswith("y") else w + "s" for w in head.split()]
    else:
        words = [w if w.endswith(("s", "x")) else w + "s" for w in head.split()]
    return " ".join(words) + sep + tail


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_commonest_problem_reads_articles_and_plurals(edition):
    """Exercise 5.6: "une ambiguïté", "des passages altérés", "an ambiguity", "garbles"
    name their kind; a kind that is not the commonest is still wrong in any of these forms,
    and a word that names no kind is still refused."""
    from diaspora_helpers.analysis import audit
    from diaspora_helpers.exercises.session5_source_criticism import SEVERITY_FRENCH

    setup(language=edition)
    counts = audit.entries()["severity"].astype("str").value_counts()
    correct = str(counts.sort_index().idxmax())
    names = [(fr, en, "fr") for fr, en in SEVERITY_FRENCH.items() if en in counts.index]
    names += [(str(k), str(k), "en") for k in counts.index]
    assert {en for _, en, _ in names} == {str(k) for k in counts.index}
    for name, kind, language in names:
        articles = ("un", "une", "des", "les") if language == "fr" else ("a", "an", "the")
        forms = [f"{a} {name}" for a in articles[:-1]]
        forms += [_plural(name, language), f"{articles[-1]} {_plural(name, language)}"]
        for form in forms:
            verdict = exercises.check_commonest_problem(form)
            if kind == correct:
                assert verdict.correct, form
            else:
                assert verdict.status == grading.WRONG, form
    for refused in ("ambiguous", "des problèmes", "unes"):
        assert not exercises.check_commonest_problem(refused).correct, refused


def test_a_plural_is_read_as_its_singular_only_when_the_name_is_no_name():
    """ "Pays-Bas" stays the Netherlands; "Sénégals" is Senegal; a short word keeps its s."""
    from diaspora_helpers.exercises import names

    table = names.resolver({"NLD": "NLD", "SEN": "SEN", "ambiguity": "ambiguity"}, fuzzy=False)
    assert table("les Pays-Bas") == "NLD"
    assert table("Sénégals") == "SEN"
    assert table("ambiguities") == "ambiguity"
    assert table("« ambiguity »") == "ambiguity"
    assert table("SENS") is None  # a word of four letters keeps its s: not the code SEN
