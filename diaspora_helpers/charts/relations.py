"""How the landscape of institutions draws its relations (a line style per relation, the
titles of its bands), and the landscape listed relation by relation for a phone.
"""

from __future__ import annotations

import pandas as pd

from diaspora_helpers import colours, constants, tables
from diaspora_helpers.analysis.institutions import RELATION_WORDS, RELATION_WORDS_PLURAL
from diaspora_helpers.charts import phone_lists
from diaspora_helpers.i18n import N_, _, word

#: Fill colours of the landscape's boxes, by kind of institution.
INSTITUTION_COLOURS = constants.INSTITUTION_FILLS


#: Line style of each relation in the landscape.
RELATION_STYLES = {
    "supervises": {"color": constants.DARK_GREY, "linestyle": "-", "linewidth": 1.3},
    "implements": {"color": constants.BLUISH_GREEN, "linestyle": "-", "linewidth": 1.1},
    "member_of": {"color": constants.BLUISH_GREEN, "linestyle": ":", "linewidth": 1.3},
    "sits_on": {"color": constants.REDDISH_PURPLE, "linestyle": "--", "linewidth": 1.2},
    "funds": {"color": constants.BLUE, "linestyle": "-", "linewidth": 0.9},
    "partners_with": {
        # darkened to read at 3:1 on the white ground (WCAG 1.4.11): 2.8:1 as it is
        "color": colours.darkened(
            constants.LINK_GREY, (constants.WHITE,), colours.NON_TEXT_CONTRAST, 0.02
        ),
        "linestyle": (0, (4, 2)),
        "linewidth": 0.9,
    },
}


BAND_TITLES = {
    "international_partner": N_("Partners"),
    "unlinked": N_("No link named in the document"),
}


#: The arrow between a relation's words and its other end in the phone's list: a
#: partnership runs both ways, as its two-headed arrow on the page.
ARROWS = {"partners_with": "↔"}


def full_name(row: pd.Series) -> str:
    """Return an institution's name with its acronym after it when the name does not hold
    it: "Centre for Migration Information and Management (CIGEM)"."""
    name, acronym = str(row["name"]), row.get("acronym")
    if isinstance(acronym, str) and acronym and acronym not in name:
        return f"{name} ({acronym})"
    return name


def phone_rows(
    nodes: pd.DataFrame, links: pd.DataFrame, positions: pd.DataFrame
) -> list[phone_lists.Row]:
    """Return the landscape as a phone reads it: each institution that a link starts from
    (in the diagram's order, top to bottom, left to right) on a band of its box's colour,
    then under it each relation drawn from it, a sample of the relation's line and its
    words and an arrow to the other end ("supervises → General Delegation of Malians
    Abroad"); last, the institutions no link names."""
    Row = phone_lists.Row
    info = nodes.set_index("id")
    where = positions.set_index("id")
    order = sorted(info.index, key=lambda n: (float(where.at[n, "y"]), float(where.at[n, "x"])))  # type: ignore[arg-type]  # pandas-stubs types a cell as any scalar
    rank = {n: i for i, n in enumerate(order)}
    relation_rank = {r: i for i, r in enumerate(RELATION_STYLES)}
    rows: list[phone_lists.Row] = []
    for n in order:
        out = links[links["from_id"] == n]
        if out.empty:
            continue
        kind = str(info.at[n, "kind"])
        # the verb agrees with the institution that opens the line (rfr11: « Partenaires
        # français … | travaille avec »), as the table's does (the edition's data says which
        # names are plural)
        plural = (
            str(info.at[n, "grammatical_number"]) == "plural"
            if "grammatical_number" in info
            else False
        )
        verbs = RELATION_WORDS_PLURAL if plural else RELATION_WORDS
        rows.append(
            Row(
                full_name(info.loc[n]),
                bold=True,
                shade=INSTITUTION_COLOURS.get(kind, constants.WHITE),
            )
        )
        ranked = sorted(
            tables.rows(out), key=lambda r: (relation_rank.get(r.relation, 99), rank[r.to_id])
        )
        for link in ranked:
            line = RELATION_STYLES.get(link.relation, RELATION_STYLES["partners_with"])
            rows.append(
                Row(
                    # an arrow, not a sentence: "exerce la tutelle → Ministère…" reads in
                    # every language (no article to agree), two-headed for a partnership
                    f"{word(link.relation, verbs)} {ARROWS.get(link.relation, '→')} "
                    f"{full_name(info.loc[link.to_id])}",
                    level=1,
                    mark={
                        "kind": "line",
                        "color": line["color"],
                        "linestyle": line["linestyle"],
                        "linewidth": float(line["linewidth"]) * 1.4,  # type: ignore[arg-type]  # a width in points
                    },
                )
            )
    loose = [n for n in order if n not in set(links["from_id"]) | set(links["to_id"])]
    if loose:
        rows.append(Row(_(BAND_TITLES["unlinked"]), italic=True, colour=constants.TEXT_GREY))
        rows += [
            Row(
                full_name(info.loc[n]),
                level=1,
                shade=INSTITUTION_COLOURS.get(str(info.at[n, "kind"]), constants.WHITE),
            )
            for n in loose
        ]
    return rows
