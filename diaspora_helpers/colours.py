"""Colour contrast as WCAG 2.2 measures it, for the charts and the site alike."""

from __future__ import annotations

from collections.abc import Iterable

#: WCAG 2.2 AA, success criterion 1.4.11: a graphical object needed to read a chart (a mark,
#: a line, a class of a map) reads at this ratio or more against what surrounds it.
NON_TEXT_CONTRAST = 3.0
#: The same criterion for text (1.4.3): normal text, and large text (18 pt, or 14 pt bold).
TEXT_CONTRAST = 4.5
LARGE_TEXT_CONTRAST = 3.0


def _luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darkened(colour: str, backgrounds: Iterable[str], ratio: float, step: float) -> str:
    """Return ``#rrggbb`` ``colour`` darkened, its hue kept, in steps of ``step`` (a fraction
    of each channel) until it reads at ``ratio`` or more on every one of ``backgrounds``;
    unchanged when it already does."""
    grounds = tuple(backgrounds)
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    factor, found = 1.0, colour
    while min(contrast(found, b) for b in grounds) < ratio and factor > 0:
        factor = round(factor - step, 2)
        found = "#" + "".join(f"{round(c * factor):02x}" for c in channels)
    return found
