"""The runner: choosing notebooks and parameters, reproducible executed notebooks, the
published tree, and what failures and interruptions leave behind (issues 7 and 9)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.publish.execution import selection as requests
from diaspora_helpers.publish.execution import staging
from diaspora_helpers.publish.execution.execute import (
    clean,  # noqa: E402
    find_failure,  # noqa: E402
)

# -- choosing notebooks and parameters (no kernel) ----------------------------------------


def _available(tmp_path: Path) -> list[Path]:
    return requests.discover(support.make_notebooks(tmp_path, "a_chart", "b_bars"))


def test_discover_sorts_and_ignores_other_files(tmp_path: Path) -> None:
    notebooks = support.make_notebooks(tmp_path, "b_bars", "a_chart")
    assert [p.name for p in requests.discover(notebooks)] == ["a_chart.ipynb", "b_bars.ipynb"]


def test_select_by_stem_file_name_or_path(tmp_path: Path) -> None:
    available = _available(tmp_path)
    assert requests.select([], available) == available
    chosen = requests.select(["b_bars.ipynb", "notebooks/a_chart.ipynb", "a_chart"], available)
    assert [p.stem for p in chosen] == ["a_chart", "b_bars"]


def test_select_unknown_lists_known_names(tmp_path: Path) -> None:
    with pytest.raises(requests.RunError) as caught:
        requests.select(["a_chrt", "zzz"], _available(tmp_path))
    message = str(caught.value)
    assert "unknown notebooks: a_chrt, zzz" in message
    assert "did you mean 'a_chart'" in message
    assert "known notebooks: a_chart, b_bars" in message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2012", 2012),
        ("-3", -3),
        ("2.5", 2.5),
        ("True", True),
        ("false", False),
        ("None", None),
        ("[SEN, NER]", ["SEN", "NER"]),
        ("SEN,NER", "SEN,NER"),
        ("NO", "NO"),  # Norway stays a string (YAML 1.1 would read it as False)
        ("Mali", "Mali"),
    ],
)
def test_parse_value(text: str, value: object) -> None:
    assert requests.parse_value(text) == value


def test_parse_assignment(tmp_path: Path) -> None:
    available = _available(tmp_path)
    assert requests.parse_assignment("a_chart:end_year=2005", available) == (
        "a_chart",
        "end_year",
        2005,
    )
    assert requests.parse_assignment("a_chart.ipynb:label=a=b", available) == (
        "a_chart",
        "label",
        "a=b",
    )
    assert requests.parse_assignment("end_year=3", available[:1]) == ("a_chart", "end_year", 3)
    for bad, expected in [
        ("a_chart", "expected NOTEBOOK:NAME=VALUE"),
        ("end_year=3", "say which notebook"),
        ("a_chart:2x=1", "'2x' is not a parameter name"),
    ]:
        with pytest.raises(requests.RunError, match=expected):
            requests.parse_assignment(bad, available)


def test_params_file_problems(tmp_path: Path) -> None:
    cases = {
        "missing.yaml": (None, "does not exist"),
        "folder.yaml": ("DIR", "is a folder"),
        "broken.yaml": ("a_chart: {end_year: [1, 2\n", "is not valid YAML"),
        "list.yaml": ("- a_chart\n", "must map notebook names to their parameters"),
        "entry.yaml": ("a_chart: 5\n", "the entry for 'a_chart' must map parameter names"),
        "binary.yaml": (b"\xff\xfe\x00", "cannot read parameter file"),
    }
    for name, (content, expected) in cases.items():
        path = support.write_params_file(tmp_path / name, content)
        with pytest.raises(requests.RunError, match=expected):
            requests.load_params_file(path)


def test_params_file_and_command_line_merge(tmp_path: Path) -> None:
    available = _available(tmp_path)
    file = tmp_path / "p.yaml"
    file.write_text("a_chart.ipynb:\n  end_year: 2004\n  label: Senegal\nb_bars:\n")
    merged = requests.resolve_parameters(
        available[:1], available, requests.load_params_file(file), ["a_chart:end_year=2006"]
    )
    assert merged == {"a_chart": {"end_year": 2006, "label": "Senegal"}}
    file.write_text("a_chrt:\n  end_year: 2004\n")
    with pytest.raises(requests.RunError, match="did you mean 'a_chart'"):
        requests.resolve_parameters(available, available, requests.load_params_file(file), [])
    with pytest.raises(requests.RunError, match="b_bars is not among the notebooks being run"):
        requests.resolve_parameters(available[:1], available, {}, ["b_bars:peers=[SEN]"])


def test_undeclared_parameter_is_an_error(tmp_path: Path) -> None:
    available = _available(tmp_path)
    with pytest.raises(requests.RunError) as caught:
        requests.check_parameters(available, {"a_chart": {"end_yaer": 2005}})
    message = str(caught.value)
    assert "a_chart: unknown parameter: end_yaer" in message
    assert "did you mean 'end_year'" in message
    assert "known parameters: start_year, end_year, label" in message
    info = requests.check_parameters(available, {"a_chart": {"end_year": 2005}})
    assert info["a_chart"]["end_year"]["help"] == "last year on the chart"


# -- making executed notebooks reproducible (no kernel) -----------------------------------


def _executed(outputs: list[dict], *, injected: bool = True) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cells = [nbformat.v4.new_code_cell("x: int = 1", id="p", metadata={"tags": ["parameters"]})]
    if injected:
        cells.append(
            nbformat.v4.new_code_cell(
                "x = 2", id="random1234", metadata={"tags": ["injected-parameters"]}
            )
        )
    cells.append(nbformat.v4.new_code_cell("show()", id="c"))
    cells[-1].outputs = [nbformat.from_dict(o) for o in outputs]
    cells[-1].metadata["papermill"] = {"duration": 1.2, "start_time": "2026-11-28T04:00:00"}
    cells[-1].metadata["execution"] = {"iopub.status.busy": "2026-11-28T04:00:00"}
    nb.cells = cells
    nb.metadata["papermill"] = {"version": "2.7.0", "duration": 3.1}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    return nb


def test_clean_strips_run_metadata_and_normalises_outputs() -> None:
    html = '<style>#T_ab12c_row0 {color: red}</style><table id="T_ab12c"></table><b id="T_99fff">'
    nb = _executed(
        [
            {"output_type": "stream", "name": "stderr", "text": "/tmp/ipykernel_4242/123.py:3: W"},
            {
                "output_type": "execute_result",
                "execution_count": 3,
                "metadata": {},
                "data": {"text/plain": "<Foo object at 0x7f3a2b1c4d50>", "text/html": html},
            },
            {
                "output_type": "execute_result",
                "execution_count": 3,
                "metadata": {},
                "data": {"text/plain": "[<matplotlib.lines.Line2D at 0x7f3a2b1c4d50>]"},
            },
            {
                "output_type": "execute_result",
                "execution_count": 3,
                "metadata": {},
                "data": {"text/plain": "<Axes: title={'center': 'x'}>"},
            },
        ]
    )
    clean(nb, {"x": 2}, {"x": {"inferred_type_name": "int", "default": "1", "help": "a number"}})
    assert "papermill" not in nb.metadata and "version" not in nb.metadata.language_info
    assert nb.metadata.kernelspec["name"] == "python3"
    assert nb.metadata.diaspora_run["parameters"] == [
        {
            "name": "x",
            "type": "int",
            "default": "1",
            "value": "2",
            "overridden": True,
            "help": "a number",
        }
    ]
    assert nb.cells[1].id == "injected-parameters"
    last = nb.cells[-1]
    assert "papermill" not in last.metadata and "execution" not in last.metadata
    assert len(last.outputs) == 2, "matplotlib and Axes reprs are dropped"
    assert last.outputs[0].text == "<cell>:3: W"
    assert last.outputs[1].data["text/plain"] == "<Foo object at 0xADDRESS>"
    assert last.outputs[1].data["text/html"] == (
        '<style>#T_s1_row0 {color: red}</style><table id="T_s1"></table><b id="T_s2">'
    )


def test_find_failure_counts_cells_of_the_source_notebook() -> None:
    error = {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": []}
    nb = _executed([error])
    nb.cells[-1].execution_count = 2
    failure = find_failure(nb, "nb")
    assert failure is not None
    assert (failure.position, failure.execution_count, failure.first_line) == (2, 2, "show()")
    assert failure.describe() == (
        "nb: cell 2 (In [2]), which starts `show()`, failed (ValueError): bad"
    )
    nb.cells[-1].metadata["tags"] = ["raises-exception"]
    assert find_failure(nb, "nb") is None, "cells tagged raises-exception may fail"


# -- publishing ---------------------------------------------------------------------------


def test_publish_swaps_the_whole_tree_the_run_owns(tmp_path: Path) -> None:
    outputs, stage = tmp_path / "outputs", tmp_path / ".outputs-staging-1"
    stage.mkdir()
    (stage / "old").mkdir()
    (stage / "old" / "a.txt").write_text("old")
    staging.publish(stage, outputs)
    stage.mkdir()
    (stage / "new.txt").write_text("new")
    staging.publish(stage, outputs)
    assert (outputs / staging.MANIFEST).is_file()
    assert support.tree(outputs) == {"new.txt": b"new"}, "what the previous run made is gone"
    assert not stage.exists()
    fresh = tmp_path / "fresh"
    stage.mkdir()
    staging.publish(stage, fresh)
    assert fresh.is_dir() and not stage.exists()


def test_stale_staging_is_removed_but_a_running_one_is_respected(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{staging.STAGING_PREFIX}{dead.pid}"
    stale.mkdir()
    staging.clean_stale_staging(tmp_path / "outputs")
    assert not stale.exists()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", "diaspora"])
    cmdline = Path(f"/proc/{alive.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"diaspora" not in cmdline.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)  # until the child has exec'd
    try:
        busy = tmp_path / f"{staging.STAGING_PREFIX}{alive.pid}"
        busy.mkdir()
        with pytest.raises(requests.RunError, match="another run"):
            staging.clean_stale_staging(tmp_path / "outputs")
    finally:
        alive.kill()
        alive.wait()


# -- end to end on fixture notebooks ------------------------------------------------------


@pytest.mark.slow
def test_outputs_tree(site: Path) -> None:
    files = set(support.tree(site))
    expected = {
        "index.html",
        "glossary.html",
        "instructor_guide.html",
        "a_chart.ipynb",
        "a_chart.html",
        "b_bars.ipynb",
        "b_bars.html",
        "thumbnails/a_chart.png",
        "thumbnails/b_bars.png",
    }
    for stem, figure in [("a_chart", "trend"), ("b_bars", "peers"), ("b_bars", "peers_horizontal")]:
        for suffix in (".png", ".svg", ".csv", "_slide.png"):
            expected.add(f"figures/{stem}/{figure}{suffix}")
    assert expected <= files, sorted(expected - files)
    assert any(f.startswith("a_chart_files/") for f in files)
    assert not list(site.parent.glob(".outputs-*")), "no staging folder is left behind"
    csv = (site / "figures/a_chart/trend.csv").read_text()
    assert csv.splitlines()[0] == "year,value" and csv.splitlines()[-1] == "2005,7.5"


@pytest.mark.slow
def test_executed_notebook_is_clean(site: Path) -> None:
    nb = json.loads((site / "a_chart.ipynb").read_text())
    assert "papermill" not in nb["metadata"]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    rows = {r["name"]: r for r in nb["metadata"]["diaspora_run"]["parameters"]}
    assert rows["end_year"]["value"] == "2005" and rows["end_year"]["overridden"]
    assert rows["start_year"]["value"] == "2000" and not rows["start_year"]["overridden"]
    assert [c["id"] for c in nb["cells"]][2:4] == ["parameters", "injected-parameters"]
    for cell in nb["cells"]:
        assert "papermill" not in cell["metadata"] and "execution" not in cell["metadata"]
    text = (site / "a_chart.ipynb").read_text()
    assert "<matplotlib" not in text and "0x7f" not in text
    shown = [
        o["metadata"].get("diaspora_figure")
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if "metadata" in o
    ]
    assert "trend" in shown


@pytest.mark.slow
def test_rerun_gives_byte_identical_files(previous: Path) -> None:
    before = support.tree(previous)
    notebooks = support.make_notebooks(previous.parent, *support.FIXTURE_NOTEBOOKS)
    result = support.run_fixtures(notebooks, previous, *support.FIXTURE_PARAMETERS)
    assert result.returncode == 0, result.stderr
    assert support.differences(before, support.tree(previous)) == []


@pytest.mark.slow
def test_running_one_notebook_keeps_the_others(previous: Path) -> None:
    before = support.tree(previous)
    notebooks = support.make_notebooks(previous.parent, *support.FIXTURE_NOTEBOOKS)
    result = support.run_fixtures(notebooks, previous, "b_bars", "-p", "peers=[GIN, BFA, SEN]")
    assert result.returncode == 0, result.stderr
    assert re.search(r"kept +a_chart", result.stdout)
    assert re.search(r"(ran|reused) +b_bars", result.stdout)
    # the French site is carried over whole (its row in the run's language: one per report)
    assert re.search(r"kept +fr/a_chart", result.stdout)
    after = support.tree(previous)
    changed = support.differences(before, after)
    assert changed, "the rerun notebook changed"
    site_wide = ("index.html", "search-index.js")  # the index and the search list every page
    others = [n for n in changed if "b_bars" not in n and n not in site_wide]
    assert others == []
    assert "GIN" in after["figures/b_bars/peers.csv"].decode()
    index = after["index.html"].decode()
    assert 'href="a_chart.html"' in index and 'href="b_bars.html"' in index


@pytest.mark.slow
def test_failing_notebook_reports_cell_and_keeps_outputs(previous: Path) -> None:
    before = support.tree(previous)
    notebooks = support.make_notebooks(previous.parent, "a_chart", "b_bars", "c_fails")
    result = support.run_fixtures(notebooks, previous)
    assert result.returncode == 1
    assert (
        "error: c_fails: cell 4 (In [3]), which starts "
        '`raise RuntimeError("deliberate failure in fixture C")`, '
        "failed (RuntimeError): deliberate failure in fixture C"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"(ran|reused) +a_chart", result.stdout) and re.search(
        r"(ran|reused) +b_bars", result.stdout
    )
    assert re.search(r"FAILED +c_fails", result.stdout)
    assert support.differences(before, support.tree(previous)) == [], "outputs/ untouched"
    failed = previous.parent / staging.FAILED_DIR
    for name in ("a_chart.html", "b_bars.html", "c_fails.html", "c_fails.ipynb", "index.html"):
        assert (failed / name).is_file(), name
    page = (failed / "c_fails.html").read_text()
    assert "deliberate failure in fixture C" in page and "failed in this run" in page
    assert not list(previous.parent.glob(staging.STAGING_PREFIX + "*"))


@pytest.mark.slow
def test_wrong_parameter_value_stops_before_any_output(previous: Path) -> None:
    before = support.tree(previous)
    notebooks = support.make_notebooks(previous.parent, "a_chart", "b_bars")
    result = support.run_fixtures(notebooks, previous, "a_chart", "-p", "a_chart:end_year=1800")
    assert result.returncode == 1
    assert (
        "failed: Parameter 'end_year' got 1800 (int); "
        "allowed: a whole number from 1990 to 2020." in result.stderr
    )
    assert "a_chart: cell 4 (In [4]), which starts `start_year = params.check_int(" in result.stderr
    assert support.differences(before, support.tree(previous)) == []
    figures = previous.parent / staging.FAILED_DIR / "figures" / "a_chart"
    assert not figures.exists() or not any(figures.iterdir()), "no figure was written"


@pytest.mark.slow
def test_undeclared_parameter_stops_before_running(previous: Path) -> None:
    before = support.tree(previous)
    notebooks = support.make_notebooks(previous.parent, "a_chart", "b_bars")
    result = support.run_fixtures(notebooks, previous, "-p", "a_chart:end_yaer=2005")
    assert result.returncode == 2
    assert "a_chart: unknown parameter: end_yaer" in result.stderr
    assert "did you mean 'end_year'" in result.stderr
    assert "Traceback" not in result.stderr
    assert support.differences(before, support.tree(previous)) == []
    assert not list(previous.parent.glob(".outputs-*"))
