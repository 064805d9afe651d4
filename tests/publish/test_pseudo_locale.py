"""Prove the core speaks no language: a pseudo-locale edition shows no untransformed text.

A third edition, ``qps``, is built for the test (:mod:`tests.fixtures.pseudo_locale`):
every catalog string, every translated data column and the country names are turned into
accented, bracketed pseudo-text, and Babel formats the edition as English. The topic
notebooks (00-04) run in it and their pages are built; the test then reads what a reader
sees — the pages' text outside code, the charts' SVG text, the chart downloads' labels and
CSVW titles, tables, and the hints and errors of the exercise checks and parameter
checks — and fails on any plain English word left: it came from code, a catalog or data
that did not go through the edition. The hand-written Markdown narrative is accented by the
fixture (each edition writes its own).
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pseudo_locale
import pytest
from babel import Locale

STEMS = [
    "00_overview",
    "01_demographics",
    "02_remittances",
    "03_institutional_history",
    "04_constraints_and_strategies",
]
#: A word of three or more plain ASCII letters, not all capitals (ISO codes and acronyms
#: such as MLI or RGPH are codes of the data, the same in every language).
_ENGLISH = re.compile(r"(?<![\w.])(?=[A-Za-z]*[a-z])[A-Za-z]{3,}(?![\w])")
#: What is allowed to stay plain: pseudo-text in brackets, URLs, file names, numbers.
_EXEMPT = re.compile(
    r"\[[^\[\]]*\]|https?://\S+|\b[\w-]+\.(?:csv|svg|png|ipynb|html|json|md)\b|\S+@\S+"
)


#: Columns that quote the source document as printed (in its language, in every edition).
QUOTED = {
    "events": ["date_as_printed"],
    "key_figures": ["stated_value_text", "stated_share_text"],
    "legal_framework": ["reference_as_printed", "date_as_printed"],
}


@functools.cache
def _quotations() -> tuple[str, ...]:
    """Return the source's wording as printed, longest first (exempt: a quotation)."""
    from diaspora_helpers.data import loader

    found = {
        str(v)
        for table, columns in QUOTED.items()
        for column in columns
        for v in loader.load(table)[column].dropna()
        if str(v).strip()
    }
    return tuple(sorted(found, key=len, reverse=True))


@functools.cache
def _cldr_words() -> frozenset[str]:
    """Return the month and day names and the list words of the pseudo edition's CLDR
    locale: Babel formats it as English, so its dates and lists are English by design (CLDR
    data, not the project's text)."""
    locale = Locale.parse("en")
    names = set()
    for table in (locale.months, locale.days):
        for width in ("wide", "abbreviated"):
            names |= set(table["format"][width].values())
    for pattern in locale.list_patterns.values():  # lists: "A, B and C" (CLDR's "and")
        for part in pattern.values():
            names |= set(re.findall(r"[A-Za-z]+", part))
    return frozenset(names)


def leftovers(text: str) -> list[str]:
    """Return the plain English words of ``text`` outside pseudo-text and exempt forms
    (quotations of the source as printed, CLDR's month and day names)."""
    stripped = text
    for quoted in _quotations():
        stripped = stripped.replace(quoted, " ")
    for _ in range(3):  # nested brackets: "[Ŧǿŧȧŀ ([ĦČḾḖ])]"
        stripped = _EXEMPT.sub(" ", stripped)
    return [w for w in _ENGLISH.findall(stripped) if w not in _cldr_words()]


def _visible_text(page: str) -> str:
    """Return the text a reader sees on a page: no head, scripts, styles or code input."""
    body = re.sub(r"<head>.*?</head>", " ", page, flags=re.DOTALL)
    for tag in ("script", "style", "svg"):
        body = re.sub(rf"<{tag}\b.*?</{tag}>", " ", body, flags=re.DOTALL)
    # Code cells' source (shown under "Show code") is code, not text.
    body = re.sub(
        r'<div class="[^"]*jp-InputArea[^"]*".*?</div>\s*</div>\s*</div>',
        " ",
        body,
        flags=re.DOTALL,
    )
    # "Cite this page" reproduces the work's title and authors as published (CITATION.cff)
    # and names citation formats (APA, BibTeX): a citation is not translated.
    body = re.sub(r'<details class="cite".*?</details>', " ", body, flags=re.DOTALL)
    body = re.sub(r"<pre\b.*?</pre>", " ", body, flags=re.DOTALL)
    body = re.sub(r"<code\b.*?</code>", " ", body, flags=re.DOTALL)
    body = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(body)


def _execute(path: Path, work: Path, figures: Path) -> nbformat.NotebookNode:
    """Run ``path`` through the project's one executor, in a kernel that knows the edition
    (``os.environ``), and place its charts' files in ``figures`` as the runner does."""
    from diaspora_helpers.publish.execution import execute

    result = execute.run_notebook(
        path,
        {},
        {},
        key=f"{pseudo_locale.CODE}/{path.stem}",
        work=work,
        registry=execute.KernelRegistry(),
    )
    assert result.notebook is not None and result.failure is None, result.failure
    if result.files is not None and result.files.is_dir():
        shutil.copytree(result.files, figures, dirs_exist_ok=True)
    return result.notebook


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    folder = tmp_path_factory.mktemp("pseudo")
    built = pseudo_locale.build(folder, support.PROJECT / "notebooks", STEMS)
    env = {str(k): str(v) for k, v in dict(built["env"]).items()}  # type: ignore[call-overload]
    previous = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    from diaspora_helpers import editions, i18n
    from diaspora_helpers.publish.site import pages

    editions._registry.cache_clear()
    root = folder / "site" / pseudo_locale.CODE
    site = pages.Site(root, language=pseudo_locale.CODE)
    root.mkdir(parents=True)
    notebooks: list[Path] = list(built["notebooks"])  # type: ignore[call-overload]
    with ThreadPoolExecutor(max_workers=2) as pool:
        executed = list(
            pool.map(
                lambda p: _execute(p, folder / "work" / p.stem, root / "figures" / p.stem),
                notebooks,
            )
        )
    for path, nb in zip(notebooks, executed, strict=True):
        nbformat.write(nb, root / path.name)
        pages.render_notebook(nb, path.stem, site)
    yield {"root": root, "notebooks": dict(zip(STEMS, executed, strict=True))}
    i18n.set_language("en")
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    editions._registry.cache_clear()


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {sorted(set(words))[:12]}" for where, words in found.items())


@pytest.mark.slow
def test_the_pseudo_edition_s_pages_hold_no_untransformed_text(pseudo_site) -> None:
    root: Path = pseudo_site["root"]
    found = {}
    for stem in STEMS:
        page = (root / f"{stem}.html").read_text(encoding="utf-8")
        words = leftovers(_visible_text(page))
        if words:
            found[f"{stem}.html"] = words
    assert found == {}, _report(found)


@pytest.mark.slow
def test_the_pseudo_edition_s_charts_and_downloads_hold_no_untransformed_text(
    pseudo_site,
) -> None:
    root: Path = pseudo_site["root"]
    found: dict[str, list[str]] = {}
    svgs = sorted((root / "figures").rglob("*.svg"))
    assert len(svgs) >= 15
    for svg in svgs:
        texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg.read_text("utf-8"), re.DOTALL)
        words = [w for t in texts for w in leftovers(html.unescape(re.sub("<[^>]+>", "", t)))]
        if words:
            found[svg.name] = words
    for meta in sorted((root / "figures").rglob("*.csv-metadata.json")):
        descriptor = json.loads(meta.read_text("utf-8"))
        shown = [descriptor["dc:title"], descriptor["dc:description"], descriptor["notes"]]
        shown += [t for c in descriptor["tableSchema"]["columns"] for t in c["titles"].values()]
        shown += [c.get("unit", "") for c in descriptor["tableSchema"]["columns"]]
        words = [w for t in shown for w in leftovers(t)]
        if words:
            found[meta.name] = words
    assert found == {}, _report(found)


@pytest.mark.slow
def test_the_pseudo_edition_s_tables_prose_hints_and_errors_are_transformed(pseudo_site) -> None:
    found: dict[str, list[str]] = {}
    for stem, nb in pseudo_site["notebooks"].items():
        for number, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                shown = [data.get("text/markdown", ""), output.get("text", "")]
                shown += [_visible_text(data.get("text/html", ""))]
                shown += [" ".join(output.get("traceback", []))]
                words = [w for t in shown for w in leftovers(str(t))]
                if words:
                    found[f"{stem} cell {number}"] = words
    import diaspora_helpers
    from diaspora_helpers import exercises, params

    diaspora_helpers.setup(language=pseudo_locale.CODE)
    try:
        verdicts = [
            exercises.check_largest_gap_region("Asia"),
            exercises.check_largest_gap_region("Europe"),
            exercises.check_largest_gap_region(3),
            exercises.check_foreign_born_ratio(0.1),
            exercises.check_foreign_born_ratio("abc"),
        ]
        for verdict in verdicts:
            words = leftovers(str(verdict))
            if words:
                found[f"verdict {verdict!s:.40}"] = words
        with pytest.raises(ValueError) as error:
            params.check_int("year", "soon")
        if leftovers(str(error.value)):
            found["parameter error"] = leftovers(str(error.value))
    finally:
        diaspora_helpers.setup(language="en")
    assert found == {}, _report(found)


def test_pseudo_text_keeps_placeholders_and_markup_and_the_check_sees_english() -> None:
    shown = pseudo_locale.pseudo("{n} events in <b>{year}</b>")
    assert shown.startswith("[") and "{n}" in shown and "<b>{year}</b>" in shown
    assert leftovers(shown) == []
    assert leftovers(f"{shown} also more") == ["also", "more"]
    assert leftovers("MLI, RGPH 2009, timeline.svg, 4,2 %") == []
