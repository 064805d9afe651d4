"""Regenerate the reference extracts in data/ from the shared reference copies.

Usage::

    python data/build/build_reference.py [--reference DIR] [--out DIR]

The reference folder defaults to ``$DIASPORA_REFERENCE_DIR``, else ``../shared/reference``
beside the repository. Every table is written with the columns, in the order, that its
descriptor in ``data/build/resources/<table>.json`` lists, sorted by the descriptor's primary
key, with LF line endings and a fixed number format, so rerunning the script gives
byte-identical files. Run ``data/build/assemble_datapackage.py`` afterwards when a descriptor
changed.

Country names are resolved to ISO 3166 alpha-3 codes, regions and sub-regions with the
``countryinfo`` package; ``ALIASES`` below lists the few spellings it does not know.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
REPO = DATA.parent
RESOURCES = HERE / "resources"

PEERS = ("MLI", "SEN", "BFA", "NER", "CIV", "GIN", "MRT")
WDI_AGGREGATES = ("SSF", "AFW", "WLD")
WDI_VINTAGE = "WDI 2026-07-01"
WDI_2022_VINTAGE = "WDI 2022-02-15"
WDI_UNITS = {
    "BX.TRF.PWKR.CD.DT": "current US$",
    "NY.GDP.MKTP.CD": "current US$",
    "SP.POP.TOTL": "persons",
    "PA.NUS.FCRF": "local currency units per US$",
    "SM.POP.NETM": "persons",
    "SM.POP.TOTL": "persons",
}
WDI_2022_FILES = {
    "BX.TRF.PWKR.DT.GD.ZS": (
        "API_BX.TRF.PWKR.DT.GD.ZS_DS2_en_csv_v2_3686014__extract.csv",
        "percent of GDP",
    ),
    "SI.RMT.COST.IB.ZS": (
        "API_SI.RMT.COST.IB.ZS_DS2_en_csv_v2_3692955__extract.csv",
        "percent of amount sent",
    ),
}

# Source spellings that countryinfo 1.0.1 does not resolve, mapped to a name it knows.
# Checked on every build: an unknown name stops the build with the list of names to add.
ALIASES = {
    "Cote d'Ivoire": "Ivory Coast",  # UN (X80110) and World Bank spelling
    "Turks & Caicos Islands": "Turks and Caicos Islands",  # X80110 shortening
    "Congo, Rep.": "Republic of the Congo",  # World Bank style "Name, qualifier"
    "Congo, Dem. Rep.": "Democratic Republic of the Congo",
    "Egypt, Arab Rep.": "Egypt",
    "Gambia, The": "The Gambia",
    "Venezuela, RB": "Venezuela",
}
# Places with no ISO 3166-1 code: kept as country rows with a blank code; region and
# sub-region are taken from the country named here.
NO_ISO_CODE = {
    "Kosovo": "Serbia",  # World Bank uses the non-ISO code XKX
    "Channel Islands": "Jersey",  # Jersey and Guernsey counted together
}


class BuildError(RuntimeError):
    """A reference file that does not look the way this script expects."""


@dataclass(frozen=True)
class Place:
    """What countryinfo says about one country name."""

    iso3: str
    region: str
    subregion: str


def _exact_countryinfo(name: str) -> CountryInfo | None:
    """Return countryinfo's entry for ``name`` only when it matches a name, spelling or code."""
    try:
        info = CountryInfo(name)
    except CountryNotFoundError:
        return None
    iso = info.iso()
    known = {info.name(), info.native_name() or "", *info.alt_spellings()}
    known |= {str(code) for code in iso.values() if code}
    if name.casefold() not in {k.casefold() for k in known} or not iso.get("alpha3"):
        return None  # a fuzzy match (countryinfo[fuzzy]) or an entry without a code
    return info


@cache
def resolve(name: str) -> Place | None:
    """Return the ISO code, region and sub-region of a country name, or None if unknown."""
    if name in NO_ISO_CODE:
        info = _exact_countryinfo(NO_ISO_CODE[name])
        iso3 = ""
    else:
        info = _exact_countryinfo(ALIASES.get(name, name))
        iso3 = info.iso(3) if info else ""
    if info is None:
        return None
    return Place(iso3, info.region() or "", info.subregion() or "")


def resolve_all(names: set[str], source: str) -> dict[str, Place]:
    """Resolve every name or stop with the list of those countryinfo does not know."""
    places, unknown = {}, []
    for name in sorted(names):
        place = resolve(name)
        if place is None:
            unknown.append(name)
        else:
            places[name] = place
    if unknown:
        raise BuildError(f"{source}: add these names to ALIASES: {unknown}")
    return places


def check_iso3(code: str) -> str:
    """Return ``code`` when countryinfo knows it as an ISO alpha-3 code."""
    info = _exact_countryinfo(code)
    if info is None or info.iso(3) != code:
        raise BuildError(f"{code} is not an ISO 3166 alpha-3 code known to countryinfo")
    return code


def fmt_number(value: str | float) -> str:
    """Write a number the same way on every run: whole numbers without a decimal point."""
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return str(int(number))
    return repr(number)


def fmt_bool(flag: bool) -> str:
    """Write a boolean as Frictionless reads it."""
    return "true" if flag else "false"


def read_csv_rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """Read a CSV file into a list of dicts of strings."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- UN DESA


def _x80110_groups(names: list[str], regions: list[int]) -> dict[str, str]:
    """Map each country label of the X80110 matrix to the region group listed before it."""
    groups, current = {}, ""
    for index, name in enumerate(names):
        if index in regions:
            current = name
        else:
            groups[name] = current
    return groups


def build_un(ref: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return the Mali bilateral table and the totals of Mali and its peers (UN DESA 2020)."""
    folder = ref / "un_desa_migrant_stock"
    raw = json.loads((folder / "x80110_stock_2020rev.json").read_text(encoding="utf-8"))
    names, regions = raw["names"], raw["regions"]
    region_labels = {names[i] for i in regions}
    groups = _x80110_groups(names, regions)
    extract = read_csv_rows(folder / "mali_bilateral_stock_2020rev_extract.csv")

    world_out, world_in = "WORLD (total_outflow field)", "WORLD (total_inflow field)"
    cells: dict[tuple[str, str, str, str], int] = {}
    for row in extract:
        origin, dest = row["origin"], row["destination"]
        if origin == "Mali" and dest == world_out:
            key = ("emigrants", row["year"], row["sex"], "World")
        elif dest == "Mali" and origin == world_in:
            key = ("immigrants", row["year"], row["sex"], "World")
        elif origin == "Mali" and dest != "Mali":
            key = ("emigrants", row["year"], row["sex"], dest)
        elif dest == "Mali" and origin != "Mali":
            key = ("immigrants", row["year"], row["sex"], origin)
        else:
            raise BuildError(f"UN extract: unexpected row {row}")
        partner = key[3]
        if (row["other_party_is_region_aggregate"] == "1") != (partner in region_labels):
            raise BuildError(f"UN extract: region flag disagrees with the matrix for {partner}")
        if key in cells:
            raise BuildError(f"UN extract: duplicate cell {key}")
        cells[key] = int(row["migrant_stock"])

    # The both-sexes cells must be exactly the non-zero cells of the raw matrix.
    mali = names.index("Mali")
    expected: dict[tuple[str, str, str, str], int] = {}
    for year, matrix in raw["matrix"].items():
        for j, partner in enumerate(names):
            if j != mali and matrix[mali][j]:
                expected[("emigrants", year, "total", partner)] = matrix[mali][j]
            if j != mali and matrix[j][mali]:
                expected[("immigrants", year, "total", partner)] = matrix[j][mali]
        expected[("emigrants", year, "total", "World")] = raw["total_outflow"][year]["Mali"]
        expected[("immigrants", year, "total", "World")] = raw["total_inflow"][year]["Mali"]
    both = {k: v for k, v in cells.items() if k[2] == "total"}
    if both != expected:
        raise BuildError("UN extract: both-sexes cells differ from x80110_stock_2020rev.json")

    countries = {k[3] for k in cells} - region_labels - {"World"}
    places = resolve_all(countries, "UN DESA extract")
    rows = []
    for (direction, year, sex, partner), value in cells.items():
        if partner == "World":
            kind, place, group = "world", Place("", "World", ""), ""
        elif partner in region_labels:
            kind, place, group = "region", Place("", partner, ""), partner
        else:
            kind, place, group = "country", places[partner], groups[partner]
        rows.append(
            {
                "direction": direction,
                "year": year,
                "sex": sex,
                "partner_name": partner,
                "partner_kind": kind,
                "partner_is_aggregate": fmt_bool(kind != "country"),
                "partner_iso3": place.iso3,
                "partner_region": place.region,
                "partner_subregion": place.subregion,
                "un_region": group,
                "value": str(value),
            }
        )

    totals = []
    peers = {}
    for name in groups:
        place = resolve(name)  # labels countryinfo does not know cannot be peers
        if place is not None and place.iso3 in PEERS:
            peers[name] = place.iso3
    if sorted(peers.values()) != sorted(PEERS):
        raise BuildError(f"UN matrix: peers missing, found only {sorted(peers.values())}")
    for field, direction in (("total_outflow", "emigrants"), ("total_inflow", "immigrants")):
        for year, by_country in raw[field].items():
            for name, iso3 in peers.items():
                totals.append(
                    {
                        "iso3": iso3,
                        "country_name": name,
                        "direction": direction,
                        "year": year,
                        "value": str(by_country[name]),
                    }
                )
    return rows, totals


# --------------------------------------------------------------------------- WDI


def build_wdi(ref: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Return the WDI (2026-07-01) rows for Mali, its peers and aggregates, and coverage notes."""
    wanted = set(PEERS) | set(WDI_AGGREGATES)
    rows, notes = [], []
    for code, unit in WDI_UNITS.items():
        seen: dict[str, list[int]] = {}
        for row in read_csv_rows(ref / "wdi_datahub" / code.lower() / "data.csv"):
            iso3 = row["Country Code"]
            if iso3 not in wanted or row["Value"] == "":
                continue
            if iso3 not in WDI_AGGREGATES:
                check_iso3(iso3)
            seen.setdefault(iso3, []).append(int(row["Year"]))
            rows.append(
                {
                    "iso3": iso3,
                    "country_name": row["Country Name"],
                    "is_aggregate": fmt_bool(iso3 in WDI_AGGREGATES),
                    "indicator_code": code,
                    "year": row["Year"],
                    "value": fmt_number(row["Value"]),
                    "unit": unit,
                    "vintage": WDI_VINTAGE,
                }
            )
        for iso3 in sorted(wanted):
            years = seen.get(iso3)
            if not years:
                notes.append(f"{code}: no data for {iso3}")
            else:
                notes.append(f"{code}: {iso3} {min(years)}-{max(years)} ({len(years)} years)")
    if not any(r["iso3"] == "MRT" for r in rows):
        raise BuildError("WDI: Mauritania (MRT) is missing from every indicator")
    return rows, notes


def _read_wdi_bulk(path: Path) -> tuple[str, list[dict[str, str]]]:
    """Read a WDI bulk 'API' CSV: return its 'Last Updated Date' and its data rows."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    updated = ""
    for index, line in enumerate(lines):
        cells = next(csv.reader([line])) if line else []
        if cells[:1] == ["Last Updated Date"]:
            updated = cells[1]
        if cells[:1] == ["Country Name"]:
            reader = csv.DictReader(io.StringIO("\n".join(lines[index:])))
            return updated, list(reader)
    raise BuildError(f"{path.name}: no header row")


def build_wdi_2022(ref: Path) -> list[dict[str, str]]:
    """Return the 2022-02-15 vintage rows (remittances % of GDP, cost of sending)."""
    rows = []
    for code, (file, unit) in WDI_2022_FILES.items():
        updated, data = _read_wdi_bulk(ref / "wdi_bulk_extract_2022" / file)
        if f"WDI {updated}" != WDI_2022_VINTAGE:
            raise BuildError(f"{file}: expected the {WDI_2022_VINTAGE} vintage, found {updated}")
        for row in data:
            iso3 = row["Country Code"]
            if row["Indicator Code"] != code:
                raise BuildError(f"{file}: unexpected indicator {row['Indicator Code']}")
            if iso3 not in WDI_AGGREGATES:
                check_iso3(iso3)
            for year in range(1960, 2021):
                value = row[str(year)]
                if value == "":
                    continue
                rows.append(
                    {
                        "iso3": iso3,
                        "country_name": row["Country Name"],
                        "is_aggregate": fmt_bool(iso3 in WDI_AGGREGATES),
                        "indicator_code": code,
                        "year": str(year),
                        "value": fmt_number(value),
                        "unit": unit,
                        "vintage": WDI_2022_VINTAGE,
                    }
                )
    return rows


# --------------------------------------------------------------------------- WB/KNOMAD


def _matrix_cross(path: Path, sheet: str) -> tuple[dict[str, float], dict[str, float]]:
    """Return the Mali row and the Mali column of a World Bank bilateral sheet."""
    try:
        from openpyxl import load_workbook  # build-only dependency
    except ImportError as exc:
        raise BuildError(
            "reading the World Bank workbooks needs openpyxl: pip install .[build]"
        ) from exc

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        table = list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()
    header = next(i for i, r in enumerate(table) if r[0] and "(across)" in str(r[0]))
    columns = [str(c).strip() for c in table[header][1:] if c is not None]
    body = {}
    for record in table[header + 1 :]:
        if record[0] is None:
            break  # the notes below the matrix
        cells = list(record[1 : len(columns) + 1])
        body[str(record[0]).strip()] = cells + [None] * (len(columns) - len(cells))
    mali = columns.index("Mali")
    mali_row = {
        label: _cell(value, sheet) for label, value in zip(columns, body["Mali"], strict=True)
    }
    mali_col = {label: _cell(values[mali], sheet) for label, values in body.items()}
    return mali_row, mali_col


def _cell(value: object, sheet: str) -> float:
    """Return a matrix cell as a number (empty cells are zero)."""
    if value is None:
        return 0.0
    if not isinstance(value, int | float):
        raise BuildError(f"{sheet}: a Mali cell holds {value!r}, not a number")
    return float(value)


def _check_wb_extract(ref: Path, cells: dict[tuple[str, str, str], float]) -> None:
    """Compare the cells read from the workbooks with the Mali extract CSV."""
    folder = ref / "wb_bilateral_matrices_2017"
    measures = {"remittances_musd": "remittances_usd_millions", "migrant_stock_persons": "stock"}
    for row in read_csv_rows(folder / "mali_rows_cols_extract.csv"):
        values = list(row.values())
        measure, sending, receiving, value = measures[values[0]], values[2], values[3], values[4]
        if sending == receiving:
            continue
        key = (measure, sending, receiving)
        if key not in cells or abs(cells[key] - float(value)) > 1e-9:
            raise BuildError(f"WB bilateral: workbook and extract disagree on {key}")


def build_wb_bilateral(ref: Path) -> list[dict[str, str]]:
    """Return the Mali row and column of the 2017 bilateral remittance and stock matrices."""
    folder = ref / "wb_bilateral_matrices_2017"
    rem_out, rem_in = _matrix_cross(
        folder / "WB_Bilateral_Remittance_Estimates_2017.xlsx", "Bilateral_Remittances_2017"
    )
    stock_out, stock_in = _matrix_cross(
        folder / "WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx", "Bilateral_Migration_2017"
    )
    cells: dict[tuple[str, str, str], float] = {}
    for label, value in rem_out.items():  # row Mali = sent from Mali to the column
        cells[("remittances_usd_millions", "Mali", label)] = value
    for label, value in rem_in.items():
        cells[("remittances_usd_millions", label, "Mali")] = value
    for label, value in stock_out.items():  # row Mali = born in Mali, living in the column
        cells[("stock", "Mali", label)] = value
    for label, value in stock_in.items():
        cells[("stock", label, "Mali")] = value
    _check_wb_extract(ref, cells)

    worlds, residuals = {"WORLD", "World"}, {"Other North", "Other South"}
    series = [
        ("remittances_usd_millions", "into_mali", rem_in, stock_out),
        ("remittances_usd_millions", "out_of_mali", rem_out, stock_in),
        ("migrant_stock", "emigrants", stock_out, None),
        ("migrant_stock", "immigrants", stock_in, None),
    ]
    kept: list[tuple[str, str, str, float, str]] = []
    for table, direction, values, stock in series:
        for label, value in values.items():
            if label == "Mali":
                continue
            note = ""
            if label in residuals:
                note = "residual group of countries the matrix does not list one by one"
            if value == 0:
                people = stock.get(label, 0) if stock else 0
                if not people:
                    continue  # zero cells are left out unless the stock sheet contradicts them
                count = f"{int(people):,} " + ("person" if people == 1 else "people")
                if direction == "into_mali":
                    note = f"model artefact: 0 although the stock sheet counts {count} born in "
                    note += "Mali living there; read as unknown, not as nothing sent"
                else:
                    note = f"the model gives 0 although the stock sheet counts {count} born "
                    note += "there living in Mali; read as unknown, not as nothing sent"
            kept.append((table, direction, label, value, note))

    countries = {k[2] for k in kept} - worlds - residuals
    places = resolve_all(countries, "WB bilateral matrices")
    rows = []
    for table, direction, label, value, note in kept:
        if label in worlds:
            name, kind, place = "World", "world", Place("", "", "")
        elif label in residuals:
            name, kind, place = label, "residual", Place("", "", "")
        else:
            name, kind, place = label, "country", places[label]
        rows.append(
            {
                "table": table,
                "direction": direction,
                "partner_name": name,
                "partner_kind": kind,
                "is_aggregate": fmt_bool(kind != "country"),
                "partner_iso3": place.iso3,
                "partner_region": place.region,
                "partner_subregion": place.subregion,
                "value": fmt_number(value),
                "note": note,
            }
        )
    return rows


# --------------------------------------------------------------------------- RPW


def build_rpw(ref: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Return the corridor costs into Mali and its peers (RPW DataBank export, 2020-12-07)."""
    folder = ref / "remittance_prices"
    data = read_csv_rows(folder / "rpw_corridors_databank_export_2020-12-07.csv", "utf-8-sig")
    rows, receivers = [], set()
    for row in data:
        if row.get("Series Code") != "ATCR.CORR":
            continue  # the export ends with blank lines and a footer
        receiving = row["Receiving Countries  Code"]
        if receiving not in PEERS:
            continue
        receivers.add(receiving)
        for column, value in row.items():
            if "[YR" not in column or value == "..":
                continue
            period = column.split(" ")[0]
            rows.append(
                {
                    "sending_iso3": check_iso3(row["Sending Countries Code"]),
                    "sending_name": row["Sending Countries Name"],
                    "receiving_iso3": check_iso3(receiving),
                    "receiving_name": row["Receiving Countries  Name"],
                    "period": period,
                    "year": period[:4],
                    "quarter": period[5],
                    "cost_pct": fmt_number(value),
                    "series": "ATCR.CORR",
                }
            )
    extract = {
        (r["Sending Countries Code"], r["Receiving Countries  Code"], r["quarter"]): float(
            r["avg_total_cost_pct"]
        )
        for r in read_csv_rows(folder / "rpw_corridors_to_mali_and_peers_extract.csv")
    }
    ours = {
        (r["sending_iso3"], r["receiving_iso3"], r["period"]): float(r["cost_pct"]) for r in rows
    }
    if ours != extract:
        raise BuildError("RPW: the export and its Mali-and-peers extract disagree")
    absent = [iso3 for iso3 in PEERS if iso3 not in receivers]
    return rows, [f"RPW export has no receiving rows for {', '.join(absent)}"]


# --------------------------------------------------------------------------- census


def build_census(ref: Path) -> list[dict[str, str]]:
    """Return the transcribed census headline figures with their sources."""
    rows = []
    for row in read_csv_rows(ref / "mali_census" / "mali_census_figures_transcribed.csv"):
        rows.append(
            {
                "census": row["census"],
                "year": row["reference_year"],
                "measure": row["measure"],
                "value": fmt_number(row["value"]),
                "unit": row["unit"],
                "source_url": row["source_url"],
                "source_kind": row["source_kind"],
                "note": row["note"],
            }
        )
    return rows


# --------------------------------------------------------------------------- other counts

#: What each source of other_counts_and_texts/malians_abroad_other_counts.csv counts, how
#: it is cited and how far it can be trusted, in the collection's words.
OTHER_COUNT_SOURCES = {
    "race_2001": {
        "count_kind": "electoral_register",
        "publisher": "Government of Mali",
        "citation": (
            "Government of Mali, Recensement administratif à caractère électoral (RACE) 2001, "
            "as tabulated in CARIM, Migration Profile: Mali (A. Di Bartolomeo, T. Fakhoury, "
            "D. Perrin; Robert Schuman Centre for Advanced Studies, European University "
            "Institute, May 2010), table of Malians residing abroad by region of residence, 2001"
        ),
        "reliability": (
            "A register of Malian nationals abroad drawn up for elections: it holds those who "
            "registered, so it misses the others and may keep people who have moved on; it "
            "counts citizens, not people born in Mali."
        ),
    },
    "iom_profile_2009": {
        "count_kind": "census_round_estimate",
        "publisher": "International Organization for Migration (IOM)",
        "citation": (
            "IOM, Migration au Mali : Profil national 2009, as summarised in an IOM press "
            "briefing note"
        ),
        "reliability": (
            "Built from the censuses that destination countries held around 2000, which differ "
            "in date and definition; only a lower bound and five shares are known from the "
            "press note, not the counts behind them."
        ),
    },
    "minister_2024": {
        "count_kind": "statement",
        "publisher": "Ministry of Malians Abroad (Mali)",
        "citation": "Statement of the minister reported by Malikonews, 29 June 2024",
        "reliability": (
            "A figure given in a speech with no source or method: it says what figure is "
            "quoted officially, not how many Malians live abroad; with no date or method behind "
            "either, it cannot be set against the document's 4 million as a trend."
        ),
    },
}
OTHER_COUNT_KINDS = {
    "administrative_electoral_census": "electoral_register",
    "census_round_estimate": "census_round_estimate",
    "political_statement": "statement",
}
#: The RACE table's top-level groups; the rows after each one, up to the next, belong to it.
RACE_REGIONS = (
    "African countries",
    "Arab countries",
    "European countries",
    "North America",
    "Other countries",
)
#: Rows of the RACE table that group several countries: label -> ISO codes of the members.
RACE_GROUPS = {
    "Senegal (with Gambia and Cape Verde)": ("SEN", "GMB", "CPV"),
    "France (with Spain and Portugal)": ("FRA", "ESP", "PRT"),
}
#: Notes on single rows, in the collection's words.
OTHER_COUNT_NOTES = {
    ("race_2001", "Cote d'Ivoire"): (
        "Côte d'Ivoire's own 1998 census counts about 1.5 times as many Malian nationals as "
        "the register"
    ),
    ("race_2001", "France (with Spain and Portugal)"): (
        "The register lumps France with Spain and Portugal; the destination figure is dated "
        "1999, the year of a French census, and the table does not say whether it covers "
        "the other two"
    ),
    ("race_2001", "Senegal (with Gambia and Cape Verde)"): (
        "The register lumps Senegal with Gambia and Cape Verde"
    ),
    ("race_2001", "North America"): (
        "The destination figure adds the United States census of 2000 and the Canadian "
        "census of 2006"
    ),
    ("race_2001", "Sudan"): (
        "The CARIM table files Sudan under the Arab countries; a round 100,000 among exact "
        "counts looks like an estimate"
    ),
    ("iom_profile_2009", "Total"): (
        "A lower bound: the profile says more than 1.5 million, and gives no exact total"
    ),
    ("minister_2024", "Total"): "Given as about 6 million, rounded",
}
#: Shares of the IOM total by destination, read from the note of its row (checked below).
IOM_SHARES = {
    "Cote d'Ivoire": 32,
    "Burkina Faso": 28,
    "Guinea": 10,
    "Nigeria": 6,
    "Ghana": 5,
}
#: Counts given only in words in the note of a row: (source, label) -> (persons, qualifier).
WORDED_COUNTS = {
    ("iom_profile_2009", "Total"): (1_500_000, "more_than", "more than 1.5 million"),
    ("minister_2024", "Total"): (6_000_000, "approximate", "about 6 million"),
}


def _check_race(rows: list[dict[str, str]]) -> dict[str, str]:
    """Check the RACE table adds up and return the region each row belongs to."""
    parent, current = {}, ""
    for row in rows:
        label = row["place_of_residence"]
        if label == "Total":
            continue
        if label in RACE_REGIONS:
            current = label
        elif not current:
            raise BuildError(f"RACE: {label} comes before any region")
        else:
            parent[label] = current
    persons = {r["place_of_residence"]: int(r["persons"]) for r in rows}
    total = persons["Total"]
    if sum(persons[r] for r in RACE_REGIONS) != total:
        raise BuildError("RACE: the regions do not add up to the total")
    for region in RACE_REGIONS:
        members = [label for label, up in parent.items() if up == region]
        if members and sum(persons[m] for m in members) != persons[region]:
            raise BuildError(f"RACE: the rows of {region} do not add up to it")
    for row in rows:
        share = float(row["share_of_total_pct"])
        if abs(100 * int(row["persons"]) / total - share) > 0.051:
            raise BuildError(f"RACE: the share of {row['place_of_residence']} does not recompute")
    return parent


def build_other_counts(ref: Path) -> list[dict[str, str]]:
    """Return the other counts of Malians abroad (RACE 2001, IOM 2009, a 2024 statement)."""
    raw = read_csv_rows(ref / "other_counts_and_texts" / "malians_abroad_other_counts.csv")
    unknown = {r["source_id"] for r in raw} - set(OTHER_COUNT_SOURCES)
    if unknown:
        raise BuildError(f"other counts: undocumented sources {sorted(unknown)}")
    race = [r for r in raw if r["source_id"] == "race_2001"]
    parent = _check_race(race)
    singles = {r["place_of_residence"] for r in race} - set(RACE_REGIONS) - {"Total"}
    singles = {s for s in singles if s not in RACE_GROUPS and not s.startswith("Other ")}
    places = resolve_all(singles | set(IOM_SHARES), "other counts")

    rows = []

    def add(raw_row: dict[str, str], place: str, **values: str) -> None:
        source = OTHER_COUNT_SOURCES[raw_row["source_id"]]
        kind = OTHER_COUNT_KINDS.get(raw_row["kind"])
        if kind != source["count_kind"]:
            raise BuildError(f"other counts: {raw_row['source_id']} is of kind {raw_row['kind']}")
        record = {
            "source_id": raw_row["source_id"],
            "place": place,
            "place_kind": values.get("place_kind", ""),
            "parent": values.get("parent", ""),
            "iso3": values.get("iso3", ""),
            "members_iso3": values.get("members_iso3", ""),
            "persons": values.get("persons", ""),
            "qualifier": values.get("qualifier", ""),
            "share_of_total_pct": values.get("share", ""),
            "destination_census_persons": values.get("census", ""),
            "destination_census_year": values.get("census_year", ""),
            "count_kind": kind,
            "reference_year": raw_row["reference_year"],
            "publisher": source["publisher"],
            "relayed_by": raw_row["relayed_by"],
            "citation": source["citation"],
            "source_url": raw_row["url"],
            "reliability": source["reliability"],
            "note": OTHER_COUNT_NOTES.get((raw_row["source_id"], place), ""),
        }
        rows.append(record)

    for row in race:
        label = row["place_of_residence"]
        if label == "Total":
            kind = "total"
        elif label in RACE_REGIONS:
            kind = "residual" if label.startswith("Other ") else "region"
        elif label in RACE_GROUPS:
            kind = "country_group"
        elif label.startswith("Other "):
            kind = "residual"
        else:
            kind = "country"
        add(
            row,
            label,
            place_kind=kind,
            parent=parent.get(label, "Total" if label != "Total" else ""),
            iso3=places[label].iso3 if kind == "country" else "",
            members_iso3="; ".join(check_iso3(c) for c in RACE_GROUPS.get(label, ())),
            persons=fmt_number(row["persons"]),
            qualifier="exact",
            share=fmt_number(row["share_of_total_pct"]),
            census=fmt_number(row["destination_census_persons"])
            if row["destination_census_persons"]
            else "",
            census_year=row["destination_census_year"],
        )

    for row in raw:
        key = (row["source_id"], row["place_of_residence"])
        if row["source_id"] == "race_2001":
            continue
        if key not in WORDED_COUNTS or row["persons"]:
            raise BuildError(f"other counts: unexpected row {key}")
        persons, qualifier, words = WORDED_COUNTS[key]
        if words not in row["note"]:
            raise BuildError(f"other counts: the note of {key} no longer says {words!r}")
        add(row, "Total", place_kind="total", persons=str(persons), qualifier=qualifier)
        if row["source_id"] == "iom_profile_2009":
            for name, share in IOM_SHARES.items():
                if f"{name} {share}%" not in row["note"]:
                    raise BuildError(f"other counts: IOM share of {name} not in the note")
                add(
                    row,
                    name,
                    place_kind="country",
                    parent="Total",
                    iso3=places[name].iso3,
                    share=str(share),
                )
    return rows


# --------------------------------------------------------------------------- writing


def _descriptor(table: str) -> dict:
    """Return the resource descriptor of a table."""
    return json.loads((RESOURCES / f"{table}.json").read_text(encoding="utf-8"))


def _sort_key(row: dict[str, str], fields: list[dict], key: list[str]) -> tuple:
    """Sort on the primary key, numbers as numbers."""
    kinds = {f["name"]: f.get("type", "string") for f in fields}
    return tuple((int(row[k]) if kinds[k] in ("integer", "year") else row[k]) for k in key)


def render(table: str, rows: list[dict[str, str]]) -> str:
    """Return the CSV text of a table, columns and order as its descriptor says."""
    desc = _descriptor(table)
    fields = desc["schema"]["fields"]
    names = [f["name"] for f in fields]
    key = desc["schema"]["primaryKey"]
    for row in rows:
        if list(row) != names:
            raise BuildError(f"{table}: columns {list(row)} differ from the descriptor {names}")
    ordered = sorted(rows, key=lambda r: _sort_key(r, fields, key))
    seen = {tuple(r[k] for k in key) for r in ordered}
    if len(seen) != len(ordered):
        raise BuildError(f"{table}: the primary key {key} is not unique")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([r[n] for n in names] for r in ordered)
    return out.getvalue()


def default_reference() -> Path | None:
    """Return the reference folder from $DIASPORA_REFERENCE_DIR or ../shared/reference."""
    env = os.environ.get("DIASPORA_REFERENCE_DIR")
    if env:
        return Path(env)
    beside = REPO.parent / "shared" / "reference"
    return beside if beside.is_dir() else None


def build(ref: Path) -> tuple[dict[str, str], list[str]]:
    """Return the CSV text of every table, and notes on coverage."""
    un_rows, un_totals = build_un(ref)
    wdi_rows, wdi_notes = build_wdi(ref)
    rpw_rows, rpw_notes = build_rpw(ref)
    tables = {
        "un_migrant_stock_mali": un_rows,
        "un_migrant_stock_totals": un_totals,
        "wdi_indicators": wdi_rows,
        "wdi_2022_vintage": build_wdi_2022(ref),
        "wb_bilateral_2017": build_wb_bilateral(ref),
        "rpw_corridor_costs": rpw_rows,
        "census_figures": build_census(ref),
        "malians_abroad_other_counts": build_other_counts(ref),
    }
    return {name: render(name, rows) for name, rows in tables.items()}, wdi_notes + rpw_notes


def main(argv: list[str] | None = None) -> int:
    """Build every table and write it into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="folder of the reference copies")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write (default data/)")
    parser.add_argument("--verbose", action="store_true", help="print coverage notes")
    args = parser.parse_args(argv)
    ref = args.reference or default_reference()
    if ref is None or not (ref / "README.md").is_file():
        parser.error(
            f"reference folder not found ({ref or '../shared/reference'}): pass --reference "
            "DIR or set DIASPORA_REFERENCE_DIR to the folder holding wdi_datahub/, "
            "un_desa_migrant_stock/ ..."
        )
    try:
        texts, notes = build(ref)
    except BuildError as exc:
        print(f"build_reference: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / f"{name}.csv").write_bytes(text.encode("utf-8"))
        print(f"wrote {name}.csv ({text.count(chr(10)) - 1} rows)")
    if args.verbose:
        print("\n".join(notes))
    print("if a descriptor changed, run data/build/assemble_datapackage.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
