"""The loader types tables through their schema and names the file, line and field at fault."""

import json

import pandas as pd
import pytest

from diaspora_helpers import data
from diaspora_helpers.data import DataError

SCHEMA = {
    "fields": [
        {
            "name": "id",
            "type": "string",
            "constraints": {"required": True, "unique": True, "maxLength": 5},
        },
        {"name": "kind", "type": "string", "constraints": {"enum": ["forum", "law_policy"]}},
        {"name": "year", "type": "year", "constraints": {"minimum": 1960, "maximum": 2030}},
        {"name": "value", "type": "number"},
        {"name": "count", "type": "integer"},
        {"name": "flag", "type": "boolean"},
        {"name": "day", "type": "date"},
        {"name": "iso3", "type": "string", "constraints": {"pattern": "^[A-Z]{3}$"}},
    ],
    "primaryKey": ["id"],
}
GOOD = (
    "id,kind,year,value,count,flag,day,iso3\n"
    "a,forum,1996,1.5,3,true,2014-09-03,MLI\n"
    "b,law_policy,2014,,,false,,\n"
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A one-table package in a temporary data folder that the loader reads instead."""
    package = {
        "name": "t",
        "resources": [{"name": "things", "path": "things.csv", "schema": SCHEMA}],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    (tmp_path / "things.csv").write_text(GOOD)
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    return tmp_path


def test_types_follow_the_schema(folder):
    df = data.load("things")
    assert str(df["id"].dtype) == "str"
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert list(df["kind"].cat.categories) == ["forum", "law_policy"]
    assert str(df["year"].dtype) == "Int64" and df["year"].tolist() == [1996, 2014]
    assert df["value"].dtype == "float64" and pd.isna(df.loc[1, "value"])
    assert str(df["count"].dtype) == "Int64" and pd.isna(df.loc[1, "count"])
    assert df["flag"].tolist() == [True, False]
    assert df.loc[0, "day"] == pd.Timestamp("2014-09-03")
    assert pd.isna(df.loc[1, "iso3"])


def test_load_returns_a_copy(folder):
    first = data.load("things")
    first.loc[0, "value"] = 99.0
    assert data.load("things").loc[0, "value"] == 1.5


def _write(folder, text):
    (folder / "things.csv").write_text(text)


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (GOOD.replace("1996", "19x6"), 2, "year", "whole number"),
        (GOOD.replace("1996", "1900"), 2, "year", "below the minimum"),
        (GOOD.replace("2014,,", "2099,,"), 3, "year", "above the maximum"),
        (GOOD.replace("1.5", "one"), 2, "value", "expected a number"),
        (GOOD.replace(",3,", ",3.5,"), 2, "count", "whole number"),
        (GOOD.replace("true", "yes"), 2, "flag", "true or false"),
        (GOOD.replace("2014-09-03", "2014-09"), 2, "day", "YYYY-MM-DD"),
        (GOOD.replace("2014-09-03", "2014-02-30"), 2, "day", "calendar date"),
        (GOOD.replace("MLI", "Mali"), 2, "iso3", "pattern"),
        (GOOD.replace("law_policy", "party"), 3, "kind", "allowed values"),
        (GOOD.replace("\nb,", "\n,"), 3, "id", "required"),
        (GOOD.replace("\nb,", "\na,"), 3, "id", "unique"),
        (GOOD.replace("\nb,", "\nbeyond,"), 3, "id", "longer than the maxLength of 5"),
    ],
)
def test_bad_values_are_named(folder, text, line, field, words):
    _write(folder, text)
    with pytest.raises(DataError) as err:
        data.load("things")
    assert (err.value.row, err.value.field) == (line, field)
    message = str(err.value)
    assert "data/things.csv" in message and f"line {line}" in message and words in message


def test_missing_file(folder):
    (folder / "things.csv").unlink()
    with pytest.raises(DataError, match="things.csv: the file is missing"):
        data.load("things")


def test_missing_column(folder):
    _write(folder, GOOD.replace(",iso3", "").replace(",MLI", "").replace(",\n", "\n"))
    with pytest.raises(DataError, match="lacks column.*iso3"):
        data.load("things")


def test_undescribed_column(folder):
    _write(folder, GOOD.replace("iso3\n", "iso3,extra\n").replace("MLI\n", "MLI,1\n"))
    with pytest.raises(DataError, match="extra"):
        data.load("things")


def test_empty_file(folder):
    _write(folder, "")
    with pytest.raises(DataError, match="empty"):
        data.load("things")


def test_broken_encoding_names_the_line(folder):
    (folder / "things.csv").write_bytes(GOOD.encode().replace(b"MLI", b"M\xe9L"))
    with pytest.raises(DataError) as err:
        data.load("things")
    assert err.value.row == 2 and "UTF-8" in str(err.value)


def test_unknown_table_lists_the_known_ones(folder):
    with pytest.raises(DataError, match="no table named 'thing'. Known tables: things"):
        data.load("thing")


def test_missing_package_description(folder):
    (folder / "datapackage.json").unlink()
    with pytest.raises(DataError, match="datapackage.json"):
        data.load("things")


def test_edits_are_seen_without_restarting(folder):
    assert len(data.load("things")) == 2
    _write(folder, GOOD + "c,forum,2000,,,,,\n")
    import os

    os.utime(folder / "things.csv", (1, 1))  # a different stamp, as an editor would give
    assert len(data.load("things")) == 3


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


def test_a_spreadsheet_resave_reads_as_the_same_table(folder):
    """Excel's "CSV UTF-8": a byte-order mark, CRLF line ends, and CRLF inside a quoted cell."""
    expected = data.load("things")
    text = GOOD.replace("a,forum,", '"a",forum,')
    (folder / "things.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    pd.testing.assert_frame_equal(data.load("things"), expected)
    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "note", "type": "string"}]}
    package = {"name": "t", "resources": [{"name": "notes", "path": "notes.csv", "schema": schema}]}
    (folder / "datapackage.json").write_text(json.dumps(package))
    (folder / "notes.csv").write_bytes(b'\xef\xbb\xbfid,note\r\nx,"two\r\nlines"\r\n')
    assert data.load("notes").at[0, "note"] == "two\nlines"


def test_semicolon_separators_are_named_with_the_fix(folder):
    (folder / "things.csv").write_text(GOOD.replace(",", ";"))
    with pytest.raises(DataError, match=r"data/things.csv, line 1: the columns are separated"):
        data.load("things")


def test_load_from_reads_another_folder_in_a_language(tmp_path):
    from diaspora_helpers.data import loader

    (tmp_path / "fr").mkdir()
    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "text", "type": "string"}]}
    package = {
        "name": "t",
        "resources": [
            {"name": "words", "path": "words.csv", "schema": {**schema, "primaryKey": ["id"]}},
            {
                "name": "words_fr",
                "path": "fr/words.csv",
                "translates": "words",
                "language": "fr",
                "schema": schema,
            },
        ],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    (tmp_path / "words.csv").write_text("id,text\na,water\n")
    (tmp_path / "fr" / "words.csv").write_text("id,text\na,eau\n")
    assert loader.table_of(tmp_path, "fr/words.csv") == "words_fr"
    assert loader.load_from(tmp_path, "words").at[0, "text"] == "water"
    assert loader.load_from(tmp_path, "words", "fr").at[0, "text"] == "eau"
    assert loader.translated_columns(tmp_path, "words", "fr") == ["text"]
    assert loader.translated_columns(tmp_path, "words", "en") == []
    (tmp_path / "fr" / "words.csv").write_text("id,text\nb,autre\n")
    with pytest.raises(DataError, match=r"data/fr/words.csv: 1 row\(s\) of 'words' have no fr"):
        loader.load_from(tmp_path, "words", "fr")
