"""The offline site under ``outputs/``: one HTML page per executed notebook, an index, and
pages for the glossary and the instructor guide.

Every page is a single HTML file with its CSS inline and no script at all: nothing is
fetched from another host (no MathJax, require.js or web fonts), it reads the same with
JavaScript off, and it stays small because figures are separate PNG files next to it
(``<stem>_files/``) rather than base64 in the page. Code is hidden in
``<details>`` elements ("Show code"); the ``parameters`` cell is shown as a table of the
values the notebook ran with. Nothing on a page depends on the date, the machine or a
random id, so rebuilding it gives the same bytes.
"""

from __future__ import annotations

import base64
import copy
import csv
import html
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mistune
from nbconvert import HTMLExporter
from nbformat import NotebookNode
from pygments.formatters import HtmlFormatter

from diaspora_helpers.publish.execute import INJECTED_TAG, PARAMETERS_TAG, RUN_METADATA

SITE_TITLE = "Mali and its diaspora"
GLOSSARY_PAGE = "glossary.html"
GUIDE_PAGE = "instructor_guide.html"
THUMBNAIL_WIDTH = 360
# The output metadata key charts.show() writes (charts.FIGURE_METADATA_KEY; not imported,
# because importing charts costs this process pandas and matplotlib).
FIGURE_METADATA_KEY = "diaspora_figure"

CSS = """
:root { color-scheme: light; --ink: #222; --muted: #5b5b5b; --line: #ddd; --accent: #b5451b; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header.site, footer.site { background: #f6f3ef; border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted);
  font-size: .85rem; margin-top: 3rem; }
header.site nav, footer.site p, main { max-width: 62rem; margin: 0 auto; padding: .6rem 1.2rem; }
header.site a { margin-right: 1.2rem; }
a { color: #1f5f8b; }
h1, h2, h3 { line-height: 1.25; }
img { max-width: 100%; height: auto; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .88rem; }
pre { overflow-x: auto; padding: .6rem .8rem; background: #f7f7f7; border-radius: 4px;
  margin: .4rem 0; white-space: pre-wrap; }
details.code { margin: .3rem 0; }
details.code > summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
details.code .highlight pre { background: #f4f6f8; }
.output_stderr pre { background: #fff4e5; }
.output_error pre { background: #fdecea; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid #bbb; }
.rendered_html table td, .rendered_html table th { text-align: right; }
.output_html { overflow-x: auto; }
table.dataframe { border: 0; }
table.dataframe th, table.dataframe td { border: 0; border-bottom: 1px solid var(--line); }
table.params { background: #fbfaf8; }
table.params td.changed { font-weight: 600; color: var(--accent); }
.figure-files { font-size: .85rem; color: var(--muted); margin: 0 0 1rem; }
.cell { margin: .5rem 0; }
a.anchor-link { display: none; }
ul.notebooks { list-style: none; padding: 0; }
ul.notebooks > li { display: flex; gap: 1.2rem; border-bottom: 1px solid var(--line);
  padding: 1rem 0; }
ul.notebooks > li > a.thumb { flex: 0 0 auto; }
ul.notebooks img.thumb { width: 240px; border: 1px solid var(--line); }
ul.notebooks h2 { margin: 0 0 .3rem; font-size: 1.2rem; }
.status-failed { color: #a40000; font-weight: 600; }
.muted { color: var(--muted); }
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>{css}</style>
</head>
<body>
<header class="site"><nav>{nav}</nav></header>
<main>
{body}
</main>
<footer class="site"><p>{footer}</p></footer>
</body>
</html>
"""

_TEMPLATE = r"""{%- extends 'classic/base.html.j2' -%}
{% block codecell %}
{%- set tags = cell.metadata.get('tags', []) -%}
{%- if 'injected-parameters' in tags -%}
{%- elif 'parameters' in tags -%}
<div class="cell parameters">
{{ resources.parameter_table }}
<details class="code"><summary>Show the parameters cell</summary>
{{ cell.source | highlight_code(metadata=cell.metadata) }}
{%- if resources.injected_source %}
<p class="muted">Values passed by the runner:</p>
{{ resources.injected_source | highlight_code(metadata=cell.metadata) }}
{%- endif %}
</details>
</div>
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock codecell %}

{% block input_group -%}
{%- if cell.source.strip() -%}
<details class="code"><summary>Show code</summary>
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</details>
{%- endif -%}
{% endblock input_group %}

{% block data_png scoped %}
{{ super() }}
{%- set name = output.metadata.get('diaspora_figure') -%}
{%- if name and resources.figure_links.get(name) %}
<p class="figure-files">{{ resources.figure_links[name] }}</p>
{%- endif %}
{% endblock data_png %}

{% block data_javascript scoped %}{% endblock data_javascript %}
{% block data_widget_view scoped %}{% endblock data_widget_view %}
{% block footer %}{% endblock footer %}
"""


_EXPORTERS = threading.local()


def _exporter() -> HTMLExporter:
    """Return this thread's HTML exporter (its compiled templates are reused; exporters
    are not shared across threads)."""
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        exporter = HTMLExporter(template_name="basic", raw_template=_TEMPLATE)
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        exporter.anchor_link_text = ""
        _EXPORTERS.exporter = exporter
    return exporter


def page(title: str, body: str, *, nav: str, footer: str = "") -> str:
    """Return a complete HTML page with the site's CSS and navigation."""
    return _PAGE.format(
        title=html.escape(title),
        css=CSS.strip() + "\n" + _pygments_css(),
        nav=nav,
        body=body,
        footer=footer or f"{html.escape(SITE_TITLE)}: generated by the collection's runner.",
    )


def _pygments_css() -> str:
    return HtmlFormatter(style="default").get_style_defs(".highlight")


@dataclass(frozen=True)
class Site:
    """Where the site is written, and which of the optional pages it has."""

    root: Path
    glossary: bool = False
    guide: bool = False

    def nav(self, *extra: str) -> str:
        """Return the links shown at the top of every page."""
        links = ['<a href="index.html">All notebooks</a>']
        if self.glossary:
            links.append(f'<a href="{GLOSSARY_PAGE}">Glossary</a>')
        if self.guide:
            links.append(f'<a href="{GUIDE_PAGE}">Instructor guide</a>')
        return "".join(links) + "".join(extra)


# -- notebook pages -----------------------------------------------------------------------


def notebook_title(nb: NotebookNode, default: str) -> str:
    """Return the first Markdown heading of the notebook, or ``default``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return _plain(line.lstrip("#").strip())
    return default


def notebook_summary(nb: NotebookNode) -> str:
    """Return a one-line summary: ``metadata.diaspora.summary``, else the first paragraph."""
    summary = nb.metadata.get("diaspora", {}).get("summary")
    if isinstance(summary, str) and summary.strip():
        return summary.strip()
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if block and not block.startswith(("#", "<", "!", "|", ">", "-", "*", "```")):
                text = " ".join(block.split())
                if len(text) > 300:
                    text = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
                return text
        break
    return ""


def _plain(markdown_text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    return re.sub(r"[*_`]", "", text)


def parameter_rows(nb: NotebookNode) -> list[dict[str, Any]]:
    """Return the parameters the notebook ran with, as recorded by the runner."""
    return list(nb.metadata.get(RUN_METADATA, {}).get("parameters", []))


def parameter_table(rows: list[dict[str, Any]], *, compact: bool = False) -> str:
    """Return an HTML table of parameters (name, value used, and unless compact, help)."""
    if not rows:
        return ""
    head = "<tr><th>Parameter</th><th>Value used</th>"
    head += "</tr>" if compact else "<th>Default</th><th>Meaning</th></tr>"
    lines = [f'<table class="params"><thead>{head}</thead><tbody>']
    for row in rows:
        changed = ' class="changed" title="set for this run"' if row.get("overridden") else ""
        cells = [
            f"<td><code>{html.escape(str(row['name']))}</code></td>",
            f"<td{changed}><code>{html.escape(str(row['value']))}</code></td>",
        ]
        if not compact:
            cells.append(f"<td><code>{html.escape(str(row.get('default', '')))}</code></td>")
            cells.append(f"<td>{html.escape(str(row.get('help', '')))}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def figure_names(nb: NotebookNode) -> list[str]:
    """Return the names of the figures shown through ``charts.show``, in notebook order."""
    names: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get(FIGURE_METADATA_KEY)
            if isinstance(name, str) and name not in names:
                names.append(name)
    return names


def _figure_links(stem: str, site: Site, names: list[str]) -> dict[str, str]:
    links = {}
    for name in names:
        folder = site.root / "figures" / stem
        parts = []
        for label, file in (
            ("PNG", f"{name}.png"),
            ("SVG", f"{name}.svg"),
            ("slide 16:9", f"{name}_slide.png"),
            ("data (CSV)", f"{name}.csv"),
        ):
            if (folder / file).exists():
                parts.append(f'<a href="figures/{stem}/{file}">{label}</a>')
        if parts:
            links[name] = "Download this chart: " + " · ".join(parts)
    return links


def _extract_images(nb: NotebookNode, stem: str, site: Site) -> None:
    """Write inline images to ``<stem>_files/`` and point the outputs at those files."""
    folder = site.root / f"{stem}_files"
    for index, cell in enumerate(nb.cells):
        for number, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            for mime, suffix in (("image/png", "png"), ("image/jpeg", "jpg")):
                if mime in data:
                    folder.mkdir(parents=True, exist_ok=True)
                    name = f"cell{index + 1}_{number + 1}.{suffix}"
                    (folder / name).write_bytes(base64.b64decode(data[mime]))
                    output.setdefault("metadata", {}).setdefault("filenames", {})[mime] = (
                        f"{stem}_files/{name}"
                    )


def render_notebook(nb: NotebookNode, stem: str, site: Site, *, failed: bool = False) -> Path:
    """Write ``<stem>.html`` (and its images) for an executed notebook; return the page."""
    nb = copy.deepcopy(nb)
    _extract_images(nb, stem, site)
    injected = next((c.source for c in nb.cells if INJECTED_TAG in _tags(c)), "")
    has_parameters = any(PARAMETERS_TAG in _tags(c) for c in nb.cells)
    resources = {
        "parameter_table": parameter_table(parameter_rows(nb)) if has_parameters else "",
        "injected_source": injected,
        "figure_links": _figure_links(stem, site, figure_names(nb)),
    }
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    if failed:
        body = (
            '<p class="status-failed">This notebook failed in this run; '
            "the error is shown where it happened.</p>\n" + body
        )
    nav = site.nav(f'<a href="{stem}.ipynb">Download the notebook</a>')
    title = f"{notebook_title(nb, stem)} | {SITE_TITLE}"
    out = site.root / f"{stem}.html"
    out.write_text(page(title, body, nav=nav), encoding="utf-8")
    return out


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


# -- thumbnails and index -----------------------------------------------------------------


def main_figure(nb: NotebookNode, stem: str, site: Site) -> Path | None:
    """Return the PNG of the notebook's main figure (``metadata.diaspora.main_figure``,
    else the first figure it shows), or None."""
    chosen = nb.metadata.get("diaspora", {}).get("main_figure")
    names = ([chosen] if isinstance(chosen, str) else []) + figure_names(nb)
    for name in names:
        path = site.root / "figures" / stem / f"{name}.png"
        if path.exists():
            return path
    pngs = sorted((site.root / "figures" / stem).glob("*.png"))
    pngs = [p for p in pngs if not p.stem.endswith("_slide")]
    return pngs[0] if pngs else None


def make_thumbnail(source: Path, target: Path, width: int = THUMBNAIL_WIDTH) -> Path:
    """Write a PNG thumbnail of ``source`` ``width`` pixels wide (same bytes every time)."""
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        image = image.convert("RGB")
        height = max(1, round(image.height * width / image.width))
        image.resize((width, height), Image.Resampling.LANCZOS).save(target, format="PNG")
    return target


def index_entry(nb: NotebookNode | None, stem: str, site: Site, status: str) -> str:
    """Return the index's list item for one notebook."""
    if nb is None:
        return (
            f'<li><div><h2>{html.escape(stem)}</h2><p class="muted">Not run yet: '
            "<code>make run</code> builds this page.</p></div></li>"
        )
    title = html.escape(notebook_title(nb, stem))
    summary = _markdown_inline(notebook_summary(nb))
    thumb = ""
    figure = main_figure(nb, stem, site)
    if figure is not None:
        target = make_thumbnail(figure, site.root / "thumbnails" / f"{stem}.png")
        thumb = (
            f'<a class="thumb" href="{stem}.html"><img class="thumb" '
            f'src="thumbnails/{target.name}" alt="Main figure of {title}"></a>'
        )
    flag = ' <span class="status-failed">(failed in this run)</span>' if status == "failed" else ""
    params = parameter_table(parameter_rows(nb), compact=True)
    params = f"<details><summary>Parameters</summary>{params}</details>" if params else ""
    return (
        f'<li>{thumb}<div><h2><a href="{stem}.html">{title}</a>{flag}</h2>'
        f"<p>{summary}</p>{params}"
        f'<p class="muted"><a href="{stem}.ipynb">Executed notebook</a> · '
        f"<code>notebooks/{html.escape(stem)}.ipynb</code></p></div></li>"
    )


def render_index(site: Site, entries: list[str]) -> Path:
    """Write ``index.html`` listing the notebooks and linking the glossary and guide."""
    extra = []
    if site.glossary:
        extra.append(f'<a href="{GLOSSARY_PAGE}">the glossary</a>')
    if site.guide:
        extra.append(f'<a href="{GUIDE_PAGE}">the instructor guide</a>')
    see_also = f"<p>See also {' and '.join(extra)}.</p>" if extra else ""
    body = (
        f"<h1>{html.escape(SITE_TITLE)}: the notebooks</h1>\n"
        "<p>Each notebook as it ran, with its figures, the data behind them, "
        "and the parameters it used. The pages work offline.</p>\n"
        f"{see_also}\n"
        f'<ul class="notebooks">\n' + "\n".join(entries) + "\n</ul>"
    )
    out = site.root / "index.html"
    out.write_text(page(SITE_TITLE, body, nav=site.nav()), encoding="utf-8")
    return out


# -- glossary and instructor guide --------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def render_glossary(source: Path, site: Site) -> Path:
    """Write ``glossary.html`` from a CSV file (first column: the term)."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body_rows = (rows[0], rows[1:]) if rows else ([], [])
    lines = ["<h1>Glossary</h1>", "<table><thead><tr>"]
    lines += [f"<th>{html.escape(h.replace('_', ' ').capitalize())}</th>" for h in header]
    lines.append("</tr></thead><tbody>")
    for row in body_rows:
        if not any(cell.strip() for cell in row):
            continue
        term = row[0] if row else ""
        cells = [f'<th id="{_slug(term)}">{html.escape(term)}</th>']
        cells += [f"<td>{_markdown_inline(cell)}</td>" for cell in row[1:]]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    out = site.root / GLOSSARY_PAGE
    body = "\n".join(lines)
    out.write_text(page(f"Glossary | {SITE_TITLE}", body, nav=site.nav()), "utf-8")
    return out


def _markdown_inline(text: str) -> str:
    rendered = _markdown(text).strip()
    match = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.DOTALL)
    return match.group(1) if match else rendered


def _markdown(text: str) -> str:
    renderer = mistune.create_markdown(
        escape=False, plugins=["table", "strikethrough", "footnotes", "url"]
    )
    return str(renderer(text))


def render_markdown_page(source: Path, site: Site, name: str) -> Path:
    """Write ``name`` from a Markdown file; links to ``X.ipynb`` point at ``X.html``."""
    text = source.read_text(encoding="utf-8")
    body = _markdown(text)
    body = re.sub(r'href="(?:\.\./notebooks/|\./)?([\w.-]+)\.ipynb"', r'href="\1.html"', body)
    title = next(
        (ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("# ")), source.stem
    )
    out = site.root / name
    out.write_text(page(f"{_plain(title)} | {SITE_TITLE}", body, nav=site.nav()), "utf-8")
    return out
