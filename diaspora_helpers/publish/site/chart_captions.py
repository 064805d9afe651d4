"""What a chart's data table is captioned: what the data are, not how the chart draws
them (issue 25, the phone reader's last reading: "dashed", "red note", "women in
terracotta" mean nothing under a table).

A chart's descriptor (``dc:description``) is the chart's subtitle, which may end with its
legend ("; dashed line: all destinations"). For the charts whose legend is in trailing
clauses, the table keeps the clauses before it (:data:`KEEP_CLAUSES`: numbers a run
computed, such as a scenario's target, stay as the run wrote them); for those whose legend
is woven into the sentence, the table has its own caption (:data:`CAPTIONS`, translated
through the catalogs). Any other chart's table is captioned with its description whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from diaspora_helpers.i18n import N_

#: Charts whose description ends with clauses on the drawing: how many clauses (split at
#: ";") say what the data are.
KEEP_CLAUSES = {
    "women_share_by_destination": 1,
    "corridor_costs_into_mali": 2,
    "scenario_lower_costs": 2,
    "institutional_landscape": 1,
    "tokten_trainees": 1,
}
#: Charts whose description describes the drawing throughout: their table's caption.
CAPTIONS = {
    "change_by_destination": N_(
        "Migrants from Mali (mostly born there) in each of the countries with the largest "
        "communities at the later estimate year: persons at each "
        "of the two years compared, and the change"
    ),
    "document_malians_abroad": N_(
        "Malians living abroad by place of residence, in persons (administrative estimates, "
        "as printed in the source document)"
    ),
    "foreigners_in_mali": N_(
        "People living in Mali who came from elsewhere, by year: international migrants "
        "as UN DESA estimates them (born abroad, or foreign citizens where no birthplace is "
        "recorded) and foreign nationals as the 2009 census counted them"
    ),
    "population_census_and_estimate": N_(
        "Mali's resident population by year: the World Bank's yearly estimate and, in "
        "census years, the census count and how far the two differ"
    ),
    "top_destinations": N_(
        "Migrants from Mali (mostly born there) living in each country, with the country's "
        "region group and its share of all migrants from Mali"
    ),
    "bilateral_senders_2017": N_(
        "Estimated remittances from each country to Mali in 2017 (model estimates), with "
        "each country's share, the migrants from Mali living there and the amount per "
        "migrant; a model artefact is a zero the model gives although many people born in "
        "Mali live there"
    ),
    "mali_and_peers": N_(
        "Personal remittances received by Mali, the countries it is compared with and "
        "World Bank aggregates: in USD, as a share of GDP (derived from the 2026 copy, and "
        "as published in 2022), per resident, and per emigrant as UN DESA counts them"
    ),
    "remittances_over_time": N_(
        "Personal remittances received by Mali per year, in current USD and in CFA francs "
        "at each year's official rate (from 1984, when Mali rejoined the CFA franc after "
        "issuing its own currency), with that rate"
    ),
    "remittances_share_of_gdp_two_releases": N_(
        "Personal remittances received by Mali, percent of GDP: as published in the 2022 "
        "release, and derived from the 2026 copy's remittances and GDP, both given in USD"
    ),
    "timeline": N_(
        "Dated events of Mali's diaspora policy, by kind: when each happened (a date, or "
        "the start and end of a period), what happened, and the section of the source "
        "document that gives it"
    ),
    "coverage_matrix": N_(
        "Strategies of the source document (rows) against its constraints (columns): "
        "whether a strategy aims at the constraint itself or at part of it. The links are "
        "the collection's own reading, not the document's"
    ),
}
_CLAUSE = re.compile(r"\s*;\s*")


def caption(name: str, description: str, gettext: Callable[[str], str] = str) -> str:
    """Return the caption of chart ``name``'s data table, in the edition's language
    (``gettext``), from its descriptor's ``description`` (already in that language)."""
    if name in CAPTIONS:
        return gettext(CAPTIONS[name])
    keep = KEEP_CLAUSES.get(name)
    if keep is None:
        return description
    # The clauses joined as the edition writes "; " (French: a narrow no-break space before).
    return gettext("; ").join(_CLAUSE.split(description)[:keep])
