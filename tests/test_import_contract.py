"""The layers hold: import-linter's contracts (pyproject.toml) fail on a wrong arrow, and no
notebook imports the runner (``publish``), which import-linter cannot see."""

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "diaspora_helpers",
        tmp_path / "diaspora_helpers",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is installed by make")
def test_the_package_keeps_its_contracts(tmp_path):
    result = _lint(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is installed by make")
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("analysis/audit.py", "from diaspora_helpers.charts import style", "never draws"),
        ("charts/maps.py", "from diaspora_helpers.publish import site", "but the command line"),
        ("data/countries.py", "from diaspora_helpers.analysis import audit", "Layers"),
        (
            "publish/execution/selection.py",
            "from diaspora_helpers.publish.course import workflow",
            "import each other",
        ),
    ],
)
def test_a_wrong_import_breaks_a_contract(tmp_path, module, line, contract):
    tree = _copy(tmp_path)
    path = tree / "diaspora_helpers" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0
    broken = [ln for ln in result.stdout.splitlines() if "BROKEN" in ln]
    assert broken, result.stdout
    assert contract in result.stdout.split("Contracts:")[0], result.stdout


def _notebook_imports(path: Path) -> set[str]:
    modules = set()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Import):
                modules |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules.add(node.module)
                modules |= {f"{node.module}.{a.name}" for a in node.names}
    return modules


def test_the_notebook_check_sees_an_import_of_publish(tmp_path):
    cell = {
        "cell_type": "code",
        "source": ["%matplotlib inline\n", "from diaspora_helpers.publish import site\n"],
    }
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    assert "diaspora_helpers.publish.site" in _notebook_imports(path)


@pytest.mark.parametrize(
    "notebook", sorted((ROOT / "notebooks").rglob("*.ipynb")), ids=lambda p: p.name
)
def test_no_notebook_imports_publish(notebook):
    found = {m for m in _notebook_imports(notebook) if m.startswith("diaspora_helpers.publish")}
    assert not found, f"{notebook.name} imports {sorted(found)}: notebooks never import publish"


#: gettext's conventional names, public by convention though they start with an underscore.
GETTEXT_NAMES = {"diaspora_helpers.i18n._", "diaspora_helpers.i18n.N_"}


def _private_imports(path: Path) -> list[str]:
    """Return ``module.name`` for every private name ``path`` imports from another module of
    the package (``from diaspora_helpers.x import _name``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("diaspora_helpers"):
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_no_module_imports_another_modules_private_names():
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "diaspora_helpers").rglob("*.py"))
        if (names := [n for n in _private_imports(path) if n not in GETTEXT_NAMES])
    }
    assert offenders == {}


def test_the_private_names_check_sees_one(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("from diaspora_helpers.publish.execution.staging import _exchange\n")
    assert _private_imports(path) == ["diaspora_helpers.publish.execution.staging._exchange"]
