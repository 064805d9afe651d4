"""Nothing in the user's environment changes what the collection shows (issue 16, item 3).

A small notebook that calls ``charts.apply_style()`` (as every topic notebook does) and
shows a table, a chart and the settings they depend on is executed the way nbconvert and
nbval execute notebooks (nbclient, one kernel each), once in a clean environment and once
per kind of user configuration:

- a ``HOME`` that cannot be written (matplotlib's cache warning must not reach a cell);
- ``MPLBACKEND=Agg`` inherited (the chart must still be stored inline);
- an IPython startup file that sets a pandas display option;
- a ``matplotlibrc`` in the working directory that changes colours and font size.

Every output (text, HTML, streams and the PNG bytes) must equal the clean run's, with
nothing on stderr. The five kernels run at once, in threads, so this costs one kernel's time.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import diaspora_test_support as support
import matplotlib
import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

pytestmark = pytest.mark.slow

CELLS = [
    # As in every notebook, the helpers are imported first.
    "from diaspora_helpers import charts\n\nimport matplotlib as mpl\nimport pandas as pd\n\n"
    'table = pd.DataFrame({"share": [0.123456, 1.5], "label": ["a" * 60, "b"]})\n'
    "table",  # as an exercise notebook shows it, without the house style
    "charts.apply_style()\ntable",
    'fig, ax = charts.titled_figure("Probe", "Share, percent", "test data")\n'
    'ax.bar(["a", "b"], [0.25, 0.5])\n'
    'charts.show(fig, "probe", pd.DataFrame({"x": [1]}))',
    'print("inline" in mpl.get_backend(), mpl.rcParams["axes.facecolor"],\n'
    '      mpl.rcParams["font.size"], pd.get_option("display.precision"))',
]
CASES = ["clean", "home_not_writable", "mplbackend_agg", "ipython_startup", "matplotlibrc"]


def _environment(case: str, root: Path) -> tuple[dict[str, str], Path]:
    """Return the kernel's environment and working directory for one case."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIASPORA_", "MPL"))}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(support.PROJECT), env.get("PYTHONPATH")) if p
    )
    home = root / "home"
    home.mkdir(parents=True)
    env.update(HOME=str(home), IPYTHONDIR=str(home / "ipython"))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    # This process's matplotlib cache: its font list is built already.
    env["MPLCONFIGDIR"] = matplotlib.get_cachedir()
    cwd = root / "cwd"
    cwd.mkdir()
    if case == "home_not_writable":
        blocker = root / "a_file"
        blocker.write_text("HOME points below a file: nothing can be created there\n")
        env.pop("MPLCONFIGDIR")
        env["HOME"] = str(blocker / "home")
    elif case == "mplbackend_agg":
        env["MPLBACKEND"] = "Agg"
    elif case == "ipython_startup":
        startup = home / "ipython" / "profile_default" / "startup"
        startup.mkdir(parents=True)
        (startup / "00-user.py").write_text(
            'import pandas as pd\npd.set_option("display.precision", 2)\n'
        )
    elif case == "matplotlibrc":
        (cwd / "matplotlibrc").write_text("axes.facecolor: ffe0e0\nfont.size: 17\n")
    return env, cwd


def _execute(case: str, root: Path) -> nbformat.NotebookNode:
    env, cwd = _environment(case, root / case)
    nb = new_notebook(cells=[new_code_cell(source) for source in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    return client.execute(env=env, cwd=str(cwd))


def _outputs(nb: nbformat.NotebookNode) -> list[list[dict]]:
    kept = []
    for cell in nb.cells:
        shown = []
        for output in cell.outputs:
            if output.output_type == "stream":
                shown.append({output.name: output.text})
            elif output.output_type in ("execute_result", "display_data"):
                shown.append({k: v for k, v in output.data.items()})
            else:
                shown.append({output.output_type: output.get("evalue", "")})
        kept.append(shown)
    return kept


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[dict]]]:
    root = tmp_path_factory.mktemp("leakage")
    with ThreadPoolExecutor(max_workers=len(CASES)) as pool:
        runs = {case: pool.submit(_execute, case, root) for case in CASES}
        return {case: _outputs(future.result()) for case, future in runs.items()}


def test_clean_run_shows_a_table_a_chart_and_the_settings(executed):
    clean = executed["clean"]
    assert any("image/png" in o for o in clean[2]), "the chart is not stored inline"
    settings = clean[3][0]["stdout"].split()
    assert settings == ["True", "white", "10.0", "6"]


@pytest.mark.parametrize("case", CASES[1:])
def test_user_environment_changes_no_output(executed, case):
    outputs, clean = executed[case], executed["clean"]
    stderr = [o["stderr"] for cell in outputs for o in cell if "stderr" in o]
    assert not stderr, f"{case}: stderr reached the outputs: {stderr}"
    for index, (got, expected) in enumerate(zip(outputs, clean, strict=True)):
        assert got == expected, f"{case}: cell {index + 1} differs: {got} != {expected}"
