"""Issue 17: the data package carries French titles and descriptions for its tables.

Every resource of data/datapackage.json has ``title_fr`` and ``description_fr`` beside its
English ``title`` and ``description``; the French text is not a copy of the English, keeps
its years and counts, and follows French typography (narrow no-break space, U+202F, before
``;`` ``:`` ``!`` ``?`` and inside guillemets, and as thousands separator).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"

#: A year: four digits from 1900 to 2099 not run together with other digits ("2011Q1",
#: "1970s" and "2022-02-15" all give their year).
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: An English count with comma thousands separators, or a plain run of digits.
EN_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\d.])\d+(?![\d.]\d)")
#: A French count with narrow or ordinary no-break spaces as thousands separators.
FR_NUMBER = re.compile(r"\d{1,3}(?:[\u202f\u00a0]\d{3})+(?!\d)|\d+")
#: An ASCII space where French typography wants a (narrow) no-break space.
BAD_SPACE = re.compile(r" [;:!?»]|« ")


def package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def resources() -> list[dict]:
    return package()["resources"]


def described() -> list[tuple[str, dict]]:
    """Return (name, object) for the package, its source document and every resource."""
    pkg = package()
    items = [("package", pkg), ("source_document", pkg["source_document"])]
    return items + [(r["name"], r) for r in pkg["resources"]]


def years(text: str) -> set[str]:
    return set(YEAR.findall(text))


def counts(text: str, pattern: re.Pattern) -> set[int]:
    """Return the numbers of three or more digits in text, separators removed."""
    found = set()
    for match in pattern.findall(text):
        digits = re.sub(r"\D", "", match)
        if len(digits) >= 3:
            found.add(int(digits))
    return found


def test_the_helpers_read_years_and_counts():
    assert years("from 2011Q1 to 2020Q3, the 1970s, on 2022-02-15") == {
        "2011",
        "2020",
        "1970",
        "2022",
    }
    assert counts("924,497 nationals; USD 200; 10.c.1; 1.5 million", EN_NUMBER) == {
        924497,
        200,
    }
    assert counts("924\u202f497 nationaux, 200 USD, 1,5 million", FR_NUMBER) == {924497, 200}
    assert BAD_SPACE.search("Mali : chiffres") and not BAD_SPACE.search("Mali\u202f: chiffres")


@pytest.mark.parametrize("name", [r["name"] for r in resources()])
def test_every_resource_has_a_french_title_and_description(name):
    resource = next(r for r in resources() if r["name"] == name)
    for key in ("title", "description"):
        french = resource.get(f"{key}_fr")
        assert isinstance(french, str) and french.strip(), f"{name}: no {key}_fr"
        assert french != resource[key], f"{name}: {key}_fr is the English text"


@pytest.mark.parametrize("name, obj", described(), ids=[n for n, _ in described()])
def test_the_french_description_keeps_the_years_and_counts(name, obj):
    english, french = obj["description"], obj["description_fr"]
    missing = years(english) - years(french)
    assert not missing, f"{name}: years {sorted(missing)} missing from description_fr"
    missing = counts(english, EN_NUMBER) - counts(french, FR_NUMBER)
    assert not missing, f"{name}: numbers {sorted(missing)} missing from description_fr"


@pytest.mark.parametrize("name, obj", described(), ids=[n for n, _ in described()])
def test_the_french_text_follows_french_typography(name, obj):
    for key in ("title_fr", "description_fr"):
        text = obj[key]
        bad = BAD_SPACE.search(text)
        assert not bad, f"{name}.{key}: ASCII space in {text[max(0, bad.start() - 20) :]!r}"
        assert not re.search(r"\d,\d{3}(?!\d)", text), f"{name}.{key}: English thousands"
