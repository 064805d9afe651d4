"""The table house style (issue 14): formatted cells, fixed HTML, readable plain text."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from diaspora_helpers import i18n, tables


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country": ["Côte d'Ivoire", "France", None],
            "year": [2012, 2013, 2014],
            "migrant_stock": [14528662.0, 324588.4, None],
            "share_pct": [11.5123, 3.0, pd.NA],
            "usd": [8.274170e08, 5.592501539743704, 2.0],
            "cost_ratio": [0.5, 1.25, 2.0],
        }
    )


def test_cells_follow_the_kind_of_column(frame: pd.DataFrame) -> None:
    table = tables.show(frame)
    assert table.labels == ["Country", "Year", "Migrant stock", "Share (%)", "USD", "Cost ratio"]
    assert table.cells[0] == ["Côte d'Ivoire", "2012", "14,528,662", "11.5", "827,417,000", "0.50"]
    assert table.cells[1][2] == "324,588" and table.cells[1][4] == "6"
    assert table.cells[2] == ["–", "2014", "–", "–", "2", "2.00"]
    assert table.numeric == [False, True, True, True, True, True]


def test_decimals_and_labels_can_be_overridden(frame: pd.DataFrame) -> None:
    table = tables.show(
        frame,
        columns={"country": "Country", "migrant_stock": "Persons"},
        decimals={"migrant_stock": 1},
    )
    assert table.labels == ["Country", "Persons"]
    assert table.cells[1] == ["France", "324,588.4"]
    assert tables.show(frame[["cost_ratio"]], decimals=0).cells[1] == ["1"]


def test_missing_values_are_explained_in_the_caption(frame: pd.DataFrame) -> None:
    assert (
        tables.show(frame, caption="Stocks.").caption == "Stocks. – means no value in the source."
    )
    assert tables.show(frame[["year"]], caption="Years.").caption == "Years."
    assert "means not collected" in str(tables.show(frame, missing="not collected").caption)


def test_html_has_fixed_ids_inline_alignment_and_no_style_block(frame: pd.DataFrame) -> None:
    html = tables.show(frame, caption="Stocks.").to_html()
    assert html == tables.show(frame.copy(), caption="Stocks.").to_html(), "same bytes every time"
    assert "<style" not in html and not re.search(r"\bT_[0-9a-f]{5}(?![0-9a-zA-Z])", html)
    assert re.search(r'<table id="T_dt-[0-9a-f]+" class="diaspora-table"', html)
    assert "<td id=" not in html, "no per-cell ids: they weigh and serve no reader"
    assert 'align="right" style="text-align:right">14,528,662</td>' in html
    assert 'align="left" style="text-align:left">France</td>' in html
    assert "NaN" not in html and "&lt;NA&gt;" not in html and "None" not in html
    assert not re.search(r"<t[hd][^>]*>\s*\d+\s*</th>", html.split("<tbody>")[1]), "no index"
    assert tables.show(frame.head(1)).to_html() != tables.show(frame.head(2)).to_html()


def test_plain_text_is_a_readable_table(frame: pd.DataFrame) -> None:
    text = repr(tables.show(frame[["country", "migrant_stock"]], caption="Stocks."))
    assert text.splitlines() == [
        "Stocks. – means no value in the source.",
        "",
        "Country        Migrant stock",
        "-------------  -------------",
        "Côte d'Ivoire     14,528,662",
        "France               324,588",
        "–                          –",
    ]
    assert "0x" not in text and "Styler" not in text


def test_index_is_shown_only_when_asked(frame: pd.DataFrame) -> None:
    indexed = frame.set_index("country")
    assert tables.show(indexed).labels[0] == "Year"
    assert tables.show(indexed, index=True).labels[0] == "Country"


def test_no_truncation() -> None:
    long = pd.DataFrame({"n": range(500), "name": ["x" * 80] * 500})
    table = tables.show(long)
    assert len(repr(table).splitlines()) == 502 and "x" * 80 in repr(table)
    assert table.to_html().count("<tr>") == 501


def test_errors_name_the_column(frame: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="'nope'"):
        tables.show(frame, columns=["nope"])
    with pytest.raises(KeyError, match="'nope'"):
        tables.show(frame, decimals={"nope": 1})
    with pytest.raises(TypeError, match="DataFrame"):
        tables.show([1, 2])  # type: ignore[arg-type]


def test_labels() -> None:
    assert tables.label("share_pct") == "Share (%)"
    assert tables.label("gdp_usd_millions") == "GDP USD millions"
    assert tables.label("Already Fine") == "Already Fine"
    assert tables.label("tokten_start") == "Tokten start"
    # a closing currency code is the header's unit; a rate per currency keeps its words
    assert tables.label("remittances_usd") == "Remittances (USD)"
    assert tables.label("gain_if_net_of_fees_usd") == "Gain if net of fees (USD)"
    assert tables.label("usd_per_migrant") == "USD per migrant"
    assert tables.label("xof_per_eur") == "XOF per EUR"


def test_the_missing_note_follows_the_caption_in_the_editions_language():
    import diaspora_helpers

    frame = pd.DataFrame({"count": [1.0, None]})
    english = tables.show(frame, caption="Counts.", missing="not counted")
    assert english.caption == "Counts. – means not counted."
    diaspora_helpers.setup(language="fr")
    french = tables.show(frame, caption="Effectifs.")
    assert french.caption == "Effectifs. – signifie\u202f: pas de valeur dans la source."
    assert french.labels == ["Effectif"]


def test_a_start_column_of_years_reads_as_years_and_a_start_count_does_not():
    import pandas as pd

    from diaspora_helpers import tables

    shown = tables.show(pd.DataFrame({"start": [1967.0, 1977.0], "to": [3.0, 12000.0]}))
    assert [row[0] for row in shown.cells] == ["1967", "1977"]
    assert [row[1] for row in shown.cells] == ["3", "12,000"]


def test_a_long_text_column_keeps_a_readable_width_and_a_short_one_does_not():
    import pandas as pd

    from diaspora_helpers import tables

    frame = pd.DataFrame({"code": ["SEN"], "n": [3], "what": ["a long description " * 5]})
    page = tables.show(frame).to_html()
    assert page.count("min-width:16em") == 2  # the long column's header and its one cell
    assert 'style="text-align:left">SEN' in page.replace("\n", "").replace(" >", ">")


def test_fractional_years_keep_their_fraction_and_no_separator():
    import pandas as pd

    import diaspora_helpers
    from diaspora_helpers import tables

    frame = pd.DataFrame({"start": [1991.5, 1992.0]})
    assert [row[0] for row in tables.show(frame).cells] == ["1991.50", "1992.00"]
    diaspora_helpers.setup(language="fr")
    assert [row[0] for row in tables.show(frame).cells] == ["1991,50", "1992,00"]


def test_a_code_a_student_types_is_code_beside_its_words() -> None:
    """``codes=``: the code column's cells are ``<code>`` in HTML (plain in text); the words
    beside them, and every other column, are not."""
    frame = i18n.with_words(
        pd.DataFrame({"severity": ["arithmetic", "scope"], "n": [1, 2]}),
        severity={"arithmetic": "arithmetic error", "scope": "scope of the figure"},
    )
    table = tables.show(frame, codes=["severity"])
    rows = re.findall(r"<tr>(.*?)</tr>", table.to_html(), re.S)[1:]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    assert cells == [
        ["Arithmetic error", "<code>arithmetic</code>", "1"],  # a cell of words: a capital
        ["Scope of the figure", "<code>scope</code>", "2"],
    ]
    text = table.to_text()
    assert "<code>" not in text and re.search(r"Arithmetic error +arithmetic +1", text)


def test_a_column_of_iso_dates_reads_in_words_at_its_precision():
    import diaspora_helpers

    frame = pd.DataFrame({"date": ["1967", "1991-03", "2011-09-01"], "note": ["1991-03", "x", "y"]})
    english = tables.show(frame)
    assert [row[0] for row in english.cells] == ["1967", "March 1991", "1 September 2011"]
    assert english.cells[0][1] == "1991-03"  # a column not named as dates keeps its text
    assert english.numeric == [False, False]
    diaspora_helpers.setup(language="fr")
    french = tables.show(frame)
    assert [row[0] for row in french.cells] == ["1967", "mars 1991", "1er septembre 2011"]
    # A "date" column of other text is text, shown as stored.
    assert tables.column_kind("date", pd.Series(["fin des années 1960"])) == "text"


def test_identifier_columns_are_code_unless_they_read_as_words() -> None:
    """r25d: exercise pages showed ids a student types (``production_costs``) as plain
    text. A column named ``id`` or ``…_id`` is ``<code>``; one with words recorded for its
    codes shows the words, as plain text."""
    frame = i18n.with_words(
        pd.DataFrame({"id": ["landlocked"], "strategy_id": ["s1"], "note_id": ["n1"]}),
        strategy_id={"s1": "Train local officials"},
    )
    html = tables.show(frame).to_html()
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    assert cells == ["<code>landlocked</code>", "Train local officials", "<code>n1</code>"]


def test_tokten_s_words_start_with_a_capital_in_a_table_in_both_editions() -> None:
    """Review: exercise 5.4's table read « éducation », « santé »… where the TOKTEN chart
    reads « Éducation »: a cell of words starts with a capital; the words stay lower case
    in running text."""
    from diaspora_helpers import setup
    from diaspora_helpers.analysis import tokten
    from diaspora_helpers.data import load

    for edition in ("en", "fr"):
        setup(language=edition)
        shown = tables.show(load("tokten_results")).to_text()
        sector = i18n.word("education", tokten.WORDS)
        assert sector[:1].islower()  # the word itself, as a sentence uses it
        assert sector[:1].upper() + sector[1:] in shown
        assert not re.search(rf"^{re.escape(sector)}\b", shown, re.M), shown
