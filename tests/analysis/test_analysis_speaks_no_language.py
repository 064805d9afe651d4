"""The analysis layer computes codes and numbers: no module of ``diaspora_helpers.analysis``
calls the translator. Words a reader sees are applied in the presentation layers (tables,
charts, prose, exercises) from the catalogs and ``data/<code>/``; analysis only *marks*
vocabularies for the catalog (``N_``) and records them on its tables (``with_words``).

Numbers, dates, quarters and lists are formatted for the edition the same way: analysis
keeps the values (``"2020Q3"``, ``"2014-09-01/2015-08-17"``, a tuple of names) and records
the formatter (``with_formats``); it never calls one of :mod:`diaspora_helpers.text`'s
formatters itself.

Read from the source (an AST walk), so a call cannot hide behind a branch that the unit
tests do not reach.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import diaspora_helpers.analysis
from diaspora_helpers import text

ANALYSIS = Path(diaspora_helpers.analysis.__file__).parent
#: The i18n functions that turn English into the edition's language.
TRANSLATORS = frozenset({"_", "ngettext", "word", "labelled", "pick", "translator", "gettext"})

#: The functions of :mod:`diaspora_helpers.text` that write a value the edition's way
#: (numbers, percentages, dates, quarters, lists, sentences), called as ``text.<name>``.
FORMATTERS = frozenset(
    name
    for name, function in vars(text).items()
    if inspect.isfunction(function)
    and function.__module__ == text.__name__
    and not name.startswith("_")
    and name != "set_language"
)


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
    if (
        isinstance(func, ast.Attribute)
        and func.attr in FORMATTERS
        and isinstance(func.value, ast.Name)
        and func.value.id == "text"
    ):
        return f"text.{func.attr}"
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
        "def quarter(t):\n    return with_formats(t, period=text.quarter)\n"
        "def shown(t):\n    return [text.quarter(p) for p in t['period']]\n"
        "def local(text):\n    return text.split('.')\n"
    )
    assert translating_functions(source) == {"said", "K.get", "counted", "shown"}
    assert {"quarter", "number", "period", "items", "listing"} <= FORMATTERS


def test_no_analysis_module_translates_or_formats_for_the_edition() -> None:
    found = {
        path.stem: sorted(names)
        for path in sorted(ANALYSIS.glob("*.py"))
        if (names := translating_functions(path.read_text(encoding="utf-8")))
    }
    assert found == {}, (
        "analysis translates or formats: return codes and values, and label or format "
        f"them in presentation (with_words, with_formats): {found}"
    )
