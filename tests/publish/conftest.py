"""Fixtures of the runner's end-to-end tests: the fixture notebooks' published outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import diaspora_test_support as support
import docs_support as docs
import pytest


@pytest.fixture(scope="module")
def site() -> Path:
    """The fixture notebooks' published outputs (one runner invocation, shared)."""
    return support.fixture_site()


@pytest.fixture
def previous(site: Path, tmp_path: Path) -> Path:
    """A copy of a published outputs/ that a test may try to damage."""
    target = tmp_path / "outputs"
    shutil.copytree(site, target)
    return target


@pytest.fixture(scope="module")
def docs_checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout in which one document's shell commands run (one per test
    module: the README's, each guide's; see ``docs_support``)."""
    return docs.checkout(tmp_path_factory.mktemp("checkout"))
