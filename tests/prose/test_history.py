"""The sentences of notebook 03 (prose.history): numbers from the data, in both editions."""

import pandas as pd
import pytest
from diaspora_test_support import in_words

import diaspora_helpers
from diaspora_helpers import text
from diaspora_helpers.analysis import institutions, legal, timeline, tokten
from diaspora_helpers.prose import history
from diaspora_helpers.prose import tokten as tokten_prose

NNBSP = "\u202f"


def _shown() -> pd.DataFrame:
    return timeline.select_events(timeline.events(), 1991, 2016, timeline.KIND_ORDER)


def test_event_count_gives_the_number_of_events_and_each_kinds_count():
    shown = _shown()
    said = history.event_count(shown, 1991, 2016).text
    assert said.startswith(f"Between 1991 and 2016 the document dates {len(shown)} events")
    laws = int((shown["kind"] == "law_policy").sum())
    assert f"{laws} laws and policies" in said


def test_event_count_in_french_agrees_in_number():
    diaspora_helpers.setup(language="fr")
    frame = pd.DataFrame({"kind": ["mission", "forum", "forum"]})
    said = history.event_count(frame, 2012, 2016).text
    assert said == (
        "Entre 2012 et 2016, le document date trois événements des catégories retenues "
        f"ici{NNBSP}: deux forums et concertations et une période de missions."
    )
    assert "aucun événement" in history.event_count(frame.head(0), 2012, 2016).text


def test_rhythm_names_the_waves_the_quiet_years_and_the_largest_waves():
    summary = pd.DataFrame({"wave": [1, 2, 3], "years": ["1991", "1995/1998", "2000/2006"],
                            "events": [2, 5, 9]})  # fmt: skip
    quiet = [(1992, 1994), (1999, 1999)]
    said = history.rhythm(summary, quiet, 16).text
    assert said == (
        "The events fall into three waves, set apart by two stretches of years in which "
        "nothing new starts (1992–1994 and 1999). The largest waves, 2000–2006 and 1995–1998, "
        "hold 14 of the 16 events."
    )
    diaspora_helpers.setup(language="fr")
    said = history.rhythm(summary.head(1), [(1992, 1994)], 2).text
    assert said == (  # one wave: nothing is "set apart" (rfr6: « une vague, séparées »)
        "Les événements forment une seule vague. Aucun événement nouveau ne commence en 1992–1994."
    )
    assert history.rhythm(summary.head(1), [], 2).text == (
        "Les événements forment une seule vague."
    )


def test_peaks_lists_each_kind_with_french_separators():
    peaks = {"Forums and consultation": "2008/2012", "Programmes": "1995/1998"}
    assert history.peaks(peaks).text == (
        "The kinds peak at different times: forums and consultation in 2008–2012; "
        "programmes in 1995–1998."
    )
    diaspora_helpers.setup(language="fr")
    summary = timeline.wave_summary(_shown())
    said = history.peaks(timeline.peak_waves(summary)).text
    assert said.startswith(f"Les catégories culminent à des moments différents{NNBSP}: forums")
    assert f"{NNBSP}; " in said


def test_stated_sequences_dates_each_event_from_the_events_table():
    events = timeline.events()
    adopted = events.set_index("id").at["nmp_adopted_2014_09_03", "date"]
    assert adopted == "2014-09-03"
    assert "adopted on 3 September 2014" in history.stated_sequences(events).text
    diaspora_helpers.setup(language="fr")
    said = history.stated_sequences(timeline.events()).text
    assert "adoptée le 3 septembre 2014" in said
    assert "Conférence nationale de juillet\u2013août 1991" in said


@pytest.mark.parametrize("edition", ["en", "fr"])
def test_the_supervised_bodies_carry_their_acronyms(edition):
    """Review: « Transfert des connaissances par l’intermédiaire des nationaux expatriés »
    stood without the acronym by which the page names TOKTEN elsewhere."""
    diaspora_helpers.setup(language=edition)
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    figures = institutions.figures_about(topics=["kayes", "codevelopment"])
    said = history.landscape(nodes, links, bands, figures).text
    info = nodes.set_index("id")
    ministries = set(info.index[info["kind"] == "ministry"])
    by_ministry = links[(links["relation"] == "supervises") & links["from_id"].isin(ministries)]
    for body in by_ministry["to_id"]:
        acronym = info.at[body, "acronym"]
        if isinstance(acronym, str) and acronym:
            assert f"{info.at[body, 'name']} ({acronym})" in said, (body, said)
    assert f"{info.at['tokten', 'name']} (TOKTEN)" in said


def test_landscape_counts_from_the_links_and_names_from_the_edition():
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    figures = institutions.figures_about(topics=["kayes", "codevelopment"])
    seats = int(((links["from_id"] == "hcme") & (links["relation"] == "sits_on")).sum())
    said = history.landscape(nodes, links, bands, figures).text
    assert "though it lists following the council's activities" in said
    acronym = nodes.set_index("id").at["hcme", "acronym"]
    assert (
        f"the {acronym} advises the government and sits on {in_words(seats)} national councils"
        in said
    )
    assert "the council advises" not in said
    assert f"{in_words(len(bands['unlinked']))} bodies without saying" in said
    diaspora_helpers.setup(language="fr")
    nodes, links = institutions.supervision_graph()
    said = history.landscape(nodes, links, bands, figures).text
    # Each ministry's bodies are a plain list announced by a noun and a colon, like the
    # bodies with no stated link ("cite cinq organismes : …"), in one sentence.
    assert f"Organismes sous la tutelle du ministère des Maliens de l’extérieur{NNBSP}: " in said
    assert f"{NNBSP}; sous celle du ministère de l’Économie et des Finances{NNBSP}: " in said
    assert ". Sous celle du" not in said
    assert (
        f"ministère en 2015{NNBSP}: le {nodes.set_index('id').at['hcme', 'acronym']} conseille "
        f"le gouvernement et siège dans {in_words(seats, 'fr')}" in said
    )
    assert "conseil conseille" not in said
    assert "Ministry" not in said


def test_legal_offer_dates_the_texts_and_reads_the_lease_from_data():
    laws = legal.legal_by_domain()
    lease = institutions.figures_about(topics=["investment"]).at["land_lease_years", "value"]
    said = history.legal_offer(laws, lease).text
    assert f"leased for {int(lease)} years" in said
    assert "nationality law of 25 August 1995" in said
    assert "(March 2000, as amended)" in said
    # Two codes of the table share the investment code's date (the mining code too): the
    # sentence names which code it means.
    day = laws.set_index("id").at["law_2012_016", "date"]
    assert (laws["date"] == day).sum() > 1
    assert "The investment code of 27 February 2012 treats" in said
    diaspora_helpers.setup(language="fr")
    said = history.legal_offer(legal.legal_by_domain(), lease).text
    assert "loi sur la nationalité du 25 août 1995" in said
    assert "Le Code des investissements du 27 février 2012 traite" in said
    assert f"pour {int(lease)} ans" in said


def test_land_code_amendments_quote_the_printed_english_in_french_quotes():
    said = history.land_code_amendments(legal.legal_by_domain()).text
    assert 'prints "law 02-08 of February 2012", the text is Law No. 02-008 of 12 February' in said
    diaspora_helpers.setup(language="fr")
    said = history.land_code_amendments(legal.legal_by_domain()).text
    assert f"«{NNBSP}law 02-08 of February 2012{NNBSP}» (en anglais dans le texte)" in said
    assert "de la loi n° 02-008 du 12 février 2002" in said  # lower case in a sentence


def test_tokten_totals_say_which_totals_disagree():
    sectors = tokten.tokten_sectors()
    stated = tokten.stated_totals()
    check = tokten.check_totals(sectors, stated, ["missions", "trainees", "women"])
    said = tokten_prose.tokten_totals(check, tokten.check_levels(), sectors, stated["women"]).text
    assert said.startswith(f"All {in_words(len(check))} stated totals equal the sum of their parts")
    assert (
        f"women's total of {int(stated['women'])} holds only if no women were trained in "
        "the health sector:" in said
    )
    # French names the sector with its article ("le secteur de la santé", not "secteur santé").
    diaspora_helpers.setup(language="fr")
    said = tokten_prose.tokten_totals(check, tokten.check_levels(), sectors, stated["women"]).text
    assert f"formée dans le secteur de la santé{NNBSP}:" in said
    assert "secteur santé" not in said
    diaspora_helpers.setup(language="en")
    wrong = tokten.check_totals(sectors, {**stated, "missions": 50}, ["missions", "women"])
    said = tokten_prose.tokten_totals(wrong, tokten.check_levels(), sectors, stated["women"]).text
    assert said.startswith("The stated totals of missions do not equal")


def test_women_shares_are_computed_and_formatted_in_french():
    diaspora_helpers.setup(language="fr")
    sectors, levels, stated = (
        tokten.tokten_sectors(),
        tokten.tokten_levels(),
        tokten.stated_totals(),
    )
    shares = tokten.women_share(levels, "degree_level")
    said = tokten_prose.women_shares(shares, sectors, levels, stated, "2014-09-01/2015-08-17").text
    assert "Sur la période du 1er septembre 2014 au 17 août 2015," in said  # read in words
    overall = text.percent(100 * stated["women"] / stated["trainees"])
    assert overall == "16,3\u00a0%"
    assert f"soit {overall}" in said
    bachelor = shares.set_index("degree_level").at["bachelor", "women_share_pct"]
    assert f"{text.percent(bachelor)} des stagiaires de niveau licence" in said


def test_codevelopment_reads_its_figures_and_dates():
    figures = institutions.figures_about(topics=["kayes", "codevelopment"])
    events = timeline.events()
    said = history.codevelopment(figures, events).text
    n = int(figures.at["associations_in_france", "value"])
    assert f"about {n} Malian associations" in said
    assert "dates from December 2000" in said
    diaspora_helpers.setup(language="fr")
    said = history.codevelopment(figures, timeline.events()).text
    assert f"environ {n} associations maliennes" in said
    assert "date de décembre 2000" in said


def test_landscape_needs_its_figure():
    nodes, links = institutions.supervision_graph()
    bands = institutions.landscape_bands(nodes, links)
    with pytest.raises(KeyError):
        history.landscape(nodes, links, bands, pd.DataFrame({"value": []}))
