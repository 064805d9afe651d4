"""The French text of the source audit (shown on every topic page) and of the key figures:
every row written in French, with the English text's numbers and French typography."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[2] / "data"
#: An ASCII space where French typography wants a narrow no-break space (U+202F).
BAD_SPACE = re.compile(r" [;:!?»]|« ")
#: A number of three or more digits, English (1,234 / 1234) or French (1 234, U+202F).
NUMBER = re.compile(r"\d{1,3}(?:[,\u202f]\d{3})+(?!\d)|\d{3,}")


def _pair(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    def read(path: Path) -> pd.DataFrame:
        return pd.read_csv(path, dtype=str, keep_default_na=False).set_index("id")

    return read(DATA / f"{name}.csv"), read(DATA / "fr" / f"{name}.csv")


def _numbers(text: str) -> set[int]:
    return {int(re.sub(r"\D", "", n)) for n in NUMBER.findall(text)}


@pytest.mark.parametrize("name", ["source_audit", "key_figures"])
def test_every_row_has_french_text_unlike_the_english(name):
    english, french = _pair(name)
    assert sorted(french.index) == sorted(english.index)
    for column in french.columns:
        same = [
            i
            for i in french.index
            if english.at[i, column] and french.at[i, column] == english.at[i, column]
        ]
        # Only names, codes and printed numbers may read the same in both languages (RGPH
        # 2009, HCME, "0,8 million"), and the one claim the document printed in French.
        longer = [i for i in same if len(english.at[i, column].split()) > 2]
        assert longer in ([], ["cigem_name"]), (column, longer)


@pytest.mark.parametrize("column", ["problem", "treatment"])
def test_the_audit_keeps_the_numbers_of_the_english(column):
    english, french = _pair("source_audit")
    for entry in english.index:
        missing = _numbers(english.at[entry, column]) - _numbers(french.at[entry, column])
        assert not missing, f"{entry}.{column}: {sorted(missing)} missing from the French"


@pytest.mark.parametrize("name", ["source_audit", "key_figures"])
def test_the_french_follows_french_typography(name):
    _, french = _pair(name)
    for entry, row in french.iterrows():
        for column, text in row.items():
            bad = BAD_SPACE.search(text)
            assert not bad, f"{entry}.{column}: ASCII space in {text[max(0, bad.start() - 20) :]!r}"
            if not column.startswith("claim"):  # claims quote the printed forms
                assert not re.search(r"\d\.\d+\u00a0?%", text), f"{entry}.{column}: 1.3%"
