"""Validate notebook parameters: one clear ``ValueError`` naming parameter, value and rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


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
    """Return ``value`` as a float if it is a number within the bounds given."""
    low = "" if minimum is None else f" from {minimum:g}"
    high = "" if maximum is None else f" to {maximum:g}"
    rule = f"a number{low}{high}"
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ParameterError(name, value, rule)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ParameterError(name, value, rule)
    return float(value)


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is True or False."""
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

    A single string is read as a comma-separated list, so ``-p peers SEN,NER`` works
    on papermill's command line as well as a YAML list.
    """
    allowed = list(choices)
    rule = f"a non-empty list of {what}, each {_describe(allowed)}"
    items = [v.strip() for v in value.split(",")] if isinstance(value, str) else value
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
