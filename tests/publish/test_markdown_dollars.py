"""No Markdown cell of any notebook has an unescaped ``$`` (issue 24).

JupyterLab and nbconvert read ``$…$`` as TeX: "*current US$* … *local currency units per
US$*" came out as mathematics in Lab and as literal asterisks on the site. A dollar sign in
prose is written ``\\$``; inside inline code or a fenced block it is code and left alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from diaspora_helpers.publish.site import markup

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks" / "fr").glob("*.ipynb")
)
_FENCED = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.S | re.M)
_INLINE = re.compile(r"(`+)(.+?)\1", re.S)


def bare_dollars(markdown: str) -> list[str]:
    """Return each unescaped ``$`` of ``markdown`` outside code, with the text around it."""
    prose = _INLINE.sub(" ", _FENCED.sub(" ", markdown))
    found = []
    for m in re.finditer(r"\$", prose):
        backslashes = len(prose[: m.start()]) - len(prose[: m.start()].rstrip("\\"))
        if backslashes % 2 == 0:  # an escaped backslash does not escape the dollar
            found.append(prose[max(0, m.start() - 30) : m.end() + 30].replace("\n", " "))
    return found


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("*current US$* and *units per US$*", 2),
        ("one US$ alone", 1),
        (r"*current US\$*", 0),
        ("`x = '$'` and ```\nprint('$')\n```", 0),
        (r"an escaped backslash then a dollar: \\$", 1),
    ],
)
def test_the_check_finds_bare_dollars_and_only_them(text, bare):
    assert len(bare_dollars(text)) == bare


def test_an_escaped_dollar_renders_as_a_dollar_on_the_site():
    assert markup.markdown_inline(r"*current US\$*") == "<em>current US$</em>"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_markdown_cell_has_an_unescaped_dollar(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = [
        (number, passage)
        for number, cell in enumerate(cells)
        if cell["cell_type"] == "markdown"
        for passage in bare_dollars("".join(cell["source"]))
    ]
    assert found == [], f"write \\$ for a dollar sign in prose: {found}"
