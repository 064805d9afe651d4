"""Issue 13, item 6: every acronym in data/ is in the glossary.

Scans the text fields of every CSV in data/ and the human-readable text of
data/datapackage.json (titles, descriptions, caveats, notes, publishers, summaries), and
fails on any acronym that data/glossary.csv does not list.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data"

#: Words of two or more capitals that are not acronyms to expand:
#: * AFW, SSF, WLD: World Bank aggregate codes (Africa Western and Central, Sub-Saharan
#:   Africa, World), identifiers like ISO codes and spelled out wherever a descriptor uses them;
#: * YYYY, MM, DD: the placeholders of a date format (YYYY-MM-DD), not words.
NOT_ACRONYMS = {"AFW", "SSF", "WLD", "YYYY", "MM", "DD"}

#: Columns holding codes or addresses, not text: ISO 3166 codes, World Bank series codes
#: and page addresses (fields whose descriptor gives format "uri" are skipped too).
CODE_COLUMNS = {"iso3", "partner_iso3", "sending_iso3", "receiving_iso3", "members_iso3"}
CODE_COLUMNS |= {"indicator_code", "series", "compare_with_series"}

#: Keys of datapackage.json whose values are prose a reader meets.
TEXT_KEYS = {"title", "description", "caveats", "note", "publisher", "dataset", "vintage"}
TEXT_KEYS |= {"indicator", "summary", "dating_evidence", "distribution_note", "written"}

URL = re.compile(r"https?://\S+")
#: World Bank series codes (BX.TRF.PWKR.CD.DT, ATCR.CORR) and UN document symbols
#: (POP/DB/MIG/Stock/Rev.2020) are identifiers, not acronyms.
SERIES_CODE = re.compile(r"\b[A-Z]{2,}(?:\.[A-Z0-9]+)+\b")
DOCUMENT_SYMBOL = re.compile(r"\b[A-Z]{2,}(?:/[A-Za-z0-9.]+){2,}")
BACKTICKS = re.compile(r"`[^`]*`")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def acronyms(text: str) -> set[str]:
    """Return the acronyms of ``text``: words of 2+ capitals (digits and hyphens allowed).

    A plural or possessive 's' is dropped (SMEs, TOKTEN's), trailing digits too (RGPH5),
    and '/' separates words (01/CA-ANPE gives CA-ANPE).
    """
    for pattern in (URL, SERIES_CODE, DOCUMENT_SYMBOL, BACKTICKS):
        text = pattern.sub(" ", text)
    found = set()
    for word in WORD.findall(text):
        word = re.sub(r"['’]s$", "", word).strip("-'’")
        if word.endswith("s") and word[:-1].isupper():
            word = word[:-1]
        word = word.rstrip("0123456789").rstrip("-")
        if sum(c.isupper() for c in word) >= 2 and not any(c.islower() for c in word):
            found.add(word)
    return found


def glossary_words() -> set[str]:
    """Return the glossary's acronyms and their parts (UN DESA gives UN and DESA)."""
    words = set()
    with (DATA / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words.add(row["acronym"])
            words |= {p for p in re.split(r"[\s/-]+", row["acronym"]) if p}
    return words


def unknown(word: str, known: set[str]) -> bool:
    """Tell whether a word is neither a known acronym nor made only of known parts."""
    if word in known:
        return False
    parts = [p for p in word.split("-") if sum(c.isupper() for c in p) >= 2]
    return not parts or not all(p in known for p in parts)


def _package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def _skipped_columns() -> dict[str, set[str]]:
    """Return, per CSV file, the columns that hold codes or addresses."""
    skipped = {}
    for res in _package()["resources"]:
        fields = res["schema"]["fields"]
        uri = {f["name"] for f in fields if f.get("format") == "uri"}
        typed = {f["name"] for f in fields if f.get("type", "string") != "string"}
        skipped[res["path"]] = CODE_COLUMNS | uri | typed
    return skipped


def csv_texts() -> list[tuple[str, str]]:
    """Return (where, text) for every text cell of every CSV in data/."""
    skipped = _skipped_columns()
    texts = []
    for path in sorted(DATA.glob("*.csv")):
        assert path.name in skipped, f"{path.name} is not described in datapackage.json"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, cell in row.items():
                    if column not in skipped[path.name] and cell:
                        texts.append((f"{path.stem}.{column}", cell))
    return texts


def package_texts() -> list[tuple[str, str]]:
    """Return (where, text) for the prose of datapackage.json."""
    texts = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_KEYS:
                    collect(value, f"{where}.{key}")
                elif isinstance(value, dict | list):
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    def collect(value: object, where: str) -> None:
        if isinstance(value, str):
            texts.append((where, value))
        elif isinstance(value, list):
            for item in value:
                collect(item, where)
        elif isinstance(value, dict):
            walk(value, where)

    walk(_package(), "datapackage")
    return texts


def test_acronym_detection_finds_what_it_should():
    text = "SMEs, TOKTEN's l'Extérieur, 01/CA-ANPE, RGPH5, BX.TRF.PWKR.CD.DT, UN DESA, USD 200"
    assert acronyms(text) == {"SME", "TOKTEN", "CA-ANPE", "RGPH", "UN", "DESA", "USD"}
    assert acronyms("see https://data.worldbank.org/indicator/SP.POP.TOTL?x=MLI") == set()
    assert acronyms("POP/DB/MIG/Stock/Rev.2020 and the OECD") == {"OECD"}
    assert unknown("CA-ANPE", {"CA", "ANPE"}) is False
    assert unknown("OECD", {"UN"}) is True


def test_the_scan_reads_tables_and_descriptions():
    wheres = {where.split(".")[0] for where, _ in csv_texts()}
    assert {"glossary", "definitions", "source_audit", "un_migrant_stock_mali"} <= wheres
    assert any("caveats" in where for where, _ in package_texts())
    assert any("source_document" in where for where, _ in package_texts())


@pytest.mark.parametrize("scan", [csv_texts, package_texts], ids=["csv", "datapackage"])
def test_every_acronym_is_in_the_glossary(scan):
    known = glossary_words() | NOT_ACRONYMS
    missing: dict[str, str] = {}
    for where, text in scan():
        for word in acronyms(text):
            if unknown(word, known):
                missing.setdefault(word, where)
    assert not missing, f"add to data/glossary.csv: {missing}"


def test_the_glossary_has_the_acronyms_issue_13_named():
    with (DATA / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["acronym"]: row for row in csv.DictReader(handle)}
    for acronym in ("UEMOA", "WAEMU", "IOM", "OIM", "DNSI", "PPP"):
        assert acronym in rows, acronym
    assert "purchasing power parity" in rows["PPP"]["english"].lower()
    assert "INSTAT" in rows["DNSI"]["note"]
    used = {part.strip() for part in rows["CA"]["used_in"].split(";")}
    assert "legal_framework" not in used
    assert {"institutions", "source_audit"} <= used
