"""Charts of notebook 01: population, counts of Malians abroad from three kinds of source,
destinations, change, women's share, and foreigners in Mali.

Each function takes tables already computed by ``analysis.demography`` and returns a
finished figure (title, subtitle, source line) for ``files.show``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from diaspora_helpers import i18n, tables, text
from diaspora_helpers.analysis.demography import PLACES
from diaspora_helpers.charts import maps, phone_lists, style
from diaspora_helpers.charts.style import barh_house
from diaspora_helpers.i18n import _, ngettext

#: Bar colours of the destinations chart, by region group (English names, see
#: ``analysis.demography.REGION_GROUPS``); other rows are light grey.
REGION_COLOURS = {
    "sub_saharan_africa": style.PALETTE["un"],
    "northern_africa": style.PALETTE["un"],
    "europe": style.PALETTE["mali"],
    "elsewhere": style.PALETTE["wb"],
}


#: Classes of the map of Malians abroad: lower bounds (persons) of each class.
MAP_BINS = [1, 1_000, 10_000, 50_000, 100_000]


def map_labels(bins: list[int] | None = None) -> list[str]:
    """Return the legend label of each class of ``bins`` (lower bounds, persons; default
    :data:`MAP_BINS`) in the edition's language: "fewer than 1,000", "1,000 to 9,999", ...,
    "100,000 or more" ("moins de 1 000", "1 000 à 9 999", "100 000 ou plus")."""
    edges = list(MAP_BINS if bins is None else bins)
    labels = [_("fewer than {n}").format(n=text.number(edges[1]))]
    labels += [
        _("{low} to {high}").format(low=text.number(low), high=text.number(high - 1))
        for low, high in zip(edges[1:-1], edges[2:], strict=True)
    ]
    labels.append(_("{n} or more").format(n=text.number(edges[-1])))
    return labels


def _thousands(x: float, _pos: object = None) -> str:
    """Axis label for a value in thousands, under a subtitle that says "thousands": 400 ->
    '400', 1200 -> '1,200' ('1 200' in French); no unit letter, which the subtitle gives."""
    return text.number(x)


def _millions_axis(ax: Axes) -> Callable[[float, object], str]:
    """Axis labels for values in millions, under a subtitle that says "millions": no unit
    letter, which the subtitle gives, and decimals only when a tick needs them (0, 1, 2 but
    0.5, 1.0, 1.5; '1,5' in French)."""

    def label(y: float, _pos: object = None) -> str:
        ticks = [t for t in ax.get_yticks() if t == t]
        whole = all(float(t).is_integer() for t in ticks)
        return text.number(y, 0 if whole else 1)

    return label


def population_census_and_estimate(series: pd.DataFrame, population: pd.DataFrame) -> Figure:
    """Line of the World Bank's population estimate with the census counts as labelled dots."""
    first, last = series.iloc[0], series.iloc[-1]
    fig, ax = style.titled_figure(
        _("Mali's estimated population: {first} in {first_year}, {last} in {last_year}").format(
            first=text.millions(first["population"], 1),
            first_year=int(first["year"]),
            last=text.millions(last["population"], 1),
            last_year=int(last["year"]),
        ),
        _(
            "Resident population, millions: World Bank yearly estimate (line) and census "
            "counts (dots)"
        ),
        _(
            "World Bank, {copy} (SP.POP.TOTL); INSTAT census counts RGPH 2009 and RGPH5 2022 "
            "as relayed by the press"
        ).format(copy=style.wdi_copy()),
    )
    ax.plot(
        series["year"],
        series["population"] / 1e6,
        color=style.PALETTE["wb"],
        label=_("World Bank estimate"),
    )
    ax.scatter(
        population["year"],
        population["census_count"] / 1e6,
        color=style.PALETTE["mali"],
        zorder=3,
        label=_("Census count"),
    )
    for row in tables.rows(population):
        ax.annotate(
            _(str(row.census)),  # the census name is a code; its words are in the catalog
            (row.year, row.census_count / 1e6),
            textcoords="offset points",
            xytext=(6, -14),
            fontsize=9,
        )
    ax.set_ylim(0, None)
    ax.set_xlim(series["year"].min() - 1, series["year"].max() + 5)
    ax.yaxis.set_major_formatter(_millions_axis(ax))
    ax.legend(loc="upper left")
    return fig


def malians_abroad_three_sources(
    over_time: pd.DataFrame, admin: pd.Series, wb: pd.Series, year: int, un_abroad: float
) -> Figure:
    """UN series of Malians abroad against the World Bank point and the administrative line."""
    ratio = admin["persons"] / un_abroad
    fig, ax = style.titled_figure(
        _("The administrative figure is {ratio} times the UN's count for {year}").format(
            ratio=text.number(ratio, 1), year=year
        ),
        _("Malians living abroad, millions of persons, by source and year"),
        _(
            "UN DESA, International Migrant Stock 2020 (emigrants, both sexes); World "
            "Bank/KNOMAD Bilateral Migration Matrix 2017; source document section 1.1 "
            "(administrative sources, no year)"
        ),
    )
    ax.plot(
        over_time.index,
        over_time["total"] / 1e6,
        marker="o",
        color=style.PALETTE["un"],
        label=_("UN DESA, migrants from Mali"),
    )
    ax.scatter(
        [wb["year"]],
        [wb["persons"] / 1e6],
        color=style.PALETTE["wb"],
        marker="D",
        s=50,
        zorder=3,
        label=_("World Bank/KNOMAD 2017"),
    )
    ax.axhline(
        admin["persons"] / 1e6,
        color=style.PALETTE["admin"],
        linestyle="--",
        label=_("Administrative figure (no year given)"),
    )
    ax.scatter(
        [year],
        [un_abroad / 1e6],
        s=160,
        facecolors="none",
        edgecolors=style.PALETTE["ink"],
        zorder=4,
        label=_("Chosen year ({year})").format(year=year),
    )
    ax.set_ylim(0, admin["persons"] / 1e6 * 1.15)
    ax.yaxis.set_major_formatter(_millions_axis(ax))
    ax.legend(loc="center right")
    return fig


def top_destinations(top: pd.DataFrame, named: pd.DataFrame, year: int) -> Figure:
    """Bars of the largest communities of people born in Mali, coloured by region group.

    ``top`` (and ``named``, its rows that are countries) as
    ``analysis.demography.top_destinations`` returns them (country names in the edition's
    language; the others' row a code, named here from the words the table records).
    """
    colours = top["region_group"].map(REGION_COLOURS).fillna(style.PALETTE["light"])
    fig, ax = style.titled_figure(
        _("In {year}, {share} of Malians abroad lived in {country}").format(
            share=text.percent(named["share_pct"].iloc[0]),
            country=named["country"].iloc[0],
            year=year,
        ),
        _(
            "Migrants from Mali (mostly born there) living in each country: axis in "
            "thousands, labels in persons (blue: Africa, terracotta: Europe, green: "
            "elsewhere, grey: all other countries)"
        ),
        _(
            "UN DESA, International Migrant Stock 2020, bilateral stock by origin and "
            "destination (both sexes)"
        ),
        figsize=(9.0, 2.2 + 0.32 * len(top)),
    )
    ax.barh(i18n.labelled(top)["country"], top["persons"] / 1e3, color=colours.tolist())
    barh_house(ax)
    ax.xaxis.set_major_formatter(_thousands)
    for y, value in enumerate(top["persons"]):
        ax.text(value / 1e3, y, f" {text.number(value)}", va="center", fontsize=8.5)
    ax.set_xlim(0, top["persons"].max() / 1e3 * 1.18)
    return fig


def map_malians_abroad(
    by_country: pd.DataFrame, in_africa: int, named_count: int, year: int, *, slide: bool = False
) -> Figure:
    """Map of people born in Mali living in each country, by class of size.

    Drawn for the page (Africa, Europe and the Near East, upright); its 16:9 slide
    (``slide=True``) shows the Old World (``maps.OLD_WORLD``) with no country that
    carries data cut by the frame, and the legend beside the map.
    """
    in_words, among = text.spelled_alike((in_africa, True), (named_count, True))
    if in_africa > text.SPELLED_MAX:
        title = _(
            "In {year}, {n} of the {total} largest Malian communities abroad are in Africa"
        ).format(n=in_words, total=among, year=year)
    else:
        title = _(
            "{n} of the {total} largest Malian communities abroad in {year} are in Africa"
        ).format(n=text.opening(in_africa, feminine=True), total=among, year=year)
    fig, ax = style.titled_figure(
        title,
        _("Migrants from Mali (mostly born there) living in each country, by class (persons)"),
        _(
            "UN DESA, International Migrant Stock 2020 (both sexes); country outlines from "
            "the countryinfo Python package; the map leaves out the Americas"
        )
        if slide
        else _(
            "UN DESA, International Migrant Stock 2020 (both sexes); country outlines from "
            "the countryinfo Python package; the map shows Africa, Europe and the Near East only"
        ),
        figsize=style.SLIDE_SIZE if slide else (8.0, 8.6),
    )
    handles = maps.choropleth(
        ax,
        by_country.set_index("iso3")["persons"],
        MAP_BINS,
        map_labels(),
        extent=maps.OLD_WORLD if slide else maps.AFRICA_EUROPE,
    )
    if slide:
        ax.legend(
            handles=handles,
            loc="center left",
            bbox_to_anchor=(1.0, 0.5),
            title=_("Malians living there"),
            fontsize=11,
            title_fontsize=11,
        )
        return fig
    ax.legend(handles=handles, loc="lower left", title=_("Malians living there"), fontsize=9)
    title, subtitle, _source = fig._house_labels  # type: ignore[attr-defined]

    def draw_phone() -> Figure:
        # A map does not shrink to a phone: its countries as ranked bars, coloured by class.
        source = _(
            "UN DESA, International Migrant Stock 2020 (both sexes); every country where the "
            "UN records Malians, largest community first"
        )
        table = by_country.set_index("iso3")
        rows = maps.ranked_rows(
            table["persons"], table["country"], MAP_BINS, map_labels(),
            legend_title=_("Malians living there"),
        )  # fmt: skip
        return phone_lists.draw_rows((title, subtitle, source), rows)

    style.with_phone(fig, draw_phone)
    return style.with_slide(
        fig, lambda: map_malians_abroad(by_country, in_africa, named_count, year, slide=True)
    )


def change_by_destination(
    change: pd.DataFrame, start: int, end: int, total_start: float, total_end: float
) -> Figure:
    """Dumbbells of each community's size in the first (ring) and last (dot) year."""
    grew = change.sort_values("change", ascending=False).iloc[0]
    fig, ax = style.titled_figure(
        _(
            "From {first} Malians abroad in {start} to {last} in {end}; most growth in {country}"
        ).format(
            first=text.number(total_start),
            start=start,
            last=text.number(total_end),
            end=end,
            country=grew["country"],
        ),
        _(
            "Migrants from Mali (mostly born there) living in each country in {start} (ring) "
            "and {end} (dot), thousands; the {n} largest communities of {end}"
        ).format(start=start, end=end, n=text.spelled(len(change), feminine=True)),
        _("UN DESA, International Migrant Stock 2020 (both sexes)"),
        figsize=(9.0, 2.2 + 0.32 * len(change)),
    )
    rows = range(len(change))
    ax.hlines(
        rows,
        change[f"persons_{start}"] / 1e3,
        change[f"persons_{end}"] / 1e3,
        color=style.PALETTE["light"],
        linewidth=3,
    )
    ax.scatter(
        change[f"persons_{end}"] / 1e3,
        rows,
        color=style.PALETTE["un"],
        s=45,
        zorder=3,
        label=str(end),
    )
    ax.scatter(
        change[f"persons_{start}"] / 1e3,
        rows,
        facecolors="none",
        edgecolors=style.PALETTE["ink"],
        s=110,
        zorder=4,
        label=str(start),
    )
    ax.set_yticks(list(rows), change["country"])
    barh_house(ax)
    ax.xaxis.set_major_formatter(_thousands)
    ax.legend(loc="lower right")
    return fig


def women_share_by_destination(women: pd.DataFrame, overall: float, year: int) -> Figure:
    """Bars of women's share by destination, labelled, with the all-destinations share dashed.

    ``women`` has ``country`` and ``women_share_pct`` (percent) per destination; ``overall``
    is the share over all destinations (percent). A dotted line marks parity, as the
    subtitle says; the axis stops a little above the largest share, not at 100%."""
    shares = women["women_share_pct"]
    fig, ax = style.titled_figure(
        ngettext(
            "Women were {overall} of Malians abroad in {year}, {low} in the largest community",
            "Women were {overall} of Malians abroad in {year}, {low} to {high} in the {n} "
            "largest communities",
            len(women),
        ).format(
            n=text.spelled(len(women), feminine=True),
            overall=text.percent(overall),
            year=year,
            low=text.percent(shares.min(), 0),
            high=text.percent(shares.max(), 0),
        ),
        ngettext(
            "Women as a share of migrants from Mali (mostly born there) in the country with "
            "the most, percent; dashed line: all destinations; dotted line: parity ({parity})",
            "Women as a share of migrants from Mali (mostly born there) in each of the {n} "
            "countries with the most, percent; dashed line: all destinations; dotted line: "
            "parity ({parity})",
            len(women),
        ).format(n=text.spelled(len(women)), parity=text.percent(50, 0)),
        _("UN DESA, International Migrant Stock 2020, by sex"),
        figsize=(9.0, 2.2 + 0.32 * len(women)),
    )
    ax.barh(women["country"], shares, color=style.PALETTE["un"])
    ax.axvline(overall, color=style.PALETTE["ink"], linestyle="--", linewidth=1)
    ax.axvline(50, color=style.PALETTE["grey"], linestyle=":", linewidth=1)
    for y, value in enumerate(shares):
        ax.text(value, y, f" {text.percent(value)}", va="center", fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, max(55.0, float(shares.max()) * 1.15))
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(lambda x, _pos: text.percent(x, 0))
    return fig


def document_vs_un_by_region(ratios: pd.Series, year: int) -> Figure:
    """Bars of the document's figure divided by the UN's count, for Africa, Europe, France.

    ``ratios`` is indexed by place as ``analysis.demography.document_vs_un`` names them
    (codes: ``"Africa"``, ``"Europe"``, ``"France"``; named on the chart by their words in
    ``analysis.demography.PLACES``).
    """
    fig, ax = style.titled_figure(
        _(
            "Document ÷ UN {year}: {africa}× in Africa, {europe}× in Europe, {france}× in France"
        ).format(
            year=year,
            africa=text.number(ratios["Africa"], 1),
            europe=text.number(ratios["Europe"], 1),
            france=text.number(ratios["France"], 1),
        ),
        _(
            "Document's administrative figure divided by the UN's count of migrants from Mali "
            "living there (1 = the two agree)"
        ),
        _(
            "Source document section 1.1 (administrative sources); UN DESA, International "
            "Migrant Stock 2020 ({year}, both sexes; Africa and Europe as the countryinfo "
            "Python package groups countries)"
        ).format(year=year),
    )
    bars = ax.bar(
        [i18n.word(str(p), PLACES) for p in ratios.index],
        ratios.to_numpy(),
        color=[style.PALETTE["admin"]] * len(ratios),
        width=0.55,
    )
    ax.axhline(1, color=style.PALETTE["ink"], linewidth=1)
    ax.bar_label(bars, labels=[f"{text.number(r, 2)}×" for r in ratios], padding=3)
    ax.set_ylim(0, ratios.max() * 1.2)
    ax.yaxis.set_major_locator(MultipleLocator(1))
    ax.yaxis.set_major_formatter(lambda y, _pos: f"{text.number(y)}×")
    return fig


def foreigners_in_mali(immigrants: pd.Series, foreign: pd.Series, ratio: float) -> Figure:
    """UN line of international migrants living in Mali (born abroad, or foreign citizens
    where no birthplace is recorded) against the census's foreign nationals."""
    census_year = foreign["reference_year"]
    fig, ax = style.titled_figure(
        _(
            "The UN counts {ratio}× as many international migrants in Mali as the census "
            "counted foreign nationals"
        ).format(ratio=text.number(ratio, 1)),
        _(
            "People living in Mali, thousands: international migrants (UN DESA: born abroad, "
            "or foreign citizens where no birthplace is recorded; line) and foreign nationals "
            "({year} census, dot); ratio for {year}, UN interpolated"
        ).format(year=census_year),
        _(
            "UN DESA, International Migrant Stock 2020 (immigrants, both sexes); source "
            "document section 1.1 (RGPH 2009)"
        ),
    )
    ax.plot(
        immigrants.index,
        immigrants / 1e3,
        marker="o",
        color=style.PALETTE["un"],
        label=_("International migrants (UN DESA)"),
    )
    ax.scatter(
        [census_year],
        [foreign["value"] / 1e3],
        color=style.PALETTE["mali"],
        s=60,
        zorder=3,
        label=_("Foreign nationals (census {year})").format(year=census_year),
    )
    ax.set_ylim(0, immigrants.max() / 1e3 * 1.15)
    ax.yaxis.set_major_formatter(_thousands)
    ax.legend(loc="upper left")
    return fig
