"""An edition's style sheet (``data/<lang>/style.csv``), checked over every reader-facing
file of that edition, and applied where a rule has one safe replacement.

The sheet has one row per rule: ``term`` (what the rule is about), ``preferred`` (the form
to write), ``forbidden`` (variants separated by `` | ``), ``match`` and ``note``. ``match``
says how a variant is found in prose:

- ``word``: the variant as written (case counts), not inside a longer word;
- ``between_letters``: the variant with a letter on each side (``l'Afrique``);
- ``pattern``: the variant is a regular expression; ``preferred`` may use its groups
  (``\\1ᵉ``).

Prose is what a reader sees as text: the Markdown cells and the outputs of the edition's
notebooks, its Markdown course files, the text columns of ``data/<lang>/*.csv`` (every
column but the first, the key), the columns of the English tables of ``data/`` written in
the edition's language (``french``, ``name_fr``), the fields of ``data/datapackage.json`` in
that language (``title_fr``, ``description_fr``: the package is generated, so ``--fix`` leaves
it to its inputs in ``data/build/``) and the ``msgstr`` of its catalogs. Code
never counts: fenced blocks, inline code between backticks, ``<code>`` elements, link
addresses, HTML tags, ``{placeholders}`` and the code cells of notebooks.

Run ``python -m diaspora_helpers.publish.style_sheet fr`` to list the faults, ``--fix`` to
replace the forbidden variants that have a replacement (``fix`` is ``yes`` in the row) in
Markdown cells, course files, tables and catalogs; outputs change when the notebooks are
re-executed, and catalogs need ``python -m diaspora_helpers catalogs`` afterwards.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHEET = "style.csv"
#: Stretches of prose that are code (or markup) and never checked nor changed.
_CODE = re.compile(
    r"```.*?```"  # fenced block
    r"|`[^`\n]*`"  # inline code
    r"|<code>.*?</code>"
    r"|<!--.*?-->"
    r"|\]\([^)\s]*\)"  # a link's address
    r"|<[^>\n]*>"  # an HTML tag and its attributes
    r"|\{[a-z_][a-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}"  # a {placeholder}
    r"|https?://\S+",
    re.S,
)


@dataclass(frozen=True)
class Rule:
    """One row of a style sheet, compiled."""

    term: str
    preferred: str
    pattern: re.Pattern[str]
    fix: bool
    note: str


#: Where an HTML output's table cell, row or block ends: a paragraph separator (U+2029),
#: so that the words of two cells never read as one phrase.
BREAK = "\u2029"
#: A run of whitespace a reader sees as one space (a line break in Markdown, several spaces
#: in a cell), the no-break spaces excepted (they are typography some rules check), and
#: :data:`BREAK`.
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2029]+")


def _compile(variant: str, match: str) -> str:
    if match == "pattern":
        return variant
    # a variant of several words matches them split by any whitespace (a line break, several
    # spaces), so that a phrase wrapped in a Markdown cell is found and fixed
    escaped = r"\s+".join(re.escape(word) for word in variant.split())
    if match == "between_letters":
        return rf"(?<=[^\W\d_]){escaped}(?=[^\W\d_])"
    if match == "word":
        start = r"(?<!\w)" if variant[:1].isalnum() else ""
        end = r"(?!\w)" if variant[-1:].isalnum() else ""
        return f"{start}{escaped}{end}"
    raise ValueError(f"style sheet: match must be word, between_letters or pattern, not {match!r}")


def rules(language: str = "fr", root: Path = ROOT) -> list[Rule]:
    """Return the rules of ``data/<language>/style.csv``.

    Raises ``FileNotFoundError`` when the edition has no sheet and ``ValueError`` naming a
    row whose ``match`` is unknown or that has no forbidden variant.
    """
    path = root / "data" / language / SHEET
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    compiled = []
    for row in rows:
        variants = [v.strip() for v in row["forbidden"].split(" | ") if v.strip()]
        if not variants:
            raise ValueError(f"{path}: the row {row['term']!r} forbids nothing")
        alternatives = "|".join(f"(?:{_compile(v, row['match'])})" for v in variants)
        compiled.append(
            Rule(
                term=row["term"],
                preferred=row["preferred"],
                pattern=re.compile(alternatives),
                fix=row.get("fix", "") == "yes",
                note=row["note"],
            )
        )
    return compiled


def _prose_map(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the prose of ``text``, leaving its code stretches as they are."""
    out, at = [], 0
    for code in _CODE.finditer(text):
        out.append(change(text[at : code.start()]))
        out.append(code.group(0))
        at = code.end()
    out.append(change(text[at:]))
    return "".join(out)


#: What a code stretch's last character becomes in :func:`prose`: a private-use character,
#: neither a letter nor a space, so that a rule can see where code ends (``\ue000`` in a
#: pattern: "`notebooks/fr/` : mêmes" has an ordinary space before ":" after code).
CODE_END = "\ue000"


def prose(text: str) -> str:
    """Return ``text`` with its code stretches blanked out: kept as spaces, the last one
    :data:`CODE_END`, so that offsets stay those of ``text``."""
    return _CODE.sub(lambda m: " " * (len(m.group(0)) - 1) + CODE_END, text)


def faults(text: str, sheet: list[Rule]) -> list[tuple[str, str]]:
    """Return ``(found in its context, rule term)`` for every forbidden variant in the prose
    of ``text``, read as a reader sees it: every run of whitespace (a line break, several
    spaces) as one space, so that a phrase split by a line break is found."""
    seen = _SPACES.sub(" ", prose(text))
    return [
        (re.sub(f"(?: ?{BREAK} ?)+", " | ", seen[max(m.start() - 25, 0) : m.end() + 25]), rule.term)
        for rule in sheet
        for m in rule.pattern.finditer(seen)
    ]


def _expander(preferred: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.expand(preferred)


def apply(text: str, sheet: list[Rule]) -> str:
    """Return ``text`` with the fixable rules applied to its prose."""

    def change(part: str) -> str:
        for rule in sheet:
            if rule.fix:
                part = rule.pattern.sub(_expander(rule.preferred), part)
        return part

    return _prose_map(text, change)


# -- the edition's reader-facing files ------------------------------------------------------


def _html_text(value: str) -> str:
    """The text a reader sees in an HTML output (tags removed, entities decoded)."""
    value = re.sub(r"<style.*?</style>|<script.*?</script>", " ", value, flags=re.S)
    value = re.sub(r"<code>.*?</code>", " ", value, flags=re.S)
    # a cell, a row or a block ends a phrase: two cells never read as one
    value = re.sub(r"</?(?:t[dhr]|p|li|div|h\d|caption|table|br)\b[^>]*>", f" {BREAK} ", value)
    return html.unescape(re.sub(r"<[^>]+>", " ", value))


def _notebook_texts(path: Path) -> Iterator[tuple[str, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    summary = notebook.get("metadata", {}).get("diaspora", {}).get("summary")
    if summary:  # the notebook's line on the home page
        yield f"{path.name} summary", summary
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "markdown":
            yield f"{path.name} cell {number}", "".join(cell["source"])
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                yield f"{path.name} cell {number} output", _html_text("".join(data["text/html"]))
            elif "text/markdown" in data:
                yield f"{path.name} cell {number} output", "".join(data["text/markdown"])
            elif "text/plain" in data and "image/png" not in data:
                yield f"{path.name} cell {number} output", "".join(data["text/plain"])
            if output.get("output_type") == "stream":
                yield f"{path.name} cell {number} output", "".join(output.get("text", ""))


def _key_width(path: Path) -> int:
    """How many leading columns of a table of ``data/<lang>/`` are its key (1 unless
    ``data/datapackage.json`` gives a longer primary key)."""
    package = path.parents[1] / "datapackage.json"
    if package.is_file():
        wanted = f"{path.parent.name}/{path.name}"
        for resource in json.loads(package.read_text(encoding="utf-8"))["resources"]:
            if resource.get("path") == wanted:
                key = resource.get("schema", {}).get("primaryKey", [])
                return len([key] if isinstance(key, str) else key) or 1
    return 1


def _csv_rows(path: Path) -> tuple[int, list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return _key_width(path), (rows[0] if rows else []), rows[1:]


def _edition_columns(header: list[str], language: str) -> list[str]:
    """The columns of a table of ``data/`` (the English tables) written in ``language``:
    named for it in English (``french``) or ending ``_<language>`` (``name_fr``)."""
    from babel import Locale

    name = (Locale.parse(language).get_language_name("en") or language).lower()
    return [c for c in header if c == name or c.endswith(f"_{language}")]


def _csv_texts(path: Path, language: str) -> Iterator[tuple[str, str]]:
    width, header, rows = _csv_rows(path)
    if path.parent.name == language:
        names = header[width:]
    else:  # an English table: only its columns in the edition's language
        names = _edition_columns(header, language)
    for number, row in enumerate(rows, start=2):
        for name, value in zip(header, row, strict=False):
            if name in names:
                yield f"{path.name}:{number} ({name})", value


def _fix_csv(path: Path, text: str, sheet: list[Rule]) -> str:
    """Apply the sheet to a table's text, its key columns excepted (they must keep matching
    the English table's keys)."""
    width, _header, rows = _csv_rows(path)
    keys = sorted({cell for row in rows for cell in row[:width] if apply(cell, sheet) != cell})
    for number, key in enumerate(keys):
        text = text.replace(key, f"\x00{number}\x00")
    text = apply(text, sheet)
    for number, key in enumerate(keys):
        text = text.replace(f"\x00{number}\x00", key)
    return text


def _po_texts(path: Path) -> Iterator[tuple[str, str]]:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id or _is_pattern(message.auto_comments):
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            yield f"{path.name}: {str(message.id)[:50]!r}", str(string or "")


def _package_texts(path: Path, language: str) -> Iterator[tuple[str, str]]:
    """The fields of ``data/datapackage.json`` in ``language`` (``title_fr``,
    ``description_fr``): the glossary shows them ("Used in")."""
    suffix = f"_{language}"

    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            named = f"{where}/{node['name']}" if isinstance(node.get("name"), str) else where
            for key, value in node.items():
                if key.endswith(suffix) and isinstance(value, str):
                    yield f"{path.name} {named or '/'} ({key})", value
                else:
                    yield from walk(value, named if key == "resources" else f"{named}/{key}")
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, where)

    yield from walk(json.loads(path.read_text(encoding="utf-8")), "")


def files(language: str = "fr", root: Path = ROOT) -> list[Path]:
    """Return the reader-facing files of an edition: its notebooks and course files, its
    data tables (the style sheet excepted), the data package's fields in its language
    (``data/datapackage.json``, generated: fixed in ``data/build/``) and its catalogs."""
    notebooks = root / "notebooks" / language
    found = sorted(notebooks.glob("*.ipynb")) + sorted(notebooks.glob("*.md"))
    found += sorted(p for p in (root / "data" / language).glob("*.csv") if p.name != SHEET)
    found += sorted(
        p for p in (root / "data").glob("*.csv") if _edition_columns(_csv_rows(p)[1], language)
    )
    package = root / "data" / "datapackage.json"
    if package.is_file() and any(_package_texts(package, language)):
        found.append(package)
    found += sorted((root / "diaspora_helpers" / "locale" / language).glob("LC_MESSAGES/*.po"))
    return found


def texts(path: Path, language: str = "fr") -> Iterator[tuple[str, str]]:
    """Yield ``(where, text)`` for every piece of reader-facing text of ``path`` in
    ``language`` (of an English table of ``data/``, its columns in that language only)."""
    if path.suffix == ".ipynb":
        yield from _notebook_texts(path)
    elif path.suffix == ".csv":
        yield from _csv_texts(path, language)
    elif path.suffix == ".po":
        yield from _po_texts(path)
    elif path.suffix == ".json":
        yield from _package_texts(path, language)
    else:
        yield path.name, path.read_text(encoding="utf-8")


def check(language: str = "fr", root: Path = ROOT) -> list[str]:
    """Return one line per fault in the edition's reader-facing files."""
    sheet = rules(language, root)
    return [
        f"{where}: {found!r} ({term})"
        for path in files(language, root)
        for where, text in texts(path, language)
        for found, term in faults(text, sheet)
    ]


def _is_pattern(comments: list[str]) -> bool:
    """True for a message its translator comment marks as a pattern, not text (a Babel date
    pattern, where an apostrophe quotes literal text)."""
    return any("pattern, not text" in comment for comment in comments)


def _fix_po(text: str, sheet: list[Rule]) -> str:
    """Apply the sheet to the ``msgstr`` lines of a catalog's text (never to ``msgid``, nor
    to a message whose translator comment says it is a pattern, not text)."""
    out, in_msgstr, pattern = [], False, False
    for line in text.splitlines(keepends=True):
        if line.startswith("#.") and "pattern, not text" in line:
            pattern = True
        elif not line.strip():
            pattern = False
        if line.startswith("msgstr"):
            in_msgstr = True
        elif not line.startswith('"'):
            in_msgstr = False
        out.append(apply(line, sheet) if in_msgstr and not pattern else line)
    return "".join(out)


def fix(language: str = "fr", root: Path = ROOT) -> list[Path]:
    """Apply the fixable rules to the edition's Markdown (notebook summaries included),
    tables and catalogs; return the files changed. Notebook outputs are left to the next
    execution."""
    sheet = rules(language, root)
    changed = []
    for path in files(language, root):
        if path.suffix == ".csv" and path.parent.name != language:
            continue  # an English table's columns in the edition's language: fixed by hand
        if path.suffix == ".json":
            continue  # the data package is generated: its inputs are in data/build/
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            notebook, touched = json.loads(text), False
            meta = notebook.get("metadata", {}).get("diaspora", {})
            if meta.get("summary") and apply(meta["summary"], sheet) != meta["summary"]:
                meta["summary"] = apply(meta["summary"], sheet)
                touched = True
            for cell in notebook["cells"]:
                if cell["cell_type"] == "markdown":
                    source = "".join(cell["source"])
                    if apply(source, sheet) != source:
                        cell["source"] = apply(source, sheet).splitlines(keepends=True)
                        touched = True
            new = text
            if touched:  # written as nbformat writes it
                new = json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        elif path.suffix == ".po":
            new = _fix_po(text, sheet)
        elif path.suffix == ".csv":
            new = _fix_csv(path, text, sheet)
        else:
            new = apply(text, sheet)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", nargs="?", default="fr")
    parser.add_argument("--fix", action="store_true", help="apply the fixable rules")
    args = parser.parse_args(argv)
    if args.fix:
        for path in fix(args.language):
            print(f"fixed {path.relative_to(ROOT)}")
    found = check(args.language)
    print("\n".join(found) or "no fault")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
