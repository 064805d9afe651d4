"""Events on the timeline, the institutional graph's layout, the legal table and TOKTEN."""

import history_frames
import pandas as pd
import pytest

from diaspora_helpers import charts, text
from diaspora_helpers.analysis import institutions, legal, timeline, tokten
from diaspora_helpers.charts.timeline import rhythm_title
from diaspora_helpers.i18n import labelled
from diaspora_helpers.prose import history

_events = history_frames.events


def test_date_position_reads_each_precision():
    assert timeline.date_position("1998", "year") == 1998.5
    assert timeline.date_position("1998", "year", edge="start") == 1998.0
    assert timeline.date_position("1998", "year", edge="end") == 1999.0
    assert timeline.date_position("1996-04", "month", edge="start") == pytest.approx(1996.25)
    assert timeline.date_position("1996-04", "month", edge="end") == pytest.approx(1996 + 4 / 12)
    assert timeline.date_position("2000-01-01", "day") == pytest.approx(2000 + 0.5 / 366)


def test_date_position_refuses_a_date_at_the_wrong_precision():
    with pytest.raises(ValueError, match="precision"):
        timeline.date_position("1996-04", "year")
    with pytest.raises(ValueError, match="precision"):
        timeline.date_position("1996", "week")


def test_events_turn_periods_into_spans():
    ev = timeline.events(_events()).set_index("id")
    assert bool(ev.at["e4", "is_period"]) and not bool(ev.at["e1", "is_period"])
    assert (ev.at["e4", "start"], ev.at["e4", "end"]) == (2003.0, 2008.0)
    assert ev.at["e4", "end_year"] == 2007
    assert ev.at["e1", "start"] == ev.at["e1", "end"]
    assert list(timeline.events(_events())["id"]) == ["e1", "e2", "e3", "e4", "e5", "e6"]


def test_kinds_and_year_range_come_from_the_data():
    assert timeline.event_kinds(_events()) == ["forum", "institution", "law_policy", "mission"]
    assert timeline.year_range(_events()) == (1991, 2016)


def test_select_events_keeps_periods_that_overlap_the_window():
    ev = timeline.events(_events())
    picked = timeline.select_events(ev, 2005, 2010, ["institution", "forum"])
    assert list(picked["id"]) == ["e4", "e5"]
    assert list(timeline.select_events(ev, 1991, 2016, ["mission"])["id"]) == ["e6"]
    assert timeline.select_events(ev, 1992, 1994, timeline.KIND_ORDER).empty


def test_pack_rows_puts_overlapping_labels_on_new_rows():
    assert timeline.pack_rows([0, 1, 2.5, 3], [2, 3, 4, 5]) == [0, 1, 0, 1]
    assert timeline.pack_rows([0, 2], [2, 4], gap=0.5) == [0, 1]
    assert timeline.pack_rows([], []) == []


def test_per_year_lists_empty_years_and_a_total():
    counts = timeline.per_year(timeline.events(_events()))
    assert list(counts.index) == list(range(1991, 2013))
    assert counts.loc[1994, "all"] == 0
    assert counts["all"].sum() == 6
    assert list(counts.columns) == ["forum", "institution", "law_policy", "mission", "all"]


def test_waves_split_on_quiet_years():
    ev = timeline.events(_events())
    w = timeline.waves(ev, quiet_years=2)
    assert w[["first_year", "last_year", "events"]].values.tolist() == [
        [1991, 1991, 1],
        [1995, 1996, 2],
        [2003, 2003, 1],
        [2009, 2009, 1],
        [2012, 2012, 1],
    ]
    assert len(timeline.waves(ev, quiet_years=6)) == 2
    with pytest.raises(ValueError):
        timeline.waves(ev, quiet_years=0)


def test_busiest_years_and_followed():
    ev = timeline.events(_events())
    assert timeline.busiest_years(ev, 1)["year"].tolist() == [1991]
    after = timeline.followed(ev, "e2", within_years=1)
    assert list(after["id"]) == ["e3"]
    with pytest.raises(KeyError):
        timeline.followed(ev, "nope")


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
    bad = pd.concat(
        [
            links,
            pd.DataFrame(
                [{"id": "lx", "from_id": "min", "to_id": "ghost", "relation": "supervises"}]
            ),
        ]
    )
    with pytest.raises(KeyError, match="ghost"):
        institutions.supervision_graph(nodes, bad)


def test_layers_follow_the_direction_of_each_relation():
    nodes, links = _institutions()
    layer = charts.layout.layers(list(nodes["id"]), links)
    assert layer["min"] == 0 and layer["del"] == layer["prog"] == layer["agency"] == 1
    # the council sits on two bodies: the bodies sit above it
    assert layer["body_a"] == 0 and layer["council"] == 1
    # a member sits below the space it belongs to
    assert layer["space"] == 0 and layer["m1"] == 1


def test_layers_refuse_a_cycle():
    links = pd.DataFrame(
        {
            "id": ["a", "b"],
            "from_id": ["x", "y"],
            "to_id": ["y", "x"],
            "relation": ["supervises", "supervises"],
        }
    )
    with pytest.raises(ValueError, match="cycle"):
        charts.layout.layers(["x", "y"], links)


def test_layout_is_deterministic_and_without_overlaps():
    nodes, links = _institutions()
    first = charts.layout.layered_layout(nodes, links)
    second = charts.layout.layered_layout(nodes.iloc[::-1].iloc[::-1], links)
    pd.testing.assert_frame_equal(first, second)
    assert not first.duplicated(["x", "y"]).any()
    pos = first.set_index("id")
    # groups sit side by side: the ministry's group is widest and comes first
    assert pos.at["min", "x"] < pos.at["body_a", "x"] < pos.at["space", "x"]
    assert pos.at["min", "y"] < pos.at["del", "y"]


def test_layout_wraps_wide_layers():
    nodes = pd.DataFrame({"id": ["top"] + [f"c{i}" for i in range(5)]})
    links = pd.DataFrame(
        {
            "id": [f"l{i}" for i in range(5)],
            "from_id": ["top"] * 5,
            "to_id": [f"c{i}" for i in range(5)],
            "relation": ["supervises"] * 5,
        }
    )
    pos = charts.layout.layered_layout(nodes, links, max_per_row=3)
    assert sorted(pos["y"].unique().tolist()) == [0, 1, 2]
    assert not pos.duplicated(["x", "y"]).any()


def test_components_are_largest_first():
    nodes, links = _institutions()
    groups = charts.layout.components(list(nodes["id"]), links)
    assert [len(g) for g in groups] == [4, 3, 2]


def test_check_totals_shows_unstated_parts_and_disagreements():
    parts = pd.DataFrame({"missions": [38, 1, 2, 5], "women": [54, None, 14, 69]})
    table = tokten.check_totals(parts, {"missions": 46, "women": 140}, ["missions", "women"])
    assert table["agrees"].tolist() == [True, False]
    assert table["unstated_parts"].tolist() == [0, 1]
    assert table.loc[1, "difference"] == -3


def test_women_share_leaves_unstated_women_missing():
    table = pd.DataFrame(
        {
            "level": ["bachelor", "master", "none"],
            "trainees": [430, 138, 9],
            "women": [28, 23, None],
        }
    )
    share = tokten.women_share(table, "level").set_index("level")
    assert share.at["bachelor", "women_share_pct"] == pytest.approx(100 * 28 / 430)
    assert pd.isna(share.at["none", "women_share_pct"])


def test_legal_by_domain_counts():
    texts = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "date": ["2012-02-27", "1995-08-25", "2011-12-30"],
            "domain": ["investment", "citizenship", "citizenship"],
        }
    )
    ordered = legal.legal_by_domain(texts)
    assert list(ordered["id"]) == ["b", "c", "a"]
    counts = legal.domain_counts(ordered)
    assert counts.index.tolist() == ["citizenship", "investment"]
    assert counts.loc["citizenship"].tolist() == [2, 1995, 2011]


# ------------------------------------------------------------------ prose helpers


def test_dates_in_words_and_when():
    assert text.date_words("1996-04") == "April 1996"
    assert text.date_words("1995-08-25") == "25 August 1995"
    assert timeline.iso_at("2000-03-22", "month") == "2000-03"
    with pytest.raises(ValueError, match="precision"):
        timeline.iso_at("2000", "day")
    ev = timeline.events(_events())
    assert timeline.when(ev, "e4") == "2003/2007"  # codes: ISO dates and intervals
    assert text.period(timeline.when(ev, "e4")) == "2003–2007"
    assert text.period(timeline.when(ev, "e1")) == "November 1991"
    assert text.period("2014-09-01/2015-08-17") == "1 September 2014 to 17 August 2015"
    two_months = timeline.events(
        pd.DataFrame(
            {
                "id": ["x"],
                "date": ["1991-07"],
                "date_precision": ["month"],
                "end_date": ["1991-08"],
                "kind": ["forum"],
                "label": ["x"],
            }
        )
    )
    assert text.period(timeline.when(two_months, "x")) == "July–August 1991"
    with pytest.raises(KeyError):
        timeline.when(ev, "nope")


def test_listing_joins_names():
    assert text.listing([]) == ""
    assert text.listing(["a"]) == "a"
    assert text.listing(["a", "b", "c"]) == "a, b and c"
    assert text.listing(["a", "b"], "or") == "a or b"


def test_describe_counts_uses_singular_and_plural():
    ev = timeline.events(_events())
    assert history.describe_counts(ev) == (
        "two forums and consultations, two new institutions and offices, "
        "one law or policy and one period of missions"
    )
    assert history.describe_counts(ev[ev["id"] == "e3"]) == "one forum or consultation"
    assert history.describe_counts(ev.iloc[0:0]) == "no events"


def test_describe_counts_writes_a_series_alike_in_figures_above_ten():
    # One count above ten puts every count of the list in figures (the series rule), "1"
    # included; counts of ten or less stay in words.
    kinds = pd.DataFrame({"kind": ["forum"] + ["law_policy"] * 11 + ["mission"] * 2})
    assert history.describe_counts(kinds) == (
        "1 forum or consultation, 11 laws and policies and 2 periods of missions"
    )
    assert history.describe_counts(kinds.iloc[:3]) == (
        "one forum or consultation and two laws and policies"
    )


def test_wave_summary_titles_and_peaks():
    ev = timeline.events(_events())
    summary = timeline.wave_summary(ev, quiet_years=2)
    assert summary["years"].tolist() == ["1991", "1995/1996", "2003", "2009", "2012"]
    assert text.period(summary["years"].iloc[1]) == "1995–1996"  # as a reader sees it
    assert "law_policy" in summary.columns  # kinds' codes: the same in every edition
    # Five waves in the test events above: a count up to ten is written in words.
    assert rhythm_title(summary).startswith("Diaspora policy came in five waves")
    assert rhythm_title(summary.iloc[0:0]).startswith("The document dates no event")
    peaks = timeline.peak_waves(summary)
    assert peaks["forum"] == "1995/1996"
    assert timeline.wave_summary(ev.iloc[0:0]).empty


def test_quiet_stretches_and_sequels():
    ev = timeline.events(_events())
    assert timeline.quiet_stretches(ev, 1991, 1996) == [(1992, 1994)]
    seq = timeline.sequels(ev, kind="forum", within_years=20).set_index("event")
    assert seq.at["forum one", "count"] == 2  # the offices and the missions, not the forum
    assert "forum two" not in seq.at["forum one", "followed_within_a_year_by"]
    alone = timeline.sequels(ev[ev["kind"] != "institution"], kind="forum", within_years=0.1)
    assert set(alone["followed_within_a_year_by"]) == {"nothing"}  # a code, named when shown
    assert set(labelled(alone)["followed_within_a_year_by"]) == {"nothing of another kind"}


def test_timeline_labels_read_the_short_label_column():
    ev = timeline.events(_events()).assign(
        short_label=["Council", "Law", "Forum 1", "Offices", "", "Missions"]
    )
    # the column where it has a value, a shortened label where it is blank
    assert timeline.timeline_labels(ev) == [
        "Council",
        "Law",
        "Forum 1",
        "Offices",
        "forum two",
        "Missions",
    ]
    summary = timeline.wave_summary(ev, quiet_years=2)
    assert summary["what"].tolist()[:2] == [("Council",), ("Law", "Forum 1")]
    assert labelled(summary)["what"].tolist()[:2] == ["Council", "Law; Forum 1"]
    seq = labelled(timeline.sequels(ev, kind="forum", within_years=20)).set_index("event")
    assert seq.at["Forum 1", "followed_within_a_year_by"] == "Offices; Missions"
    assert timeline.timeline_label("e3", "ignored", ev) == "Forum 1"
    assert timeline.timeline_label("e9", "Not there: at all", ev) == "Not there"


def test_timeline_labels_without_the_column_use_the_collections_table():
    table = pd.DataFrame({"id": ["fidima_2009_12", "zz"], "label": ["whatever", "New one; more"]})
    assert timeline.timeline_labels(table) == ["FIDIMA", "New one"]


def test_every_event_of_the_collection_has_its_own_short_label():
    ev = timeline.events()
    assert ev["short_label"].notna().all() and (ev["short_label"] != "").all()
    assert not ev["short_label"].duplicated().any()
    assert timeline.timeline_labels(ev) == ev["short_label"].tolist()


def test_sections_follow_the_document_order():
    table = pd.DataFrame(
        {"section": pd.Categorical(["5.1", "intro", "1.2"], categories=["intro", "1.2", "5.1"])}
    )
    assert timeline.sections(table) == ["intro", "1.2", "5.1"]  # codes, in document order


def test_bands_and_unlinked_bodies():
    nodes, links = _institutions()
    nodes = pd.concat(
        [nodes, pd.DataFrame({"id": ["alone", "donor"], "name": ["J", "K"]})], ignore_index=True
    )
    nodes["kind"] = ["x"] * (len(nodes) - 1) + ["international_partner"]
    links = pd.concat(
        [
            links,
            pd.DataFrame([{"id": "f", "from_id": "donor", "to_id": "prog", "relation": "funds"}]),
        ],
        ignore_index=True,
    )
    assert institutions.unlinked(nodes, links) == ["alone"]
    bands = institutions.landscape_bands(nodes, links)
    assert bands == {"international_partner": ["donor"], "unlinked": ["alone"]}
    pos = charts.layout.layered_layout(nodes, links, bands=bands).set_index("id")
    assert pos.at["donor", "y"] > pos["y"][pos["band"] == ""].max()
    assert pos.at["alone", "y"] > pos.at["donor", "y"]


def test_side_only_partners_take_their_partners_layer():
    nodes, links = _institutions()
    extra = pd.DataFrame(
        [{"id": "p", "from_id": "del", "to_id": "friend", "relation": "partners_with"}]
    )
    layer = charts.layout.layers(list(nodes["id"]) + ["friend"], pd.concat([links, extra]))
    assert layer["friend"] == layer["del"]


def test_spread_keeps_order_and_gaps():
    assert charts.layout.spread([0.0, 0.2, 5.0], 0.0, 6.0) == [0.0, 1.0, 5.0]
    assert charts.layout.spread([6.0, 6.0], 0.0, 6.0) == [5.0, 6.0]


def test_layout_cost_counts_crossings_and_boxes():
    pos = {"a": (0.0, 0.0), "b": (2.0, 2.0), "c": (2.0, 0.0), "d": (0.0, 2.0)}
    crossing = pd.DataFrame({"from_id": ["a", "c"], "to_id": ["b", "d"]})
    assert charts.layout.layout_cost(pos, crossing) == 1
    pos["m"] = (1.0, 1.0)
    assert charts.layout.layout_cost(pos, crossing) == 1 + 2 * 3


def test_improvement_never_makes_the_layout_worse():
    nodes, links = _institutions()
    plain = charts.layout.layered_layout(nodes, links, improve=False).set_index("id")
    better = charts.layout.layered_layout(nodes, links).set_index("id")

    def cost(table):
        return charts.layout.layout_cost({n: (r.x, float(r.y)) for n, r in table.iterrows()}, links)

    assert cost(better) <= cost(plain)


def test_links_table_and_supervision_counts():
    nodes, links = _institutions()
    nodes["acronym"] = [None, "DEL", None, None, None, None, None, None, None]
    table = institutions.links_table(nodes, links, touching=["del"])
    assert table.values.tolist()[0][:3] == ["A", "supervises", "B (DEL)"]
    sup = institutions.supervision_counts(nodes, links)
    assert sup.iloc[0]["bodies"] == 3 and sup.iloc[0]["supervised"] == ("B", "C", "D")
    assert labelled(sup).iloc[0]["supervised"] == "B; C; D"
    nodes["kind"] = ["ministry", "x", "x", "y", "y", "y", "z", "z", "z"]
    assert institutions.kind_counts(nodes).tolist() == [3, 3, 2, 1]


def test_figures_about_picks_topics():
    figs = pd.DataFrame(
        {
            "id": ["a", "b"],
            "topic": ["kayes", "hcme"],
            "label": ["x", "y"],
            "value": [1, 2],
            "unit": ["u", "u"],
            "qualifier": ["exact", "exact"],
            "section": ["2", "4"],
        }
    )
    assert institutions.figures_about(figs, ["kayes"]).index.tolist() == ["a"]


def _tokten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sector": ["education"] * 4 + ["health", "smes"],
            "degree_level": ["bachelor", "master", "doctorate", "all", "all", "all"],
            "missions": [None, None, None, 38, 1, 2],
            "trainees": [430, 138, 17, 585, 9, 32],
            "women": [28, 23, 3, None, None, 14],
        }
    )


def test_tokten_sectors_fill_women_from_levels_and_say_so():
    sectors = tokten.tokten_sectors(_tokten()).set_index("sector")
    assert sectors.at["education", "women"] == 54
    assert sectors.at["education", "women_source"] == "sum_of_levels"
    assert pd.isna(sectors.at["health", "women"])
    assert sectors.at["health", "women_source"] == "not_stated"
    assert sectors.at["smes", "women_source"] == "stated"
    shown = labelled(tokten.tokten_sectors(_tokten())).set_index("sector")
    assert shown.at["SMEs", "women_source"] == "stated"
    assert shown.at["education", "women_source"] == "sum of degree levels"


def test_tokten_levels_and_their_check():
    assert tokten.tokten_levels(_tokten())["degree_level"].tolist() == [
        "bachelor",
        "master",
        "doctorate",
    ]
    assert tokten.check_levels(_tokten())["agrees"].tolist() == [True]
    broken = _tokten()
    broken.loc[0, "trainees"] = 431
    assert tokten.check_levels(broken)["agrees"].tolist() == [False]


def test_stated_totals_and_legal_reading():
    totals = pd.DataFrame({"measure": ["missions", "women"], "value": [46, 137]})
    assert tokten.stated_totals(totals) == {"missions": 46.0, "women": 137.0}
    texts = legal.legal_by_domain(
        pd.DataFrame(
            {
                "id": ["a", "b"],
                "date": ["1995-08-25", "2000-03"],
                "date_precision": ["day", "month"],
                "reference": ["Law 1", None],
                "title": ["T1", "T2"],
                "domain": ["citizenship", "land"],
                "diaspora_relevance": ["r1", "r2"],
            }
        )
    )
    reading = legal.legal_reading(texts, 1999, 2016)
    assert reading.index.tolist() == ["b"]
    assert (reading.iloc[0]["date"], reading.iloc[0]["reference"]) == ("2000-03", "no_number")
    shown = labelled(reading)
    assert shown.iloc[0]["date"] == "March 2000"
    assert shown.iloc[0]["reference"] == "(no number given)"


def test_counted_agrees_in_number():
    assert text.counted(1, "event") == "1 event"
    assert text.counted(0, "event") == "0 events"
    assert text.counted(2, "body", "bodies") == "2 bodies"


def test_tokten_chart_data_stacks_sectors_and_levels():
    data = tokten.tokten_chart_data(
        tokten.tokten_sectors(_tokten()), tokten.tokten_levels(_tokten())
    )
    assert data["breakdown"].tolist() == ["sector"] * 3 + ["degree_level"] * 3
    assert labelled(data)["breakdown"].tolist() == ["sector"] * 3 + ["degree level"] * 3
    assert data.loc[data["group"] == "bachelor", "women_share_pct"].iloc[0] == 6.51
    assert pd.isna(data.loc[data["group"] == "health", "women_share_pct"].iloc[0])
    assert pd.isna(data.loc[data["group"] == "master", "missions"].iloc[0])
