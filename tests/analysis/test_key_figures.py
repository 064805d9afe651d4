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
    assert table.set_index("where").loc["not_placed", "persons"] == 300_000
    assert table["share_of_abroad_pct"].sum() == pytest.approx(100)


def test_audit_entries_can_leave_out_what_another_section_shows():
    from diaspora_helpers.analysis import audit

    everything = set(audit.entries("events:")["id"])
    assert "tokten_start" in everything
    kept = set(audit.entries("events:", exclude=["tokten"])["id"])
    assert "tokten_start" not in kept and kept == {i for i in everything if "tokten" not in i[:6]}


def test_the_reader_table_keeps_codes_and_numbers_and_reads_in_the_edition():
    import diaspora_helpers
    from diaspora_helpers import tables
    from diaspora_helpers.analysis import audit

    english = key_figures.as_printed(key_figures.key_figures())
    assert english.at["population", "value"] == 14_528_662
    assert english.at["remittances", "kind_of_estimate"] == "central_bank"
    assert english.at["population", "unit"] == "persons"
    shown = tables.show(english)
    row = dict(
        zip(shown.labels, shown.cells[list(english.index).index("remittances")], strict=True)
    )
    assert (row["Kind of estimate"], row["Unit"]) == ("Central bank", "CFA francs (XOF)")
    diaspora_helpers.setup(language="fr")
    french = key_figures.as_printed(key_figures.key_figures())
    assert french.drop(columns=["label", "source"]).equals(
        english.drop(columns=["label", "source"])
    )
    shown = tables.show(french)
    cells = shown.cells[list(french.index).index("population")]
    assert "14\u202f528\u202f662" in cells and "personnes" in cells
    assert "Banque centrale" in shown.cells[list(french.index).index("remittances")]
    assert french.at["malians_abroad", "source"] == "sources administratives"
    reading = audit.as_reading(audit.entries("key_figures:malians_in_france"))
    assert reading.at["france_share", "topic"] == "Maliens en France"
    assert "0,83\u00a0%" in reading.at["france_share", "problem"]


def test_the_breakdown_keeps_codes_for_lookups_in_both_editions():
    import diaspora_helpers

    diaspora_helpers.setup(language="fr")
    table = key_figures.abroad_breakdown(key_figures.key_figures())
    assert list(table["where"]) == list(key_figures.PLACES)
    assert table.set_index("where").at["africa", "persons"] == 3_500_000


def test_the_chart_download_holds_codes_and_a_label_column_in_the_edition():
    import diaspora_helpers
    from diaspora_helpers.charts import files

    parts = key_figures.abroad_breakdown(key_figures.key_figures())
    english = files.chart_table(parts)
    assert list(english["where"]) == list(key_figures.PLACES)
    assert list(english["where_label"])[1] == "Europe (excluding France)"
    diaspora_helpers.setup(language="fr")
    french = files.chart_table(key_figures.abroad_breakdown(key_figures.key_figures()))
    assert list(french.columns) == list(english.columns)
    assert list(french["where_label"]) == [
        "Afrique",
        "Europe (hors France)",
        "France",
        "Non situés par le document",
    ]
    assert french.at[3, "how_obtained_label"] == "calculé\u202f: total moins composantes"
    codes = [c for c in french.columns if not c.endswith("_label")]
    assert french[codes].equals(english[codes])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_cell_of_words_in_the_reader_table_starts_with_a_capital(language):
    """The francophone editor's reading of 00: « sources administratives » in the Source
    column beside « Sources administratives » in the next one. Sentence case in every
    column of words (the label, the source, the kind of estimate); units stay units and
    the value and share as printed stay as the document printed them."""
    import diaspora_helpers
    from diaspora_helpers import tables

    diaspora_helpers.setup(language=language)
    try:
        data = key_figures.as_printed(key_figures.key_figures())
        shown = tables.show(data)
    finally:
        diaspora_helpers.setup(language="en")
    words = [tables.label(c) for c in ("label", "source", "kind_of_estimate")]
    if language == "fr":
        words = ["Libellé", "Source", "Type d’estimation"]
    columns = [shown.labels.index(w) for w in words]
    cells = [row[i] for row in shown.cells for i in columns]
    texts = [c for c in cells if c and c[0].isalpha()]
    assert texts and all(c[0].isupper() for c in texts), texts
    raw = data["source"].dropna().astype("str")
    assert any(s[0].islower() for s in raw)  # the data keeps its own case
    source = shown.labels.index(words[1])
    shown_sources = {row[source] for row in shown.cells}
    assert {s[0].upper() + s[1:] for s in raw} <= shown_sources
