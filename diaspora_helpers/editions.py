"""The registry of editions: the one place that says which languages the collection has.

An edition is a language of the collection: its code (``"en"``, ``"fr"``), its name in
its own language (for the language switcher), the Babel/CLDR locale that formats its
numbers, dates, lists and quarters, the folder of its gettext catalogs, the folder of its
data translations (``data/<code>/``) and the folder of its notebooks inside
``notebooks/``. Every layer reads it: :mod:`diaspora_helpers.i18n` (catalogs),
:mod:`diaspora_helpers.text` (locale), the data loader (data folder), the site (names,
folders), the course (notebook folders) and the catalog tools (which catalogs to write).

The first edition is the source language (English): it has no catalog and no data
folder, and its notebooks sit at the top of ``notebooks/``.

Editions beyond the shipped ones are declared in a JSON file named by the environment
variable ``DIASPORA_EDITIONS`` (a list of objects with the fields of :class:`Edition`;
``catalogs`` and ``data`` are absolute paths): the pseudo-locale test uses it so that
its kernels know the test edition too. Adding a real language is one :class:`Edition`
in :data:`SHIPPED` plus what a translator provides (see the README).

Typographic overrides of CLDR are fields here, documented where they differ:
``minus`` is the sign of a negative number; CLDR's French uses the hyphen-minus (U+002D),
while French typography (Imprimerie nationale) writes the minus sign U+2212.
``capital_after_colon`` says whether a sentence that follows a label ending in a colon
("Key finding: According to…") starts with a capital: English style guides capitalise a
complete sentence there; French typography writes lower case after a colon, proper nouns
excepted (« Constat principal : selon le document… »).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import overload

#: Environment variable naming a JSON file of extra editions (used by tests).
EXTRA_EDITIONS_VARIABLE = "DIASPORA_EDITIONS"

_PACKAGE = Path(__file__).resolve().parent
#: Where the shipped catalogs are: ``<LOCALE_DIR>/<code>/LC_MESSAGES/<area>.mo``.
LOCALE_DIR = _PACKAGE / "locale"


@dataclass(frozen=True)
class Edition:
    """One language of the collection.

    ``code``: the edition's code (a folder name in ``notebooks/``, ``data/`` and the
    site; ``setup(language=code)``). ``name``: its name in its own language.
    ``locale``: the Babel locale formatting its numbers and dates. ``catalogs``: the
    folder of its compiled ``<area>.mo`` catalogs (None for the source language).
    ``data``: the folder of its data translations, relative to ``data/`` or absolute (None
    for the source language). ``notebooks``: its folder inside ``notebooks/`` (``""`` for
    the source language); the site uses the same folder under ``outputs/``.
    ``minus``: the minus sign of its numbers (see the module doc).
    ``capital_after_colon``: whether a sentence after a label's colon starts with a capital
    (see the module doc).
    """

    code: str
    name: str
    locale: str
    catalogs: Path | None = None
    data: str | None = None
    notebooks: str = ""
    minus: str = "-"
    capital_after_colon: bool = True


#: The shipped editions; the first is the source language.
SHIPPED = (
    Edition(code="en", name="English", locale="en_GB"),
    Edition(
        code="fr",
        name="Français",
        locale="fr",
        catalogs=LOCALE_DIR / "fr" / "LC_MESSAGES",
        data="fr",
        notebooks="fr",
        minus="\u2212",
        capital_after_colon=False,
    ),
)


def _extra() -> tuple[Edition, ...]:
    """Return the editions declared in the file named by ``DIASPORA_EDITIONS`` (if set).

    Raises ``ValueError`` naming the file when it is not a JSON list of editions."""
    named = os.environ.get(EXTRA_EDITIONS_VARIABLE)
    if not named:
        return ()
    try:
        entries = json.loads(Path(named).read_text(encoding="utf-8"))
        found = []
        for entry in entries:
            given = dict(entry)
            if given.get("catalogs"):
                given["catalogs"] = Path(given["catalogs"])
            found.append(Edition(**given))
    except (OSError, TypeError, ValueError) as error:
        raise ValueError(
            f"{EXTRA_EDITIONS_VARIABLE}={named}: not a JSON list of editions "
            "(fields: code, name, locale, catalogs, data, notebooks, minus, "
            f"capital_after_colon): {error}"
        ) from error
    return tuple(found)


@cache
def _registry(extra_file: str | None) -> dict[str, Edition]:
    editions = {e.code: e for e in SHIPPED}
    for edition in _extra():
        editions.setdefault(edition.code, edition)
    return editions


def registry() -> dict[str, Edition]:
    """Return every edition by code, the source language first (shipped, then extra)."""
    return _registry(os.environ.get(EXTRA_EDITIONS_VARIABLE))


def get(code: object) -> Edition:
    """Return the edition ``code``; raise ``ValueError`` naming the editions otherwise."""
    found = registry().get(code) if isinstance(code, str) else None
    if found is None:
        raise ValueError(
            f"unknown language {code!r}; the editions are: {', '.join(map(repr, registry()))}"
        )
    return found


def source() -> Edition:
    """Return the source-language edition (English)."""
    return SHIPPED[0]


def by_folder(folder: str) -> Edition | None:
    """Return the edition whose notebooks live in ``notebooks/<folder>`` (None if none)."""
    return next((e for e in registry().values() if e.notebooks == folder), None)


class _Codes(Sequence[str]):
    """The codes of the editions, read from the registry each time (so an edition
    declared through ``DIASPORA_EDITIONS`` is seen by code that imported this early)."""

    def __init__(self, *, translations_only: bool = False) -> None:
        self._skip = 1 if translations_only else 0

    def _codes(self) -> tuple[str, ...]:
        return tuple(registry())[self._skip :]

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._codes()[index]

    def __len__(self) -> int:
        return len(self._codes())

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())

    def __contains__(self, code: object) -> bool:
        return code in self._codes()

    def __repr__(self) -> str:
        return repr(self._codes())


#: Every edition's code, the source language first: ``("en", "fr")``.
CODES: Sequence[str] = _Codes()
#: The codes of the translated editions (every edition but the source language).
TRANSLATIONS: Sequence[str] = _Codes(translations_only=True)


class _NotebookFolders(Mapping[str, str]):
    """Edition code -> its folder inside ``notebooks/`` (``""`` for the source language),
    read from the registry each time."""

    def __getitem__(self, code: str) -> str:
        found = registry().get(code)
        if found is None:
            raise KeyError(code)
        return found.notebooks

    def __iter__(self) -> Iterator[str]:
        return iter(registry())

    def __len__(self) -> int:
        return len(registry())


#: Edition code -> folder of its notebooks under ``notebooks/``: ``{"en": "", "fr": "fr"}``.
NOTEBOOK_FOLDERS: Mapping[str, str] = _NotebookFolders()
