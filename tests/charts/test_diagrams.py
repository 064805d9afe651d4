"""Drawings for notebooks 03 and 04: labels, lane placement, and that each draws."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from diaspora_helpers import charts, data
from diaspora_helpers.analysis import institutions, policy, timeline, tokten


def _events() -> pd.DataFrame:
    return timeline.events(
        pd.DataFrame(
            {
                "id": ["a", "b", "c", "d"],
                "date": ["2000", "2000-06", "2003", "2016-07"],
                "date_precision": ["year", "month", "year", "month"],
                "end_date": [None, None, "2007", None],
                "kind": ["forum", "forum", "institution", "forum"],
                "label": [
                    "A long forum label; with a clause",
                    "Second forum: details",
                    "Offices opened",
                    "Late forum",
                ],
            }
        )
    )


def test_short_label_keeps_the_first_clause_and_cuts_long_ones():
    assert timeline.short_label("Democratic revolution; the diaspora gains a voice") == (
        "Democratic revolution"
    )
    cut = timeline.short_label("An extremely long label that never stops going on", 20)
    assert len(cut) <= 20 and cut.endswith("…")


def test_timeline_label_prefers_the_curated_text():
    assert timeline.timeline_label("fidima_2009_12", "whatever") == "FIDIMA"
    assert timeline.timeline_label("unknown", "Something new: more") == "Something new"


def test_every_event_in_the_data_has_a_short_timeline_label():
    events = data.load("events")
    missing = sorted(events.loc[events["short_label"].isna(), "id"])
    assert not missing, f"add short labels for {missing} in data/events.csv"
    assert events["short_label"].str.len().max() <= 26
    spec = {f["name"]: f for f in data.resource("events")["schema"]["fields"]}["short_label"]
    assert spec["constraints"] == {"required": True, "maxLength": 26}


def test_the_timeline_shows_the_short_labels_of_the_table():
    ev = _events()
    ev["short_label"] = ev["id"].map({"a": "A", "b": "", "c": "C", "d": "D"})
    placed = charts.timeline.timeline_layout(ev, ["forum", "institution"], years_per_char=0.3)
    texts = placed.set_index("id")["text"]
    assert texts.to_dict() == {"a": "A", "b": "Second forum", "c": "C", "d": "D"}


def test_timeline_layout_keeps_labels_apart_and_flips_at_the_edge():
    placed = charts.timeline.timeline_layout(
        _events(), ["forum", "institution"], years_per_char=0.3, x_max=2017
    )
    forums = placed[placed["kind"] == "forum"].set_index("id")
    assert forums.at["a", "row"] != forums.at["b", "row"]  # same year, long labels
    assert forums.at["d", "side"] == "left"  # would run past 2017
    assert (placed["y"] > 0).all()
    lane_tops = placed.groupby("lane")["lane_top"].first().tolist()
    assert lane_tops[0] == 0 and lane_tops[1] > lane_tops[0]


def test_box_parts_put_the_acronym_first_and_drop_brackets():
    head, body = charts.institutions.box_parts(
        pd.Series({"name": "High Council (note)", "acronym": "HC"})
    )
    assert (head, body) == ("HC", "High Council")
    head, body = charts.institutions.box_parts(
        pd.Series({"name": "Ministry of X", "acronym": None})
    )
    assert head == "" and body == "Ministry of X"
    head, body = charts.institutions.box_parts(
        pd.Series({"name": "RDGR (as printed)", "acronym": "RDGR"})
    )
    assert (head, body) == ("RDGR", "as printed")
    long = pd.Series({"name": " ".join(["word"] * 40), "acronym": None})
    assert charts.institutions.box_parts(long, width=10, max_lines=3)[1].count("\n") == 2


def test_constraint_label_falls_back_to_a_short_label():
    assert policy.constraint_label("landlocked", "x") == "Landlocked"
    assert policy.constraint_label("new", "New problem: detail") == "New problem"


def test_every_constraint_has_a_short_label_that_fits_the_grid():
    constraints = data.load("constraints")
    assert constraints["short_label"].notna().all()
    assert constraints["short_label"].str.len().max() <= 22
    assert not constraints["short_label"].duplicated().any()
    spec = {f["name"]: f for f in data.resource("constraints")["schema"]["fields"]}
    assert spec["short_label"]["constraints"] == {"required": True, "maxLength": 22}


def test_the_coverage_grid_heads_columns_with_the_short_labels():
    matrix = policy.coverage_matrix()
    named = policy.constraint_list().join(data.load("constraints").set_index("id")["short_label"])
    named.loc["landlocked", "short_label"] = "No sea"
    for constraints, first in ((policy.constraint_list(), "Landlocked"), (named, "No sea")):
        fig, ax = plt.subplots()
        charts.policy.draw_coverage(ax, matrix, policy.strategies_in_scope(), constraints)
        heads = [t.get_text() for t in ax.get_xticklabels()]
        assert heads[matrix.columns.get_loc("landlocked")] == first
        assert len(heads) == matrix.shape[1]
        plt.close(fig)


@pytest.mark.parametrize("which", ["timeline", "landscape", "tokten", "coverage"])
def test_each_drawing_runs_on_the_collection_data(which):
    fig, ax = plt.subplots(ncols=2 if which == "tokten" else 1)
    if which == "timeline":
        ev = timeline.events()
        kinds = timeline.event_kinds()
        placed = charts.timeline.draw_timeline(
            ax, timeline.select_events(ev, 1991, 2016, kinds), kinds, 1991, 2016
        )
        assert len(placed) == len(timeline.select_events(ev, 1991, 2016, kinds))
    elif which == "landscape":
        nodes, links = institutions.supervision_graph()
        pos = charts.layout.layered_layout(
            nodes, links, bands=institutions.landscape_bands(nodes, links)
        )
        charts.institutions.draw_landscape(ax, nodes, links, pos)
        assert len(ax.patches) == len(nodes)
    elif which == "tokten":
        charts.tokten.draw_tokten(ax, tokten.tokten_sectors(), tokten.tokten_levels())
    else:
        matrix = policy.coverage_matrix()
        charts.policy.draw_coverage(
            ax,
            matrix,
            policy.strategies_in_scope(),
            policy.constraint_list(),
            highlight=list(policy.gaps().index),
        )
    plt.close(fig)


def test_an_empty_window_draws_empty_lanes():
    ev = _events()
    empty = timeline.select_events(ev, 1990, 1991, ["forum"])
    fig, ax = plt.subplots()
    placed = charts.timeline.draw_timeline(ax, empty, ["forum"], 1990, 1991)
    assert placed.empty and "date" in placed.columns
    plt.close(fig)


def test_the_french_coverage_grid_is_headed_in_french():
    from diaspora_helpers import setup

    setup(language="fr")
    short = data.load("constraints")["short_label"]
    assert short.str.len().max() <= 22, "the French short labels fit the column heads too"
    matrix = policy.coverage_matrix()
    fig, ax = plt.subplots()
    charts.policy.draw_coverage(
        ax, matrix, policy.strategies_in_scope(), policy.constraint_list(), highlight=["xenophobia"]
    )
    heads = [t.get_text() for t in ax.get_xticklabels()]
    assert heads[matrix.columns.get_loc("landlocked")] == "Enclavement"
    texts = {t.get_text() for t in ax.texts}
    assert {"Contraintes\nendogènes", "Contraintes\nexogènes", "Investissement"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "la traite directement" and len(legend) == 3
    # A title never starts with figures: a count up to ten in words, a larger one moved.
    assert charts.policy.coverage_title(6, 14, "national") == (
        "Six des 14 contraintes ne sont traitées par aucune stratégie nationale"
    )
    assert charts.policy.coverage_title(11, 14, "national") == (
        "Sur les 14 contraintes, 11 ne sont traitées par aucune stratégie nationale"
    )
    assert charts.policy.coverage_title(3, 6, "national", taken_up=1).startswith(
        "Trois contraintes ne sont traitées"
    )
    assert charts.policy.coverage_title(3, 6, "national", taken_up=1).endswith("en charge une")
    plt.close(fig)
