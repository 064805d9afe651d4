"""House-style charts carry title, subtitle and source, and their files are reproducible."""

import hashlib
import subprocess
import sys

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from diaspora_helpers import charts

SCRIPT = """
import matplotlib; matplotlib.use("Agg")
import pandas as pd
from pathlib import Path
from diaspora_helpers import charts
charts.apply_style()
fig, ax = charts.titled_figure("A finding", "What is measured, unit", "Test data")
ax.bar(["a", "b"], [1, 2])
data = pd.DataFrame({{"x": ["a", "b"], "y": [1, 2]}})
charts.files.save_figure(fig, "demo", data, Path({folder!r}))
"""


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory):
    """The demo chart's files written by two separate Python processes: (first, second)."""
    root = tmp_path_factory.mktemp("two-processes")
    runs = [
        subprocess.Popen([sys.executable, "-c", SCRIPT.format(folder=str(root / run))])
        for run in ("one", "two")
    ]  # at once: two processes all the same, in half the time
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    return root / "one", root / "two"


def test_files_are_byte_identical_across_processes(two_processes):
    first, second = (_digests(folder) for folder in two_processes)
    assert sorted(first) == [
        "demo.csv",
        "demo.csv-metadata.json",
        "demo.png",
        "demo.svg",
        "demo_phone.svg",
        "demo_slide.png",
    ]
    assert first == second


def test_the_phone_rendering_keeps_text_readable_and_the_svgs_are_named(two_processes):
    """Shown 358 CSS px wide (a 390 px phone), no text of the phone SVG is under 11 px."""
    import re

    folder = two_processes[0]
    phone = (folder / "demo_phone.svg").read_text()
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', phone).group(1))
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([\d.]+)px", phone)]
    assert sizes and min(sizes) * 358 / width >= 11, (min(sizes), width)
    for name in ("demo.svg", "demo_phone.svg"):
        svg = (folder / name).read_text()
        assert '<title id="chart-title">A finding</title>' in svg, name
        assert "<desc" in svg and 'role="img"' in svg, name


def test_files_carry_no_version_or_date(two_processes):
    folder = two_processes[0]
    svg = (folder / "demo.svg").read_text()
    assert "<dc:date>" not in svg and matplotlib.__version__ not in svg
    assert matplotlib.__version__.encode() not in (folder / "demo.png").read_bytes()


def test_slide_variant_is_16_by_9_full_hd(two_processes):
    header = (two_processes[0] / "demo_slide.png").read_bytes()[16:24]
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")
    assert (width, height) == (1920, 1080)


def test_figure_has_title_subtitle_and_source():
    charts.apply_style()
    fig, _ = charts.titled_figure("Finding", "Measure", "World Bank WDI")
    texts = [t.get_text() for t in fig.texts]
    assert texts == ["Finding", "Measure", "Source: World Bank WDI"]
    fig2, _ = charts.titled_figure("F", "M", "Sources: WDI; source document, 1.1")
    assert fig2.texts[2].get_text() == "Sources: WDI; source document, 1.1"
    fig3, _ = charts.titled_figure("F", "M", "Source document, section 1.1")
    assert fig3.texts[2].get_text() == "Source: the source document, section 1.1"
    for f in (fig, fig2, fig3):
        matplotlib.pyplot.close(f)


@pytest.mark.parametrize("missing", ["title", "subtitle", "source"])
def test_a_chart_without_its_labels_is_refused(missing):
    labels = {"title": "T", "subtitle": "S", "source": "X"}
    labels[missing] = " "
    with pytest.raises(ValueError, match=f"needs a {missing}"):
        charts.titled_figure(**labels)


def test_show_writes_only_under_the_runner(tmp_path, monkeypatch):
    charts.apply_style()
    monkeypatch.delenv("DIASPORA_FIGURES_DIR", raising=False)
    fig, _ = charts.titled_figure("T", "S", "X")
    charts.show(fig, "none", pd.DataFrame({"a": [1]}))
    assert not list(tmp_path.iterdir())
    monkeypatch.setenv("DIASPORA_FIGURES_DIR", str(tmp_path))
    fig, _ = charts.titled_figure("T", "S", "X")
    charts.show(fig, "some", pd.DataFrame({"a": [1]}))
    assert (tmp_path / "some.png").is_file() and (tmp_path / "some.csv").read_text() == "a\n1\n"


def test_bad_figure_name_is_refused(tmp_path):
    fig, _ = charts.titled_figure("T", "S", "X")
    with pytest.raises(ValueError, match="figure name"):
        charts.files.save_figure(fig, "../escape", pd.DataFrame(), tmp_path)


def test_the_french_edition_writes_the_source_line_in_french():
    import diaspora_helpers

    diaspora_helpers.setup(language="fr")
    charts.apply_style()
    fig, _ = charts.titled_figure("Constat", "Mesure", "World Bank WDI")
    fig2, _ = charts.titled_figure("C", "M", "Document de synthèse, section 1.1")
    fig3, _ = charts.titled_figure("C", "M", "Sources\u202f: WDI\u202f; document source")
    assert fig.texts[2].get_text() == "Source\u202f: World Bank WDI"
    assert fig2.texts[2].get_text() == "Source\u202f: document de synthèse, section 1.1"
    assert fig3.texts[2].get_text() == "Sources\u202f: WDI\u202f; document source"
    for f in (fig, fig2, fig3):
        matplotlib.pyplot.close(f)


def test_the_french_chart_data_descriptor_has_a_french_note_and_units(tmp_path):
    import json

    import diaspora_helpers

    data = pd.DataFrame({"year": [2020], "share_pct": [1.5], "usd_millions": [3.0]})
    labels = ("Titre", "Sous-titre", "Source\u202f: WDI")
    english = json.loads(
        charts.files.write_chart_data(data, tmp_path / "en.csv", labels).read_text()
    )
    assert english["notes"].startswith("Data behind a chart")
    assert [c.get("unit") for c in english["tableSchema"]["columns"]] == [
        "calendar year",
        "percent",
        "millions of US dollars",
    ]
    diaspora_helpers.setup(language="fr")
    sidecar = charts.files.write_chart_data(data, tmp_path / "fr.csv", labels)
    french = json.loads(sidecar.read_text(encoding="utf-8"))
    assert french["notes"].startswith("Données d’un graphique de la collection")
    assert "CC BY 4.0" in french["notes"] and french["dc:license"] == english["dc:license"]
    assert [c.get("unit") for c in french["tableSchema"]["columns"]] == [
        "année civile",
        "pourcentage",
        "millions de dollars des États-Unis",
    ]
    assert french["dc:title"] == "Titre" and french["dc:source"] == "WDI"


def test_the_svg_description_reads_the_subtitle_and_the_source_as_two_sentences(tmp_path):
    """r25d: "…only roughly Source: …" ran the subtitle into the source line."""
    from diaspora_helpers.charts import phone

    svg = tmp_path / "c.svg"
    for subtitle, shown in (
        ("Periods dated only roughly", "Periods dated only roughly."),
        ("Share of GDP (%).", "Share of GDP (%)."),
        ("Why?", "Why?"),
    ):
        svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>')
        phone.name_svg(svg, ("A finding", subtitle, "Source: WDI"))
        assert f'<desc id="chart-desc">{shown} Source: WDI</desc>' in svg.read_text()
