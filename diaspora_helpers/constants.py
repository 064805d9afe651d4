"""Names written once: the collection's table names and the World Bank indicator codes.

Targets (SDG 10.c) and definitions are data, in ``data/sdg_targets.csv`` and
``data/definitions.csv``; this module holds only the identifiers code needs to find them.
"""

# Tables of data/ (names of resources in datapackage.json).
UN_STOCK_TABLE = "un_migrant_stock_mali"  # UN DESA migrant stock, Mali as origin/destination
UN_TOTALS_TABLE = "un_migrant_stock_totals"  # UN DESA emigrant totals of Mali and its peers
WB_BILATERAL_TABLE = "wb_bilateral_2017"  # World Bank/KNOMAD bilateral matrices, 2017
WDI_TABLE = "wdi_indicators"  # WDI values, datahub.io copy of 2026-07-01
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
