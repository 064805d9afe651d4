"""Load the collection's tables from ``data/``, typed through ``datapackage.json``.

Every problem is reported as a :class:`DataError` that names the file, and where it
applies the row (as a line number of the CSV file) and the field, before any notebook
work is done.
"""

from __future__ import annotations

import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from diaspora_helpers import editions, paths
from diaspora_helpers.data import units
from diaspora_helpers.i18n import TABLE_WORDS, language, with_words

PACKAGE_FILE = "datapackage.json"
_INTEGER = re.compile(r"^-?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BOOLEAN = {"true": True, "false": False, "True": True, "False": False, "1": True, "0": False}


class DataError(ValueError):
    """A data table that is missing or malformed; names the file, row and field."""

    def __init__(
        self, file: str, problem: str, *, row: int | None = None, field: str | None = None
    ) -> None:
        self.file, self.row, self.field, self.problem = file, row, field, problem
        where = [f"data/{file}"]
        if row is not None:
            where.append(f"line {row}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")


def _read_package(folder: Path) -> dict[str, Any]:
    path = folder / PACKAGE_FILE
    if not path.is_file():
        raise DataError(PACKAGE_FILE, f"the package description is missing from {folder.name}/")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(PACKAGE_FILE, f"not valid UTF-8 JSON ({exc})") from exc


@lru_cache(maxsize=8)
def _described_cached(folder: str, stamp: tuple[float, ...]) -> list[dict[str, Any]]:
    return list(_read_package(Path(folder))["resources"])


def _described(folder: Path) -> list[dict[str, Any]]:
    """The resources of ``folder``'s package, parsed once per version of the file (read
    only: :func:`package` gives a copy to change)."""
    return _described_cached(str(folder), _stamp(folder, PACKAGE_FILE))


def data_dir() -> Path:
    """Return the tables' folder (see :func:`diaspora_helpers.paths.data_dir`).

    Raises :class:`DataError` when an installed package lacks its tables.
    """
    try:
        return paths.data_dir()
    except FileNotFoundError as exc:
        raise DataError(PACKAGE_FILE, str(exc)) from None


def package() -> dict[str, Any]:
    """Return the parsed ``data/datapackage.json``."""
    return _read_package(data_dir())


def names_in(folder: Path) -> list[str]:
    """Return the names of the tables the package in ``folder`` describes, in package order
    (for code that reads an optional table from a folder it is handed)."""
    return [res["name"] for res in _described(Path(folder))]


def resource_names() -> list[str]:
    """Return the names of every table the package describes, in package order."""
    return [res["name"] for res in package()["resources"]]


def resource(name: str) -> dict[str, Any]:
    """Return the package description of one table."""
    described = package()["resources"]
    for res in described:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in described))
    raise DataError(PACKAGE_FILE, f"no table named '{name}'. Known tables: {known}")


def _decode(path: Path, file: str) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            file, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", row=line
        ) from exc
    # A spreadsheet's "CSV UTF-8" starts with a byte-order mark and ends lines with CRLF,
    # inside quoted cells too: read it as the same table.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        raise DataError(file, "the file is empty; it needs at least a header row")
    return text


def _convert(values: pd.Series, spec: dict[str, Any], file: str) -> pd.Series:
    """Check one column against its field description and return it typed."""
    name, kind = spec["name"], spec.get("type", "string")
    constraints = spec.get("constraints", {})
    present = values != ""
    line = values.index + 2  # header is line 1

    def fail(mask: pd.Series, problem: str) -> None:
        first = mask[mask].index[0]
        raise DataError(
            file, f"{problem} (value {values[first]!r})", row=int(line[first]), field=name
        )

    if constraints.get("required") and (~present).any():
        missing = (~present)[~present].index[0]
        raise DataError(file, "a value is required here", row=int(line[missing]), field=name)

    if kind in ("integer", "year"):
        bad = present & ~values.str.match(_INTEGER)
        if bad.any():
            fail(bad, f"expected a whole number ({kind})")
        typed = pd.Series(pd.NA, index=values.index, dtype="Int64")
        typed[present] = values[present].astype("int64")
    elif kind == "number":
        typed = pd.to_numeric(values.where(present), errors="coerce")
        bad = present & typed.isna()
        if bad.any():
            fail(bad, "expected a number")
        typed = typed.astype("float64")
    elif kind == "boolean":
        bad = present & ~values.isin(list(_BOOLEAN))
        if bad.any():
            fail(bad, "expected true or false")
        if (~present).any():
            typed = values.map(_BOOLEAN).astype("boolean")
        else:
            typed = values.map(_BOOLEAN).astype("bool")
    elif kind == "date":
        bad = present & ~values.str.match(_DATE)
        if bad.any():
            fail(bad, "expected a date as YYYY-MM-DD")
        typed = pd.to_datetime(values.where(present), format="%Y-%m-%d", errors="coerce")
        bad = present & typed.isna()
        if bad.any():
            fail(bad, "not a real calendar date")
    else:
        typed = values.where(present).astype("str")

    numeric = typed if kind in ("integer", "year", "number") else None
    if numeric is not None:
        for bound, test, word in (
            ("minimum", numeric.lt, "below"),
            ("maximum", numeric.gt, "above"),
        ):
            if bound in constraints:
                bad = present & test(constraints[bound]).fillna(False).astype(bool)
                if bad.any():
                    fail(bad, f"{word} the {bound} {constraints[bound]}")
    if "maxLength" in constraints:
        bad = present & (values.str.len() > constraints["maxLength"])
        if bad.any():
            fail(bad, f"longer than the maxLength of {constraints['maxLength']} characters")
    if "pattern" in constraints:
        bad = present & ~values.str.fullmatch(constraints["pattern"])
        if bad.any():
            fail(bad, f"does not match the pattern {constraints['pattern']}")
    if "enum" in constraints:
        allowed = [str(v) for v in constraints["enum"]]
        bad = present & ~values.isin(allowed)
        if bad.any():
            fail(bad, f"not one of the allowed values: {', '.join(allowed)}")
        if kind == "string":
            typed = typed.astype(pd.CategoricalDtype(allowed))
    if constraints.get("unique"):
        bad = present & values.duplicated(keep="first")
        if bad.any():
            fail(bad, "duplicates a value that must be unique")
    return typed


def _resource_in(described: list[dict[str, Any]], name: str) -> dict[str, Any]:
    for res in described:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in described))
    raise DataError(PACKAGE_FILE, f"no table named '{name}'. Known tables: {known}")


def _load_uncached(folder: Path, name: str) -> pd.DataFrame:
    desc = _resource_in(_described(folder), name)
    file = desc["path"]
    path = folder / file
    if not path.is_file():
        raise DataError(file, "the file is missing; restore it from git (git checkout data/)")
    text = _decode(path, file)
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(file, f"not a readable CSV table ({exc})") from exc
    fields = desc["schema"]["fields"]
    expected = [f["name"] for f in fields]
    missing = [c for c in expected if c not in raw.columns]
    if len(raw.columns) == 1 and len(expected) > 1 and ";" in str(raw.columns[0]):
        raise DataError(
            file,
            "the columns are separated by ';', not ','; save the file again as "
            "'CSV UTF-8 (comma delimited)'",
            row=1,
        )
    if missing:
        raise DataError(
            file,
            f"the header lacks column(s) {', '.join(missing)}; "
            f"the first line should read: {','.join(expected)}",
            row=1,
        )
    extra = [c for c in raw.columns if c not in expected]
    if extra:
        raise DataError(
            file,
            f"the header has column(s) {', '.join(extra)} that datapackage.json does not describe",
            row=1,
        )
    typed = {spec["name"]: _convert(raw[spec["name"]], spec, file) for spec in fields}
    key = desc["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    if key:
        dup = raw.duplicated(subset=key, keep="first")
        if dup.any():
            first = dup[dup].index[0]
            shown = ", ".join(f"{k}={raw.at[first, k]!r}" for k in key)
            raise DataError(
                file,
                f"duplicate key ({shown}); each row needs a unique {', '.join(key)}",
                row=int(first) + 2,
                field=key[0],
            )
    return pd.DataFrame(typed, index=raw.index)


@lru_cache(maxsize=64)
def _load_cached(folder: str, name: str, stamp: tuple[float, ...]) -> pd.DataFrame:
    return _load_uncached(Path(folder), name)


def _stamp(folder: Path, *files: str) -> tuple[float, ...]:
    """Modification times of ``files`` in ``folder`` (0.0 for a missing one): a cache key."""
    return tuple((folder / f).stat().st_mtime if (folder / f).exists() else 0.0 for f in files)


def _translation_in(described: list[dict[str, Any]], name: str, language: str) -> str | None:
    for res in described:
        if res.get("translates") == name and res.get("language") == language:
            return str(res["name"])
    return None


def translation_of(name: str, language: str) -> str | None:
    """Return the name of the table holding ``language``'s text for table ``name``, if any.

    A translation table (``data/fr/<name>.csv``, described with ``"translates": name`` and
    ``"language": "fr"``) has the table's primary key and, under the same names, the text
    columns it translates.
    """
    return _translation_in(package()["resources"], name, language)


@lru_cache(maxsize=1)
def _translated_columns() -> frozenset[str]:
    names: set[str] = set()
    for res in package()["resources"]:
        if not res.get("translates"):
            continue
        key = resource(str(res["translates"]))["schema"].get("primaryKey", [])
        key = {key} if isinstance(key, str) else set(key)
        names |= {f["name"] for f in res["schema"]["fields"]} - key
    return frozenset(names)


def translated_column_names() -> frozenset[str]:
    """Return the names of the columns that a translation table (``data/<code>/``)
    translates in some table: text in the edition's language (``label``, ``name``…), never
    codes; a chart download tags a column of that name with its language."""
    try:
        return _translated_columns()
    except (FileNotFoundError, DataError):  # an installed package without its tables
        return frozenset()


def _translated(table: pd.DataFrame, name: str, language: str, folder: Path) -> pd.DataFrame:
    """Put ``language``'s text into the text columns of ``table`` (the table ``name``).

    Raises :class:`DataError` naming the translation file when it translates a column the
    table lacks, or when a row of the table has no translation.
    """
    described = _described(folder)
    other = _translation_in(described, name, language)
    base = _resource_in(described, name)
    if other is not None:
        file = _resource_in(described, other)["path"]
        words = _load_cached(str(folder), other, _stamp(folder, PACKAGE_FILE, file))
    else:
        path = _declared_translation(name, language)
        if path is None or not path.is_file():
            return table.copy()
        file = str(path)
        words = pd.read_csv(path, dtype="str", keep_default_na=False)
    key = base["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else list(key)
    unknown = [c for c in words.columns if c not in table.columns]
    if not key or unknown:
        problem = f"column(s) {', '.join(unknown)} are not in table '{name}'" if unknown else ""
        raise DataError(file, problem or f"table '{name}' has no primary key to match rows on")
    keys = pd.MultiIndex.from_frame(table[key].astype(str))
    given = pd.MultiIndex.from_frame(words[key].astype(str))
    missing = keys.difference(given)
    if len(missing):
        shown = ", ".join("/".join(k) for k in list(missing)[:5])
        raise DataError(
            file,
            f"{len(missing)} row(s) of '{name}' have no {language} text (key {shown}); "
            f"add them to data/{file}",
        )
    texts = [c for c in words.columns if c not in key]
    lookup = words.set_index(given)[texts]
    out = table.copy()
    for column in texts:
        out[column] = lookup[column].reindex(keys).to_numpy()
    return out


def _declared_translation(name: str, language: str) -> Path | None:
    """The file of table ``name`` for an edition declared outside the package
    (editions.DIASPORA_EDITIONS keeps its translations in a folder like data/fr/), or None."""
    declared = editions.get(language).data
    return Path(declared) / f"{name}.csv" if declared and Path(declared).is_absolute() else None


def _translation_stamp(folder: Path, name: str, language: str) -> tuple[str, float]:
    """The file holding ``language``'s text for table ``name`` and its modification time
    (0.0 when there is none): what a translated table's cache key adds to the base's."""
    described = _described(folder)
    other = _translation_in(described, name, language)
    if other is not None:
        path: Path | None = folder / _resource_in(described, other)["path"]
    else:
        path = _declared_translation(name, language)
    if path is None or not path.is_file():
        return ("", 0.0)
    return (str(path), path.stat().st_mtime)


@lru_cache(maxsize=64)
def _translated_cached(
    folder: str, name: str, language: str, stamp: tuple[float, ...], words: tuple[str, float]
) -> pd.DataFrame:
    """The table ``name`` with ``language``'s text, kept while neither file changes;
    callers copy it (a caller that changes its table must not change the next one's)."""
    table = _load_cached(folder, name, stamp)
    return _translated(table, name, language, Path(folder))


def translated_columns(folder: Path, name: str, language: str) -> list[str]:
    """Return the columns of table ``name`` that ``language``'s translation table in
    ``folder`` replaces (none for English or without a translation), in its order."""
    described = _described(Path(folder))
    other = _translation_in(described, name, language)
    if other is None:
        return []
    desc, base = _resource_in(described, other), _resource_in(described, name)
    key = base["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else list(key)
    return [f["name"] for f in desc["schema"]["fields"] if f["name"] not in key]


def table_of(folder: Path, file: str) -> str:
    """Return the name of the table whose file is ``file`` (a path inside ``folder``, such
    as ``"glossary.csv"``) in ``folder``'s ``datapackage.json``. Raises :class:`DataError`
    naming the file when the package does not describe it (every table is read by schema)."""
    described = _described(Path(folder))
    for res in described:
        if res.get("path") == file:
            return str(res["name"])
    raise DataError(
        file, f"{PACKAGE_FILE} does not describe this file; describe it there to read it"
    )


def load_from(folder: Path, name: str, language: str = "en") -> pd.DataFrame:
    """Return the table ``name`` of the data package in ``folder``, checked and typed by
    its schema, with ``language``'s text in its translated columns (see :func:`load`).

    For the code that is handed a data folder (the site's pages, tests); notebooks use
    :func:`load`. Raises :class:`DataError` as :func:`load` does.
    """
    folder = Path(folder)
    file = _resource_in(_described(folder), name)["path"]
    stamp = _stamp(folder, PACKAGE_FILE, file)
    if editions.get(language).data is not None:
        texts = _translation_stamp(folder, name, language)
        table = _translated_cached(str(folder), name, language, stamp, texts).copy()
    else:
        table = _load_cached(str(folder), name, stamp).copy()
    words = {c: w for c, w in TABLE_WORDS.get(name, {}).items() if c in table.columns}
    return units.record(with_words(table, **words) if words else table)


def load(name: str) -> pd.DataFrame:
    """Return the table ``name`` from ``data/``, checked and typed by its schema.

    In the French edition (``diaspora_helpers.setup(language="fr")``), text columns that
    ``data/fr/<name>.csv`` translates hold the French text; the shape, the types and every
    other column are the same in both editions. Raises :class:`DataError` for a table that
    is unknown, missing or malformed, or whose translation lacks rows.
    """
    return load_from(data_dir(), name, language())


def load_all() -> dict[str, pd.DataFrame]:
    """Load and check every table the package describes."""
    return {name: load(name) for name in resource_names()}


def given_or_load(name: str, given: pd.DataFrame | None) -> pd.DataFrame:
    """Return a copy of ``given``, or the collection's table ``name`` when ``given`` is None.

    Helpers take the tables they work on as optional arguments, so that tests can pass
    small hand-made frames; this is the one place that falls back to :func:`load`.
    Raises :class:`DataError` as :func:`load` does.
    """
    return load(name) if given is None else given.copy()
