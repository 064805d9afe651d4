"""Diagrams drawn for the page (issue 14): the timeline, the landscape of institutions and
the coverage grid are as wide as a page shows an image at its own size, their text is at
least ``style.DIAGRAM_PT`` (capitals about 10 px tall), no two labels overlap, and each
carries a 16:9 slide drawn for the slide; the map's slide cuts no country with data."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from diaspora_helpers import charts
from diaspora_helpers.analysis import demography, institutions, policy, timeline
from diaspora_helpers.charts import files, maps, style


def _timeline():
    events, kinds = timeline.events(), timeline.event_kinds()
    shown = timeline.select_events(events, 1991, 2016, kinds)
    rhythm = timeline.wave_summary(shown, quiet_years=1)
    return charts.timeline.events_timeline(shown, kinds, 1991, 2016, rhythm)


def _landscape():
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    positions = charts.layout.layered_layout(nodes, links, bands=bands)
    counts = institutions.supervision_counts(nodes, links)
    return charts.institutions.institutional_landscape(nodes, links, positions, bands, counts)


def _coverage():
    return charts.policy.coverage_grid(
        policy.coverage_matrix(),
        policy.strategies_in_scope(),
        policy.constraint_list(),
        title="A finding",
        highlight=list(policy.gaps().index),
        gaps_only=False,
    )


DIAGRAMS = {"timeline": _timeline, "landscape": _landscape, "coverage": _coverage}


def _labels(fig):
    """Every text drawn in the figure but its title, subtitle and source line."""
    house = set(fig._house_texts)
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.figure is fig and t not in house
    ]


def _overlaps(fig):
    fig.draw_without_rendering()  # laid out, nothing painted: the boxes are what count
    renderer = fig.canvas.get_renderer()
    boxes = [(t, t.get_window_extent(renderer)) for t in _labels(fig)]
    return [
        (a.get_text(), b.get_text())
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if not (a.get_rotation() and b.get_rotation())  # turned column heads: parallel
        and box_a.overlaps(box_b.padded(-1))
    ]


@pytest.fixture(autouse=True)
def _house_style():
    charts.apply_style()
    yield
    plt.close("all")


@pytest.mark.parametrize("which", sorted(DIAGRAMS))
def test_diagrams_are_drawn_for_the_page_with_legible_text(which):
    fig = DIAGRAMS[which]()
    width, _ = fig.get_size_inches()
    assert width == style.PAGE_WIDTH  # shown at its own size: 100 dpi, at most 960 px
    sizes = [t.get_fontsize() for t in _labels(fig)]
    assert min(sizes) >= style.DIAGRAM_PT, f"{which}: text of {min(sizes)} pt"
    assert _overlaps(fig) == []


@pytest.mark.parametrize("which", sorted(DIAGRAMS))
def test_diagrams_carry_a_slide_drawn_for_the_slide(which):
    fig = DIAGRAMS[which]()
    slide = fig._house_slide()
    assert tuple(slide.get_size_inches()) == style.SLIDE_SIZE
    assert _overlaps(slide) == []
    assert tuple(fig.get_size_inches())[0] == style.PAGE_WIDTH


def test_the_runner_writes_the_slide_drawing_and_keeps_the_page_figure(tmp_path):
    page, _ = style.titled_figure("Finding", "Measure", "World Bank", figsize=(9.5, 11.0))
    drawn = []

    def draw_slide():
        slide, _ = style.titled_figure("Finding", "Measure", "World Bank", figsize=style.SLIDE_SIZE)
        drawn.append(slide)
        return slide

    style.with_slide(page, draw_slide)
    files.save_figure(page, "demo", pd.DataFrame({"a": [1]}), tmp_path)
    header = (tmp_path / "demo_slide.png").read_bytes()[16:24]
    assert (int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")) == (1920, 1080)
    assert len(drawn) == 1 and not plt.fignum_exists(drawn[0].number)
    assert tuple(page.get_size_inches()) == (9.5, 11.0)


def test_the_map_slide_fills_its_width_and_cuts_no_country_with_data():
    by_country = demography.destinations(2020)
    fig = charts.demography.map_malians_abroad(by_country, 7, 10, 2020)
    slide = fig._house_slide()
    slide.draw_without_rendering()
    (ax,) = slide.axes
    box = ax.get_position()
    assert box.width > 0.7, f"the map takes {box.width:.0%} of the slide's width"
    lon_min, lon_max, lat_min, lat_max = maps.OLD_WORLD
    cut = []
    for code in by_country["iso3"]:
        path = maps._path_of(code)
        if path is None:
            continue
        (x0, y0), (x1, y1) = path.get_extents().get_points()
        inside = lon_min <= x0 and x1 <= lon_max and lat_min <= y0 and y1 <= lat_max
        outside = x1 < lon_min or x0 > lon_max or y1 < lat_min or y0 > lat_max
        if not (inside or outside):
            cut.append(code)
    assert cut == []
    assert "RUS" in by_country["iso3"].tolist()
    (x0, _), (x1, _) = maps._path_of("RUS").get_extents().get_points()
    assert lon_min <= x0 and x1 <= lon_max  # whole, its far east drawn beyond 180


def test_groups_wider_than_the_page_go_on_a_shelf_below():
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    page = charts.layout.layered_layout(nodes, links, bands=bands, max_width=8)
    wide = charts.layout.layered_layout(nodes, links, bands=bands, max_width=None)
    assert page["x"].max() <= 7 < wide["x"].max()
    partners = page.loc[page["band"] == "international_partner", "y"].iloc[0]
    alone = page.loc[page["band"] == "unlinked", "y"].iloc[0]
    kayes = page.set_index("id").at["kayes_regional_council", "y"]
    assert partners < kayes < alone  # partners under the diagram they link to
    assert alone == page["y"].max()


def test_a_word_too_long_for_a_box_is_hyphenated_in_the_editions_language():
    import pandas as pd

    import diaspora_helpers
    from diaspora_helpers.charts import institutions

    row = pd.Series({"name": "Projet d'appui au codéveloppement", "acronym": ""})
    diaspora_helpers.setup(language="fr")
    _, body = institutions.box_parts(row, width=13)
    assert max(len(line) for line in body.splitlines()) <= 13
    assert "codéveloppe-\nment" in body
    _, short = institutions.box_parts(pd.Series({"name": "Union européenne", "acronym": ""}), 13)
    assert short == "Union\neuropéenne"
    diaspora_helpers.setup(language="en")  # a word that breaks at its own hyphen is not split
    english = pd.Series({"name": "Co-Development Technical Unit", "acronym": ""})
    assert institutions.box_parts(english, width=13)[1] == "Co-\nDevelopment\nTechnical\nUnit"
