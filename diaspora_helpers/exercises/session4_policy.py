"""Checks of session 4: The policy timeline and what strategies answer.

Each check computes its expected answer from ``data/`` with the notebook's parameters
and replies with a :class:`~diaspora_helpers.exercises.grading.Verdict`.
"""

from __future__ import annotations

from diaspora_helpers import text as formats
from diaspora_helpers.analysis import policy, timeline
from diaspora_helpers.data import load
from diaspora_helpers.exercises.grading import (
    Verdict,
    exercise,
    grade_choice,
    grade_integer,
    grade_set,
)
from diaspora_helpers.exercises.names import table_names
from diaspora_helpers.i18n import _, ngettext

#: The event the timeline exercises are anchored on (the National Migration Policy) and
#: the forum whose aftermath exercise 4.2 reads.
POLICY_EVENT = "nmp_adopted_2014_09_03"


FIDIMA_EVENT = "fidima_2009_12"


#: The constraint of exercise 4.5.
COST_CONSTRAINT = "remittance_costs"


@exercise("4.1")
def check_forum_before_policy(answer: object) -> Verdict:
    """Exercise 4.1: the last forum held before the National Migration Policy was adopted."""
    ev = timeline.events()
    policy_start = float(ev.loc[ev["id"] == POLICY_EVENT, "start"].iloc[0])
    forums = ev[ev["kind"] == "forum"]
    before = forums[forums["start"] < policy_start]
    correct = str(before.sort_values("start")["id"].iloc[-1])
    traps = {
        str(i): _("That one is not a forum: keep only events of kind `forum`.")
        for i in ev.loc[(ev["kind"] != "forum") & (ev["start"] < policy_start), "id"]
    }
    traps |= {
        str(i): _("That forum came after the policy was adopted.")
        for i in forums.loc[forums["start"] > policy_start, "id"]
    }
    traps |= {
        str(i): _("That forum came before the policy, but another forum came later still.")
        for i in before["id"]
        if str(i) != correct
    }
    return grade_choice(
        answer,
        correct,
        resolve=table_names("events", fuzzy=False),
        options=_('an event id (column "ID" of the timeline table)'),
        why=_("The policy was shared with the diaspora in draft before it was adopted."),
        hint=_(
            "Filter `timeline.events()` to forums, keep those that start before the policy's "
            "date and take the latest."
        ),
        traps=traps,
    )


@exercise("4.2")
def check_events_after_fidima(answer: object, *, within_years: float = 1.0) -> Verdict:
    """Exercise 4.2: the events that started within ``within_years`` after FIDIMA."""
    ev = timeline.events()
    after = timeline.followed(ev, FIDIMA_EVENT, within_years)
    year = int(ev.loc[ev["id"] == FIDIMA_EVENT, "year"].iloc[0])
    by_year = ev[(ev["year"] > year) & (ev["year"] <= year + within_years)]
    return grade_set(
        answer,
        list(after["id"]),
        valid=table_names("events", fuzzy=False),
        what=_("event ids"),
        traps=[
            ([*after["id"], FIDIMA_EVENT], _("FIDIMA itself is not one of what followed it.")),
            (
                list(by_year["id"]),
                _(
                    "Compare the “Start” column (`start`), which places an event within its "
                    "year, not the year alone."
                ),
            ),
        ],
        why=_(
            "Following in time is not following from: the timeline shows sequence, and "
            "other sources must show cause."
        ),
        hint=_(
            "Keep the events whose start is after FIDIMA's and no more than the window "
            "later (compare the “Start” column, `start`)."
        ),
    )


def _busiest_why(n: int, tied: int) -> str:
    """Return why the busiest year is right: ``n`` events that year, ``tied`` other years
    with as many."""
    if not tied:
        return ngettext(
            "That year, {n} event of the timeline started, the most of any year.",
            "That year, {n} events of the timeline started, the most of any year.",
            n,
        ).format(n=formats.spelled(n))
    return ngettext(
        "That year, {n} events of the timeline started, the most of any year; {tied} other "
        "year has as many, and a tie goes to the earliest.",
        "That year, {n} events of the timeline started, the most of any year; {tied} other "
        "years have as many, and a tie goes to the earliest.",
        tied,
    ).format(n=formats.spelled(n), tied=formats.spelled(tied, feminine=True))


@exercise("4.3")
def check_busiest_year(answer: object) -> Verdict:
    """Exercise 4.3: the year in which the most events of the timeline started."""
    ranked = timeline.busiest_years(timeline.events(), n=100)
    year, n = int(ranked["year"].iloc[0]), int(ranked["events"].iloc[0])
    tied = int((ranked["events"] == n).sum()) - 1
    return grade_integer(
        answer,
        year,
        why=_busiest_why(n, tied),
        hint=_(
            "Count events by their start year (`timeline.per_year` or a groupby) and take "
            "the largest count; on a tie, the earlier year."
        ),
        year=True,
    )


@exercise("4.4")
def check_unaddressed_constraints(answer: object, *, scope: str = "all") -> Verdict:
    """Exercise 4.4: the constraints that no strategy in ``scope`` addresses, even partly."""
    strongest = policy.coverage_matrix(scope=scope).max()
    traps = [
        (
            list(strongest.index[strongest < 2]),
            _("A 1 in the matrix counts too: a constraint answered in part is addressed."),
        ),
        (
            list(strongest.index[strongest > 0]),
            _(
                "Those are the constraints some strategy addresses; the question asks for "
                "the ones none does."
            ),
        ),
    ]
    if scope != "all":
        traps.append(
            (
                list(policy.gaps(scope="all").index),
                _("Only the strategies in `scope` count: filter the matrix to them first."),
            )
        )
    return grade_set(
        answer,
        list(strongest.index[strongest == 0]),
        valid=table_names("constraints"),
        what=_("constraint ids"),
        traps=traps,
        why=_(
            "Several of the constraints left open lie outside what a diaspora policy can "
            "change on its own."
        ),
        hint=_(
            "Use the coverage matrix (`policy.coverage_matrix`): a constraint is a gap when "
            "its whole column is zero."
        ),
    )


@exercise("4.5")
def check_strategies_on_cost(answer: object) -> Verdict:
    """Exercise 4.5: the strategies that directly address the cost of sending money."""
    cover = policy.coverage()
    on_cost = cover[cover["constraint_id"] == COST_CONSTRAINT]
    direct = on_cost[on_cost["strength"] == "direct"]
    return grade_set(
        answer,
        list(direct["strategy_id"]),
        valid=table_names("strategies"),
        what=_("strategy ids"),
        traps=[
            (
                list(on_cost["strategy_id"]),
                _("Only the links of strength `direct` count, not those in part."),
            )
        ],
        why=_(
            "In the collection's reading (the document itself never links strategies to "
            "constraints), more than one of its strategies answers this constraint directly."
        ),
        hint=_("Filter `policy.coverage()` to that constraint and to links of strength `direct`."),
    )


@exercise("4.6")
def check_strategies_without_constraint(answer: object, *, scope: str = "all") -> Verdict:
    """Exercise 4.6: the strategies in ``scope`` that answer none of the listed constraints."""
    in_scope = set(policy.strategies_in_scope(scope=scope)["id"].astype("str"))
    every = set(load("strategies")["id"].astype("str"))
    unlinked = set(policy.unlinked_strategies(scope=scope).index)
    return grade_set(
        answer,
        list(unlinked),
        valid=table_names("strategies"),
        what=_("strategy ids"),
        outside=[
            (
                sorted(every - in_scope),
                _("Your list holds strategies outside `scope`: only those in scope count."),
            )
        ],
        traps=[
            (
                sorted(in_scope - unlinked),
                _(
                    "Those are the strategies that answer some constraint; the question asks "
                    "for the ones that answer none."
                ),
            )
        ],
        why=_(
            "A strategy that answers none of the constraints listed in section 6 is tied to "
            "no obstacle of that list. It may still meet a need the document states "
            "elsewhere: the fund to back investment, for one, echoes the guarantee fund the "
            "diaspora forums asked for (section 1.2)."
        ),
        hint=_("In the coverage matrix, look for rows that are zero throughout."),
    )
