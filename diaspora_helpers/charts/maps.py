"""Maps drawn with matplotlib from countryinfo's country polygons, read at run time.

No geometry file is kept in the project: every outline comes from the countryinfo
package through :func:`diaspora_helpers.countries.country_geometry`. Longitude and
latitude are drawn as they are (an equirectangular view, squeezed to the cosine of the
middle latitude), which is enough for Africa and Europe. Countries are drawn in code
order, so the picture is the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from diaspora_helpers import colours, constants, text
from diaspora_helpers.charts.phone_lists import Row
from diaspora_helpers.data import countries
from diaspora_helpers.i18n import _, ngettext

# lon_min, lon_max, lat_min, lat_max: Africa, Europe and the Near East.
AFRICA_EUROPE = (-26.0, 58.0, -36.0, 71.0)
# The Old World from Cabo Verde to the Bering Strait and from the Cape to the Arctic
# islands, Australia included: every country outside the Americas is whole, Russia too
# (its far east, beyond 180 degrees, is drawn east of it). About 1.6 times as wide as
# tall once squeezed, it fills a 16:9 slide beside its legend.
OLD_WORLD = (-26.0, 192.0, -45.0, 82.0)
BACKGROUND_REGIONS = ("Africa", "Europe", "Asia")
NO_DATA_COLOUR = constants.NO_DATA_GREY
EDGE_COLOUR = constants.WHITE
HIGHLIGHT_COLOUR = constants.TERRACOTTA


def rings(geometry: dict[str, Any] | None) -> list[list[np.ndarray]]:
    """Return the polygons of a GeoJSON Polygon or MultiPolygon as lists of rings.

    Each polygon is ``[exterior, hole, hole, ...]``, each ring an ``(n, 2)`` array of
    longitude and latitude. Anything else (None, a point) gives an empty list.
    """
    if not geometry:
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords
    else:
        return []
    out = []
    for polygon in polygons:
        arrays = [np.asarray(ring, dtype="float64")[:, :2] for ring in polygon if len(ring) >= 3]
        if arrays:
            out.append(arrays)
    return out


def country_path(geometry: dict[str, Any] | None) -> Path | None:
    """Return one matplotlib Path for a country's polygons, holes included; None if empty."""
    vertices, codes = [], []
    for polygon in rings(geometry):
        for ring in polygon:
            vertices.append(ring)
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(ring) - 2) + [Path.CLOSEPOLY])
    if not vertices:
        return None
    if any(ring[:, 0].max() > 170 for ring in vertices):
        # A country across the antimeridian (Russia's far east): its rings lying wholly
        # west of -168 degrees are drawn east of 180, next to the rest of the country.
        vertices = [ring + [360.0, 0.0] if ring[:, 0].max() < -168 else ring for ring in vertices]
    return Path(np.concatenate(vertices), codes)


@cache
def _path_of(iso3: str) -> Path | None:
    """Return the cached outline of a country by ISO alpha-3 code (None if it has none)."""
    if not countries.is_valid_iso3(iso3):
        return None
    return country_path(countries.country_geometry(iso3))


@cache
def background_codes(regions: tuple[str, ...] = BACKGROUND_REGIONS) -> tuple[str, ...]:
    """Return the ISO alpha-3 codes of every country countryinfo places in ``regions``, sorted."""
    from countryinfo import all_countries

    codes = set()
    for info in all_countries():
        try:
            code, region = info.iso(3), info.region()
        except (KeyError, AttributeError, TypeError):  # entries without ISO data
            continue
        if isinstance(code, str) and region in regions and countries.is_valid_iso3(code):
            codes.add(code)
    return tuple(sorted(codes))


def classify(values: pd.Series, bins: Sequence[float], labels: Sequence[str]) -> pd.Series:
    """Return the class label of each value; bins are lower edges, a class includes its edge.

    ``bins=[1, 1000, 10000]`` with three labels puts 1-999 in the first class, 1,000-9,999
    in the second and 10,000 or more in the last. Values below the first edge, and missing
    values, get no class (NaN).
    """
    if len(bins) != len(labels):
        raise ValueError(f"{len(bins)} bin edges need {len(bins)} labels, got {len(labels)}")
    if list(bins) != sorted(bins):
        raise ValueError(f"bin edges must increase: {list(bins)}")
    edges = [*bins, math.inf]
    cut = pd.cut(values.astype("float64"), edges, right=False, labels=list(labels))
    return pd.Series(cut.astype("object").where(cut.notna()), index=values.index, dtype="str")


def class_colours(
    n: int,
    cmap: str = "Blues",
    low: float = 0.25,
    high: float = 0.95,
    ground: str | None = constants.WHITE,
) -> list[str]:
    """Return ``n`` hex colours from light to dark along a matplotlib colour map.

    With a ``ground`` (the chart's white by default), the light end is moved along the map
    from ``low`` until the lightest class reads at :data:`colours.NON_TEXT_CONTRAST` (3:1,
    WCAG 1.4.11) on it, so every class stands out from the page; ``ground=None`` keeps
    ``low``. Raises ``ValueError`` when no colour of the map up to ``high`` reads so.
    """
    import matplotlib

    colour_map = matplotlib.colormaps[cmap]
    if ground is not None:
        while colours.contrast(mcolors.to_hex(colour_map(low)), ground) < colours.NON_TEXT_CONTRAST:
            low = round(low + 0.01, 2)
            if low > high:
                raise ValueError(f"no colour of {cmap!r} up to {high} reads at 3:1 on {ground}")
    if n == 1:
        return [mcolors.to_hex(colour_map(high))]
    return [mcolors.to_hex(colour_map(low + (high - low) * i / (n - 1))) for i in range(n)]


def draw_countries(
    ax: Axes,
    colours: dict[str, str],
    *,
    background: Iterable[str] = (),
    highlight: str | None = None,
    extent: tuple[float, float, float, float] = AFRICA_EUROPE,
) -> int:
    """Fill each country of ``colours`` with its colour on ``ax``; return the patches drawn.

    Countries in ``background`` without a colour are drawn in light grey; ``highlight``
    is drawn last in the house colour for Mali.
    """
    drawn = 0
    codes = sorted(set(background) | set(colours))
    if highlight:
        codes = [c for c in codes if c != highlight] + [highlight]
    for code in codes:
        path = _path_of(code)
        if path is None:
            continue
        face = HIGHLIGHT_COLOUR if code == highlight else colours.get(code, NO_DATA_COLOUR)
        ax.add_patch(PathPatch(path, facecolor=face, edgecolor=EDGE_COLOUR, linewidth=0.4))
        drawn += 1
    lon_min, lon_max, lat_min, lat_max = extent
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    middle = math.radians((lat_min + lat_max) / 2)
    ax.set_aspect(1 / math.cos(middle))
    ax.set_axis_off()
    return drawn


def choropleth(
    ax: Axes,
    values: pd.Series,
    bins: Sequence[float],
    labels: Sequence[str],
    *,
    highlight: str | None = "MLI",
    highlight_label: str | None = None,
    extent: tuple[float, float, float, float] = AFRICA_EUROPE,
    cmap: str = "Blues",
) -> list[Patch]:
    """Shade countries by class of ``values`` (indexed by ISO alpha-3); return legend handles.

    The legend names each class by its label, then "none recorded" and the highlighted
    country (``highlight_label``, by default its name in the edition's language).
    """
    classes = classify(values, bins, labels)
    palette = dict(zip(labels, class_colours(len(labels), cmap), strict=True))
    colours = {code: palette[label] for code, label in classes.dropna().items()}
    draw_countries(ax, colours, background=background_codes(), highlight=highlight, extent=extent)  # type: ignore[arg-type]  # pandas-stubs types an index label as Hashable
    handles = [Patch(facecolor=palette[label], label=label) for label in labels]
    handles.append(
        Patch(facecolor=NO_DATA_COLOUR, edgecolor=constants.FAINT_GREY, label=_("none recorded"))
    )
    if highlight:
        shown = highlight_label or countries.country_name(highlight)
        handles.append(Patch(facecolor=HIGHLIGHT_COLOUR, label=shown))
    return handles


def ranked_rows(
    values: pd.Series,
    names: pd.Series,
    bins: Sequence[float],
    labels: Sequence[str],
    *,
    legend_title: str,
    cmap: str = "Blues",
) -> list[Row]:
    """Return a choropleth's data as rows for a phone (:func:`phone_lists.draw_rows`): the
    classes as a legend, then one bar per country from the second class up, largest first,
    coloured by its class and labelled with its value; the countries of the first class
    summed in one last row ("34 other countries (fewer than 1,000 each)").

    ``values`` and ``names`` are indexed alike (ISO alpha-3 codes: a country's value and
    its name in the edition's language); ``bins`` and ``labels`` as for :func:`classify`.
    """
    classes = classify(values, bins, labels)
    palette = dict(zip(labels, class_colours(len(labels), cmap), strict=True))
    legend = [Row(legend_title, bold=True)]
    legend += [Row(label, mark={"kind": "square", "facecolor": palette[label]}) for label in labels]
    ranked = values[classes.notna()].sort_values(ascending=False, kind="stable")
    largest = float(ranked.max()) if len(ranked) else 1.0
    rows = []
    for key, value in ranked.items():
        code = str(key)
        if classes[code] == labels[0]:
            continue
        rows.append(
            Row(
                text.number(value),
                mark={
                    "kind": "bar",
                    "length": value / largest,
                    "facecolor": palette[classes[code]],
                },
                gutter=str(names[code]),
                gutter_in=GUTTER_IN,
            )
        )
    first = values[classes == labels[0]]
    if len(first):
        rows.append(
            Row(
                text.number(first.sum()),
                mark={
                    "kind": "bar",
                    "length": first.sum() / largest,
                    "facecolor": palette[labels[0]],
                },
                gutter=ngettext(
                    "{n} other country ({label})", "{n} other countries ({label} each)", len(first)
                ).format(n=text.number(len(first)), label=labels[0]),
                gutter_in=GUTTER_IN,
            )
        )
    return [*legend, Row(""), *rows]


#: The width of the countries' names in a phone's ranked rows (inches).
GUTTER_IN = 1.45
