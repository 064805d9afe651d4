"""Sentences of notebook 03 (institutional history), computed from its tables.

Each function takes what the notebook has computed with :mod:`diaspora_helpers.analysis`
(``timeline``, ``institutions``, ``legal``) and returns a
:class:`diaspora_helpers.text.Prose` in the edition's language. Counts are whole numbers of
rows; years are calendar years; percentages are in percent; dates are ISO strings
(``"1995-08-25"``, ``"2000-03"``) read at the precision the tables give. The sentences on
TOKTEN are in :mod:`diaspora_helpers.prose.tokten`.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import i18n, tables, text
from diaspora_helpers.analysis import timeline
from diaspora_helpers.i18n import N_, _, ngettext

#: The institutions the landscape sentence names, by id.
MINISTRY_ABROAD = "ministry_malians_abroad"
MINISTRY_FINANCE = "ministry_economy_finance"
COUNCIL = "hcme"
KAYES_SPACE = "emdk"


def _waves(n: int) -> str:
    return ngettext("{n} wave", "{n} waves", n).format(n=text.spelled(n, feminine=True))


def _stretches(n: int) -> str:
    return ngettext("{n} stretch", "{n} stretches", n).format(n=text.spelled(n, feminine=True))


def kind_count(kind: str, n: int, written: str | None = None) -> str:
    """Return ``n`` events of ``kind`` in words: "nine forums and consultations",
    "one period of missions" (a kind without a noun reads "{n} {kind}").

    ``written`` is the number as the sentence writes it, when a series of counts decides it
    (:func:`describe_counts`: all in figures once one is above ten); by default
    :func:`text.spelled`."""
    nouns = {
        "forum": ngettext("{n} forum or consultation", "{n} forums and consultations", n),
        "institution": ngettext(
            "{n} new institution or office", "{n} new institutions and offices", n
        ),
        "programme": ngettext("{n} programme milestone", "{n} programme milestones", n),
        "law_policy": ngettext("{n} law or policy", "{n} laws and policies", n),
        "mission": ngettext("{n} period of missions", "{n} periods of missions", n),
    }
    # Only "forums" take the masculine "one" in French; English has one form.
    if written is None:
        written = text.spelled(n, feminine=kind != "forum")
    return nouns.get(kind, "{n} " + kind).format(n=written)


def describe_counts(table: pd.DataFrame) -> str:
    """Return how many events of each kind a table holds (a ``kind`` column of codes), in
    lane order (``timeline.KIND_ORDER``; other kinds after, alphabetically).

    The counts are a series, written alike (:func:`text.spelled_alike`): all in words when
    each is ten or less ("two forums…, one law or policy"), else all in figures ("9 forums…,
    18 laws and policies and 1 period of missions")."""
    counts = table["kind"].astype("str").value_counts()
    order = timeline.KIND_ORDER
    kinds = [k for k in order if k in counts.index] + sorted(set(counts.index) - set(order))
    written = text.spelled_alike(*[(int(counts[k]), k != "forum") for k in kinds])
    parts = [kind_count(k, int(counts[k]), w) for k, w in zip(kinds, written, strict=True)]
    if not parts:
        return _("no events")
    return text.listing(parts)


def event_count(shown: pd.DataFrame, start_year: int, end_year: int) -> text.Prose:
    """Say how many events of the kinds shown the document dates between two years.

    ``shown`` is ``timeline.select_events(...)`` (one row per event, a ``kind`` column).
    """
    n = len(shown)
    if not n:
        return text.say(
            _(
                "Between {start} and {end} the document dates no event of the kinds shown here."
            ).format(start=start_year, end=end_year)
        )
    return text.say(
        ngettext(
            "Between {start} and {end} the document dates {n} event of the kinds shown "
            "here: {counts}.",
            "Between {start} and {end} the document dates {n} events of the kinds shown "
            "here: {counts}.",
            n,
        ).format(start=start_year, end=end_year, n=text.spelled(n), counts=describe_counts(shown))
    )


def rhythm(summary: pd.DataFrame, quiet: list[tuple[int, int]], n_events: int) -> text.Prose:
    """Say how many waves the events form, the quiet years between them, and the two largest.

    ``summary`` is ``timeline.wave_summary(...)`` (columns ``wave``, ``years``, ``events``),
    ``quiet`` is ``timeline.quiet_stretches(...)`` (first and last year of each run of years
    in which nothing starts) and ``n_events`` the number of events shown.
    """
    stretches = [text.span(a, b) for a, b in quiet]
    if len(summary) == 1:  # nothing to set apart: the quiet years, if any, lie around it
        first = _("The events form a single wave.")
        if stretches:
            first += " " + _("No new event starts in {years}.").format(
                years=text.listing(stretches)
            )
    elif len(summary):
        first = _(
            "The events fall into {waves}, set apart by {stretches} of years in which "
            "nothing new starts ({years})."
        ).format(
            waves=_waves(len(summary)),
            stretches=_stretches(len(quiet)),
            years=text.listing(stretches) or _("none"),
        )
    else:
        first = _("With no events in these years, there is no rhythm to describe.")
    biggest = summary.sort_values(["events", "wave"], ascending=[False, True]).head(2)
    second = ""
    if len(biggest) == 2:
        second = _(
            "The largest waves, {first} and {second}, hold {n} of the {total} events."
        ).format(
            first=text.period(biggest["years"].iloc[0]),
            second=text.period(biggest["years"].iloc[1]),
            n=text.spelled(int(biggest["events"].sum())),
            total=text.spelled(n_events),
        )
    return text.say(f"{first} {second}")


# Headers of a wave summary's own columns: ``events`` counts the wave's events, ``what``
# lists them by name (so the list, not the count, is headed "Events").
WAVE_HEADERS = {"events": N_("Number of events"), "what": N_("Events")}


def wave_columns(summary: pd.DataFrame) -> dict[str, str]:
    """Return the headers of a wave summary's table (``timeline.wave_summary(...)``):
    column -> English header, translated by :func:`diaspora_helpers.tables.show`; a kind's
    count column is headed by the kind's lane label, ``events`` (a count) by "Number of
    events" and ``what`` (the events' names) by "Events"."""
    return {
        str(column): WAVE_HEADERS.get(
            str(column), timeline.KIND_LABELS.get(str(column), tables.label(str(column)))
        )
        for column in summary
    }


def peaks(peak_years: dict[str, str]) -> text.Prose:
    """Say in which wave each kind of event peaks.

    ``peak_years`` is ``timeline.peak_waves(...)``: kind code -> years of its busiest wave.
    """
    if len(peak_years) <= 1:
        return text.say(
            _("With a single kind of event or none in view, there are no peaks to compare.")
        )
    parts = [
        _("{kind} in {years}").format(
            kind=i18n.word(kind, timeline.KIND_LABELS).lower(), years=text.period(years)
        )
        for kind, years in peak_years.items()
    ]
    return text.say(
        _("The kinds peak at different times: {peaks}.").format(peaks=text.items(parts))
    )


def stated_sequences(events: pd.DataFrame) -> text.Prose:
    """Say which events the document itself links to earlier ones, with their dates.

    ``events`` is ``timeline.events()`` (all events: the ids below must be there, else
    ``KeyError``).
    """
    when = {
        key: text.period(timeline.when(events, event_id))
        for key, event_id in {
            "council": "hcme_founded_1991_11",
            "conference": "national_conference_1991",
            "unit": "codev_unit_2002",
            "convention": "codev_convention_2000_12",
            "framework": "consultation_framework_2010_03",
            "meetings": "policy_meetings_2011_09",
            "adopted": "nmp_adopted_2014_09_03",
            "fidima": "fidima_2009_12",
            "istm": "diaspo_istm_2010_07",
        }.items()
    }
    return text.say(
        _(
            "The High Council of Malians Abroad was founded in {council}, after the National "
            "Conference of {conference} (section 4). The co-development unit dates from "
            "{unit}, set up to carry out the convention signed in {convention} (sections 3 "
            "and 5.1). The consultation framework of {framework} was created to help draw up "
            "the migration policy, whose draft was discussed with the diaspora abroad in "
            "{meetings} and which was adopted on {adopted} (sections 1.2 and 5). And the "
            "current strategies include carrying out the advice of the investors' forum of "
            "{fidima} and the scientific diaspora's forum of {istm} (section 7)."
        ).format(**when)
    )


def _supervised(nodes: pd.DataFrame, links: pd.DataFrame, supervisor: str) -> list[str]:
    """Return the names of the bodies ``supervisor`` supervises, each followed by its
    acronym in the edition when it has one ("… Expatriate Nationals (TOKTEN)"), the name
    by which the rest of the page calls it."""
    named = {
        str(i): f"{name} ({acronym})" if isinstance(acronym, str) and acronym.strip() else name
        for i, name, acronym in zip(nodes["id"], nodes["name"], nodes["acronym"], strict=True)
    }
    mine = links[(links["from_id"] == supervisor) & (links["relation"] == "supervises")]
    return [named[str(n)] for n in mine["to_id"]]


def landscape(
    nodes: pd.DataFrame,
    links: pd.DataFrame,
    bands: dict[str, list[str]],
    figures: pd.DataFrame,
) -> text.Prose:
    """Say how the ministries share the diaspora's bodies, where the council stands, what the
    Kayes space gathers and which bodies have no stated link.

    ``nodes`` and ``links`` come from ``institutions.supervision_graph()`` (ids, names,
    acronyms; from_id, to_id, relation), ``bands`` from ``institutions.landscape_bands``
    and ``figures`` from ``institutions.figures_about`` (indexed by id, with the row
    ``emdk_member_structures``; ``KeyError`` without it).
    """
    info = nodes.set_index("id")
    seats = links[(links["from_id"] == COUNCIL) & (links["relation"] == "sits_on")]
    members = links[(links["to_id"] == KAYES_SPACE) & (links["relation"] == "member_of")]
    unlinked = list(info.loc[bands.get("unlinked", []), "name"])
    supervised = ((links["to_id"] == COUNCIL) & (links["relation"] == "supervises")).any()
    ministries = _(
        "Diaspora affairs are split between {n} ministries: the {abroad} supervises the "
        "{abroad_bodies}, while the {finance} supervises the {finance_bodies}."
    ).format(
        n=text.spelled(int((nodes["kind"] == "ministry").sum())),
        abroad=text.in_sentence(info.at[MINISTRY_ABROAD, "name"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        abroad_bodies=text.listing(_supervised(nodes, links, MINISTRY_ABROAD)),
        finance=text.in_sentence(info.at[MINISTRY_FINANCE, "name"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        finance_bodies=text.listing(_supervised(nodes, links, MINISTRY_FINANCE)),
    )
    council = (
        _("The {council} advises the government and sits on {n} national councils.")
        if supervised
        else _(
            "The document names no body that supervises the diaspora's own council, the "
            "{council}, though it lists following the council's activities among the "
            "ministry's work of 2015: the {council} advises the government and sits on {n} "
            "national councils."
        )
    ).format(council=info.at[COUNCIL, "acronym"], n=text.spelled(len(seats)))
    kayes = _(
        "In Kayes, the regional council's EMDK gathers at least {groups} groups of members, "
        "{structures} structures in all."
    ).format(
        groups=text.spelled(len(members)),
        structures=text.number(figures.at["emdk_member_structures", "value"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    )
    loose = (
        _(
            "The document names {n} bodies without saying whom they answer to or work with: "
            "{names}."
        ).format(n=text.spelled(len(unlinked)), names=text.listing(unlinked))
        if unlinked
        else _("The document states a link for every body.")
    )
    return text.say(f"{ministries} {council} {kayes} {loose}")


def legal_offer(laws: pd.DataFrame, lease_years: float) -> text.Prose:
    """Say what the nationality, investment, land, tax and procurement texts offer.

    ``laws`` is ``legal.legal_by_domain()`` (ids ``law_95_70``, ``law_2011_087``,
    ``law_2012_016``, ``land_code_2000``, ``law_06_067`` and ``decree_2015_0604`` with
    their ISO ``date``; ``KeyError`` without one); ``lease_years`` the land lease term in
    years.
    """
    dates = laws.set_index("id")["date"]

    def on(law: str, precision: str = "day") -> str:
        return text.date_words(timeline.iso_at(dates[law], precision))

    return text.say(
        _(
            "Citizenship matters first: since the nationality law of {nationality}, carried "
            "over by the persons and family code of {family}, a Malian who takes another "
            "nationality stays Malian unless they say otherwise, and so keeps the vote and "
            "the rights of any citizen. The investment code of {investment} treats every "
            "investor settled in Mali alike, so it neither favours nor excludes the "
            "diaspora. Land can be leased for {lease} years, renewable, under the land code "
            "({land}, as amended). The tax code of {tax} applies the main taxes to all "
            "companies, and the procurement code of {procurement} is only listed, with no "
            "detail. The document offers these texts as favourable to diaspora investment, "
            "not as special treatment."
        ).format(
            nationality=on("law_95_70"),
            family=on("law_2011_087"),
            investment=on("law_2012_016"),
            lease=int(lease_years),
            land=on("land_code_2000", "month"),
            tax=on("law_06_067"),
            procurement=on("decree_2015_0604"),
        )
    )


def land_code_amendments(laws: pd.DataFrame) -> text.Prose:
    """Say, for each amendment of the land code, what the document prints and which text it is.

    ``laws`` is ``legal.legal_by_domain()``; the amendments are its rows whose
    ``related_id`` is ``land_code_2000``. What the document prints is quoted in English
    (the source's language).
    """
    amendments = laws[laws["related_id"] == "land_code_2000"]
    sentences = []
    for row in tables.rows(amendments):
        when = text.date_words(timeline.iso_at(row.date, row.date_precision))
        if isinstance(row.reference_as_printed, str):
            sentence = _(
                'Where the document prints "{printed} of {printed_date}", the text is '
                "{reference} of {date}."
            )
        else:
            sentence = _(
                'Where the document prints only the date "{printed_date}", the text is '
                "{reference} of {date}."
            )
        sentences.append(
            sentence.format(
                printed=row.reference_as_printed,
                printed_date=row.date_as_printed,
                reference=text.in_sentence(row.reference),
                date=when,
            )
        )
    return text.say(" ".join(sentences))


def codevelopment(figures: pd.DataFrame, events: pd.DataFrame) -> text.Prose:
    """Say what co-development rests on, when it started, and where it could not go.

    ``figures`` is ``institutions.figures_about(...)`` with the rows
    ``northern_regions_excluded``, ``associations_in_france`` and
    ``codev_regional_partnerships`` (``KeyError`` without one); ``events`` is
    ``timeline.events()``.
    """
    north = figures.at["northern_regions_excluded", "value"]
    return text.say(
        _(
            "Co-development rests on about {associations} Malian associations in France. The "
            "convention dates from {convention}; the technical unit took on the EU-funded "
            "support project in {project} and widened its audience beyond France. It was "
            "meant to support every region of Mali, but signed partnerships with {partners} "
            "regional councils only: the security situation kept it out of the {north} "
            "northern regions. The document gives no amount for the programme itself, and "
            "names none of the regions concerned."
        ).format(
            associations=text.number(figures.at["associations_in_france", "value"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            convention=text.period(timeline.when(events, "codev_convention_2000_12")),
            project=text.period(timeline.when(events, "codev_support_project_2009_10")),
            partners=text.spelled(int(figures.at["codev_regional_partnerships", "value"])),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            north=text.spelled(int(north), feminine=True),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        )
    )


__all__ = [
    "codevelopment",
    "event_count",
    "land_code_amendments",
    "landscape",
    "legal_offer",
    "peaks",
    "rhythm",
    "stated_sequences",
]
