"""Chart marks read against their ground (WCAG 2.2 AA 1.4.11, issue 25): every shape a
reader needs to read a chart reads at 3:1 or more against what it is drawn on, and text
at 4.5:1. Charts keep their white ground in the light and the dark page scheme alike
(the site's dark colours are for the chrome only), so the grounds are the chart's white
and the tints drawn inside charts (the timeline's lane panels, the coverage grid's
shaded columns).

The ratios are computed here from the WCAG 2.2 definition of relative luminance, not
with the package's own helper.
"""

from __future__ import annotations

import pytest

from diaspora_helpers import colours, constants
from diaspora_helpers.charts import demography, institutions, maps, policy, timeline
from diaspora_helpers.charts import tokten as tokten_chart

NON_TEXT = 3.0
TEXT = 4.5
WHITE = "#ffffff"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def lum(colour: str) -> float:
        r, g, b = (_channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ratio_here_is_wcags():
    assert ratio("#000000", WHITE) == pytest.approx(21.0)
    assert ratio("#777777", WHITE) == pytest.approx(4.48, abs=0.01)  # WebAIM's figure
    assert colours.contrast("#9a9a9a", WHITE) == pytest.approx(ratio("#9a9a9a", WHITE))


def test_every_class_of_the_map_stands_out_from_the_white_ground():
    classes = maps.class_colours(len(demography.MAP_BINS))
    assert {c: ratio(c, WHITE) >= NON_TEXT for c in classes} == {c: True for c in classes}
    assert len(set(classes)) == len(classes)


def test_a_map_scale_without_a_colour_dark_enough_is_refused():
    with pytest.raises(ValueError, match="3:1"):
        maps.class_colours(3, "Greys", low=0.0, high=0.2)


@pytest.mark.parametrize("score", sorted(policy.CELL_STYLES))
@pytest.mark.parametrize("ground", [WHITE, constants.PALE_TERRACOTTA])
def test_each_mark_of_the_coverage_grid_reads_on_its_ground(score, ground):
    style = policy.CELL_STYLES[score]
    edge = str(style["edgecolor"]) if float(style["linewidth"]) > 0 else str(style["facecolor"])
    assert ratio(edge, ground) >= NON_TEXT, (score, edge, ground)


def test_the_two_marks_of_the_coverage_grid_differ():
    direct, partial = policy.CELL_STYLES[2], policy.CELL_STYLES[1]
    assert ratio(str(direct["facecolor"]), str(partial["facecolor"])) >= NON_TEXT


@pytest.mark.parametrize("relation", sorted(institutions.RELATION_STYLES))
def test_each_arrow_of_the_landscape_reads_on_the_white_ground(relation):
    colour = str(institutions.RELATION_STYLES[relation]["color"])
    assert ratio(colour, WHITE) >= NON_TEXT, (relation, colour, round(ratio(colour, WHITE), 2))


@pytest.mark.parametrize("kind", sorted(timeline.KIND_COLOURS))
def test_each_lane_name_of_the_timeline_reads_as_text(kind):
    text = timeline.text_colour(timeline.KIND_COLOURS[kind])
    for ground in (WHITE, constants.PANEL_GREY):
        assert ratio(text, ground) >= TEXT, (kind, text, ground)


#: Series colours of the house palette under 3:1 on white: Okabe and Ito's orange and sky
#: blue. They are kept for the colour-blind-safe set (tests/charts/test_palette.py); where
#: they carry meaning a chart says it in words too (labels beside the marks, the legend,
#: the data table under the chart). Listed so that a new colour under 3:1 fails.
KNOWN_LIGHT_SERIES = {constants.ORANGE, constants.SKY_BLUE}


@pytest.mark.parametrize("colour", constants.SERIES)
def test_series_colours_read_on_the_white_ground(colour):
    if colour in KNOWN_LIGHT_SERIES:
        assert ratio(colour, WHITE) < NON_TEXT  # still light: the list above is up to date
        return
    assert ratio(colour, WHITE) >= NON_TEXT, (colour, round(ratio(colour, WHITE), 2))


def test_the_rest_of_a_stacked_bar_reads_on_the_white_ground():
    """The grey part of TOKTEN's stacked bars ("men, or not stated", beside the women in
    terracotta) is a mark a reader needs: 3:1 on white (it was #d9d9d9, 1.41:1), and told
    apart from the terracotta it is stacked on."""
    rest = tokten_chart.REST_COLOUR
    assert ratio(rest, WHITE) >= NON_TEXT, (rest, round(ratio(rest, WHITE), 2))
    assert rest != constants.PALETTE["mali"]
    assert ratio(constants.LIGHT_GREY, WHITE) < NON_TEXT  # the old grey fails the check


@pytest.mark.parametrize("kind", sorted(timeline.KIND_COLOURS))
def test_each_kind_of_the_timeline_marks_reads_on_its_grounds(kind):
    """The timeline's dots and period edges (r25 item 8: the laws' orange was 2.25:1)."""
    mark = timeline.mark_colour(kind)
    for ground in (WHITE, constants.PANEL_GREY):
        assert ratio(mark, ground) >= NON_TEXT, (kind, mark, ground, round(ratio(mark, ground), 2))


def test_the_phone_timeline_tells_each_kind_by_shape_as_well_as_colour():
    """WCAG 1.4.1: the phone timeline's legend gives each kind its own shape, and every
    event row carries the shape of its kind (a dot's marker, or the marker on a period's bar)."""
    from diaspora_helpers.analysis import timeline as events_table

    events = events_table.events()
    kinds = [k for k in events_table.KIND_ORDER if k in set(events["kind"].astype(str))]
    first, last = events_table.year_range()
    placed = timeline.placed_events(events, kinds, first, last)
    rows = timeline.phone_rows(placed, kinds)
    legend = rows[: len(kinds)]
    shapes = [row.mark["marker"] for row in legend if row.mark]
    assert len(shapes) == len(kinds) == len(set(shapes))
    by_kind = dict(zip(kinds, shapes, strict=True))
    event_rows = [row for row in rows[len(kinds) + 1 :] if row.mark]
    assert len(event_rows) == len(placed)
    order = {kind: lane for lane, kind in enumerate(kinds)}
    ordered = placed.assign(_lane=placed["kind"].astype(str).map(order)).sort_values(
        ["start", "_lane", "id"], kind="stable"
    )
    expected = [by_kind[str(k)] for k in ordered["kind"]]
    assert [row.mark["marker"] for row in event_rows] == expected


def test_every_line_of_the_corridor_chart_reads_and_has_its_own_shape():
    """r25e: the Senegal line (orange, 2.25:1), the scenario line (sky blue, 2.31:1) and the
    published share of GDP (grey, 1.92:1) did not read at 3:1, and the four corridors were
    told apart by colour alone."""
    from diaspora_helpers.charts import remittances as chart

    colours = chart.CORRIDOR_COLOURS
    assert all(ratio(c, WHITE) >= NON_TEXT for c in colours), colours
    assert len(set(colours)) == len(set(chart.CORRIDOR_MARKERS)) == len(colours)
    assert ratio(constants.EDGE_GREY, WHITE) >= NON_TEXT
    assert ratio(constants.TEXT_GREY, WHITE) >= NON_TEXT
