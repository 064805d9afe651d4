"""Prose helpers format numbers the same way everywhere."""

import pytest

from diaspora_helpers import text


def test_prose_plain_text_is_the_sentence():
    prose = text.say("  Mali had **14,528,662** residents.  ")
    assert repr(prose) == "Mali had **14,528,662** residents."
    assert prose._repr_markdown_() == repr(prose)


def test_number_formats():
    assert text.number(14528662) == "14,528,662"
    assert text.number(0.8259, 2) == "0.83"
    assert text.number(float("nan")) == "n/a"
    assert text.percent(27.532) == "27.5%"
    assert text.percent(0.826, 2) == "0.83%"
    assert text.millions(4_012_000) == "4.01 million"
    assert text.millions(4_000_000, 1) == "4 million"  # a round figure reads round
    assert text.millions(3_950_000, 1) == "4.0 million"  # a rounded one shows its precision
    assert text.billions(432e9, 0) == "432 billion"


@pytest.fixture
def french():
    text.set_language("fr")
    yield
    text.set_language("en")


def test_french_numbers_use_narrow_no_break_spaces_and_a_decimal_comma(french):
    assert text.number(1303511) == "1\u202f303\u202f511"
    assert text.number(2.675, 1) == "2,7"
    assert text.percent(16.3) == "16,3\u00a0%"
    assert text.billions(432e9, 0) == "432\u00a0milliards"
    assert text.millions(1.5e6, 1) == "1,5\u00a0million"
    # "les 4 millions", never "4,0 millions", with a no-break space before the word
    assert text.millions(4e6, 1) == "4\u00a0millions"
    assert text.number(float("nan")) == "n.d."


def test_french_dates_and_lists(french):
    assert text.date("2000-03-22") == "22 mars 2000"
    assert text.date("2002-02", "month") == "février 2002"
    assert text.listing(["A", "B", "C"]) == "A, B et C"


def test_english_reads_as_it_always_has():
    assert text.language() == "en"
    assert text.number(14528662) == "14,528,662"
    assert text.percent(4.236, 2) == "4.24%"
    assert text.billions(432e9, 0) == "432 billion"
    assert text.date("2000-03-22") == "22 March 2000"
    assert text.listing(["A", "B"], "or") == "A or B"


def test_written_date_takes_the_locale_it_is_given_not_the_editions():
    """One function writes dates for pages, chart tables and prose (the page's "Last
    updated" line, the audit's dates), whatever edition the process is set to."""
    from diaspora_helpers.i18n import translator

    french = translator("fr")
    assert text.language() == "en"
    assert text.written_date("2026-12-06", "fr", french) == "6 d\u00e9cembre 2026"
    assert text.written_date("2011-09", "fr", french) == "septembre 2011"
    assert text.written_date("2009-04-01", "fr", french) == "1er avril 2009"
    assert text.written_date("2026-12-06", "en_GB") == "6 December 2026"
    assert text.written_date("2009", "en_GB") == "2009"
    for bad in ("2009-13", "6 Dec 2026", "2009-02-30", "2009Q1"):
        with pytest.raises(ValueError):
            text.written_date(bad, "fr", french)


def test_an_unknown_language_or_precision_is_refused():
    with pytest.raises(ValueError, match="the editions are: 'en', 'fr'"):
        text.set_language("de")
    with pytest.raises(ValueError, match="not written at 'day' precision"):
        text.date("2000-03", "day")


def test_counted_goes_through_ngettext_with_both_forms(monkeypatch):
    from diaspora_helpers import i18n

    assert text.counted(1, "event") == "1 event"
    assert text.counted(0, "event") == "0 events"
    assert text.counted(2, "{n} body", "{n} bodies") == "2 bodies"
    seen = []

    def french(singular: str, plural: str, n: int) -> str:
        seen.append((singular, plural, n))
        return "{n} événement" if n in (0, 1) else "{n} événements"

    monkeypatch.setattr(i18n, "ngettext", french)
    text.set_language("fr")
    assert text.counted(0, "event") == "0 événement"
    assert text.counted(1500, "{n} event", "{n} events") == "1\u202f500 événements"
    assert seen == [("{n} event", "{n} events", 0), ("{n} event", "{n} events", 1500)]


def test_listing_translates_its_conjunction():
    assert text.listing(["A", "B", "C"], "or") == "A, B or C"
    text.set_language("fr")
    assert text.listing(["A", "B", "C"]) == "A, B et C"
    assert text.listing(["A", "B"], "or") == "A ou B"


def test_quarters_read_the_editions_way():
    # CLDR's abbreviated quarter of each locale (en_GB "Q3", fr "T1"), then the year.
    assert text.quarter("2020Q3") == "Q3\u00a02020"
    text.set_language("fr")
    assert text.quarter("2011Q1") == "T1\u00a02011"
    with pytest.raises(ValueError, match="YYYYQn"):
        text.quarter("2020-3")


def test_in_sentence_lowers_a_french_ministry_only():
    assert text.in_sentence("Ministère des Maliens de l’extérieur") == (
        "ministère des Maliens de l’extérieur"
    )
    assert text.in_sentence("Ministry of Malians Abroad") == "Ministry of Malians Abroad"
    assert text.in_sentence("Haut Conseil des Maliens de l’extérieur") == (
        "Haut Conseil des Maliens de l’extérieur"
    )


@pytest.mark.parametrize(
    ("n", "english", "french"),
    [
        (1, "1st", "1er"),
        (2, "2nd", "2ᵉ"),
        (3, "3rd", "3ᵉ"),
        (4, "4th", "4ᵉ"),
        (11, "11th", "11ᵉ"),
        (12, "12th", "12ᵉ"),
        (21, "21st", "21ᵉ"),
        (112, "112th", "112ᵉ"),
    ],
)
def test_ordinal_in_each_edition(n, english, french):
    try:
        text.set_language("en")
        assert text.ordinal(n) == english
        text.set_language("fr")
        assert text.ordinal(n) == french
    finally:
        text.set_language("en")


def test_in_sentence_lowers_a_french_numbered_legal_text_only():
    """« de la loi n° 02-008 » in running text (issue 24: « de la Loi n° 02-008 »); the table
    cell keeps its capital, and English and titled texts are left alone."""
    assert text.in_sentence("Loi n° 2012-001") == "loi n° 2012-001"
    assert text.in_sentence("Ordonnance n° 00-027/P-RM") == "ordonnance n° 00-027/P-RM"
    assert text.in_sentence("Décret n° 02-127") == "décret n° 02-127"
    assert text.in_sentence("Law No. 02-008") == "Law No. 02-008"
    assert text.in_sentence("Politique nationale de migration") == (
        "Politique nationale de migration"
    )


@pytest.mark.parametrize(
    ("language", "n", "feminine", "expected"),
    [
        ("en", 0, False, "zero"),
        ("en", 1, True, "one"),  # English has no feminine form: the bracket never shows
        ("en", 4, False, "four"),
        ("en", 10, False, "ten"),
        ("en", 11, False, "11"),  # above ten, figures
        ("en", 1303, False, "1,303"),
        ("fr", 1, False, "un"),
        ("fr", 1, True, "une"),  # « une part sur cinq »
        ("fr", 2, False, "deux"),
        ("fr", 4, False, "quatre"),
        ("fr", 10, False, "dix"),
        ("fr", 11, False, "11"),
        ("fr", 1303, False, "1\u202f303"),
    ],
)
def test_small_whole_numbers_are_spelled_in_running_prose(language, n, feminine, expected):
    text.set_language(language)
    try:
        assert text.spelled(n, feminine=feminine) == expected
    finally:
        text.set_language("en")


@pytest.mark.parametrize(
    ("language", "n", "feminine", "expected"),
    [
        ("en", 6, False, "Six"),
        ("fr", 9, False, "Neuf"),
        ("fr", 1, True, "Une"),
        ("en", 0, False, "Zero"),
    ],
)
def test_a_count_opening_a_sentence_is_in_words_with_a_capital(language, n, feminine, expected):
    text.set_language(language)
    try:
        assert text.opening(n, feminine=feminine) == expected
    finally:
        text.set_language("en")


def test_a_sentence_cannot_open_with_figures():
    with pytest.raises(ValueError, match="above ten"):
        text.opening(11)


def test_spelled_refuses_a_number_that_is_not_whole():
    with pytest.raises(TypeError, match="whole number"):
        text.spelled(2.5)
    with pytest.raises(TypeError, match="whole number"):
        text.spelled(True)


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", 1_131.2e6, "1.13 billion"),  # never "1,131 million"
        ("en", 1_069e6, "1.07 billion"),
        ("en", 999.4e6, "999 million"),  # under a billion stays in millions
        ("en", 999.6e6, "1 billion"),  # unless it rounds to a thousand of them
        ("en", 1_900e6, "1.9 billion"),  # no trailing zero
        ("en", 764.3e6, "764 million"),
        ("en", 2e9, "2 billion"),
        ("fr", 1_131.2e6, "1,13\u00a0milliard"),  # singular below two
        ("fr", 764.3e6, "764\u00a0millions"),
        ("fr", 2e9, "2\u00a0milliards"),
    ],
)
def test_amounts_over_a_thousand_million_read_in_billions(language, value, expected):
    text.set_language(language)
    try:
        assert text.amount(value) == expected
    finally:
        text.set_language("en")


@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        ("en", (3, 4), ["three", "four"]),
        ("en", (15, 4, 13), ["15", "4", "13"]),  # a series with one count above ten: figures
        ("fr", (2, (1, True)), ["deux", "une"]),
        ("fr", ((1, True), 14), ["1", "14"]),  # figures carry no gender
        ("fr", (1303, 8), ["1\u202f303", "8"]),
    ],
)
def test_counts_compared_in_one_sentence_are_written_alike(language, counts, expected):
    text.set_language(language)
    try:
        assert text.spelled_alike(*counts) == expected
    finally:
        text.set_language("en")
