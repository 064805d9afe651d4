"""How the checks read a name: countries, places, kinds and ids, in English or French.

A name is compared folded (:func:`fold`: no accents, case, hyphens, and one apostrophe
for ’ and '), without quotes around it or a full stop after it, and without a leading
article or preposition (:func:`without_article`: "l'Afrique", "la Côte d’Ivoire", "the
Gambia", "en Mauritanie", "une ambiguïté"); a plural in -s or -x (-ies in English) is read
as its singular when the name as typed is no name (:func:`singular`: "passages altérés",
"contradictions"). A table of names
(:class:`Names`) gives one id per name; a misspelling counts only when it is within a small
edit distance (:func:`allowed_distance`) of the names of exactly one id, so a prefix such as
"Mau" or a string that lists several names is never read as one of them, whatever the order
of its words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from diaspora_helpers import i18n, paths
from diaspora_helpers.data import countries, load

T = TypeVar("T")

#: Articles, prepositions and elided forms a student may put before a name, folded (see
#: :func:`fold`): "l'" covers l’ too. Removed only at the start, and only when a name is
#: left.
ARTICLES = (
    "the",
    "a",
    "an",
    "in",
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "en",
    "au",
    "aux",
)
#: What separates several answers typed in one string.
_SEVERAL = re.compile(r"\s*(?:[,;/\n+&]|\band\b|\bet\b|\bor\b|\bou\b)\s*")
#: A year or a number at the end of a label ("DAES (ONU) 2020"), and a part in brackets.
_TRAILING_NUMBER = re.compile(r"\s*\{?\w*\}?\s*$")
_BRACKETS = re.compile(r"\s*\(([^)]*)\)\s*")


#: French names of the countries and places the exercises ask about (ISO alpha-3 or the
#: place's English name), so that 'Mauritanie' or "Côte-d'Ivoire" is read like the English,
#: in both editions. Matching folds accents, case, hyphens and apostrophes (:func:`fold`),
#: so "Côte d’Ivoire", "cote d'ivoire" and "COTE-D'IVOIRE" are one name.
FRENCH_NAMES = {
    "Afrique": "Africa",
    "Afrique subsaharienne": "Sub-Saharan Africa",
    "Afrique du Nord": "Northern Africa",
    "Ailleurs": "Elsewhere",
    "Reste du monde": "Elsewhere",
    "Émirats arabes unis": "ARE",
    "Gabon": "GAB",
    "Ghana": "GHA",
    "Congo": "COG",
    "Congo-Brazzaville": "COG",
    "Guinée-Conakry": "GIN",
    "RDC": "COD",
    "Niger": "NER",
    "Burkina": "BFA",
    "Burkina Faso": "BFA",
    "Canada": "CAN",
    "Portugal": "PRT",
    "Grèce": "GRC",
    "Angola": "AGO",
    "Kenya": "KEN",
    "Soudan du Sud": "SSD",
    "Mali": "MLI",
    "Royaume Uni": "GBR",
    "Grande-Bretagne": "GBR",
    "Afrique du Sud": "ZAF",
    "Algérie": "DZA",
    "Allemagne": "DEU",
    "Arabie saoudite": "SAU",
    "Belgique": "BEL",
    "Bénin": "BEN",
    "Cameroun": "CMR",
    "Cap-Vert": "CPV",
    "Centrafrique": "CAF",
    "Chine": "CHN",
    "Côte d'Ivoire": "CIV",
    "Égypte": "EGY",
    "Espagne": "ESP",
    "États-Unis": "USA",
    "États-Unis d'Amérique": "USA",
    "Gambie": "GMB",
    "Guinée": "GIN",
    "Guinée-Bissau": "GNB",
    "Guinée équatoriale": "GNQ",
    "Italie": "ITA",
    "Libye": "LBY",
    "Libéria": "LBR",
    "Maroc": "MAR",
    "Mauritanie": "MRT",
    "Nigéria": "NGA",
    "Pays-Bas": "NLD",
    "République centrafricaine": "CAF",
    "République du Congo": "COG",
    "République démocratique du Congo": "COD",
    "Royaume-Uni": "GBR",
    "Sénégal": "SEN",
    "Soudan": "SDN",
    "Suisse": "CHE",
    "Tchad": "TCD",
    "Tunisie": "TUN",
}


def fold(text: str) -> str:
    """Return ``text`` without accents, case, hyphens or typographic quotes, for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u02bc", "'").replace("-", " ").replace("\u2011", " ")
    return " ".join(text.casefold().split())


def without_article(folded: str) -> str:
    """Return a folded name without the articles and prepositions it starts with:
    ``"l'afrique"`` -> ``"afrique"``, ``"de la cote d'ivoire"`` -> ``"cote d'ivoire"``.

    A word that is the whole name is kept (``"de"`` stays ``"de"``).
    """
    changed = True
    while changed:
        changed = False
        for article in ARTICLES:
            if article.endswith("'"):
                rest = folded[len(article) :].lstrip() if folded.startswith(article) else ""
            else:
                rest = folded[len(article) + 1 :] if folded.startswith(article + " ") else ""
            if rest:
                folded, changed = rest, True
                break
    return folded


def singular(folded: str) -> str:
    """Return a folded name with each word's plural ending dropped: ``"passages alteres"``
    -> ``"passage altere"``, ``"bureaux"`` -> ``"bureau"``, ``"ambiguities"`` ->
    ``"ambiguity"``. Words of four letters or fewer (codes, "pays", "bas") are kept, and so
    is a double s ("press")."""
    words = []
    for word in folded.split(" "):
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 4 and word[-1] in "sx" and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def keys(text: str) -> list[str]:
    """Return the forms under which ``text`` is looked up: folded (without quotes around
    it or a full stop after it), then without article."""
    folded = fold(text).strip('"«»“” ').rstrip(".").strip()
    bare = without_article(folded)
    return [folded] if bare == folded else [folded, bare]


def label_variants(label: str) -> set[str]:
    """Return the ways a reader may copy a label a page shows, for the same thing.

    The label itself; without a trailing year or ``{placeholder}`` ("DAES (ONU) 2020" ->
    "DAES (ONU)"); without its part in brackets, and that part alone ("Document source
    (sources administratives)" -> "Document source", "sources administratives"); and each
    side of a slash ("Banque mondiale/KNOMAD" -> "Banque mondiale", "KNOMAD").
    """
    found = {label.strip()}
    undated = _TRAILING_NUMBER.sub("", label).strip() if re.search(r"(\d|\})\s*$", label) else ""
    if undated:
        found.add(undated)
    for text in list(found):
        inside = _BRACKETS.findall(text)
        found.update(part.strip() for part in inside)
        outside = _BRACKETS.sub(" ", text).strip()
        found.add(outside)
    for text in list(found):
        if "/" in text:
            found.update(part.strip() for part in text.split("/"))
    return {text for text in found if text}


def allowed_distance(folded: str) -> int:
    """Return how many edits (a letter added, dropped, changed, or two swapped) a typed
    name of this length may be from a known name and still count as it: none up to four
    characters (codes, short names), one up to eight, two beyond."""
    if len(folded) <= 4:
        return 0
    return 1 if len(folded) <= 8 else 2


def parts(text: str) -> list[str]:
    """Return the answers a string holds when it lists several ("Mali, Niger", "A et B"),
    or ``[text]`` when it holds one."""
    found = [p for p in _SEVERAL.split(text) if p.strip()]
    return found if len(found) > 1 else [text]


def in_each_language(make: Callable[[], T]) -> list[T]:
    """Return what ``make()`` gives in each edition's language, the edition's own last;
    the language is as it was afterwards (so the French labels of a table are read in the
    English edition too)."""
    current = i18n.language()
    order = [code for code in i18n.LANGUAGES if code != current] + [current]
    made = []
    try:
        for code in order:
            i18n.set_language(code)
            made.append(make())
    finally:
        i18n.set_language(current)
    return made


class Names:
    """A table of names -> ids, read the way :mod:`names` describes.

    ``names`` maps a name (any case, accents, apostrophe) to its id; every id also names
    itself. A name given to two ids stands for neither. With ``fuzzy`` False, only exact
    names count (ids that students copy, such as event ids with dates in them).
    """

    def __init__(
        self, names: Mapping[str, str] | Iterable[tuple[str, str]] = (), *, fuzzy: bool = True
    ) -> None:
        self._table: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        self.fuzzy = fuzzy
        #: True when the names include labels a page shows, not only ids.
        self.labelled = False
        self.update(names)

    def add(self, name: str, ident: str) -> None:
        """Add ``name`` for ``ident`` (and ``ident`` for itself); a name already given to
        another id stands for neither."""
        for text in (name, ident):
            for key in keys(str(text)):
                if not key:
                    continue
                known = self._table.setdefault(key, ident)
                if known != ident:
                    self._ambiguous.add(key)

    def update(self, names: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Add every ``name -> id`` of ``names``."""
        pairs = names.items() if isinstance(names, Mapping) else names
        for name, ident in pairs:
            self.add(name, ident)

    def exact(self, text: str) -> str | None:
        """Return the id ``text`` names once folded and without article, or else once
        in the singular (:func:`singular`), or None."""
        found = keys(text)
        for key in [*found, singular(found[-1])]:
            if key in self._table and key not in self._ambiguous:
                return self._table[key]
        return None

    def __call__(self, text: str) -> str | None:
        """Return the id of ``text``: an exact name, a label copied with or without its
        year or bracketed part (:func:`label_variants`), or a near-miss of one id's names
        only."""
        found = self.exact(text)
        if found is not None:
            return found
        copied = {self.exact(variant) for variant in label_variants(text)} - {None}
        if len(copied) == 1:
            return copied.pop()
        key = keys(text)[-1]
        limit = allowed_distance(key) if self.fuzzy else 0
        if not limit:
            return None
        choices = [k for k in self._table if k not in self._ambiguous]
        near = process.extract(
            key,
            choices,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=limit,
            limit=None,
        )
        if not near:
            return None
        best = min(score for _, score, _ in near)
        ids = {self._table[name] for name, score, _ in near if score == best}
        return ids.pop() if len(ids) == 1 else None


def resolver(names: Mapping[str, str], *, fuzzy: bool = True) -> Callable[[str], str | None]:
    """Return a resolver of ``names`` (text -> id; ids name themselves), read as
    :class:`Names` reads them, with the French or English of :data:`FRENCH_NAMES`; with
    ``fuzzy`` False, only exact names (folded, without article) count."""
    table = Names(names, fuzzy=fuzzy)
    for french, english in FRENCH_NAMES.items():
        if english in names.values():
            table.add(french, english)
        if french in names.values():  # a table already in French: accept the English too
            table.add(english, french)
    return table


@functools.cache
def _world() -> Names:
    """Every name of every country, English and French, and the French names of
    :data:`FRENCH_NAMES` that are countries."""
    world = Names(countries.all_names())
    world.update((k, v) for k, v in FRENCH_NAMES.items() if countries.is_valid_iso3(v))
    return world


def country_resolver(iso3s: Iterable[str], labels: Iterable[str]) -> Callable[[str], str | None]:
    """Return a resolver for countries among ``iso3s``: ISO code, the collection's name or
    any English or French name of the country (misspelt by a letter or two at most); a
    country outside ``iso3s`` gives None."""
    codes = list(iso3s)
    local = Names(dict(zip(labels, codes, strict=True)))

    def resolve(text: str) -> str | None:
        code = local.exact(text) or _world()(text)
        return code if code in codes else None

    return resolve


def table_names(name: str, *, fuzzy: bool = True) -> Names:
    """The ids of table ``name`` and the labels (``label``, ``short_label``) a page shows
    for them in either edition, so that a list copied from a French table is read as the
    ids the question asks for (no French table shows the ids of the constraints). Built
    once per version of the table's files. ``fuzzy`` False reads only exact names: event
    ids hold dates, and a near-miss may be another event's id or label."""
    folder = paths.data_dir()
    files = (folder / f"{name}.csv", folder / "fr" / f"{name}.csv")
    stamp = tuple(f.stat().st_mtime if f.exists() else 0.0 for f in files)
    return _names_of(name, stamp, fuzzy)


@functools.lru_cache(maxsize=8)
def _names_of(name: str, stamp: tuple[float, ...], fuzzy: bool = True) -> Names:
    names = Names(fuzzy=fuzzy)
    names.labelled = True
    for table in in_each_language(lambda: load(name)):
        for column in ("id", "short_label", "label"):
            if column in table.columns:
                names.update(
                    zip(table[column].astype("str"), table["id"].astype("str"), strict=True)
                )
    return names
