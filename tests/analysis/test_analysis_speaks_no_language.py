"""The analysis layer computes codes and numbers: no module of ``diaspora_helpers.analysis``
calls the translator. Words a reader sees are applied in the presentation layers (tables,
charts, prose, exercises) from the catalogs and ``data/<code>/``; analysis only *marks*
vocabularies for the catalog (``N_``) and records them on its tables (``with_words``).

Read from the source (an AST walk), so a call cannot hide behind a branch that the unit
tests do not reach. ``KNOWN_GAPS`` lists the functions that still translate (issue 24, not
yet moved to presentation): the test fails on any other call, and on a listed function
that no longer calls the translator, so the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import diaspora_helpers.analysis

ANALYSIS = Path(diaspora_helpers.analysis.__file__).parent
#: The i18n functions that turn English into the edition's language.
TRANSLATORS = frozenset({"_", "ngettext", "word", "labelled", "pick", "translator", "gettext"})

#: module -> functions that still call a translator (to be moved to presentation).
KNOWN_GAPS: dict[str, set[str]] = {
    "counts": {"_KindWords.__getitem__", "destination_counts", "totals_side_by_side"},
    "demography": {"abroad_estimates", "place_label", "region_label", "top_destinations"},
    "institutions": {"figure_word", "relation_words"},
    "legal": {"domain_name", "legal_reading"},
    "population": {"foreigners_comparison"},
    "timeline": {
        "describe_counts",
        "describe_date",
        "kind_count",
        "kind_label",
        "rhythm_title",
        "separator",
        "sequels",
        "when",
    },
    "tokten": {"word"},
}


def _translator(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name) and func.id in TRANSLATORS:
        return func.id
    if (
        isinstance(func, ast.Attribute)
        and func.attr in TRANSLATORS
        and isinstance(func.value, ast.Name)
        and func.value.id == "i18n"
    ):
        return func.attr
    return None


def translating_functions(source: str) -> set[str]:
    """Return the (qualified) names of the functions of ``source`` that call a translator;
    a call at module level is named ``<module>``."""
    found: set[str] = set()

    def visit(node: ast.AST, scope: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(child, [*scope, child.name])
                continue
            if isinstance(child, ast.Call) and _translator(child):
                found.add(".".join(scope) or "<module>")
            visit(child, scope)

    visit(ast.parse(source), [])
    return found


def test_the_check_sees_calls_and_ignores_marks() -> None:
    source = (
        "from diaspora_helpers import i18n\n"
        "WORDS = {'a': N_('A')}\n"
        "def marked():\n    return with_words(t, a=WORDS)\n"
        "def said():\n    return _('Hello')\n"
        "class K:\n    def get(self):\n        return i18n.word('a', WORDS)\n"
        "def counted(n):\n    if n:\n        return [ngettext('x', 'xs', n)]\n"
    )
    assert translating_functions(source) == {"said", "K.get", "counted"}


def test_no_analysis_module_calls_the_translator_beyond_the_known_gaps() -> None:
    found = {
        path.stem: names
        for path in sorted(ANALYSIS.glob("*.py"))
        if (names := translating_functions(path.read_text(encoding="utf-8")))
    }
    new = {m: sorted(n - KNOWN_GAPS.get(m, set())) for m, n in found.items()}
    new = {m: n for m, n in new.items() if n}
    assert new == {}, f"analysis translates: return codes and label them in presentation: {new}"
    fixed = {m: sorted(n - found.get(m, set())) for m, n in KNOWN_GAPS.items()}
    fixed = {m: n for m, n in fixed.items() if n}
    assert fixed == {}, f"no longer translating: remove from KNOWN_GAPS: {fixed}"
