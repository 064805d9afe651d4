"""The offline site under ``outputs/``: one HTML page per executed notebook, an index, and
pages for the glossary, the instructor guide and the course documents.

Every page is a single HTML file with its CSS inline: nothing is fetched from another host
(no MathJax, require.js or web fonts), it reads the same with JavaScript off (its one small
inline script only shows the search form and, when the reader searches, loads the edition's
search files, see :mod:`search`), and it stays small because figures are separate, palette-
compressed PNG files next to it (``<stem>_files/``) rather than base64 in the page
(:mod:`figures`); below 48rem (768 CSS px: a phone, or a laptop zoomed to 200 %) a chart
is its phone rendering (``<picture>``, an SVG drawn narrow, see
:mod:`diaspora_helpers.charts.phone`), and a tap on a chart opens its full-size SVG.
Under each chart its data is a table in a ``<details>`` (:mod:`chart_tables`). A topic
page opens with its title, its question and its key finding (:mod:`story`); the
parameters and how to rerun come in a collapsed block at the end. Code is hidden in
``<details>`` elements ("Show code") on the topic pages and shown open on exercise and
solution pages. Tables sit in named, focusable scrolling regions and read as cards on a
phone (:mod:`table_markup`); section links are named and code colours read at 4.5:1
(:mod:`accessibility`). Each page has a skip link, a contents list, visible heading
anchors, previous/next links, back to top, "last updated" and "cite this page"
(:mod:`citation`) and a footer (licences, citation, data version); see :mod:`navigation`.
Nothing on a page depends on the date, the machine or a random id, so rebuilding it gives
the same bytes.

Each edition has its own site: English at the root of ``outputs/``, French in
``outputs/fr/`` (:class:`Site` knows its language). Pages of both editions are rendered at
the same time, from threads, so the site's text is translated with the site's own
catalog (``_ = site.gettext``), never through the process-wide language of
:func:`diaspora_helpers.i18n.set_language`.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbformat import NotebookNode
from pygments.formatters import HtmlFormatter

from diaspora_helpers import editions, i18n, text
from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.notebook_tags import INJECTED_TAG, PARAMETERS_TAG, RUN_METADATA
from diaspora_helpers.publish.site import (
    accessibility,
    chart_tables,
    citation,
    document_names,
    figures,
    links,
    markup,
    navigation,
    search,
    story,
    table_markup,
)
from diaspora_helpers.publish.site.figures import FIGURE_METADATA_KEY as FIGURE_METADATA_KEY
from diaspora_helpers.publish.site.figures import figure_names as figure_names
from diaspora_helpers.publish.site.images import THUMBNAIL_WIDTH as THUMBNAIL_WIDTH
from diaspora_helpers.publish.site.navigation import translator

SITE_TITLE = N_("Mali and its diaspora")
GLOSSARY_PAGE = "glossary.html"
GUIDE_PAGE = "instructor_guide.html"
#: The course documents (syllabus, rubric, readings, cheat sheet) beside the guide, each
#: rendered as a page of its own with the guide's page.
COURSE_PREFIX = "course_"

TEMPLATES = resources.files("diaspora_helpers.publish.site") / "templates"
PAGES = jinja2.Environment(
    loader=jinja2.FunctionLoader(lambda name: (TEMPLATES / name).read_text(encoding="utf-8")),
    autoescape=jinja2.select_autoescape(default=True),
    keep_trailing_newline=True,
)


def _css() -> str:
    """Return the site's stylesheet (``templates/site.css``)."""
    return (TEMPLATES / "site.css").read_text(encoding="utf-8")


_EXPORTERS = threading.local()


def _exporter() -> HTMLExporter:
    """Return this thread's HTML exporter (its compiled templates are reused; exporters
    are not shared across threads)."""
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        exporter = HTMLExporter(
            template_name="basic",
            raw_template=(TEMPLATES / "notebook.html.j2").read_text(encoding="utf-8"),
        )
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        exporter.anchor_link_text = "#"
        _EXPORTERS.exporter = exporter
    return exporter


def page(
    title: str,
    body: str,
    *,
    nav: str,
    footer: str = "",
    language: str = i18n.LANGUAGES[0],
    around: links.PageLinks | None = None,
) -> str:
    """Return a complete HTML page in ``language`` with the site's CSS, navigation and
    footer (licences, citation, data version), and the links ``around`` it: previous/next
    (notebook pages), the ``<link rel="alternate">`` to its twins and the switch to the
    other edition (:meth:`links.SiteMap.links`)."""
    _ = translator(language)
    around = around or links.PageLinks()
    body = accessibility.named_section_links(table_markup.for_readers(body, _), _)
    body = accessibility.mark_foreign(body, language)
    return PAGES.get_template("page.html.j2").render(
        title=title,
        lang=language,
        css=_css().strip() + "\n" + _pygments_css(),
        nav=nav,
        nav_label=_("Site"),
        labels={"skip": _("Skip to the content"), "top": _("Back to top")},
        search=search.form(_),
        body=body,
        footer=footer or navigation.footer(PAGES, language),
        pager=around.pager,
        alternate=around.alternate,
        switch=around.switch,
    )


@functools.cache
def _pygments_css() -> str:
    """Pygments' colours for code, each darkened where needed to read at 4.5:1 on the
    code's background (:func:`accessibility.readable_code_css`)."""
    css = HtmlFormatter(style="default").get_style_defs(".highlight")
    return accessibility.readable_code_css(css)


@dataclass(frozen=True)
class Site:
    """Where the site is written, which of the optional pages it has, and the map of the
    run's tree (``links``, :class:`links.SiteMap`; None for a page rendered on its own,
    which then links to no neighbour, twin or cross-reference)."""

    root: Path
    glossary: bool = False
    guide: bool = False
    language: str = i18n.LANGUAGES[0]
    links: links.SiteMap | None = None

    def gettext(self, message: str) -> str:
        """Translate the site's English ``message`` into the site's language."""
        return translator(self.language)(message)

    @property
    def title(self) -> str:
        """The collection's name in the site's language."""
        return self.gettext(SITE_TITLE)

    def nav(self, *extra: str) -> str:
        """Return the links shown at the top of every page."""
        _ = self.gettext
        home, glossary, guide = _("All notebooks"), _("Glossary"), _("Instructor guide")
        items = [f'<a href="index.html">{home}</a>']
        if self.glossary:
            items.append(f'<a href="{GLOSSARY_PAGE}">{glossary}</a>')
        if self.guide:
            items.append(f'<a href="{GUIDE_PAGE}">{guide}</a>')
        return "".join(items) + "".join(extra)

    def page(self, title: str, body: str, *, name: str) -> str:
        """Return :func:`page` ``name`` (``02_remittances.html``) in the site's language:
        its bar marks the page itself as current, and, with a map, its body's mentions of
        other pages and data files are links and the links around it are filled in."""
        around = None
        if self.links is not None:
            body = self.links.cross_link(self.language, body)
            around = self.links.links(self.language, name, self.gettext)
        nav = links.current(self.nav(), name)
        return page(title, body, nav=nav, language=self.language, around=around)


# -- notebook pages -----------------------------------------------------------------------


def notebook_title(nb: NotebookNode, default: str) -> str:
    """Return the first Markdown heading of the notebook, or ``default``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return markup.plain(line.lstrip("#").strip())
    return default


def notebook_summary(nb: NotebookNode, untranslated: str | None = None) -> str:
    """Return a one-line summary: ``metadata.diaspora.summary``, else the first paragraph.

    ``untranslated`` is the English twin's summary, for a notebook of another edition: a
    French notebook whose metadata still holds that English text (copied with the cells)
    is summarised by its own first paragraph instead, so no English shows on its index.
    """
    summary = nb.metadata.get("diaspora", {}).get("summary")
    if isinstance(summary, str) and summary.strip() and summary != untranslated:
        return summary.strip()
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if block and not block.startswith(("#", "<", "!", "|", ">", "-", "*", "```")):
                text = markup.squeeze(block)
                if len(text) > 300:
                    text = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
                return text
        break
    return ""


def parameter_rows(nb: NotebookNode) -> list[dict[str, Any]]:
    """Return the parameters the notebook ran with, as recorded by the runner."""
    return list(nb.metadata.get(RUN_METADATA, {}).get("parameters", []))


_CODE_SPAN = re.compile(r"`([^`]+)`")


def help_markup(text: str) -> str:
    """Return a parameter's help (its comment in the parameters cell) as HTML: escaped, and
    each value or name written between backticks (`` `True` ``, `` `start_year` ``) as
    ``<code>``, so that a reader sees what is typed apart from the words around it."""
    return _CODE_SPAN.sub(r"<code>\1</code>", html.escape(text))


def parameter_table(
    rows: list[dict[str, Any]], *, compact: bool = False, gettext: Callable[[str], str] = str
) -> str:
    """Return an HTML table of parameters (name, value used, and unless compact, help),
    its headers translated with ``gettext``."""
    if not rows:
        return ""
    _ = gettext
    names = (_("Parameter"), _("Value used"), _("Default"), _("Meaning"))
    head = "<tr>" + "".join(f"<th>{name}</th>" for name in names[: 2 if compact else 4])
    head += "</tr>"
    changed_title = _("set for this run")
    lines = [f'<table class="params"><thead>{head}</thead><tbody>']
    for row in rows:
        changed = f' class="changed" title="{changed_title}"' if row.get("overridden") else ""
        cells = [
            f"<td><code>{html.escape(str(row['name']))}</code></td>",
            f"<td{changed}><code>{html.escape(str(row['value']))}</code></td>",
        ]
        if not compact:
            cells.append(f"<td><code>{html.escape(str(row.get('default', '')))}</code></td>")
            cells.append(f"<td>{help_markup(str(row.get('help', '')))}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def render_notebook(nb: NotebookNode, stem: str, site: Site, *, failed: bool = False) -> Path:
    """Write ``<stem>.html`` (and its images) for an executed notebook; return the page."""
    _ = site.gettext
    nb = copy.deepcopy(nb)
    figures.extract_images(nb, stem, site.root)
    injected = next((c.source for c in nb.cells if INJECTED_TAG in _tags(c)), "")
    has_parameters = any(PARAMETERS_TAG in _tags(c) for c in nb.cells)
    rows = parameter_rows(nb)
    table = parameter_table(rows, gettext=_) if has_parameters else ""
    names = figure_names(nb)
    titles = figures.chart_titles(stem, site.root, names)
    cells, rerun = story.split_rerun(nb)
    finding = story.finding_box(story.key_finding(nb, stem, site.root, names), _, site.language)
    changed = story.changed_parameters(rows, _)
    updated = citation.page_updated(stem, site.language)
    opening = finding + (f'<p class="meta">{changed}</p>' if changed else "")
    opening += navigation.CONTENTS_MARKER
    first = 1 if cells and cells[0].cell_type == "markdown" else 0
    cells.insert(first, nbformat.v4.new_raw_cell(_OPENING, metadata={"raw_mimetype": "text/html"}))
    open_code = navigation.group_of(stem) != "read"
    resources = {
        "parameter_table": table,
        "labels": {
            "show_code": _("Show code"),
            "show_parameters": _("Show the parameters cell"),
            "injected": _("Values passed by the runner:"),
            "full_chart": _("Open the full-size chart"),
            "top": _("Back to top"),
        },
        "section_ends": navigation.section_ends(cells),
        "injected_source": injected,
        "figure_links": figures.download_links(stem, site.root, names, _),
        "figure_full": figures.full_size(stem, site.root, names),
        "figure_phone": figures.phone_renderings(stem, site.root, names),
        "figure_data": {
            name: accessibility.named_summary(
                chart_tables.data_table(site.root / "figures" / stem, name, site.language, _),
                titles.get(name, ""),
                _,
            )
            for name in names
        },
        "open_code": open_code,
        "code_names": accessibility.code_toggle_names(cells, _, open_code=open_code),
    }
    body, _exported = _exporter().from_notebook_node(_with_cells(nb, cells), resources=resources)
    body = markup.code_breaks(body.replace(_OPENING, opening, 1))
    download = _DOWNLOAD
    block = download
    if rerun:
        rerun = [story.without_heading(c) if c.cell_type == "markdown" else c for c in rerun]
        block, _exported = _exporter().from_notebook_node(
            _with_cells(nb, rerun), resources=resources
        )
        block = download + markup.code_breaks(block)
    summary = _("Parameters, and how to run this notebook again")
    body += (
        f'\n<details class="rerun" id="parameters"><summary>{summary}</summary>\n'
        f"{block}\n</details>"
    )
    title_text = notebook_title(nb, stem)
    if updated:
        written = text.written_date(updated, editions.get(site.language).locale, _)
        date = f'<time datetime="{updated}">{written}</time>'
        body += '\n<p class="meta">' + _("Last updated: {date}").format(date=date) + "</p>"
    body += "\n" + citation.cite_block(title_text, f"{stem}.html", updated, _)
    body = navigation.with_contents(navigation.link_markdown_notebooks(body), _)
    download = _("Download the notebook")
    download = f'<p><a href="{stem}.ipynb">{download}</a> (.ipynb)</p>'
    body = body.replace(_DOWNLOAD, download, 1)
    if failed:
        failure = _("This notebook failed in this run; the error is shown where it happened.")
        body = f'<p class="status-failed">{failure}</p>\n' + body
    title = f"{title_text} | {site.title}"
    out = site.root / f"{stem}.html"
    out.write_text(site.page(title, body, name=out.name), encoding="utf-8")
    return out


#: Where the story's opening (key finding, contents) goes: after the question.
_OPENING = "DIASPORA-PAGE-OPENING"
#: Where the link to the notebook goes (after Markdown links to notebooks become pages).
_DOWNLOAD = "<!-- download -->"


def _with_cells(nb: NotebookNode, cells: list[NotebookNode]) -> NotebookNode:
    """Return a shallow copy of ``nb`` holding ``cells``."""
    out = copy.copy(nb)
    out["cells"] = cells
    return out


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


# -- glossary and instructor guide --------------------------------------------------------


#: Marks of what only lecturers read (answers, model answers): the public pages leave it out.
INSTRUCTOR_ONLY = re.compile(
    r"<!-- instructor-only -->.*?<!-- end instructor-only -->", flags=re.DOTALL
)


def public_text(markdown_text: str) -> str:
    """Return Markdown without its instructor-only parts (answers and model answers)."""
    return INSTRUCTOR_ONLY.sub("", markdown_text)


def render_markdown_page(
    source: Path, site: Site, name: str, *, _done: frozenset[str] = frozenset()
) -> Path:
    """Write ``name`` from a Markdown file; links to ``X.ipynb`` point at ``X.html``, and
    a link to a Markdown file beside ``source`` (``[rubric](course_rubric.md)``) is
    rendered as a page of its own, ``course_rubric.html``, so that it works on the site.
    With the guide's page come the course documents beside it (``course_*.md``), each a
    page of its own, whether the guide links them or only names them. The parts between
    ``<!-- instructor-only -->`` and ``<!-- end instructor-only -->`` are left out
    (:func:`public_text`): they go only into the lecturer's build in the course folder
    (``make instructor-site``)."""
    text = public_text(source.read_text(encoding="utf-8"))
    body = navigation.link_markdown_notebooks(markup.markdown(text))
    done = _done | {source.stem}

    def linked(match: re.Match[str]) -> str:
        stem, anchor = match.group(1), match.group(2) or ""
        other = source.parent / f"{stem}.md"
        if not other.is_file():
            return match.group(0)
        if stem not in done:
            render_markdown_page(other, site, f"{stem}.html", _done=done)
        return f'href="{stem}.html{anchor}"'

    body = re.sub(r'href="(?:\./)?([\w-]+)\.md(#[^"]*)?"', linked, body)
    # Documents named by file name (`course_rubric.md`) are linked by their titles; their
    # pages come with the guide's (below).
    body = document_names.by_title(body, source.parent)
    body = navigation.with_contents(markup.heading_ids(body), site.gettext)
    title = next(
        (ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("# ")), source.stem
    )
    out = site.root / name
    page_title = f"{markup.plain(title)} | {site.title}"
    out.write_text(site.page(page_title, body, name=name), "utf-8")
    if name == GUIDE_PAGE:
        for document in sorted(source.parent.glob(f"{COURSE_PREFIX}*.md")):
            if document.stem not in done and not (site.root / f"{document.stem}.html").exists():
                render_markdown_page(document, site, f"{document.stem}.html", _done=done)
    return out
