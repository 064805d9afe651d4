"""The links tables, each the collection's own reading: strategies against constraints, and
strategies against the migration policy's diaspora objectives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless
import pytest

from diaspora_helpers import data

DATA = Path(__file__).resolve().parents[2] / "data"
NAME = "strategy_constraint_links"
OBJECTIVE_LINKS = "objective_strategy_links"
TABLES = ["strategies", "constraints", "nmp_objectives", NAME, OBJECTIVE_LINKS]


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
    path = _package(tmp_path)
    assert frictionless.validate(str(path)).valid
    links = (tmp_path / f"{NAME}.csv").read_text("utf-8")
    broken = links.replace(",heavy_procedures,", ",no_such_constraint,", 1)
    (tmp_path / f"{NAME}.csv").write_text(broken, encoding="utf-8")
    assert not frictionless.validate(str(path)).valid


@pytest.mark.parametrize("name", [NAME, OBJECTIVE_LINKS])
def test_the_loader_refuses_an_unmarked_reading(tmp_path, monkeypatch, name):
    _package(tmp_path)
    links = (tmp_path / f"{name}.csv").read_text("utf-8")
    marked = ",collection\n" if name == NAME else ",collection,"
    unmarked = marked.replace("collection", "document")
    assert marked in links
    (tmp_path / f"{name}.csv").write_text(links.replace(marked, unmarked, 1), "utf-8")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    with pytest.raises(data.DataError, match="reading"):
        data.load(name)


# ----------------------------------------------------------- objectives and strategies


def test_objective_links_descriptor_declares_keys_enums_and_foreign_keys():
    desc = _descriptor(OBJECTIVE_LINKS)
    assert "collection's" in desc["title"] and "collection's own reading" in desc["description"]
    assert [lic["name"] for lic in desc["licenses"]] == ["CC-BY-4.0"]
    schema = desc["schema"]
    assert schema["primaryKey"] == ["id"]
    targets = {fk["fields"][0]: fk["reference"]["resource"] for fk in schema["foreignKeys"]}
    assert targets == {"objective_id": "nmp_objectives", "strategy_id": "strategies"}
    fields = {f["name"]: f for f in schema["fields"]}
    assert list(fields)[:5] == ["id", "objective_id", "strategy_id", "rationale", "reading"]
    assert fields["reading"]["constraints"]["enum"] == ["collection"]
    assert all(f["constraints"].get("required") for f in fields.values())


def test_objective_links_load_typed_and_resolve():
    links = data.load(OBJECTIVE_LINKS)
    assert len(links) == 16
    assert str(links["reading"].dtype) == "category"
    assert set(links["objective_id"]) <= set(data.load("nmp_objectives")["id"])
    assert set(links["strategy_id"]) <= set(data.load("strategies")["id"])
    assert (links["id"] == links["objective_id"] + "__" + links["strategy_id"]).all()
    assert not links.duplicated(["objective_id", "strategy_id"]).any()
    assert set(links["section"].astype("str")) == {"7"}


def test_every_objective_link_is_marked_and_argued_in_one_line():
    links = data.load(OBJECTIVE_LINKS)
    assert (links["reading"].astype("str") == "collection").all()
    rationale = links["rationale"].astype("str")
    assert not rationale.str.contains("\n").any()
    assert rationale.str.len().between(20, 140).all()
    assert not rationale.duplicated().any()
    labels = set(data.load("strategies")["label"]) | set(data.load("nmp_objectives")["label"])
    assert not set(rationale) & labels, "a rationale must argue, not repeat a label"


def test_frictionless_checks_the_objective_foreign_keys(tmp_path):
    path = _package(tmp_path)
    assert frictionless.validate(str(path)).valid
    original = (tmp_path / f"{OBJECTIVE_LINKS}.csv").read_text("utf-8")
    for good, bad in ((",skills,", ",no_such_objective,"), (",forum_follow_up,", ",no_such,")):
        assert good in original
        (tmp_path / f"{OBJECTIVE_LINKS}.csv").write_text(original.replace(good, bad, 1), "utf-8")
        assert not frictionless.validate(str(path)).valid, bad
