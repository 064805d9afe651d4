"""The cache, end to end (issue 21): a run that reuses every execution gives the same bytes
as a fresh run, and the stored notebooks agree with a fresh run of the collection (the
check nbval made by executing them a second time, made here on the run the other tests
already share)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.execution import selection
from diaspora_helpers.publish.execution.cleaning import OUTPUT_RULES, STYLER_RULE


@pytest.mark.slow
def test_a_run_from_the_cache_is_byte_identical_to_a_fresh_run() -> None:
    first = support.tree(support.collection_site())
    outputs, result = support.collection_cached_run()
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Ran 0 notebooks" in result.stdout, result.stdout
    keys = [selection.notebook_key(p) for p in selection.discover(support.collection_notebooks())]
    for key in keys:
        # each row in its notebook's edition: "réutilisé" for a French one
        assert re.search(rf"(reused|réutilisé) +{re.escape(key)}\b", result.stdout), key
    assert support.differences(first, support.tree(outputs)) == []


_IGNORED_MIME = re.compile(r"^image/")
_RULES = [(re.compile(p), r) for _, p, r in (*OUTPUT_RULES, STYLER_RULE)]


def _sanitised(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def _outputs(nb: dict) -> list[list[dict]]:
    """Every code cell's outputs, as nbval compares them: images and metadata left out,
    text sanitised by the executor's rules."""
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        shown = []
        for output in cell.get("outputs", []):
            item = {"type": output["output_type"]}
            if "text" in output:
                item["text"] = _sanitised("".join(output["text"]))
            for mime, value in sorted(output.get("data", {}).items()):
                if not _IGNORED_MIME.match(mime):
                    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
                    item[mime] = _sanitised("".join(text) if isinstance(text, list) else text)
            if output["output_type"] == "error":
                item["error"] = f"{output['ename']}: {output['evalue']}"
            shown.append(item)
        cells.append(shown)
    return cells


def _stored(key: str) -> Path:
    return support.PROJECT / "notebooks" / f"{key}.ipynb"


_KEYS = [selection.notebook_key(p) for p in selection.discover(support.PROJECT / "notebooks")]


@pytest.mark.slow
@pytest.mark.parametrize("key", _KEYS)
def test_stored_outputs_match_a_fresh_run(key: str) -> None:
    executed = support.collection_site() / f"{key}.ipynb"
    stored = json.loads(_stored(key).read_text(encoding="utf-8"))
    ran = json.loads(executed.read_text(encoding="utf-8"))
    assert _outputs(copy.deepcopy(stored)) == _outputs(ran), (
        f"notebooks/{key}.ipynb's stored outputs differ from a fresh run: make refresh"
    )
