"""Every notebook documents its parameters and rejects every bad value before any work.

The parameters cell and the validation cell right after it are run in-process with a
bad value injected, as papermill would inject it; the validation must raise one
``ParameterError`` naming the parameter and the value. Every parameter of every notebook
needs its cases here: a new notebook or parameter without them fails the coverage test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib
import papermill
import pytest

from diaspora_helpers.params import ParameterError

matplotlib.use("Agg")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

#: notebook stem -> parameter -> bad values (wrong type, out of range, unknown code,
#: empty list, as each parameter allows).
BAD = {
    "00_overview": {"decimals": ["2", 2.5, -1, 4, True]},
    "01_demographics": {
        "year": ["2020", 2021, 1985, 2025, 2020.0, None],
        "top_n": [0, -3, 500, "10", 3.0, False],
    },
    "02_remittances": {
        "focus_year": [1950, 2099, "2012", 2012.5, None],
        "peers": [[], "", ["XXX"], ["SEN", "Mali"], [1], 5, "FRA"],
        "target_cost_pct": [-1.0, 101.0, "3", None, True],
    },
    "03_institutional_history": {
        "start_year": [1800, 2100, "1991", 1991.0],
        "end_year": [1800, 2100, "2016", None],
        "kinds": [[], ["forums"], ["forum", "party"], "", 3],
    },
    "04_constraints_and_strategies": {
        "scope": ["everything", "", "National", 1, None],
        "show_gaps_only": ["yes", 1, None],
    },
}
#: Exercise and solution notebooks share ``show_hints``; some add the parameters of their
#: session, and the solutions notebook takes all of them.
EXERCISE_BAD = {"show_hints": ["yes", 1, None]}
_UN_YEAR = {"un_year": ["2020", 2021, 1985, 2020.0, None]}
_DESTINATIONS = {
    "un_year": ["2020", 1990, 2025, None],  # 1990 has no earlier year to compare with
    "start_year": [2020, 1985, "1990", 1990.0, None],
}
_REMITTANCES = {
    "focus_year": [1950, 2099, "2012", 2012.5, None],
    "peers": [[], "", ["XXX"], ["SEN", "Mali"], [1], 5],
    "target_cost_pct": [-1.0, 21.0, "3", None, True],
}
_POLICY = {
    "within_years": [0.0, 10.0, "1", None, True],
    "scope": ["everything", "", "National", 1, None],
}
EXERCISE_EXTRA = {
    "exercises_1_counting": _UN_YEAR,
    "exercises_2_destinations": _DESTINATIONS,
    "exercises_3_remittances": _REMITTANCES,
    "exercises_4_policy": _POLICY,
}


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def _cases(stem: str) -> dict[str, list]:
    if stem.startswith("master_"):  # a session's master takes its exercise's parameters
        stem = "exercises_" + stem.removeprefix("master_")
    if stem.startswith("exercises_"):
        return EXERCISE_BAD | EXERCISE_EXTRA.get(stem, {})
    return BAD[stem]


def _cells(path: Path) -> tuple[str, str]:
    """Return the source of the parameters cell and of the code cell after it."""
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    for i, cell in enumerate(cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return "".join(cell["source"]), "".join(cells[i + 1]["source"])
    raise AssertionError(f"{path.name} has no cell tagged 'parameters'")


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_parameters_are_documented_for_papermill(path):
    declared = papermill.inspect_notebook(str(path))
    assert declared, f"{path.name}: no parameters"
    for name, info in declared.items():
        assert info["inferred_type_name"] not in ("None", None), f"{name} lacks a type"
        assert info["help"].strip(), f"{path.name}: parameter {name} lacks a comment"
    assert set(declared) == set(_cases(path.stem)), "every parameter needs bad cases here"


def _cases_flat() -> list[tuple[Path, str, object]]:
    out: list[tuple[Path, str, object]] = []
    for path in _notebooks():
        for name, values in _cases(path.stem).items():
            out.extend((path, name, v) for v in values)
    return out


@pytest.mark.parametrize(
    ("path", "name", "value"),
    _cases_flat(),
    ids=lambda v: v.stem if isinstance(v, Path) else repr(v),
)
def test_bad_value_stops_with_one_clear_message(path, name, value):
    parameters, validation = _cells(path)
    namespace: dict = {}
    exec(parameters, namespace)
    namespace[name] = value
    with pytest.raises(ParameterError) as err:
        exec(validation, namespace)
    assert err.value.name == name
    assert f"Parameter '{name}' got {value!r}" in str(err.value)
    assert "allowed:" in str(err.value)


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_defaults_pass_validation(path):
    parameters, validation = _cells(path)
    namespace: dict = {}
    exec(parameters, namespace)
    exec(validation, namespace)


#: Every notebook with parameters, both editions: topics, exercises and their masters.
TOPICS = [
    path
    for folder in (NOTEBOOKS, NOTEBOOKS / "fr")
    for pattern in ("0*.ipynb", "exercises_*.ipynb", "master_*.ipynb")
    for path in sorted(folder.glob(pattern))
]


@pytest.mark.parametrize("path", TOPICS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_parameter_comments_share_one_style_per_edition(path):
    """rfr6: one style for ``papermill --help-notebook``: "<what>: <allowed>" in English,
    « <ce que c’est> : <valeurs> » in French with a narrow no-break space before the colon,
    ranges « de 1990 à 2020 » ("1990 to 2020"), alternatives joined by « ou » ("or"), no
    parentheses and at most one colon."""
    french = path.parent.name == "fr"
    for name, info in papermill.inspect_notebook(str(path)).items():
        help_text = info["help"]
        where = f"{path.parent.name}/{path.name}: {name}: {help_text!r}"
        assert "(" not in help_text and help_text.count(":") <= 1, where
        first = help_text.split()[0]
        assert first.islower() or first.isupper(), where  # "decimal places", "UN DESA"
        assert not help_text.rstrip().endswith("."), where
        numbers = re.findall(r"\d{4} (?:to|à) \d{4}|\d{4}\s*[–-]\s*\d{4}", help_text)
        if french:
            assert " :" not in help_text and "\u00a0:" not in help_text, where
            assert all(n.split()[1] == "à" for n in numbers), where
            assert all(f"de {n}" in help_text for n in numbers), where
            assert " or " not in help_text and " to " not in help_text, where
            assert "ex." not in help_text.split(), where  # « ex. » reads as « par exemple »
        else:
            assert " :" not in help_text and "\u202f" not in help_text, where
            assert all(n.split()[1] == "to" for n in numbers), where
            assert " ou " not in help_text and " à " not in help_text, where
