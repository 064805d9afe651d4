"""The coverage links between strategies and constraints: the collection's own reading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from diaspora_helpers import data

DATA = Path(__file__).resolve().parents[1] / "data"
NAME = "strategy_constraint_links"
TABLES = ["strategies", "constraints", NAME]


def _descriptor(name: str) -> dict:
    return json.loads((DATA / "build" / "resources" / f"{name}.json").read_text("utf-8"))


def _package(folder: Path) -> Path:
    for name in TABLES:
        shutil.copy(DATA / f"{name}.csv", folder / f"{name}.csv")
    path = folder / "datapackage.json"
    package = {"name": "links", "resources": [_descriptor(n) for n in TABLES]}
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def test_descriptor_declares_keys_enums_and_foreign_keys():
    schema = _descriptor(NAME)["schema"]
    assert schema["primaryKey"] == ["id"]
    targets = {fk["fields"][0]: fk["reference"]["resource"] for fk in schema["foreignKeys"]}
    assert targets == {"strategy_id": "strategies", "constraint_id": "constraints"}
    enums = {f["name"]: f.get("constraints", {}).get("enum") for f in schema["fields"]}
    assert enums["reading"] == ["collection"]
    assert enums["strength"] == ["direct", "partial"]


def test_links_load_typed_and_resolve():
    links = data.load(NAME)
    assert str(links["reading"].dtype) == "category"
    assert set(links["strategy_id"]) <= set(data.load("strategies")["id"])
    assert set(links["constraint_id"]) <= set(data.load("constraints")["id"])
    assert (links["id"] == links["strategy_id"] + "__" + links["constraint_id"]).all()
    assert not links.duplicated(["strategy_id", "constraint_id"]).any()


def test_every_link_is_marked_and_argued_in_one_line():
    links = data.load(NAME)
    assert (links["reading"].astype("str") == "collection").all()
    rationale = links["rationale"].astype("str")
    assert not rationale.str.contains("\n").any()
    assert rationale.str.len().between(20, 140).all()
    assert not rationale.duplicated().any()
    labels = set(data.load("strategies")["label"]) | set(data.load("constraints")["label"])
    assert not set(rationale) & labels, "a rationale must argue, not repeat a label"


def test_frictionless_checks_the_foreign_keys(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    path = _package(tmp_path)
    assert frictionless.validate(str(path)).valid
    links = (tmp_path / f"{NAME}.csv").read_text("utf-8")
    broken = links.replace(",heavy_procedures,", ",no_such_constraint,", 1)
    (tmp_path / f"{NAME}.csv").write_text(broken, encoding="utf-8")
    assert not frictionless.validate(str(path)).valid


def test_the_loader_refuses_an_unmarked_reading(tmp_path, monkeypatch):
    _package(tmp_path)
    links = (tmp_path / f"{NAME}.csv").read_text("utf-8")
    (tmp_path / f"{NAME}.csv").write_text(links.replace(",collection\n", ",document\n", 1), "utf-8")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    with pytest.raises(data.DataError, match="reading"):
        data.load(NAME)
