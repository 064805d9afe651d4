"""Chart source lines write dates in words, in the edition's language (r28 item 8): "WDI as
copied on 2026-07-01" and "datahub.io copy of 2026-07-01" printed an ISO date in the
English edition; the dates are now constants written through ``text.written_date``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from diaspora_helpers import constants, editions, i18n, text

CHARTS = Path(__file__).resolve().parents[2] / "diaspora_helpers" / "charts"
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _translatable_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "N_"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


def test_no_chart_text_prints_an_iso_day() -> None:
    strings = [s for path in sorted(CHARTS.glob("*.py")) for s in _translatable_strings(path)]
    assert len(strings) > 50, "the charts' strings were not found"
    assert [s for s in strings if ISO_DAY.search(s)] == []
    assert any("{date}" in s for s in strings)  # the WDI copy's and release's names


def test_the_copy_date_reads_in_words_in_each_edition() -> None:
    source = "WDI, datahub.io copy of {date}"  # the one name of the copy in source lines
    for code in ("en", "fr"):
        say = i18n.translator(code)
        day = text.written_date(constants.WDI_COPIED, editions.get(code).locale, say)
        assert not ISO_DAY.search(day) and "2026" in day, day
        line = say(source).format(date=day)
        assert day in line and not ISO_DAY.search(line), line
    french = i18n.translator("fr")
    day = text.written_date(constants.WDI_COPIED, editions.get("fr").locale, french)
    assert french(source).format(date=day) == "WDI, copie datahub.io du 1er juillet 2026"
