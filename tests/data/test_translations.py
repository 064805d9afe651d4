"""The French edition reads the French text of a table from data/fr/, row for row."""

import json
import shutil

import pytest

import diaspora_helpers
from diaspora_helpers import data
from diaspora_helpers.data import DataError


def _translated_tables() -> list[str]:
    return [r["translates"] for r in data.package()["resources"] if "translates" in r]


def test_the_french_edition_translates_the_tables_readers_see():
    assert {"source_audit", "definitions", "events", "glossary"} <= set(_translated_tables())


@pytest.mark.parametrize("name", _translated_tables())
def test_every_translation_covers_every_row_and_changes_only_text(name):
    english = data.load(name)
    diaspora_helpers.setup(language="fr")
    french = data.load(name)
    assert list(french.columns) == list(english.columns)
    assert french.shape == english.shape
    translated = [c for c in english.columns if not french[c].equals(english[c])]
    text_columns = {f["name"] for f in data.resource(f"{name}_fr")["schema"]["fields"]}
    assert set(translated) <= text_columns


def _tiny_package(tmp_path, french_rows: str):
    folder = tmp_path / "data"
    (folder / "fr").mkdir(parents=True)
    (folder / "things.csv").write_text("id,label,n\na,apple,1\nb,bread,2\n", encoding="utf-8")
    (folder / "fr" / "things.csv").write_text("id,label\n" + french_rows, encoding="utf-8")
    fields = [
        {"name": "id", "type": "string"},
        {"name": "label", "type": "string"},
        {"name": "n", "type": "integer"},
    ]
    resources = [
        {
            "name": "things",
            "path": "things.csv",
            "schema": {"fields": fields, "primaryKey": ["id"]},
        },
        {
            "name": "things_fr",
            "path": "fr/things.csv",
            "translates": "things",
            "language": "fr",
            "schema": {"fields": fields[:2], "primaryKey": ["id"]},
        },
    ]
    (folder / "datapackage.json").write_text(json.dumps({"resources": resources}))
    return folder


def test_the_loader_swaps_in_the_french_text_and_keeps_the_rest(tmp_path, monkeypatch):
    folder = _tiny_package(tmp_path, "b,pain\na,pomme\n")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(folder))
    assert data.load("things")["label"].tolist() == ["apple", "bread"]
    diaspora_helpers.setup(language="fr")
    french = data.load("things")
    assert french["label"].tolist() == ["pomme", "pain"]
    assert french["n"].tolist() == [1, 2]


def test_the_french_table_is_read_again_when_its_file_changes_and_never_shared(
    tmp_path, monkeypatch
):
    """The loader keeps translated tables between calls (helpers call it once per label):
    an edited translation file is read again, and a caller changing its copy changes no one
    else's."""
    import os

    folder = _tiny_package(tmp_path, "b,pain\na,pomme\n")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(folder))
    diaspora_helpers.setup(language="fr")
    first = data.load("things")
    first.loc[0, "label"] = "changed by a caller"
    assert data.load("things")["label"].tolist() == ["pomme", "pain"]
    french = folder / "fr" / "things.csv"
    french.write_text("id,label\na,pomme verte\nb,pain\n", encoding="utf-8")
    stat = french.stat()
    os.utime(french, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert data.load("things")["label"].tolist() == ["pomme verte", "pain"]


def test_a_row_without_french_is_named_before_any_work(tmp_path, monkeypatch):
    folder = _tiny_package(tmp_path, "a,pomme\n")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(folder))
    diaspora_helpers.setup(language="fr")
    with pytest.raises(DataError, match=r"data/fr/things.csv: 1 row\(s\) of 'things' have no fr"):
        data.load("things")


def test_the_assembled_package_describes_each_french_table(tmp_path):
    from importlib import util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "data"
    spec = util.spec_from_file_location("assemble", root / "build" / "assemble_datapackage.py")
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    described = {
        r["translates"]: r for r in json.loads(module.assemble())["resources"] if "translates" in r
    }
    own = {r["path"] for r in json.loads(module.assemble())["resources"] if "translates" not in r}
    translations = [p.stem for p in (root / "fr").glob("*.csv") if f"fr/{p.name}" not in own]
    assert "style" not in translations  # the style sheet has its own descriptor
    assert sorted(described) == sorted(translations)
    shutil.rmtree(tmp_path, ignore_errors=True)
