"""What a fresh francophone reading of the French edition found (issue 24, second reading):
agreement, gender and wording faults that one page, catalog or table holds."""

from __future__ import annotations

import html
import re

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
