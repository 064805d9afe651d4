"""TOKTEN's 2014-2015 trainees by sector and by degree, with the share of women."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from diaspora_helpers import constants, i18n, tables, text
from diaspora_helpers.analysis import tokten
from diaspora_helpers.charts import style
from diaspora_helpers.i18n import _, ngettext

#: The men (or not stated) of a stacked bar, over the women in terracotta: a mark the reader
#: needs, so a grey at 3:1 on the white ground (WCAG 1.4.11), not the light grey of context.
REST_COLOUR = style.PALETTE["rest"]
#: A thin white line between the two parts of a bar: each reads against the white ground.
_GAP: dict[str, Any] = {"edgecolor": constants.WHITE, "linewidth": 0.6}


def _capitalised(code: str) -> str:
    """Return a sector or level code as a tick label in the edition's language:
    "other_administrations" -> "Other administrations", "smes" -> "SMEs" ("PME")."""
    shown = i18n.word(code, tokten.WORDS)
    return shown[:1].upper() + shown[1:]


def draw_tokten(axes: Sequence[Axes], sectors: pd.DataFrame, levels: pd.DataFrame) -> None:
    """Draw trainees by sector (with missions) and by degree level (women and men)."""
    left, right = axes
    names = [_capitalised(str(s)) for s in sectors["sector"]]
    women = sectors["women"].astype("Float64").fillna(0).astype("float64")
    men = sectors["trainees"].astype("float64") - women
    y = range(len(sectors))
    left.barh(y, women, color=style.PALETTE["mali"], label=_("women"), **_GAP)
    left.barh(y, men, left=women, color=REST_COLOUR, label=_("men (or not stated)"), **_GAP)
    for i, row in enumerate(tables.rows(sectors)):
        missions = ngettext("{n} mission", "{n} missions", int(row.missions)).format(
            n=text.number(row.missions)
        )
        left.text(
            row.trainees,
            i,
            f"  {text.number(row.trainees)} ({missions})",
            va="center",
            fontsize=8.5,
        )
    left.set_yticks(list(y), names)
    left.invert_yaxis()
    left.set_xlim(0, float(sectors["trainees"].max()) * 1.45)
    left.set_title(_("Trainees by sector (missions in brackets)"))
    left.grid(axis="x")
    left.grid(axis="y", visible=False)
    left.legend(loc="center right", fontsize=8.5)

    lv_names = [_capitalised(str(v)) for v in levels["degree_level"]]
    w = levels["women"].astype("float64")
    m = levels["trainees"].astype("float64") - w
    x = range(len(levels))
    right.bar(x, w, color=style.PALETTE["mali"], **_GAP)
    right.bar(x, m, bottom=w, color=REST_COLOUR, **_GAP)
    for i, row in enumerate(tables.rows(levels)):
        right.text(
            i,
            row.trainees,
            _("{share} women").format(share=text.percent(100 * row.women / row.trainees)),
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
    right.set_xticks(list(x), lv_names)
    right.set_ylim(0, float(levels["trainees"].max()) * 1.15)
    right.set_title(_("Education trainees by degree level"))


def trainees_by_sector_and_level(
    sectors: pd.DataFrame, levels: pd.DataFrame, *, period: str, women_pct: float, lowest: str
) -> Figure:
    """Return the finished two-panel chart of TOKTEN's trainees.

    ``sectors`` and ``levels`` come from ``analysis.tokten``; ``period`` is the reporting
    period as ``analysis.timeline.when`` gives it (an ISO interval, read in words here),
    ``women_pct`` the stated share of women among all trainees (percent) and ``lowest``
    the degree level (code) where that share is lowest.
    """
    fig, axes = style.titled_figure(
        _(
            "TOKTEN trained {n} people in the reporting period; women were {share} of them, "
            "and least present at {level} level"
        ).format(
            n=text.number(sectors["trainees"].sum()),
            share=text.percent(women_pct),
            level=i18n.word(lowest, tokten.WORDS),
        ),
        _(
            "Trainees of TOKTEN missions, {period}, by sector and (education) by degree level; "
            "women in terracotta"
        ).format(period=text.period(period)),
        _("Source document, section 5.1 (figures from the Ministry of Malians Abroad)"),
        ncols=2,
    )
    draw_tokten(axes, sectors, levels)
    return fig
