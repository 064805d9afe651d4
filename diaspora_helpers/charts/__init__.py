"""The charts layer: the house style, the graph layout, maps, and one module per topic.

Every topic function returns a finished figure (a title that states the finding, a
subtitle that says what is measured, a source line) for :func:`show`; none loads data.
"""

from diaspora_helpers.charts import (
    demography,
    files,
    institutions,
    key_figures,
    layout,
    maps,
    policy,
    remittances,
    style,
    timeline,
    tokten,
)
from diaspora_helpers.charts.files import show
from diaspora_helpers.charts.style import apply_style, titled_figure

__all__ = [
    "apply_style",
    "demography",
    "files",
    "institutions",
    "key_figures",
    "layout",
    "maps",
    "policy",
    "remittances",
    "show",
    "style",
    "timeline",
    "titled_figure",
    "tokten",
]
