"""A chart's data table says what the data are, not how the chart draws them (issue 25:
"dashed", "red note", "women in terracotta" under a table), in both editions."""

from __future__ import annotations

import os
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.i18n import translator
from diaspora_helpers.publish.site import chart_captions

NNBSP = "\u202f"
#: Words that describe a drawing, not data (whole words, either edition).
DRAWING = re.compile(
    r"\b(dashed|dotted|solid|red|grey|gray|blue|green|terracotta|colou?red|colou?rs?|shapes?"
    r"|hatched|ring|dots?|lines?|bars?|panels?|highlighted|boxes|marks|steps|dark|light|axis"
    r"|labels|tirets|pointillés|trait|rouge|gris|bleu|vert|brique|couleurs?|formes?|hachurées"
    r"|cercle|courbe|barres|graphiques|évidence|cases|symboles|paliers|foncée|claire|axe"
    r"|étiquettes)\b",
    re.I,
)


def test_trailing_clauses_on_the_drawing_go() -> None:
    described = "Women's share, percent; dashed line: all; dotted line: parity (50%)"
    assert chart_captions.caption("women_share_by_destination", described) == (
        "Women's share, percent"
    )
    french = f"Gain, en millions{NNBSP}; gain = R(c − t){NNBSP}; en évidence{NNBSP}: 2012"
    kept = chart_captions.caption("scenario_lower_costs", french, translator("fr"))
    assert kept == f"Gain, en millions{NNBSP}; gain = R(c − t)"
    # a chart not listed keeps its description whole
    assert chart_captions.caption("other", "A; b") == "A; b"


def test_own_captions_name_no_drawing_in_either_edition() -> None:
    for code in ("en", "fr"):
        gettext = translator(code)
        for name, message in chart_captions.CAPTIONS.items():
            shown = chart_captions.caption(name, "(dashed)", gettext)
            assert shown and not DRAWING.search(shown), (code, name, shown)
            assert code == "en" or shown != message, f"no French for {name}"


CAPTION = re.compile(r'<details class="chart-data">.*?<caption>(.*?)</caption>', re.S)


@pytest.mark.slow
def test_no_chart_table_caption_describes_the_drawing() -> None:
    given = os.environ.get("DIASPORA_BUILT_SITE")
    site = Path(given) if given else support.collection_site()
    pages = sorted(site.glob("[0-9]*.html")) + sorted((site / "fr").glob("[0-9]*.html"))
    captions = [(page.name, c) for page in pages for c in CAPTION.findall(page.read_text("utf-8"))]
    assert len(captions) >= 40, len(captions)  # about 21 charts in each edition
    drawn = [(name, c) for name, c in captions if DRAWING.search(c)]
    assert drawn == []
