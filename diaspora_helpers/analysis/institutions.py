"""The institutions that deal with the diaspora and the links between them (supervision,
implementation, membership, funding), as tables for the landscape diagram.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from diaspora_helpers import tables, text
from diaspora_helpers.data import given_or_load
from diaspora_helpers.i18n import (
    N_,
    register_words,
    with_agreement,
    with_formats,
    with_texts,
    with_words,
)

#: The kinds of body of the landscape (codes of the ``kind`` column of ``institutions``)
#: and how a reader names them.
KIND_WORDS = {
    "national_institution": N_("national institution"),
    "ministry": N_("ministry"),
    "delegation": N_("delegation"),
    "agency": N_("agency"),
    "office": N_("office"),
    "advisory_body": N_("advisory body"),
    "programme": N_("programme"),
    "bilateral_unit": N_("bilateral unit"),
    "regional_space": N_("regional space"),
    "local_authority": N_("local authority"),
    "ngo": N_("NGO"),
    "international_partner": N_("international partner"),
}

#: How each relation between institutions reads in a sentence or a legend.
RELATION_WORDS = {
    "supervises": N_("supervises"),
    "implements": N_("implements"),
    "member_of": N_("is a member of"),
    "sits_on": N_("sits on"),
    "funds": N_("funds"),
    "partners_with": N_("works with"),
}

#: The same relations after a plural subject ("NGOs belonging to EMDK are members of").
RELATION_WORDS_PLURAL = {
    "supervises": N_("supervise"),
    "implements": N_("implement"),
    "member_of": N_("are members of"),
    "sits_on": N_("sit on"),
    "funds": N_("fund"),
    "partners_with": N_("work with"),
}


def _agreeing(table: pd.DataFrame, nodes: pd.DataFrame, named: dict[str, str]) -> pd.DataFrame:
    """Record that ``table``'s ``relation`` words agree with its ``who`` (a plural body's
    name takes the plural verb; the ``grammatical_number`` column of ``institutions``,
    given per edition). ``named`` maps ids to the names the table shows."""
    number = nodes.get("grammatical_number", pd.Series("singular", index=nodes.index))
    plural = [named[n] for n, g in zip(nodes["id"], number, strict=True) if g == "plural"]
    return with_agreement(
        table, "relation", subject="who", plural_words=RELATION_WORDS_PLURAL, plural=plural
    )


register_words("institutions", kind=KIND_WORDS)
register_words("institution_links", relation=RELATION_WORDS)


#: How each relation places its two ends in the diagram: "down" puts ``to_id`` a layer
#: below ``from_id``; "up" puts ``from_id`` below ``to_id`` (members under what they
#: belong to); "side" adds no constraint (partners and funders are drawn where they fit).
RELATION_DIRECTION = {
    "supervises": "down",
    "implements": "down",
    "member_of": "up",
    "sits_on": "up",
    "funds": "side",
    "partners_with": "side",
}


def supervision_graph(
    institutions: pd.DataFrame | None = None, links: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the nodes (institutions) and edges (links) of the institutional landscape.

    Edges whose ends are not institutions raise a ``KeyError`` naming the link.
    """
    nodes = given_or_load("institutions", institutions)
    edges = given_or_load("institution_links", links)
    known = set(nodes["id"])
    for row in tables.rows(edges):
        for end in (row.from_id, row.to_id):
            if end not in known:
                raise KeyError(f"link {row.id!r} names {end!r}, which is not an institution")
    edges["relation"] = edges["relation"].astype("str")
    if "kind" in nodes.columns:
        nodes["kind"] = nodes["kind"].astype("str")
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def unlinked(nodes: pd.DataFrame, edges: pd.DataFrame) -> list[str]:
    """Return the ids of institutions that no link names, in table order."""
    linked = set(edges["from_id"]) | set(edges["to_id"])
    return [n for n in nodes["id"] if n not in linked]


def landscape_bands(
    nodes: pd.DataFrame, edges: pd.DataFrame, band_kinds: Sequence[str] = ("international_partner",)
) -> dict[str, list[str]]:
    """Return the rows drawn under the main diagram: partners by kind, then unlinked bodies.

    Keys are the band names shown on the diagram; values are institution ids.
    """
    bands: dict[str, list[str]] = {}
    for kind in band_kinds:
        ids = list(nodes.loc[nodes["kind"].astype("str") == kind, "id"])
        if ids:
            bands[kind] = ids
    taken = {n for ids in bands.values() for n in ids}
    loose = [n for n in unlinked(nodes, edges) if n not in taken]
    if loose:
        bands["unlinked"] = loose
    return bands


def links_table(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    touching: Sequence[str] | None = None,
    relations: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return links as sentences' parts: who, does what, to whom, with note and section.

    ``who`` and ``whom`` are the bodies' names (with their acronyms) from ``nodes``, in the
    edition's language; ``relation`` is the link's code (its words, :data:`RELATION_WORDS`,
    are recorded for shown tables). ``touching`` keeps links with either end among those
    ids; ``relations`` keeps those relations only.
    """
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    acronyms = dict(
        zip(nodes["id"], nodes.get("acronym", pd.Series(index=nodes.index)), strict=True)
    )

    def named(n: str) -> str:
        acro = acronyms.get(n)
        return f"{names[n]} ({acro})" if isinstance(acro, str) and acro else names[n]

    keep = edges
    if touching is not None:
        wanted = set(touching)
        keep = keep[keep["from_id"].isin(wanted) | keep["to_id"].isin(wanted)]
    if relations is not None:
        keep = keep[keep["relation"].isin(list(relations))]
    table = pd.DataFrame(
        {
            "who": [named(n) for n in keep["from_id"]],
            "relation": keep["relation"].astype("str").to_numpy(),
            "whom": [named(n) for n in keep["to_id"]],
            "note": keep["note"].fillna("").to_numpy() if "note" in keep else "",
            "section": keep["section"].astype("str").to_numpy() if "section" in keep else "",
        }
    ).reset_index(drop=True)
    _agreeing(table, nodes, {n: named(n) for n in nodes["id"]})
    return with_texts(with_words(table, relation=RELATION_WORDS), "who", "whom", "note")


def supervision_counts(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Return each supervising body with how many bodies it supervises and their names."""
    sup = edges[edges["relation"] == "supervises"]
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    rows = [
        {
            "supervisor": names[who],
            "bodies": len(part),
            "supervised": tuple(names[n] for n in part["to_id"]),
        }
        for who, part in sup.groupby("from_id", sort=False)
    ]
    table = pd.DataFrame(rows, columns=["supervisor", "bodies", "supervised"])
    table = table.sort_values(["bodies", "supervisor"], ascending=[False, True], kind="stable")
    return with_formats(table, supervised=text.items)  # a tuple of names, joined when shown


def kind_counts(nodes: pd.DataFrame) -> pd.Series:
    """Return how many institutions of each kind the landscape has, most first."""
    counts = nodes["kind"].astype("str").value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable").rename("bodies")


#: The topics and qualifiers of the document's small figures (codes) and their words,
#: applied where a table is shown (recorded with :func:`~diaspora_helpers.i18n.with_words`).
FIGURE_WORDS = {
    "codevelopment": N_("co-development"),
    "kayes": N_("Kayes"),
    "hcme": N_("HCME"),
    "consultation": N_("consultation"),
    "institutions": N_("institutions"),
    "investment": N_("investment"),
    "employment": N_("employment"),
    "geography": N_("geography"),
    "diaspora": N_("diaspora"),
    "communication": N_("communication"),
    "migration_policy": N_("migration policy"),
    "exact": N_("exact"),
    "approximate": N_("approximate"),
    "at_least": N_("at least"),
    "more_than": N_("more than"),
    "examples": N_("examples"),
}


def figures_about(
    table: pd.DataFrame | None = None, topics: Sequence[str] = ("codevelopment", "kayes")
) -> pd.DataFrame:
    """Return the document's small figures on the given topics (codes), indexed by id.

    ``topic`` and ``qualifier`` keep their codes, their words (:data:`FIGURE_WORDS`) recorded
    for shown tables with :func:`~diaspora_helpers.i18n.with_words`.
    """
    figs = given_or_load("codevelopment_figures", table)
    figs["topic"] = figs["topic"].astype("str")
    picked = figs[figs["topic"].isin(list(topics))].copy()
    picked["qualifier"] = picked["qualifier"].astype("str")
    out = picked.set_index("id")[["topic", "label", "value", "unit", "qualifier", "section"]]
    return with_words(out, topic=FIGURE_WORDS, qualifier=FIGURE_WORDS)


#: The relations the landscape draws, and the words of a body it draws with none.
DRAWN_WORDS = {**RELATION_WORDS, "none_named": N_("no link named in the document")}


def relations_drawn(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Return what the landscape diagram draws, one row per relation: ``who_id`` and
    ``who`` (the institution it starts from, its name with its acronym), ``relation`` (a
    code, read with :data:`DRAWN_WORDS`), ``whom_id`` and ``whom``, ``section`` of the
    source document; then one row per institution no relation names (``relation``
    ``none_named``, no ``whom``). Names are in the edition's language."""
    names = dict(zip(nodes["id"], nodes["name"], strict=True))
    acronyms = dict(
        zip(nodes["id"], nodes.get("acronym", pd.Series(index=nodes.index)), strict=True)
    )

    def named(n: str) -> str:
        acronym = acronyms.get(n)
        has = isinstance(acronym, str) and acronym and acronym not in str(names[n])
        return f"{names[n]} ({acronym})" if has else str(names[n])

    rows = [
        {
            "who_id": row.from_id,
            "who": named(row.from_id),
            "relation": row.relation,
            "whom_id": row.to_id,
            "whom": named(row.to_id),
            "section": str(row.section) if pd.notna(row.section) else "",
        }
        for row in tables.rows(edges)
    ]
    rows += [
        {
            "who_id": n,
            "who": named(n),
            "relation": "none_named",
            "whom_id": "",
            "whom": "",
            "section": "",
        }
        for n in unlinked(nodes, edges)
    ]
    table = pd.DataFrame(rows, columns=["who_id", "who", "relation", "whom_id", "whom", "section"])
    _agreeing(table, nodes, {n: named(n) for n in nodes["id"]})
    return with_texts(with_words(table, relation=DRAWN_WORDS), "who", "whom")
