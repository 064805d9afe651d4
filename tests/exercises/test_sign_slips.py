"""A sign slip gets a hint about the sign, not the method hint (3.4 had one; rfr10 found
5.4 without): the expected value is computed here from the TOKTEN tables themselves."""

from __future__ import annotations

import pytest

from diaspora_helpers import exercises, setup
from diaspora_helpers.data import load


def _excess() -> int:
    rows = load("tokten_results")
    totals = load("tokten_totals")
    stated = float(totals.loc[totals["measure"].astype("str") == "trainees", "value"].iloc[0])
    return int(round(float(rows["trainees"].sum()) - stated))


@pytest.mark.parametrize(("language", "word"), [("en", "sign"), ("fr", "signe")])
def test_5_4_names_a_sign_slip(language, word):
    setup(language=language)
    excess = _excess()
    assert excess > 0
    assert exercises.check_tokten_double_count(excess).correct
    slipped = str(exercises.check_tokten_double_count(-excess))
    assert word in slipped and "tokten_results" not in slipped
    other = str(exercises.check_tokten_double_count(excess + 7))
    assert word not in other and "tokten_results" in other
