"""The gettext catalogs of the French edition: extract, update, compile and check them.

``python -m diaspora_helpers catalogs`` (``make catalogs``) does, for every area of
:data:`diaspora_helpers.i18n.AREAS`, what ``pybabel extract``, ``pybabel update`` and
``pybabel compile`` do, through Babel's own functions (and checks what Babel does not: that
each translation keeps the ``{placeholders}`` of its message, :func:`placeholder_problems`):

1. extract the strings wrapped in ``_``, ``N_``, ``ngettext`` and ``text.counted`` from
   the area's files;
2. update ``locale/fr/LC_MESSAGES/<area>.po``: new strings are added with an empty
   translation, strings no longer in the code are dropped, translations are kept;
3. compile the ``.po`` into ``<area>.mo``, which the package reads at run time.

Catalogs named ``labels_<topic>.po`` have no source files: they hold the French of table
headers (whose English msgid is the label :func:`diaspora_helpers.tables.label` gives),
are written by hand, and are only compiled. ``--check`` changes nothing and lists every
string without French and every file that steps 1–3 would change; the test suite runs it.

The output is the same bytes on every run: no line numbers, no dates but a fixed one,
messages sorted.
"""

from __future__ import annotations

import datetime
import io
import string
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from diaspora_helpers import editions, i18n

PACKAGE = Path(i18n.__file__).resolve().parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}
#: A fixed date for the catalogs' headers, so that regenerating them changes no byte.
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def languages() -> list[str]:
    """Return the translated editions whose catalogs ship in the package (the registry's
    editions with a catalog folder, :mod:`diaspora_helpers.editions`)."""
    return [code for code in editions.TRANSLATIONS if editions.get(code).catalogs is not None]


def _language_name(language: str) -> str:
    """Return the edition's language named in English, for messages: ``fr`` -> French."""
    try:
        return str(Locale.parse(editions.get(language).locale).english_name)
    except (ValueError, TypeError):
        return language


class CatalogError(RuntimeError):
    """A catalog that lacks translations or is not up to date; the message lists them."""


def area_files(area: str) -> list[Path]:
    """Return the package files of ``area`` (sorted); raises ``KeyError`` for an unknown area."""
    found: set[Path] = set()
    for pattern in i18n.AREAS[area]:
        found.update(p for p in PACKAGE.glob(pattern) if p.is_file())
    return sorted(found)


def extracted(area: str) -> Catalog:
    """Return a template catalog of the strings the area's files wrap for translation."""
    template = Catalog(project="diaspora_helpers", creation_date=FIXED_DATE)
    for path in area_files(area):
        relative = path.relative_to(PACKAGE).as_posix()
        for lineno, message, comments, context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            template.add(
                message, locations=[(relative, lineno)], auto_comments=comments, context=context
            )
    return template


def _po_path(area: str, language: str) -> Path:
    return i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{area}.po"


HEADER_COMMENT = (
    "# {name} text of the diaspora_helpers package ({area}): the {name} edition of the\n"
    "# Mali diaspora notebook collection. Same licence as the collection's text (CC BY 4.0).\n"
    "# Regenerate with `make catalogs`; fill in each empty msgstr by hand."
)


def _read(area: str, language: str) -> Catalog:
    path = _po_path(area, language)
    if not path.exists():
        catalog = Catalog(locale=language, project="diaspora_helpers")
    else:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    name = _language_name(language)
    catalog.header_comment = HEADER_COMMENT.format(area=area, name=name)
    catalog.copyright_holder = "Mali diaspora notebook collection"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "Mali diaspora notebook collection"
    catalog.language_team = f"{name} edition"
    return catalog


def catalog_names(language: str = "fr") -> list[str]:
    """Return every catalog of ``language``: the areas, then the hand-written ``labels_*``
    catalogs."""
    folder = i18n.LOCALE_DIR / language / "LC_MESSAGES"
    written = sorted(p.stem for p in folder.glob("*.po") if p.stem not in i18n.AREAS)
    return sorted(i18n.AREAS) + written


def updated(area: str, language: str = "fr") -> Catalog:
    """Return the area's catalog in ``language`` brought up to date with its source files
    (a hand-written catalog, not an area, is returned as it is, normalised)."""
    catalog = _read(area, language)
    if area in i18n.AREAS:
        catalog.update(extracted(area), no_fuzzy_matching=True)
        catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """Return the ``.po`` text of ``catalog``: sorted, without line numbers."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """Return the compiled ``.mo`` of ``catalog`` (fuzzy entries left out, as pybabel does)."""
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """Return the msgids of ``catalog`` that have no (or only a fuzzy) French text."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def problems() -> list[str]:
    """Return one line per problem, for every shipped language (:func:`languages`): a
    string without a translation, or a file not up to date."""
    found = []
    for language in languages():
        name = _language_name(language)
        catalogs = {area: updated(area, language) for area in catalog_names(language)}
        for area, catalog in catalogs.items():
            po = _po_path(area, language)
            mo = po.with_suffix(".mo")
            shown = po.relative_to(i18n.LOCALE_DIR.parent).as_posix()
            for msgid in untranslated(catalog):
                found.append(f"{shown}: no {name} for {msgid!r}")
            if not po.exists() or po.read_bytes() != po_bytes(catalog):
                found.append(f"{shown} is not up to date: run make catalogs")
            if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
                found.append(f"{shown[:-3]}.mo is not up to date: run make catalogs")
        found += conflicts(catalogs, language)
        found += placeholder_problems(catalogs)
    return found


def placeholders(text: str) -> set[str] | None:
    """Return the ``str.format`` fields of ``text`` (``{n}``, ``{value:.1f}``) as written,
    or None when ``text`` is not a valid format string (an unmatched brace)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    fields = set()
    for _literal, name, spec, conversion in parsed:
        if name is not None:
            converted = f"!{conversion}" if conversion else ""
            fields.add(f"{{{name}{converted}{':' + spec if spec else ''}}}")
    return fields


def _listed(fields: set[str]) -> str:
    return ", ".join(sorted(fields)) or "none"


def placeholder_problems(catalogs: dict[str, Catalog] | None = None) -> list[str]:
    """Return one line per translation whose ``{placeholders}`` differ from its message's.

    The helpers fill a message with ``str.format`` after translating it: a French text that
    renames a placeholder raises ``KeyError`` where a student expected a hint, one that drops
    a placeholder loses what it stood for, and one that adds a placeholder fails too. Babel's
    own check reads ``%`` formats only, so it misses all three. A message with plural forms
    is held the same way in its last form (the general plural); its other forms may leave a
    field out (French "Celle qui…" for one item, as gettext allows) but never rename or add
    one.
    """
    if catalogs is None:
        catalogs = {area: updated(area) for area in catalog_names()}
    found = []
    for area, catalog in catalogs.items():
        for message in catalog:
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            wanted = [placeholders(str(text)) for text in ids]
            if any(fields is None for fields in wanted):
                continue  # not a format string
            expected: set[str] = set().union(*(w for w in wanted if w is not None))
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            for number, form in enumerate(forms, start=1):
                if not form:
                    continue  # reported as a string without French
                fields = placeholders(str(form))
                last = number == len(forms)
                if fields is None or (fields != expected if last else not fields <= expected):
                    shown = "an unmatched brace" if fields is None else _listed(fields)
                    found.append(
                        f"{area}: the French of {ids[0]!r} has placeholders {shown}, not "
                        f"{_listed(expected)}: keep the message's own"
                    )
    return found


def conflicts(catalogs: dict[str, Catalog] | None = None, language: str = "fr") -> list[str]:
    """Return one line per msgid that two catalogs of ``language`` translate differently;
    ``catalogs`` (name -> updated catalog) saves reading them again when the caller has
    them."""
    name = _language_name(language)
    if catalogs is None:
        catalogs = {area: updated(area, language) for area in catalog_names(language)}
    seen: dict[str, tuple[str, object]] = {}
    found = []
    for area, catalog in catalogs.items():
        for message in catalog:
            if not message.id or not message.string:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in seen and seen[key][1] != message.string:
                found.append(
                    f"{key!r} has two {name} texts: {seen[key][1]!r} ({seen[key][0]}) and "
                    f"{message.string!r} ({area}); keep one"
                )
            seen.setdefault(key, (area, message.string))
    return found


def write_all() -> list[str]:
    """Update and compile every area's catalog of every shipped language; return the
    strings still without a translation (prefixed by the language when there are several)."""
    missing = []
    shipped = languages()
    for language in shipped:
        prefix = f"{language}/" if len(shipped) > 1 else ""
        for area in catalog_names(language):
            catalog = updated(area, language)
            po = _po_path(area, language)
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_bytes(po_bytes(catalog))
            po.with_suffix(".mo").write_bytes(mo_bytes(catalog))
            missing += [f"{prefix}{area}: {msgid}" for msgid in untranslated(catalog)]
    return missing


def main(check: bool, force: bool = False) -> int:
    """The ``catalogs`` command: 0 when every string has French (and, with ``check``,
    every file is up to date); else 1, with the list on stdout. Without ``check`` it
    rewrites the catalogs, and refuses (status 3) catalogs with uncommitted changes unless
    ``force``."""
    if check:
        found = problems()
    else:
        from diaspora_helpers.publish.guard import UncommittedChanges, refuse_uncommitted

        folder = i18n.LOCALE_DIR
        try:
            refuse_uncommitted(sorted(folder.rglob("*.po")), force=force, command="catalogs")
        except UncommittedChanges as exc:
            print(f"error: {exc}")
            return 3
        found = [f"no French yet: {line}" for line in write_all()]
    for line in found:
        print(line)
    return 1 if found else 0
