"""Charts of notebook 02 in the French edition: every text the reader sees is French."""

import html
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402

from diaspora_helpers import charts, setup  # noqa: E402

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.fixture(autouse=True)
def _french_then_close():
    setup(language="fr")
    yield
    plt.close("all")


def _texts(fig):
    return [t.get_text().replace("\n", " ") for t in fig.texts[:3]]


def _series():
    return pd.DataFrame(
        {
            "year": [2010, 2011, 2012],
            "remittances_usd": [400e6, 1_900e6, 800e6],
            "remittances_xof": [200e9, 420e9, 410e9],
            "share_2022_published_pct": [5.0, 6.0, float("nan")],
            "share_2026_derived_pct": [4.0, 5.0, 5.5],
        }
    )


def _title(ax) -> str:
    """The axes' title wherever it is placed (the house style puts titles on the left)."""
    return next((ax.get_title(loc) for loc in ("left", "center", "right") if ax.get_title(loc)), "")


def test_remittances_over_time_in_french():
    fig = charts.remittances.remittances_over_time(_series(), 2012, 2012, {"usd": 1, "xof": 1})
    title, subtitle, _source = _texts(fig)
    assert title == (
        f"Le Mali a reçu 800{NBSP}millions de dollars de transferts de fonds en 2012{NNBSP}; "
        f"le maximum, 1,9{NBSP}milliard de dollars, date de 2011"  # not "1 900 millions"
    )
    assert subtitle.startswith("Transferts de fonds personnels reçus par le Mali")
    left, right = fig.axes
    assert _title(left) == "Millions de dollars"
    assert _title(right) == "Milliards de FCFA"
    labels = [t.get_text() for t in left.get_legend().get_texts()]
    assert labels == ["Année choisie (2012)", "Document (au taux de l’année)"]
    assert left.yaxis.get_major_formatter()(1500, 0) == f"1{NNBSP}500"


def test_share_of_gdp_in_french():
    fig = charts.remittances.remittances_share_of_gdp_two_releases(_series(), 2011)
    title, _subtitle, source = _texts(fig)
    assert title.startswith(f"Transferts de fonds en 2011{NNBSP}: 6,0{NBSP}% du PIB")
    assert "Banque mondiale" in source and "World Bank" not in source
    (ax,) = fig.axes
    assert ax.yaxis.get_major_formatter()(4, 0) == f"4{NBSP}%"


def test_mali_and_peers_in_french():
    compared = pd.DataFrame(
        {
            "country": ["Mali", "Sénégal"],
            "iso3": ["MLI", "SEN"],
            "share_2026_derived_pct": [5.5, float("nan")],
            "per_emigrant_usd": [900.0, 1200.0],
        }
    )
    fig = charts.remittances.mali_and_peers(compared, [], pd.Series({"un_year": 2020}), 1, 1, 2012)
    left, right = fig.axes
    assert [t.get_text() for t in left.texts] == [f" 5,5{NBSP}%", " n.d."]
    assert [t.get_text() for t in right.texts] == [" 900", f" 1{NNBSP}200"]
    assert _title(left) == "% du PIB"


def test_bilateral_and_corridor_and_scenario_in_french():
    shown = pd.DataFrame(
        {
            "country": ["France", "Côte d’Ivoire"],
            "usd_millions": [300.0, 0.0],
            "malians_there_2017": [80_000, 400_332],
            "model_artefact": [False, True],
        }
    )
    top_two = pd.DataFrame(
        {"iso3": ["FRA", "NGA"], "country": ["France", "Nigeria"], "share_pct": [23.6, 22.2]}
    )
    fig = charts.remittances.bilateral_senders_2017(shown, top_two)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts][1] == (
        f" 0 dans le modèle, alors que 400{NNBSP}332 personnes nées au Mali y vivent"
    )
    costs = pd.DataFrame(
        {"corridor": ["France → Mali"] * 2, "time": [2011.0, 2012.0], "cost_pct": [12.0, 9.0]}
    )
    test = pd.Series({"year": 2012, "corridors": 1, "above_ceiling": 1})
    fig = charts.remittances.corridor_costs_into_mali(
        costs, pd.Series([10.0], index=[2011]), test, 5.0, 2.5
    )
    assert _texts(fig)[0] == (
        f"En 2012, un corridor sur un vers le Mali dépasse le plafond de 5{NBSP}% fixé par les ODD"
    )
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[1:] == [
        "Mali, moyenne annuelle",
        f"Plafond par corridor de la cible 10.c des ODD (5{NBSP}%)",
        f"Coût du scénario (2,5{NBSP}%)",
    ]
    scenario = pd.DataFrame({"year": [2011, 2012], "gain_usd": [20e6, 1_030e6]})
    fig = charts.remittances.scenario_lower_costs(scenario, 3.0, 1_050e6, 2012)
    title = _texts(fig)[0]
    assert title == (
        f"Scénario{NNBSP}: un coût de 3{NBSP}% aurait ajouté 1,05{NBSP}milliard de dollars "
        "de 2011 à 2012"
    )
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == ["20", f"1{NNBSP}030"]


def _svg_lines(path) -> list[tuple[float, str]]:
    """Return each ``<text>`` of an SVG (text kept as text): its x (points) and its string."""
    found = []
    for attributes, shown in re.findall(
        r"<text\b([^>]*)>([^<]*)</text>", path.read_text(encoding="utf-8")
    ):
        x = re.search(r'\bx="([-\d.]+)"|translate\(([-\d.]+)', attributes)
        assert x is not None, attributes
        found.append((float(x.group(1) or x.group(2)), html.unescape(shown)))
    return found


def test_the_artefact_note_wraps_inside_the_phone_rendering(tmp_path):
    """The red note of a model's zero (French: the longest) stays inside a phone's width,
    over two lines, while the page's full-width chart keeps it on one line."""
    shown = pd.DataFrame(
        {
            "country": ["France", "Côte d’Ivoire", "Gabon"],
            "usd_millions": [300.0, 0.0, 50.0],
            "malians_there_2017": [80_000, 400_332, 1_000],
            "model_artefact": [False, True, False],
        }
    )
    top_two = pd.DataFrame(
        {"iso3": ["FRA", "NGA"], "country": ["France", "Nigeria"], "share_pct": [23.6, 22.2]}
    )
    fig = charts.remittances.bilateral_senders_2017(shown, top_two)
    page = tmp_path / "page.svg"
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text, as the house has it
        fig.savefig(page)
        phone_svg = charts.phone.save_phone(fig, tmp_path / "phone.svg")
    assert phone_svg is not None
    note = "0 dans le modèle, alors que 400\u202f332 personnes nées au Mali y vivent"
    assert [s.strip() for _x, s in _svg_lines(page)].count(note) == 1
    lines = _svg_lines(phone_svg)
    first = next(i for i, (_x, s) in enumerate(lines) if "dans le modèle" in s)
    parts = [s.strip() for _x, s in lines[first : first + 2]]
    assert " ".join(parts) == note  # the whole note, over two lines
    width_pt = charts.phone.PHONE_WIDTH * 72
    for x, s in lines[first : first + 2]:
        drawn = TextPath((0, 0), s, size=8.5, prop=FontProperties(family="DejaVu Sans"))
        assert x + drawn.get_extents().width <= width_pt, s
