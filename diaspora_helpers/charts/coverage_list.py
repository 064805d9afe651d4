"""How the coverage grid of notebook 04 marks its cells and names its blocks, and the grid
listed constraint by constraint for a phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from diaspora_helpers import constants
from diaspora_helpers.analysis.policy import constraint_label
from diaspora_helpers.charts import phone_lists
from diaspora_helpers.i18n import N_, _

#: The heading over each group of columns of the coverage grid.
KIND_HEADINGS = {
    "endogenous": N_("Endogenous\nconstraints"),
    "exogenous": N_("Exogenous\nconstraints"),
}
#: Each scope as written beside its block of rows in the coverage grid (a label at the
#: start of a line: capitalised); the phone list writes it in parentheses after a
#: strategy, in running text, with a lower-case first letter (:func:`scope_in_text`).
SCOPE_NAMES = {
    "national": N_("National"),
    "local_development": N_("Local development"),
    "investment": N_("Investment"),
}
#: How a cell of the coverage grid is drawn, by score: 2, the strategy aims at the
#: constraint itself (filled blue); 1, at part of it (a light tint ringed in the same blue,
#: so that the mark reads at 3:1 or more on the white and on the shaded columns, WCAG
#: 1.4.11, and stays apart from the filled one).
CELL_STYLES: dict[int, dict[str, Any]] = {
    2: {"facecolor": constants.BLUE, "edgecolor": constants.BLUE, "linewidth": 0.0},
    1: {"facecolor": constants.LIGHT_BLUE, "edgecolor": constants.BLUE, "linewidth": 1.4},
}


def code_name(names: dict[str, str], code: str) -> str:
    """Return the translated name of ``code``, or the code made readable when unknown."""
    return _(names[code]) if code in names else code.replace("_", " ").capitalize()


def scope_in_text(name: str) -> str:
    """Return a scope's name as running text writes it after a strategy: its first letter
    in lower case ("national", "développement local"); the scopes are common nouns and
    adjectives, no proper names."""
    return name[:1].lower() + name[1:]


def with_scope(label: str, scope: str) -> str:
    """Return a strategy's label followed by its scope (as :func:`scope_in_text` writes it):
    in parentheses ("Programme X (national)"), or after a dash when the label itself ends
    with a parenthesis ("DIASPO-ISTM (2010) — national"), never two brackets in a row."""
    label = label.strip()
    return f"{label} — {scope}" if label.endswith(")") else f"{label} ({scope})"


def phone_subtitle(gaps_only: bool) -> str:
    """Return the subtitle of the coverage grid listed for a phone: what is measured, with
    no "rows" or "columns" (the phone list has neither; its legend shows the marks)."""
    if gaps_only:
        return _(
            "Strategies of the source document listed under each constraint they address "
            "(only the constraints the chosen scope leaves unaddressed). The links are the "
            "collection's own reading, not the document's"
        )
    return _(
        "Strategies of the source document listed under each constraint they address. The "
        "links are the collection's own reading, not the document's"
    )


def coverage_rows(
    matrix: pd.DataFrame,
    strategies: pd.DataFrame,
    constraints: pd.DataFrame,
    highlight: Sequence[str] = (),
) -> list[phone_lists.Row]:
    """Return the coverage grid as a phone reads it: its legend, then for each group of
    constraints (its heading) each constraint, on a tinted band when it is in
    ``highlight``, with under it the strategies that address it, each behind the grid's
    own mark for how (directly, in part) and followed by its scope (:func:`with_scope`);
    a constraint that no strategy shown addresses says so.
    Arguments as for :func:`draw_coverage`."""
    Row = phone_lists.Row
    st = strategies.set_index("id").loc[matrix.index]
    named = constraints.rename_axis("id").reset_index() if "short_label" in constraints else None
    none = _("no strategy shown addresses it")
    rows = [
        Row(_("addresses it directly"), mark={"kind": "square", **CELL_STYLES[2]}),
        Row(_("addresses part of it"), mark={"kind": "square", **CELL_STYLES[1]}),
    ]
    if highlight:
        rows.append(Row(none, shade=constants.PALE_TERRACOTTA))
    kinds = [str(constraints.at[c, "kind"]) for c in matrix.columns]
    for kind in dict.fromkeys(kinds):
        heading = (
            _(KIND_HEADINGS[kind])
            if kind in KIND_HEADINGS
            else _("{kind}\nconstraints").format(kind=kind.capitalize())
        )
        rows += [Row(""), Row(heading.replace("\n", " "), bold=True, colour=constants.TEXT_GREY)]
        for cid, its_kind in zip(matrix.columns, kinds, strict=True):
            if its_kind != kind:
                continue
            label = constraint_label(cid, constraints.at[cid, "label"], named)  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
            shade = constants.PALE_TERRACOTTA if cid in highlight else None
            rows.append(Row(label, bold=True, shade=shade))
            scores = matrix[cid]
            found = [
                (str(sid), int(score)) for sid, score in scores.items() if int(score) in CELL_STYLES
            ]
            for sid, score in found:
                scope = scope_in_text(code_name(SCOPE_NAMES, str(st.at[sid, "scope"])))
                rows.append(
                    Row(
                        with_scope(str(st.loc[sid, "label"]), scope),
                        level=1,
                        mark={"kind": "square", **CELL_STYLES[score]},
                    )
                )
            if not found:
                rows.append(Row(none, level=1, italic=True, colour=constants.TEXT_GREY))
    return rows
