"""Validate notebook parameters: one clear ``ValueError`` naming parameter, value and rule.

A value reaches a notebook by several roads: papermill's ``-p`` (int, float, bool, None or
string), ``-r`` (string), ``-y``/``-f`` (YAML 1.1, where ``5e0`` has no dot and stays a
string), the runner's ``-p``, ``-y``, ``-f`` and ``--params-file`` (read with
:func:`load_yaml`, where ``5e0`` is the float 5.0). The checks accept the string forms
papermill delivers for the same value, so a value means one thing however it is given:
a number written with an exponent (``'5e0'``) for a float, and a YAML/JSON list
(``'["SEN", "NER"]'``) or a comma-separated string for a list.

The messages follow the edition's language (``diaspora_helpers.setup(language=...)``): an
analyst running the French notebook reads in French which parameter is wrong and what it
accepts. Parameter names, values and allowed values stay as they are typed in Python;
the bounds of a number are written with the edition's decimal sign (``0,25`` in French).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import yaml
from babel.lists import format_list
from babel.numbers import get_decimal_symbol

from diaspora_helpers import i18n
from diaspora_helpers.i18n import N_, _

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
#: A number written with a decimal comma, as French writes it: text ``'1,5'``.
_DECIMAL_COMMA = re.compile(r"^\s*[-+]?[0-9]+,[0-9]+\s*$")


def _decimal_comma(value: Any) -> str | None:
    """Return the number ``value`` meant, written with a decimal point, when it was written
    with a decimal comma: text ``'1,5'``, or the pair of whole numbers ``1,5`` becomes in
    Python (``(1, 5)``); else None."""
    if isinstance(value, str) and _DECIMAL_COMMA.match(value):
        return value.strip().replace(",", ".")
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and value[1] >= 0
    ):
        return f"{value[0]}.{value[1]}"
    return None


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


#: Python's names of the types a parameter can get, marked so that the catalogs give each
#: its word in the edition's language ("int" reads "entier" in French).
TYPE_NAMES = frozenset(
    {
        N_("int"),
        N_("float"),
        N_("str"),
        N_("bool"),
        N_("list"),
        N_("tuple"),
        N_("dict"),
        N_("NoneType"),
    }
)


def type_name(value: Any) -> str:
    """Return the name of ``value``'s type in the edition's language (Python's name in
    English; another type keeps Python's name)."""
    name = type(value).__name__
    return _(name) if name in TYPE_NAMES else name


class ParameterError(ValueError):
    """A notebook parameter with a value the notebook cannot use.

    ``name``: the parameter; ``value``: what it got; ``allowed``: the rule, already in the
    edition's language (the checks below write it). The message is written when the error
    is raised, in the edition's language.
    """

    def __init__(self, name: str, value: Any, allowed: str) -> None:
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(
            _("Parameter '{name}' got {value} ({kind}); allowed: {allowed}.").format(
                name=name, value=repr(value), kind=type_name(value), allowed=allowed
            )
        )

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error in a notebook, instead of a traceback: the one
        line of the message, in the edition's language (IPython's documented hook). The
        traceback would show the helper package's source, which a reader who typed a wrong
        value has no use for; the runner reads the error's name and message, not this."""
        return [_("Parameter error: {message}").format(message=self)]


#: What the values of a list parameter are: the key a notebook passes as ``what=`` (a code,
#: so that a notebook's code cells carry no words of a language) -> the words of the
#: parameter's rule (English, translated by the catalog when the rule is written).
LIST_ITEMS = {
    "values": N_("values"),
    "iso3": N_("ISO alpha-3 codes"),
    "event_kind": N_("kinds of event"),
}


def _describe(choices: Sequence[Any]) -> str:
    """Return the rule "one of 2015 or 2020" ("l’une des valeurs 2015 ou 2020"), the choices
    joined as the edition lists alternatives (CLDR's "or" list through Babel: "2015, 2020
    or 2025", "2015, 2020 ou 2025"); more than 12 choices show the first five, an ellipsis
    and the last three ("1990, 1995, 2000, 2005, 2010 … 2015, 2018 or 2020"). Strings
    shown as Python writes them (``'fr'``), since they are typed as such."""
    shown = [repr(c) if isinstance(c, str) else str(c) for c in choices]
    if len(shown) <= 12:
        return _("one of {choices}").format(choices=_alternatives(shown))
    head = ", ".join(shown[:5])
    return _("one of {choices}").format(choices=f"{head} … {_alternatives(shown[-3:])}")


def _alternatives(items: Sequence[str]) -> str:
    """``items`` joined as alternatives in the edition's language (Babel's CLDR "or" list:
    "A or B", "A, B or C"; "A ou B", "A, B ou C"). Kept here rather than in ``text`` (which
    ``params`` may not import: pyproject.toml's import contracts)."""
    return format_list(list(items), style="or", locale=i18n.locale()) if items else ""


def _range_rule(kind: str, low: str | None, high: str | None) -> str:
    """Return the rule "a whole number from 0 to 3" (``kind`` "int") or "a number from 0 to
    20" (``kind`` "float") in the edition's language; ``low``/``high`` are the bounds as
    written in Python (None: no bound)."""
    rules = {
        ("int", False, False): N_("a whole number"),
        ("int", True, False): N_("a whole number from {minimum}"),
        ("int", False, True): N_("a whole number to {maximum}"),
        ("int", True, True): N_("a whole number from {minimum} to {maximum}"),
        ("float", False, False): N_("a number"),
        ("float", True, False): N_("a number from {minimum}"),
        ("float", False, True): N_("a number to {maximum}"),
        ("float", True, True): N_("a number from {minimum} to {maximum}"),
    }
    return _(rules[(kind, low is not None, high is not None)]).format(minimum=low, maximum=high)


def _decimal(bound: float) -> str:
    """Write a float's bound as the edition writes a decimal number (``0.25``, ``0,25`` in
    French, as the notebooks' parameter comments do); no thousands separator."""
    return f"{bound:g}".replace(".", get_decimal_symbol(i18n.locale()))


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
        low = None if minimum is None else str(minimum)
        high = None if maximum is None else str(maximum)
        rule = _range_rule("int", low, high)
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
    low = None if minimum is None else _decimal(minimum)
    high = None if maximum is None else _decimal(maximum)
    rule = _range_rule("float", low, high)
    number = value
    if isinstance(value, str) and _EXPONENT_NUMBER.match(value.strip()):
        number = float(value)
    if isinstance(number, bool) or not isinstance(number, int | float) or number != number:
        meant = _decimal_comma(value)
        if meant is not None:  # a decimal comma: say how Python writes the number
            rule = _("{rule}, written with a decimal point as Python reads it: {meant}").format(
                rule=rule, meant=meant
            )
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
        raise ParameterError(name, value, _("True or False"))
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
    (``-p peers SEN,NER``). Raises :class:`ParameterError` for anything else. ``what``
    says what the values are, as a key of :data:`LIST_ITEMS` (``"iso3"``); the rule names
    them in the edition's language. Raises ``ValueError`` (before reading ``value``) for
    a ``what`` that is no key there, naming the keys.
    """
    if what not in LIST_ITEMS:
        raise ValueError(
            f"check_choices(what={what!r}): not a key of params.LIST_ITEMS; use one of "
            f"{', '.join(map(repr, LIST_ITEMS))} or add the key and its words there"
        )
    allowed = list(choices)
    rule = _("a non-empty list of {what}, each {choices}").format(
        what=_(LIST_ITEMS[what]), choices=_describe(allowed)
    )
    items = value
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            items = load_yaml(value)
        except yaml.YAMLError:
            raise ParameterError(
                name, value, _("{rule} (not a readable list)").format(rule=rule)
            ) from None
    elif isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    if not isinstance(items, list | tuple) or not items:
        raise ParameterError(name, value, rule)
    unknown = [v for v in items if not isinstance(v, str) or v not in allowed]
    if unknown:
        raise ParameterError(
            name,
            value,
            _("{rule} (not allowed: {value})").format(rule=rule, value=repr(unknown[0])),
        )
    return list(dict.fromkeys(items))


def check_order(first: str, first_value: int, second: str, second_value: int) -> None:
    """Raise unless ``first_value`` is at most ``second_value``."""
    if first_value > second_value:
        raise ParameterError(
            second,
            second_value,
            _("a value not before '{first}' ({value})").format(first=first, value=first_value),
        )
