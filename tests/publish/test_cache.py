"""The execution cache (issue 21): what its key covers, intact and damaged entries, two
writers of one key, eviction; and the one executor's building of a notebook from a run."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from diaspora_helpers.publish.execution import cache as cache_module
from diaspora_helpers.publish.execution.cache import Cache, notebook_key
from diaspora_helpers.publish.execution.cleaning import RUN_METADATA, notebook_text, with_outputs


def _source(code: str = "x = 1", markdown: str = "# Title") -> nbformat.NotebookNode:
    return new_notebook(cells=[new_markdown_cell(markdown), new_code_cell(code)])


def _executed(source: nbformat.NotebookNode, shown: str = "1") -> nbformat.NotebookNode:
    ran = nbformat.from_dict(json.loads(json.dumps(source)))
    ran.cells[1].outputs = [new_output("execute_result", {"text/plain": shown}, execution_count=1)]
    ran.cells[1].execution_count = 1
    ran.metadata[RUN_METADATA] = {"parameters": [], "files": {}}
    return ran


def test_the_key_follows_code_parameters_edition_and_inputs_not_markdown() -> None:
    base = notebook_key(_source(), "02_remittances", {}, "inputs")
    assert notebook_key(_source(markdown="# Other"), "02_remittances", {}, "inputs") == base
    assert notebook_key(_source("x = 2"), "02_remittances", {}, "inputs") != base
    assert notebook_key(_source(), "02_remittances", {"focus_year": 2015}, "inputs") != base
    assert notebook_key(_source(), "fr/02_remittances", {}, "inputs") != base
    assert notebook_key(_source(), "02_remittances", {}, "other data") != base


def test_the_inputs_fingerprint_follows_the_data(tmp_path, monkeypatch) -> None:
    (tmp_path / "a.csv").write_text("x\n1\n")
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    before = cache_module.inputs_fingerprint()
    (tmp_path / "a.csv").write_text("x\n2\n")
    assert cache_module.inputs_fingerprint() != before


def test_the_environment_fingerprint_names_installed_versions(monkeypatch, tmp_path) -> None:
    before = cache_module.environment_fingerprint()
    cache_module.environment_fingerprint.cache_clear()
    (tmp_path / "pandas-0.0.1.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert "pandas==0.0.1" in cache_module.installed()
        assert cache_module.environment_fingerprint() != before
    finally:
        cache_module.environment_fingerprint.cache_clear()


def test_the_installed_versions_are_those_importlib_metadata_reports() -> None:
    """The fast reading of the folder names agrees with ``importlib.metadata`` (which
    reads every distribution's metadata file)."""
    import re
    from importlib import metadata

    reported = {
        f"{re.sub(r'[-_.]+', '_', d.metadata['Name']).lower()}=={d.version}"
        for d in metadata.distributions()
        if d.metadata["Name"]
    }
    assert reported, "no distribution found: the test would prove nothing"
    assert reported <= set(cache_module.installed())


def _put(cache: Cache, key: str, tmp_path: Path, content: str = "svg") -> None:
    files = tmp_path / f"files-{key}"
    (files / "sub").mkdir(parents=True, exist_ok=True)
    (files / "sub" / "chart.svg").write_text(content)
    cache.put(key, notebook_text(_executed(_source())), files)


def test_an_entry_comes_back_whole(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    _put(cache, "ab" * 32, tmp_path)
    hit = cache.get("ab" * 32)
    assert hit is not None
    assert (hit.files / "sub" / "chart.svg").read_text() == "svg"
    assert hit.notebook.cells[1].outputs[0]["data"]["text/plain"] == "1"
    assert cache.get("cd" * 32) is None


@pytest.mark.parametrize("damage", ["truncate file", "extra file", "no entry.json", "notebook"])
def test_a_damaged_entry_is_dropped_and_rebuilt(tmp_path: Path, damage: str) -> None:
    cache = Cache(tmp_path / "cache")
    key = "ef" * 32
    _put(cache, key, tmp_path)
    entry = tmp_path / "cache" / key[:2] / key
    if damage == "truncate file":
        (entry / "files" / "sub" / "chart.svg").write_text("")
    elif damage == "extra file":
        (entry / "files" / "stray.png").write_text("?")
    elif damage == "no entry.json":
        (entry / "entry.json").unlink()
    else:
        (entry / "notebook.ipynb").write_text("{")
    assert cache.get(key) is None
    assert not entry.exists(), "the damaged entry is removed"
    _put(cache, key, tmp_path)
    assert cache.get(key) is not None


def test_two_writers_of_one_key_leave_one_good_entry(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    key = "12" * 32
    threads = [
        threading.Thread(target=_put, args=(cache, key, tmp_path / str(n), "svg")) for n in range(8)
    ]
    for n in range(8):
        (tmp_path / str(n)).mkdir()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get(key) is not None
    assert not list((tmp_path / "cache").glob("tmp-*")), "no temporary folder left behind"


def test_eviction_keeps_the_most_recently_used(tmp_path: Path) -> None:
    import os

    cache = Cache(tmp_path / "cache")
    keys = [f"{n:02d}" * 32 for n in range(5)]
    for age, key in enumerate(keys):
        _put(cache, key, tmp_path)
        stamp = tmp_path / "cache" / key[:2] / key / "entry.json"
        os.utime(stamp, (1_000_000 + age, 1_000_000 + age))
    assert cache.get(keys[0]) is not None  # a hit makes the oldest the most recent
    assert cache.evict(max_entries=2) == 3
    assert cache.get(keys[0]) is not None and cache.get(keys[4]) is not None
    assert all(cache.get(k) is None for k in keys[1:4])


def test_a_reused_run_takes_the_current_markdown_and_the_runs_outputs() -> None:
    executed = _executed(_source(markdown="# Old title"), shown="42")
    built = with_outputs(_source(markdown="# New title"), executed, {}, {})
    assert built.cells[0].source == "# New title"
    assert built.cells[1].outputs[0]["data"]["text/plain"] == "42"
    with pytest.raises(ValueError, match="code cells"):
        with_outputs(_source("y = 3"), executed, {}, {})


def test_the_key_of_an_execution_leaves_out_what_no_kernel_imports(tmp_path) -> None:
    """A page or course change re-renders without re-running; the executor and the
    analysis still re-run (the import contract "Nothing imports publish but the command
    line" is what makes leaving the rest out safe)."""
    files = {
        "analysis/remittances.py": "a",
        "publish/site/pages.py": "b",
        "publish/course/workflow.py": "c",
        "publish/execution/execute.py": "d",
        "__main__.py": "e",
        "locale/fr/LC_MESSAGES/charts.mo": "f",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)

    def digests() -> tuple[str, str]:
        return (
            cache_module._tree_digest(tmp_path, kernel_only=True),
            cache_module._tree_digest(tmp_path),
        )

    kernel, whole = digests()
    for name in ("publish/site/pages.py", "publish/course/workflow.py", "__main__.py"):
        (tmp_path / name).write_text("changed " + name)
        now_kernel, now_whole = digests()
        assert now_kernel == kernel, name
        assert now_whole != whole, name
        whole = now_whole
    for name in (
        "analysis/remittances.py",
        "publish/execution/execute.py",
        "locale/fr/LC_MESSAGES/charts.mo",
    ):
        (tmp_path / name).write_text("changed " + name)
        now_kernel, _ = digests()
        assert now_kernel != kernel, name
        kernel = now_kernel


def test_every_outputs_folder_of_a_checkout_shares_the_checkout_s_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run into ``outputs/group_a`` (the guide's recipe) reuses what ``make run`` stored,
    and never writes its cache inside the published ``outputs/``; outside a checkout the
    cache sits beside the outputs folder; ``DIASPORA_CACHE_DIR`` wins over both."""
    monkeypatch.delenv(cache_module.CACHE_VARIABLE, raising=False)
    checkout = tmp_path / "checkout"
    (checkout / "notebooks").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\n")
    expected = checkout / ".diaspora-cache"
    assert cache_module.cache_dir(checkout / "outputs") == expected
    assert cache_module.cache_dir(checkout / "outputs" / "group_a") == expected
    assert cache_module.cache_dir(checkout / "outputs" / "a" / "b") == expected
    elsewhere = tmp_path / "elsewhere" / "site"
    assert cache_module.cache_dir(elsewhere) == tmp_path / "elsewhere" / ".diaspora-cache"
    monkeypatch.setenv(cache_module.CACHE_VARIABLE, str(tmp_path / "mine"))
    assert cache_module.cache_dir(checkout / "outputs" / "group_a") == tmp_path / "mine"
