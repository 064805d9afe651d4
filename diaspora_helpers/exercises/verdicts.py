"""What a check says: a verdict (right, wrong or not yet answered) and whether wrong answers
come with a hint. Used by :mod:`diaspora_helpers.exercises.grading` and the number-form
help of :mod:`diaspora_helpers.exercises.number_help`."""

from __future__ import annotations

from diaspora_helpers.i18n import _
from diaspora_helpers.text import Prose

BLANK, CORRECT, WRONG = "blank", "correct", "wrong"


_settings = {"hints": True}


class Verdict(Prose):
    """A check's verdict: Markdown in a notebook, the same text as plain text."""

    def __init__(self, status: str, text: str) -> None:
        super().__init__(text)
        self.status = status

    @property
    def correct(self) -> bool:
        """Return True when the answer was right."""
        return self.status == CORRECT


def set_hints(show: bool) -> None:
    """Show a hint with each wrong answer (True) or only say that it is wrong (False)."""
    _settings["hints"] = bool(show)


def hints_shown() -> bool:
    """Return whether wrong answers come with a hint."""
    return _settings["hints"]


def is_blank(answer: object) -> bool:
    """Return True for an answer left as None, ``...`` or empty text."""
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


def blank() -> Verdict:
    """Say the answer has not been given yet."""
    return Verdict(
        BLANK, _("Not yet answered: replace `None` with your answer and run the cell again.")
    )


def right(why: str) -> Verdict:
    """Say the answer is right, and why."""
    return Verdict(CORRECT, _("Correct. {why}").format(why=why))


def wrong(hint: str) -> Verdict:
    """Say the answer is wrong, with ``hint`` about the method when hints are on."""
    if not _settings["hints"]:
        return Verdict(WRONG, _("Not quite. Try again."))
    return Verdict(WRONG, _("Not quite. {hint}").format(hint=hint))


def unreadable(help_text: str) -> Verdict:
    """Say the answer is not in a form the check can read: shown whether hints are on or off.

    How to write an answer is not a hint about the method, so switching hints off keeps it.
    """
    return Verdict(WRONG, _("Not quite. {hint}").format(hint=help_text))
