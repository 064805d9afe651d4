"""What a fresh francophone reading of the French edition found (issue 24, second reading):
agreement, gender and wording faults that one page, catalog or table holds."""

from __future__ import annotations

import html
import re

from diaspora_helpers.publish import style_sheet
from diaspora_helpers.publish.site import navigation, pages


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
