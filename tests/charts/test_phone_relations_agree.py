"""The phone landscape's relation lines agree with the institution that opens them (rfr11:
« Partenaires français … | travaille avec », "… EMDK | is a member of"), as its table does;
which names are plural is the edition's data (``grammatical_number``)."""

from __future__ import annotations

import pytest

from diaspora_helpers import charts, i18n, setup
from diaspora_helpers.analysis import institutions


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_relation_line_agrees_with_its_institution(language):
    setup(language=language)
    nodes, links = institutions.supervision_graph()
    positions = charts.layout.layered_layout(
        nodes, links, bands=institutions.landscape_bands(nodes, links)
    )
    rows = [r.text for r in charts.relations.phone_rows(nodes, links, positions)]
    plural = set(nodes.loc[nodes["grammatical_number"] == "plural", "id"])
    assert plural, "no plural institution: the check would prove nothing"
    checked = 0
    for node in nodes.itertuples():
        if node.id not in set(links["from_id"]):
            continue
        kinds = set(links.loc[links["from_id"] == node.id, "relation"])
        table = (
            institutions.RELATION_WORDS_PLURAL if node.id in plural else institutions.RELATION_WORDS
        )
        other = (
            institutions.RELATION_WORDS if node.id in plural else institutions.RELATION_WORDS_PLURAL
        )
        for kind in kinds:
            said, wrong = i18n._(table[kind]), i18n._(other[kind])
            if said == wrong:
                continue
            assert any(row.startswith(said + " ") for row in rows), (node.id, said)
            checked += node.id in plural
    assert checked, "no plural line was checked"
