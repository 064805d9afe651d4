"""The chart of notebook 00: where the document places Malians abroad."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from diaspora_helpers import text
from diaspora_helpers.charts import style


def document_malians_abroad(parts: pd.DataFrame, africa_pct: float) -> Figure:
    """Bar chart of the document's Malians abroad by place of residence."""
    fig, ax = style.titled_figure(
        f"The document places {text.percent(africa_pct, 1)} of Malians abroad elsewhere in Africa",
        "Malians living abroad by place of residence, persons (administrative estimates, "
        "as printed in the source document)",
        "Source: the source document, section 1.1 (administrative sources); 'not placed' is the "
        "total minus Africa and Europe",
    )
    colours = [style.PALETTE["admin"]] * 3 + [style.PALETTE["light"]]
    ax.barh(parts["where"], parts["persons"], color=colours)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda x, _: f"{x / 1e6:.1f} m")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    for y, value in enumerate(parts["persons"]):
        ax.text(value, y, f"  {text.number(value)}", va="center", fontsize=9)
    return fig
