"""Which tables read as cards on a phone (issue 25, M1): decided alike for a table's
English and French twins, a table of numbers kept a table, a card named by its row.

The unit tests build tables by hand, in both editions' number formats and with the longer
words of French; the slow tests read the built site (``DIASPORA_BUILT_SITE``, else a run
of the collection): every twin table decides alike, and, in headless Chromium at 390 px,
no table with a column of text scrolls.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.site import table_fit, table_markup


def _table(head: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if j in numeric else f"<td>{c}</td>"
            for j, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


NNBSP = "\u202f"
#: 02's peers table, first rows, as the two editions print it: names, codes, numbers, yes/no.
PEERS_EN = _table(
    ["Country", "ISO3", "Millions of US dollars", "Share (%)", "Malians there in 2017",
     "USD per migrant", "Model artefact"],
    [["France", "FRA", "244.97", "23.6", "76,703", "3,193.69", "no"],
     ["Côte d'Ivoire", "CIV", "230.51", "22.2", "165,795", "1,390.34", "no"]],
)  # fmt: skip
PEERS_FR = _table(
    ["Pays", "ISO3", "Millions de dollars des États-Unis", "Part (%)", "Maliens présents en 2017",
     "USD par migrant", "Artefact du modèle"],
    [["France", "FRA", "244,97", "23,6", f"76{NNBSP}703", f"3{NNBSP}193,69", "non"],
     ["Côte d’Ivoire", "CIV", "230,51", "22,2", f"165{NNBSP}795", f"1{NNBSP}390,34", "non"]],
)  # fmt: skip
#: 00's "headline figures as printed", first rows: phrases, numbers and words.
HEADLINE_EN = _table(
    ["Label", "Value", "Unit", "Value as printed", "Share as printed", "Year", "Source",
     "Kind of estimate"],
    [["Area of Mali", "1,241,238", "km²", "1 241 238 km²", "–", "–", "–", "Geographic fact"],
     ["Resident population counted by the 2009 census", "14,528,662", "persons",
      "14 528 662 inhabitants", "–", "2009", "RGPH 2009", "Census"],
     ["Malians living outside Mali, all destinations", "4,000,000", "persons", "4 million",
      "27, 5%", "–", "administrative sources", "Administrative sources"]],
)  # fmt: skip
HEADLINE_FR = _table(
    ["Libellé", "Valeur", "Unité", "Valeur imprimée", "Part imprimée", "Année", "Source",
     "Nature de l’estimation"],
    [["Superficie du Mali", f"1{NNBSP}241{NNBSP}238", "km²", "1 241 238 km²", "–", "–", "–",
      "Donnée géographique"],
     ["Population résidente dénombrée par le recensement de 2009", f"14{NNBSP}528{NNBSP}662",
      "personnes", "14 528 662 inhabitants", "–", "2009", "RGPH 2009", "Recensement"],
     ["Maliens établis à l’extérieur, toutes destinations", f"4{NNBSP}000{NNBSP}000",
      "personnes", "4 million", "27, 5%", "–", "sources administratives",
      "Sources administratives"]],
)  # fmt: skip


def test_a_table_of_names_numbers_and_codes_stays_a_table_in_both_editions() -> None:
    """02's peers table is wider than a phone (seven columns of at least 56 px each) and
    stays a table that scrolls in its focusable box: a stack of number cards is 1,800 px."""
    for table in (PEERS_EN, PEERS_FR):
        assert table_fit.phone_width(table) > 7 * table_fit.CELL_MIN > table_fit.PHONE_WIDTH
        out = table_markup.for_readers(table)
        assert "cards" not in out and 'role="region" tabindex="0"' in out


def test_the_headline_table_reads_as_cards_in_both_editions() -> None:
    """At d12ca91 it scrolled in English (3 of 8 columns in view) and was cards in French."""
    for table, name in (
        (HEADLINE_EN, "Area of Mali"),
        (HEADLINE_FR, "Superficie du Mali"),
    ):
        out = table_markup.for_readers(table)
        assert 'class="cards"' in out
        # the card is named by its row: the first cell is the row's header
        assert re.search(rf'<th scope="row" data-label="[^"]+">{name}</th>', out)
        assert out.count('scope="row"') == 3


def test_longer_words_and_french_numbers_do_not_change_the_estimate() -> None:
    """Each word of the text twice as long, numbers in French format (narrow no-break
    spaces, decimal comma, a space before %): the same width, so the same decision."""
    english = _table(
        ["Year", "What it means", "Amount", "Share"],
        [["2009", "a census of the residents of Mali", "USD 827 million", "10%"],
         ["2022", "the fifth census, with its own definitions", "USD 1,576 million", "8.9%"]],
        numeric=frozenset({0}),
    )  # fmt: skip
    longer = re.sub(
        r"(?<=<td>)([A-Za-z ,]+)(?=</td>)", lambda m: re.sub(r"(\w+)", r"\1\1", m[1]), english
    )
    french = longer.replace("USD 827 million", "827 millions USD")
    french = french.replace("USD 1,576 million", f"1{NNBSP}576 millions USD")
    french = french.replace("10%", f"10{NNBSP}%").replace("8.9%", f"8,9{NNBSP}%")
    assert longer != english and french != longer
    widths = {table_fit.phone_width(t) for t in (english, longer, french)}
    assert len(widths) == 1
    assert len({table_fit.needs_cards(t) for t in (english, longer, french)}) == 1


def test_a_name_and_a_column_of_text_fit_a_phone_as_a_table() -> None:
    """The instructor guide's "Time, Activity": a phone gives the text most of its width;
    cards would put each time on a line of its own for nothing."""
    activity = "Sources and their purposes: what a policy overview is for, and what not " * 2
    table = _table(["Time", "Activity"], [["10 min", activity], ["40 min", "Exercises."]])
    assert table_fit.column_kinds(table) == [table_fit.NUMBER, table_fit.TEXT]
    assert "cards" not in table_markup.for_readers(table)


def test_column_kinds_read_numbers_codes_names_and_text() -> None:
    table = _table(
        ["Corridor", "First survey", "Cost", "Agrees", "Group", "Note"],
        [["France → Mali", "Q1\u00a02011", "8.4", "no", "Sub-Saharan Africa",
          "the survey stopped in 2020 after the central bank changed its method"],
         ["Senegal → Mali", "Q2\u00a02016", f"1{NNBSP}234,5{NNBSP}%", "yes", "Europe",
          "only one survey was made in this corridor before the series ends"]],
    )  # fmt: skip
    assert table_fit.column_kinds(table) == [
        table_fit.NAME,
        table_fit.CODE,
        table_fit.NUMBER,
        table_fit.CODE,
        table_fit.NAME,
        table_fit.TEXT,
    ]


# -- on the built site ----------------------------------------------------------------------

_BOX = re.compile(r'<div class="scroll" role="region"[^>]*><table([^>]*)>(.*?)</table></div>', re.S)


def built_site() -> Path:
    given = os.environ.get("DIASPORA_BUILT_SITE")
    return Path(given) if given else support.collection_site()


def _tables(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _BOX.finditer(page.read_text(encoding="utf-8"))]


def _cards(attrs: str) -> bool:
    return re.search(r'class="[^"]*\bcards\b', attrs) is not None


@pytest.mark.slow
def test_every_twin_table_of_the_site_decides_alike() -> None:
    """Every table of every page with a French twin: the same number of tables, and each
    one cards in English exactly when its twin is cards in French."""
    site = built_site()
    differ: dict[str, list[str]] = {}
    pairs = 0
    for english in sorted(site.glob("*.html")):
        french = site / "fr" / english.name
        if not french.is_file():
            continue
        ours, theirs = _tables(english), _tables(french)
        assert len(ours) == len(theirs), english.name
        for index, ((en_attrs, en_inner), (fr_attrs, _fr)) in enumerate(
            zip(ours, theirs, strict=True)
        ):
            pairs += 1
            if _cards(en_attrs) != _cards(fr_attrs):
                labels = table_markup._header_labels(en_inner)
                differ.setdefault(english.name, []).append(f"#{index} {labels[:4]}")
    assert pairs > 100, "too few twin tables: the test checks little"
    assert differ == {}
    # 02's peers table (a name, a code, eight columns of numbers) stays a table, and 00's
    # headline figures (phrases among numbers) are cards, in both editions.
    for folder in (site, site / "fr"):
        peers = [
            attrs
            for attrs, inner in _tables(folder / "02_remittances.html")
            if len(table_markup._header_labels(inner)) >= 8
            and table_markup._header_labels(inner)[1] == "ISO3"
        ]
        assert peers and not any(_cards(a) for a in peers)
        headline_attrs, headline = _tables(folder / "00_overview.html")[0]
        assert len(table_markup._header_labels(headline)) == 8 and _cards(headline_attrs)
        assert '<th scope="row"' in headline


SCROLLING = """JSON.stringify(Array.from(document.querySelectorAll('div.scroll'))
  .filter(b => b.offsetParent && b.scrollWidth > b.clientWidth + 1)
  .map(b => ({name: b.getAttribute('aria-label'), html: b.querySelector('table').innerHTML,
    visible: b.clientWidth / b.scrollWidth})))"""


@pytest.mark.slow
def test_no_table_with_text_scrolls_on_a_phone() -> None:
    """At 390 px, in both editions, every table that scrolls in its box is one of names,
    numbers and codes: the estimate kept no table with text that a phone cannot hold."""
    from browser_support import launch

    site = built_site()
    found: dict[str, list[str]] = {}
    scrolling = 0
    with launch() as reader:
        reader.viewport(390)
        for page in support.edition_pages(site):
            reader.open(page)
            for box in json.loads(reader.evaluate(SCROLLING)):
                scrolling += 1
                if table_fit.TEXT in table_fit.column_kinds(box["html"]):
                    found.setdefault(str(page.relative_to(site)), []).append(
                        f"{box['name'][:50]}: {box['visible']:.0%} in view"
                    )
    assert scrolling > 0, "no table scrolls at 390 px: the test checks nothing"
    assert found == {}


def test_a_column_of_identifiers_counts_its_longest_one() -> None:
    """Exercise 4's "Constraint ID, Constraint": an id in snake_case does not break, so the
    table is as wide as its longest id plus a column of text: too wide for a phone (at
    6a1c0e2 it fitted but for one pixel and showed a scrolling shadow)."""
    ids = ["landlocked", "production_costs", "entrepreneurship_training"]
    text = "Slow, heavy and complicated legal and administrative formalities"
    table = _table(["Constraint ID", "Constraint"], [[i, text] for i in ids])
    assert table_fit.column_kinds(table) == [table_fit.CODE, table_fit.TEXT]
    longest = len("entrepreneurship_training") * table_fit.GLYPH
    assert table_fit.phone_width(table) > longest + table_fit.TEXT_COLUMN
    assert 'class="cards"' in table_markup.for_readers(table)


def test_a_long_column_header_keeps_a_width_only_in_a_table() -> None:
    """02's corridor summary: a 57-character header over a narrow number column wrapped to a
    word a line (a 230 px tall header row at 390 px); it is marked to keep a width. A short
    header, a row header and a table read as cards are left alone."""
    long = "Last cost at or below the scenario cost (not an SDG test)"
    numbers = "".join(f"<tr><th>Corridor {n}</th><td>{n}.5</td></tr>" for n in range(3))
    head = f"<thead><tr><th>Corridor</th><th>{long}</th></tr></thead>"
    table = f"<table>{head}<tbody>{numbers}</tbody></table>"
    shown = table_markup.for_readers(table)
    assert f'<th class="long">{long}</th>' in shown
    assert "<th>Corridor</th>" in shown and '<th class="long">Corridor 0' not in shown
    words = "words of a long text cell " * 6
    rows = "".join(f"<tr><td>{n}</td><td>{words}</td><td>{words}</td></tr>" for n in range(3))
    head = f"<thead><tr><th>Name</th><th>{long}</th><th>{long} too</th></tr></thead>"
    cards = table_markup.for_readers(f"<table>{head}<tbody>{rows}</tbody></table>")
    assert "cards" in cards and 'class="long"' not in cards


def test_a_note_on_missing_values_never_names_a_table() -> None:
    """A caption that is only the note on missing values (r25d: 14 regions per edition
    named "– means no value in the source.") leaves the caption; the box is named by the
    columns and the note follows the table. A real caption keeps its note."""
    rows = "<tbody><tr><th>Mali</th><td>–</td></tr></tbody>"
    head = "<thead><tr><th>Country</th><th>Share (%)</th></tr></thead>"
    note = "– means no value in the source."
    shown = table_markup.for_readers(f"<table><caption>{note}</caption>{head}{rows}</table>")
    assert "<caption>" not in shown
    assert 'aria-label="Table: Country, Share (%)"' in shown
    assert shown.endswith(f'</table></div><p class="table-note">{note}</p>')
    titled = f"<table><caption>Peers in 2012. {note}</caption>{head}{rows}</table>"
    kept = table_markup.for_readers(titled)
    assert f"<caption>Peers in 2012. {note}</caption>" in kept and "table-note" not in kept
