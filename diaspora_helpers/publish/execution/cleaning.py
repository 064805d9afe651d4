"""What makes two runs of a notebook give the same bytes: the output rules and the cleaning.

:data:`OUTPUT_RULES` are the texts that legitimately differ between runs (temporary cell
files, memory addresses); :func:`clean` applies them to an executed notebook with the
other normalisations (timing metadata dropped, fixed kernel metadata, the injected cell's
fixed id, pandas ``Styler`` ids numbered in order, matplotlib reprs dropped), and
:func:`nbval_sanitize_text` writes the same rules as nbval's sanitising file
(``tests/nbval_sanitize.cfg``, generated; a test compares them). :func:`with_outputs` puts
a stored run's outputs under a notebook's current Markdown (the cache's path), cleaned the
same way, so a reused result and a fresh one are the same bytes.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import nbformat
from nbformat import NotebookNode
from papermill.parameterize import parameterize_notebook

from diaspora_helpers.publish.notebook_tags import INJECTED_TAG, RUN_METADATA

KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}

#: The output rules: (name, pattern, replacement) for text that legitimately differs
#: between runs. The executor applies them to every executed notebook, and nbval's
#: sanitising file (tests/nbval_sanitize.cfg) is generated from them.
OUTPUT_RULES: tuple[tuple[str, str, str], ...] = (
    ("ipykernel temporary files", r"(?:/[^\s:'\"]*)?/ipykernel_\d+/\d+\.py", "<cell>"),
    ("memory addresses", r"\b0x[0-9a-fA-F]{6,16}\b", "0xADDRESS"),
)
_KERNEL_PATH = re.compile(OUTPUT_RULES[0][1])
_ADDRESS = re.compile(OUTPUT_RULES[1][1])
#: pandas Styler ids are numbered in order of appearance (T_s1, T_s2...), not replaced by
#: one constant, so two tables of a notebook keep distinct CSS; nbval sees them as T_STYLER.
_STYLER_ID = re.compile(r"\bT_([0-9a-f]{5})(?![0-9a-zA-Z])")
STYLER_RULE = ("pandas styler ids", r"T_(?:[0-9a-f]{5}|s\d+)\b", "T_STYLER")


def nbval_sanitize_text() -> str:
    """Return the text of ``tests/nbval_sanitize.cfg``, generated from :data:`OUTPUT_RULES`."""
    lines = ["# Generated from diaspora_helpers.publish.execution.cleaning.OUTPUT_RULES: do not"]
    lines.append("# edit; a test fails when this file and the rules differ.")
    for name, pattern, replacement in (*OUTPUT_RULES, STYLER_RULE):
        lines += ["", f"[{name}]", f"regex: {pattern}", f"replace: {replacement}"]
    return "\n".join(lines) + "\n"


_NOISE_REPR = re.compile(
    r"^\s*\[?\s*(?:<(?:matplotlib\.|Axes\b|Figure\b|\w*Container\b)[^<>]*>[,\s]*)+\]?\s*$"
    r"|^\s*Text\(.*\)\s*$",
    re.DOTALL,
)


def with_outputs(
    current: NotebookNode,
    executed: NotebookNode,
    parameters: dict[str, Any],
    parameter_info: dict[str, dict[str, Any]],
) -> NotebookNode:
    """Return ``current`` (a source notebook) parameterized like the run and carrying the
    outputs of ``executed`` (a run of the same code cells), cleaned as a run is."""
    nb = copy.deepcopy(current)
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL_NAME, language="python")
    now = [c for c in nb.cells if c.cell_type == "code"]
    then = [c for c in executed.cells if c.cell_type == "code"]
    if [c.source for c in now] != [c.source for c in then]:
        raise ValueError("the executed notebook does not have the source's code cells")
    for cell, ran in zip(now, then, strict=True):
        cell.outputs = copy.deepcopy(ran.get("outputs", []))
        cell.execution_count = ran.get("execution_count")
        for name in ("papermill", "execution"):
            cell.metadata.pop(name, None)
    nb.metadata = copy.deepcopy(executed.metadata)
    clean(nb, parameters, parameter_info)
    nb.metadata[RUN_METADATA]["files"] = dict(executed.metadata[RUN_METADATA].get("files", {}))
    return nb


def notebook_text(nb: NotebookNode) -> str:
    """Return ``nb`` as the stable JSON text the project writes (ends with a newline)."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _value_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def parameters_as_run(
    parameters: dict[str, Any], parameter_info: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Return one row per declared parameter: name, type, default, value used, help."""
    rows = []
    for name, info in parameter_info.items():
        overridden = name in parameters
        rows.append(
            {
                "name": name,
                "type": info.get("inferred_type_name") or "",
                "default": info.get("default") or "",
                "value": _value_repr(parameters[name]) if overridden else info.get("default"),
                "overridden": overridden,
                "help": info.get("help") or "",
            }
        )
    return rows


def clean(
    nb: NotebookNode, parameters: dict[str, Any], parameter_info: dict[str, dict[str, Any]]
) -> None:
    """Strip run-specific metadata and normalise outputs so reruns give the same bytes."""
    meta = nb.metadata
    for key in ("papermill", "widgets"):
        meta.pop(key, None)
    meta["kernelspec"] = dict(KERNELSPEC)
    if "language_info" in meta:
        meta["language_info"].pop("version", None)
    meta[RUN_METADATA] = {"parameters": parameters_as_run(parameters, parameter_info)}
    styler_ids: dict[str, str] = {}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if INJECTED_TAG in _tags(cell):
            cell["id"] = INJECTED_TAG
        if cell.cell_type == "code":
            cell.outputs = [_clean_output(o, styler_ids) for o in cell.outputs if not _noise(o)]


def _noise(output: NotebookNode) -> bool:
    """Return True for outputs that only show a matplotlib object's repr."""
    if output.get("output_type") not in ("execute_result", "display_data"):
        return False
    data = output.get("data", {})
    return set(data) == {"text/plain"} and bool(_NOISE_REPR.match(data["text/plain"]))


def _normalise(text: str, styler_ids: dict[str, str]) -> str:
    text = _KERNEL_PATH.sub("<cell>", text)
    text = _ADDRESS.sub("0xADDRESS", text)

    def styler(match: re.Match[str]) -> str:
        return "T_" + styler_ids.setdefault(match.group(1), f"s{len(styler_ids) + 1}")

    return _STYLER_ID.sub(styler, text)


def _clean_output(output: NotebookNode, styler_ids: dict[str, str]) -> NotebookNode:
    kind = output.get("output_type")
    if kind == "stream":
        output["text"] = _normalise(output["text"], styler_ids)
    elif kind in ("execute_result", "display_data"):
        for mime in ("text/plain", "text/html", "text/markdown"):
            if isinstance(output.data.get(mime), str):
                output.data[mime] = _normalise(output.data[mime], styler_ids)
    elif kind == "error":
        output["traceback"] = [_normalise(line, styler_ids) for line in output["traceback"]]
    return output
