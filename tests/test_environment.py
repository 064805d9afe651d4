"""The conda environment, the pyproject, the lock and the Makefile agree.

pyproject.toml declares the runtime packages, the ``dev`` extra (tests and linters), the
``build`` extra and the ``lab`` extra (JupyterLab's French menus); requirements.lock pins all
of them and everything they pull in; environment.yml brings the runtime, dev and lab packages
for Binder. The Python floor in ``requires-python`` is the
one the Makefile's gate checks, and every locked package must install on it.
"""

import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _requirements(group: str) -> dict[str, Requirement]:
    """The requirements of ``runtime`` or of an extra, by canonical name."""
    project = _project()
    if group == "runtime":
        lines = project["dependencies"]
    else:
        lines = project["optional-dependencies"][group]
    requirements = [Requirement(line) for line in lines]
    assert requirements, f"pyproject.toml declares no {group} requirement"
    return {canonicalize_name(r.name): r for r in requirements}


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _environment_requirements() -> dict[str, Requirement]:
    requirements: dict[str, Requirement] = {}
    for dep in _environment()["dependencies"]:
        lines = dep["pip"] if isinstance(dep, dict) else [dep]
        for line in lines:
            if not line.startswith("-e"):
                requirement = Requirement(line)
                name = canonicalize_name(requirement.name)
                assert name not in requirements, f"environment.yml names {name} twice"
                requirements[name] = requirement
    return requirements


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s=<>!~;]+)", line.strip())
            assert match, f"requirements.lock: {line!r} is not an exact name==version pin"
            pins[canonicalize_name(match[1])] = Version(match[2])
    return pins


def _python_floor() -> Version:
    """The version in requires-python, which must be a single ``>=`` bound."""
    specifiers = list(SpecifierSet(_project()["requires-python"]))
    assert len(specifiers) == 1 and specifiers[0].operator == ">=", (
        "requires-python should be a single floor, >=X.Y.Z"
    )
    return Version(specifiers[0].version)


def _makefile_floor() -> str:
    found = re.findall(r"^PYTHON_FLOOR\s*:?=\s*(\S+)\s*$", (ROOT / "Makefile").read_text(), re.M)
    assert len(found) == 1, "the Makefile should set PYTHON_FLOOR once"
    return found[0]


def test_environment_yml_names_the_runtime_and_dev_packages():
    expected = _requirements("runtime").keys() | _requirements("dev").keys()
    expected |= _requirements("lab").keys()  # Binder opens JupyterLab: its French menus too
    named = _environment_requirements().keys() - {"python", "pip"}
    assert named == expected, (
        f"missing from environment.yml: {sorted(expected - named)}; "
        f"not in pyproject's runtime or dev: {sorted(named - expected)}"
    )


def test_environment_yml_asks_for_the_pyproject_lower_bounds():
    declared = _requirements("runtime") | _requirements("dev") | _requirements("lab")
    environment = _environment_requirements()
    differ = {
        name: (str(environment[name].specifier), str(declared[name].specifier))
        for name in declared.keys() & environment.keys()
        if environment[name].specifier != declared[name].specifier
    }
    assert not differ, f"environment.yml and pyproject.toml disagree (yml, toml): {differ}"


def test_environment_installs_the_project_itself():
    env = _environment()
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    assert env["channels"] == ["conda-forge"]


def test_environment_python_is_the_requires_python_floor():
    python = _environment_requirements()["python"]
    assert python.specifier == SpecifierSet(f">={_python_floor()}")


def test_runtime_and_dev_packages_are_apart():
    both = _requirements("runtime").keys() & _requirements("dev").keys()
    assert not both, f"declared both at run time and in the dev extra: {sorted(both)}"


def test_lock_pins_every_requirement_exactly():
    pins = _pins()
    declared = _requirements("runtime") | _requirements("dev") | _requirements("build")
    declared |= _requirements("lab")
    missing = sorted(name for name in declared if name not in pins)
    assert not missing, f"requirements.lock lacks exact pins for {missing}: run make lock"


def test_lock_pins_satisfy_the_pyproject_lower_bounds():
    pins = _pins()
    declared = _requirements("runtime") | _requirements("dev") | _requirements("build")
    declared |= _requirements("lab")
    below = {
        name: f"{pins[name]} does not satisfy {requirement}"
        for name, requirement in declared.items()
        if name in pins and not requirement.specifier.contains(pins[name], prereleases=True)
    }
    assert not below, f"requirements.lock pins outside pyproject's bounds: {below}"


def test_installed_packages_are_the_locked_versions():
    """The test environment is made from the lock, so the metadata read below is the lock's."""
    wrong = {}
    for name, version in _pins().items():
        try:
            installed = Version(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = f"locked {version}, installed {installed}"
    assert not wrong, f"this environment is not the lock's (rm -rf .venv, then make): {wrong}"


def test_every_locked_package_installs_on_the_python_floor():
    floor = _python_floor()
    excluded = {}
    for name in _pins():
        try:
            requires_python = importlib.metadata.metadata(name)["Requires-Python"]
        except importlib.metadata.PackageNotFoundError:
            pytest.fail(f"{name} is locked but not installed here: recreate .venv from the lock")
        if requires_python and not SpecifierSet(requires_python).contains(floor, prereleases=True):
            excluded[name] = requires_python
    assert not excluded, (
        f"these pins need more than Python {floor} (requires-python): {excluded}; "
        "pin the newest version that admits the floor, or raise the floor everywhere"
    )


def test_makefile_gate_checks_the_requires_python_floor():
    assert Version(_makefile_floor()) == _python_floor()
    makefile = (ROOT / "Makefile").read_text()
    stamp_rule = makefile[makefile.index("$(STAMP):") :].split("\n\n", 1)[0]
    assert "$(FLOOR_GATE)" in stamp_rule, "the install rule no longer runs the Python gate"
    assert "--python-version $(PYTHON_FLOOR)" in makefile, "make lock should resolve for the floor"


def _stamp_commands(tmp_path: Path, floor: str) -> list[str]:
    """The commands make would run to create a venv in tmp_path, with the given floor."""
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", f"{venv}/.installed", f"VENV={venv}"]
        + [f"PYTHON={sys.executable}", f"PYTHON_FLOOR={floor}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("newer", [False, True])
def test_makefile_gate_stops_a_python_below_the_floor(tmp_path, newer):
    running = "{}.{}.{}".format(*sys.version_info[:3])
    floor = "{}.{}.{}".format(*sys.version_info[:2], sys.version_info[2] + 1) if newer else running
    gate = _stamp_commands(tmp_path, floor)[0]
    assert "sys.version_info" in gate, f"the first install step is not the gate: {gate}"
    result = subprocess.run(gate, shell=True, capture_output=True, text=True)
    if newer:
        assert result.returncode != 0
        assert f"Python {floor} or newer is needed" in result.stderr
        assert f"is Python {running}" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
    assert not (tmp_path / "venv").exists()


def test_notebooks_use_the_standard_kernel():
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert paths, "no notebooks found"
    for path in paths:
        spec = json.loads(path.read_text())["metadata"]["kernelspec"]
        assert spec["name"] == "python3", path.name
