"""What was asked of the runner: which notebooks, and which parameters for each.

Parameters come from ``-p NB:NAME=VALUE``, papermill's own ``-p NAME VALUE`` forms or a
YAML file, and are checked against each notebook's ``parameters`` cell before anything
runs. Mistakes raise :class:`RunError`; the command line prints its message and exits
with status 2, without a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Any

import yaml

from diaspora_helpers.editions import TRANSLATIONS as EDITIONS
from diaspora_helpers.i18n import LANGUAGES, N_, translator
from diaspora_helpers.params import load_yaml

EXIT_FAILED, EXIT_USAGE = 1, 2


class RunError(Exception):
    """A mistake in what was asked of the runner; reported without a traceback (exit 2).

    ``language`` is the edition whose words the message is in (the command line prefixes it
    with that edition's "error:"): a French notebook's parameter errors are in French."""

    def __init__(self, message: str, language: str = LANGUAGES[0]) -> None:
        super().__init__(message)
        self.language = language


#: A notebook's parameter errors, in the notebook's edition (rfr11: they stayed English).
UNKNOWN_PARAMETER = N_("unknown parameter: {names}")
UNKNOWN_PARAMETERS = N_("unknown parameters: {names}")
DID_YOU_MEAN = N_("  did you mean '{close}' instead of '{name}'?")
KNOWN_PARAMETERS = N_("known parameters: {names}")
NO_PARAMETERS = N_("{key} takes no parameters (no cell tagged 'parameters')")
NONE = N_("(none)")
COLON = N_(": ")  # after a notebook's name (French: a narrow no-break space before)


def notebook_key(name: str | Path) -> str:
    """Return the name the runner knows a notebook by: its stem for the English edition
    (``01_demographics``), ``<language>/<stem>`` for another edition (``fr/01_demographics``).

    ``name`` may be a path or a file name (``notebooks/fr/01_demographics.ipynb``): the
    ``.ipynb`` suffix and the folders above the edition's go.
    """
    parts = PurePath(str(name).replace("\\", "/")).parts
    stem = parts[-1].removesuffix(".ipynb") if parts else ""
    if len(parts) >= 2 and parts[-2] in EDITIONS:
        return f"{parts[-2]}/{stem}"
    return stem


def edition_of(key: str) -> str:
    """Return the language of a notebook key: ``fr`` for ``fr/01_demographics``, else ``en``."""
    head, slash, _ = key.partition("/")
    return head if slash and head in EDITIONS else LANGUAGES[0]


MASTER_PREFIX = "master_"


def is_master(path: Path) -> bool:
    """Return True for a session's master notebook (kept back from the public site)."""
    return Path(path).name.startswith(MASTER_PREFIX) and Path(path).suffix == ".ipynb"


def discover(notebooks_dir: Path) -> list[Path]:
    """Return every notebook of every edition but the masters: ``notebooks_dir/*.ipynb``
    (English), then ``notebooks_dir/fr/*.ipynb`` (French), each sorted by file name.

    The course's master notebooks hold the solutions: only the lecturer's ``course``
    command runs them (see :mod:`diaspora_helpers.publish.course.workflow`).
    """
    found: list[Path] = []
    for folder in (notebooks_dir, *(notebooks_dir / code for code in EDITIONS)):
        found += sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not is_master(p))
    return found


def select(names: Sequence[str], available: Sequence[Path]) -> list[Path]:
    """Return the notebooks named (by key, file name or path: ``01_demographics``,
    ``fr/01_demographics``, ``notebooks/fr/01_demographics.ipynb``) in the order of
    ``available``; all if none named."""
    if not names:
        return list(available)
    by_key = {notebook_key(p): p for p in available}
    chosen, unknown = set(), []
    for name in names:
        key = notebook_key(name)
        if key in by_key:
            chosen.add(key)
        else:
            unknown.append(name)
    if unknown:
        raise RunError(_unknown_message(unknown, list(by_key)))
    return [p for key, p in by_key.items() if key in chosen]


#: The runner's words for unknown notebooks (the run's own mistakes, in English; a
#: notebook's parameters are named in its edition: :data:`UNKNOWN_PARAMETER`…).
NOTEBOOK_WORDS = (
    "unknown notebook: {names}",
    "unknown notebooks: {names}",
    "known notebooks: {names}",
)
PARAMETER_WORDS = (UNKNOWN_PARAMETER, UNKNOWN_PARAMETERS, KNOWN_PARAMETERS)


def _unknown_message(
    unknown: list[str],
    known: list[str],
    words: tuple[str, str, str] = NOTEBOOK_WORDS,
    say: Callable[[str], str] = str,
) -> str:
    """The lines naming ``unknown`` names, the close match of each among ``known``, and the
    known ones: notebooks (the default ``words``, matched by notebook key) or a notebook's
    parameters (:data:`PARAMETER_WORDS`, in ``say``'s language)."""
    one, many, known_head = words
    lines = [say(one if len(unknown) == 1 else many).format(names=", ".join(unknown))]
    for name in unknown:
        close = difflib.get_close_matches(notebook_key(name), known, n=1)
        if close:
            lines.append(say(DID_YOU_MEAN).format(close=close[0], name=name))
    lines.append(say(known_head).format(names=", ".join(known) if known else say(NONE)))
    return "\n".join(lines)


def parse_value(text: str) -> Any:
    """Return a ``-p`` value as Python: int, float, True/False, None, a [list] or a string."""
    stripped = text.strip()
    for convert in (int, float):
        try:
            return convert(stripped)
        except ValueError:
            pass
    lowered = stripped.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("none", "null"):
        return None
    if stripped.startswith(("[", "{")):
        try:
            return load_yaml(stripped)
        except yaml.YAMLError as exc:
            raise RunError(
                f"cannot read the value {text!r} as a list or mapping: {_yaml_problem(exc)}"
            ) from None
    return text


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """Return a YAML error in one line: where, and what."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return f"{where}{problem}"


def parse_assignment(text: str, selected: Sequence[Path]) -> tuple[str, str, Any]:
    """Split ``NOTEBOOK:NAME=VALUE`` (or ``NAME=VALUE`` when one notebook is run)."""
    target, sep, value = text.partition("=")
    if not sep or not target.strip():
        raise RunError(
            f"-p {text!r}: expected NOTEBOOK:NAME=VALUE, e.g. 01_demographics:year=2012 "
            "(fr/01_demographics:year=2012 for the French edition)"
        )
    notebook, colon, name = target.rpartition(":")
    if not colon:
        if len(selected) != 1:
            raise RunError(
                f"-p {text!r}: say which notebook the parameter is for, as NOTEBOOK:NAME=VALUE"
            )
        notebook = notebook_key(selected[0])
    name = name.strip()
    if not name.isidentifier():
        raise RunError(f"-p {text!r}: {name!r} is not a parameter name")
    return notebook_key(notebook.strip()), name, parse_value(value)


def _read_yaml_file(path: Path) -> Any:
    """Return the parsed YAML of a parameter file; RunError if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RunError(f"parameter file {path} does not exist") from None
    except IsADirectoryError:
        raise RunError(f"parameter file {path} is a folder, not a YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RunError(f"cannot read parameter file {path}: {exc}") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        raise RunError(f"parameter file {path} is not valid YAML: {_yaml_problem(exc)}") from None


def _flat_mapping(content: Any, where: str) -> dict[str, Any]:
    if content is None:
        return {}
    if not isinstance(content, dict) or not all(isinstance(k, str) for k in content):
        raise RunError(
            f"{where} must map parameter names to values (papermill's form), "
            "e.g. 'focus_year: 2012'"
        )
    return dict(content)


def flat_parameters(
    files: Sequence[Path] = (), yamls: Sequence[str] = (), raws: Sequence[Sequence[str]] = ()
) -> dict[str, Any]:
    """Return the parameters of papermill's ``-f FILE``, ``-y YAML`` and ``-r NAME VALUE``.

    Later sources win: the files, then the YAML texts, then the raw strings. YAML is read
    with :func:`diaspora_helpers.params.load_yaml` (``5e0`` is a float). RunError for a file
    or text that is not a flat ``{name: value}`` mapping.
    """
    merged: dict[str, Any] = {}
    for path in files:
        merged.update(_flat_mapping(_read_yaml_file(path), f"parameter file {path}"))
    for text in yamls:
        try:
            content = load_yaml(text)
        except yaml.YAMLError as exc:
            raise RunError(f"-y {text!r} is not valid YAML: {_yaml_problem(exc)}") from None
        merged.update(_flat_mapping(content, f"-y {text!r}"))
    for name, value in raws:
        if not name.isidentifier():
            raise RunError(f"-r {name} {value}: {name!r} is not a parameter name")
        merged[name] = value
    return merged


def load_params_file(path: Path) -> dict[str, dict[str, Any]]:
    """Read a YAML file ``{notebook: {parameter: value}}``; RunError if it is unusable."""
    content = _read_yaml_file(path)
    if content is None:
        return {}
    example = "e.g.\n  01_demographics:\n    year: 2012\n  fr/01_demographics:\n    year: 2012"
    if not isinstance(content, dict):
        raise RunError(
            f"parameter file {path} must map notebook names to their parameters, {example}"
        )
    result: dict[str, dict[str, Any]] = {}
    for notebook, values in content.items():
        if values is None:
            values = {}
        if not isinstance(values, dict) or not all(isinstance(k, str) for k in values):
            raise RunError(
                f"parameter file {path}: the entry for {notebook!r} must map parameter names "
                f"to values, {example}"
            )
        result[notebook_key(str(notebook))] = dict(values)
    return result


def resolve_parameters(
    selected: Sequence[Path],
    available: Sequence[Path],
    file_params: dict[str, dict[str, Any]],
    assignments: Sequence[str],
    flat: dict[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """Merge the parameters for the notebooks to run.

    Later sources win: the notebook-keyed file, then ``flat`` (papermill's ``-f``, ``-y``,
    ``-r``, for the one notebook named), then ``-p``. RunError when ``flat`` is given for
    anything but exactly one notebook.
    """
    known = [notebook_key(p) for p in available]
    unknown = [s for s in file_params if s not in known]
    if unknown:
        raise RunError("parameter file: " + _unknown_message(unknown, known))
    chosen = {notebook_key(p) for p in selected}
    merged = {s: dict(v) for s, v in file_params.items() if s in chosen}
    if flat:
        if len(selected) != 1:
            raise RunError(
                f"-f, -y and -r set the parameters of one notebook, but {len(selected)} are "
                "run: name one notebook, or use -p NOTEBOOK:NAME=VALUE or --params-file"
            )
        merged.setdefault(notebook_key(selected[0]), {}).update(flat)
    for text in assignments:
        stem, name, value = parse_assignment(text, selected)
        if stem not in known:
            raise RunError(f"-p {text!r}: " + _unknown_message([stem], known))
        if stem not in chosen:
            raise RunError(
                f"-p {text!r}: {stem} is not among the notebooks being run "
                f"({', '.join(sorted(chosen))})"
            )
        merged.setdefault(stem, {})[name] = value
    return {s: v for s, v in merged.items() if v}


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """Return the notebook's declared parameters: name -> {name, inferred_type_name, default,
    help}, as ``papermill.inspect_notebook`` gives them (its translator reads the cell tagged
    ``parameters``). The notebook is read as JSON and only its metadata and that cell are
    handed to papermill: ``inspect_notebook`` validates the whole notebook against nbformat's
    schema first, outputs included (about 30 ms a notebook, the bulk of a run's parameter
    check); the executor reads and validates each notebook it runs. Raises
    :class:`RunError` for a file that is not a readable notebook."""
    import json

    import nbformat
    from papermill.translators import papermill_translators
    from papermill.utils import nb_kernel_name, nb_language

    try:
        raw = json.loads(notebook.read_text(encoding="utf-8"))
        tagged = [c for c in raw["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        if not tagged:
            return {}
        cell = dict(tagged[0])
        source = cell.get("source", "")
        cell["source"] = "".join(source) if isinstance(source, list) else source
        shell = nbformat.from_dict({"metadata": raw.get("metadata", {}), "cells": [cell]})
        translator = papermill_translators.find_translator(
            nb_kernel_name(shell), nb_language(shell)
        )
        return {p.name: p._asdict() for p in translator.inspect(shell.cells[0])}
    except Exception as exc:  # not JSON, not a notebook, unreadable
        raise RunError(f"cannot read notebook {notebook}: {exc}") from None


def check_parameters(
    selected: Sequence[Path], parameters: dict[str, dict[str, Any]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """Return each notebook's declared parameters, by notebook key; RunError for any
    undeclared name."""
    info, problems, languages = {}, [], set()
    for notebook in selected:
        key = notebook_key(notebook)
        declared = declared_parameters(notebook)
        info[key] = declared
        unknown = [n for n in parameters.get(key, {}) if n not in declared]
        if not unknown:
            continue
        say = translator(edition_of(key))
        languages.add(edition_of(key))
        if not declared:
            problems.append(say(NO_PARAMETERS).format(key=key))
            continue
        problems.append(
            key + say(COLON) + _unknown_message(unknown, list(declared), PARAMETER_WORDS, say)
        )
    if problems:
        # one edition's notebooks: its language; both editions': the source language
        raise RunError("\n".join(problems), languages.pop() if len(languages) == 1 else "en")
    return info
