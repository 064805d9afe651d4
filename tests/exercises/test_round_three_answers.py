"""Issue 23: the answer key's wording and numbers, as a statistics office would check them.

Each expected value is computed here from the CSV files in ``data/``, independently of the
analysis code; each wording test fails if the sentence the fact-check found wrong comes back.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from diaspora_helpers import exercises, setup
from diaspora_helpers.exercises import session1_counting

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    setup(language="en")
    yield
    setup(language="en")


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _wdi(table: str, code: str, year: int, iso3: str = "MLI") -> float:
    return next(
        float(r["value"])
        for r in _rows(table)
        if r["iso3"] == iso3 and r["indicator_code"] == code and int(r["year"]) == year
    )


def _why(monkeypatch, check, *args, **kwargs) -> str:
    """Return the reason ``check`` gives with a right answer, whatever answer is passed."""
    seen: dict[str, str] = {}
    module = sys.modules[check.__module__]
    for name in ("grade_number", "grade_choice", "grade_set", "grade_integer"):
        if hasattr(module, name):
            original = getattr(module, name)

            def spy(*a, _original=original, **k):
                seen["why"] = str(k.get("why"))
                return _original(*a, **k)

            monkeypatch.setattr(module, name, spy)
    check(*args, **kwargs)
    return seen["why"]


# -- exercise 1.3: one right answer, and a key of its own --------------------------------


def test_exercise_1_3_key_is_the_administrative_count_alone():
    assert session1_counting.COUNT_WITH_DESCENDANTS == "administrative"
    assert exercises.check_count_with_descendants("administrative").correct
    assert not exercises.check_count_with_descendants("un_desa").correct
    assert not exercises.check_count_with_descendants("world_bank").correct


def test_exercise_1_3_key_agrees_with_the_definitions():
    """The key is written in the code; the definitions must still support it."""
    defs = {r["id"]: r for r in _rows("definitions")}
    un = defs["un_desa_migrant_stock"]["definition"]
    assert "born in another country wherever censuses record place of birth" in un
    assert "born in each country" in defs["knomad_bilateral_migrant_stocks_2017"]["definition"]
    assert "descendants born abroad" in defs["administrative_sources"]["note"]


def test_exercise_1_3_message_no_longer_says_the_un_never_counts_such_a_child():
    said = repr(exercises.check_count_with_descendants("administrative"))
    assert "is not one of them" not in said
    assert "records place of birth" in said and "only citizenship" in said


def test_exercise_1_2_and_1_5_do_not_claim_a_cause_the_tables_cannot_show(monkeypatch):
    ratio = _why(monkeypatch, exercises.check_admin_to_un_ratio, 0)
    assert "because it counts a different population" not in ratio
    assert "cannot say why" in ratio
    foreign = _why(monkeypatch, exercises.check_foreign_born_ratio, 0)
    assert "Malian citizens born in a neighbouring country" not in foreign
    assert "crosses nationality with place of birth" in foreign


# -- session 3 ---------------------------------------------------------------------------------


def test_exercise_3_1_calls_the_share_a_ratio_of_two_flows(monkeypatch):
    why = _why(monkeypatch, exercises.check_remittance_share_of_gdp, 0)
    assert "sizeable part" not in why and "two flows" in why


def test_exercise_3_3_sets_the_amount_against_gdp_per_resident(monkeypatch):
    remit = _wdi("wdi_indicators", "BX.TRF.PWKR.CD.DT", 2020)
    gdp = _wdi("wdi_indicators", "NY.GDP.MKTP.CD", 2020)
    pop = _wdi("wdi_indicators", "SP.POP.TOTL", 2020)
    emigrants = next(
        float(r["value"])
        for r in _rows("un_migrant_stock_totals")
        if r["iso3"] == "MLI" and r["direction"] == "emigrants" and r["year"] == "2020"
    )
    ratio = 100 * (remit / emigrants) / (gdp / pop)
    why = _why(monkeypatch, exercises.check_per_emigrant, 0)
    assert f"about {ratio:.0f}% of Mali's GDP per resident in 2020" in why
    assert "modest" not in why and "poorer" not in why


def test_exercise_3_6_expects_the_usual_calculation():
    year = 2020  # cost year of focus_year 2020 in the 2022 vintage
    received = _wdi("wdi_indicators", "BX.TRF.PWKR.CD.DT", year)
    cost = _wdi("wdi_2022_vintage", "SI.RMT.COST.IB.ZS", year)
    usual = received * (cost - 3.0) / 100 / 1e6
    after_fees = usual / (1 - cost / 100)
    assert exercises.check_fee_savings(round(usual, 1)).correct
    variant = exercises.check_fee_savings(round(after_fees, 1))
    assert not variant.correct
    assert "assumption" in repr(variant)


# -- sessions 4 and 5 -----------------------------------------------------------------------------


def test_exercise_4_6_does_not_say_the_need_is_never_stated(monkeypatch):
    why = _why(monkeypatch, exercises.check_strategies_without_constraint, [])
    assert "never states" not in why and "guarantee fund" in why


def test_exercise_5_3_reports_the_un_count_outside_africa_and_europe(monkeypatch):
    rows = [
        r
        for r in _rows("un_migrant_stock_mali")
        if r["direction"] == "emigrants"
        and r["sex"] == "total"
        and r["year"] == "2020"
        and r["partner_kind"] == "country"
    ]
    outside = sum(int(r["value"]) for r in rows if r["partner_region"] not in {"Africa", "Europe"})
    total = sum(int(r["value"]) for r in rows)
    why = _why(monkeypatch, exercises.check_unplaced_abroad, 0)
    assert "probably" not in why
    assert f"puts only {outside:,} of them ({100 * outside / total:.1f}%)" in why
    assert "UN DESA" in why and "administrative" in why, "both measures are named"


def test_exercise_5_6_gives_the_commonest_kind_its_real_weight():
    kinds = Counter(r["severity"] for r in _rows("source_audit"))
    kind, n = kinds.most_common(1)[0]
    total = sum(kinds.values())
    verdict = exercises.check_commonest_problem(kind)
    assert verdict.correct
    assert f"{n} of the {total} entries ({100 * n / total:.0f}%)" in repr(verdict)
    assert "Most problems" not in repr(verdict)
    assert ("fewer than half" in repr(verdict)) == (2 * n < total)


def test_the_french_edition_answers_with_the_new_wording(monkeypatch):
    setup(language="fr")
    why = _why(monkeypatch, exercises.check_per_emigrant, 0)
    assert "PIB par habitant" in why and "modeste" not in why.replace("rien de modeste", "")
    assert "hypothèse" in repr(exercises.check_fee_savings(12.96))
