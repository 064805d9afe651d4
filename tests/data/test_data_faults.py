"""A hand-edited copy of data/ fails loudly: the loader and the package validation agree.

Each case corrupts one table of a copy of the real data folder, then checks that
``load`` names the file, the line and the field, and that ``frictionless`` rejects the
same package.
"""

import shutil

import pytest
from frictionless import Package

from diaspora_helpers import data, paths
from diaspora_helpers.data import DataError

TABLE = "key_figures"


def _replace_line(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[line - 1], f"fixture drift: {old!r} not on line {line}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def _missing_column(text: str) -> str:
    rows = [r.split(",", 1)[1] if r else r for r in text.split("\n")]
    return "\n".join(rows)  # drops the first column (id); no row contains a comma in id


def _duplicate_key(text: str) -> str:
    lines = text.split("\n")
    lines.insert(3, lines[2])
    return "\n".join(lines)


CASES = {
    "wrong type": (
        lambda t: _replace_line(t, 3, "14528662", "14.5m"),
        (3, "value", "expected a number"),
    ),
    "duplicate key": (_duplicate_key, (4, "id", "must be unique")),
    "missing column": (_missing_column, (1, None, "lacks column(s) id")),
    "required value": (
        lambda t: _replace_line(t, 4, "malians_abroad", ""),
        (4, "id", "required"),
    ),
    "unknown category": (
        lambda t: _replace_line(t, 5, "administrative,1.1", "guesswork,1.1"),
        (5, "estimate_kind", "allowed values"),
    ),
}


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A private copy of data/ that the helpers read instead of the real one."""
    target = tmp_path / "data"
    shutil.copytree(paths.data_dir(), target)
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(target))
    return target


def _invalid_for_frictionless(folder) -> list[str]:
    """Return the error types frictionless reports for the damaged table (only that
    resource of the package is validated: the whole package takes ~20x longer, and
    ``make test`` validates it whole once)."""
    package = Package(str(folder / "datapackage.json"))
    report = package.get_resource(TABLE).validate()
    assert not report.valid
    return [err.type for task in report.tasks for err in task.errors] + [
        err.type for err in report.errors
    ]


def test_the_real_copy_loads_and_validates(copy):
    # the damaged table's resource only, as the cases below: `make test` validates the
    # whole package (frictionless validate data/datapackage.json)
    assert len(data.load(TABLE)) > 0
    assert Package(str(copy / "datapackage.json")).get_resource(TABLE).validate().valid


@pytest.mark.parametrize("case", sorted(CASES))
def test_corruption_is_named_by_the_loader_and_caught_by_frictionless(copy, case):
    corrupt, (line, field, words) = CASES[case]
    path = copy / f"{TABLE}.csv"
    path.write_text(corrupt(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as err:
        data.load(TABLE)
    assert err.value.file == f"{TABLE}.csv"
    assert err.value.row == line and err.value.field == field
    assert words in str(err.value)
    assert _invalid_for_frictionless(copy)


def test_missing_file(copy):
    (copy / f"{TABLE}.csv").unlink()
    with pytest.raises(DataError, match=f"data/{TABLE}.csv: the file is missing"):
        data.load(TABLE)
    assert _invalid_for_frictionless(copy)


def test_empty_file(copy):
    (copy / f"{TABLE}.csv").write_text("")
    with pytest.raises(DataError, match="empty"):
        data.load(TABLE)
    assert _invalid_for_frictionless(copy)


def test_broken_encoding(copy):
    path = copy / f"{TABLE}.csv"
    path.write_bytes(path.read_bytes().replace("km²".encode(), "km\xb2".encode("latin-1")))
    with pytest.raises(DataError) as err:
        data.load(TABLE)
    assert err.value.row == 2 and "UTF-8" in str(err.value)
    assert _invalid_for_frictionless(copy)


def test_every_table_loads_typed():
    tables = data.load_all()
    assert set(tables) == set(data.resource_names())
    assert all(len(frame) > 0 for frame in tables.values())
