"""Printable worksheets for students without computers, and the lecturer's answer sheets.

Drawn from the masters of each edition (``notebooks/master_*.ipynb`` and
``notebooks/fr/master_*.ipynb``), executed at their default parameters with the tables of
their solutions displayed: the worksheet keeps the text of the exercise (brief, the values
of the parameters, statements), the tables the notebook and the solutions show (the data
an answer is read from), and a box to write each answer in; the answer sheet adds, per
question, the solution's code and the answer the master recorded. Written to
``course/worksheets/<edition>/session<n>_worksheet.html`` and ``session<n>_answers.html``,
and as PDF beside them when Chromium or Chrome is installed
(printed headless); otherwise print the HTML from a browser.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from diaspora_helpers.exercises.recording import MIME, rebuild
from diaspora_helpers.publish.course.autograde import grade_id, question_of
from diaspora_helpers.publish.course.marking import parameters, shown
from diaspora_helpers.publish.site import markup, table_markup
from diaspora_helpers.publish.site.navigation import translator

_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
_STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.45;max-width:48rem;margin:0 auto;
padding:1rem;color:#000;background:#fff}
table{border-collapse:collapse;font-size:.9em;margin:.5rem 0}td,th{border:1px solid #555;
padding:.15rem .4rem;text-align:left}td.num,th.num{text-align:right}
.box{border:1.5px solid #000;min-height:4.5rem;margin:.5rem 0 1.25rem;padding:.4rem}
.answer{border-left:4px solid #000;padding-left:.6rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere}code{overflow-wrap:anywhere}
td code,th code{overflow-wrap:normal}
div.scroll{max-width:100%;overflow-x:auto}div.scroll:focus-visible{outline:3px solid #1f5f8b}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none}h2{break-after:avoid}.box,table{break-inside:avoid}
div.scroll{overflow:visible}}
"""
_WORDS = {
    "en": {
        "answer": "Answer {n}",
        "key": "Answer sheet (lecturer)",
        "code": "Solution",
        "values": "The questions use these values:",
    },
    "fr": {
        "answer": "Réponse {n}",
        "key": "Corrigé (enseignant)",
        "code": "Solution",
        "values": "Valeurs utilisées par les questions\u202f:",
    },
}
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _tables(cell: nbformat.NotebookNode) -> list[str]:
    found = []
    for output in cell.get("outputs", []):
        page = output.get("data", {}).get("text/html", "")
        text = "".join(page) if isinstance(page, list) else page
        if "<table" in text:
            found.append(re.sub(r"<style.*?</style>", "", text, flags=re.S))
    return found


def _recorded(cell: nbformat.NotebookNode) -> str:
    for output in cell.get("outputs", []):
        record = output.get("data", {}).get(MIME)
        if isinstance(record, dict):
            return shown(rebuild(record.get("answer")))
    return "?"


#: A link to a notebook: on paper, or opened beside the worksheet where no notebook is, it
#: is its words (r25e: "Malians abroad: how many, and where?" led to a missing file).
_NOTEBOOK_LINK = re.compile(r'<a href="[^"]*\.ipynb(?:#[^"]*)?">(.*?)</a>', re.S)


def sheets(master: Path, language: str) -> tuple[str, str]:
    """Return the worksheet and the answer sheet of a stored master, as HTML pages."""
    notebook = nbformat.read(master, as_version=4)
    words = _WORDS[language]
    student: list[str] = []
    lecturer: list[str] = []
    cells = notebook.cells
    title = "Worksheet"
    pending: list[str] = []  # the answer box waits for the tables drawn from its solution
    for index, cell in enumerate(cells):
        if cell.metadata.get("worksheet") == "table":
            tables = _tables(cell)
            student.extend(tables)
            lecturer.extend(tables)
            continue
        student.extend(pending)
        pending = []
        following = cells[index + 1] if index + 1 < len(cells) else None
        tags = following.metadata.get("tags", []) if following else []
        if "parameters" in cell.metadata.get("tags", []):
            found = parameters(notebook) or {}
            values = ", ".join(f"{k} = {v!r}" for k, v in found.items() if k != "show_hints")
            line = f"<p><strong>{words['values']}</strong> <code>{html.escape(values)}</code></p>"
            student.append(line)
            lecturer.append(line)
            continue
        if cell.cell_type == "markdown":
            if "parameters" in tags:
                continue  # how to edit the parameters cell: nothing to do on paper
            if cell.source.startswith("# "):
                title = markup.plain(cell.source.splitlines()[0][2:])
            part = _NOTEBOOK_LINK.sub(r"\1", markup.markdown(cell.source))
            student.append(part)
            lecturer.append(part)
            continue
        grade = grade_id(cell)
        if grade.startswith("test_"):
            number = question_of(grade)
            lecturer.append(
                f'<p class="answer"><strong>{html.escape(words["answer"].format(n=number))}'
                f"</strong>: <code>{html.escape(_recorded(cell))}</code></p>"
            )
            continue
        tables = _tables(cell)
        student.extend(tables)
        lecturer.extend(tables)
        if grade.startswith("answer_"):
            number = question_of(grade)
            label = html.escape(words["answer"].format(n=number))
            pending.append(f'<p><strong>{label}</strong></p><div class="box"></div>')
            match = _SOLUTION.search(cell.source)
            code = match.group(1).strip() if match else ""
            lecturer.append(
                f"<details open><summary>{words['code']} {number}</summary>"
                f"<pre>{html.escape(code)}</pre></details>"
            )
    student.extend(pending)
    return (
        _page(title, student, language),
        _page(f"{title}: {words['key']}", lecturer, language),
    )


def _expressions(region: str) -> list[str]:
    """Return the bare expressions of a solution region (the tables its author showed)."""
    try:
        tree = ast.parse(region)
    except SyntaxError:
        return []
    return [ast.unparse(node.value) for node in tree.body if isinstance(node, ast.Expr)]


#: What shows a solution's table on paper: the house style of the pages (``tables.show``:
#: headers and codes in the edition's words, numbers in its format), the index only when it
#: means something (named, or not a row number), rather than pandas' own table (snake_case
#: headers, codes, and a row-number column under an empty header).
_SHOW = """from diaspora_helpers import tables as _sheet_tables
import pandas as _sheet_pd
def _sheet_show(value):
    if not isinstance(value, (_sheet_pd.DataFrame, _sheet_pd.Series)):
        return value
    named = value.index.name is not None or value.index.dtype.kind not in "iu"
    return _sheet_tables.show(value, index=named)
"""


def with_tables(master: Path) -> nbformat.NotebookNode:
    """Return a master with a cell after each answer cell that displays the tables its
    solution shows (tagged ``worksheet: table``) as the pages show tables (:data:`_SHOW`),
    to be executed before :func:`sheets`."""
    notebook = nbformat.read(master, as_version=4)
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        match = _SOLUTION.search(cell.source) if grade_id(cell).startswith("answer_") else None
        shown = _expressions(match.group(1)) if match else []
        if shown:
            code = _SHOW + "\n".join(f"display(_sheet_show({expression}))" for expression in shown)
            extra = nbformat.v4.new_code_cell(code)
            extra.metadata["worksheet"] = "table"
            cells.append(extra)
    notebook.cells = cells
    return notebook


def _page(title: str, parts: list[str], language: str) -> str:
    # A wide table scrolls in its own named, focusable box on a screen (the page itself
    # stays as wide as a phone) and prints whole.
    body = table_markup.for_readers("\n".join(parts), translator(language))
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><main>\n" + body + "\n</main></body></html>\n"
    )


def browser() -> str | None:
    """Return the path of an installed Chromium or Chrome, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(page: Path, program: str) -> Path | None:
    """Print an HTML page to PDF beside it with a headless browser; None if that failed."""
    pdf = page.with_suffix(".pdf")
    # A profile folder of its own, so that browsers printing at the same time never share one.
    with tempfile.TemporaryDirectory(prefix="diaspora-pdf-") as profile:
        done = subprocess.run(
            [
                program,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=False,
        )
    return pdf if done.returncode == 0 and pdf.exists() else None


def _execute_master(source: Path) -> Path:
    """Execute a master (with its tables shown) through the project's one executor, into
    ``<source>.executed.ipynb`` beside it; a cell that fails stops the build with
    :class:`~diaspora_helpers.publish.course.workflow.CourseError` naming the master and
    the cell (a worksheet is never drawn from a half-run master)."""
    from diaspora_helpers.publish.course.workflow import run_master

    out = source.with_suffix(".executed.ipynb")
    run_master(source, out, "draw the worksheet")
    return out


def build(
    course_dir: Path, masters: dict[str, dict[int, Path]], *, pdf: bool = True, workers: int = 2
) -> list[Path]:
    """Write the worksheet and answer sheet of every session of every edition.

    ``masters`` is ``{edition: {session: master path}}``. Each master is first executed
    with the tables of its solutions displayed (``worksheets/executed/``, ``workers`` at a
    time, through the project's one executor). Raises ``CourseError`` when a master's cell
    fails. Returns the pages written (HTML, and PDF when a browser is installed and ``pdf``
    is true).
    """
    program = browser() if pdf else None
    written = []
    work = course_dir / "worksheets" / "executed"
    sources, executed = [], {}
    for language, by_session in masters.items():
        for session, master in sorted(by_session.items()):
            source = work / language / master.name
            source.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(with_tables(master), source)
            sources.append(source)
            executed[(language, session)] = source.with_suffix(".executed.ipynb")
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(_execute_master, sources))
    for language, by_session in masters.items():
        folder = course_dir / "worksheets" / language
        folder.mkdir(parents=True, exist_ok=True)
        for session in sorted(by_session):
            worksheet, answers = sheets(executed[(language, session)], language)
            for name, text in (
                (f"session{session}_worksheet", worksheet),
                (f"session{session}_answers", answers),
            ):
                page = folder / f"{name}.html"
                page.write_text(text, encoding="utf-8")
                written.append(page)
    if not program:
        return written
    # One headless browser per page, ``workers`` at a time (each is a process of its own);
    # each PDF is listed after its page, in the pages' order.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        printed = list(pool.map(lambda page: print_pdf(page, program), written))
    return [
        path for page, made in zip(written, printed, strict=True) for path in (page, made) if path
    ]
