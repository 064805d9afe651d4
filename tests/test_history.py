"""Events on the timeline, the institutional graph's layout, the legal table and TOKTEN."""

import pandas as pd
import pytest

from diaspora_helpers import history


def _events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["e1", "e2", "e3", "e4", "e5", "e6"],
            "date": ["1991-11", "1995-08-25", "1996-04", "2003", "2009-12", "2012"],
            "date_precision": ["month", "day", "month", "year", "month", "year"],
            "end_date": [None, None, None, "2007", None, "2016"],
            "kind": pd.Categorical(
                ["institution", "law_policy", "forum", "institution", "forum", "mission"],
                categories=history.KIND_ORDER,
            ),
            "label": ["council", "law", "forum one", "offices", "forum two", "missions"],
        }
    )


def test_date_position_reads_each_precision():
    assert history.date_position("1998", "year") == 1998.5
    assert history.date_position("1998", "year", edge="start") == 1998.0
    assert history.date_position("1998", "year", edge="end") == 1999.0
    assert history.date_position("1996-04", "month", edge="start") == pytest.approx(1996.25)
    assert history.date_position("1996-04", "month", edge="end") == pytest.approx(1996 + 4 / 12)
    assert history.date_position("2000-01-01", "day") == pytest.approx(2000 + 0.5 / 366)


def test_date_position_refuses_a_date_at_the_wrong_precision():
    with pytest.raises(ValueError, match="precision"):
        history.date_position("1996-04", "year")
    with pytest.raises(ValueError, match="precision"):
        history.date_position("1996", "week")


def test_events_turn_periods_into_spans():
    ev = history.events(_events()).set_index("id")
    assert bool(ev.at["e4", "is_period"]) and not bool(ev.at["e1", "is_period"])
    assert (ev.at["e4", "start"], ev.at["e4", "end"]) == (2003.0, 2008.0)
    assert ev.at["e4", "end_year"] == 2007
    assert ev.at["e1", "start"] == ev.at["e1", "end"]
    assert list(history.events(_events())["id"]) == ["e1", "e2", "e3", "e4", "e5", "e6"]


def test_kinds_and_year_range_come_from_the_data():
    assert history.event_kinds(_events()) == ["forum", "institution", "law_policy", "mission"]
    assert history.year_range(_events()) == (1991, 2016)


def test_select_events_keeps_periods_that_overlap_the_window():
    ev = history.events(_events())
    picked = history.select_events(ev, 2005, 2010, ["institution", "forum"])
    assert list(picked["id"]) == ["e4", "e5"]
    assert list(history.select_events(ev, 1991, 2016, ["mission"])["id"]) == ["e6"]
    assert history.select_events(ev, 1992, 1994, history.KIND_ORDER).empty


def test_pack_rows_puts_overlapping_labels_on_new_rows():
    assert history.pack_rows([0, 1, 2.5, 3], [2, 3, 4, 5]) == [0, 1, 0, 1]
    assert history.pack_rows([0, 2], [2, 4], gap=0.5) == [0, 1]
    assert history.pack_rows([], []) == []


def test_per_year_lists_empty_years_and_a_total():
    counts = history.per_year(history.events(_events()))
    assert list(counts.index) == list(range(1991, 2013))
    assert counts.loc[1994, "all"] == 0
    assert counts["all"].sum() == 6
    assert list(counts.columns) == ["forum", "institution", "law_policy", "mission", "all"]


def test_waves_split_on_quiet_years():
    ev = history.events(_events())
    w = history.waves(ev, quiet_years=2)
    assert w[["first_year", "last_year", "events"]].values.tolist() == [
        [1991, 1991, 1],
        [1995, 1996, 2],
        [2003, 2003, 1],
        [2009, 2009, 1],
        [2012, 2012, 1],
    ]
    assert len(history.waves(ev, quiet_years=6)) == 2
    with pytest.raises(ValueError):
        history.waves(ev, quiet_years=0)


def test_busiest_years_and_followed():
    ev = history.events(_events())
    assert history.busiest_years(ev, 1)["year"].tolist() == [1991]
    after = history.followed(ev, "e2", within_years=1)
    assert list(after["id"]) == ["e3"]
    with pytest.raises(KeyError):
        history.followed(ev, "nope")


def _institutions() -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = pd.DataFrame(
        {
            "id": ["min", "del", "prog", "agency", "council", "body_a", "body_b", "space", "m1"],
            "name": list("ABCDEFGHI"),
        }
    )
    links = pd.DataFrame(
        {
            "id": [f"l{i}" for i in range(7)],
            "from_id": ["min", "min", "min", "council", "council", "m1", "agency"],
            "to_id": ["del", "prog", "agency", "body_a", "body_b", "space", "prog"],
            "relation": [
                "supervises",
                "supervises",
                "supervises",
                "sits_on",
                "sits_on",
                "member_of",
                "partners_with",
            ],
        }
    )
    return nodes, links


def test_graph_refuses_links_to_unknown_institutions():
    nodes, links = _institutions()
    bad = pd.concat([links, pd.DataFrame([{"id": "lx", "from_id": "min", "to_id": "ghost",
                                            "relation": "supervises"}])])
    with pytest.raises(KeyError, match="ghost"):
        history.supervision_graph(nodes, bad)


def test_layers_follow_the_direction_of_each_relation():
    nodes, links = _institutions()
    layer = history.layers(list(nodes["id"]), links)
    assert layer["min"] == 0 and layer["del"] == layer["prog"] == layer["agency"] == 1
    # the council sits on two bodies: the bodies sit above it
    assert layer["body_a"] == 0 and layer["council"] == 1
    # a member sits below the space it belongs to
    assert layer["space"] == 0 and layer["m1"] == 1


def test_layers_refuse_a_cycle():
    links = pd.DataFrame(
        {"id": ["a", "b"], "from_id": ["x", "y"], "to_id": ["y", "x"],
         "relation": ["supervises", "supervises"]}
    )
    with pytest.raises(ValueError, match="cycle"):
        history.layers(["x", "y"], links)


def test_layout_is_deterministic_and_without_overlaps():
    nodes, links = _institutions()
    first = history.layered_layout(nodes, links)
    second = history.layered_layout(nodes.iloc[::-1].iloc[::-1], links)
    pd.testing.assert_frame_equal(first, second)
    assert not first.duplicated(["x", "y"]).any()
    pos = first.set_index("id")
    # groups sit side by side: the ministry's group is widest and comes first
    assert pos.at["min", "x"] < pos.at["body_a", "x"] < pos.at["space", "x"]
    assert pos.at["min", "y"] < pos.at["del", "y"]


def test_layout_wraps_wide_layers():
    nodes = pd.DataFrame({"id": ["top"] + [f"c{i}" for i in range(5)]})
    links = pd.DataFrame(
        {"id": [f"l{i}" for i in range(5)], "from_id": ["top"] * 5,
         "to_id": [f"c{i}" for i in range(5)], "relation": ["supervises"] * 5}
    )
    pos = history.layered_layout(nodes, links, max_per_row=3)
    assert sorted(pos["y"].unique().tolist()) == [0, 1, 2]
    assert not pos.duplicated(["x", "y"]).any()


def test_components_are_largest_first():
    nodes, links = _institutions()
    groups = history.components(list(nodes["id"]), links)
    assert [len(g) for g in groups] == [4, 3, 2]


def test_check_totals_shows_unstated_parts_and_disagreements():
    parts = pd.DataFrame({"missions": [38, 1, 2, 5], "women": [54, None, 14, 69]})
    table = history.check_totals(parts, {"missions": 46, "women": 140}, ["missions", "women"])
    assert table["agrees"].tolist() == [True, False]
    assert table["unstated_parts"].tolist() == [0, 1]
    assert table.loc[1, "difference"] == -3


def test_women_share_leaves_unstated_women_missing():
    table = pd.DataFrame(
        {"level": ["bachelor", "master", "none"], "trainees": [430, 138, 9],
         "women": [28, 23, None]}
    )
    share = history.women_share(table, "level").set_index("level")
    assert share.at["bachelor", "women_share_pct"] == pytest.approx(100 * 28 / 430)
    assert pd.isna(share.at["none", "women_share_pct"])


def test_legal_by_domain_counts():
    legal = pd.DataFrame(
        {"id": ["a", "b", "c"], "date": ["2012-02-27", "1995-08-25", "2011-12-30"],
         "domain": ["investment", "citizenship", "citizenship"]}
    )
    ordered = history.legal_by_domain(legal)
    assert list(ordered["id"]) == ["b", "c", "a"]
    counts = history.domain_counts(ordered)
    assert counts.index.tolist() == ["citizenship", "investment"]
    assert counts.loc["citizenship"].tolist() == [2, 1995, 2011]
