"""The chart of notebook 00: where the document places Malians abroad."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from diaspora_helpers import text
from diaspora_helpers.charts import style
from diaspora_helpers.i18n import _, labelled


def document_malians_abroad(parts: pd.DataFrame, africa_pct: float) -> Figure:
    """Bar chart of the document's Malians abroad by place of residence.

    ``parts``: :func:`diaspora_helpers.analysis.key_figures.abroad_breakdown` (four rows:
    Africa, Europe excluding France, France, not placed; ``where`` and ``persons``).
    ``africa_pct``: Africa's share of the Malians abroad, in percent (the title's finding).
    Text in the edition's language.
    """
    fig, ax = style.titled_figure(
        _("The document places {share} of Malians abroad elsewhere in Africa").format(
            share=text.percent(africa_pct, 1)
        ),
        _(
            "Malians living abroad by place of residence, millions of persons (administrative "
            "estimates, as printed in the source document; each bar's label gives the persons)"
        ),
        _(
            "Source: the source document, section 1.1 (administrative sources); 'not placed' "
            "is the total minus Africa and Europe"
        ),
    )
    colours = [style.PALETTE["admin"]] * 3 + [style.PALETTE["light"]]
    places = list(labelled(parts)["where"])  # codes in the table, words on the chart
    ax.barh(places, parts["persons"], color=colours)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_millions_axis(ax))
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    for y, value in enumerate(parts["persons"]):
        ax.text(value, y, f"  {text.number(value)}", va="center", fontsize=9)
    return fig


def _millions_axis(ax: Axes) -> Callable[[float, object], str]:
    """x-axis labels in millions of persons, as plain numbers under a subtitle that says
    "millions of persons" (the collection's convention: no unit letter on a tick): "0",
    "0.5", "1.0" ("0,5" in French), decimals only when a tick needs them."""

    def label(x: float, _pos: object = None) -> str:
        if x == 0:
            return text.number(0)
        ticks = [t for t in ax.get_xticks() if t == t]
        whole = all(float(t / 1e6).is_integer() for t in ticks)
        return text.number(x / 1e6, 0 if whole else 1)

    return label
