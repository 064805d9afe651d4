"""The key finding under a page's question, and on the index, reads as a sentence: a chart
title (no full stop, as titles go) after "Key finding:" gets its closing full stop, once
(r25 item 13)."""

from __future__ import annotations

import re

from diaspora_helpers.publish.site import story


def _said(box: str) -> str:
    return re.sub(r"<[^>]+>", "", box).split(":", 1)[1].strip()


def test_the_finding_box_ends_its_sentence() -> None:
    title = "Diaspora policy came in 5 waves; the busiest, 2000–2006, brought 16 events"
    assert _said(story.finding_box(title)) == title + "."
    assert _said(story.finding_box("Is it one count or two?")) == "Is it one count or two?"
    assert _said(story.finding_box("Already a sentence.")) == "Already a sentence."
    assert story.finding_box("") == ""


def test_the_index_line_ends_its_sentence() -> None:
    assert story.sentence("Remittances to Mali: USD 827 million in 2012") == (
        "Remittances to Mali: USD 827 million in 2012."
    )
    assert (
        story.sentence("Deux chiffres pour l’Europe\u202f!") == "Deux chiffres pour l’Europe\u202f!"
    )
    assert story.sentence("« cité »") == "« cité »."
