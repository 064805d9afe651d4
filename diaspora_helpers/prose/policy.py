"""Sentences of notebook 04 (constraints and strategies), computed from its tables.

Each function takes what the notebook has computed with :mod:`diaspora_helpers.analysis.policy`
and returns a :class:`diaspora_helpers.text.Prose` in the edition's language. Counts are
whole numbers of rows; percentages are already in percent; years are calendar years.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import text
from diaspora_helpers.analysis import policy, targets
from diaspora_helpers.i18n import N_, _, ngettext

#: Each scope as the strategies "for" it: "4 for the national framework".
SCOPE_FOR = {
    "national": N_("{n} for the national framework"),
    "local_development": N_("{n} for local development"),
    "investment": N_("{n} for diaspora investment"),
}
#: The closing sentence when the reading keeps one scope.
SCOPE_KEPT = {
    "national": N_("This reading covers the {n} for the national framework."),
    "local_development": N_("This reading covers the {n} for local development."),
    "investment": N_("This reading covers the {n} for diaspora investment."),
}


def quoted(label: str) -> str:
    """Return ``label`` between the language's quotation marks: “…” or « … »."""
    return _("“{label}”").format(label=label)


def _sentences(*parts: str) -> text.Prose:
    """Return whole sentences joined by a space as one paragraph."""
    return text.say(" ".join(p for p in parts if p))


def constraint_mix(listed: pd.DataFrame, themes: int, citizenship: pd.DataFrame) -> text.Prose:
    """Return how the constraints shown split by kind, and the dual-citizenship oddity.

    ``listed`` is the constraints shown (a ``kind`` column, one row each); ``themes`` the
    number of themes they span; ``citizenship`` the legal texts on citizenship (columns
    ``reference`` and ``year``, as :func:`analysis.legal.legal_by_domain` gives them).
    """
    kinds = listed["kind"].astype("str").value_counts()
    texts = text.listing(
        _("{reference} of {year}").format(reference=text.in_sentence(ref), year=year)
        for ref, year in zip(citizenship["reference"], citizenship["year"], strict=True)
    )
    return _sentences(
        _(
            "Of the {n} constraints listed here, {endogenous} are endogenous and {exogenous} "
            "exogenous, spread over {themes} themes."
        ).format(
            n=text.spelled(len(listed)),
            endogenous=text.spelled(int(kinds.get("endogenous", 0))),
            exogenous=text.spelled(int(kinds.get("exogenous", 0))),
            themes=text.spelled(int(themes)),
        ),
        _(
            "The document's list has an oddity: it counts dual citizenship as an obstacle "
            "while saying, in the same line, that Mali passed the law the diaspora asked for."
        ),
        ngettext(
            "The legal framework holds {n} text on citizenship ({texts}), so if the "
            "constraint persists it lies in how the rule works in practice, or in the host "
            "countries' nationality laws, neither of which the document describes.",
            "The legal framework holds {n} texts on citizenship ({texts}), so if the "
            "constraint persists it lies in how the rule works in practice, or in the host "
            "countries' nationality laws, neither of which the document describes.",
            len(citizenship),
        ).format(n=text.spelled(len(citizenship)), texts=texts),
    )


def scope_summary(counts: pd.Series, scope: str, shown: int) -> text.Prose:
    """Return how many strategies the document lists per scope, and which this reading keeps.

    ``counts`` is :func:`analysis.policy.scope_counts` (strategies per scope id); ``scope``
    the notebook's parameter ("all" or a scope id); ``shown`` the strategies kept. Raises
    ``KeyError`` for a scope the document does not use.
    """
    items = text.listing(
        _(SCOPE_FOR[s]).format(n=text.spelled(int(n), feminine=True))  # type: ignore[index]  # pandas-stubs types an index label as Hashable
        for s, n in counts.items()
    )
    closing = (
        _("This reading covers all of them.")
        if scope == "all"
        else _(SCOPE_KEPT[scope]).format(n=text.spelled(shown, feminine=True))
    )
    return _sentences(
        _("The document lists {n} strategies: {items}.").format(
            n=text.spelled(int(counts.sum()), feminine=True), items=items
        ),
        closing,
    )


def objectives_served(objectives: pd.DataFrame) -> text.Prose:
    """Return how many of the policy's diaspora objectives a strategy in scope serves.

    ``objectives`` is :func:`analysis.policy.objectives_by_scope` (columns ``objective``
    and ``strategies``, the number of strategies serving it); the unserved are named.
    """
    orphans = objectives[objectives["strategies"] == 0]
    values = {
        "served": text.spelled(len(objectives) - len(orphans)),
        "total": text.spelled(len(objectives)),
    }
    if not len(orphans):
        return text.say(
            _(
                "Of the policy's {total} diaspora objectives, {served} have at least one "
                "strategy in scope working towards them."
            ).format(**values)
        )
    names = text.listing((quoted(o) for o in orphans["objective"]), "or")
    return text.say(
        _(
            "Of the policy's {total} diaspora objectives, {served} have at least one strategy "
            "in scope working towards them; none serves {names}."
        ).format(names=names, **values)
    )


def coverage_summary(
    links: pd.DataFrame,
    strategies: int,
    constraints: int,
    gaps: pd.DataFrame,
    lonely: pd.DataFrame,
    scope: str,
) -> text.Prose:
    """Return how many links join how many strategies and constraints, and what is left.

    ``links`` is :func:`analysis.policy.coverage` (``strength``, ``strategy_id`` and
    ``constraint_id`` columns); ``strategies`` and ``constraints`` the numbers in the
    reading; ``gaps`` the constraints no strategy in ``scope`` addresses (indexed by id,
    with ``label``); ``lonely`` the strategies that answer none (with ``label``).
    """
    direct = int((links["strength"].astype("str") == "direct").sum())
    gap_names = [policy.constraint_label(i, lab).lower() for i, lab in gaps["label"].items()]  # type: ignore[arg-type]  # pandas-stubs types an index label as Hashable
    first = ngettext(
        "In this reading, {n} link ({direct} direct, the rest partial) joins {linked_s} of "
        "the {strategies} strategies to {linked_c} of the {constraints} constraints.",
        "In this reading, {n} links ({direct} direct, the rest partial) join {linked_s} of "
        "the {strategies} strategies to {linked_c} of the {constraints} constraints.",
        len(links),
    ).format(
        **dict(
            zip(
                ("n", "direct", "linked_s", "strategies", "linked_c", "constraints"),
                text.spelled_alike(
                    len(links),
                    direct,
                    (links["strategy_id"].nunique(), True),
                    (strategies, True),
                    (links["constraint_id"].nunique(), True),
                    (constraints, True),
                ),
                strict=True,
            )
        )
    )
    second = _("The constraints that {no_strategy} addresses are: {names}.").format(
        no_strategy=_(policy.NO_STRATEGY[scope]), names=text.listing(gap_names)
    )
    third = (
        _("The strategies that answer none of the listed constraints are: {names}.").format(
            names=text.listing(quoted(label) for label in lonely["label"])
        )
        if len(lonely)
        else _("Every strategy answers at least one listed constraint.")
    )
    return _sentences(first, second, third)


def threshold_text(value_pct: float) -> str:
    """Return a threshold in percent as written in the text: 3.0 -> '3%' ('3 %' in French)."""
    value = float(value_pct)
    return text.percent(value, 0 if value.is_integer() else len(repr(value).split(".")[1]))


def cost_reading(
    costs: pd.DataFrame,
    summary: dict[str, float],
    on_costs: pd.DataFrame,
    document_year: int,
    then: int,
    target_pct: float,
) -> text.Prose:
    """Return the cost of sending money to Mali at its extremes and near the document's date.

    ``costs`` has ``year`` and ``cost_pct`` (percent of the amount sent); ``summary`` is
    :func:`analysis.policy.cost_summary` of it; ``on_costs`` the links to the constraint
    on transfer costs (a ``strategy`` column); ``document_year`` the year of the
    document's last dated event and ``then`` the measured year nearest it; ``target_pct``
    the SDG 10.c target for the average cost. Raises ``KeyError`` when ``then`` was not
    measured.
    """
    cost_then = float(costs.set_index("year").at[then, "cost_pct"])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    below = targets.compare(cost_then, "average")
    values = {
        "then": then,
        "year": document_year,
        "cost": text.percent(cost_then),
        "target": threshold_text(target_pct),
    }
    if then == document_year:
        when = (
            _(
                "In {then}, the year of the document's last dated event, it stood at {cost}: "
                "below the {target} target for the average cost."
            )
            if below
            else _(
                "In {then}, the year of the document's last dated event, it stood at {cost}: "
                "above the {target} target for the average cost."
            )
        )
    else:
        when = (
            _(
                "In {then}, the measured year nearest the document's last dated event "
                "({year}), it stood at {cost}: below the {target} target for the average cost."
            )
            if below
            else _(
                "In {then}, the measured year nearest the document's last dated event "
                "({year}), it stood at {cost}: above the {target} target for the average cost."
            )
        )
    return _sentences(
        _(
            "Over the {years} years measured, the cost peaked at {max_pct} in {max_year} and "
            "was lowest, {min_pct}, in {min_year}."
        ).format(
            years=text.spelled(int(summary["years"])),
            max_pct=text.percent(summary["max_pct"]),
            max_year=int(summary["max_year"]),
            min_pct=text.percent(summary["min_pct"]),
            min_year=int(summary["min_year"]),
        ),
        when.format(**values),
        ngettext(
            "Of all the strategies, {n} addresses this constraint: {names}.",
            "Of all the strategies, {n} address this constraint: {names}.",
            len(on_costs),
        ).format(
            n=text.spelled(len(on_costs), feminine=True),
            names=text.listing(quoted(s) for s in on_costs["strategy"]),
        ),
        _("The remittances notebook tests the corridors one by one against the SDG ceiling."),
    )


def count_reading(count: pd.DataFrame, un_year: int) -> text.Prose:
    """Return the administrative count of Malians abroad against the UN's, and why it matters.

    ``count`` is :func:`analysis.policy.count_gap`: the administrative estimate first, the
    UN DESA one second (``persons``, ``ratio_admin_to_this``); ``un_year`` the UN year.
    """
    admin, un = count.iloc[0], count.iloc[1]
    return _sentences(
        _(
            "The document's {admin} Malians abroad is {ratio} times the UN's {un} migrants "
            "from Mali living abroad in {year}."
        ).format(
            admin=text.millions(admin["persons"], 1),
            ratio=text.number(float(un["ratio_admin_to_this"]), 1),
            un=text.number(un["persons"]),
            year=un_year,
        ),
        _(
            "The two do not count the same people (the administrative figure may include "
            "descendants and migrants no census records; the UN counts mostly by birthplace, "
            "by citizenship where no birthplace is recorded), but a policy that plans "
            "investment, remittance or training schemes on the larger figure may overestimate "
            "its audience severalfold."
        ),
        _("The demographics notebook takes this further."),
    )
