"""Constraints on diaspora investment, the strategies stated against them, and how they meet.

The coverage links (``strategy_constraint_links``) are the collection's own reading of
which strategy answers which constraint; the document itself draws no such links. The
evidence hooks bring in the international figures other notebooks use (the cost of
sending money, the UN count of Malians abroad) through the same tables, never copies.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers.data import load

#: The scopes of the document's strategies (section 7), in its order.
SCOPE_ORDER = ["national", "local_development", "investment"]
SCOPE_LABELS = {
    "national": "National framework",
    "local_development": "Local development",
    "investment": "Diaspora investment",
}
#: Constraint kinds (section 6), in the document's order.
KIND_ORDER = ["endogenous", "exogenous"]
#: Strength of a link, as drawn in the coverage matrix.
STRENGTH_SCORE = {"direct": 2, "partial": 1}


def _table(table: pd.DataFrame | None, name: str) -> pd.DataFrame:
    return load(name) if table is None else table.copy()


def scope_choices(strategies: pd.DataFrame | None = None) -> list[str]:
    """Return the allowed values of the ``scope`` parameter: "all" and each scope present."""
    present = set(_table(strategies, "strategies")["scope"].astype("str"))
    return ["all"] + [s for s in SCOPE_ORDER if s in present] + sorted(present - set(SCOPE_ORDER))


def constraints_by_theme(constraints: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return how many constraints each theme has, endogenous and exogenous side by side."""
    table = _table(constraints, "constraints")
    counts = pd.crosstab(table["theme"].astype("str"), table["kind"].astype("str"))
    counts = counts.reindex(columns=[k for k in KIND_ORDER if k in counts.columns], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts.index.name = "theme"
    counts.columns.name = None
    return counts.sort_values(["total", "theme"], ascending=[False, True], kind="stable")


def constraint_list(constraints: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the constraints ordered by kind, then theme, then id, as a reader's table."""
    table = _table(constraints, "constraints")
    table["kind"] = pd.Categorical(table["kind"].astype("str"), categories=KIND_ORDER)
    table = table.sort_values(["kind", "theme", "id"], kind="stable")
    return table.set_index("id")[["kind", "theme", "label"]]


def strategies_in_scope(strategies: pd.DataFrame | None = None, scope: str = "all") -> pd.DataFrame:
    """Return the strategies of one scope ("all" keeps every one), in the document's order."""
    table = _table(strategies, "strategies")
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
    table = _table(strategies, "strategies")
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

    A link that names an unknown strategy or constraint raises ``KeyError``.
    """
    lk = _table(links, "strategy_constraint_links")
    st = strategies_in_scope(strategies, "all")
    co = _table(constraints, "constraints")
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
    return table.sort_values(["strategy_id", "constraint_id"], kind="stable").reset_index(drop=True)


def coverage_matrix(
    links: pd.DataFrame | None = None,
    strategies: pd.DataFrame | None = None,
    constraints: pd.DataFrame | None = None,
    scope: str = "all",
) -> pd.DataFrame:
    """Return strategies (rows) by constraints (columns): 2 direct, 1 partial, 0 no link.

    Rows are the strategies in ``scope`` in the document's order; columns are every
    constraint, endogenous first.
    """
    st = strategies_in_scope(strategies, scope)
    co = constraint_list(constraints)
    cov = coverage(links, strategies, constraints, scope)
    matrix = pd.DataFrame(0, index=pd.Index(st["id"], name="strategy_id"), columns=co.index)
    matrix.columns.name = "constraint_id"
    for row in cov.itertuples():
        score = STRENGTH_SCORE.get(row.strength, 1)
        matrix.loc[row.strategy_id, row.constraint_id] = max(
            matrix.loc[row.strategy_id, row.constraint_id], score
        )
    return matrix


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


# ---------------------------------------------------------------------------- evidence


def remittance_cost(wdi_2022: pd.DataFrame | None = None, iso3: str = "MLI") -> pd.DataFrame:
    """Return the World Bank's average cost of sending USD 200 to ``iso3`` by year (percent).

    From the February 2022 WDI vintage (SI.RMT.COST.IB.ZS), the average over the
    corridors into the country that Remittance Prices Worldwide surveys.
    """
    table = _table(wdi_2022, "wdi_2022_vintage")
    rows = table[
        (table["iso3"] == iso3) & (table["indicator_code"].astype("str") == "SI.RMT.COST.IB.ZS")
    ]
    if rows.empty:
        raise KeyError(f"no SI.RMT.COST.IB.ZS values for {iso3!r} in the 2022 vintage")
    out = rows[["year", "value"]].rename(columns={"value": "cost_pct"})
    return out.sort_values("year").reset_index(drop=True)


def corridor_costs(rpw: pd.DataFrame | None = None, receiving_iso3: str = "MLI") -> pd.DataFrame:
    """Return each surveyed corridor into ``receiving_iso3``: yearly mean cost, percent."""
    table = _table(rpw, "rpw_corridor_costs")
    rows = table[table["receiving_iso3"] == receiving_iso3]
    out = rows.groupby(["sending_name", "year"], sort=True)["cost_pct"].mean().rename("cost_pct")
    return out.reset_index()


def cost_summary(costs: pd.DataFrame) -> dict[str, float]:
    """Return the first, last, lowest and highest cost and their years from a cost series."""
    ordered = costs.sort_values("year").reset_index(drop=True)
    low = ordered.loc[ordered["cost_pct"].idxmin()]
    high = ordered.loc[ordered["cost_pct"].idxmax()]
    return {
        "first_year": int(ordered["year"].iloc[0]),
        "first_pct": float(ordered["cost_pct"].iloc[0]),
        "last_year": int(ordered["year"].iloc[-1]),
        "last_pct": float(ordered["cost_pct"].iloc[-1]),
        "min_year": int(low["year"]),
        "min_pct": float(low["cost_pct"]),
        "max_year": int(high["year"]),
        "max_pct": float(high["cost_pct"]),
    }


def un_emigrants(stock: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the UN DESA count of people born in Mali living abroad, by estimate year."""
    table = _table(stock, "un_migrant_stock_mali")
    rows = table[
        (table["direction"].astype("str") == "emigrants")
        & (table["sex"].astype("str") == "total")
        & (table["partner_kind"].astype("str") == "world")
    ]
    out = rows[["year", "value"]].rename(columns={"value": "un_emigrants"})
    return out.sort_values("year").reset_index(drop=True)


def count_gap(administrative: float, un: pd.DataFrame) -> pd.DataFrame:
    """Return the administrative count of Malians abroad beside each UN estimate, with ratio."""
    table = un.copy()
    table["administrative"] = float(administrative)
    table["ratio"] = table["administrative"] / table["un_emigrants"]
    table["difference"] = table["administrative"] - table["un_emigrants"]
    return table
