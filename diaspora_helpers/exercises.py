"""Answer checks for the teaching notebooks (``notebooks/exercises_*``).

Each ``check_...`` function takes a student's answer and returns a short verdict that
renders as Markdown and whose plain-text form is the same sentence, so strict nbval
compares it:

* "Not yet answered" when the answer is still ``None`` (or ``...`` or an empty string);
* "Correct." with one line on why the answer holds;
* "Not quite." with a hint that points at the method, never at the value.

A check never works from a typed-in answer: it computes the right one from ``data/``
through the collection's helpers (``figures``, ``demography``, ``remittances``,
``history``, ``policy``, ``audit``), with the same parameters the notebook runs with, so
a change of data or of parameter moves the expected answer with it. Numbers are accepted
within a stated tolerance, so an answer rounded as the exercise asks still counts.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import pandas as pd
from countryinfo import CountryInfo

from diaspora_helpers import audit, demography, figures, history, policy, remittances
from diaspora_helpers.data import load
from diaspora_helpers.text import Prose

BLANK, CORRECT, WRONG = "blank", "correct", "wrong"
DEFAULT_PEERS = ("SEN", "BFA", "NER", "CIV", "GIN", "MRT")
#: The event the timeline exercises are anchored on (the National Migration Policy) and
#: the forum whose aftermath exercise 4.2 reads.
POLICY_EVENT = "nmp_adopted_2014_09_03"
FIDIMA_EVENT = "fidima_2009_12"
#: The constraint of exercise 4.5.
COST_CONSTRAINT = "remittance_costs"

_settings = {"hints": True}

#: Exercise number -> its check, filled by the ``@_exercise`` decorator below.
EXERCISES: dict[str, Callable[..., Verdict]] = {}


class Verdict(Prose):
    """A check's verdict: Markdown in a notebook, the same text as plain text."""

    def __init__(self, status: str, text: str) -> None:
        super().__init__(text)
        self.status = status

    @property
    def correct(self) -> bool:
        """Return True when the answer was right."""
        return self.status == CORRECT


def set_hints(show: bool) -> None:
    """Show a hint with each wrong answer (True) or only say that it is wrong (False)."""
    _settings["hints"] = bool(show)


def hints_shown() -> bool:
    """Return whether wrong answers come with a hint."""
    return _settings["hints"]


def _exercise(number: str) -> Callable[[Callable[..., Verdict]], Callable[..., Verdict]]:
    """Register a check under its exercise number (e.g. "2.3").

    A blank answer is reported before any data is read, so an untouched notebook runs
    quickly and without error.
    """

    def register(check: Callable[..., Verdict]) -> Callable[..., Verdict]:
        if number in EXERCISES:
            raise ValueError(f"exercise {number} already has a check")

        @functools.wraps(check)
        def checked(answer: object, **params: object) -> Verdict:
            if _is_blank(answer):
                return _blank()
            return check(answer, **params)

        EXERCISES[number] = checked
        return checked

    return register


# -- verdicts -------------------------------------------------------------------------------


def _blank() -> Verdict:
    return Verdict(
        BLANK, "Not yet answered: replace `None` with your answer and run the cell again."
    )


def _right(why: str) -> Verdict:
    return Verdict(CORRECT, f"Correct. {why}")


def _wrong(hint: str) -> Verdict:
    if not _settings["hints"]:
        return Verdict(WRONG, "Not quite. Try again.")
    return Verdict(WRONG, f"Not quite. {hint}")


def _is_blank(answer: object) -> bool:
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


# -- reading answers ------------------------------------------------------------------------

_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")


def _as_number(answer: object) -> float | None:
    """Return the answer as a finite float: numbers, and text such as '27.5%' or '1,303,511'."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if not isinstance(answer, str):
        return None
    text = answer.strip().removesuffix("%").strip().replace(" ", "").replace("\u202f", "")
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma, as in the source document
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _fold(text: str) -> str:
    """Return ``text`` without accents, case or typographic quotes, for matching names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(text.casefold().split())


def _as_items(answer: object) -> list[str] | None:
    """Return a list of ids from a list, tuple, set, Series or comma-separated text."""
    if isinstance(answer, str):
        values: Iterable[object] = answer.split(",")
    elif isinstance(answer, list | tuple | set | frozenset | pd.Series | pd.Index):
        values = answer
    else:
        return None
    items = []
    for value in values:
        if not isinstance(value, str):
            return None
        if value.strip():
            items.append(value.strip().lower())
    return items


# -- grading --------------------------------------------------------------------------------

PERCENT, RATIO, PERSONS, USD, USD_MILLIONS, COUNT, POINTS = (
    "percent",
    "ratio",
    "persons",
    "usd",
    "usd_millions",
    "count",
    "points",
)
_EXAMPLES = {
    PERCENT: "a percentage such as 12.5 (for 12.5%)",
    RATIO: "a plain number such as 1.5",
    PERSONS: "a number of persons such as 250000",
    USD: "an amount in US dollars, such as 250",
    USD_MILLIONS: "millions of US dollars, such as 12.5",
    COUNT: "a whole number",
    POINTS: "percentage points, such as 1.5",
}


def _within(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance + 1e-12


def _grade_number(
    answer: object,
    correct: float,
    *,
    unit: str,
    tolerance: float,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
) -> Verdict:
    """Grade a numeric answer: right within ``tolerance``, known slips named, else a hint."""
    if _is_blank(answer):
        return _blank()
    value = _as_number(answer)
    if value is None:
        return _wrong(f"Give {_EXAMPLES[unit]}, without quotes or units.")
    if _within(value, correct, tolerance):
        return _right(why)
    for trap, trap_hint in traps:
        if not math.isnan(trap) and _within(value, trap, tolerance):
            return _wrong(trap_hint)
    if unit == PERCENT and _within(100 * value, correct, tolerance):
        return _wrong("Give the share in percent (12.5 for 12.5%), not as a fraction.")
    if unit == USD_MILLIONS and _within(value / 1e6, correct, tolerance):
        return _wrong("Give the amount in millions of US dollars (divide by one million).")
    if unit == PERSONS and _within(value * 1e6, correct, max(tolerance, 1.0)):
        return _wrong("Give the number of persons, not millions.")
    if unit != COUNT and _within(value, correct, 3 * tolerance):
        return _wrong("Close, but not close enough: do not round before the last step.")
    direction = "too high" if value > correct else "too low"
    return _wrong(f"{hint} (Your answer is {direction}.)")


def _grade_choice(
    answer: object,
    correct: str,
    *,
    resolve: Callable[[str], str | None],
    options: str,
    why: str,
    hint: str,
    traps: Mapping[str, str] | None = None,
) -> Verdict:
    """Grade a one-word answer; ``resolve`` maps what was typed to an id, or None."""
    if _is_blank(answer):
        return _blank()
    if not isinstance(answer, str):
        return _wrong(f"Give your answer as text: {options}.")
    chosen = resolve(answer)
    if chosen is None:
        return _wrong(f"That is not one of the possible answers: {options}.")
    if chosen == correct:
        return _right(why)
    return _wrong((traps or {}).get(chosen, hint))


def _grade_set(
    answer: object,
    correct: Collection[str],
    *,
    valid: Collection[str],
    what: str,
    why: str,
    hint: str,
) -> Verdict:
    """Grade a list of ids in any order: say how many are extra or missing, never which."""
    if _is_blank(answer):
        return _blank()
    items = _as_items(answer)
    if items is None:
        return _wrong(f"Give a list of {what} in quotes, like ['first_id', 'second_id'].")
    known = {v.lower() for v in valid}
    unknown = [i for i in items if i not in known]
    if unknown:
        noun = "entry is" if len(unknown) == 1 else "entries are"
        return _wrong(f"{len(unknown)} {noun} not among the {what}: copy ids from the table.")
    chosen, wanted = set(items), {c.lower() for c in correct}
    if chosen == wanted:
        return _right(why)
    extra, missing = len(chosen - wanted), len(wanted - chosen)
    parts = []
    if extra:
        parts.append(f"{extra} of your {what} should not be in the list")
    if missing:
        parts.append(f"{missing} more {'belongs' if missing == 1 else 'belong'} in it")
    return _wrong("; ".join(parts).capitalize() + f". {hint}")


def _grade_integer(
    answer: object,
    correct: int,
    *,
    why: str,
    hint: str,
    traps: Sequence[tuple[float, str]] = (),
) -> Verdict:
    """Grade a whole-number answer (a year, a rank, a count): it must match exactly."""
    if not _is_blank(answer):
        value = _as_number(answer)
        if value is not None and value != int(value):
            return _wrong("Give a whole number.")
    return _grade_number(
        answer, correct, unit=COUNT, tolerance=0.0, why=why, hint=hint, traps=traps
    )


def _resolver(names: Mapping[str, str]) -> Callable[[str], str | None]:
    """Return a resolver matching folded ``names`` (text -> id); ids match themselves."""
    table = {_fold(k): v for k, v in names.items()}
    table.update({_fold(v): v for v in names.values()})
    return lambda text: table.get(_fold(text))


def _country_resolver(iso3s: Iterable[str], labels: Iterable[str]) -> Callable[[str], str | None]:
    """Return a resolver for countries: ISO code, the collection's name or a countryinfo name."""
    codes = list(iso3s)
    by_name = _resolver(dict(zip(labels, codes, strict=True)))

    def resolve(text: str) -> str | None:
        found = by_name(text) or by_name(text.upper())
        if found is not None:
            return found
        try:
            code = CountryInfo(text.strip()).iso(3)
        except Exception:  # countryinfo raises several kinds of error for unknown names
            return None
        return code if code in codes else None

    return resolve


# -- session 1: counting the diaspora -------------------------------------------------------


@_exercise("1.1")
def check_share_of_all_malians(answer: object) -> Verdict:
    """Exercise 1.1: Malians abroad as a share (%) of all Malians, from the document's figures."""
    share = figures.share_of_all_malians(figures.key_figures())
    return _grade_number(
        answer,
        share["share_of_all_pct"],
        unit=PERCENT,
        tolerance=0.05,
        why="People abroad belong in the denominator too, so the share is smaller than "
        "the document's share of residents.",
        hint="Divide the Malians abroad by everyone: the residents counted in 2009 plus the "
        "people abroad.",
        traps=[
            (
                share["share_of_residents_pct"],
                "That is the share of residents, as the document computes it; add the people "
                "abroad to the denominator.",
            )
        ],
    )


@_exercise("1.2")
def check_admin_to_un_ratio(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 1.2: how many times the UN DESA count of ``un_year`` the administrative count is."""
    admin = float(figures.key_figures().at["malians_abroad", "value"])
    un = float(demography.total(un_year))
    return _grade_number(
        answer,
        admin / un,
        unit=RATIO,
        tolerance=0.05,
        why="The administrative figure is several times the UN count, because it counts a "
        "different population (nationals and their descendants, not people born in Mali).",
        hint="Divide the document's count of Malians abroad by the UN DESA World total of "
        "emigrants for the year in the parameters.",
        traps=[(un / admin, "You divided the other way round: administrative over UN.")],
    )


_KIND_ALIASES = {"UN DESA": "un_desa", "UN": "un_desa", "World Bank": "world_bank"}


@_exercise("1.3")
def check_count_with_descendants(answer: object) -> Verdict:
    """Exercise 1.3: which kind of count can include children born abroad to Malian parents."""
    kinds = demography.WHAT_IS_COUNTED
    correct = next(kind for kind, text in kinds.items() if "descendants" in text)
    names = {kind: kind for kind in kinds} | _KIND_ALIASES
    return _grade_choice(
        answer,
        correct,
        resolve=_resolver(names),
        options="one of the three kinds of count named in the exercise, in quotes",
        why="The UN and the World Bank count people born in Mali; a child born abroad to "
        "Malian parents is not one of them.",
        hint="Read what each estimate counts (demography.WHAT_IS_COUNTED): who was born in "
        "Mali, and who merely holds Malian nationality?",
    )


@_exercise("1.4")
def check_largest_gap_region(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 1.4: where the document's figure exceeds the UN's by the largest ratio."""
    table = demography.document_vs_un(figures.key_figures(), un_year)
    correct = str(table.loc[table["ratio_document_to_un"].idxmax(), "where"])
    places = {str(w): str(w) for w in table["where"]}
    return _grade_choice(
        answer,
        correct,
        resolve=_resolver(places),
        options="one of the three places named in the exercise, in quotes",
        why="A ratio puts places of very different size on the same footing, which a "
        "difference in persons does not.",
        hint="Compare ratios (document divided by UN), not differences in persons; "
        "demography.document_vs_un gives both columns.",
    )


@_exercise("1.5")
def check_foreign_born_ratio(answer: object) -> Verdict:
    """Exercise 1.5: the UN's born-abroad count (interpolated to 2009) over the census count."""
    key = figures.key_figures()
    count = float(key.at["foreigners_in_mali", "value"])
    year = int(key.at["foreigners_in_mali", "reference_year"])
    table = demography.foreigners_comparison(count, year)
    same_year = table[(table["year"] == year) & (table.index > 0)]
    correct = float(same_year["ratio_to_census"].iloc[-1])
    others = table[(table["year"] != year)]["ratio_to_census"]
    return _grade_number(
        answer,
        correct,
        unit=RATIO,
        tolerance=0.05,
        why="More people were born abroad than hold a foreign nationality: many of them are "
        "Malian citizens born in a neighbouring country.",
        hint="Estimate the UN's born-abroad count for the census year by a straight line "
        "between the UN estimates on either side, then divide by the census count.",
        traps=[
            (
                float(v),
                "That uses one UN estimate as it stands; interpolate to the census year first.",
            )
            for v in others
        ],
    )


# -- session 2: where Malians live ------------------------------------------------------------


def _destination_resolver(table: pd.DataFrame) -> Callable[[str], str | None]:
    return _country_resolver(table["iso3"], table["country"])


@_exercise("2.1")
def check_top_destination(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.1: the country where most Malians abroad live in ``un_year``."""
    table = demography.destinations(un_year)
    return _grade_choice(
        answer,
        str(table["iso3"].iloc[0]),
        resolve=_destination_resolver(table),
        options="a country where Malians live, by name or ISO code",
        why="Most Malians abroad live in neighbouring West African countries, not in Europe.",
        hint="Sort the destinations of that year by persons (demography.destinations does) "
        "and read the first row.",
    )


@_exercise("2.2")
def check_top3_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.2: the share (%) of Malians abroad living in the three largest destinations."""
    table = demography.destinations(un_year)
    correct = float(table["share_pct"].head(3).sum())
    return _grade_number(
        answer,
        correct,
        unit=PERCENT,
        tolerance=0.05,
        why="A few countries hold most of the diaspora: the distribution is very concentrated.",
        hint="Add the persons of the three largest destinations and divide by the total "
        "over all countries.",
        traps=[(float(table["share_pct"].iloc[0]), "That is the largest destination alone.")],
    )


@_exercise("2.3")
def check_africa_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.3: the share (%) of Malians abroad living elsewhere in Africa."""
    regions = demography.by_region(un_year).set_index("region_group")["share_pct"]
    return _grade_number(
        answer,
        demography.africa_share(un_year),
        unit=PERCENT,
        tolerance=0.05,
        why="Migration from Mali is mostly migration within Africa, which a Europe-centred "
        "debate tends to forget.",
        hint="Group the destinations by region (demography.by_region) and add the African groups.",
        traps=[
            (
                float(regions.get("Sub-Saharan Africa", math.nan)),
                "North Africa is in Africa too: add both African groups.",
            )
        ],
    )


@_exercise("2.4")
def check_fastest_growing(
    answer: object, *, start_year: int = 1990, un_year: int = 2020, n: int = 5
) -> Verdict:
    """Exercise 2.4: which of the ``n`` largest destinations grew fastest, in percent."""
    change = demography.change_between(start_year, un_year, n).dropna(subset=["change_pct"])
    fastest = str(change.loc[change["change_pct"].idxmax(), "iso3"])
    most = str(change.loc[change["change"].idxmax(), "iso3"])
    table = demography.destinations(un_year)
    traps = (
        {}
        if most == fastest
        else {
            most: "That one gained the most people; the question asks for the fastest growth "
            "in percent."
        }
    )
    in_top = set(change["iso3"])
    resolve = _destination_resolver(table)

    def resolve_top(text: str) -> str | None:
        code = resolve(text)
        return code if code in in_top else None

    return _grade_choice(
        answer,
        fastest,
        resolve=resolve_top,
        options="one of the largest destinations of the later year, by name or ISO code",
        why="Growth from a small base can be fast in percent while adding fewer people than "
        "a large destination.",
        hint="Put the two years side by side (demography.change_between), divide the change "
        "by the earlier count, and compare.",
        traps=traps,
    )


@_exercise("2.5")
def check_women_share(answer: object, *, un_year: int = 2020) -> Verdict:
    """Exercise 2.5: the share (%) of women among Malians abroad in ``un_year``."""
    totals = demography.totals_over_time()
    correct = float(totals.at[un_year, "female_share_pct"])
    return _grade_number(
        answer,
        correct,
        unit=PERCENT,
        tolerance=0.05,
        why="Women are a large minority of Malian emigrants, close to but below half.",
        hint="Divide the women (sex 'female', the World row) by both sexes together for that year.",
        traps=[(100 - correct, "That is the share of men.")],
    )


# -- session 3: money sent home ------------------------------------------------------------


@_exercise("3.1")
def check_remittance_share_of_gdp(answer: object, *, focus_year: int = 2020) -> Verdict:
    """Exercise 3.1: remittances as a share (%) of GDP in ``focus_year``, 2026 vintage."""
    series = remittances.mali_series()
    correct = remittances.value_in(series, focus_year, "share_2026_derived_pct")
    published = remittances.value_in(series, focus_year, "share_2022_published_pct")
    return _grade_number(
        answer,
        correct,
        unit=PERCENT,
        tolerance=0.05,
        why="Remittances are a sizeable part of Mali's economy, measured against the "
        "rebased GDP of the current World Bank release.",
        hint="Divide remittances received (BX.TRF.PWKR.CD.DT) by GDP (NY.GDP.MKTP.CD), both "
        "in current US$ from the same release.",
        traps=[
            (
                published,
                "That is the share the World Bank published in 2022, before Mali's GDP was "
                "rebased; compute it from the current release instead.",
            )
        ],
    )


def _peer_table(focus_year: int, peers: Sequence[str]) -> pd.DataFrame:
    return remittances.per_person(focus_year, ["MLI", *[p for p in peers if p != "MLI"]])


@_exercise("3.2")
def check_peer_rank(
    answer: object, *, focus_year: int = 2020, peers: Sequence[str] = DEFAULT_PEERS
) -> Verdict:
    """Exercise 3.2: Mali's rank (1 = most dependent) on remittances as a share of GDP."""
    table = _peer_table(focus_year, peers)
    rank, count = remittances.rank_of(table, "share_2026_derived_pct", "MLI")
    return _grade_integer(
        answer,
        rank,
        why="A share of GDP compares economies of very different size on the same footing.",
        hint="Rank Mali and the peer countries by remittances as a share of GDP, largest "
        "first (rank 1 is the largest share), and count Mali's place.",
        traps=[(count - rank + 1, "You counted from the smallest share; rank 1 is the largest.")],
    )


@_exercise("3.3")
def check_per_emigrant(answer: object, *, focus_year: int = 2020) -> Verdict:
    """Exercise 3.3: remittances received per Malian living abroad, in US$."""
    row = _peer_table(focus_year, []).iloc[0]
    return _grade_number(
        answer,
        float(row["per_emigrant_usd"]),
        unit=USD,
        tolerance=0.01 * float(row["per_emigrant_usd"]),
        why="Per emigrant, the yearly amount is modest: most Malians abroad live in poorer "
        "neighbouring countries.",
        hint="Divide remittances received by the UN DESA count of emigrants for the nearest "
        "UN year (remittances.per_person gives both).",
        traps=[
            (
                float(row["per_resident_usd"]),
                "That divides by the residents of Mali; divide by the people abroad.",
            )
        ],
    )


@_exercise("3.4")
def check_document_vs_world_bank(answer: object) -> Verdict:
    """Exercise 3.4: by how much (%) the document's remittance figure exceeds the World Bank's."""
    key = figures.key_figures()
    amount = float(key.at["remittances", "value"])
    year = int(key.at["remittances", "reference_year"])
    compared = remittances.document_amount(amount, year)
    as_if_euros = 100 * (compared["eur"] / compared["wb_usd"] - 1)
    return _grade_number(
        answer,
        compared["document_over_wb_pct"],
        unit=PERCENT,
        tolerance=0.05,
        why="Converted at the year's official rate, the central bank's figure and the World "
        "Bank's are close: both rest on the balance of payments.",
        hint="Convert the CFA francs to US dollars at the official rate of the reference "
        "year (currency.convert or remittances.document_amount), then compare with the "
        "World Bank's figure for that year.",
        traps=[
            (
                as_if_euros,
                "That compares euros with dollars; convert to US dollars at the year's rate.",
            )
        ],
    )


def _cost_point(focus_year: int) -> tuple[int, float]:
    year = remittances.cost_year(focus_year)
    return year, float(remittances.country_cost().loc[year])


@_exercise("3.5")
def check_cost_gap(
    answer: object, *, focus_year: int = 2020, target_cost_pct: float = 3.0
) -> Verdict:
    """Exercise 3.5: percentage points between the cost of sending money and the target."""
    _, cost = _cost_point(focus_year)
    return _grade_number(
        answer,
        cost - target_cost_pct,
        unit=POINTS,
        tolerance=0.05,
        why="The SDG 10.c target is a ceiling, so the gap is the cut still needed (negative "
        "once the cost is below it).",
        hint="Take the World Bank's average cost of sending money to Mali "
        "(SI.RMT.COST.IB.ZS) in the cost year and subtract the target.",
        traps=[(cost, "That is the cost itself; subtract the target.")],
    )


@_exercise("3.6")
def check_fee_savings(
    answer: object, *, focus_year: int = 2020, target_cost_pct: float = 3.0
) -> Verdict:
    """Exercise 3.6: what recipients would gain (US$ millions) if the cost fell to the target."""
    year, cost = _cost_point(focus_year)
    scenario = remittances.savings_scenario(target_cost_pct).set_index("year")
    gain = float(scenario.at[year, "gain_usd"]) / 1e6
    received = float(scenario.at[year, "remittances_usd"]) / 1e6
    simple = received * (cost - target_cost_pct) / 100
    return _grade_number(
        answer,
        gain,
        unit=USD_MILLIONS,
        tolerance=0.01 * abs(gain) + 0.005,
        why="Every point of cost removed is money that reaches families instead of "
        "transfer operators.",
        hint="Senders send S and families receive S(1 - c); keep S fixed and work out what "
        "arrives at the target cost (remittances.fee_saving).",
        traps=[
            (
                float(scenario.at[year, "fees_paid_usd"]) / 1e6,
                "That is everything paid in fees; the question asks what would be saved at "
                "the target cost, which is not zero.",
            ),
            (
                simple,
                "Close: that applies the cost cut to what arrived. Receipts are already net of "
                "fees, so first work out what was sent.",
            ),
        ],
    )


# -- session 4: policy over time, constraints and strategies ---------------------------------


def _event_resolver(table: pd.DataFrame) -> Callable[[str], str | None]:
    ids = {str(i): str(i) for i in table["id"]}
    return _resolver(ids)


@_exercise("4.1")
def check_forum_before_policy(answer: object) -> Verdict:
    """Exercise 4.1: the last forum held before the National Migration Policy was adopted."""
    ev = history.events()
    policy_start = float(ev.loc[ev["id"] == POLICY_EVENT, "start"].iloc[0])
    forums = ev[ev["kind"] == "forum"]
    before = forums[forums["start"] < policy_start]
    correct = str(before.sort_values("start")["id"].iloc[-1])
    traps = {
        str(i): "That one is not a forum: keep only events of kind 'forum'."
        for i in ev.loc[(ev["kind"] != "forum") & (ev["start"] < policy_start), "id"]
    }
    traps |= {
        str(i): "That forum came after the policy was adopted."
        for i in forums.loc[forums["start"] > policy_start, "id"]
    }
    traps |= {
        str(i): "That forum came before the policy, but another forum came later still."
        for i in before["id"]
        if str(i) != correct
    }
    return _grade_choice(
        answer,
        correct,
        resolve=_event_resolver(ev),
        options="an event id from history.events()",
        why="The policy was shared with the diaspora in draft before it was adopted.",
        hint="Filter history.events() to forums, keep those that start before the policy's "
        "date and take the latest.",
        traps=traps,
    )


@_exercise("4.2")
def check_events_after_fidima(answer: object, *, within_years: float = 1.0) -> Verdict:
    """Exercise 4.2: the events that started within ``within_years`` after FIDIMA."""
    ev = history.events()
    after = history.followed(ev, FIDIMA_EVENT, within_years)
    return _grade_set(
        answer,
        list(after["id"]),
        valid=list(ev["id"]),
        what="event ids",
        why="Following in time is not following from: the timeline shows sequence, and "
        "other sources must show cause.",
        hint="Keep the events whose start is after FIDIMA's and no more than the window "
        "later (compare the `start` column).",
    )


@_exercise("4.3")
def check_busiest_year(answer: object) -> Verdict:
    """Exercise 4.3: the year in which the most events of the timeline started."""
    busiest = history.busiest_years(history.events(), 1)
    return _grade_integer(
        answer,
        int(busiest["year"].iloc[0]),
        why="Several laws and codes were enacted within weeks of each other that year.",
        hint="Count events by their start year (history.per_year or a groupby) and take "
        "the largest count; on a tie, the earlier year.",
    )


@_exercise("4.4")
def check_unaddressed_constraints(answer: object, *, scope: str = "all") -> Verdict:
    """Exercise 4.4: the constraints that no strategy in ``scope`` addresses, even partly."""
    return _grade_set(
        answer,
        list(policy.gaps(scope=scope).index),
        valid=list(load("constraints")["id"]),
        what="constraint ids",
        why="Several of the constraints left open lie outside what a diaspora policy can "
        "change on its own.",
        hint="Use the coverage matrix (policy.coverage_matrix): a constraint is a gap when "
        "its whole column is zero.",
    )


@_exercise("4.5")
def check_strategies_on_cost(answer: object) -> Verdict:
    """Exercise 4.5: the strategies that directly address the cost of sending money."""
    cover = policy.coverage()
    direct = cover[(cover["constraint_id"] == COST_CONSTRAINT) & (cover["strength"] == "direct")]
    return _grade_set(
        answer,
        list(direct["strategy_id"]),
        valid=list(load("strategies")["id"]),
        what="strategy ids",
        why="The document does answer this constraint, with more than one lever.",
        hint="Filter policy.coverage() to that constraint and to links of strength 'direct'.",
    )


@_exercise("4.6")
def check_strategies_without_constraint(answer: object, *, scope: str = "all") -> Verdict:
    """Exercise 4.6: the strategies in ``scope`` that answer none of the listed constraints."""
    return _grade_set(
        answer,
        list(policy.unlinked_strategies(scope=scope).index),
        valid=list(load("strategies")["id"]),
        what="strategy ids",
        why="A strategy with no listed constraint behind it answers a problem the document "
        "never states.",
        hint="In the coverage matrix, look for rows that are zero throughout.",
    )


# -- session 5: source criticism ------------------------------------------------------------


@_exercise("5.1")
def check_france_share(answer: object) -> Verdict:
    """Exercise 5.1: the document's count of Malians in France as a share (%) of residents."""
    shares = figures.recomputed_shares(figures.key_figures())
    row = shares.loc["malians_in_france"]
    return _grade_number(
        answer,
        float(row["recomputed_share_pct"]),
        unit=PERCENT,
        tolerance=0.01,
        why="The printed share cannot come from the printed count: one of the two is wrong.",
        hint="Divide the count of Malians in France by the resident population of the 2009 "
        "census; keep two decimals.",
        traps=[
            (
                float(row["stated_share_pct"]),
                "That is the share the document prints; recompute it from the count.",
            )
        ],
    )


@_exercise("5.2")
def check_disagreeing_shares(answer: object) -> Verdict:
    """Exercise 5.2: the key figures whose printed share does not match their count."""
    shares = figures.recomputed_shares(figures.key_figures())
    return _grade_set(
        answer,
        list(shares.index[~shares["agrees"]]),
        valid=list(shares.index),
        what="key-figure ids",
        why="A share is right only if the count divided by the population gives it at the "
        "precision printed.",
        hint="Recompute every share and round it as the document printed it (one decimal "
        "for 1.3, none for 24) before comparing.",
    )


@_exercise("5.3")
def check_unplaced_abroad(answer: object) -> Verdict:
    """Exercise 5.3: how many Malians abroad the document places neither in Africa nor Europe."""
    table = figures.abroad_breakdown(figures.key_figures()).set_index("where")
    correct = float(table.loc["Not placed by the document", "persons"])
    france = float(table.loc["France", "persons"])
    return _grade_number(
        answer,
        correct,
        unit=PERSONS,
        tolerance=0.5,
        why="The document's parts leave a remainder it never names, probably the Americas, "
        "the Middle East and Asia.",
        hint="Subtract the parts from the total once each.",
        traps=[
            (
                correct - france,
                "France is part of Europe: subtracting it as well counts it twice.",
            )
        ],
    )


def _tokten_stated() -> dict[str, float]:
    totals = load("tokten_totals")
    return dict(
        zip(totals["measure"].astype("str"), totals["value"].astype("float64"), strict=True)
    )


@_exercise("5.4")
def check_tokten_double_count(answer: object) -> Verdict:
    """Exercise 5.4: by how much the sum of every TOKTEN row exceeds the stated trainee total."""
    rows = load("tokten_results")
    check = history.check_totals(rows, _tokten_stated(), ["trainees"]).iloc[0]
    return _grade_integer(
        answer,
        int(round(check["difference"])),
        why="The education subtotal row repeats its three degree rows: summing a table with "
        "subtotals in it counts them twice.",
        hint="Add the trainees of every row of tokten_results as it stands, then subtract the "
        "stated total from tokten_totals.",
    )


def _is_subtotal(rows: pd.DataFrame) -> pd.Series:
    """Return True for rows that add up other rows of the same sector ('all' beside details)."""
    detailed = set(rows.loc[rows["degree_level"].astype("str") != "all", "sector"].astype("str"))
    return (rows["degree_level"].astype("str") == "all") & rows["sector"].astype("str").isin(
        detailed
    )


@_exercise("5.5")
def check_tokten_health_women(answer: object) -> Verdict:
    """Exercise 5.5: how many women among the health trainees the stated total implies."""
    rows = load("tokten_results")
    parts = rows[~_is_subtotal(rows) & (rows["sector"].astype("str") != "health")]
    check = history.check_totals(parts, _tokten_stated(), ["women"]).iloc[0]
    return _grade_integer(
        answer,
        int(round(-check["difference"])),
        why="The document leaves the figure out, but its own total pins it down.",
        hint="Subtract the women of every other sector (without counting a subtotal twice) "
        "from the stated total of women.",
    )


@_exercise("5.6")
def check_commonest_problem(answer: object) -> Verdict:
    """Exercise 5.6: the kind of problem recorded most often in the source audit."""
    counts = audit.entries()["severity"].astype("str").value_counts()
    correct = str(counts.sort_index().idxmax())
    kinds = {k: k for k in counts.index}
    return _grade_choice(
        answer,
        correct,
        resolve=_resolver(kinds),
        options="one of the values of the `severity` column of the source audit",
        why="Most problems are not outright errors but passages that can be read more than "
        "one way, which is why each reading is recorded with its treatment.",
        hint="Count the audit entries by their `severity` column (value_counts).",
    )
