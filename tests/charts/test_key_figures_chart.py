"""The chart of notebook 00 in the French edition: French texts, numbers and place names."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import diaspora_helpers  # noqa: E402
from diaspora_helpers import charts  # noqa: E402
from diaspora_helpers.analysis import key_figures  # noqa: E402

NNBSP, NBSP = "\u202f", "\u00a0"


def test_the_french_chart_speaks_french_and_formats_numbers_the_french_way():
    diaspora_helpers.setup(language="fr")
    parts = key_figures.abroad_breakdown(key_figures.key_figures())
    africa = float(parts.set_index("where").at["africa", "share_of_abroad_pct"])
    fig = charts.key_figures.document_malians_abroad(parts, africa)
    title, subtitle, source = (t.get_text().replace("\n", " ") for t in fig.texts[:3])
    shown = f"{africa:.1f}".replace(".", ",") + f"{NBSP}%"
    assert title == (
        f"Selon le document, {shown} des Maliens établis à l’extérieur vivent ailleurs en Afrique"
    )
    assert subtitle.startswith("Maliens établis à l’extérieur par lieu de résidence")
    assert source.startswith(f"Source{NNBSP}: document de synthèse, section 1.1")
    (ax,) = fig.axes
    fig.draw_without_rendering()
    places = [t.get_text() for t in ax.get_yticklabels()]
    assert places == ["Afrique", "Europe (hors France)", "France", "Non situés par le document"]
    assert [t.get_text().strip() for t in ax.texts][0] == f"3{NNBSP}500{NNBSP}000"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    # Ticks are plain numbers of millions, the unit in the subtitle (the collection's
    # convention): no "M" letter, which French writes only as a unit symbol.
    assert "1,5" in ticks, ticks
    assert ticks[0] == "0", ticks  # "0", not "0,0"
    assert not any("M" in t or "m" in t for t in ticks), ticks
    assert "millions de personnes" in subtitle
    plt.close(fig)
