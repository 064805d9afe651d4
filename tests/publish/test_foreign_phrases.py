"""French phrases an English page quotes are marked ``lang="fr"`` (WCAG 3.1.2, issue 25):
in text only, never inside tags, code or an element that already names its language, and
not on a French page."""

from __future__ import annotations

import csv
from pathlib import Path

from diaspora_helpers.publish.site import accessibility

DATA = Path(__file__).resolve().parents[2] / "data"


def test_french_phrases_in_an_english_page_are_marked() -> None:
    body = (
        "<p>the French tenant lieu suggests the first; the code's French title is "
        "Code domanial et foncier.</p>"
        '<td lang="fr">Code domanial et foncier</td>'
        '<a title="domanial">Ordonnance No. 00-027</a><code>domanial</code>'
    )
    marked = accessibility.mark_foreign(body, "en")
    assert marked == (
        '<p>the French <span lang="fr">tenant lieu</span> suggests the first; the code\'s '
        'French title is <span lang="fr">Code domanial et foncier</span>.</p>'
        '<td lang="fr">Code domanial et foncier</td>'
        '<a title="domanial"><span lang="fr">Ordonnance</span> No. 00-027</a>'
        "<code>domanial</code>"
    )
    assert accessibility.mark_foreign(body, "fr") == body


def test_the_phrases_the_reading_found_in_english_data_are_listed() -> None:
    """Each French phrase the reviewer met in the English audit and glossary data is in
    the list, so that the page marks it (read from the data, not from the list)."""
    with (DATA / "source_audit.csv").open(encoding="utf-8") as handle:
        audit = " ".join(" ".join(row.values()) for row in csv.DictReader(handle))
    with (DATA / "glossary.csv").open(encoding="utf-8") as handle:
        glossary = " ".join(" ".join(row.values()) for row in csv.DictReader(handle))
    for phrase, where in (
        ("tenant lieu", audit),
        ("Code domanial et foncier", audit),
        ("Espace Migrations et Développement", glossary),
    ):
        assert phrase in where
        marked = accessibility.mark_foreign(f"<p>{where}</p>", "en")
        assert f'<span lang="fr">{phrase}</span>' in marked
