"""The parts of the reader's pages that need no browser (issue 25): tables in named
scrolling regions and as cards, code colours at 4.5:1, section links named, chart data
numbers, the story's order, the vendored search library."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.charts import timeline as timeline_chart
from diaspora_helpers.publish.site import (
    accessibility,
    chart_tables,
    citation,
    search,
    story,
    table_markup,
)


def _wcag(foreground: str, background: str) -> float:
    """WCAG 2.x contrast, written out here from the definition (not the code's helper)."""

    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((lum(foreground), lum(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_code_colours_read_at_4_5_to_1_on_every_code_background() -> None:
    from pygments.formatters import HtmlFormatter

    css = accessibility.readable_code_css(HtmlFormatter(style="default").get_style_defs())
    colours = re.findall(r"(?<![-\w])color: (#[0-9a-fA-F]{6})", css)
    assert "#aa22ff" not in colours  # the purple that read at 4.42:1 on #f4f6f8
    assert colours
    for colour in colours:
        for background in accessibility.CODE_BACKGROUNDS:
            assert _wcag(colour, background) >= 4.5, (colour, background)
    assert accessibility.readable("#222222") == "#222222"  # already readable: unchanged


def test_timeline_lane_names_read_at_4_5_to_1() -> None:
    for colour in timeline_chart.KIND_COLOURS.values():
        shown = timeline_chart.text_colour(colour)
        assert _wcag(shown, "#f4f4f4") >= 4.5, (colour, shown)
        assert _wcag(shown, "#ffffff") >= 4.5, (colour, shown)


def test_tables_are_named_focusable_regions_and_long_ones_cards() -> None:
    long = "a sentence well over sixty characters long, as a table of findings has " * 2
    body = (
        "<table><caption>Costs by corridor</caption><thead><tr><th>Corridor</th>"
        "<th>Cost</th></tr></thead><tbody><tr><td>France</td><td>True</td></tr></tbody></table>"
        "<table><thead><tr><th>What</th><th>Why</th><th>How</th><th>Who</th></tr></thead>"
        f"<tbody><tr><td>x</td><td>{long}</td><td>{long}</td><td>{long}</td></tr></tbody>"
        "</table><table><thead><tr><th>What</th><th>Why</th><th>How</th><th>Who</th></tr>"
        "</thead><tbody><tr><td>y</td><td>z</td><td>z</td><td>z</td></tr></tbody></table>"
    )
    out = table_markup.for_readers(body, lambda text: {"yes": "oui"}.get(text, text))
    regions = re.findall(
        r'<div class="scroll" role="region" tabindex="0" aria-label="([^"]*)">', out
    )
    assert regions == [
        "Costs by corridor",
        "Table: What, Why, How, Who",
        "Table: What, Why, How, Who (2)",
    ]
    assert "<td>oui</td>" in out and "True" not in out
    assert out.count('class="cards"') == 1
    assert '<td data-label="Why">' + long in out


def test_a_table_of_long_code_reads_as_cards_short_code_stays_a_table() -> None:
    """Code keeps its line in a cell, so a long line of code would make the table scroll."""

    def table(code: str) -> str:
        return (
            "<table><thead><tr><th>Do</th><th>Write</th></tr></thead><tbody><tr>"
            f"<td>sum</td><td><code>{code}</code></td></tr></tbody></table>"
        )

    long = "df.groupby('where')['persons'].sum()"
    assert len(long) > table_markup.LONG_CODE
    out = table_markup.for_readers(table(long) + table("df.head()"))
    assert out.count('class="cards"') == 1 and out.index('class="cards"') < out.index("head")
    assert f'<td data-label="Write"><code>{long}</code>' in out


def test_section_links_are_named_for_their_section() -> None:
    body = '<h2 id="costs">What it costs<a class="anchor-link" href="#costs">#</a></h2>'
    out = accessibility.named_section_links(body)
    assert '<span class="vh">Link to this section: What it costs</span>' in out
    assert '<span aria-hidden="true">#</span>' in out
    # r25f: a list of headings read each twice ("What it costsLink to this section: …")
    assert out.startswith('<h2 id="costs" aria-label="What it costs">What it costs<a ')


@pytest.mark.parametrize(
    ("text", "language", "kind", "expected"),
    [
        ("827417011.96", "en", {}, "827,417,012"),
        ("827417011.96", "fr", {}, "827\u202f417\u202f012"),
        ("5.5925", "en", {"percent": True}, "5.6"),
        ("5.5925", "fr", {"percent": True}, "5,6"),
        ("2012", "en", {"year": True}, "2012"),
        ("1.4945", "en", {}, "1.49"),
        ("76703", "en", {}, "76,703"),
        ("France", "en", {}, "France"),
    ],
)
def test_chart_data_numbers(text: str, language: str, kind: dict, expected: str) -> None:
    assert chart_tables.number(text, language, **kind) == expected


def test_chart_data_table_has_units_source_and_no_codes(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text(
        "iso3,country,usd_millions,model_artefact\nFRA,France,244.9657,false\n"
    )
    meta = {
        "dc:description": "Remittances by sending country",
        "dc:source": "Source: World Bank",
        "tableSchema": {
            "columns": [
                {"name": "iso3", "datatype": "string"},
                {"name": "country", "datatype": "string"},
                {"name": "usd_millions", "datatype": "number", "unit": "US dollars"},
                {"name": "model_artefact", "datatype": "boolean"},
            ]
        },
    }
    (tmp_path / "c.csv-metadata.json").write_text(json.dumps(meta))
    out = chart_tables.data_table(tmp_path, "c", "en")
    assert "FRA" not in out and "iso3" not in out.lower()
    assert "<caption>Remittances by sending country</caption>" in out
    assert ">245.0<" in out  # millions of US dollars: one decimal, as in the caption
    assert "<td>no</td>" in out and "Source: World Bank" in out
    assert chart_tables.data_table(tmp_path, "missing", "en") == ""
    # dc:source holds the source alone (charts.files.source_named): the page names it once.
    meta["dc:source"] = "World Bank"
    (tmp_path / "c.csv-metadata.json").write_text(json.dumps(meta))
    out = chart_tables.data_table(tmp_path, "c", "en")
    assert '<p class="muted">Source: World Bank</p>' in out


def test_the_parameters_section_moves_to_the_end() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\nThe question."),
        nbformat.v4.new_markdown_cell("## Parameters\n\nRun with papermill."),
        nbformat.v4.new_code_cell("year = 2020", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("year = 2010", metadata={"tags": ["injected-parameters"]}),
        nbformat.v4.new_markdown_cell("## Findings"),
    ]
    story_cells, rerun = story.split_rerun(nb)
    assert [c.source[:7] for c in story_cells] == ["# Title", "## Find"]
    assert [c.source[:7] for c in rerun] == ["## Para", "year = ", "year = "]
    assert story.without_heading(rerun[0]).source == "Run with papermill."
    line = story.changed_parameters(
        [{"name": "year", "value": 2010, "default": 2020, "overridden": True}]
    )
    assert "<code>year</code> = <code>2010</code> (default <code>2020</code>)" in line
    assert story.changed_parameters([{"name": "year", "value": 2020, "overridden": False}]) == ""


def test_last_updated_is_a_commit_date_or_nothing(tmp_path: Path) -> None:
    date = citation.last_updated(support.PROJECT / "notebooks" / "02_remittances.ipynb")
    if (support.PROJECT / ".git").exists():
        assert date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert citation.last_updated(tmp_path / "outside.ipynb") is None


def test_cite_block_invents_no_address() -> None:
    block = citation.cite_block("Remittances to Mali", "02_remittances.html", "2026-12-01")
    assert "APA" in block and "@misc{mali_diaspora_02_remittances," in block
    assert "(2026)" in block
    assert "http" not in block  # CITATION.cff sets no url


def test_a_french_page_is_cited_under_the_french_title_without_double_stops() -> None:
    """The francophone reviewer: "The Mali diaspora notebook collection contributors
    (2026). … Dans Mali and its diaspora…" on every French page, and "où ?."."""
    import yaml

    from diaspora_helpers.i18n import translator

    meta = yaml.safe_load((support.PROJECT / "CITATION.cff").read_text(encoding="utf-8"))
    cff = {meta["title"], *(a["name"] for a in meta["authors"] if "name" in a)}
    assert cff <= set(citation.CITATION_TEXTS)  # every text the block shows has a French
    block = citation.cite_block(
        "Les Maliens de l’extérieur : combien, et où ?", "01.html", "2026-12-01", translator("fr")
    )
    assert "Le Mali et sa diaspora" in block and "Les contributeurs" in block
    assert not any(text in block for text in cff)
    assert "?." not in block and "où ? Dans" in block
    english = citation.cite_block("Remittances to Mali", "02.html", "2026-12-01")
    assert "Remittances to Mali. In <cite>Mali and its diaspora" in english


def test_the_vendored_search_library_is_npm_s(tmp_path: Path) -> None:
    vendored = (search.VENDORED / search.LIBRARY_FILE).read_text(encoding="utf-8")
    pinned = json.loads((support.PROJECT / "package.json").read_text())["devDependencies"]
    assert f"MiniSearch {pinned['minisearch']} " in vendored.splitlines()[0]
    assert f"terser {pinned['terser']} " in vendored.splitlines()[1]
    # Minified (issue 25: the unminified build was 86 KB of the first search's bytes).
    assert len(vendored.encode("utf-8")) < 25_000
    modules = support.PROJECT / "node_modules"
    installed = modules / "minisearch" / "dist" / "umd" / "index.js"
    terser = modules / ".bin" / "terser"
    if installed.is_file() and terser.is_file():
        # The vendored body is npm's build as the pinned terser minifies it, nothing else.
        command = [str(terser), str(installed), "--compress", "--mangle", "--comments", "false"]
        minified = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        assert vendored.split("*/\n", 1)[1] == minified


def test_search_index_holds_each_section(tmp_path: Path) -> None:
    page = tmp_path / "03_history.html"
    page.write_text(
        "<html><head><title>History | Site</title></head><body><main><h1>History</h1>"
        '<p>Intro.</p><h2 id="tokten">TOKTEN missions</h2><p>Volunteers came.</p>'
        "<script>var x;</script></main></body></html>",
        encoding="utf-8",
    )
    search.write_index(tmp_path)
    text = (tmp_path / search.INDEX_FILE).read_text(encoding="utf-8")
    documents = json.loads(text.removeprefix("window.DIASPORA_SEARCH=").rstrip(";\n"))
    assert [d["id"] for d in documents] == ["03_history.html", "03_history.html#tokten"]
    assert documents[1]["section"] == "TOKTEN missions" and "var x" not in text
    assert (tmp_path / search.LIBRARY_FILE).is_file()


def test_a_table_of_numbers_stays_a_table_however_many_columns() -> None:
    """Issue 25 at c1ab18f: 02's neighbours table (ten columns of numbers) was a stack of
    cards 1,800 px tall on a phone; only a column of text too wide for a phone makes cards."""
    head = "".join(f"<th>C{i}</th>" for i in range(10))
    row = "<td>Mali</td>" + "".join(f'<td class="num">{i},000</td>' for i in range(9))
    numbers = f"<table><thead><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table>"
    out = table_markup.for_readers(numbers)
    assert "cards" not in out and 'role="region" tabindex="0"' in out


def test_an_empty_cell_is_left_out_of_its_card() -> None:
    long = "a note well over sixty characters long, as the notes of a table have " * 2
    body = (
        "<table><thead><tr><th>Who</th><th>Note</th><th>Aim</th><th>Means</th></tr></thead>"
        f"<tbody><tr><td>EMDK</td><td>{long}</td><td>{long}</td><td>{long}</td></tr>"
        f"<tr><td>CIGEM</td><td></td><td>{long}</td><td>{long}</td></tr>"
        f"<tr><td>HCME</td><td>–</td><td>{long}</td><td>{long}</td></tr></tbody></table>"
    )
    out = table_markup.for_readers(body)
    assert 'class="cards"' in out
    assert '<td data-label="Note" class="empty"></td>' in out
    assert '<td data-label="Note">–</td>' in out  # a missing value still says so
    css = (Path(table_markup.__file__).parent / "templates" / "site.css").read_text(
        encoding="utf-8"
    )
    assert re.search(r"table\.cards td\.empty\s*\{\s*display:\s*none", css)


def test_the_index_keeps_every_word_of_a_section_once(tmp_path: Path) -> None:
    """Issue 25 (weight of the first search): the index holds each section's words once,
    as the script's tokenizer splits and folds them, from the whole section (not its first
    3,000 characters), without the section's "Back to top" link."""
    long_tail = "filler " * 800  # past 3,000 characters
    page = tmp_path / "03_history.html"
    page.write_text(
        "<html><head><title>History | Site</title></head><body><main><h1>History</h1>"
        '<h2 id="a">Missions</h2><p>TOKTEN volunteers; the TOKTEN “missions” came, Éléphant '
        f"éléphant.</p><p>{long_tail} Kayes</p>"
        '<p class="to-top section-end"><a href="#top">Back to top</a></p>'
        '<h2 id="b">Next</h2></main></body></html>',
        encoding="utf-8",
    )
    search.write_index(tmp_path)
    text = (tmp_path / search.INDEX_FILE).read_text(encoding="utf-8")
    documents = json.loads(text.removeprefix("window.DIASPORA_SEARCH=").rstrip(";\n"))
    words = documents[1]["text"].split()
    assert words == [
        "TOKTEN",
        "volunteers",
        "the",
        "missions",
        "came",
        "Éléphant",
        "filler",
        "Kayes",
    ]
    assert "Back" not in words and set(documents[1]) == {"id", "title", "section", "text"}
