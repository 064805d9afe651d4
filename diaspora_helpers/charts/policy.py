"""Charts of notebook 04: constraints by theme, the coverage grid of strategies against
constraints, and the cost of sending money to Mali against SDG 10.c.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib.patches as mpatches
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation

from diaspora_helpers import constants, text
from diaspora_helpers.analysis.policy import CODE_WORDS, NO_STRATEGY, constraint_label
from diaspora_helpers.charts import phone_lists, style
from diaspora_helpers.charts.coverage_list import (
    CELL_STYLES,
    KIND_HEADINGS,
    SCOPE_NAMES,
    code_name,
    coverage_rows,
    phone_subtitle,
)
from diaspora_helpers.i18n import N_, _

#: Each theme as a bar label.
THEME_NAMES = {
    "citizenship": N_("Citizenship"),
    "conflict": N_("Conflict"),
    "geography_costs": N_("Geography costs"),
    "host_country": N_("Host country"),
    "information": N_("Information"),
    "legal_administrative": N_("Legal administrative"),
    "skills": N_("Skills"),
    "social": N_("Social"),
    "support": N_("Support"),
    "transfers": N_("Transfers"),
}


def _target(value_pct: float) -> str:
    """Return a target in percent as it is set: 3.0 -> '3%' ('3 %' in French)."""
    value = float(value_pct)
    return text.percent(value, 0 if value.is_integer() else 1)


def draw_coverage(
    ax: Axes,
    matrix: pd.DataFrame,
    strategies: pd.DataFrame,
    constraints: pd.DataFrame,
    *,
    highlight: Sequence[str] = (),
    wrap: int = 64,
    fontsize: float = 9.0,
    head_rotation: float = 40.0,
) -> None:
    """Draw the coverage matrix as a grid: dark cells direct, light cells partial.

    Row labels are wrapped at ``wrap`` characters; every text is ``fontsize`` points
    (the scope names and the legend half a point less); column heads are turned by
    ``head_rotation`` degrees.

    ``strategies`` (id, scope, label) and ``constraints`` (indexed by id, with kind and
    label) name the rows and columns; columns in ``highlight`` (the gaps) are shaded. The
    columns are headed by the constraints' ``short_label`` (see
    :func:`policy.constraint_label`), from ``constraints`` when it has that column and from
    the collection's table otherwise.
    """
    st = strategies.set_index("id").loc[matrix.index]
    n_rows, n_cols = matrix.shape
    for j, cid in enumerate(matrix.columns):
        if cid in highlight:
            ax.add_patch(
                mpatches.Rectangle(
                    (j - 0.5, -0.5), 1, n_rows, color=constants.PALE_TERRACOTTA, zorder=0, lw=0
                )
            )
    for i in range(n_rows):
        for j in range(n_cols):
            score = int(matrix.iat[i, j])  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            if score in CELL_STYLES:
                ax.add_patch(
                    mpatches.FancyBboxPatch(
                        (j - 0.36, i - 0.36),
                        0.72,
                        0.72,
                        boxstyle="round,pad=0,rounding_size=0.1",
                        zorder=2,
                        **CELL_STYLES[score],
                    )
                )
            else:
                ax.plot(j, i, ".", color=constants.DOT_GREY, ms=3, zorder=1)
    scopes = list(st["scope"].astype("str"))
    for i in range(1, n_rows):
        if scopes[i] != scopes[i - 1]:
            ax.axhline(i - 0.5, color=constants.RULE_GREY, linewidth=0.8)
    kinds = [str(constraints.at[c, "kind"]) for c in matrix.columns]
    for j in range(1, n_cols):
        if kinds[j] != kinds[j - 1]:
            ax.axvline(j - 0.5, color=constants.RULE_GREY, linewidth=0.8)
    group_start = 0
    for j in range(1, n_cols + 1):
        if j == n_cols or kinds[j] != kinds[group_start]:
            kind = kinds[group_start]
            ax.text(
                (group_start + j - 1) / 2,
                n_rows - 0.45,
                _(KIND_HEADINGS[kind])
                if kind in KIND_HEADINGS
                else _("{kind}\nconstraints").format(kind=kind.capitalize()),
                ha="center",
                va="top",
                fontsize=fontsize,
                fontweight="bold",
                color=constants.TEXT_GREY,
            )
            group_start = j
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    # No fixed aspect: the grid takes the slide's width, so labels can be larger.
    ax.set_yticks(
        range(n_rows),
        ["\n".join(textwrap.wrap(str(lab), wrap)) for lab in st["label"]],
        fontsize=fontsize,
    )
    named = constraints.rename_axis("id").reset_index() if "short_label" in constraints else None
    ax.set_xticks(
        range(n_cols),
        [constraint_label(c, constraints.at[c, "label"], named) for c in matrix.columns],  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        rotation=head_rotation,
        ha="left",
        rotation_mode="anchor",
        fontsize=fontsize,
    )
    for tick, cid in zip(ax.get_xticklabels(), matrix.columns, strict=True):
        if cid in highlight:
            tick.set_color(style.PALETTE["mali"])
            tick.set_fontweight("bold")
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    # scope names on the right of each block of rows
    start = 0
    for i in range(1, n_rows + 1):
        if i == n_rows or scopes[i] != scopes[start]:
            ax.text(
                n_cols - 0.35,
                (start + i - 1) / 2,
                code_name(SCOPE_NAMES, scopes[start]),
                rotation=270,
                va="center",
                ha="left",
                fontsize=fontsize - 0.5,
                color=constants.TEXT_GREY,
            )
            start = i
    handles = [
        mpatches.Patch(**CELL_STYLES[2], label=_("addresses it directly")),
        mpatches.Patch(**CELL_STYLES[1], label=_("addresses part of it")),
    ]
    if highlight:
        handles.append(
            mpatches.Patch(
                color=constants.PALE_TERRACOTTA,
                label=_("no strategy shown addresses it"),
            )
        )
    # Under the block names (two lines below the grid), right-aligned with the grid.
    below = ScaledTranslation(0, -3.3 * fontsize / 72, ax.figure.dpi_scale_trans)
    ax.legend(
        handles=handles,
        loc="upper right",
        bbox_to_anchor=(1.0, 0.0),
        bbox_transform=ax.transAxes + below,
        ncols=len(handles),
        fontsize=fontsize - 0.5,
        frameon=False,
        borderaxespad=0.0,
    )


def draw_theme_counts(ax: Axes, counts: pd.DataFrame) -> None:
    """Draw constraints per theme as bars split into endogenous and exogenous."""
    themes = [code_name(THEME_NAMES, str(t)) for t in counts.index]
    left = [0.0] * len(counts)
    colours = {"endogenous": style.PALETTE["mali"], "exogenous": style.PALETTE["un"]}
    for kind in [k for k in ("endogenous", "exogenous") if k in counts.columns]:
        values = counts[kind].astype("float64").tolist()
        ax.barh(
            themes, values, left=left, color=colours[kind], label=_(CODE_WORDS[kind]), height=0.6
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel(_("constraints"))
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # the default AutoLocator is a MaxNLocator
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")


def draw_cost(ax: Axes, costs: pd.DataFrame, target_pct: float) -> None:
    """Draw a yearly average cost of sending money with the SDG 10.c average target."""
    ax.plot(costs["year"], costs["cost_pct"], marker="o", color=style.PALETTE["un"])
    for value in (target_pct,):
        ax.axhline(value, color=style.PALETTE["grey"], linestyle="--", linewidth=0.9)
        ax.text(
            float(costs["year"].min()),
            value,
            " " + _("SDG 10.c target for the average cost: {target}").format(target=_target(value)),
            va="bottom",
            fontsize=8.5,
            color=constants.TEXT_GREY,
        )
    ax.set_ylim(0, float(costs["cost_pct"].max()) * 1.15)
    ax.set_ylabel(_("% of the amount sent"))
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # the default AutoLocator is a MaxNLocator


def constraints_by_theme(
    themes: pd.DataFrame, *, exogenous: int, shown: int, scope: str, show_gaps_only: bool
) -> Figure:
    """Return the finished chart of constraints by theme, split endogenous/exogenous.

    ``themes`` is ``analysis.policy.constraints_by_theme`` (indexed by theme, with
    ``endogenous``, ``exogenous`` and ``total`` counts); ``exogenous`` and ``shown`` count
    the constraints shown; ``scope`` and ``show_gaps_only`` are the notebook's parameters
    (a scope outside ``analysis.policy.NO_STRATEGY`` raises ``KeyError``).
    """
    in_host = int(themes.at["host_country", "total"]) if "host_country" in themes.index else 0  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    if show_gaps_only:
        subtitle = _(
            "Constraints on diaspora investment listed by the source document, by theme (the "
            "collection's grouping), split by where the document places them; only those "
            "{no_strategy} addresses"
        ).format(no_strategy=_(NO_STRATEGY[scope]))
    else:
        subtitle = _(
            "Constraints on diaspora investment listed by the source document, by theme (the "
            "collection's grouping), split by where the document places them"
        )
    outside, among, host = text.spelled_alike((exogenous, True), (shown, True), (in_host, True))
    fig, ax = style.titled_figure(
        _(
            "The document places {exogenous} of the {shown} constraints shown outside Mali, "
            "{in_host} of them in the host country"
        ).format(exogenous=outside, shown=among, in_host=host),
        subtitle,
        _("Source document, sections 6.1 and 6.2; themes assigned by the collection"),
    )
    draw_theme_counts(ax, themes)
    return fig


def coverage_title(gaps: int, constraints: int, scope: str, taken_up: int | None = None) -> str:
    """Return the title of the coverage grid, which states the finding.

    ``gaps`` constraints of ``constraints`` are addressed by no strategy in ``scope``;
    ``taken_up`` (when only those gaps are drawn) is how many of them strategies of the
    other scopes address. Counts are written as prose writes them, and the title never
    starts with figures ("Six of the 14 constraints…"; "Of the 14 constraints, 11…"). A
    scope outside ``analysis.policy.NO_STRATEGY`` raises ``KeyError``.
    """
    no_strategy = _(NO_STRATEGY[scope])
    if taken_up is None:
        _gaps, among = text.spelled_alike((gaps, True), (constraints, True))
        if gaps > text.SPELLED_MAX:
            return _(
                "Of the {constraints} constraints, {gaps} are addressed by {no_strategy}"
            ).format(gaps=_gaps, constraints=among, no_strategy=no_strategy)
        return _("{gaps} of the {constraints} constraints are addressed by {no_strategy}").format(
            gaps=text.opening(gaps, feminine=True), constraints=among, no_strategy=no_strategy
        )
    _gaps, taken = text.spelled_alike((gaps, True), (taken_up, True))
    if gaps > text.SPELLED_MAX:
        return _(
            "Constraints addressed by {no_strategy}: {gaps}; strategies of other scopes take "
            "up {taken_up} of them"
        ).format(gaps=_gaps, no_strategy=no_strategy, taken_up=taken)
    return _(
        "{gaps} constraints are addressed by {no_strategy}; strategies of other scopes take "
        "up {taken_up} of them"
    ).format(gaps=text.opening(gaps, feminine=True), no_strategy=no_strategy, taken_up=taken)


#: The coverage grid drawn for the page: text size (points), row labels wrapped at
#: this many characters, the height of a line of text and the space between two row
#: labels, and what title, column heads, block names, legend and source take (inches).
GRID_PAGE_PT = style.DIAGRAM_PT + 0.5
GRID_PAGE_WRAP = 40
GRID_LINE_IN = GRID_PAGE_PT * 1.2 / 72
GRID_ROW_GAP_IN = 0.1
GRID_FRAME_IN = 4.4
#: The 16:9 slide: text size (points) and row labels' wrap (characters).
GRID_SLIDE_PT = 9.0
GRID_SLIDE_WRAP = 80


def coverage_grid(
    matrix: pd.DataFrame,
    strategies: pd.DataFrame,
    constraints: pd.DataFrame,
    *,
    title: str,
    highlight: Sequence[str],
    gaps_only: bool,
    slide: bool = False,
) -> Figure:
    """Return the finished grid of strategies (rows) against constraints (columns).

    ``title`` states the finding (see :func:`coverage_title`); ``highlight`` lists the
    constraint ids to shade; see :func:`draw_coverage`. The grid is drawn for the page
    (``style.PAGE_WIDTH`` wide, rows as tall as their wrapped labels need) and carries its
    16:9 slide (the same call with ``slide=True``).
    """
    wrap = GRID_SLIDE_WRAP if slide else GRID_PAGE_WRAP
    fontsize = GRID_SLIDE_PT if slide else GRID_PAGE_PT
    figsize = style.SLIDE_SIZE
    if not slide:
        labels = strategies.set_index("id").loc[matrix.index, "label"]
        lines = [len(textwrap.wrap(str(lab), wrap)) or 1 for lab in labels]
        pairs = [(a + b) / 2 for a, b in zip(lines[:-1], lines[1:], strict=True)] or [1.0]
        row_in = max(pairs) * GRID_LINE_IN + GRID_ROW_GAP_IN
        figsize = (style.PAGE_WIDTH, GRID_FRAME_IN + row_in * len(lines))
    subtitle = (
        _(
            "Strategies of the source document (rows) against its constraints (columns; only "
            "those the chosen scope leaves unaddressed): dark, the strategy aims at the "
            "constraint itself; light, at part of it. The links are the collection's own "
            "reading, not the document's"
        )
        if gaps_only
        else _(
            "Strategies of the source document (rows) against its constraints (columns): "
            "dark, the strategy aims at the constraint itself; light, at part of it. The "
            "links are the collection's own reading, not the document's"
        )
    )
    fig, ax = style.titled_figure(
        title,
        subtitle,
        _(
            "Source document, sections 6.1, 6.2 and 7; the collection's table of "
            "strategy–constraint links (its own reading)"
        ),
        figsize=figsize,
    )
    draw_coverage(
        ax, matrix, strategies, constraints,
        highlight=list(highlight), wrap=wrap, fontsize=fontsize,
        head_rotation=40.0 if slide else 55.0,
    )  # fmt: skip
    if not slide:
        page_title, page_subtitle, source = fig._house_labels  # type: ignore[attr-defined]
        labels = (page_title, phone_subtitle(gaps_only), source)
        style.with_phone(
            fig,
            lambda: phone_lists.draw_rows(
                labels, coverage_rows(matrix, strategies, constraints, highlight)
            ),
        )
        style.with_slide(
            fig,
            lambda: coverage_grid(
                matrix,
                strategies,
                constraints,
                title=title,
                highlight=highlight,
                gaps_only=gaps_only,
                slide=True,
            ),  # fmt: skip
        )
    return fig


def cost_of_sending_money(
    costs: pd.DataFrame, summary: dict[str, float], target_pct: float
) -> Figure:
    """Return the finished chart of the average cost of sending USD 200 to Mali.

    ``costs`` (year, cost_pct) and ``summary`` come from ``analysis.policy``. Only the
    SDG 10.c target for the *average* cost (``target_pct``) is drawn: the 5% ceiling
    applies to each corridor, not to an average, so it has no place on this chart.
    """
    fig, ax = style.titled_figure(
        _(
            "Sending money to Mali cost {first_pct} of the amount in {first_year} and "
            "{last_pct} in {last_year}"
        ).format(
            first_pct=text.percent(summary["first_pct"]),
            first_year=int(summary["first_year"]),
            last_pct=text.percent(summary["last_pct"]),
            last_year=int(summary["last_year"]),
        ),
        _(
            "Average total cost of sending the equivalent of USD 200 to Mali, percent of the "
            "amount sent, over the corridors the World Bank surveys"
        ),
        _("World Bank, {release} (SI.RMT.COST.IB.ZS); United Nations, SDG target 10.c").format(
            release=style.wdi_release()
        ),
    )
    draw_cost(ax, costs, target_pct)
    return fig
