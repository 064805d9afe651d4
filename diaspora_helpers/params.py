"""Validate notebook parameters: one clear ``ValueError`` naming parameter, value and rule.

A value reaches a notebook by several roads: papermill's ``-p`` (int, float, bool, None or
string), ``-r`` (string), ``-y``/``-f`` (YAML 1.1, where ``5e0`` has no dot and stays a
string), the runner's ``-p``, ``-y``, ``-f`` and ``--params-file`` (read with
:func:`load_yaml`, where ``5e0`` is the float 5.0). The checks accept the string forms
papermill delivers for the same value, so a value means one thing however it is given:
a number written with an exponent (``'5e0'``) for a float, and a YAML/JSON list
(``'["SEN", "NER"]'``) or a comma-separated string for a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

_FLOAT_TAG = "tag:yaml.org,2002:float"
#: YAML 1.1's floats (a dot, a signed exponent, sexagesimal, .inf, .nan) and YAML 1.2's
#: numbers with an exponent but no dot (``5e0``, ``1e-3``), which YAML 1.1 leaves as strings.
_YAML_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?
    |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
#: A string that only YAML 1.2 reads as a number: papermill's -y/-f give it as a string.
_EXPONENT_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$")


class ParameterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, with YAML 1.2's floats: ``5e0`` is 5.0, not the string '5e0'."""


ParameterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _FLOAT_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ParameterLoader.add_implicit_resolver(_FLOAT_TAG, _YAML_FLOAT, list("-+0123456789."))


def load_yaml(text: str) -> Any:
    """Parse YAML parameter text (a file, ``-y`` or a ``[list]`` value) as the runner reads it.

    Like ``yaml.safe_load`` (YAML 1.1 booleans and integers, as papermill reads them), but
    a number with an exponent and no dot (``5e0``) is a float. Raises ``yaml.YAMLError``.
    """
    return yaml.load(text, Loader=ParameterLoader)


class ParameterError(ValueError):
    """A notebook parameter with a value the notebook cannot use."""

    def __init__(self, name: str, value: Any, allowed: str) -> None:
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(
            f"Parameter '{name}' got {value!r} ({type(value).__name__}); allowed: {allowed}."
        )


def _describe(choices: Sequence[Any]) -> str:
    shown = [repr(c) if isinstance(c, str) else str(c) for c in choices]
    if len(shown) > 12:
        shown = shown[:5] + ["..."] + shown[-3:]
    return "one of " + ", ".join(shown)


def check_int(
    name: str,
    value: Any,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    choices: Sequence[int] | None = None,
) -> int:
    """Return ``value`` if it is a whole number within the bounds or choices given."""
    if choices is not None:
        rule = _describe(list(choices))
    else:
        low = "" if minimum is None else f" from {minimum}"
        high = "" if maximum is None else f" to {maximum}"
        rule = f"a whole number{low}{high}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(name, value, rule)
    if choices is not None and value not in choices:
        raise ParameterError(name, value, rule)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ParameterError(name, value, rule)
    return value


def check_float(
    name: str, value: Any, *, minimum: float | None = None, maximum: float | None = None
) -> float:
    """Return ``value`` as a float if it is a number within the bounds given.

    A string written as a number with an exponent (``'5e0'``) is read as that number:
    it is what papermill's ``-y``/``-f`` (YAML 1.1) deliver for ``5e0``. Any other string
    (``'3'``, from ``-r`` or quotes) is refused, as it is everywhere else.
    """
    low = "" if minimum is None else f" from {minimum:g}"
    high = "" if maximum is None else f" to {maximum:g}"
    rule = f"a number{low}{high}"
    number = value
    if isinstance(value, str) and _EXPONENT_NUMBER.match(value.strip()):
        number = float(value)
    if isinstance(number, bool) or not isinstance(number, int | float) or number != number:
        raise ParameterError(name, value, rule)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ParameterError(name, value, rule)
    return float(number)


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is True or False.

    The strings ``'true'`` and ``'false'`` (any case) are read as the booleans: papermill's
    ``-p flag true`` delivers them, where the runner's ``-p`` and YAML give booleans.
    """
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if not isinstance(value, bool):
        raise ParameterError(name, value, "True or False")
    return value


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of the allowed strings."""
    allowed = list(choices)
    if not isinstance(value, str) or value not in allowed:
        raise ParameterError(name, value, _describe(allowed))
    return value


def check_choices(
    name: str, value: Any, choices: Iterable[str], *, what: str = "values"
) -> list[str]:
    """Return a non-empty list of allowed strings, without repeats.

    A single string is read as papermill's command line delivers a list: a YAML or JSON
    list (``-p peers '["SEN","NER"]'`` or ``'[SEN, NER]'``), else a comma-separated list
    (``-p peers SEN,NER``). Raises :class:`ParameterError` for anything else.
    """
    allowed = list(choices)
    rule = f"a non-empty list of {what}, each {_describe(allowed)}"
    items = value
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            items = load_yaml(value)
        except yaml.YAMLError:
            raise ParameterError(name, value, f"{rule} (not a readable list)") from None
    elif isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    if not isinstance(items, list | tuple) or not items:
        raise ParameterError(name, value, rule)
    unknown = [v for v in items if not isinstance(v, str) or v not in allowed]
    if unknown:
        raise ParameterError(name, value, f"{rule} (not allowed: {unknown[0]!r})")
    return list(dict.fromkeys(items))


def check_order(first: str, first_value: int, second: str, second_value: int) -> None:
    """Raise unless ``first_value`` is at most ``second_value``."""
    if first_value > second_value:
        raise ParameterError(second, second_value, f"a value not before '{first}' ({first_value})")
