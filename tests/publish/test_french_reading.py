"""What a fresh francophone reading of the French edition found (issue 24, second reading):
agreement, gender and wording faults that one page, catalog or table holds."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

from diaspora_helpers.publish import style_sheet
from diaspora_helpers.publish.site import navigation, pages

ROOT = Path(__file__).resolve().parents[2]


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_french_footer_agrees_the_source_document_in_the_masculine():
    """« un document … rédigé … » : the participle agrees with « document », not with
    « synthèse » or « politique »."""
    text = _text(navigation.footer(pages.PAGES, "fr"))
    assert "document de synthèse" in text
    assert not re.search(r"\b(écrite|rédigée)\b", text), text
    assert re.search(r"rédigé en anglais en juillet 2016 ou plus tard", text), text


def test_the_style_sheet_holds_the_daes_masculine():
    """« le DAES » (le Département des affaires économiques et sociales) : the sheet refuses
    the feminine forms and leaves the masculine ones alone."""
    sheet = [rule for rule in style_sheet.rules("fr") if rule.term == "DAES"]
    assert sheet
    refused = "Rapport à celui de la DAES (ONU). La DAES publie."
    assert len(style_sheet.faults(refused, sheet)) == 2
    kept = "Année du DAES (ONU) ; le DAES publie ; chiffres de la DAESA"
    assert style_sheet.faults(kept, sheet) == []


def test_french_course_documents_open_lab_in_french():
    """`make lab` alone opens the English workspace with English menus; every French course
    document says `make lab EDITION=fr`, which the Makefile's lab target reads."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lab:.*\n(?:\t.*\n|ifeq.*\n|else\n|endif\n)*", makefile, re.M)
    assert "ifeq ($(EDITION),fr)" in makefile
    bare = [
        f"{path.name}: {line.strip()}"
        for path in sorted((ROOT / "notebooks" / "fr").glob("*.md"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"`make lab(?! EDITION=fr)[^`]*`", line)
    ]
    assert not bare, "\n".join(bare)


def test_the_codevelopment_unit_has_one_short_name_abbreviated_as_its_neighbours():
    """The timeline clipped « Cellule codéveloppement »; the short name abbreviates
    « codév. » as « Convention codév. » does, and keeps the « de » of the unit's name."""
    sheet = [r for r in style_sheet.rules("fr") if r.term == "nom court de la cellule"]
    assert sheet and style_sheet.faults("la Cellule codéveloppement", sheet)
    with (ROOT / "data" / "fr" / "events.csv").open(encoding="utf-8", newline="") as handle:
        short = {row["id"]: row["short_label"] for row in csv.DictReader(handle)}
    assert short["codev_unit_2002"] == "Cellule de codév."


def test_the_style_sheet_reads_the_french_columns_of_the_english_tables():
    """The glossary's French expansions live in ``data/glossary.csv`` (column ``french``),
    official French names in ``name_fr``: the check reads those columns, and only those."""
    files = style_sheet.files("fr")
    glossary = ROOT / "data" / "glossary.csv"
    assert glossary in files and ROOT / "data" / "institutions.csv" in files
    read = list(style_sheet.texts(glossary, "fr"))
    with glossary.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [value for _where, value in read] == [row["french"] for row in rows]
    carim = next(row["french"] for row in rows if row["acronym"] == "CARIM")
    assert "\u202f;" in carim and " ;" not in carim


def test_year_ranges_take_the_en_dash_in_french_as_on_the_timeline():
    """Prose and titles wrote « 2000-2006 » while the timeline's bars wrote « (2000–2009) »:
    one form, the en dash, from :func:`text.span` and the style sheet."""
    from diaspora_helpers import setup, text

    try:
        setup(language="fr")
        assert text.span(2000, 2006) == "2000\u20132006"
        assert text.period("2003/2007") == "2003\u20132007"
    finally:
        setup(language="en")
    sheet = [r for r in style_sheet.rules("fr") if r.term == "intervalle d’années"]
    assert sheet
    found = style_sheet.faults("les vagues 2000-2006 et 2008-2012", sheet)
    assert len(found) == 2
    assert style_sheet.apply("en 2000-2006.", sheet) == "en 2000\u20132006."
    kept = "loi n° 2004-2005, l’ordonnance 00-027, le 2000-01-15 et 2000\u20132006"
    assert style_sheet.faults(kept, sheet) == []


def test_the_colour_of_mali_has_one_name_per_edition_in_chart_subtitles():
    """The TOKTEN and destinations subtitles name one colour (``constants.TERRACOTTA``):
    « terracotta » in English and « orange brique » in French in every message that names
    it (« terre cuite » read as clay: « des femmes en terre cuite »)."""
    from babel.messages.pofile import read_po

    named = {}
    for path in sorted((ROOT / "diaspora_helpers" / "locale" / "fr").glob("LC_MESSAGES/*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and "terracotta" in str(message.id):
                    named[str(message.id)[:40]] = str(message.string)
    assert len(named) >= 2, named
    assert all("orange brique" in s and "terre cuite" not in s for s in named.values()), named


def test_source_lines_name_the_introduction_before_the_numbered_sections():
    """« sections introduction, 1.2, … » read as if the introduction were numbered: the
    timeline's source line says « introduction et sections 1.2, … » (English likewise)."""
    from diaspora_helpers import setup
    from diaspora_helpers.analysis import timeline
    from diaspora_helpers.charts import style

    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    numbered = sorted(
        {row["section"] for row in rows if row["section"] != "intro"},
        key=lambda s: [int(p) for p in s.split(".")],
    )
    expected = {
        "en": f"introduction and sections {', '.join(numbered)}",
        "fr": f"introduction et sections {', '.join(numbered)}",
    }
    try:
        for language, said in expected.items():
            setup(language=language)
            codes = timeline.sections(timeline.events())
            assert style.document_sections(codes, timeline.SECTION_WORDS) == said
            assert style.document_sections(["5.1"], timeline.SECTION_WORDS) == "section 5.1"
    finally:
        setup(language="en")


def test_every_glossary_row_has_a_french_expansion_with_a_capital():
    """RPW had an empty French cell and FCFA's began in lower case, unlike every other
    row: each expansion in the ``french`` column is filled and starts with a capital."""
    with (ROOT / "data" / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    empty = [row["acronym"] for row in rows if not row["french"].strip()]
    lower = [row["acronym"] for row in rows if row["french"][:1].islower()]
    assert not empty and not lower, (empty, lower)


def _session_plans(guide: str) -> dict[str, list[str]]:
    """Return, per « ## Séance n » section of a guide, the activities of its timing table."""
    plans: dict[str, list[str]] = {}
    for section in re.split(r"(?m)^## ", guide)[1:]:
        heading = section.splitlines()[0]
        rows = re.findall(r"(?m)^\| \d+ min \| (.+?) \|$", section)
        if rows:
            plans[heading] = rows
    return plans


def test_each_french_session_plan_closes_the_course_once():
    """r28 item 4: session 5 had « Discussion ; bilan du cours » then « Bilan et retours »:
    a plan names the course's wrap-up (« bilan ») in one row at most, like the English
    guide (« course wrap-up » once, then « Feedback »)."""
    guide = (ROOT / "notebooks" / "fr" / "instructor_guide.md").read_text(encoding="utf-8")
    plans = _session_plans(guide)
    assert len(plans) == 5, list(plans)
    for heading, rows in plans.items():
        assert sum("bilan" in row.lower() for row in rows) <= 1, (heading, rows)
    english = (ROOT / "notebooks" / "instructor_guide.md").read_text(encoding="utf-8")
    assert [len(r) for r in _session_plans(english).values()] == [len(r) for r in plans.values()]


def test_the_french_guide_names_the_marks_file_where_written_work_is_marked():
    """r28 item 4: « dans le fichier des notes du carnet de notes » named no file; the guide
    says `course/marks.csv`, the file the gradebook section describes."""
    guide = (ROOT / "notebooks" / "fr" / "instructor_guide.md").read_text(encoding="utf-8")
    assert "fichier des notes du carnet de notes" not in guide
    at = guide.index("ne sont pas notés automatiquement")
    assert "`course/marks.csv` (voir «\u202fLe carnet de notes\u202f»" in guide[at : at + 300]
    assert "### Le carnet de notes" in guide
