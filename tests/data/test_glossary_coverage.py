"""Every acronym a reader meets in the notebooks and the guide is in the glossary.

The tables are checked in test_data_source.py; this covers the prose: Markdown cells, the
Markdown the notebooks compute, and the instructor guide. Country codes (ISO 3166
alpha-3), World Bank indicator codes (``BX.TRF.PWKR.CD.DT``) and text in backticks
(code) are not acronyms to explain; a census number (``RGPH5``) is read as its acronym.
"""

import json
import re
from pathlib import Path

import pytest
from acronyms import acronym_tokens, glossary_words, iso3_codes

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
INDICATOR = re.compile(r"\b[A-Z]{2,}(?:\.[A-Z0-9]+)+\b")
CODE = re.compile(r"`[^`]*`")


def _prose(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    texts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            texts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(texts)


def unexplained(text: str, known: set[str], codes: set[str]) -> set[str]:
    """Return the acronyms of ``text`` that are neither in ``known`` nor country codes."""
    text = CODE.sub(" ", INDICATOR.sub(" ", text))
    missing = set()
    for word in acronym_tokens(text):
        word = word.rstrip("0123456789")
        parts = [p for p in word.split("-") if sum(c.isupper() for c in p) >= 2]
        if not all(p in known or p in codes for p in parts or [word]):
            missing.add(word)
    return missing


def test_unexplained_finds_what_it_should():
    known, codes = {"UN", "DESA", "RGPH"}, {"MLI"}
    text = "UN DESA, RGPH5, MLI, `CODE`, BX.TRF.PWKR.CD.DT and the OECD"
    assert unexplained(text, known, codes) == {"OECD"}


@pytest.mark.parametrize(
    "path",
    sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("*.md")),
    ids=lambda p: p.name,
)
def test_prose_acronyms_are_in_the_glossary(path):
    missing = unexplained(_prose(path), glossary_words(), set(iso3_codes()))
    assert not missing, f"add to data/glossary.csv: {sorted(missing)}"
