"""The glossary page: the acronyms of the document and the data (``data/glossary.csv``),
then what each dataset, indicator and count measures (``data/definitions.csv``), so that a
definition is written once, in data, and read the same on every page."""

from __future__ import annotations

import csv
import html
from pathlib import Path

from diaspora_helpers.publish import markup
from diaspora_helpers.publish.site import GLOSSARY_PAGE, SITE_TITLE, Site, page

DEFINITIONS_SOURCE = "definitions.csv"  # beside glossary.csv in data/


def _definitions(folder: Path) -> list[str]:
    """Return the HTML of the definitions section, or nothing when the table is absent."""
    path = folder / DEFINITIONS_SOURCE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines = [
        '<h2 id="definitions">What each source counts</h2>',
        "<p>Each dataset, indicator or count the collection uses, in its own words, with "
        "the page of its publisher (from <code>data/definitions.csv</code>).</p>",
        '<dl class="definitions">',
    ]
    for row in rows:
        link = (
            f' <a href="{html.escape(row["url"])}">{html.escape(row["publisher"])}</a>'
            if row.get("url")
            else f" {html.escape(row.get('publisher', ''))}"
        )
        lines.append(
            f'<dt id="{markup.slug(row["id"])}">{html.escape(row["name"])}</dt>'
            f'<dd>{html.escape(row["definition"])} <span class="muted">Counts: '
            f"{html.escape(row['counts'])}; published by{link}.</span></dd>"
        )
    lines.append("</dl>")
    return lines


def render_glossary(source: Path, site: Site) -> Path:
    """Write ``glossary.html`` from a CSV file (first column: the term), with the
    definitions of ``definitions.csv`` beside it when that table is there."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body_rows = (rows[0], rows[1:]) if rows else ([], [])
    labels = [html.escape(h.replace("_", " ").capitalize()) for h in header]
    lines = ["<h1>Glossary</h1>", '<table class="glossary"><thead><tr>']
    lines += [f"<th>{label}</th>" for label in labels]
    lines.append("</tr></thead><tbody>")
    for row in body_rows:
        if not any(cell.strip() for cell in row):
            continue
        term = row[0] if row else ""
        cells = [f'<th id="{markup.slug(term)}">{html.escape(term)}</th>']
        cells += [
            f'<td data-label="{label}">{markup.markdown_inline(cell)}</td>'
            for label, cell in zip(labels[1:], row[1:], strict=False)
        ]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    lines += _definitions(source.parent)
    out = site.root / GLOSSARY_PAGE
    body = "\n".join(lines)
    out.write_text(page(f"Glossary | {SITE_TITLE}", body, nav=site.nav()), "utf-8")
    return out
