"""The runner speaks papermill's dialect (issue 16, item 6), and a value given through the
runner or plain papermill reaches the notebook as the same Python value (item 5).

With one notebook named, ``-p NAME VALUE``, ``-r NAME VALUE``, ``-y YAML`` and ``-f FILE``
work as in papermill; ``-p NOTEBOOK:NAME=VALUE`` and ``--params-file`` stay for runs of
several notebooks. A misspelt name is named in the error with the nearest declared one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import diaspora_test_support as support
import nbformat
import papermill
import pytest
import yaml
from nbformat.v4 import new_code_cell, new_notebook
from papermill.cli import _resolve_type as papermill_p

from diaspora_helpers.__main__ import _parser, main, papermill_pairs
from diaspora_helpers.publish.execution import selection as requests

# -- the command line, no kernel -----------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "params"),
    [
        (["run", "nb", "-p", "focus_year", "2012"], ["focus_year=2012"]),
        (["run", "-p", "peers", "[SEN, NER]", "nb"], ["peers=[SEN, NER]"]),
        (["run", "nb", "-p", "x", "-3"], ["x=-3"]),
        (["run", "nb", "-p", "nb:year=2012"], ["nb:year=2012"]),
        (["run", "nb", "-p", "year=2012", "-p", "label", "a=b"], ["year=2012", "label=a=b"]),
        (["run", "nb", "-p", "nb"], ["nb"]),  # incomplete: the runner explains
    ],
)
def test_papermill_pairs_are_joined(argv, params):
    args = _parser().parse_args(papermill_pairs(argv))
    assert args.params == params


def test_raw_yaml_and_flat_file_options(tmp_path: Path):
    flat = tmp_path / "flat.yaml"
    flat.write_text("target_cost_pct: 5e0\npeers: [SEN, NER]\nfocus_year: 2000\n")
    args = _parser().parse_args(
        ["run", "nb", "-f", str(flat), "-y", "focus_year: 2012", "-r", "label", "007"]
    )
    assert requests.flat_parameters(args.flat_files, args.yamls, args.raws) == {
        "target_cost_pct": 5.0,
        "peers": ["SEN", "NER"],
        "focus_year": 2012,
        "label": "007",
    }


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"yamls": ["- a\n- b"]}, "must map parameter names to values"),
        ({"yamls": ["a: [1"]}, "is not valid YAML"),
        ({"raws": [("not a name", "1")]}, "is not a parameter name"),
    ],
)
def test_flat_parameters_refuse_what_papermill_cannot_use(kwargs, expected):
    with pytest.raises(requests.RunError, match=expected):
        requests.flat_parameters(**kwargs)


def test_notebook_keyed_file_reads_an_exponent_as_a_number(tmp_path: Path):
    path = tmp_path / "params.yaml"
    path.write_text("02_remittances:\n  target_cost_pct: 5e0\n")
    assert requests.load_params_file(path) == {"02_remittances": {"target_cost_pct": 5.0}}


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return support.make_notebooks(tmp_path_factory.mktemp("dialect"), "a_chart", "b_bars")


def _mistake(notebooks: Path, tmp_path: Path, capsys, *args: str) -> str:
    """Run the command line in this process (no kernel starts); return its stderr."""
    outputs = tmp_path / "outputs"
    argv = ["run", "--quiet", "--notebooks-dir", str(notebooks), "--outputs-dir", str(outputs)]
    assert main([*argv, *args]) == 2
    message = capsys.readouterr().err
    assert "Traceback" not in message and message.startswith("error: ")
    assert not outputs.exists(), "nothing is written"
    return message


def test_misspelt_name_is_named_with_the_nearest(notebooks: Path, tmp_path: Path, capsys):
    message = _mistake(notebooks, tmp_path, capsys, "a_chart", "-p", "end_yaer", "2005")
    assert "unknown parameter: end_yaer" in message
    assert "did you mean 'end_year'" in message


def test_flat_forms_need_one_notebook(notebooks: Path, tmp_path: Path, capsys):
    message = _mistake(notebooks, tmp_path, capsys, "-y", "end_year: 2005")
    assert "-f, -y and -r set the parameters of one notebook" in message


def test_help_documents_every_form(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    for needle in ("-p focus_year 2012", "-r NAME VALUE", "-y YAML", "-f FILE", "--params-file"):
        assert needle in text, needle


# -- end to end: the same value through the runner and through plain papermill -----------

PROBE = [
    'rate: float = 3.0  # a rate, percent\npeers: list = ["SEN"]  # ISO3 codes',
    "from diaspora_helpers import params\n\n"
    "rate = params.check_float('rate', rate, minimum=0, maximum=10)\n"
    "peers = params.check_choices('peers', peers, ['SEN', 'NER', 'GIN'])\n"
    "print(repr(rate), repr(peers))",
]


def _printed(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    outputs = [o for o in nb.cells[-1].outputs if o.get("output_type") == "stream"]
    errors = [o.evalue for c in nb.cells for o in c.get("outputs", []) if "evalue" in o]
    assert not errors, errors
    return "".join(o.text for o in outputs).strip()


@pytest.mark.slow
def test_runner_and_papermill_deliver_the_same_values(tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = new_notebook(cells=[new_code_cell(source) for source in PROBE])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, folder / "probe.ipynb")
    flat = tmp_path / "flat.yaml"
    flat.write_text("rate: 5e0\n")
    runner = subprocess.Popen(
        support.cli_command("run", "--quiet", "--notebooks-dir", str(folder))
        + ["--outputs-dir", str(tmp_path / "outputs"), "probe", "-f", str(flat)]
        + ["-p", "peers", '["SEN","NER"]'],
        env=support.cli_env(),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Plain papermill, in this process: `papermill probe.ipynb plain.ipynb -f flat.yaml
    # -p peers '["SEN","NER"]'` reads -f with yaml.safe_load and -p with _resolve_type.
    plain = {**yaml.safe_load(flat.read_text()), "peers": papermill_p('["SEN","NER"]')}
    assert plain == {"rate": "5e0", "peers": '["SEN","NER"]'}, "papermill gives strings"
    papermill.execute_notebook(
        str(folder / "probe.ipynb"), str(tmp_path / "plain.ipynb"), plain, progress_bar=False
    )
    _, runner_err = runner.communicate(timeout=300)
    assert runner.returncode == 0, runner_err
    expected = "5.0 ['SEN', 'NER']"
    assert _printed(tmp_path / "outputs" / "probe.ipynb") == expected
    assert _printed(tmp_path / "plain.ipynb") == expected
