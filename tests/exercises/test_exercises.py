"""The answer checks of the teaching notebooks: right, wrong and blank answers, and no leaks.

Every correct answer here is computed from ``data/`` through the topic helpers, the way
the master notebooks' solutions do it, never copied from ``exercises.py``.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from diaspora_helpers import exercises
from diaspora_helpers.analysis import (
    audit,
    demography,
    key_figures,
    policy,
    population,
    remittances,
    timeline,
)
from diaspora_helpers.data import load

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
DATA = NOTEBOOKS.parent / "data"
PEERS = ["SEN", "BFA", "NER", "CIV", "GIN", "MRT"]


# -- correct answers, computed the way a student would ------------------------------------


def _raw(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>.csv`` as text, read with the csv module (not the loader)."""
    with (DATA / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _document_figure(figure_id: str) -> float:
    return float(next(row["value"] for row in _raw("key_figures") if row["id"] == figure_id))


def _share_of_all() -> float:
    """Exercise 1.1 from the raw table: abroad / (residents + abroad), in percent."""
    abroad, residents = _document_figure("malians_abroad"), _document_figure("population")
    return 100 * abroad / (residents + abroad)


def _admin_to_un(un_year: int = 2020) -> float:
    """Exercise 1.2 from the raw tables: the document's count over UN DESA's World total of
    Mali's emigrants (both sexes) for ``un_year``."""
    (world,) = (
        float(row["value"])
        for row in _raw("un_migrant_stock_mali")
        if (row["direction"], row["sex"], row["partner_kind"], row["year"])
        == ("emigrants", "total", "world", str(un_year))
    )
    return _document_figure("malians_abroad") / world


def test_the_raw_answers_are_the_hand_computed_ones():
    """The source document, section 1.1, gives 14 528 662 residents (RGPH 2009) and 4
    million Malians abroad: 100 x 4 000 000 / 18 528 662 = 21.588 %. UN DESA's International
    Migrant Stock 2020 counts 1 303 511 emigrants from Mali in 2020 and 647 426 in 1990
    (total_outflow; shared/reference/un_desa_migrant_stock/PROVENANCE.md): 4 000 000 /
    1 303 511 = 3.069 and 4 000 000 / 647 426 = 6.178."""
    assert round(_share_of_all(), 3) == 21.588
    assert round(_admin_to_un(2020), 3) == 3.069
    assert round(_admin_to_un(1990), 3) == 6.178


def _foreign_born_ratio() -> float:
    key = key_figures.key_figures()
    table = population.foreigners_comparison(key.at["foreigners_in_mali", "value"], 2009)  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    return float(
        table.loc[table["estimate"].str.contains("interpolated"), "ratio_to_census"].iloc[0]
    )


def _largest_gap_region() -> str:
    table = demography.document_vs_un(key_figures.key_figures(), 2020)
    return str(table.sort_values("ratio_document_to_un")["where"].iloc[-1])


def _top_destination(un_year: int = 2020) -> str:
    return str(demography.destinations(un_year)["country"].iloc[0])


def _fastest_growing() -> str:
    change = demography.change_between(1990, 2020, 5)
    return str(change.sort_values("change_pct")["country"].iloc[-1])


def _most_people_gained() -> str:
    change = demography.change_between(1990, 2020, 5)
    return str(change.sort_values("change")["country"].iloc[-1])


def _mali_share(column: str, year: int = 2020) -> float:
    return remittances.value_in(remittances.mali_series(), year, column)


def _peer_rank(peers: list[str] = PEERS) -> int:
    table = remittances.per_person(2020, ["MLI", *peers])
    ordered = table.sort_values("share_2026_derived_pct", ascending=False)
    return list(ordered["iso3"]).index("MLI") + 1


def _per_person(column: str) -> float:
    return float(remittances.per_person(2020, ["MLI"])[column].iloc[0])


def _document_vs_wb() -> float:
    return remittances.document_amount(432e9, 2012)["document_over_wb_pct"]


def _cost_gap(target: float = 3.0) -> float:
    cost = remittances.country_cost()
    return float(cost.loc[remittances.cost_year(2020)]) - target


def _fee_gain() -> float:
    table = remittances.savings_scenario(3.0).set_index("year")
    return float(table.at[remittances.cost_year(2020), "gain_usd"]) / 1e6  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar


def _forum_before_policy() -> str:
    ev = timeline.events()
    policy_start = ev.loc[ev["id"] == "nmp_adopted_2014_09_03", "start"].iloc[0]
    forums = ev[(ev["kind"] == "forum") & (ev["start"] < policy_start)]
    return str(forums["id"].iloc[-1])


def _after_fidima() -> list[str]:
    return list(timeline.followed(timeline.events(), "fidima_2009_12", 1.0)["id"])


def _busiest_year() -> int:
    return int(timeline.events()["year"].value_counts().sort_index().idxmax())  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label


def _direct_on_cost() -> list[str]:
    cover = policy.coverage()
    keep = (cover["constraint_id"] == "remittance_costs") & (cover["strength"] == "direct")
    return list(cover.loc[keep, "strategy_id"])


def _france_share() -> float:
    key = key_figures.key_figures()
    return round(1.3 / 100 * key.at["population", "value"])  # type: ignore[arg-type,operator]  # pandas-stubs types a cell as any scalar


def _disagreeing() -> list[str]:
    shares = key_figures.recomputed_shares(key_figures.key_figures())
    return list(shares.index[~shares["agrees"]])


def _unplaced() -> float:
    key = key_figures.key_figures()["value"]
    return key["malians_abroad"] - key["malians_in_africa"] - key["malians_in_europe"]


def _tokten_excess() -> int:
    stated = load("tokten_totals").set_index("measure")["value"]
    return int(load("tokten_results")["trainees"].sum() - stated["trainees"])


def _tokten_health_women() -> int:
    rows = load("tokten_results")
    stated = load("tokten_totals").set_index("measure")["value"]
    known = rows[(rows["sector"] != "health")]["women"].sum()
    return int(stated["women"] - known)


def _commonest_problem() -> str:
    counts = audit.entries()["severity"].astype("str").value_counts()
    return str(counts.index[0])


# Each case: exercise, keyword arguments, the correct answer (a callable), the kind of
# answer, wrong answers (several, including known slips).
CASES: list[tuple[str, dict[str, Any], Callable[[], Any], str, list[Any]]] = [
    ("1.1", {}, _share_of_all, "number", [27.53, 50, 0.216, "abc", [1]]),
    ("1.2", {"un_year": 2020}, _admin_to_un, "number", [0.33, 4.0, 1, "three"]),
    ("1.3", {}, lambda: "administrative", "choice", ["un_desa", "World Bank", "census", 3]),
    ("1.4", {"un_year": 2020}, _largest_gap_region, "choice", ["Europe", "France", "Asia"]),
    ("1.5", {}, _foreign_born_ratio, "number", [2.34, 3.09, 0.34, 1]),
    ("2.1", {"un_year": 2020}, _top_destination, "choice", ["France", "NGA", "Atlantis", 1]),
    (
        "2.2",
        {"un_year": 2020},
        lambda: demography.destinations(2020)["share_pct"].head(3).sum(),
        "number",
        [40.06, 100, 0.62, "most"],
    ),
    (
        "2.3",
        {"un_year": 2020},
        lambda: demography.africa_share(2020),
        "number",
        [89.33, 10.3, 0.9, "most"],
    ),
    (
        "2.4",
        {"start_year": 1990, "un_year": 2020},
        _fastest_growing,
        "choice",
        [_most_people_gained(), "France", "Germany"],
    ),
    (
        "2.5",
        {"un_year": 2020},
        lambda: demography.totals_over_time().at[2020, "female_share_pct"],
        "number",
        [56.93, 50, 0.43],
    ),
    (
        "3.1",
        {"focus_year": 2020},
        lambda: _mali_share("share_2026_derived_pct"),
        "number",
        [_mali_share("share_2022_published_pct"), 10, 0.048],
    ),
    ("3.2", {"focus_year": 2020, "peers": PEERS}, _peer_rank, "integer", [1, 6, 2.5, "first"]),
    (
        "3.3",
        {"focus_year": 2020},
        lambda: _per_person("per_emigrant_usd"),
        "number",
        [_per_person("per_resident_usd"), 1000, 0],
    ),
    ("3.4", {}, _document_vs_wb, "number", [-20.4, 0, 10, "small"]),
    ("3.5", {"focus_year": 2020, "target_cost_pct": 3.0}, _cost_gap, "number", [4.24, 3, -1]),
    (
        "3.6",
        {"focus_year": 2020, "target_cost_pct": 3.0},
        _fee_gain,
        "number",
        [42.3, 12.96, 12.41e6, 100],  # fees paid, the after-fees variant, dollars, far off
    ),
    (
        "4.1",
        {},
        _forum_before_policy,
        "choice",
        ["tokten_results_2014_2015", "women_forum_2016_07", "fidima_2009_12", "nmp"],
    ),
    (
        "4.2",
        {"within_years": 1.0},
        _after_fidima,
        "set",
        [["consultation_framework_2010_03"], ["fidima_2009_12"], ["made_up"], "x", 5],
    ),
    ("4.3", {}, _busiest_year, "integer", [2012, 2000, 2012.5, "2011"]),
    (
        "4.4",
        {"scope": "all"},
        lambda: list(policy.gaps().index),
        "set",
        [["landlocked"], ["remittance_costs", "landlocked"], []],
    ),
    ("4.5", {}, _direct_on_cost, "set", [["transfer_costs"], ["investment_fund"], ["nope"]]),
    (
        "4.6",
        {"scope": "all"},
        lambda: list(policy.unlinked_strategies().index),
        "set",
        [["exchanges_trade"], ["one_stop_shop"], {"a": 1}],
    ),
    ("5.1", {}, _france_share, "number", [120000, 1.3, 0.83, 188000]),
    ("5.2", {}, _disagreeing, "set", [["malians_in_france"], ["population"], ["area"]]),
    ("5.3", {}, _unplaced, "number", [180000, 0.3, 3700000, "many"]),
    ("5.4", {}, _tokten_excess, "integer", [0, 839, 1424]),
    ("5.5", {}, _tokten_health_women, "integer", [9, 137, 0.5]),
    ("5.6", {}, _commonest_problem, "choice", ["garble", "contradiction", "typo"]),
]
IDS = [case[0] for case in CASES]


@pytest.fixture(autouse=True)
def _hints_on():
    """Every test starts with hints shown, whatever an earlier test set."""
    exercises.set_hints(True)
    yield
    exercises.set_hints(True)


def _check(number: str) -> Callable[..., exercises.Verdict]:
    return exercises.EXERCISES[number]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _numbers_in(message: str) -> list[float]:
    return [float(t.replace(",", "")) for t in re.findall(r"\d[\d,]*(?:\.\d+)?", message)]


def _leaks(message: str, correct: Any, kind: str) -> bool:
    """Return True if ``message`` gives away ``correct``."""
    if kind in ("number", "integer"):
        return any(
            math.isclose(n, float(correct), rel_tol=0.01, abs_tol=0.05)
            for n in _numbers_in(message)
        )
    if kind == "choice":
        return _fold(str(correct)) in _fold(message)
    return any(_fold(item) in _fold(message) for item in correct)


# -- the cases ----------------------------------------------------------------------------


def test_every_check_has_a_case_and_a_number():
    public = sorted(name for name in dir(exercises) if name.startswith("check_"))
    registered = sorted(check.__name__ for check in exercises.EXERCISES.values())
    assert public == registered
    assert sorted(IDS) == sorted(exercises.EXERCISES)
    for number in exercises.EXERCISES:
        assert re.fullmatch(r"[1-5]\.[1-9]", number)


@pytest.mark.parametrize(("number", "kwargs", "solve", "kind", "wrong"), CASES, ids=IDS)
def test_blank_answers_are_not_yet_answered(number, kwargs, solve, kind, wrong):
    for blank in (None, ..., "", "   "):
        verdict = _check(number)(blank, **kwargs)
        assert verdict.status == exercises.BLANK
        assert repr(verdict).startswith("Not yet answered")


@pytest.mark.parametrize(("number", "kwargs", "solve", "kind", "wrong"), CASES, ids=IDS)
def test_correct_answer_passes(number, kwargs, solve, kind, wrong):
    verdict = _check(number)(solve(), **kwargs)
    assert verdict.correct, repr(verdict)
    assert repr(verdict).startswith("Correct. ")
    assert len(repr(verdict).splitlines()) == 1


@pytest.mark.parametrize(("number", "kwargs", "solve", "kind", "wrong"), CASES, ids=IDS)
def test_wrong_answers_get_a_hint(number, kwargs, solve, kind, wrong):
    for answer in wrong:
        verdict = _check(number)(answer, **kwargs)
        assert verdict.status == exercises.WRONG, (answer, repr(verdict))
        message = repr(verdict)
        assert message.startswith("Not quite. ")
        assert len(message) > len("Not quite. Try again."), "a hint is expected"


@pytest.mark.parametrize(("number", "kwargs", "solve", "kind", "wrong"), CASES, ids=IDS)
def test_no_message_gives_the_answer_away(number, kwargs, solve, kind, wrong):
    correct = solve()
    for answer in [None, correct, *wrong]:
        message = repr(_check(number)(answer, **kwargs))
        assert not _leaks(message, correct, kind), message


@pytest.mark.parametrize(("number", "kwargs", "solve", "kind", "wrong"), CASES, ids=IDS)
def test_hints_can_be_switched_off(number, kwargs, solve, kind, wrong):
    exercises.set_hints(False)
    assert not exercises.hints_shown()
    assert repr(_check(number)(wrong[0], **kwargs)) == "Not quite. Try again."
    assert _check(number)(solve(), **kwargs).correct


def test_leak_detector_catches_a_leak():
    assert _leaks("Not quite. The answer is 21.59.", 21.594, "number")
    assert _leaks("Not quite. Try Côte d'Ivoire.", "Cote d'Ivoire", "choice")
    assert _leaks("Not quite: landlocked is missing.", ["landlocked"], "set")
    assert not _leaks("Not quite. Give a percentage such as 12.5.", 21.594, "number")


# -- tolerance and forms of answer --------------------------------------------------------


def test_numbers_are_accepted_rounded_or_as_text():
    share = _share_of_all()
    check = exercises.check_share_of_all_malians
    assert check(round(share, 1)).correct
    assert check(round(share, 2)).correct
    assert check(f"{share:.1f}%").correct
    assert check(f"{share:.1f}".replace(".", ",")).correct  # a decimal comma
    assert not check(round(share)).correct


def test_a_fraction_for_a_percentage_is_named():
    message = repr(exercises.check_share_of_all_malians(_share_of_all() / 100))
    assert "not as a fraction" in message


def test_close_answers_are_told_to_keep_precision():
    message = repr(exercises.check_share_of_all_malians(_share_of_all() + 0.12))
    assert "Close" in message


def test_direction_is_given_for_a_far_answer():
    assert "too high" in repr(exercises.check_top3_share(99))
    assert "too low" in repr(exercises.check_top3_share(1))


def test_countries_match_by_name_code_or_spelling():
    for answer in ("Côte d'Ivoire", "cote d’ivoire", "Ivory Coast", "CIV", "civ"):
        assert exercises.check_top_destination(answer).correct, answer


def test_lists_match_in_any_order_and_case():
    answer = [item.upper() for item in reversed(_after_fidima())]
    assert exercises.check_events_after_fidima(answer).correct
    assert exercises.check_events_after_fidima(", ".join(_after_fidima())).correct
    assert exercises.check_events_after_fidima(tuple(_after_fidima())).correct


def test_set_hints_never_count_extra_or_missing_items():
    """Issue 22: a count of wrong items lets a student solve a list by leaving one out."""
    wanted = _after_fidima()
    other = next(
        str(i) for i in timeline.events()["id"] if str(i) not in {*wanted, "fidima_2009_12"}
    )
    messages = {
        repr(exercises.check_events_after_fidima(answer))
        for answer in ([*wanted[1:], other], wanted[1:], [*wanted, other], [other])
    }
    assert len(messages) == 1, messages
    assert not any(ch.isdigit() for ch in messages.pop())


def test_known_slips_get_their_own_hint():
    assert "share of residents" in repr(
        exercises.check_share_of_all_malians(
            key_figures.share_of_all_malians(key_figures.key_figures())["share_of_residents_pct"]
        )
    )
    assert "published in 2022" in repr(
        exercises.check_remittance_share_of_gdp(_mali_share("share_2022_published_pct"))
    )
    assert "counts it twice" in repr(exercises.check_unplaced_abroad(180000))
    assert "fastest growth" in repr(exercises.check_fastest_growing(_most_people_gained()))
    assert "not a forum" in repr(exercises.check_forum_before_policy("tokten_results_2014_2015"))


# -- parameters move the expected answer --------------------------------------------------


def test_un_year_moves_the_ratio():
    assert exercises.check_admin_to_un_ratio(_admin_to_un(1990), un_year=1990).correct
    assert not exercises.check_admin_to_un_ratio(_admin_to_un(1990), un_year=2020).correct


def test_target_moves_the_cost_gap():
    assert exercises.check_cost_gap(_cost_gap(4.0), target_cost_pct=4.0).correct
    assert not exercises.check_cost_gap(_cost_gap(4.0), target_cost_pct=3.0).correct


def test_scope_moves_the_gaps():
    national = list(policy.gaps(scope="national").index)
    assert exercises.check_unaddressed_constraints(national, scope="national").correct
    assert not exercises.check_unaddressed_constraints(national, scope="all").correct


def test_window_moves_the_events_after_fidima():
    ev = timeline.events()
    two_years = list(timeline.followed(ev, "fidima_2009_12", 2.0)["id"])
    assert two_years != _after_fidima()
    assert exercises.check_events_after_fidima(two_years, within_years=2.0).correct
    assert not exercises.check_events_after_fidima(two_years, within_years=1.0).correct


def test_peers_move_the_rank():
    assert _peer_rank(["GIN"]) != _peer_rank()
    assert exercises.check_peer_rank(_peer_rank(["GIN"]), peers=["GIN"]).correct
    assert not exercises.check_peer_rank(_peer_rank(), peers=["GIN"]).correct


# -- the notebooks use the checks as the issue asks ----------------------------------------


def _code_cells(path: Path) -> list[dict[str, Any]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def _source(cell: dict[str, Any]) -> str:
    return "".join(cell["source"])


def _plain_outputs(cell: dict[str, Any]) -> str:
    texts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        texts.append("".join(data.get("text/plain", "")) + "".join(output.get("text", "")))
    return "".join(texts)


def _checks_called(cell: dict[str, Any]) -> list[str]:
    return re.findall(r"exercises\.(check_\w+)\(", _source(cell))


@pytest.mark.parametrize(
    ("folder", "blank"),
    [(NOTEBOOKS, "Not yet answered"), (NOTEBOOKS / "fr", "Pas encore de réponse")],
    ids=["en", "fr"],
)
def test_each_session_notebook_asks_its_exercises_blank(folder, blank):
    names = {check.__name__: number for number, check in exercises.EXERCISES.items()}
    sessions = sorted({number.split(".")[0] for number in exercises.EXERCISES})
    for session in sessions:
        found = sorted(folder.glob(f"exercises_{session}_*.ipynb"))
        assert len(found) == 1, f"one exercises notebook for session {session}"
        used = []
        for cell in _code_cells(found[0]):
            called = _checks_called(cell)
            if not called:
                continue
            used += called
            first = _source(cell).splitlines()[0]
            assert re.fullmatch(r"answer_\d+ = None", first), first
            assert _plain_outputs(cell).startswith(blank), found[0].name
        expected = [n for n, number in names.items() if number.split(".")[0] == session]
        assert sorted(used) == sorted(expected), found[0].name


@pytest.mark.parametrize(
    ("folder", "correct"),
    [(NOTEBOOKS, "Correct."), (NOTEBOOKS / "fr", "Bonne réponse.")],
    ids=["en", "fr"],
)
def test_solutions_pass_every_check(folder, correct):
    """The masters' answer cells (solution, then the students' check) all say Correct."""
    called, outputs = [], []
    for path in sorted(folder.glob("master_*.ipynb")):
        for cell in _code_cells(path):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            if grade_id.startswith("answer_") and _checks_called(cell):
                called += _checks_called(cell)
                outputs.append(_plain_outputs(cell))
    assert sorted(called) == sorted(c.__name__ for c in exercises.EXERCISES.values())
    assert outputs and all(o.startswith(correct) for o in outputs), outputs
