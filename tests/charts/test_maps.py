"""Maps: polygons from countryinfo, classes, colours, and the same picture on every run."""

import io

import matplotlib
import matplotlib.colors as mcolors
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from diaspora_helpers import charts

SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
HOLE = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]


def test_rings_read_polygons_multipolygons_and_nothing_else():
    assert len(charts.maps.rings({"type": "Polygon", "coordinates": [SQUARE, HOLE]})) == 1
    assert len(charts.maps.rings({"type": "Polygon", "coordinates": [SQUARE, HOLE]})[0]) == 2
    multi = {"type": "MultiPolygon", "coordinates": [[SQUARE], [HOLE]]}
    assert [len(p) for p in charts.maps.rings(multi)] == [1, 1]
    assert charts.maps.rings({"type": "Point", "coordinates": [0, 0]}) == []
    assert charts.maps.rings(None) == []


def test_country_path_keeps_holes_as_separate_closed_rings():
    path = charts.maps.country_path({"type": "Polygon", "coordinates": [SQUARE, HOLE]})
    assert list(path.codes).count(Path.MOVETO) == 2
    assert list(path.codes).count(Path.CLOSEPOLY) == 2
    assert path.contains_point((0.8, 0.8))
    assert charts.maps.country_path(None) is None


def test_real_outlines_come_from_countryinfo():
    mali = charts.maps._path_of("MLI")
    assert mali is not None
    assert mali.contains_point((-8.0, 12.65))  # Bamako
    assert not mali.contains_point((2.35, 48.85))  # Paris
    assert charts.maps._path_of("XXX") is None
    codes = charts.maps.background_codes()
    assert {"MLI", "FRA", "CIV"} <= set(codes)
    assert "USA" not in codes
    assert list(codes) == sorted(codes)


def test_classify_uses_lower_edges():
    values = pd.Series([0, 1, 999, 1000, 50_000], index=list("abcde"))
    classes = charts.maps.classify(values, [1, 1000, 10_000], ["small", "medium", "large"])
    assert pd.isna(classes["a"])
    assert classes[["b", "c", "d", "e"]].tolist() == ["small", "small", "medium", "large"]
    with pytest.raises(ValueError, match="labels"):
        charts.maps.classify(values, [1, 10], ["one"])
    with pytest.raises(ValueError, match="increase"):
        charts.maps.classify(values, [10, 1], ["a", "b"])


def test_class_colours_darken_along_the_scale():
    colours = charts.maps.class_colours(4)
    assert len(set(colours)) == 4
    lightness = [sum(mcolors.to_rgb(c)) for c in colours]
    assert lightness == sorted(lightness, reverse=True)


def _draw() -> tuple[bytes, list, int]:
    fig, ax = plt.subplots(figsize=(3, 3))
    values = pd.Series({"CIV": 500_000, "FRA": 80_000, "SEN": 5_000})
    handles = charts.maps.choropleth(
        ax, values, [1, 10_000, 100_000], ["few", "some", "many"], extent=(-20, 10, 0, 52)
    )
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    patches = len(ax.patches)
    plt.close(fig)
    return buffer.getvalue(), handles, patches


def test_choropleth_draws_every_country_once_and_is_deterministic():
    first, handles, patches = _draw()
    second, _, _ = _draw()
    assert first == second
    assert [h.get_label() for h in handles] == ["few", "some", "many", "none recorded", "Mali"]
    with_outline = [
        c for c in charts.maps.background_codes() if charts.maps._path_of(c) is not None
    ]
    assert patches == len(with_outline) > 100


def test_draw_countries_colours_and_highlight():
    fig, ax = plt.subplots()
    drawn = charts.maps.draw_countries(ax, {"FRA": "#123456"}, background=["ESP"], highlight="MLI")
    faces = [mcolors.to_hex(p.get_facecolor()) for p in ax.patches]
    plt.close(fig)
    assert drawn == 3
    assert faces == [charts.maps.NO_DATA_COLOUR, "#123456", charts.maps.HIGHLIGHT_COLOUR]
