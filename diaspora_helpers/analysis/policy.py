"""Constraints on diaspora investment, the strategies stated against them, and how they meet.

The coverage links (``strategy_constraint_links``) are the collection's own reading of
which strategy answers which constraint, and ``objective_strategy_links`` its reading of
which strategy serves which objective of the migration policy; the document itself draws
neither kind of link. The evidence hooks bring in the international figures other
notebooks use (the cost of sending money, the UN count of Malians abroad) through the same
tables, never copies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from diaspora_helpers import tables, text
from diaspora_helpers.analysis import demography, remittances
from diaspora_helpers.analysis.timeline import short_label
from diaspora_helpers.data import given_or_load, load
from diaspora_helpers.i18n import N_, register_words, with_formats, with_headers, with_words

#: The scopes of the document's strategies (section 7), in its order.
SCOPE_ORDER = ["national", "local_development", "investment"]
#: "no strategy" of a scope, as a noun phrase: "no national strategy" ("all": any scope).
NO_STRATEGY = {
    "all": N_("no strategy"),
    "national": N_("no national strategy"),
    "local_development": N_("no local-development strategy"),
    "investment": N_("no investment strategy"),
}
#: The words a reader sees for the codes of the policy tables (kind, theme, scope, strength,
#: reading), translated through the catalog.
CODE_WORDS = {
    "endogenous": N_("endogenous"),
    "exogenous": N_("exogenous"),
    "citizenship": N_("citizenship"),
    "conflict": N_("conflict"),
    "geography_costs": N_("geography and costs"),
    "host_country": N_("host country"),
    "information": N_("information"),
    "legal_administrative": N_("legal and administrative"),
    "skills": N_("skills"),
    "social": N_("social"),
    "support": N_("support"),
    "transfers": N_("transfers"),
    "national": N_("national"),
    "local_development": N_("local development"),
    "investment": N_("investment"),
    "direct": N_("direct"),
    "partial": N_("partial"),
    "collection": N_("collection"),
}
#: The columns of the policy tables that hold codes.
CODE_COLUMNS = ("kind", "theme", "scope", "strength", "reading", "constraint_kind")
#: Constraint kinds (section 6), in the document's order.
KIND_ORDER = ["endogenous", "exogenous"]
#: Strength of a link, as drawn in the coverage matrix.
STRENGTH_SCORE = {"direct": 2, "partial": 1}


register_words("constraints", kind=CODE_WORDS, theme=CODE_WORDS)
register_words("strategies", scope=CODE_WORDS)
register_words("strategy_constraint_links", strength=CODE_WORDS, reading=CODE_WORDS)
register_words("objective_strategy_links", reading=CODE_WORDS)


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a policy table ready to show: codes kept, their words recorded.

    The columns of :data:`CODE_COLUMNS` that ``table`` has keep their codes; their words
    (:data:`CODE_WORDS`) are recorded with :func:`~diaspora_helpers.i18n.with_words`, so
    :func:`diaspora_helpers.tables.show` and the chart downloads name them in the edition's
    language. Same shape, index and values.
    """
    out = table.copy()
    present = {c: CODE_WORDS for c in CODE_COLUMNS if c in out.columns}
    return with_words(out, **present)


def scope_choices(strategies: pd.DataFrame | None = None) -> list[str]:
    """Return the allowed values of the ``scope`` parameter: "all" and each scope present."""
    present = set(given_or_load("strategies", strategies)["scope"].astype("str"))
    return ["all"] + [s for s in SCOPE_ORDER if s in present] + sorted(present - set(SCOPE_ORDER))


def constraints_by_theme(constraints: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return how many constraints each theme has, endogenous and exogenous side by side.

    Indexed by ``theme`` (codes, whose words are recorded for the table and for a chart
    download of ``reset_index()``); columns ``endogenous``, ``exogenous``, ``total``.
    """
    table = given_or_load("constraints", constraints)
    counts = pd.crosstab(table["theme"].astype("str"), table["kind"].astype("str"))
    counts = counts.reindex(columns=[k for k in KIND_ORDER if k in counts.columns], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts.index.name = "theme"
    counts.columns.name = None
    counts = counts.sort_values(["total", "theme"], ascending=[False, True], kind="stable")
    return with_words(counts, theme=CODE_WORDS)  # the index's codes, once it is a column


def constraint_list(constraints: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the constraints ordered by kind, then theme, then id, as a reader's table.

    Indexed by ``id`` (the constraint's code, headed "Constraint ID" where a table shows
    it); columns ``kind``, ``theme`` and ``label`` (headed "Constraint"; headers recorded
    with :func:`~diaspora_helpers.i18n.with_headers`, and kept by copies of the table).
    """
    table = given_or_load("constraints", constraints)
    table["kind"] = pd.Categorical(table["kind"].astype("str"), categories=KIND_ORDER)
    table = table.sort_values(["kind", "theme", "id"], kind="stable")
    out = table.set_index("id")[["kind", "theme", "label"]]
    return with_headers(out, id=N_("Constraint ID"), label=N_("Constraint"))


def constraint_key(constraints: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the key to :func:`coverage_matrix`'s columns: each constraint's two names.

    Indexed by ``id`` (headed "Constraint ID"), in the matrix's column order; columns
    ``short_label`` (the name that heads the constraint's column in the matrix, from
    :func:`constraint_label`; headed "Short name") and ``label`` (headed "Constraint"), both
    in the edition's language, from data.
    """
    co = constraint_list(constraints)
    every = given_or_load("constraints", constraints)  # read once, not once per row
    short = [constraint_label(c, co.loc[c, "label"], every) for c in co.index]
    key = pd.DataFrame({"short_label": short, "label": list(co["label"])}, index=co.index)
    return with_headers(
        key, id=N_("Constraint ID"), short_label=N_("Short name"), label=N_("Constraint")
    )


def constraint_label(
    constraint_id: str, label: str, constraints: pd.DataFrame | None = None
) -> str:
    """Return a constraint's ``short_label``, or its ``label`` shortened when it has none.

    The short label is looked up by id in ``constraints`` (the collection's table when none
    is given); an id that is not there, or has none, falls back to
    ``history.short_label(label, 22)``.
    """
    table = constraints if constraints is not None else load("constraints")  # only read
    if "short_label" in table.columns:
        short = dict(zip(table["id"].astype("str"), table["short_label"], strict=True))
        found = short.get(constraint_id)
        if isinstance(found, str) and found:
            return found
    return short_label(label, 22)


def strategies_in_scope(strategies: pd.DataFrame | None = None, scope: str = "all") -> pd.DataFrame:
    """Return the strategies of one scope ("all" keeps every one), in the document's order."""
    table = given_or_load("strategies", strategies)
    table["scope"] = table["scope"].astype("str")
    if scope != "all":
        if scope not in set(table["scope"]):
            raise ValueError(f"no strategies with scope {scope!r}")
        table = table[table["scope"] == scope]
    rank = {s: i for i, s in enumerate(SCOPE_ORDER)}
    table = table.assign(_rank=table["scope"].map(rank).fillna(len(rank)))
    return table.sort_values("_rank", kind="stable").drop(columns="_rank").reset_index(drop=True)


def scope_counts(strategies: pd.DataFrame | None = None) -> pd.Series:
    """Return the number of strategies in each scope, in the document's order."""
    table = given_or_load("strategies", strategies)
    counts = table["scope"].astype("str").value_counts()
    order = [s for s in SCOPE_ORDER if s in counts.index]
    return counts.reindex(order + sorted(set(counts.index) - set(order))).rename("strategies")


def coverage(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return the links of the strategies in ``scope``, with both labels and the rationale.

    Links come in the document's order of strategies, then of constraints (as in
    :func:`constraint_list`). A link that names an unknown strategy or constraint raises
    ``KeyError``.
    """
    lk = given_or_load("strategy_constraint_links", links)
    st = strategies_in_scope(strategies, "all")
    co = given_or_load("constraints", constraints)
    for column, known, what in (
        ("strategy_id", set(st["id"]), "strategy"),
        ("constraint_id", set(co["id"]), "constraint"),
    ):
        unknown = sorted(set(lk[column]) - known)
        if unknown:
            raise KeyError(f"links name unknown {what} id(s): {', '.join(unknown)}")
    in_scope = strategies_in_scope(st, scope)
    table = lk.merge(
        in_scope[["id", "scope", "label"]].rename(
            columns={"id": "strategy_id", "label": "strategy"}
        ),
        on="strategy_id",
    ).merge(
        co[["id", "kind", "label"]].rename(
            columns={"id": "constraint_id", "label": "constraint", "kind": "constraint_kind"}
        ),
        on="constraint_id",
    )
    table["strength"] = table["strength"].astype("str")
    table["constraint_kind"] = table["constraint_kind"].astype("str")
    strategy_rank = {sid: i for i, sid in enumerate(in_scope["id"])}
    constraint_rank = {cid: i for i, cid in enumerate(constraint_list(co).index)}
    table = table.assign(
        _s=table["strategy_id"].map(strategy_rank), _c=table["constraint_id"].map(constraint_rank)
    )
    return (
        table.sort_values(["_s", "_c"], kind="stable")
        .drop(columns=["_s", "_c"])
        .reset_index(drop=True)
    )


def coverage_matrix(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return strategies (rows) by constraints (columns): 2 direct, 1 partial, 0 no link.

    Rows are the strategies in ``scope`` in the document's order, indexed by their ids
    under the name ``strategy`` (a shown table heads it "Strategy" and shows each
    strategy's label, in the edition's language, recorded with
    :func:`~diaspora_helpers.i18n.with_words`); columns are every constraint's id,
    endogenous first, headed by its short label (:func:`constraint_label`).
    """
    st = strategies_in_scope(strategies, scope)
    co = constraint_list(constraints)
    cov = coverage(links, strategies, constraints, scope)
    # A pair named twice keeps its strongest link (a strength not in STRENGTH_SCORE counts 1).
    scores = cov.assign(score=cov["strength"].map(STRENGTH_SCORE).fillna(1).astype("int64"))
    best = scores.groupby(["strategy_id", "constraint_id"])["score"].max().unstack(fill_value=0)
    matrix = best.reindex(
        index=pd.Index(st["id"], name="strategy"), columns=co.index, fill_value=0
    ).astype("int64")
    matrix.columns.name = "constraint_id"
    # The strategies' labels (the edition's, from data) name the rows of a shown table or a
    # chart download (``strategy_label``) once the index is a column; each constraint's
    # column is headed by its short label (data, the edition's words: the same names as the
    # chart and 04's tables), not by a label made from its id.
    every = given_or_load("constraints", constraints)  # read once, not once per column
    short = {c: constraint_label(c, co.loc[c, "label"], every) for c in co.index}
    headed = with_headers(matrix, **short)
    return with_words(headed, strategy=dict(zip(st["id"], st["label"], strict=True)))


def coverage_by_constraint(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return each constraint with how many strategies in ``scope`` address it, and how."""
    matrix = coverage_matrix(links, strategies, constraints, scope)
    co = constraint_list(constraints)
    table = co.copy()
    table["direct"] = (matrix == 2).sum(axis=0).reindex(co.index).astype("int64")
    table["partial"] = (matrix == 1).sum(axis=0).reindex(co.index).astype("int64")
    table["strategies"] = table["direct"] + table["partial"]
    table["addressed"] = table["strategies"] > 0
    return table


def gaps(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return the constraints that no strategy in ``scope`` addresses, even partly."""
    table = coverage_by_constraint(links, strategies, constraints, scope)
    return table[~table["addressed"]][["kind", "theme", "label"]]


def gap_matrix(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return every strategy (rows) against the constraints no strategy in ``scope`` addresses.

    Shows whether strategies of the other scopes take up what the chosen scope leaves.
    """
    left = gaps(links, strategies, constraints, scope).index
    return coverage_matrix(links, strategies, constraints, "all")[list(left)]


def unlinked_strategies(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return the strategies in ``scope`` that answer none of the listed constraints."""
    matrix = coverage_matrix(links, strategies, constraints, scope)
    st = strategies_in_scope(strategies, scope).set_index("id")
    lonely = matrix.index[(matrix == 0).all(axis=1)]
    return st.loc[lonely, ["scope", "label"]]


def objective_reading(
    reading: pd.DataFrame | Mapping[str, Sequence[str]] | None = None,
) -> dict[str, list[str]]:
    """Return which strategies serve each objective, as objective id -> strategy ids.

    ``reading`` is a links table with ``objective_id`` and ``strategy_id`` columns, or a
    mapping of objective ids to strategy ids; by default the collection's own reading,
    the table ``objective_strategy_links``.
    """
    if isinstance(reading, Mapping):
        return {str(o): [str(s) for s in ids] for o, ids in reading.items()}
    table = given_or_load("objective_strategy_links", reading)
    mapping: dict[str, list[str]] = {}
    for objective, strategy in zip(
        table["objective_id"].astype("str"), table["strategy_id"].astype("str"), strict=True
    ):
        mapping.setdefault(objective, []).append(strategy)
    return mapping


def objectives_by_scope(
    objectives: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    scope: str = "all",
    reading: pd.DataFrame | Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Return the policy's diaspora objectives with the strategies in ``scope`` that serve them.

    ``reading`` says which strategies serve which objective (see :func:`objective_reading`;
    by default the collection's reading in ``objective_strategy_links``); a strategy id it
    names that is not a strategy raises ``KeyError``. Strategies are listed in the
    document's order.
    """
    obj = given_or_load("nmp_objectives", objectives)
    st = strategies_in_scope(strategies, "all")
    mapping = objective_reading(reading)
    unknown = sorted({s for ids in mapping.values() for s in ids} - set(st["id"]))
    if unknown:
        raise KeyError(f"the objective reading names unknown strategies: {', '.join(unknown)}")
    in_scope = strategies_in_scope(st, scope)
    labels = dict(zip(in_scope["id"], in_scope["label"], strict=True))
    rows = []
    for row in tables.rows(obj.sort_values("objective_no")):
        named = set(mapping.get(row.id, []))
        served = [s for s in labels if s in named]
        rows.append(
            {
                "id": row.id,
                "objective": row.label,
                "strategies": len(served),
                "served_by": tuple(labels[s] for s in served),
            }
        )
    return with_formats(pd.DataFrame(rows).set_index("id"), served_by=text.items)


# ---------------------------------------------------------------------------- evidence
# The figures themselves are computed by the remittances and demography helpers, which the
# notebooks on those topics use; these functions only pick what the policy reading needs.


def remittance_cost(vintage: pd.DataFrame | None = None, iso3: str = "MLI") -> pd.DataFrame:
    """Return the World Bank's average cost of sending USD 200 to ``iso3`` by year, percent.

    The 2022 WDI vintage's SI.RMT.COST.IB.ZS, through ``remittances.country_cost``.
    """
    series = remittances.country_cost(vintage, iso3)
    if series.empty:
        raise KeyError(f"no cost of sending money to {iso3!r} in the 2022 vintage")
    return pd.DataFrame({"year": series.index.astype("int64"), "cost_pct": series.to_numpy()})


def cost_summary(costs: pd.DataFrame) -> dict[str, float]:
    """Return the first, last, lowest and highest cost and their years from a cost series."""
    ordered = costs.sort_values("year").reset_index(drop=True)
    low = ordered.loc[ordered["cost_pct"].idxmin()]  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label
    high = ordered.loc[ordered["cost_pct"].idxmax()]  # type: ignore[call-overload]  # pandas-stubs: idxmax/idxmin give a Hashable label
    return {
        "first_year": int(ordered["year"].iloc[0]),
        "first_pct": float(ordered["cost_pct"].iloc[0]),
        "last_year": int(ordered["year"].iloc[-1]),
        "last_pct": float(ordered["cost_pct"].iloc[-1]),
        "min_year": int(low["year"]),
        "min_pct": float(low["cost_pct"]),
        "max_year": int(high["year"]),
        "max_pct": float(high["cost_pct"]),
        "years": len(ordered),
    }


def count_gap(
    key_figures: pd.DataFrame,
    year: int,
    stock: pd.DataFrame | None = None,
    bilateral: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the administrative count of Malians abroad beside the UN and World Bank ones.

    Through ``demography.abroad_estimates``: one row per estimate, with what it counts and
    how many times smaller than the administrative figure it is.
    """
    table = demography.abroad_estimates(key_figures, [year], stock, bilateral)
    return table[["estimate", "year", "persons", "ratio_admin_to_this", "what_is_counted"]]


def nearest_un_year(year: int, stock: pd.DataFrame | None = None) -> int:
    """Return the UN DESA estimate year closest to ``year`` (the earlier one on a tie)."""
    return remittances.nearest_year(demography.estimate_years(stock), year)
