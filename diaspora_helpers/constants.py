"""Values written once and used across the package: table names, World Bank indicator
codes, and the chart palette.

Targets (SDG 10.c) and definitions are data, in ``data/sdg_targets.csv`` and
``data/definitions.csv``; this module holds only the identifiers code needs to find them.

The series colours are Okabe and Ito's colour-blind-safe set (Okabe & Ito, "Color
Universal Design", 2008), with Mali's terracotta kept for Mali and the source document's
own figures, and Paul Tol's indigo as a seventh colour. Every pair of them, and each of
them against the greys used for aggregates and context, stays at least 10 CAM02-UCS units
apart for normal vision and under simulated deuteranopia, protanopia and tritanopia
(tests/charts/test_palette.py checks it with colorspacious).
"""

# Tables of data/ (names of resources in datapackage.json).
UN_STOCK_TABLE = "un_migrant_stock_mali"  # UN DESA migrant stock, Mali as origin/destination
UN_TOTALS_TABLE = "un_migrant_stock_totals"  # UN DESA emigrant totals of Mali and its peers
WB_BILATERAL_TABLE = "wb_bilateral_2017"  # World Bank/KNOMAD bilateral matrices, 2017
WDI_TABLE = "wdi_indicators"  # WDI values, datahub.io copy of WDI_COPIED
#: The day the collection copied the WDI from datahub.io (ISO; source lines write it in words).
WDI_COPIED = "2026-07-01"
#: The WDI release of the 2022 vintage (table ``wdi_2022_vintage``, ISO).
WDI_2022_RELEASED = "2022-02-15"
#: The day of the DataBank export of Remittance Prices Worldwide (ISO).
RPW_EXPORTED = "2020-12-07"
WDI_2022_TABLE = "wdi_2022_vintage"  # WDI release of 2022-02-15
RPW_TABLE = "rpw_corridor_costs"  # Remittance Prices Worldwide, corridors into Mali
CENSUS_TABLE = "census_figures"  # RGPH headline figures
TARGETS_TABLE = "sdg_targets"
DEFINITIONS_TABLE = "definitions"
OTHER_COUNTS_TABLE = "malians_abroad_other_counts"

# World Bank indicator codes.
REMITTANCES = "BX.TRF.PWKR.CD.DT"  # personal remittances received, current US$ (2026 copy)
GDP = "NY.GDP.MKTP.CD"  # GDP, current US$ (2026 copy)
POPULATION = "SP.POP.TOTL"  # population (2026 copy)
SHARE_PUBLISHED = "BX.TRF.PWKR.DT.GD.ZS"  # remittances, % of GDP (2022 release)
COST = "SI.RMT.COST.IB.ZS"  # average cost of sending USD 200 to the country, % (2022 release)
EXCHANGE_RATE = "PA.NUS.FCRF"  # official exchange rate, local currency per US$, yearly average
CORRIDOR_COST = "ATCR.CORR"  # RPW: total cost of sending USD 200 along one corridor, %


# -- series colours (hex sRGB) -------------------------------------------------------------
TERRACOTTA = "#b5451b"  # Mali and the figures of the source document
BLUE = "#0072b2"  # UN DESA estimates; the first series
BLUISH_GREEN = "#009e73"  # World Bank estimates
ORANGE = "#e69f00"  # administrative estimates
REDDISH_PURPLE = "#cc79a7"
SKY_BLUE = "#56b4e9"
INDIGO = "#332288"

# -- greys for aggregates, context and text ------------------------------------------------
AGGREGATE_GREY = "#bbbbbb"  # aggregates (regions, world) and context series
LIGHT_GREY = "#d9d9d9"  # "all other" bars, reference lines (not a mark to read: 1.4:1)
REST_GREY = "#949494"  # the rest of a stacked bar (TOKTEN's men): 3.03:1 on white
INK = "#222222"  # text and reference marks
DARK_GREY = "#333333"
TEXT_GREY = "#555555"  # subtitles and notes drawn on charts
SOURCE_GREY = "#666666"  # source lines
EDGE_GREY = "#777777"
RULE_GREY = "#888888"
AXIS_GREY = "#8c8c8c"
LINK_GREY = "#9a9a9a"
FAINT_GREY = "#cccccc"
DOT_GREY = "#cfcfcf"
GRID_GREY = "#dddddd"
GRID_LIGHT = "#e6e6e6"
GRID_FAINT = "#efefef"
PANEL_GREY = "#f4f4f4"
NO_DATA_GREY = "#eeeeee"
WHITE = "#ffffff"

# -- tints (backgrounds and "partly" marks) -------------------------------------------------
LIGHT_BLUE = "#c4dcee"  # a constraint partly addressed (coverage matrix), ringed in BLUE
PALE_TERRACOTTA = "#fbe4dc"  # a constraint no strategy addresses

PALETTE = {
    "mali": TERRACOTTA,
    "un": BLUE,
    "wb": BLUISH_GREEN,
    "admin": ORANGE,
    "grey": AGGREGATE_GREY,
    "light": LIGHT_GREY,
    "rest": REST_GREY,
    "ink": INK,
}
SERIES = [BLUE, TERRACOTTA, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, INDIGO]

# Pastel fills of the institutional landscape, one per kind of institution (labelled boxes).
INSTITUTION_FILLS = {
    "national_institution": "#f2e6d9",
    "ministry": "#f5d0b5",
    "delegation": "#fbe3cf",
    "office": "#fff2e0",
    "programme": "#d8e8f3",
    "bilateral_unit": "#d4ecdc",
    "agency": "#fbefc5",
    "advisory_body": "#e8dcef",
    "local_authority": "#e3efd9",
    "regional_space": "#cfe6c4",
    "ngo": NO_DATA_GREY,
    "international_partner": "#dfe6ee",
}
