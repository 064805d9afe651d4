"""Checks on the tables drawn from the source document (issue 3).

The tables are read straight from ``data/*.csv`` with pandas (every cell as text), so these
checks do not depend on ``data/datapackage.json`` being assembled; the schema checks
assemble a package of the source tables' descriptors in a temporary folder.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import re
import shutil
from functools import cache
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from acronyms import acronym_tokens, glossary_words, iso3_codes

from diaspora_helpers.analysis.key_figures import key_figures, recomputed_shares

DATA = Path(__file__).resolve().parents[2] / "data"
RESOURCES = DATA / "build" / "resources"

#: The tables this file covers, all drawn from the source document (objective_strategy_links
#: is the collection's reading of two of its lists, sections 5.3 and 7).
SOURCE_TABLES = [
    "key_figures",
    "events",
    "institutions",
    "institution_links",
    "legal_framework",
    "tokten_results",
    "tokten_totals",
    "codevelopment_figures",
    "constraints",
    "strategies",
    "nmp_objectives",
    "objective_strategy_links",
    "forum_recommendations",
    "diaspora_actions",
    "ministry_tasks",
    "institution_roles",
    "missions_countries",
    "countries_mentioned",
    "reception_offices",
    "thematic_groups",
    "specific_actions",
    "guide_contents",
    "glossary",
    "source_audit",
]

#: The document's sections; "external" is allowed in the glossary only (terms the
#: notebooks or the reference data use but the document does not).
SECTIONS = {"intro", "1.1", "1.2", "1.3", "2", "3", "4", "5", "5.1", "5.2", "5.3"}
SECTIONS |= {"6", "6.1", "6.2", "7", "conclusion"}
EVENT_KINDS = {"forum", "institution", "programme", "law_policy", "mission"}
FIELD_TYPES = {"string", "integer", "number", "boolean", "date", "year"}
PRECISION_PATTERN = {
    "year": r"\d{4}",
    "month": r"\d{4}-\d{2}",
    "day": r"\d{4}-\d{2}-\d{2}",
}


@cache
def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def table(name: str) -> pd.DataFrame:
    """Return a source table with every cell as a string ('' when empty)."""
    return _read(name).copy()


def descriptor(name: str) -> dict:
    return json.loads((RESOURCES / f"{name}.json").read_text(encoding="utf-8"))


def number(text: str) -> float | None:
    return float(text) if text != "" else None


def audit_entries(affecting: str, severities: set[str] | None = None) -> pd.DataFrame:
    """Return audit rows whose ``affects`` lists ``affecting`` exactly (as 'table:id')."""
    audit = table("source_audit")
    tokens = audit["affects"].map(lambda s: {t.strip() for t in s.split(";")})
    mask = tokens.map(lambda ts: affecting in ts)
    if severities is not None:
        mask &= audit["severity"].isin(severities)
    return audit[mask]


# ------------------------------------------------------------------- files and schemas


@pytest.mark.parametrize("name", SOURCE_TABLES)
def test_csv_is_tidy_utf8_and_matches_its_descriptor(name):
    raw = (DATA / f"{name}.csv").read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert not text.startswith("\ufeff"), "no byte-order mark"
    assert "\r" not in text, "LF line endings only"
    header = text.split("\n", 1)[0].split(",")
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", c) for c in header), header
    assert header[0] not in ("", "index", "unnamed_0"), "no index column"

    desc = descriptor(name)
    assert desc["name"] == name and desc["path"] == f"{name}.csv"
    for key in ("title", "description", "sources", "licenses"):
        assert desc[key], key
    assert (desc["format"], desc["encoding"], desc["mediatype"]) == ("csv", "utf-8", "text/csv")
    fields = desc["schema"]["fields"]
    assert [f["name"] for f in fields] == header
    assert {f["type"] for f in fields} <= FIELD_TYPES
    assert all(f.get("title") or f.get("description") for f in fields)
    assert desc["schema"]["primaryKey"], "every table has a primary key"

    df = table(name)
    assert len(df) > 0
    padded = df.apply(lambda col: col.str.strip() != col).to_numpy().any()
    assert not padded, "no leading or trailing spaces in cells"


def _source_package(folder: Path) -> Path:
    """Write a datapackage.json of the source tables, with copies of their CSVs, in folder."""
    resources = [descriptor(name) for name in SOURCE_TABLES]
    for name in SOURCE_TABLES:
        shutil.copy(DATA / f"{name}.csv", folder / f"{name}.csv")
    package = {"name": "source-tables", "resources": resources}
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return path


def test_source_tables_validate_with_frictionless(tmp_path):
    report = frictionless.validate(str(_source_package(tmp_path)))
    problems = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors] + [
        err.message for err in report.errors
    ]
    assert report.valid, "\n".join(problems[:20])


def test_frictionless_rejects_a_bad_kind(tmp_path):
    """A broken row must make validation fail (the check above is not a tautology)."""
    path = _source_package(tmp_path)
    events = (tmp_path / "events.csv").read_text(encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        events.replace(",law_policy,", ",lawpolicy,", 1), encoding="utf-8"
    )
    assert not frictionless.validate(str(path)).valid


def test_the_project_loader_reads_every_source_table(tmp_path, monkeypatch):
    from diaspora_helpers import data as data_module

    _source_package(tmp_path)
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    for name in SOURCE_TABLES:
        loaded = data_module.load(name)
        assert len(loaded) == len(table(name)), name
    events = data_module.load("events")
    assert str(events["date_approximate"].dtype) == "bool"


def test_assemble_script_picks_up_every_source_descriptor():
    script = DATA / "build" / "assemble_datapackage.py"
    spec = importlib.util.spec_from_file_location("assemble_datapackage", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = {r["name"] for r in json.loads(module.assemble())["resources"]}
    assert set(SOURCE_TABLES) <= names


# --------------------------------------------------------------------------- sections


@pytest.mark.parametrize("name", SOURCE_TABLES)
def test_every_row_names_a_document_section(name):
    sections = table(name)["section"]
    allowed = SECTIONS | ({"external"} if name == "glossary" else set())
    assert (sections != "").all(), f"{name}: empty section"
    unknown = sorted(set(sections) - allowed)
    assert not unknown, f"{name}: unknown sections {unknown}"


def test_audit_locations_are_sections():
    audit = table("source_audit")
    assert set(audit["location_a"]) <= SECTIONS
    assert set(audit["location_b"]) <= SECTIONS


# ------------------------------------------------------------------------- key figures


def test_key_figures_hold_the_eight_headline_rows():
    kf = table("key_figures").set_index("id")
    expected = {
        "area": ("km2", "geographic"),
        "population": ("persons", "census"),
        "malians_abroad": ("persons", "administrative"),
        "malians_in_africa": ("persons", "administrative"),
        "malians_in_europe": ("persons", "administrative"),
        "malians_in_france": ("persons", "administrative"),
        "foreigners_in_mali": ("persons", "census"),
        "remittances": ("xof", "central_bank"),
    }
    assert set(kf.index) == set(expected)
    for key, (unit, kind) in expected.items():
        assert (kf.at[key, "unit"], kf.at[key, "estimate_kind"]) == (unit, kind), key
    assert float(kf.at["population", "value"]) == 14_528_662
    assert kf.at["remittances", "original_source"] == "BCEAO 2012"


def _recomputed_shares() -> pd.DataFrame:
    """Stated shares against counts, through the helper the notebooks use.

    A share is out of line when it differs from the recomputed one by more than half a
    unit of the last decimal the document printed (24% allows 23.5-24.5; 1.3% allows
    1.25-1.35).
    """
    return recomputed_shares(key_figures())


def test_every_stated_share_is_recomputed_and_gaps_are_audited():
    shares = _recomputed_shares()
    assert len(shares) == 5
    for key, row in shares.iterrows():
        if not row["agrees"]:
            found = audit_entries(f"key_figures:{key}", {"arithmetic", "contradiction"})
            assert len(found), f"{key}: stated {row['stated_share_pct']}%"
    # The known cases: France (0.83% printed as 1.3%) must be among the disagreements.
    assert not shares.at["malians_in_france", "agrees"]
    assert shares.at["malians_abroad", "agrees"]


def test_arithmetic_audit_entries_on_shares_are_not_stale():
    shares = _recomputed_shares()
    audit = table("source_audit")
    for row in audit[audit["severity"] == "arithmetic"].itertuples():
        for token in (t.strip() for t in row.affects.split(";")):
            if token.startswith("key_figures:") and token.split(":")[1] in shares.index:
                key = token.split(":")[1]
                assert not shares.at[key, "agrees"], f"{row.id} names {key}"


def test_regional_counts_fit_the_total_or_the_gap_is_audited():
    kf = table("key_figures").set_index("id")["value"].astype(float)
    assert kf["malians_in_france"] <= kf["malians_in_europe"], "France is part of Europe"
    parts = kf["malians_in_africa"] + kf["malians_in_europe"]
    assert parts <= kf["malians_abroad"]
    if parts != kf["malians_abroad"]:
        assert len(audit_entries("key_figures:malians_abroad", {"ambiguity", "contradiction"}))


# ------------------------------------------------------------------------------ TOKTEN


def test_tokten_sectors_add_up_to_the_stated_totals():
    res = table("tokten_results")
    totals = table("tokten_totals").set_index("measure")["value"].astype(int)
    sectors = res[res["degree_level"] == "all"]
    levels = res[res["degree_level"] != "all"]
    assert set(levels["sector"]) == {"education"}
    assert (levels["missions"] == "").all(), "missions are not split by level"

    def total(frame: pd.DataFrame, column: str) -> int:
        return int(frame[column].replace("", "0").astype(int).sum())

    checks = {
        "missions": total(sectors, "missions"),
        "trainees": total(sectors, "trainees"),
        # education's women are only given by level; other sectors' on their own rows
        "women": total(levels, "women") + total(sectors[sectors["sector"] != "education"], "women"),
    }
    for measure, computed in checks.items():
        if computed != totals[measure]:
            assert len(audit_entries("tokten_results", {"arithmetic"})), measure
        else:
            assert computed == totals[measure]
    assert (totals["missions"], totals["trainees"], totals["women"]) == (46, 839, 137)

    education = sectors.set_index("sector").loc["education"]
    assert total(levels, "trainees") == int(education["trainees"]) == 585


def test_unstated_tokten_women_are_audited():
    res = table("tokten_results")
    unstated = res[(res["women"] == "") & (res["degree_level"] == "all")]
    unstated = unstated[unstated["sector"] != "education"]  # derivable from its levels
    assert list(unstated["sector"]) == ["health"]
    entries = audit_entries("tokten_results")
    for sector in unstated["sector"]:
        text = (entries["claim_a"] + " " + entries["problem"]).str.lower()
        assert text.str.contains(sector).any(), f"no audit entry about {sector} women"


# ----------------------------------------------------------------------------- events


def _is_real_date(text: str, precision: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    if precision == "year":
        return 1900 <= parts[0] <= 2100
    if not 1 <= parts[1] <= 12:
        return False
    if precision == "day":
        return 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]
    return True


def _check_dates(df: pd.DataFrame, where: str) -> None:
    for row in df.itertuples():
        if row.date == "":
            continue
        assert re.fullmatch(PRECISION_PATTERN[row.date_precision], row.date), (where, row.id)  # type: ignore[arg-type,index]  # pandas-stubs types each field of a row as any scalar
        assert _is_real_date(row.date, row.date_precision), (where, row.id)  # type: ignore[arg-type]  # pandas-stubs types each field of a row as any scalar
        end = getattr(row, "end_date", "")
        if end:
            assert re.fullmatch(PRECISION_PATTERN[row.date_precision], end), (where, row.id)  # type: ignore[index]  # pandas-stubs types each field of a row as any scalar
            assert _is_real_date(end, row.date_precision), (where, row.id)  # type: ignore[arg-type]  # pandas-stubs types each field of a row as any scalar
            assert end >= row.date, (where, row.id)  # type: ignore[operator]  # pandas-stubs types each field of a row as any scalar


def test_event_kinds_are_the_five_lanes():
    kinds = set(table("events")["kind"])
    assert kinds == EVENT_KINDS


def test_event_dates_match_their_precision():
    _check_dates(table("events"), "events")


def test_legal_dates_match_their_precision():
    legal = table("legal_framework")
    assert (legal["date"] != "").all(), "every legal text in the table is dated"
    _check_dates(legal, "legal_framework")


def test_events_cover_the_dated_facts_of_the_document():
    ev = table("events")
    dated = set(zip(ev["date"], ev["kind"], strict=True))
    expected = {
        ("1996-04", "forum"),
        ("2003-10", "forum"),
        ("2009-12", "forum"),
        ("2010-07", "forum"),
        ("2009-07", "forum"),
        ("2016-07", "forum"),
        ("2010-03", "forum"),
        ("2011-09", "forum"),
        ("1991-07", "forum"),
        ("1991-11", "institution"),
        ("2009-11", "law_policy"),
        ("1997", "programme"),
        ("1998", "programme"),
        ("2008", "programme"),
        ("2004", "programme"),
        ("2003", "institution"),
        ("2008-11", "institution"),
        ("2000-12", "law_policy"),
        ("2002", "institution"),
        ("2009-10", "programme"),
        ("2008-10-06", "institution"),
        ("2000-09-25", "institution"),
        ("2001-02-27", "institution"),
        ("2005", "institution"),
        ("1992-09-23", "law_policy"),
        ("1995-08-25", "law_policy"),
        ("2000-03-22", "law_policy"),
        ("2001-07-18", "law_policy"),
        ("2004-08-02", "law_policy"),
        ("2006-12-29", "law_policy"),
        ("2011-12-30", "law_policy"),
        ("2015-09-25", "law_policy"),
        ("2014-09-03", "law_policy"),
        ("2012", "mission"),
        ("1991-03", "law_policy"),
    }
    assert expected <= dated, sorted(expected - dated)
    assert (ev["date"] == "2012-02-27").sum() == 2, "investment and mining codes"
    tokten = ev[ev["institution_id"] == "tokten"]
    assert {"1997", "1998"} <= set(tokten["date"]), "both TOKTEN start years are kept"
    assert len(audit_entries("events:tokten_undp_1997", {"contradiction"}))


# ----------------------------------------------------------------------- foreign keys


def _ids(name: str, column: str = "id") -> set[str]:
    return set(table(name)[column])


def _assert_refs(values: pd.Series, known: set[str], what: str) -> None:
    missing = sorted(set(values[values != ""]) - known)
    assert not missing, f"{what}: unknown ids {missing}"


def test_foreign_ids_resolve():
    inst = _ids("institutions")
    events = table("events")
    _assert_refs(table("institutions")["parent_id"], inst, "institutions.parent_id")
    links = table("institution_links")
    _assert_refs(links["from_id"], inst, "institution_links.from_id")
    _assert_refs(links["to_id"], inst, "institution_links.to_id")
    _assert_refs(events["institution_id"], inst, "events.institution_id")
    _assert_refs(events["legal_id"], _ids("legal_framework"), "events.legal_id")
    legal = table("legal_framework")
    _assert_refs(legal["related_id"], set(legal["id"]), "legal_framework.related_id")
    _assert_refs(table("ministry_tasks")["body_id"], inst, "ministry_tasks.body_id")
    _assert_refs(table("institution_roles")["institution_id"], inst, "institution_roles")
    _assert_refs(table("thematic_groups")["framework_id"], inst, "thematic_groups")
    forums = set(events.loc[events["kind"] == "forum", "id"])
    _assert_refs(table("forum_recommendations")["forum_id"], forums, "forum ids")
    missions = set(events.loc[events["kind"] == "mission", "id"])
    _assert_refs(table("missions_countries")["event_id"], missions, "mission ids")
    readings = table("objective_strategy_links")
    _assert_refs(readings["objective_id"], _ids("nmp_objectives"), "objective links objectives")
    _assert_refs(readings["strategy_id"], _ids("strategies"), "objective links strategies")


def test_supervision_has_no_cycles_and_links_are_not_self_loops():
    parent = dict(zip(*[table("institutions")[c] for c in ("id", "parent_id")], strict=True))
    for start in parent:
        seen, node = set(), start
        while node:
            assert node not in seen, f"supervision cycle through {start}"
            seen.add(node)
            node = parent[node]
    links = table("institution_links")
    assert not (links["from_id"] == links["to_id"]).any()
    assert not links.duplicated(["from_id", "to_id", "relation"]).any()


def test_the_landscape_has_the_bodies_the_diagram_needs():
    links = table("institution_links")
    edges = set(zip(links["from_id"], links["relation"], links["to_id"], strict=True))
    assert ("hcme", "sits_on", "hcc") in edges
    assert ("hcme", "sits_on", "cesc") in edges
    assert ("ministry_malians_abroad", "supervises", "general_delegation") in edges
    assert ("ministry_economy_finance", "supervises", "codev_unit") in edges
    members = links[(links["to_id"] == "emdk") & (links["relation"] == "member_of")]
    assert len(members) == 4
    partners = set(table("institutions").query("kind == 'international_partner'")["id"])
    assert {"undp", "eu", "ecowas", "government_of_france"} <= partners


def test_audit_affects_point_at_real_rows():
    keys = {
        name: set(table(name)[descriptor(name)["schema"]["primaryKey"][0]])
        for name in SOURCE_TABLES
    }
    for row in table("source_audit").itertuples():
        for token in (t.strip() for t in row.affects.split(";")):
            name, _, key = token.partition(":")
            assert name in keys, f"{row.id}: unknown table {name!r}"
            if key:
                assert key in keys[name], f"{row.id}: {name} has no row {key!r}"


def test_audit_records_the_known_problems():
    audit = table("source_audit").set_index("id")
    for key in (
        "france_share",
        "europe_share",
        "share_denominator",
        "regional_gap",
        "hcma_hcme",
        "tokten_start",
        "codev_unit_names",
        "codev_unit_dates",
        "land_code_amendment",
        "ipa_api",
        "petroleum_in_lieu",
        "dual_citizenship_constraint",
        "rdgr",
        "kayes_first_region",
        "three_decades_at_least",
        "offices_airports",
        "escc_name",
    ):
        assert key in audit.index, key
    assert len(audit_entries("constraints:dual_citizenship", {"contradiction"}))


# -------------------------------------------------------------------- glossary, codes

#: Words of two or more capitals that are not acronyms to look up. ISO 3166 codes are
#: excluded by skipping the ``iso3`` columns, so nothing else needs listing today.
NOT_ACRONYMS: set[str] = set()


def test_acronym_detection_finds_what_it_should():
    assert acronym_tokens("SMEs, TOKTEN's l'Extérieur, 01/CA-ANPE and UN DESA") == {
        "TOKTEN",
        "SME",
        "CA-ANPE",
        "UN",
        "DESA",
    }


def test_every_acronym_in_the_tables_is_in_the_glossary():
    known = glossary_words() | NOT_ACRONYMS
    missing = {}
    for name in SOURCE_TABLES:
        df = table(name)
        for column in df.columns:
            if column == "iso3":
                continue
            for cell in df[column]:
                for word in acronym_tokens(cell):
                    parts = [p for p in word.split("-") if sum(c.isupper() for c in p) >= 2]
                    if word not in known and not all(p in known for p in parts):
                        missing.setdefault(word, f"{name}.{column}")
    assert not missing, missing


def test_glossary_covers_the_collections_acronyms():
    gl = table("glossary").set_index("acronym")
    required = (
        "BCEAO CFA XOF RGPH INSTAT WDI KNOMAD RPW SDG ISO GDP UNDP EU ECOWAS CEMAC SME ICT "
        "NGO EPA HCME HCMA HCTC ESCC CIGEM TOKTEN EMDK FIDIMA DIASPO-ISTM ANPE APEJ IPA API "
        "CLC TCDU CTC RDGR NMP PONAM"
    ).split() + ["UN DESA"]
    missing = [a for a in required if a not in gl.index]
    assert not missing, missing
    assert (gl["english"] != "").all()
    assert (gl["french"] != "").all(), "every row has a French cell"
    # No official French name is known for RPW: its cell says the English name is used.
    assert gl.at["RPW", "french"] == f"{gl.at['RPW', 'english']} (nom anglais)"
    assert "garbled" in gl.at["RDGR", "note"].lower()


@pytest.mark.parametrize("name", ["missions_countries", "countries_mentioned"])
def test_country_codes_are_valid_and_match_the_names(name):
    from countryinfo import CountryInfo

    df = table(name)
    bad = sorted(set(df["iso3"]) - iso3_codes())
    assert not bad, bad
    for row in df.itertuples():
        assert CountryInfo(row.country).iso()["alpha3"] == row.iso3, row.country


def test_missions_cover_the_eleven_countries():
    codes = set(table("missions_countries")["iso3"])
    assert codes == {"GIN", "GNQ", "AGO", "COG", "COD", "SAU", "ARE", "ESP", "BEL", "FRA", "CIV"}


# ------------------------------------------------------------------ lists of the text


def test_constraints_and_strategies_follow_the_document_lists():
    constraints = table("constraints")
    assert constraints["kind"].value_counts().to_dict() == {"endogenous": 7, "exogenous": 7}
    assert set(constraints.loc[constraints["kind"] == "endogenous", "section"]) == {"6.1"}
    assert set(constraints.loc[constraints["kind"] == "exogenous", "section"]) == {"6.2"}
    scopes = table("strategies")["scope"].value_counts().to_dict()
    assert scopes == {"national": 4, "local_development": 5, "investment": 6}
    assert len(table("nmp_objectives")) == 5
    tasks = table("ministry_tasks")["item_kind"].value_counts().to_dict()
    assert tasks == {"activity_2015": 7, "responsibility": 5, "task": 3, "mission": 3}


def test_forum_recommendations_repeat_joint_items_once_per_forum():
    rec = table("forum_recommendations")
    joint = rec[rec["joint_summary"] == "true"]
    per_item = joint.groupby("item")["forum_id"].nunique()
    assert (per_item == 3).all()
    assert set(rec.loc[rec["joint_summary"] == "false", "forum_id"]) == {"diaspo_istm_2010_07"}
    assert (rec["id"] == rec["item"] + "__" + rec["forum_id"]).all()


def test_small_figures_match_the_text():
    figs = table("codevelopment_figures").set_index("id")["value"].astype(float)
    assert figs["associations_in_france"] == 400
    assert figs["emdk_member_structures"] == 161
    assert figs["codev_regional_partnerships"] == 5
    assert figs["northern_regions_excluded"] == 3
    assert figs["hcme_host_countries"] == 64
    assert figs["missions_countries_visited"] == len(table("missions_countries"))
    groups = table("thematic_groups")
    assert figs["consultation_thematic_groups"] == len(groups)
    last = max(table("events")["date"].str[:4].astype(int))
    assert last <= 2016, "the document ends in 2016"
