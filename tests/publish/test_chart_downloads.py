"""The chart downloads of the two editions join: same headers, same codes and numbers.

Each chart's CSV (``figures/<notebook>/<chart>.csv``) holds codes and numbers under
machine-readable headers, the same in every edition, plus columns of words in the
edition's language that its CSVW descriptor (``<chart>.csv-metadata.json``) tags with
``"lang"``. Read from the shared run of the real collection (both editions).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import diaspora_test_support as support
import pytest


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _lang_columns(path: Path) -> dict[str, str]:
    descriptor = json.loads(path.with_name(path.name + "-metadata.json").read_text("utf-8"))
    return {c["name"]: c["lang"] for c in descriptor["tableSchema"]["columns"] if "lang" in c}


def _twins(outputs: Path) -> list[tuple[Path, Path]]:
    english = sorted((outputs / "figures").rglob("*.csv"))
    return [(p, outputs / "fr" / p.relative_to(outputs)) for p in english]


def download_problems(outputs: Path) -> list[str]:
    """Return what keeps the English and French chart downloads under ``outputs`` from
    joining: a header, a code or a number that differs, a column of words not named
    ``*_label`` (or not tagged with its language), a ``*_label`` column left untranslated."""
    problems = []
    for en_path, fr_path in _twins(outputs):
        name = en_path.relative_to(outputs).as_posix()
        if not fr_path.is_file():
            continue  # reported by the test below
        en_head, en_rows = _read(en_path)
        fr_head, fr_rows = _read(fr_path)
        en_lang, fr_lang = _lang_columns(en_path), _lang_columns(fr_path)
        named = {c for c in en_head if c.endswith("_label")}
        if set(en_lang) != named or set(fr_lang) != named:
            problems.append(f"{name}: words outside *_label columns: {en_lang} / {named}")
        if en_head != fr_head or len(en_rows) != len(fr_rows):
            continue
        for j, column in enumerate(en_head):
            if column not in named:
                continue
            if [r[j] for r in en_rows] == [r[j] for r in fr_rows]:
                problems.append(f"{name}: {column} reads the same in French and English")
    return problems


@pytest.mark.slow
def test_words_are_only_in_label_columns_and_are_translated() -> None:
    """A column holds codes and numbers (the same in both editions) or is named
    ``*_label`` and holds the edition's words: the francophone review found French names
    under ``country``, ``text``, ``who``/``whom`` and ``corridor``."""
    assert download_problems(support.collection_site()) == []


@pytest.mark.slow
def test_english_and_french_chart_downloads_agree_in_codes_and_numbers() -> None:
    outputs = support.collection_site()
    twins = _twins(outputs)
    assert len(twins) >= 15, "the collection's charts were not written"
    problems = []
    for en_path, fr_path in twins:
        name = en_path.relative_to(outputs).as_posix()
        if not fr_path.is_file():
            problems.append(f"{name}: no French twin")
            continue
        (en_head, en_rows), (fr_head, fr_rows) = _read(en_path), _read(fr_path)
        en_lang, fr_lang = _lang_columns(en_path), _lang_columns(fr_path)
        if en_head != fr_head:
            problems.append(f"{name}: headers differ: {en_head} / {fr_head}")
            continue
        if set(en_lang) != set(fr_lang) or set(fr_lang.values()) - {"fr"}:
            problems.append(f"{name}: text columns differ: {en_lang} / {fr_lang}")
            continue
        if len(en_rows) != len(fr_rows):
            problems.append(f"{name}: {len(en_rows)} rows in English, {len(fr_rows)} in French")
            continue
        for j, column in enumerate(en_head):
            if column in en_lang:
                continue
            en_values = [r[j] for r in en_rows]
            fr_values = [r[j] for r in fr_rows]
            if en_values != fr_values:
                diff = next((a, b) for a, b in zip(en_values, fr_values, strict=True) if a != b)
                problems.append(
                    f"{name}: column {column!r} differs, e.g. {diff[0]!r} / {diff[1]!r}"
                )
    assert problems == []


@pytest.mark.slow
def test_every_download_names_its_columns_in_the_edition_s_language() -> None:
    outputs = support.collection_site()
    for en_path, fr_path in _twins(outputs):
        for path, code in ((en_path, "en"), (fr_path, "fr")):
            descriptor = json.loads(path.with_name(path.name + "-metadata.json").read_text("utf-8"))
            columns = descriptor["tableSchema"]["columns"]
            assert [c["name"] for c in columns] == _read(path)[0]
            assert all(set(c["titles"]) == {code} for c in columns), path
            # rfr6: one convention for every column of codes, "<what> (code)", never
            # « ISO3 », « ID » or « (identifiant) »; a column of words never says "(code)".
            names = [c["name"] for c in columns]
            for c in columns:
                title = c["titles"][code]
                coded = (
                    f"{c['name']}_label" in names
                    or c["name"] in ("id", "iso3")
                    or c["name"].endswith(("_id", "_iso3"))
                )
                assert title.endswith(" (code)") == coded, (path, c["name"], title)
                assert "ISO3" not in title and "countryinfo" not in title, (path, title)
