"""The worksheets' tables as a reader of the paper reads them (issue 25, the phone reader's
last reading of the French session 2 worksheet): text left, numbers right, header over
its column, in both editions, as Chromium lays them out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser_support import launch

from diaspora_helpers.publish.course import workflow as course
from diaspora_helpers.publish.course import worksheets

pytestmark = pytest.mark.slow

#: Each cell of each table: its text and the alignment Chromium computes for it.
CELLS = """JSON.stringify(Array.from(document.querySelectorAll('table td, table th'))
  .map(c => ({text: c.textContent.trim(), align: getComputedStyle(c).textAlign,
    column: c.cellIndex, head: c.tagName === 'TH'})))"""
#: A number as the pages write it (English "1,028", French "1 028" with a narrow space,
#: a decimal, a percentage, a sign).
NUMBER = re.compile(r"[−+-]?\d[\d,.\u202f\u00a0 ]*%?")


def test_text_left_numbers_right(tmp_path: Path) -> None:
    pages = []
    for edition in ("en", "fr"):
        master = course.masters(course.edition_dir(edition))[2]
        page = tmp_path / f"{edition}_session2.html"
        page.write_text(worksheets.sheets(master, edition)[0], encoding="utf-8")
        pages.append(page)
    wrong = []
    with launch(javascript=True) as tools:
        for page in pages:
            tools.open(page)
            cells = json.loads(tools.evaluate(CELLS))
            body = [c for c in cells if not c["head"] and c["text"]]
            assert any(NUMBER.fullmatch(c["text"]) for c in body), "no number: test needs one"
            assert any(not NUMBER.fullmatch(c["text"]) for c in body), "no text cell"
            numeric = {c["column"] for c in body if NUMBER.fullmatch(c["text"])}
            for c in cells:
                if not c["text"]:
                    continue
                number = c["column"] in numeric if c["head"] else NUMBER.fullmatch(c["text"])
                expected = "right" if number else "left"
                if c["align"] not in (expected, "start" if expected == "left" else "end"):
                    wrong.append((page.name, c["text"], c["align"]))
    assert wrong == []
