"""The course's texts: readings that do not give answers away, helpers that exist, definitions.

- The notebooks a student reads before a session's exercises (the guide's table) must not
  print that session's answers at the precision asked (issue 15).
- Every ``module.function`` named in the exercise texts, the checks' hints, the guide and
  the course files exists in the package (issue 15).
- The guide's definitions section is the one generated from ``data/definitions.csv``, and
  the guide never calls ``target_cost_pct=5`` a ceiling (issue 13).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers import exercises
from diaspora_helpers.exercises import grading
from diaspora_helpers.publish.course import texts as course_texts
from diaspora_helpers.publish.course import workflow as course

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
GUIDE = NOTEBOOKS / "instructor_guide.md"
COURSE_FILES = sorted(NOTEBOOKS.glob("course_*.md"))
FRENCH = NOTEBOOKS / "fr"


# -- readings before a session do not print its answers -------------------------------------


def _reading_plan() -> dict[int, tuple[list[str], list[str]]]:
    """Return, per session, the notebooks read before and after class (the guide's table)."""
    plan = {}
    rows = re.findall(r"^\| (\d) \|(.*)$", GUIDE.read_text(encoding="utf-8"), re.M)
    header = next(
        line for line in GUIDE.read_text(encoding="utf-8").splitlines() if "Read before" in line
    )
    columns = [c.strip() for c in header.strip("|").split("|")]
    before_at, after_at = columns.index("Read before"), columns.index("Read after")
    for session, rest in rows:
        cells = [c.strip() for c in f"{session} |{rest}".strip("|").split("|")]
        names = [re.findall(r"\((\d\d_\w+)\.ipynb\)", cells[i]) for i in (before_at, after_at)]
        plan[int(session)] = (names[0], names[1])
    return plan


def _read_before(session: int) -> set[str]:
    plan = _reading_plan()
    read = set(plan[session][0])
    for earlier in range(1, session):
        read |= set(plan[earlier][0]) | set(plan[earlier][1])
    return read


def _visible_text(path: Path) -> str:
    """Return what a reader sees: Markdown, text outputs and image alt texts, not code."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    parts = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/"):
                    parts.append("".join(value) if isinstance(value, list) else str(value))
            parts.append("".join(output.get("text", "")))
            parts.append(json.dumps(output.get("metadata", {}), ensure_ascii=False))
    return "\n".join(parts)


def _expected_numbers(monkeypatch) -> dict[str, tuple[float, int, str]]:
    """Return (value, decimals, unit) of every numeric question at the default parameters."""
    seen: dict[str, tuple[float, int, str]] = {}
    original = grading.grade_number

    def spy(answer, correct, *, unit, decimals, **kwargs):
        seen["current"] = (float(correct), decimals, unit)
        return original(answer, correct, unit=unit, decimals=decimals, **kwargs)

    original_integer = grading.grade_integer

    def spy_integer(answer, correct, **kwargs):
        seen["current"] = (float(correct), 0, "integer")
        return original_integer(answer, correct, **kwargs)

    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("diaspora_helpers.exercises.") and hasattr(module, "grade_number"):
            monkeypatch.setattr(module, "grade_number", spy)
        if name.startswith("diaspora_helpers.exercises.") and hasattr(module, "grade_integer"):
            monkeypatch.setattr(module, "grade_integer", spy_integer)
    for number, check in exercises.EXERCISES.items():
        seen.clear()
        check(0.0)
        if "current" in seen:
            found[number] = seen["current"]
    return found


def _giveaways(value: float, decimals: int, unit: str) -> list[str]:
    """Return regexes of the ways a page could print ``value`` as the answer."""
    if unit == "count":  # years, ranks, counts of rows: they appear in the data themselves
        return []
    if unit == "integer":  # a whole number: a year or a small count is everywhere in the data
        whole = round(value)
        if abs(whole) < 100 or 1900 <= whole <= 2100:
            return []
        return [rf"(?<![\d.,]){whole:,}(?![\d,])", rf"(?<![\d.,]){whole}(?![\d,.])"]
    if unit in {"persons", "usd"}:
        whole = round(value)
        if abs(whole) < 100:
            return []
        return [rf"(?<![\d.,]){whole:,}(?![\d,])", rf"(?<![\d.,]){whole}(?![\d,.])"]
    marks = {
        "percent": r"\s*%",
        "ratio": r"\s*(times|×)",
        "usd_millions": r"\s*million",
        "points": r"\s*(percentage )?points",
    }
    patterns = []
    for places in {decimals, max(decimals - 1, 1)}:
        shown = re.escape(f"{abs(value):.{places}f}")
        patterns.append(rf"(?<![\d.]){shown}{marks.get(unit, '')}")
    return patterns


def test_the_guide_plans_readings_for_every_session():
    plan = _reading_plan()
    assert sorted(plan) == [1, 2, 3, 4, 5]
    planned = [stem for before, after in plan.values() for stem in before + after]
    narrative = sorted(p.stem for p in NOTEBOOKS.glob("0*_*.ipynb"))
    assert sorted(set(planned)) == narrative  # every narrative notebook has its place


def test_readings_before_an_exercise_do_not_print_its_answers(monkeypatch):
    numbers = _expected_numbers(monkeypatch)
    assert {"1.1", "1.2", "2.3"} <= set(numbers)
    leaks = []
    for number, (value, decimals, unit) in sorted(numbers.items()):
        for stem in sorted(_read_before(int(number.split(".")[0]))):
            text = _visible_text(NOTEBOOKS / f"{stem}.ipynb")
            for pattern in _giveaways(value, decimals, unit):
                hit = re.search(pattern, text)
                if hit:
                    leaks.append(f"{number} in {stem}: {text[hit.start() - 60 : hit.end()]!r}")
    assert not leaks, "\n".join(leaks)


_TIMING = re.compile(r"(?:after session|après la séance)\s+(\d)")


def _reading_times_in_exercise_notebooks() -> list[tuple[str, str, int, int | None]]:
    """Return (notebook, narrative stem, its session, stated session) of each link in both editions.

    The stated session is the one a sentence says to read the linked notebook after ("read it
    after session 2", « lisez-le après la séance 2 »); ``None`` when the sentence gives no
    session, which lets a student read it before the exercises.
    """
    found = []
    for path in [
        *sorted(NOTEBOOKS.glob("exercises_*.ipynb")),
        *sorted(FRENCH.glob("exercises_*.ipynb")),
    ]:
        session = int(path.stem.split("_")[1])
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            for sentence in re.split(r"(?<=\.)\s+", "".join(cell["source"])):
                stems = re.findall(r"\]\((\d\d_\w+)\.ipynb\)", sentence)
                times: list[int | None] = [int(t) for t in _TIMING.findall(sentence)]
                assert len(stems) <= 1 or len(times) == len(stems), sentence
                for stem, time in zip(stems, times or [None] * len(stems), strict=True):
                    found.append((str(path.relative_to(NOTEBOOKS)), stem, session, time))
    return found


def test_exercise_notebooks_say_when_to_read_each_narrative_notebook():
    found = _reading_times_in_exercise_notebooks()
    assert {(where, stem) for where, stem, _, _ in found} >= {
        ("exercises_1_counting.ipynb", "01_demographics"),
        ("fr/exercises_1_counting.ipynb", "01_demographics"),
    }
    plan = _reading_plan()
    read_after = {stem: session for session, (_, after) in plan.items() for stem in after}
    wrong = [
        f"{where}: {stem} read {'before class' if time is None else f'after session {time}'}, "
        f"the guide says after session {read_after[stem]}"
        for where, stem, _, time in found
        if time != read_after[stem]
    ]
    assert not wrong, "\n".join(wrong)


def test_notebooks_an_exercise_sends_students_to_do_not_print_later_answers(monkeypatch):
    numbers = _expected_numbers(monkeypatch)
    leaks = []
    for where, stem, session, time in _reading_times_in_exercise_notebooks():
        first_unsafe = session if time is None else time + 1
        text = _visible_text(NOTEBOOKS / f"{stem}.ipynb")
        if where.startswith("fr/"):  # the French page: decimal comma, narrow spaces, « fois »
            text = _visible_text(FRENCH / f"{stem}.ipynb").replace(",", ".")
            text = re.sub(r"[\u202f\u00a0]", " ", text).replace(" fois", " times")
        for number, (value, decimals, unit) in sorted(numbers.items()):
            if int(number.split(".")[0]) < first_unsafe:
                continue
            for pattern in _giveaways(value, decimals, unit):
                hit = re.search(pattern, text)
                if hit:
                    leaks.append(f"{where} lets {stem} be read before {number}: {hit.group()!r}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(
    ("folder", "promise"),
    [(NOTEBOOKS, "or given more precisely"), (FRENCH, "ou plus précis")],
    ids=["en", "fr"],
)
def test_a_more_precise_number_passes_as_the_intros_promise(monkeypatch, folder, promise):
    for path in sorted(folder.glob("exercises_*.ipynb")):
        intro = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert promise in " ".join(intro.split()), path.name
    numbers = _expected_numbers(monkeypatch)
    tried = 0
    for number, (value, decimals, unit) in sorted(numbers.items()):
        if unit in {"count", "integer"}:
            continue
        tried += 1
        precise = round(value, decimals + 2)
        assert exercises.EXERCISES[number](precise).correct, (number, precise)
    assert tried >= 5


# -- every module.function named exists ---------------------------------------------------------


def _namespaces() -> dict[str, object]:
    spaces: dict[str, object] = {}
    for package in ("diaspora_helpers.analysis", "diaspora_helpers.data"):
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            spaces[info.name] = importlib.import_module(f"{package}.{info.name}")
    spaces |= {
        "exercises": exercises,
        "params": importlib.import_module("diaspora_helpers.params"),
        "text": importlib.import_module("diaspora_helpers.text"),
        "course": course,
    }
    return spaces


def _texts() -> dict[str, str]:
    texts = {GUIDE.name: GUIDE.read_text(encoding="utf-8")}
    texts |= {p.name: p.read_text(encoding="utf-8") for p in COURSE_FILES}
    texts |= {f"fr/{p.name}": p.read_text(encoding="utf-8") for p in sorted(FRENCH.glob("*.md"))}
    for path in [*sorted(NOTEBOOKS.glob("exercises_*.ipynb")), *FRENCH.glob("exercises_*.ipynb")]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        texts[path.name] = "\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
        )
    for path in sorted((ROOT / "diaspora_helpers" / "exercises").glob("*.py")):
        texts[path.name] = "\n".join(re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8")))
    return texts


def _unquoted_code_names(text: str, modules: set[str]) -> list[str]:
    """Return the ``module.name`` of the package written outside backticks in ``text``."""
    outside = re.sub(r"`[^`]*`", " ", text)
    found = re.findall(r"(?<![\w.])([a-z_]\w*)\.([A-Za-z_]\w*)", outside)
    return [f"{module}.{name}" for module, name in found if module in modules]


def _straight_quoted_codes(text: str) -> list[str]:
    """Return the codes written in straight single quotes (``'forum'``) in ``text``, outside
    backticks and outside a Python list shown as an example (``['first_id', 'second_id']``)."""
    outside = re.sub(r"`[^`]*`|\[[^\]]*\]", " ", text)
    return re.findall(r"(?<![\w'])'([a-z_][a-z0-9_]*)'(?![\w'])", outside)


def test_hints_write_the_package_code_they_name_in_backticks():
    """Every ``module.function`` a hint names (msgid and French msgstr) is in backticks,
    and so is every code or value it quotes (`forum`, not 'forum')."""
    from babel.messages.pofile import read_po

    package = ROOT / "diaspora_helpers"
    modules = {p.stem for p in package.rglob("*.py")} | {p.name for p in package.iterdir()}
    assert {"demography", "policy", "timeline", "currency"} <= modules
    bare = []
    for path in sorted((package / "locale" / "fr" / "LC_MESSAGES").glob("*exercises.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            for text in (message.id, message.string):
                for one in text if isinstance(text, tuple) else (text,):
                    bare += [
                        f"{path.name}: {n} in {one!r}" for n in _unquoted_code_names(one, modules)
                    ]
                    bare += [f"{path.name}: '{n}' in {one!r}" for n in _straight_quoted_codes(one)]
    assert not bare, "\n".join(bare)


def test_the_backtick_check_finds_a_bare_name_and_passes_a_quoted_one():
    modules = {"policy", "demography"}
    assert _unquoted_code_names("Use the matrix (policy.coverage_matrix).", modules) == [
        "policy.coverage_matrix"
    ]
    assert _unquoted_code_names("Read `demography.WHAT_IS_COUNTED`, e.g. 10.c.", modules) == []
    assert _straight_quoted_codes("keep only events of kind 'forum' (sex 'female').") == [
        "forum",
        "female",
    ]
    assert _straight_quoted_codes("of kind `forum`, a list like ['a_id', 'b_id'], l’Afrique") == []


def test_course_files_exist():
    names = {p.name for p in COURSE_FILES}
    for wanted in ("syllabus", "rubric", "readings", "pandas_cheat_sheet"):
        assert f"course_{wanted}.md" in names


def test_the_course_files_have_french_versions_of_the_same_names():
    english = {p.name for p in [GUIDE, *COURSE_FILES]}
    assert {p.name for p in FRENCH.glob("*.md") if p.name in english} == english


@pytest.mark.parametrize("name", ["instructor_guide.md", "course_pandas_cheat_sheet.md"])
def test_the_french_course_files_explain_the_decimal_comma(name):
    """`4,82` in Python is a tuple: the French texts say to type such numbers as strings."""
    text = (FRENCH / name).read_text(encoding="utf-8")
    assert re.search(r"`\"\d+,\d+\"`", text), "a decimal-comma number shown in quotes"
    assert "guillemets" in text


def test_the_french_guide_releases_and_grades_the_french_edition():
    text = (FRENCH / "instructor_guide.md").read_text(encoding="utf-8")
    assert "make course-release EDITION=fr" in text and "make course-grade EDITION=fr" in text
    assert "session4_fr" in text


def test_every_helper_named_in_the_course_exists():
    spaces = _namespaces()
    named, missing = set(), []
    for source, text in _texts().items():
        for module, attribute in re.findall(r"\b([a-z_]+)\.([A-Za-z_]\w*)\b", text):
            if module in spaces:
                named.add(f"{module}.{attribute}")
                if not hasattr(spaces[module], attribute):
                    missing.append(f"{source}: {module}.{attribute}")
    assert {"demography.by_region", "policy.coverage_matrix", "population.interpolate"} <= named
    assert "remittances.fee_saving" in named
    assert not missing, missing


def test_the_name_check_catches_a_missing_helper():
    spaces = _namespaces()
    assert not hasattr(spaces["demography"], "by_regoin")


# -- definitions and targets in the guide -------------------------------------------------------


def test_the_guide_definitions_section_is_generated_from_the_table():
    text = GUIDE.read_text(encoding="utf-8")
    begin, end = course_texts.DEFINITIONS_BEGIN, course_texts.DEFINITIONS_END
    assert text.count(begin) == 1 and text.count(end) == 1
    section = text.split(begin)[1].split(end)[0]
    assert section.strip() == course_texts.definitions_markdown().strip()
    assert course_texts.with_definitions(text) == text


@pytest.mark.parametrize("path", [GUIDE, *COURSE_FILES], ids=lambda p: p.name)
def test_no_text_calls_the_average_cost_target_a_ceiling(path):
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        if "target_cost_pct" in paragraph:
            assert not re.search(r"\bceiling\b", paragraph.split("corridor")[0]), paragraph


def test_the_guide_says_the_un_counts_by_birth_or_else_citizenship():
    text = GUIDE.read_text(encoding="utf-8")
    session1 = text.split("## Session 1")[1].split("## Session 2")[0]
    assert "people born in the country, from destination censuses" not in session1
    assert "citizenship" in session1


def test_the_rerun_example_leaves_mauritania_out_when_it_says_so():
    for block in re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        if "Mauritania" in block and "left out" in block:
            assert "peers=[SEN,BFA,NER,CIV,GIN]" in block and "MRT" not in block


def test_the_binder_link_is_built_from_one_repository_url():
    assert course_texts.binder_url("https://github.com/someone/mali-diaspora") == (
        "https://mybinder.org/v2/gh/someone/mali-diaspora/HEAD"
    )
    assert course_texts.binder_url("https://gitlab.com/a/b") == (
        "https://mybinder.org/v2/gl/a%2Fb/HEAD"
    )
    assert "course binder" in GUIDE.read_text(encoding="utf-8")


def test_the_french_guide_definitions_are_generated_once_the_table_is_translated():
    """With ``data/fr/definitions.csv`` the French guide's section is the generated one,
    in French; before it, the section is written by hand between the same markers."""
    french = FRENCH / "instructor_guide.md"
    text = french.read_text(encoding="utf-8")
    begin, end = course_texts.DEFINITIONS_BEGIN, course_texts.DEFINITIONS_END
    assert text.count(begin) == 1 and text.count(end) == 1
    assert "fr" in course_texts.guides(), "data/fr/definitions.csv exists: the section is generated"
    from diaspora_helpers import setup

    setup(language="fr")
    try:
        assert course_texts.with_definitions(text) == text
    finally:
        setup(language="en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_guide_definitions_never_nest_brackets(language):
    """The francophone editor's reading of « Définitions »: "(Nations Unies, Département des
    affaires économiques et sociales (DAES), Division de la population)". The publisher's
    name keeps its own brackets, so it no longer stands in brackets after the name."""
    from diaspora_helpers import setup
    from diaspora_helpers.data import load

    setup(language=language)
    try:
        section = course_texts.definitions_markdown()
        table = load("definitions").set_index("id")
    finally:
        setup(language="en")
    items = section.split("\n- ")
    assert len(items) == len(course_texts.COURSE_DEFINITIONS)
    bracketed = [table.at[k, "publisher"] for k in course_texts.COURSE_DEFINITIONS]
    assert any("(" in p for p in bracketed), "no publisher has brackets: the test holds nothing"
    for key, item in zip(course_texts.COURSE_DEFINITIONS, items, strict=True):
        assert support.bracket_depth(item) <= 1, item
        assert str(table.at[key, "publisher"]) in item


def test_the_french_definitions_mark_the_english_titles_they_cite():
    """Each English title the French definitions cite (the datasets' names, the IMF guide)
    is marked ``lang="en"`` on the French guide's page."""
    from diaspora_helpers import setup
    from diaspora_helpers.publish.site import accessibility, markup

    setup(language="fr")
    try:
        section = markup.markdown(course_texts.definitions_markdown())
        page = accessibility.mark_foreign(section, "fr")
    finally:
        setup(language="en")
    for title in (
        "International Migrant Stock 2020",
        "Bilateral Migration Matrix",
        "Remittance Prices Worldwide",
        "International Transactions in Remittances: Guide for Compilers and Users",
    ):
        assert f'<span lang="en">{title}</span>' in page, title
