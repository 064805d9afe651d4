"""Version bounds say what the stored outputs need (issue 16, item 4).

The stored notebooks show what pandas, matplotlib, the kernel and the notebook tools of
requirements.lock produced (with pandas 3.0 a table of the solutions notebook shows another
header, for example). So for the packages that shape the outputs, pyproject.toml's lower
bound is the locked minor version: an environment the bounds allow reproduces the outputs.
"""

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, Version]:
    text = (ROOT / "requirements.lock").read_text()
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)$", text, re.M)
    return {canonicalize_name(name): Version(version) for name, version in pins}


def _pyproject() -> dict[str, Requirement]:
    lines = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def _environment() -> dict[str, Requirement]:
    found: dict[str, Requirement] = {}
    for dep in yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]:
        for line in dep["pip"] if isinstance(dep, dict) else [dep]:
            if not line.startswith("-e"):
                requirement = Requirement(line)
                found[canonicalize_name(requirement.name)] = requirement
    return found


#: Packages whose version changes what a stored output shows.
SHAPE_OUTPUTS = ["pandas", "matplotlib", "nbconvert", "ipykernel", "papermill"]


def _lower_bound(specifier) -> Version:
    floors = [Version(s.version) for s in specifier if s.operator in (">=", "==", "~=")]
    assert floors, f"no lower bound in {specifier}"
    return max(floors)


@pytest.mark.parametrize("name", SHAPE_OUTPUTS)
def test_lower_bound_is_the_locked_minor_version(name):
    locked = _pins()[name]
    for where, requirement in (
        ("pyproject.toml", _pyproject()[name]),
        ("environment.yml", _environment()[name]),
    ):
        floor = _lower_bound(requirement.specifier)
        assert floor.release[:2] == locked.release[:2], (
            f"{where} lets {name} {floor} in, but the stored outputs were made with "
            f"{locked}: raise the bound to {name}>={locked.major}.{locked.minor}"
        )
