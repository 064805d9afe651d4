"""The sentences of notebook 00 (the overview), in the edition's language.

Each function takes what the notebook computed with
:mod:`diaspora_helpers.analysis.key_figures` and returns a :class:`~diaspora_helpers.text.Prose`
paragraph. Numbers are formatted by :mod:`diaspora_helpers.text` (``27.53%`` in English,
``27,53 %`` in French); the wording is English here and French in the ``overview``
catalog.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from diaspora_helpers import tables, text
from diaspora_helpers.i18n import _, ngettext


def kinds_of_estimate(figures: pd.DataFrame) -> text.Prose:
    """Say how many headline figures are administrative, census and central-bank figures.

    ``figures``: the key figures (:func:`~diaspora_helpers.analysis.key_figures.key_figures`,
    one row per figure, with the ``estimate_kind`` column, and ``label`` where a figure is
    ``geographic``: those are named). Raises ``KeyError`` if a column it needs is missing.
    """
    kinds = figures["estimate_kind"].astype("str").value_counts()
    geographic = figures[figures["estimate_kind"].astype("str") == "geographic"]
    counts = {
        "total": text.spelled(len(figures)),
        "administrative": text.spelled(kinds.get("administrative", 0)),
        "census": text.spelled(kinds.get("census", 0)),
        "central_bank": text.spelled(kinds.get("central_bank", 0)),
    }
    if geographic.empty:
        first = _(
            "Of the {total} headline figures, {administrative} are administrative estimates, "
            "{census} come from the 2009 census and {central_bank} from the central bank "
            "(BCEAO)."
        ).format(**counts)
    else:
        first = ngettext(
            "Of the {total} headline figures, {administrative} are administrative estimates, "
            "{census} come from the 2009 census, {central_bank} from the central bank "
            "(BCEAO) and {geographic} is a geographic measure ({geographic_names}).",
            "Of the {total} headline figures, {administrative} are administrative estimates, "
            "{census} come from the 2009 census, {central_bank} from the central bank "
            "(BCEAO) and {geographic} are geographic measures ({geographic_names}).",
            len(geographic),
        ).format(
            geographic=text.spelled(len(geographic)),
            # a label as a table cell writes it ("Area of Mali") reads in lower case here
            geographic_names=text.listing(
                label[:1].lower() + label[1:] for label in geographic["label"].astype("str")
            ),
            **counts,
        )
    rest = _(
        "Every figure on Malians abroad is administrative: Mali's censuses count "
        "only the people resident in Mali (caveats of the census table "
        "in `data/datapackage.json`). A census of a country of residence can count Malians "
        "there; notebook 01 sets one, Côte d'Ivoire's, beside the other counts."
    )
    return text.say(f"{first} {rest}")


def printed_shares(shares: pd.DataFrame, decimals: int) -> text.Prose:
    """Say how many printed shares hold at the precision printed, and name those that do not.

    ``shares``: :func:`~diaspora_helpers.analysis.key_figures.recomputed_shares` (columns
    ``label``, ``stated_share_pct``, ``recomputed_share_pct`` in percent, ``agrees``).
    ``decimals``: places for the recomputed shares (the stated ones keep 1). Raises
    ``KeyError`` (pandas) if one of those columns is missing.
    """
    wrong = shares[~shares["agrees"]]
    right = len(shares) - len(wrong)
    first = ngettext(
        "Of the {total} printed shares, {right} is right to the precision printed.",
        "Of the {total} printed shares, {right} are right to the precision printed.",
        right,
    ).format(right=text.spelled(right, feminine=True), total=text.spelled(len(shares)))
    if wrong.empty:
        return text.say(first)
    items = [
        _("{label} (printed {stated}, computed {computed})").format(
            label=row.label,
            stated=text.percent(row.stated_share_pct, 1),
            computed=text.percent(row.recomputed_share_pct, decimals),
        )
        for row in tables.rows(wrong)
    ]
    # TRANSLATORS: the separator between the shares listed; French puts a narrow
    # no-break space before the semicolon.
    listed = _("; ").join(items)
    second = ngettext(
        "The {n} that is not: {items}.", "The {n} that are not: {items}.", len(wrong)
    ).format(n=text.spelled(len(wrong), feminine=True), items=listed)
    return text.say(f"{first} {second}")


def share_of_all(share: Mapping[str, float], decimals: int) -> text.Prose:
    """Say what share the Malians abroad are of the residents, and of all Malians.

    ``share``: :func:`~diaspora_helpers.analysis.key_figures.share_of_all_malians` (``abroad``
    and ``residents`` in persons, ``share_of_residents_pct`` and ``share_of_all_pct`` in
    percent). ``decimals``: places for the two shares. Raises ``KeyError`` for a missing key.
    """
    return text.say(
        _(
            "With the document's own figures, {abroad} Malians abroad are {of_residents} of "
            "the {residents} residents counted in 2009, but {of_all} of all Malians, at home "
            "and abroad."
        ).format(
            abroad=text.millions(share["abroad"], 1),
            of_residents=text.percent(share["share_of_residents_pct"], decimals),
            residents=text.number(share["residents"]),
            of_all=text.percent(share["share_of_all_pct"], decimals),
        )
    )
