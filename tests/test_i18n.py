"""One language setting for the edition; gettext catalogs translate the helpers' strings."""

import pytest

import diaspora_helpers
from diaspora_helpers import i18n, tables, text


def test_english_is_the_source_language_and_needs_no_catalog():
    diaspora_helpers.setup(language="en")
    assert i18n._("no value in the source") == "no value in the source"
    assert i18n.ngettext("{n} event", "{n} events", 1) == "{n} event"
    assert i18n.ngettext("{n} event", "{n} events", 3) == "{n} events"


def test_setup_sets_one_language_for_text_numbers_and_catalogs():
    diaspora_helpers.setup(language="fr")
    assert diaspora_helpers.language() == text.language() == "fr"
    assert text.percent(16.3) == "16,3\u00a0%"
    assert i18n._("no value in the source") == "pas de valeur dans la source"


def test_an_unknown_language_is_refused_and_the_language_kept():
    diaspora_helpers.setup(language="fr")
    with pytest.raises(ValueError, match="the editions are: 'en', 'fr'"):
        diaspora_helpers.setup(language="de")
    assert i18n.language() == "fr"


def test_a_string_without_french_falls_back_to_english():
    diaspora_helpers.setup(language="fr")
    assert i18n._("A sentence no catalog holds") == "A sentence no catalog holds"


def test_pick_returns_the_editions_text_and_names_a_missing_one():
    diaspora_helpers.setup(language="fr")
    assert i18n.pick(en="house", fr="maison") == "maison"
    with pytest.raises(ValueError, match="no 'fr' text"):
        i18n.pick(en="house")


def test_tables_translate_headers_booleans_and_the_missing_note():
    import pandas as pd

    frame = pd.DataFrame({"agrees": [True, False], "share_pct": [1.5, None]})
    english = tables.show(frame)
    assert english.labels == ["Agrees", "Share (%)"]
    assert english.cells[1][0] == "no" and "– means no value in the source." in english.to_text()
    diaspora_helpers.setup(language="fr")
    french = tables.show(frame)
    assert french.cells[0] == ["oui", "1,5"]
    assert french.caption == "– signifie\u202f: pas de valeur dans la source."


def test_word_reads_a_code_through_a_mapping_or_a_list_and_keeps_unknown_codes():
    words = {"law_policy": "Laws and policies"}
    assert i18n.word("law_policy", words) == "Laws and policies"
    assert i18n.word("mission", words) == "mission"
    diaspora_helpers.setup(language="fr")
    assert i18n.word("none", {"none": "no value in the source"}) == "pas de valeur dans la source"
    assert i18n.word("no value in the source", ("no value in the source",)) == (
        "pas de valeur dans la source"
    )
    assert i18n.word("other", ("no value in the source",)) == "other"
