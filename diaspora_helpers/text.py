"""Numbers into words: formatting for prose, and Markdown that nbval can check."""

from __future__ import annotations

import math
from collections.abc import Iterable


class Prose:
    """A paragraph of Markdown computed in a cell.

    It renders as Markdown in a notebook and its plain-text form is the same text, so
    strict nbval compares the sentence, numbers included, and not an object address.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def say(text: str) -> Prose:
    """Return ``text`` (already formatted) as Markdown prose for a notebook."""
    return Prose(text.strip())


def number(value: float, decimals: int = 0) -> str:
    """Format a number with thousands separators: 14528662 -> '14,528,662'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:,.{decimals}f}"


def percent(value: float, decimals: int = 1) -> str:
    """Format a percentage already expressed in percent: 27.53 -> '27.5%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:.{decimals}f}%"


def millions(value: float, decimals: int = 2) -> str:
    """Format a count in millions: 4000000 -> '4.00 million'."""
    return f"{value / 1e6:,.{decimals}f} million"


def billions(value: float, decimals: int = 1) -> str:
    """Format an amount in billions: 432e9 -> '432.0 billion'."""
    return f"{value / 1e9:,.{decimals}f} billion"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """Return a count with its noun: "1 event", "47 events", "0 events"."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n} {word}"


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """Return names as an English list: "A", "A and B", "A, B and C" (or "or")."""
    names = [str(i) for i in items]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
