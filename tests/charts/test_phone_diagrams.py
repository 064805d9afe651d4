"""Diagrams placed box by box have a phone rendering of their own (issue 25): the map, the
timeline, the landscape of institutions and the coverage grid, in both editions, are
written as ``<name>_phone.svg`` whose smallest text, shown 358 CSS px wide (a 390 px
screen less the page's margins), is at least 11 CSS px; with the page figure's title,
subtitle and source line (the map's says what its list shows), every row's words, and no
two texts overlapping.
"""

import itertools
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from diaspora_helpers import charts, setup  # noqa: E402
from diaspora_helpers.analysis import demography, institutions, policy, timeline  # noqa: E402
from diaspora_helpers.charts import phone as phone_rendering  # noqa: E402

SHOWN_PX = 358
SMALLEST_PX = 11.0


def _map():
    by_country = demography.destinations(2020)
    fig = charts.demography.map_malians_abroad(by_country, 9, 10, 2020)
    return fig, by_country


def _timeline():
    kinds = ["forum", "institution", "programme", "law_policy", "mission"]
    shown = timeline.select_events(timeline.events(), 1991, 2016, kinds)
    rhythm = timeline.wave_summary(shown, quiet_years=1)
    fig = charts.timeline.events_timeline(shown, kinds, 1991, 2016, rhythm)
    return fig, shown


def _landscape():
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    positions = charts.layout.layered_layout(nodes, links, bands=bands)
    counts = institutions.supervision_counts(nodes, links)
    fig = charts.institutions.institutional_landscape(nodes, links, positions, bands, counts)
    return fig, (nodes, links)


def _coverage():
    grid = policy.coverage_matrix()
    fig = charts.policy.coverage_grid(
        grid,
        policy.strategies_in_scope(),
        policy.constraint_list(),
        title="A finding",
        highlight=list(policy.gaps().index),
        gaps_only=False,
    )
    return fig, grid


DIAGRAMS = {"map": _map, "timeline": _timeline, "landscape": _landscape, "coverage": _coverage}


def _svg_text(svg: str) -> tuple[float, list[float], str]:
    box = re.search(r'viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) [\d.]+"', svg)
    assert box, "SVG without a viewBox"
    width = float(box.group(1))
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([\d.]+)px", svg)]
    words = " ".join(re.findall(r"<text\b[^>]*>([^<]*)</text>", svg))
    return width, sizes, words


@pytest.mark.parametrize("which", sorted(DIAGRAMS))
def test_each_diagram_has_a_phone_rendering_readable_at_390_px_without_overlaps(
    which, edition, tmp_path
):
    fig, _data = DIAGRAMS[which]()
    page_size = tuple(fig.get_size_inches())
    labels = fig._house_labels
    # The phone drawing save_phone writes is the one measured below (drawn once, not twice).
    drawn = fig._house_phone()
    fig._house_phone = lambda: drawn
    # save_figure writes this file beside the page's PNG, SVG and slide (the built pages'
    # test, tests/publish/test_reader.py, finds a phone rendering under every chart)
    phone = phone_rendering.save_phone(fig, tmp_path / f"{which}_phone.svg")
    assert phone == tmp_path / f"{which}_phone.svg"
    width, sizes, words = _svg_text(phone.read_text(encoding="utf-8"))
    assert sizes and min(sizes) * SHOWN_PX / width >= SMALLEST_PX, (min(sizes), width)
    title = re.sub(r"[ \t\n\r\f\v]+", " ", labels[0]).strip(" ")  # U+202F kept
    assert f'<title id="chart-title">{title}</title>' in phone.read_text(encoding="utf-8")
    assert tuple(fig.get_size_inches()) == page_size  # the page's figure is unchanged
    assert words.strip()
    FigureCanvasAgg(drawn)  # closed once written: given a canvas again, to be measured
    assert drawn.get_figwidth() == pytest.approx(3.8)
    assert _overlapping(drawn) == []
    renderer = drawn.canvas.get_renderer()
    wide = [
        t.get_text()[:30] for t in drawn.findobj(Text)
        if t.get_text().strip() and t.get_window_extent(renderer).x1 > drawn.bbox.x1 + 1
    ]  # fmt: skip
    assert wide == [], "text runs past the phone's width"


def _overlapping(fig):
    fig.draw_without_rendering()  # laid out, nothing painted: the boxes are what count
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [
        (a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b.padded(-1.5))
    ]  # fmt: skip


def test_the_phone_map_lists_every_country_of_a_class_from_1000_and_sums_the_rest(edition):
    fig, by_country = _map()
    phone = fig._house_phone()
    texts = [t.get_text() for t in phone.findobj(Text)]
    big = by_country[by_country["persons"] >= 1000]
    for name in big["country"]:
        assert any(name in " ".join(t.split()) for t in texts), name
    small = by_country[by_country["persons"] < 1000]
    shown_sum = f"{int(small['persons'].sum()):,}".replace(
        ",", "\u202f" if edition == "fr" else ","
    )
    assert any(t.strip() == shown_sum for t in texts), shown_sum


def test_the_phone_landscape_lists_every_relation_it_draws(edition):
    fig, (nodes, links) = _landscape()
    phone = fig._house_phone()
    lines = [" ".join(t.get_text().split()) for t in phone.findobj(Text)]
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    relation_rows = [t for t in lines if "→" in t or "↔" in t]
    assert len(relation_rows) == len(links)
    for row in links.itertuples():
        target = " ".join(str(names[row.to_id]).split())
        assert any(target in t for t in relation_rows), row.id


def test_the_phone_grid_lists_each_link_under_its_constraint():
    setup(language="en")
    charts.apply_style()
    fig, grid = _coverage()
    phone = fig._house_phone()
    lines = [" ".join(t.get_text().split()) for t in phone.findobj(Text)]
    # A scope after a strategy is running text: lower case (the grid's block labels, at
    # the start of a line, keep their capital).
    scopes = ("(national)", "(local development)", "(investment)")
    assert sum(line.endswith(scopes) for line in lines) == int((grid > 0).sum().sum())
    assert not any(line.endswith(("(National)", "(Local development)")) for line in lines)
    # A phone list has no rows and columns: its subtitle does not speak of them.
    title, subtitle, _source = phone._house_labels
    assert title == fig._house_labels[0]
    assert "(rows)" not in subtitle and "columns" not in subtitle
    assert "(rows)" in fig._house_labels[1]
    unaddressed = int((grid.sum(axis=0) == 0).sum())
    none = "no strategy shown addresses it"
    assert sum(line == none for line in lines) == unaddressed + 1  # and the legend's
    plt.close("all")
    setup(language="fr")
    fig, grid = _coverage()
    phone = fig._house_phone()
    lines = [" ".join(t.get_text().split()) for t in phone.findobj(Text)]
    scopes = ("(national)", "(développement local)", "(investissement)")
    # a label ending with its own bracket takes its scope after a dash (« … (2010) — national »)
    dashed = tuple(f") — {s.strip('()')}" for s in scopes)
    assert sum(line.endswith(scopes + dashed) for line in lines) == int((grid > 0).sum().sum())
    assert not any(") (" in line for line in lines)
    assert "(lignes)" not in phone._house_labels[1] and "colonnes" not in phone._house_labels[1]
    plt.close("all")
    setup(language="en")
