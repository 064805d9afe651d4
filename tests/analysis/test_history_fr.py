"""Notebook 03's helpers in the French edition: dates, codes shown in tables, names from
the glossary, chart text."""

import re

import history_frames
import pandas as pd
import pytest

import diaspora_helpers
from diaspora_helpers import charts, paths, tables, text
from diaspora_helpers.analysis import institutions, legal, timeline, tokten
from diaspora_helpers.i18n import labelled
from diaspora_helpers.prose import history

_events = history_frames.events


def test_dates_read_in_the_editions_language_with_the_french_first_of_the_month():
    assert text.date_words("2014-09-01") == "1 September 2014"
    assert text.date_words(timeline.iso_at("2000-03-22", "month")) == "March 2000"
    with pytest.raises(ValueError, match="precision"):
        text.date_words("2000-3-1-1")
    events = timeline.events()
    english = timeline.when(events, "tokten_results_2014_2015")
    diaspora_helpers.setup(language="fr")
    assert text.date_words("2014-09-01") == "1er septembre 2014"
    assert text.date_words("1995-08-25") == "25 août 1995"
    events = timeline.events()
    assert timeline.when(events, "tokten_results_2014_2015") == english  # a code
    assert text.period(english) == "du 1er septembre 2014 au 17 août 2015"
    conference = timeline.when(events, "national_conference_1991")
    assert text.period(conference) == "juillet\u2013août 1991"
    # Both editions print a range of years or months with the en dash (as the timeline's
    # bars do); the analysis keeps ISO intervals, with no dash at all.
    assert text.period("2003/2007") == "2003\u20132007"
    assert timeline.wave_summary(events)["years"].str.contains("–").sum() == 0


def test_counts_and_titles_of_the_timeline_in_french():
    diaspora_helpers.setup(language="fr")
    ev = timeline.events(_events())
    assert history.describe_counts(ev) == (
        "deux forums et concertations, deux créations d’institutions et de services, "
        "une loi ou politique et une période de missions"
    )
    many = pd.DataFrame({"kind": ["forum"] * 9 + ["law_policy"] * 18 + ["mission"]})
    assert history.describe_counts(many) == (
        "9 forums et concertations, 18 lois et politiques et 1 période de missions"
    )
    summary = timeline.wave_summary(ev, quiet_years=1)
    assert "forum" in summary.columns
    shown = tables.show(summary, columns=history.wave_columns(summary))
    assert "Forums et concertations" in shown.labels
    # The column listing the events' names is headed "Événements", the count beside it
    # "Nombre d’événements": no two headers alike, none a vague "Nature".
    french = dict(zip(summary.columns, shown.labels, strict=True))
    assert len(set(french.values())) == len(french)
    assert french["what"] == "Événements"
    assert french["events"] == "Nombre d’événements"
    words = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit"}
    assert charts.timeline.rhythm_title(summary).startswith(
        f"La politique envers la diaspora s’est construite en {words[len(summary)]} vagues"
    )
    assert set(timeline.peak_waves(summary)) <= set(summary.columns)


def test_codes_shown_in_tables_are_translated_and_english_keeps_them():
    laws = legal.legal_by_domain()
    assert "migration_policy" in legal.domain_counts(laws).index
    assert labelled(tokten.tokten_sectors())["sector"].tolist()[2] == "SMEs"
    diaspora_helpers.setup(language="fr")
    laws = legal.legal_by_domain()
    assert set(laws["domain"]) >= {"citizenship"}  # codes stay codes for computing
    counts = legal.domain_counts(laws)
    assert "migration_policy" in counts.index
    assert "politique migratoire" in labelled(counts.reset_index())["domain"].tolist()
    assert counts["texts"].sum() == len(laws)
    sectors = tokten.tokten_sectors()
    shown = labelled(sectors)
    assert list(shown["sector"]) == ["éducation", "santé", "PME", "autres administrations"]
    assert "non précisé" in set(shown["women_source"])
    check = tokten.check_totals(sectors, tokten.stated_totals(), ["trainees", "women"])
    assert list(labelled(check)["measure"]) == ["stagiaires", "femmes"]
    links = institutions.links_table(*institutions.supervision_graph())
    assert "est membre de" in set(labelled(links)["relation"])
    figures = institutions.figures_about(topics=["kayes"])
    assert set(labelled(figures)["topic"]) == {"Kayes"}


def test_french_names_and_acronyms_come_from_the_glossary():
    glossary = pd.read_csv(paths.data_dir() / "glossary.csv").set_index("acronym")
    diaspora_helpers.setup(language="fr")
    nodes, _links = institutions.supervision_graph()
    named = nodes.set_index("id")
    for node, acronym in (("hcme", "HCME"), ("general_delegation", "DGME"), ("cigem", "CIGEM")):
        assert named.at[node, "acronym"] == acronym
        assert named.at[node, "name"] == glossary.at[acronym, "french"]


def test_the_charts_of_notebook_03_speak_french():
    from matplotlib.text import Text

    diaspora_helpers.setup(language="fr")
    sectors, levels = tokten.tokten_sectors(), tokten.tokten_levels()
    fig = charts.tokten.trainees_by_sector_and_level(
        sectors, levels, period="2014-09-01/2015-08-17", women_pct=16.33, lowest="bachelor",
    )  # fmt: skip
    shown = {t.get_text() for t in fig.findobj(Text)}
    assert any(s.startswith("TOKTEN a formé 839 personnes") for s in shown)
    assert any("du 1er septembre 2014 au 17 août 2015" in s for s in shown)  # period in words
    assert {"femmes", "PME", "Licence", "6,5\u00a0% de femmes", "  585 (38 missions)"} <= shown
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    layout = charts.layout.layered_layout(nodes, links, bands=bands)
    supervisors = institutions.supervision_counts(nodes, links)
    fig = charts.institutions.institutional_landscape(nodes, links, layout, bands, supervisors)
    shown = {t.get_text() for t in fig.findobj(Text)}
    assert {"exerce la tutelle de", "Partenaires", "Aucun lien indiqué dans le document"} <= shown
    assert not {"supervises", "Partners", "works with"} & shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_timeline_names_the_unnumbered_section_in_words(language):
    from matplotlib.text import Text

    diaspora_helpers.setup(language=language)
    kinds = timeline.KIND_ORDER
    shown = timeline.select_events(timeline.events(), 1990, 1992, kinds)
    assert "intro" in set(shown["section"].astype("str"))  # the 1991 revolution
    rhythm = timeline.wave_summary(shown, quiet_years=1)
    fig = charts.timeline.events_timeline(shown, kinds, 1990, 1992, rhythm)
    texts = [t.get_text() for t in fig.findobj(Text)]
    assert any("introduction" in t for t in texts)  # the source line names it in words
    assert not any(re.search(r"\bintro\b", t) for t in texts)  # never its code


def test_a_relation_agrees_with_a_plural_body_in_each_edition():
    """ "ONG membres de l’EMDK | sont membres de", never "est membre de" (the francophone
    reviewer); the number of each body's name is data (``grammatical_number`` of the
    edition's institutions table), so a name plural in one language only agrees in each."""
    import csv

    from diaspora_helpers.charts.files import chart_table

    def plural_names(path):
        with open(paths.data_dir() / path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return {r["name"] for r in rows if r["grammatical_number"] == "plural"}

    for language, path, member, works, one in (
        ("en", "institutions.csv", "are members of", "work with", "is a member of"),
        ("fr", "fr/institutions.csv", "sont membres de", "travaillent avec", "est membre de"),
    ):
        diaspora_helpers.setup(language=language)
        nodes, edges = institutions.supervision_graph()
        plural = plural_names(path)
        for table in (
            institutions.relations_drawn(nodes, edges),
            institutions.links_table(nodes, edges),
        ):
            shown = labelled(table)
            rows = zip(table["who"], table["relation"], shown["relation"], strict=True)
            for who, code, words in rows:
                many = who in plural or who.rsplit(" (", 1)[0] in plural
                if code == "member_of":
                    assert words == (member if many else one), who
                if code == "partners_with" and many:
                    assert words == works, who
        download = chart_table(institutions.relations_drawn(nodes, edges))
        assert download["relation"].isin(list(institutions.RELATION_WORDS) + ["none_named"]).all()
    diaspora_helpers.setup(language="fr")
    nodes, edges = institutions.supervision_graph()
    shown = labelled(institutions.relations_drawn(nodes, edges)).set_index("who_id")
    assert shown.loc["emdk_ngos", "relation"] == "sont membres de"
    assert shown.loc["french_local_partners", "relation"] == "travaillent avec"
    assert shown.loc["hcme", "relation"].tolist().count("est membre de") == 1
