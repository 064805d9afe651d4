"""The offline site: no request to another host, no script, pages at most 1 MB, code hidden
in <details>, parameters as a table, an index with summaries and thumbnails (issue 7)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers import charts
from diaspora_helpers.publish.site import index_page, links, navigation
from diaspora_helpers.publish.site import pages as site

MAX_PAGE_BYTES = 1_000_000
RESOURCE_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}


class _Page(HTMLParser):
    """Collect what a page loads, its scripts, and where code blocks sit."""

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[tuple[str, str]] = []
        self.scripts = 0
        self.stack: list[tuple[str, str]] = []  # (tag, class attribute)
        self.code_outside_details = 0
        self.code_blocks = 0
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in RESOURCE_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.resources.append((tag, values[name] or ""))
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self._in_style = True
        for key, value in attrs:
            if key.startswith("on") or (key == "href" and (value or "").startswith("javascript:")):
                self.scripts += 1
            if key == "style" and value:
                self.styles.append(value)
        in_code_cell = any("code_cell" in classes.split() for _, classes in self.stack)
        if tag == "div" and "highlight" in (values.get("class") or "").split() and in_code_cell:
            self.code_blocks += 1  # a code cell's input (Markdown code blocks are prose)
            if not any(t == "details" for t, _ in self.stack):
                self.code_outside_details += 1
        if tag not in ("img", "br", "meta", "link", "input", "hr", "source", "col", "wbr"):
            self.stack.append((tag, values.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _external(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) and not url.startswith("file:")


@pytest.fixture(scope="module")
def fixture_pages() -> list[Path]:
    return support.edition_pages(support.fixture_site())


@pytest.fixture(scope="module")
def all_pages(fixture_pages: list[Path]) -> list[Path]:
    """Every page of both editions (English, and French in ``fr/``) of both runs."""
    return fixture_pages + support.edition_pages(support.collection_site())


#: What the pages of each edition say for the labels these tests look for.
SHOW_CODE = {"en": "<summary>Show code<", "fr": "<summary>Afficher le code<"}


def _language(path: Path) -> str:
    return "fr" if path.parent.name == "fr" else "en"


@pytest.mark.slow
def test_pages_load_nothing_from_other_hosts(all_pages: list[Path]) -> None:
    assert all_pages
    for path in all_pages:
        page = _parse(path)
        external = [(tag, url) for tag, url in page.resources if _external(url)]
        assert external == [], f"{path.name} loads {external}"
        css = "\n".join(page.styles)
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css), path.name
        assert "@import" not in css, path.name


@pytest.mark.slow
def test_pages_need_no_javascript_and_are_small(all_pages: list[Path]) -> None:
    for path in all_pages:
        assert path.stat().st_size <= MAX_PAGE_BYTES, f"{path.name} is over 1 MB"
        text = path.read_text(encoding="utf-8")
        # One inline script only: it shows the search form (hidden with JavaScript off) and
        # loads the search files when the reader searches (issue 25).
        assert _parse(path).scripts <= 1, f"{path.name} has another script"
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S)
        assert all(not attrs.strip() and "MiniSearch" in body for attrs, body in scripts), path
        if scripts:
            assert '<form class="search" id="search" role="search" hidden' in text, path
        assert "mathjax" not in text.lower() and "require.js" not in text


@pytest.mark.slow
def test_every_referenced_file_exists(all_pages: list[Path]) -> None:
    for path in all_pages:
        for _, url in _parse(path).resources:
            if url.startswith("data:"):
                continue
            assert (path.parent / url).is_file(), f"{path.name} refers to missing {url}"
        hrefs = re.findall(r'<a [^>]*href="([^"#:]+)"', path.read_text(encoding="utf-8"))
        for href in hrefs:
            assert (path.parent / href).exists(), f"{path.name} links to missing {href}"


@pytest.mark.slow
def test_code_is_hidden_but_available(all_pages: list[Path]) -> None:
    notebook_pages = [
        p
        for p in all_pages
        if (p.with_suffix(".ipynb")).exists() and navigation.group_of(p.stem) == "read"
    ]
    assert notebook_pages
    for path in notebook_pages:
        page = _parse(path)
        assert page.code_blocks > 0, path.name
        assert page.code_outside_details == 0, f"{path.name} shows code outside <details>"
        text = path.read_text(encoding="utf-8")
        assert SHOW_CODE[_language(path)] in text, path
        assert "&lt;matplotlib" not in text and "&lt;Axes:" not in text


@pytest.mark.slow
def test_parameters_shown_as_a_table() -> None:
    text = (support.fixture_site() / "a_chart.html").read_text(encoding="utf-8")
    assert '<table class="params' in text
    found = re.search(r"<tr><t[dh][^>]*><code>end_year</code></t[dh]>(.*?)</tr>", text)
    assert found, "no end_year row in the parameters table"
    row = found.group(1)
    assert 'class="changed"' in row and "<code>2005</code>" in row and "<code>2010</code>" in row
    assert "last year on the chart" in row
    assert "Show the parameters cell" in text and "Values passed by the runner" in text


@pytest.mark.slow
def test_figures_have_alt_text_and_download_links() -> None:
    text = (support.fixture_site() / "a_chart.html").read_text(encoding="utf-8")
    assert 'alt="Mali grows steadily. Value, arbitrary units."' in text
    for suffix in (".png", ".svg", "_slide.png", ".csv"):
        assert f'href="figures/a_chart/trend{suffix}"' in text


@pytest.mark.slow
def test_index_lists_notebooks_with_summary_parameters_and_thumbnail() -> None:
    outputs = support.fixture_site()
    index = (outputs / "index.html").read_text(encoding="utf-8")
    assert '<a href="a_chart.html">Fixture A: a chart</a>' in index
    assert (
        "A small fixture notebook that draws one chart through <code>charts.show</code>." in index
    )
    assert "Second paragraph" not in index
    assert 'src="thumbnails/a_chart.png"' in index and 'src="thumbnails/b_bars.png"' in index
    assert "<code>end_year</code>" in index and "<code>2005</code>" in index
    assert 'href="glossary.html"' in index and 'href="instructor_guide.html"' in index
    from PIL import Image

    with Image.open(outputs / "thumbnails" / "a_chart.png") as thumb:
        assert thumb.width == site.THUMBNAIL_WIDTH


@pytest.mark.slow
def test_glossary_and_guide_pages() -> None:
    outputs = support.fixture_site()
    glossary = (outputs / "glossary.html").read_text(encoding="utf-8")
    assert '<th id="iom">IOM</th>' in glossary and "<em>UN agency</em>" in glossary
    guide = (outputs / "instructor_guide.html").read_text(encoding="utf-8")
    assert '<a href="a_chart.html">fixture A</a>' in guide
    assert "<table>" in guide and "<title>Instructor guide (fixture) |" in guide


@pytest.mark.slow
def test_collection_index_lists_every_notebook() -> None:
    outputs = support.collection_site()
    index = (outputs / "index.html").read_text(encoding="utf-8")
    for notebook in sorted(support.collection_notebooks().glob("*.ipynb")):
        if notebook.name.startswith("master_"):  # the course's masters hold the solutions
            assert not (outputs / f"{notebook.stem}.html").exists()
            continue
        assert f'href="{notebook.stem}.html"' in index
        assert (outputs / f"{notebook.stem}.html").is_file()
    french = (outputs / "fr" / "index.html").read_text(encoding="utf-8")
    twins = sorted((support.collection_notebooks() / "fr").glob("*.ipynb"))
    assert twins, "the collection has no French edition"
    for notebook in twins:
        if notebook.name.startswith("master_"):
            assert not (outputs / "fr" / f"{notebook.stem}.html").exists()
            continue
        assert f'href="{notebook.stem}.html"' in french
        assert (outputs / "fr" / f"{notebook.stem}.html").is_file()
    if (support.PROJECT / "data" / "glossary.csv").exists():
        assert (outputs / "glossary.html").is_file()
        assert (outputs / "fr" / "glossary.html").is_file()


# -- rendering, without running anything --------------------------------------------------


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.read(support.GOOD / "a_chart.ipynb", as_version=4)
    nb.metadata["diaspora_run"] = {
        "parameters": [
            {
                "name": "end_year",
                "type": "int",
                "default": "2010",
                "value": "2005",
                "overridden": True,
                "help": "last <year>",
            }
        ]
    }
    return nb


def test_summary_prefers_metadata_then_first_paragraph() -> None:
    nb = _notebook()
    assert site.notebook_summary(nb).startswith("A small fixture notebook")
    nb.metadata["diaspora"] = {"summary": "Given summary."}
    assert site.notebook_summary(nb) == "Given summary."
    assert site.notebook_title(nb, "x") == "Fixture A: a chart"


def test_parameter_table_escapes_and_marks_changes() -> None:
    table = site.parameter_table(site.parameter_rows(_notebook()))
    assert 'class="changed"' in table and "last &lt;year&gt;" in table
    assert site.parameter_table([]) == ""


def test_a_parameters_values_and_names_in_backticks_are_code() -> None:
    """A help comment's `True`, `start_year`… show as code; the rest stays escaped text."""
    rows = [{"name": "end_year", "value": 2016, "help": "not before `start_year` <5>: `True`"}]
    table = site.parameter_table(rows)
    assert "not before <code>start_year</code> &lt;5&gt;: <code>True</code>" in table
    assert "`" not in table


def test_every_code_in_a_stored_notebooks_parameter_help_is_in_backticks() -> None:
    """What a reader would otherwise see as a word of the sentence (rfr13: « True, ou False
    pour juste ou faux », « all, national… », « au plus tôt start_year »): a Python literal,
    or a snake_case name or value (a parameter, a scope) is written between backticks."""
    bare = []
    for path in sorted((support.PROJECT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if "parameters" not in cell.get("metadata", {}).get("tags", []):
                continue
            for line in "".join(cell["source"]).splitlines():
                if "#" not in line or line.lstrip().startswith("#"):
                    continue
                words = re.sub(r"`[^`]*`", "", line.split("#", 1)[1])
                for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", words):
                    if word in {"True", "False", "None"} or "_" in word:
                        bare.append(f"{path.name}: {word}")
    assert bare == []


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    web = site.Site(tmp_path, glossary=False, guide=False)
    first = site.render_notebook(_notebook(), "a_chart", web).read_bytes()
    second = site.render_notebook(_notebook(), "a_chart", web).read_bytes()
    assert first == second
    assert b"glossary.html" not in first, "no link to a page that does not exist"


def test_figure_metadata_key_matches_charts() -> None:
    assert site.FIGURE_METADATA_KEY == charts.files.FIGURE_METADATA_KEY


# -- navigation, cross-references, footer and index groups (issue 14) ----------------------


@pytest.mark.slow
def test_exercise_pages_show_their_code_open() -> None:
    outputs = support.collection_site()
    for path in sorted(outputs.glob("exercises_*.html")):
        page = _parse(path)
        assert page.code_blocks > 0 and page.code_outside_details == page.code_blocks, path.name
        assert "answer_1 = None" in path.read_text(encoding="utf-8").replace(
            '<span class="w"> </span>', " "
        ).replace('<span class="n">', "").replace('<span class="o">', "").replace(
            '<span class="kc">', ""
        ).replace("</span>", "")


#: Labels of the contents list, the pager and the footer, by edition.
LABELS = {
    "en": (
        "<summary>Contents</summary>",
        "<span>Previous</span>",
        "<span>Next</span>",
        "Code: MIT",
    ),
    "fr": (
        "<summary>Sommaire</summary>",
        "<span>Précédent</span>",
        "<span>Suivant</span>",
        "Code\u202f: licence MIT",
    ),
}


@pytest.mark.slow
def test_pages_have_contents_pager_anchors_and_footer(all_pages: list[Path]) -> None:
    site = support.collection_site()
    for language, outputs in (("en", site), ("fr", site / "fr")):
        contents, previous, following, licence = LABELS[language]
        order = navigation.collection_order([p.stem for p in outputs.glob("*.ipynb")])
        assert order, outputs
        for stem in order:
            text = (outputs / f"{stem}.html").read_text(encoding="utf-8")
            assert '<nav class="toc' in text and contents in text, (language, stem)
            assert '<a class="anchor-link" href="#' in text, stem
            at = order.index(stem)
            if at:
                assert f'<a rel="prev" href="{order[at - 1]}.html">{previous}' in text, stem
            if at + 1 < len(order):
                assert f'<a rel="next" href="{order[at + 1]}.html">{following}' in text, stem
            assert "<!-- pager -->" not in text
    for path in all_pages:
        text = path.read_text(encoding="utf-8")
        assert LABELS[_language(path)][3] in text and "CC BY 4.0" in text, path
    version = json.loads((support.PROJECT / "data" / "datapackage.json").read_text())["version"]
    assert f"version {version}" in (site / "00_overview.html").read_text(encoding="utf-8")
    assert f"(version {version})\u202f:" in (site / "fr" / "00_overview.html").read_text("utf-8")


@pytest.mark.slow
def test_site_carries_the_data_package_and_links_mentions() -> None:
    outputs = support.collection_site()
    data = support.PROJECT / "data"
    tables = [*data.glob("*.csv"), *data.glob("fr/*.csv")]
    assert any(t.parent.name == "fr" for t in tables)
    for csv_file in tables:  # every resource datapackage.json names, French text included
        copied = outputs / "data" / csv_file.relative_to(data)
        assert copied.read_bytes() == csv_file.read_bytes()
    assert (outputs / "data" / "datapackage.json").is_file()
    guide = (outputs / "instructor_guide.html").read_text(encoding="utf-8")
    assert '<a class="xref" href="exercises_1_counting.html">' in guide
    for path in support.edition_pages(outputs):
        text = path.read_text(encoding="utf-8")
        mention = "<code>data/datapackage.json</code>"
        up = "../" if path.parent.name == "fr" else ""  # French pages: the English site's copy
        linked = f'href="{up}data/datapackage.json">{mention}'
        assert text.count(mention) == text.count(linked), f"{path}: unlinked {mention}"


@pytest.mark.slow
def test_index_groups_pages_and_hides_source_paths() -> None:
    outputs = support.collection_site()
    index = (outputs / "index.html").read_text(encoding="utf-8")
    read, practise, teach = (
        index.index(f"<h2>{label}</h2>") for label in ("Read", "Practise", "Teach")
    )
    assert read < index.index('href="01_demographics.html"') < practise
    assert practise < index.index('href="exercises_1_counting.html"') < teach
    assert teach < index.index('<h3><a href="instructor_guide.html">')
    assert "notebooks/" not in index
    assert 'alt="Main figure of' not in index and 'alt="Main chart of' not in index
    for title in re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', index):
        assert f"<p>{title}" not in index, f"summary repeats {title!r}"


def test_cross_links_only_outside_links_and_code_blocks() -> None:
    page = (
        "<p><code>01_a</code> and <code>notebooks/01_a.ipynb</code>, <code>data/x.csv</code>, "
        "<code>datapackage.json</code>, <code>02_missing</code></p>"
        '<a href="y"><code>01_a</code></a><pre><code>01_a</code></pre>'
    )
    linked = links.cross_link(page, {"01_a"}, {"x.csv", "datapackage.json"})
    assert linked.count('<a class="xref" href="01_a.html">') == 2
    assert '<a class="xref" href="data/x.csv"><code>data/x.csv</code></a>' in linked
    assert '<a class="xref" href="data/datapackage.json">' in linked
    assert "<code>02_missing</code>" in linked and '<a href="y"><code>01_a</code></a>' in linked
    assert "<pre><code>01_a</code></pre>" in linked


def test_pager_and_contents() -> None:
    order = navigation.collection_order(["solutions", "exercises_1", "01_b", "00_a"])
    assert order == ["00_a", "01_b", "exercises_1", "solutions"]
    titles = {s: s.upper() for s in order}
    first = links.pager(order, titles, "00_a")
    assert 'rel="prev"' not in first and '<a rel="next" href="01_b.html">' in first
    assert 'rel="prev" href="exercises_1.html"' in links.pager(order, titles, "solutions")
    body = (
        '<h1 id="t">T</h1><h2 id="a">A<a class="anchor-link" href="#a">#</a></h2><h2 id="b">B</h2>'
    )
    toc = navigation.with_contents(body)
    assert toc.index("</h1>") < toc.index('<a href="#a">A</a>') < toc.index('<h2 id="a">')
    assert navigation.with_contents('<h1 id="t">T</h1><h2 id="a">A</h2>').count("toc") == 0


def test_summary_does_not_repeat_the_title() -> None:
    assert index_page.summary_without_title("Title: the rest.", "Title") == "The rest."
    assert index_page.summary_without_title("Other words.", "Title") == "Other words."
    lead = "How many Malians live abroad and where: counts, destinations."
    title = "Malians abroad: how many, and where?"
    assert index_page.summary_without_title(lead, title) == "Counts, destinations."
    assert (
        index_page.summary_without_title("Session 1: counts.", "Session 1 exercises: x")
        == "Counts."
    )
    assert (
        index_page.summary_without_title("Money: the rest.", "Forums and laws")
        == "Money: the rest."
    )


def test_the_glossary_carries_the_definitions_table(tmp_path):
    """A definition is written once, in data/definitions.csv, and the glossary page reads it."""
    from diaspora_helpers.data import load
    from diaspora_helpers.publish.site import glossary
    from diaspora_helpers.publish.site.pages import Site

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.csv").write_text("acronym,english\nUN,United Nations\n")
    definitions = load("definitions")
    definitions.to_csv(tmp_path / "data" / "definitions.csv", index=False)
    support.describe_tables(tmp_path / "data")
    site = Site(tmp_path / "out")
    site.root.mkdir()
    text = glossary.render_glossary(tmp_path / "data" / "glossary.csv", site).read_text()
    un = definitions.set_index("id").loc["un_desa_migrant_stock"]
    assert '<h2 id="definitions">' in text
    assert un["definition"].replace("'", "&#x27;") in text
