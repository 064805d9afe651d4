"""The command line: every option explained, and a clear message with exit status 2 (never a
traceback) for each mistake a user can make (issue 9, "The command line")."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import diaspora_test_support as support
import nbformat
import pytest

from diaspora_helpers.__main__ import _parser, main


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process as ``python -m diaspora_helpers ARGV`` would
    (argparse's help and usage errors exit): (status, stdout, stderr). The real process is
    tried by :func:`test_console_script_is_installed` and :func:`test_unknown_notebook`."""
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("command", ["run", "bench"])
def test_help_explains_every_option(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, text, _ = _in_process(capsys, command, "--help")
    assert status == 0
    sub = _subparsers()[command]
    for action in sub._actions:
        for option in action.option_strings:
            assert option in text, option
        if action.help and action.help != argparse.SUPPRESS and action.option_strings:
            first_words = action.help.split("(")[0].strip()[:30]
            assert first_words in " ".join(text.split()), action.dest


def test_top_level_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, text, _ = _in_process(capsys, "--help")
    assert status == 0
    assert "run" in text and "bench" in text


def test_run_help_documents_parameters_and_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _in_process(capsys, "run", "--help")[1]
    for needle in ("NOTEBOOK:NAME=VALUE", "FILE.yaml", "exit status", ".outputs-failed"):
        assert needle in text


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "diaspora-run"
    if not script.exists():
        support.prerequisite_missing("the package is not installed here (pip install -e .)")
    result = support.subprocess.run(
        [str(script), "run", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "--params-file" in result.stdout


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return support.make_notebooks(tmp_path_factory.mktemp("cli"), "a_chart", "b_bars")


@pytest.fixture
def mistake(capsys: pytest.CaptureFixture[str]):
    """Run the command line in this process (the mistakes are found before any kernel
    starts) and return its error message, checking status 2, no traceback, no output."""

    def check(notebooks: Path, tmp_path: Path, *args: str) -> str:
        argv = ["run", "--quiet", "--notebooks-dir", str(notebooks)]
        argv += ["--outputs-dir", str(tmp_path / "outputs"), *args]
        assert main(argv) == 2
        stderr = capsys.readouterr().err
        assert "Traceback" not in stderr
        assert stderr.startswith("error: ")
        assert not (tmp_path / "outputs").exists(), "nothing is written"
        return stderr

    return check


def test_unknown_notebook(notebooks: Path, tmp_path: Path) -> None:
    """The one mistake also checked through a real ``python -m diaspora_helpers``."""
    result = support.run_fixtures(notebooks, tmp_path / "outputs", "a_chrat")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "outputs").exists(), "nothing is written"
    message = result.stderr
    assert "unknown notebook: a_chrat" in message
    assert "did you mean 'a_chart'" in message
    assert "known notebooks: a_chart, b_bars" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        ("DIR", "is a folder, not a YAML file"),
        ("a_chart: {end_year: [1, 2\n", "is not valid YAML"),
        ("- a_chart\n", "must map notebook names to their parameters"),
        ("a_chart: 2005\n", "the entry for 'a_chart' must map parameter names to values"),
        ("z_chart:\n  year: 1\n", "unknown notebook: z_chart"),
        (b"a_chart:\n  label: \xff\n", "cannot read parameter file"),
    ],
)
def test_unreadable_params_file(
    mistake, notebooks: Path, tmp_path: Path, content: str | bytes | None, expected: str
) -> None:
    path = support.write_params_file(tmp_path / "params.yaml", content)
    assert expected in mistake(notebooks, tmp_path, "--params-file", str(path))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-p", "a_chart"], "expected NOTEBOOK:NAME=VALUE"),
        (["-p", "end_year=2005"], "say which notebook the parameter is for"),
        (["-p", "a_chart:end year=1"], "'end year' is not a parameter name"),
        (["-p", "x_chart:end_year=1"], "unknown notebook: x_chart"),
        (["b_bars", "-p", "a_chart:end_year=2005"], "a_chart is not among the notebooks"),
        (["-p", "a_chart:peers=[SEN"], "cannot read the value"),
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["-p", "b_bars:peer=[SEN]"], "b_bars: unknown parameter: peer"),
    ],
)
def test_bad_arguments(
    mistake, notebooks: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    assert expected in mistake(notebooks, tmp_path, *args)


def test_missing_notebooks_dir(mistake, tmp_path: Path) -> None:
    message = mistake(tmp_path / "nowhere", tmp_path)
    assert "notebook folder" in message and "does not exist" in message


def test_broken_notebook_file(mistake, tmp_path: Path) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "broken.ipynb").write_text("{ not json")
    assert "cannot read notebook" in mistake(folder, tmp_path, "-p", "broken:x=1")


def test_argparse_errors_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _in_process(capsys, "run", "--jobs", "two")
    assert status == 2 and "invalid int value" in err
    assert "Traceback" not in err


def test_a_data_file_the_loader_cannot_read_stops_the_run_in_one_line(tmp_path: Path) -> None:
    """A glossary re-saved with ';' separators: one error naming the file and the fix, no
    traceback, nothing published (the pages are prepared before any kernel starts)."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("datapackage.json", "glossary.csv"):
        (data / name).write_bytes((support.FIXTURE_DATA / name).read_bytes())
    text = (data / "glossary.csv").read_text(encoding="utf-8")
    (data / "glossary.csv").write_text(text.replace(",", ";"), encoding="utf-8")
    notebooks = support.make_notebooks(tmp_path, "a_chart")
    ran = tmp_path / "a kernel ran"
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"open({str(ran)!r}, 'w')")])
    nbformat.write(probe, notebooks / "probe.ipynb")
    result = support.cli(
        "run",
        "--notebooks-dir",
        str(notebooks),
        "--outputs-dir",
        str(tmp_path / "outputs"),
        "--quiet",
        env=support.cli_env(DIASPORA_DATA_DIR=str(data)),
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: data/glossary.csv, line 1: the columns are separated")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "outputs" / "a_chart.html").exists()
    assert not ran.exists(), "a notebook ran before the bad data file was found"


IRI_CHECK = """
import sys
from diaspora_helpers.__main__ import skip_iri_syntax_checker
skip_iri_syntax_checker()
import nbformat
notebook = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(notebook)
del notebook.cells[0]["source"]
try:
    nbformat.validate(notebook)
except nbformat.ValidationError:
    print("invalid refused")
print("loaded" if sys.modules.get("rfc3987_syntax") else "not loaded")
"""


def test_the_command_line_validates_notebooks_without_the_iri_syntax_package() -> None:
    """jsonschema's optional IRI checker (rfc3987_syntax, ~2 s to import) stays unloaded in
    the command line's process, and notebook validation still accepts a notebook and
    refuses a broken one."""
    notebook = support.PROJECT / "notebooks" / "00_overview.ipynb"
    result = subprocess.run(
        [sys.executable, "-c", IRI_CHECK, str(notebook)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["invalid refused", "not loaded"], result.stdout
