"""The real collection, end to end: it runs with the network unavailable, and a second run
(of a few notebooks, over a copy of the first run's outputs, every page rebuilt) gives
byte-identical outputs. Both read one shared first run (``support.collection_site``)."""

from __future__ import annotations

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.execution import selection as requests


@pytest.mark.slow
def test_collection_runs_with_the_network_unavailable() -> None:
    reason = support.network_namespace_available()
    if reason is not None:
        support.prerequisite_missing(f"no network namespace for the offline run: {reason}")
    _, offline, result = support.collection_second_run()
    assert offline
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.slow
def test_collection_rerun_is_byte_identical() -> None:
    first = support.tree(support.collection_site())
    outputs, _, result = support.collection_second_run()
    assert result.returncode == 0, result.stderr + result.stdout
    assert support.differences(first, support.tree(outputs)) == []
    keys = [requests.notebook_key(p) for p in requests.discover(support.collection_notebooks())]
    assert any(key.startswith("fr/") for key in keys), "the French edition was not run"
    for key in keys:  # both editions: 01_demographics.html and fr/01_demographics.html
        assert f"{key}.ipynb" in first and f"{key}.html" in first
