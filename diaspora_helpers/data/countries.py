"""Country names, regions and map outlines from the countryinfo package, by ISO alpha-3 code.

countryinfo (MIT, offline) is the single source for names, regions, sub-regions and
polygons; this module only adds a cache, strict code checking and a few display names; names in
a translated edition come from its ``data/<code>/country_names.csv`` where it has one, else
from Babel's CLDR data for its locale.
"""

from __future__ import annotations

import copy
import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError

from diaspora_helpers import editions, paths
from diaspora_helpers.i18n import language

_ISO3 = re.compile(r"^[A-Z]{3}$")

# Current short names (as the UN and the World Bank write them) where countryinfo still
# uses an older English name.
DISPLAY_NAMES = {
    "CIV": "Côte d'Ivoire",  # countryinfo: Ivory Coast
    "CPV": "Cabo Verde",  # Cape Verde
    "CZE": "Czechia",  # Czech Republic
    "MKD": "North Macedonia",  # Republic of Macedonia
    "SWZ": "Eswatini",  # Swaziland
    "TLS": "Timor-Leste",  # East Timor
}


@cache
def _info(code: str) -> CountryInfo | None:
    """Return countryinfo's entry whose ISO alpha-3 code is ``code``, or None."""
    if not isinstance(code, str) or not _ISO3.match(code):
        return None
    try:
        info = CountryInfo(code)
    except CountryNotFoundError:
        return None
    return info if info.iso(3) == code else None


def _require(iso3: str) -> CountryInfo:
    """Return the entry of ``iso3`` or raise a ValueError that names the code."""
    info = _info(iso3)
    if info is None:
        raise ValueError(f"{iso3!r} is not an ISO 3166-1 alpha-3 country code")
    return info


def iso3_of(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-3 code of a country name, or None.

    Any name of :func:`all_names` counts, in any case ("Ivory Coast", "côte d’ivoire" ->
    "CIV"); nothing is matched approximately, so a fragment such as "Mau" or a string
    naming several countries gives None, as does an empty or unknown name.
    """
    text = str(name).strip().casefold()
    return _names_folded().get(text) if text else None


@cache
def _names_folded() -> dict[str, str]:
    folded: dict[str, set[str]] = {}
    for known, code in all_names().items():
        folded.setdefault(known.casefold(), set()).add(code)
        folded.setdefault(known.replace("\u2019", "'").casefold(), set()).add(code)
    return {k: next(iter(v)) for k, v in folded.items() if len(v) == 1}


@cache
def all_names() -> dict[str, str]:
    """Return every name of a country the collection's sources give -> its ISO alpha-3 code.

    The names are countryinfo's (its English name, alternative spellings, native name and
    the alpha-2 and alpha-3 codes), the current short names of :data:`DISPLAY_NAMES`, and
    CLDR's names in English and French (Babel), as written there (accents, case and
    apostrophes untouched). A name that two countries share is left out, so a name never
    stands for two countries; nothing is matched approximately.
    """
    codes: dict[str, set[str]] = {}

    def add(name: object, code: str) -> None:
        if isinstance(name, str) and name.strip():
            codes.setdefault(name.strip(), set()).add(code)

    alpha3_of: dict[str, str] = {}
    for info in all_countries():
        iso = info.iso()
        code = iso.get("alpha3") if isinstance(iso, dict) else None
        if not code:
            continue
        alpha3_of[str(iso.get("alpha2"))] = code
        for name in (info.name(), info.native_name(), code, iso.get("alpha2")):
            add(name, code)
        for name in info.alt_spellings() or []:
            add(name, code)
    for code, name in DISPLAY_NAMES.items():
        add(name, code)
    for locale in ("en", "fr"):
        for alpha2, name in Locale.parse(locale).territories.items():
            if alpha2 in alpha3_of:
                add(name, alpha3_of[alpha2])
    return {name: next(iter(found)) for name, found in sorted(codes.items()) if len(found) == 1}


def is_valid_iso3(code: str) -> bool:
    """Return True when ``code`` is an upper-case ISO 3166-1 alpha-3 code known to countryinfo."""
    return _info(code) is not None


def country_name(iso3: str) -> str:
    """Return the short name of a country in the edition's language.

    English: the UN's and the World Bank's current short names ("Côte d'Ivoire"). French:
    the name in Babel's CLDR data ("Côte d’Ivoire", "États-Unis"). Raises ``ValueError``
    for an unknown code.
    """
    info = _require(iso3)
    edition = editions.get(language())
    if edition.data is not None:  # a translated edition
        given = _names_of(edition.data).get(iso3)
        if given:
            return given
        cldr = Locale.parse(edition.locale).territories.get(str(info.iso(2)))
        if cldr:
            return str(cldr)
    return DISPLAY_NAMES.get(iso3) or info.name()


def in_sentence(iso3: str) -> str:
    """Return a country's name as a sentence of the edition writes it: with its article
    where the edition's ``country_names.csv`` gives one (French: "la France", "le Nigeria",
    "l’Espagne"), else :func:`country_name` ("France" in English, where no article is
    written). Raises ``ValueError`` for an unknown code."""
    _require(iso3)
    edition = editions.get(language())
    if edition.data is not None:
        given = _names_of(edition.data, "in_sentence").get(iso3)
        if given:
            return given
    return country_name(iso3)


#: A translated edition's own country names (over CLDR's), in its data folder: ``iso3``,
#: ``name`` (a table cell's form) and, optionally, ``in_sentence`` (with its article).
COUNTRY_NAMES_FILE = "country_names.csv"


@cache
def _names_of(folder: str, column: str = "name") -> dict[str, str]:
    """Return the edition's own country names (``iso3`` and ``column`` of
    :data:`COUNTRY_NAMES_FILE` in its data folder, absolute or under ``data/``), empty when
    it has none or the file has no such column."""
    path = Path(folder) / COUNTRY_NAMES_FILE
    if not path.is_absolute():
        try:
            path = paths.data_dir() / path
        except FileNotFoundError:
            return {}
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: row[column] for row in csv.DictReader(handle) if row.get(column)}


def region_of(iso3: str) -> str:
    """Return the country's region per countryinfo (e.g. 'Africa'), '' where it has none."""
    return _require(iso3).region() or ""


def subregion_of(iso3: str) -> str:
    """Return the country's sub-region per countryinfo (e.g. 'Western Europe'), or ''."""
    return _require(iso3).subregion() or ""


def country_geometry(iso3: str) -> dict[str, Any] | None:
    """Return the country's GeoJSON geometry (Polygon or MultiPolygon), None if it has none."""
    features = _require(iso3).geo_json().get("features") or []
    if not features or not features[0].get("geometry"):
        return None
    return copy.deepcopy(features[0]["geometry"])
