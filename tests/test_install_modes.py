"""The package works however it is installed (issue 16, item 1).

A wheel built from the checkout (not an editable install) is installed into a fresh
virtual environment, which borrows the project venv's third-party packages through a
``.pth`` file. Used from another folder, the helpers find their tables inside the package;
the runner finds no notebooks there and says so in one line; with ``--notebooks-dir`` it
writes beside the working directory, never inside ``site-packages``.

Slow (about 15 s): ``.ci/run`` runs it after ``make test`` with ``DIASPORA_INSTALL_TEST=1``;
``make test`` skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import diaspora_test_support as support
import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DIASPORA_INSTALL_TEST"),
        reason="builds and installs a wheel (~15 s): .ci/run runs it after make test "
        "(DIASPORA_INSTALL_TEST=1)",
    ),
]

ROOT = support.PROJECT
BUILD_INPUTS = ["pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"]


def _copy_sources(target: Path) -> None:
    """Copy what a build needs (as an sdist would carry it) into ``target``."""
    target.mkdir(parents=True)
    for name in BUILD_INPUTS:
        shutil.copy(ROOT / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "tables")
    shutil.copytree(ROOT / "diaspora_helpers", target / "diaspora_helpers", ignore=ignore)
    (target / "data" / "fr").mkdir(parents=True)
    data = ROOT / "data"
    for path in [data / "datapackage.json", *data.glob("*.csv"), *data.glob("fr/*.csv")]:
        shutil.copy(path, target / "data" / path.relative_to(data))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the wheel once and install it into a fresh venv; return its paths."""
    root = tmp_path_factory.mktemp("install")
    _copy_sources(root / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(root / "dist")]
        + [str(root / "src")],
        check=True,
        cwd=root,
    )
    wheel = next((root / "dist").glob("diaspora_helpers-*.whl"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The project venv's packages (pandas, papermill...), but not its editable hook.
    (site / "project-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-compile", "--target", str(site), str(wheel)],
        check=True,
    )
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return {"python": python, "site": site, "cwd": elsewhere}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIASPORA_")}
    env.pop("PYTHONPATH", None)
    return env


def _run(installed: dict[str, Path], *args: str, cwd: Path | None = None):
    return subprocess.run(
        [str(installed["python"]), *args],
        cwd=cwd or installed["cwd"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _files(site: Path) -> set[str]:
    return {
        str(p.relative_to(site))
        for p in site.rglob("*")
        if "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


LOAD_EVERYTHING = """
import diaspora_helpers
from diaspora_helpers.analysis import key_figures
from diaspora_helpers.data import loader
print(diaspora_helpers.__file__)
print(len(key_figures.key_figures()))
tables = loader.load_all()
print(len(tables), sum(len(t) for t in tables.values()))
print(loader.data_dir())
diaspora_helpers.setup(language="fr")
from diaspora_helpers import i18n, text
print(loader.load("events").set_index("id").at["women_forum_2016_07", "label"])
print(i18n._("no value in the source"), text.percent(16.3))
"""


def test_installed_wheel_loads_every_table_from_another_folder(installed):
    result = _run(installed, "-c", LOAD_EVERYTHING)
    assert result.returncode == 0, result.stderr
    module, key_rows, tables, data, event, words = result.stdout.split("\n")[:6]
    assert module.startswith(str(installed["site"])), "not the installed wheel"
    assert int(key_rows) > 0
    described = len([*(ROOT / "data").glob("*.csv"), *(ROOT / "data").glob("fr/*.csv")])
    assert int(tables.split()[0]) == described
    assert data.startswith(str(installed["site"]))
    # The French edition works from the wheel: data/fr/ and the compiled catalogs are in it.
    english = (ROOT / "data" / "events.csv").read_text(encoding="utf-8")
    assert event and event not in english
    assert words == "pas de valeur dans la source 16,3\u00a0%"


def test_runner_without_notebooks_says_so_in_one_line(installed):
    result = _run(installed, "-m", "diaspora_helpers", "run", "--quiet")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "no notebooks/ folder" in result.stderr and "--notebooks-dir" in result.stderr


def test_runner_writes_beside_the_cwd_never_in_site_packages(installed, tmp_path):
    notebooks = support.make_notebooks(tmp_path / "given", "a_chart", "c_fails")
    work = tmp_path / "work"
    work.mkdir()
    before = _files(installed["site"])
    result = _run(
        installed,
        "-m",
        "diaspora_helpers",
        "run",
        "--quiet",
        "--notebooks-dir",
        str(notebooks),
        cwd=work,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "c_fails" in result.stderr
    assert (work / ".outputs-failed" / "a_chart.ipynb").is_file()
    assert (work / ".outputs-failed" / "glossary.html").is_file(), "the packaged glossary"
    assert not (work / "outputs").exists(), "a failed run publishes nothing"
    assert _files(installed["site"]) == before, "the run wrote inside site-packages"
