"""House charts drawn again for a phone (issue 25): at 3.8 inches wide, with the data the
notebooks draw, in both editions, no text runs out of the drawing and no two texts touch
(panel titles, legends, category labels, value labels, the title, subtitle and source).

The check measures each text's box as matplotlib draws it, independently of how
:func:`diaspora_helpers.charts.phone.phone_layout` placed it; a test below shows it fails
on a legend drawn over labels and on a title wider than the drawing.
"""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from diaspora_helpers import charts, setup  # noqa: E402
from diaspora_helpers.analysis import (  # noqa: E402
    key_figures,
    remittances,
    targets,
    timeline,
    tokten,
)
from diaspora_helpers.charts.phone import PHONE_WIDTH, phone_layout  # noqa: E402


def _peers():
    focus_year, peers = 2012, ["SEN", "BFA", "NER", "CIV", "GIN"]
    compared = remittances.per_person(focus_year, ["MLI", *peers, *remittances.aggregate_codes()])
    countries = compared[compared["iso3"].isin(["MLI", *peers])]
    rank, ranked = remittances.rank_of(countries, "share_2026_derived_pct", "MLI")
    mali = compared.set_index("iso3").loc["MLI"]
    return charts.remittances.mali_and_peers(
        compared, remittances.aggregate_codes(), mali, rank, ranked, focus_year
    )


def _corridors():
    costs = remittances.corridor_costs()
    test = targets.corridor_test(costs)
    return charts.remittances.corridor_costs_into_mali(
        costs, remittances.country_cost(), test.iloc[-1], targets.threshold("corridor"), 3.0
    )


def _tokten():
    sectors, levels = tokten.tokten_sectors(), tokten.tokten_levels()
    stated = tokten.stated_totals()
    shares = tokten.women_share(levels, "degree_level")
    lowest = shares.set_index("degree_level")["women_share_pct"].astype("float64").idxmin()
    return charts.tokten.trainees_by_sector_and_level(
        sectors,
        levels,
        period=timeline.when(timeline.events(), "tokten_results_2014_2015"),
        women_pct=100 * stated["women"] / stated["trainees"],
        lowest=lowest,
    )


def _over_time():
    series = remittances.with_xof(remittances.mali_series())
    stated = key_figures.key_figures().loc["remittances"]
    year = int(stated["reference_year"])
    amount = remittances.document_amount(stated["value"], year)
    return charts.remittances.remittances_over_time(series, 2012, year, amount)


def _share_of_gdp():
    series = remittances.with_xof(remittances.mali_series())
    return charts.remittances.remittances_share_of_gdp_two_releases(
        series, remittances.comparison_year(series, 2012)
    )


CHARTS = {
    "mali_and_peers": _peers,
    "corridor_costs_into_mali": _corridors,
    "tokten_trainees": _tokten,
    "remittances_over_time": _over_time,
    "remittances_share_of_gdp_two_releases": _share_of_gdp,
}


def _faults(fig) -> list[str]:
    """Return each text that leaves the drawing and each pair of texts that touch, as the
    figure is drawn now."""
    fig.draw_without_rendering()  # laid out, nothing painted: the boxes are what count
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(" ".join(t.get_text().split())[:40], t.get_window_extent(renderer)) for t in texts]
    page = fig.bbox
    faults = [
        f"out of the drawing: {name!r}"
        for name, box in boxes
        if not page.padded(1.0).contains(box.x0, box.y0)
        or not page.padded(1.0).contains(box.x1, box.y1)
    ]
    faults += [
        f"{a!r} touches {b!r}"
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b.padded(-1.0))
    ]
    return faults


def _shown_ticks(ax, axis):
    low, high = sorted(ax.get_xlim() if axis == "x" else ax.get_ylim())
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    ticks = ax.get_xticks() if axis == "x" else ax.get_yticks()
    return [t for t, at in zip(labels, ticks, strict=False) if not low <= at <= high]


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_the_phone_drawing_keeps_every_text_inside_and_apart(name, edition):
    fig = CHARTS[name]()
    page_size = tuple(fig.get_size_inches())
    with phone_layout(fig):
        assert fig.get_figwidth() == pytest.approx(PHONE_WIDTH)
        for ax in fig.axes:  # ticks matplotlib keeps outside the view are not drawn
            for tick in _shown_ticks(ax, "x") + _shown_ticks(ax, "y"):
                tick.set_visible(False)
        faults = _faults(fig)
    assert faults == [], f"{name} ({edition}) on a phone: {faults}"
    assert tuple(fig.get_size_inches()) == page_size  # the page's figure is given back


def test_the_check_finds_a_legend_over_labels_and_a_title_too_wide():
    setup(language="en")
    charts.apply_style()
    fig, ax = charts.style.titled_figure("A finding " * 12, "What is measured", "Source: here")
    ax.barh(["one", "two"], [1, 2], label="a series")
    ax.text(0.5, 0.05, "label on a bar", transform=ax.transAxes)
    ax.legend(loc="lower left", bbox_to_anchor=(0.45, 0.0))  # over "label on a bar"
    ax.set_title("A panel title far too long to fit " * 5, loc="left")
    faults = _faults(fig)
    plt.close(fig)
    assert any("out of the drawing: 'A panel title" in f for f in faults)
    assert any("'a series'" in f and "'label on a bar'" in f for f in faults)
