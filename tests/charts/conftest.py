"""Fixtures shared by the chart tests."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from diaspora_helpers import charts, setup  # noqa: E402


@pytest.fixture(params=["en", "fr"])
def edition(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each edition in turn, with the house style applied; English and no figure after."""
    setup(language=request.param)
    charts.apply_style()
    yield request.param
    setup(language="en")
    plt.close("all")
