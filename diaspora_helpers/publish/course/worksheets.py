"""Printable worksheets for students without computers, and the lecturer's answer sheets.

Drawn from the stored masters of each edition (``notebooks/master_*.ipynb`` and
``notebooks/fr/master_*.ipynb``, executed at the default parameters): the worksheet keeps
the text of the exercise (brief, statements), the tables the notebook shows (those of the
working cells and of the solutions: the data an answer is read from), and a box to write
each answer in; the answer sheet adds, per question, the solution's code and the answer the
master recorded. Written to ``course/worksheets/<edition>/session<n>_worksheet.html`` and
``session<n>_answers.html``, and as PDF beside them when Chromium or Chrome is installed
(printed headless); otherwise print the HTML from a browser.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import nbformat

from diaspora_helpers.exercises.recording import MIME, rebuild
from diaspora_helpers.publish.course.autograde import grade_id, question_of
from diaspora_helpers.publish.course.marking import shown
from diaspora_helpers.publish.site import markup

_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
_STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.45;max-width:48rem;margin:0 auto;
padding:1rem;color:#000;background:#fff}
table{border-collapse:collapse;font-size:.9em;margin:.5rem 0}td,th{border:1px solid #555;
padding:.15rem .4rem;text-align:right}th{text-align:left}
.box{border:1.5px solid #000;min-height:4.5rem;margin:.5rem 0 1.25rem;padding:.4rem}
.answer{border-left:4px solid #000;padding-left:.6rem}pre{white-space:pre-wrap}
@media print{body{max-width:none}h2{break-after:avoid}.box,table{break-inside:avoid}}
"""
_WORDS = {
    "en": {"answer": "Answer {n}", "key": "Answer sheet (lecturer)", "code": "Solution"},
    "fr": {"answer": "Réponse {n}", "key": "Corrigé (enseignant)", "code": "Solution"},
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


def sheets(master: Path, language: str) -> tuple[str, str]:
    """Return the worksheet and the answer sheet of a stored master, as HTML pages."""
    notebook = nbformat.read(master, as_version=4)
    words = _WORDS[language]
    student: list[str] = []
    lecturer: list[str] = []
    cells = notebook.cells
    title = "Worksheet"
    for index, cell in enumerate(cells):
        following = cells[index + 1] if index + 1 < len(cells) else None
        tags = following.metadata.get("tags", []) if following else []
        if cell.cell_type == "markdown":
            if "parameters" in tags:
                continue  # how to edit the parameters cell: nothing to do on paper
            if cell.source.startswith("# "):
                title = markup.plain(cell.source.splitlines()[0][2:])
            part = markup.markdown(cell.source)
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
            student.append(f'<p><strong>{label}</strong></p><div class="box"></div>')
            match = _SOLUTION.search(cell.source)
            code = match.group(1).strip() if match else ""
            lecturer.append(
                f"<details open><summary>{words['code']} {number}</summary>"
                f"<pre>{html.escape(code)}</pre></details>"
            )
    return (
        _page(title, student, language),
        _page(f"{title}: {words['key']}", lecturer, language),
    )


def _page(title: str, parts: list[str], language: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><main>\n" + "\n".join(parts) + "\n</main></body></html>\n"
    )


def browser() -> str | None:
    """Return the path of an installed Chromium or Chrome, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(page: Path, program: str) -> Path | None:
    """Print an HTML page to PDF beside it with a headless browser; None if that failed."""
    pdf = page.with_suffix(".pdf")
    done = subprocess.run(
        [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return pdf if done.returncode == 0 and pdf.exists() else None


def build(course_dir: Path, masters: dict[str, dict[int, Path]], *, pdf: bool = True) -> list[Path]:
    """Write the worksheet and answer sheet of every session of every edition.

    ``masters`` is ``{edition: {session: master path}}``. Returns the files written (HTML,
    and PDF when a browser is installed and ``pdf`` is true).
    """
    program = browser() if pdf else None
    written = []
    for language, by_session in masters.items():
        folder = course_dir / "worksheets" / language
        folder.mkdir(parents=True, exist_ok=True)
        for session, master in sorted(by_session.items()):
            worksheet, answers = sheets(master, language)
            for name, text in (
                (f"session{session}_worksheet", worksheet),
                (f"session{session}_answers", answers),
            ):
                page = folder / f"{name}.html"
                page.write_text(text, encoding="utf-8")
                written.append(page)
                if program and (made := print_pdf(page, program)):
                    written.append(made)
    return written
