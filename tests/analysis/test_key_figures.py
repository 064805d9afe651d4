"""Stated shares are recomputed from counts, with the document's own rounding."""

import pandas as pd
import pytest

from diaspora_helpers.analysis import key_figures

IDS = ["population", "malians_abroad", "malians_in_africa", "malians_in_europe"]
IDS += ["malians_in_france", "area"]


def _figures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": IDS,
            "value": [14_528_662.0, 4_000_000.0, 3_500_000.0, 200_000.0, 120_000.0, 1_241_238.0],
            "stated_share_pct": [None, 27.5, 24.0, 1.3, 1.3, None],
        },
        index=pd.Index(IDS, name="id"),
    )


def test_recomputed_shares_flag_only_real_disagreements():
    table = key_figures.recomputed_shares(_figures())
    assert list(table.index) == IDS[1:5]
    assert table.loc["malians_abroad", "recomputed_share_pct"] == pytest.approx(27.532, abs=1e-3)
    assert table.loc["malians_in_france", "recomputed_share_pct"] == pytest.approx(0.826, abs=1e-3)
    assert table["agrees"].tolist() == [True, True, False, False]


def test_stated_decimals():
    assert [key_figures.stated_decimals(s) for s in (27.5, 24.0, 0.76, 1.3)] == [1, 0, 2, 1]


def test_missing_denominator_is_named():
    with pytest.raises(KeyError, match="census"):
        key_figures.recomputed_shares(_figures(), population_id="census")


def test_share_of_all_malians_uses_a_larger_denominator():
    shares = key_figures.share_of_all_malians(_figures())
    assert shares["share_of_residents_pct"] == pytest.approx(27.532, abs=1e-3)
    assert shares["share_of_all_pct"] == pytest.approx(100 * 4 / 18.528662, abs=1e-6)


def test_abroad_breakdown_adds_up_without_counting_france_twice():
    table = key_figures.abroad_breakdown(_figures())
    assert table["persons"].sum() == pytest.approx(4_000_000)
    assert table.set_index("where").loc["Not placed by the document", "persons"] == 300_000
    assert table["share_of_abroad_pct"].sum() == pytest.approx(100)


def test_audit_entries_can_leave_out_what_another_section_shows():
    from diaspora_helpers.analysis import audit

    everything = set(audit.entries("events:")["id"])
    assert "tokten_start" in everything
    kept = set(audit.entries("events:", exclude=["tokten"])["id"])
    assert "tokten_start" not in kept and kept == {i for i in everything if "tokten" not in i[:6]}


def test_the_reader_tables_are_in_the_editions_language():
    import diaspora_helpers
    from diaspora_helpers.analysis import audit

    english = key_figures.as_printed(key_figures.key_figures())
    assert english.at["population", "value"] == "14,528,662"
    assert english.at["remittances", "kind of estimate"] == "central_bank"
    assert english.at["population", "unit"] == "persons"
    diaspora_helpers.setup(language="fr")
    french = key_figures.as_printed(key_figures.key_figures())
    assert french.shape == english.shape
    assert french.at["population", "value"] == "14\u202f528\u202f662"
    assert french.at["remittances", "kind of estimate"] == "banque centrale"
    assert french.at["population", "unit"] == "personnes"
    assert french.at["malians_abroad", "source"] == "sources administratives"
    # What the document printed is quoted as printed, in both editions.
    assert french["as printed"].equals(english["as printed"])
    reading = audit.as_reading(audit.entries("key_figures:malians_in_france"))
    assert reading.at["france_share", "topic"] == "Maliens en France"
    assert "0,83\u00a0%" in reading.at["france_share", "problem"]


def test_the_breakdown_keeps_english_places_for_lookups_in_both_editions():
    import diaspora_helpers

    diaspora_helpers.setup(language="fr")
    table = key_figures.abroad_breakdown(key_figures.key_figures())
    assert list(table["where"]) == list(key_figures.PLACES)
    assert table.set_index("where").at["Africa", "persons"] == 3_500_000


def test_the_chart_data_a_reader_downloads_is_in_the_editions_language():
    import diaspora_helpers

    parts = key_figures.abroad_breakdown(key_figures.key_figures())
    assert key_figures.breakdown_for_reader(parts).equals(parts)
    diaspora_helpers.setup(language="fr")
    french = key_figures.breakdown_for_reader(parts)
    assert list(french["where"]) == [
        "Afrique",
        "Europe (hors France)",
        "France",
        "Non situés par le document",
    ]
    assert french.at[3, "how_obtained"] == "calculé\u202f: total moins composantes"
    assert french["persons"].equals(parts["persons"])
