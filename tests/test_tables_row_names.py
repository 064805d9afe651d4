"""A row's name comes first in a reader's table (issue 25, a phone reader at c1ab18f: on
02 each country's card began "ISO3: MLI", on 04 each constraint's card read "Kind / Theme
/ Label" with the label last); an ISO3 code follows the name, as ``<code>``."""

from __future__ import annotations

import re

import pandas as pd

from diaspora_helpers import tables


def test_the_country_comes_first_and_its_code_after_it_as_code() -> None:
    frame = pd.DataFrame(
        {"iso3": ["MLI", "SEN"], "country": ["Mali", "Senegal"], "population": [1, 2]}
    )
    shown = tables.show(frame)
    assert shown.labels == ["Country", "ISO3", "Population"]
    assert [row[:2] for row in shown.cells] == [["Mali", "MLI"], ["Senegal", "SEN"]]
    first_row = re.search(r"<tbody>.*?<tr>(.*?)</tr>", shown.to_html(), re.S)
    assert first_row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", first_row.group(1))
    assert cells[:2] == ["Mali", "<code>MLI</code>"]


def test_a_label_comes_before_its_kind_and_theme() -> None:
    frame = pd.DataFrame({"kind": ["exogenous"], "theme": ["host"], "label": ["Xenophobia"]})
    assert tables.show(frame).labels == ["Label", "Kind", "Theme"]


def test_an_order_the_caller_gives_or_an_index_shown_is_kept() -> None:
    frame = pd.DataFrame({"iso3": ["MLI"], "country": ["Mali"]})
    assert tables.show(frame, columns=["iso3", "country"]).labels == ["ISO3", "Country"]
    indexed = tables.show(frame.set_index("iso3"), index=True)
    assert indexed.labels == ["ISO3", "Country"]


def test_the_ratio_of_01_is_headed_in_words() -> None:
    """01's "Ratio admin to this" (issue 25): the header says what is divided by what."""
    shown = tables.show(pd.DataFrame({"ratio_admin_to_this": [1.5]}))
    assert shown.labels == ["Administrative figure ÷ this estimate"]
