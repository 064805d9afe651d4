"""The chart palette stays distinguishable for colour-blind readers (issue 14).

Every pair of series colours must stay at least MIN_DISTANCE apart in CAM02-UCS, and each
series colour at least MIN_GREY_DISTANCE from the greys used for aggregates and context
(bars of peers beside grey aggregates were the issue's worst confusion), for normal vision
and under simulated deuteranopia, protanopia and tritanopia at full severity
(colorspacious' Machado et al. 2009 model).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import colorspacious
import numpy as np

from diaspora_helpers import constants
from diaspora_helpers.charts import style

MIN_DISTANCE = 10.0
MIN_GREY_DISTANCE = 13.0
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")
CHARTS = Path(style.__file__).parent


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def distances(first: str, second: str) -> dict[str, float]:
    """Return the CAM02-UCS distance of two hex colours, normal and per deficiency."""
    a, b = _rgb(first), _rgb(second)
    found = {"normal": float(colorspacious.deltaE(a, b, input_space="sRGB1"))}
    for kind in DEFICIENCIES:
        space = {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}
        seen_a = np.clip(colorspacious.cspace_convert(a, space, "sRGB1"), 0, 1)
        seen_b = np.clip(colorspacious.cspace_convert(b, space, "sRGB1"), 0, 1)
        found[kind] = float(colorspacious.deltaE(seen_a, seen_b, input_space="sRGB1"))
    return found


def too_close(
    colours: dict[str, str], others: dict[str, str] | None = None, minimum: float = MIN_DISTANCE
) -> list[str]:
    """Return a line per pair closer than ``minimum`` for some vision: every pair of
    ``colours``, or, when ``others`` is given, each of ``colours`` against each of ``others``."""
    problems = []
    pairs = (
        itertools.product(colours.items(), others.items())
        if others is not None
        else itertools.combinations(colours.items(), 2)
    )
    for (name_a, a), (name_b, b) in pairs:
        for vision, distance in distances(a, b).items():
            if distance < minimum:
                problems.append(f"{name_a} {a} / {name_b} {b}: {distance:.1f} ({vision})")
    return problems


def test_series_and_aggregate_greys_stay_apart_for_every_vision() -> None:
    colours = {f"series {n}": c for n, c in enumerate(style.SERIES)}
    greys = {"aggregate grey": style.PALETTE["grey"], "light": style.PALETTE["light"]}
    assert too_close(colours) == []
    assert too_close(colours, greys, MIN_GREY_DISTANCE) == []


def test_the_rest_grey_stays_apart_from_the_terracotta_it_is_stacked_on() -> None:
    """The darker grey of a stacked bar's rest (3:1 on white) is drawn only on top of
    Mali's terracotta (TOKTEN's women and men), so it must stay apart from that colour for
    every vision; it is too close to the green and the purple and is never drawn beside them."""
    rest = {"rest": style.PALETTE["rest"]}
    assert too_close({"mali": style.PALETTE["mali"]}, rest, MIN_GREY_DISTANCE) == []
    assert too_close({"green": constants.BLUISH_GREEN}, rest, MIN_GREY_DISTANCE) != []


def test_named_palette_is_the_tested_one() -> None:
    assert style.PALETTE is constants.PALETTE and style.SERIES is constants.SERIES
    assert set(style.PALETTE.values()) - {constants.INK} <= set(style.SERIES) | {
        constants.AGGREGATE_GREY,
        constants.LIGHT_GREY,
        constants.REST_GREY,
    }


def test_the_check_fails_on_the_old_pairs() -> None:
    # The failures: a mid green against a mid grey, and a purple against a blue.
    assert too_close({"green": "#3a8a5c"}, {"grey": "#8c8c8c"}, MIN_GREY_DISTANCE)
    assert any("deuteranomaly" in p for p in too_close({"blue": "#1f5f8b", "purple": "#7b4f9d"}))


def test_chart_modules_name_their_colours() -> None:
    for module in sorted(CHARTS.glob("*.py")):
        literals = re.findall(r"#[0-9a-fA-F]{6}\b", module.read_text(encoding="utf-8"))
        assert literals == [], f"{module.name} writes colours inline: {literals}"
