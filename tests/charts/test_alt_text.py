"""A chart's alt text (r35 item 3): the title, then the subtitle as its own sentence, so
that the subtitle's own brackets are never nested inside another pair."""

from __future__ import annotations

import diaspora_test_support as support

from diaspora_helpers.charts import files


def test_the_subtitle_is_a_sentence_of_its_own_and_no_bracket_is_nested():
    title = "The document places 87.5% of Malians abroad elsewhere in Africa"
    subtitle = (
        "Malians living abroad by place of residence, millions of persons (administrative "
        "estimates)"
    )
    alt = files.alt_text(title, subtitle)
    assert alt == f"{title}. {subtitle}."
    assert support.bracket_depth(alt) == 1


def test_a_subtitle_that_ends_a_sentence_gets_no_second_full_stop():
    alt = files.alt_text("Six constraints are addressed by none.", "The links are ours.")
    assert alt == "Six constraints are addressed by none. The links are ours."
