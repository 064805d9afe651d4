"""Sentences of notebook 03 about TOKTEN (the diaspora's skills-transfer programme),
computed from the tables of :mod:`diaspora_helpers.analysis.tokten`.

Each function returns a :class:`diaspora_helpers.text.Prose` in the edition's language.
Counts are whole numbers of trainees; shares are percentages of trainees; the reporting
period is an ISO interval read in words. The rest of notebook 03's sentences are in
:mod:`diaspora_helpers.prose.history`.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import i18n, text
from diaspora_helpers.analysis import tokten
from diaspora_helpers.i18n import N_, _

#: Each TOKTEN sector as a sentence names it, with its article ("the health sector", "le
#: secteur de la santé"); a sector without one reads as its word (``tokten.WORDS``).
SECTOR_PHRASES = {
    "education": N_("the education sector"),
    "health": N_("the health sector"),
    "smes": N_("the missions to SMEs"),
    "other_administrations": N_("the other administrations"),
}


def tokten_totals(
    check: pd.DataFrame, levels_check: pd.DataFrame, sectors: pd.DataFrame, women_total: float
) -> text.Prose:
    """Say whether TOKTEN's stated totals equal the sum of their parts, and on what the
    women's total rests.

    ``check`` is ``tokten.check_totals(...)`` (``measure``, ``agrees``), ``levels_check``
    ``tokten.check_levels()`` (``agrees``), ``sectors`` ``tokten.tokten_sectors()``
    (``sector``, ``women_source``) and ``women_total`` the stated number of women.
    """
    wrong = check.loc[~check["agrees"], "measure"]
    if wrong.empty:
        totals = _("All {n} stated totals equal the sum of their parts").format(
            n=text.spelled(len(check))
        )
    else:
        totals = _("The stated totals of {measures} do not equal the sum of their parts").format(
            measures=text.listing(i18n.word(str(m), tokten.WORDS) for m in wrong)
        )
    levels = (
        _("{totals}, and the degree levels add up to the education row.")
        if levels_check["agrees"].all()
        else _("{totals}, but the degree levels do not add up to the sector row.")
    ).format(totals=totals)
    silent = [
        _(SECTOR_PHRASES[str(s)]) if str(s) in SECTOR_PHRASES else i18n.word(str(s), tokten.WORDS)
        for s in sectors.loc[sectors["women_source"] == "not_stated", "sector"]
    ]
    women = _(
        "The women's total of {women} holds only if no women were trained in {sectors}: the "
        "document gives no figure there, and the audit notes it."
    ).format(women=text.number(women_total), sectors=text.listing(silent))
    return text.say(f"{levels} {women}")


def women_shares(
    shares: pd.DataFrame,
    sectors: pd.DataFrame,
    levels: pd.DataFrame,
    stated: dict[str, float],
    period: str,
) -> text.Prose:
    """Say what share of TOKTEN's trainees were women, overall, by degree and in two sectors.

    ``shares`` is ``tokten.women_share(levels, "degree_level")``, ``sectors`` and ``levels``
    come from ``tokten.tokten_sectors()`` and ``tokten.tokten_levels()``, ``stated`` from
    ``tokten.stated_totals()`` (``trainees`` and ``women``) and ``period`` is the reporting
    period as ``timeline.when`` gives it (an ISO interval, read in words here). Shares are
    percentages of trainees.
    """
    by_level = shares.set_index("degree_level")["women_share_pct"]
    by_sector = tokten.women_share(sectors, "sector").set_index("sector")["women_share_pct"]
    return text.say(
        _(
            "Overall, the document counts {women} women among {trainees} trainees, {overall}. "
            "From {period}, women were {bachelor} of bachelor-level trainees, {master} at "
            "master's level and {doctorate} at doctorate level, against {smes} in the SME "
            "missions and {others} in the other administrations. The doctorate share rests "
            "on {doctors} people, so it says little on its own."
        ).format(
            women=text.number(stated["women"]),
            trainees=text.number(stated["trainees"]),
            overall=text.percent(100 * stated["women"] / stated["trainees"]),
            period=text.period(period),
            bachelor=text.percent(by_level["bachelor"]),
            master=text.percent(by_level["master"]),
            doctorate=text.percent(by_level["doctorate"]),
            smes=text.percent(by_sector["smes"]),
            others=text.percent(by_sector["other_administrations"]),
            doctors=text.number(levels.set_index("degree_level").at["doctorate", "trainees"]),  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
        )
    )


__all__ = ["SECTOR_PHRASES", "tokten_totals", "women_shares"]
