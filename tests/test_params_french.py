"""In the French edition a bad parameter stops the notebook with a French message that names
the parameter, the value given and what the parameter accepts; the English is unchanged."""

import pytest

import diaspora_helpers
from diaspora_helpers import params
from diaspora_helpers.params import ParameterError

NNBSP = "\u202f"


def _message(check) -> str:
    with pytest.raises(ParameterError) as err:
        check()
    return str(err.value)


def test_the_english_message_is_unchanged():
    assert _message(lambda: params.check_int("decimals", 5, minimum=0, maximum=3)) == (
        "Parameter 'decimals' got 5 (int); allowed: a whole number from 0 to 3."
    )
    assert _message(lambda: params.check_order("start_year", 2016, "end_year", 1991)) == (
        "Parameter 'end_year' got 1991 (int); allowed: a value not before 'start_year' (2016)."
    )
    assert _message(lambda: params.check_float("rate", 0, minimum=0.25)).endswith(
        "allowed: a number from 0.25."
    )


@pytest.mark.parametrize(
    ("check", "rule"),
    [
        (
            lambda: params.check_int("decimals", 5, minimum=0, maximum=3),
            "un nombre entier de 0 à 3",
        ),
        (lambda: params.check_int("top_n", 0, minimum=1), "un nombre entier supérieur ou égal à 1"),
        (
            lambda: params.check_int("year", 1, choices=[1990, 2020]),
            "l’une des valeurs 1990 ou 2020",
        ),
        (
            lambda: params.check_float("rate", 30, maximum=12.5),
            "un nombre inférieur ou égal à 12,5",  # the edition's decimal sign
        ),
        (lambda: params.check_bool("show_hints", "yes"), "True ou False"),
        (lambda: params.check_choice("scope", "globl", ["all"]), "l’une des valeurs 'all'"),
    ],
)
def test_the_french_message_names_parameter_value_and_rule(check, rule):
    diaspora_helpers.setup(language="fr")
    message = _message(check)
    assert message.startswith(f"Le paramètre «{NNBSP}")
    assert f"valeur attendue{NNBSP}: {rule}." in message
    assert "allowed" not in message and "Parameter" not in message


@pytest.mark.parametrize(
    ("language", "choices", "rule"),
    [
        ("fr", [2015, 2020], "l’une des valeurs 2015 ou 2020"),
        ("fr", [2010, 2015, 2020], "l’une des valeurs 2010, 2015 ou 2020"),
        ("en", [2015, 2020], "one of 2015 or 2020"),
        ("en", [2010, 2015, 2020], "one of 2010, 2015 or 2020"),
        (
            "fr",
            list(range(1990, 2021, 2)),
            "l’une des valeurs 1990, 1992, 1994, 1996, 1998 … 2016, 2018 ou 2020",
        ),
        (
            "en",
            list(range(1990, 2021, 2)),
            "one of 1990, 1992, 1994, 1996, 1998 … 2016, 2018 or 2020",
        ),
    ],
)
def test_allowed_values_are_alternatives_in_the_editions_words(language, choices, rule):
    """rfr6: « 2015, 2020 » read as a list of both; the choices are alternatives, joined
    with the edition's "or" (« 2015 ou 2020 »), a long list elided before its last three."""
    diaspora_helpers.setup(language=language)
    try:
        message = _message(lambda: params.check_int("year", 7, choices=choices))
    finally:
        diaspora_helpers.setup(language="en")
    assert message.endswith(f"{NNBSP}: {rule}." if language == "fr" else f": {rule}."), message


def test_a_french_list_message_names_the_kind_of_value_and_the_stranger():
    diaspora_helpers.setup(language="fr")
    message = _message(
        lambda: params.check_choices("peers", ["SEN", "XXX"], ["SEN", "NER"], what="iso3")
    )
    assert message == (
        f"Le paramètre «{NNBSP}peers{NNBSP}» a reçu ['SEN', 'XXX'] (liste){NNBSP}; valeur "
        f"attendue{NNBSP}: une liste non vide de codes ISO alpha-3, chaque élément étant "
        f"l’une des valeurs 'SEN' ou 'NER' (valeur non admise{NNBSP}: 'XXX')."
    )
    unreadable = _message(lambda: params.check_choices("peers", '["SEN"', ["SEN"]))
    assert "une liste non vide de valeurs" in unreadable and "liste lisible" in unreadable


def test_a_french_order_message_names_the_other_parameter():
    diaspora_helpers.setup(language="fr")
    message = _message(lambda: params.check_order("start_year", 2016, "end_year", 1991))
    assert f"«{NNBSP}end_year{NNBSP}» a reçu 1991" in message
    assert f"au moins égale à celle de «{NNBSP}start_year{NNBSP}» (2016)" in message


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("typed", ["1,5", (1, 5)])
def test_a_decimal_comma_is_refused_with_the_number_python_reads(language, typed):
    """rfr9: « 1,5 » typed in a French parameter cell was refused without saying how to
    write it (text, or the pair Python makes of 1,5)."""
    diaspora_helpers.setup(language=language)
    with pytest.raises(params.ParameterError) as raised:
        params.check_float("within_years", typed, minimum=0.25, maximum=5)
    said = str(raised.value)
    assert said.rstrip(".").endswith(" 1.5"), said
    assert ("point décimal" if language == "fr" else "decimal point") in said
    with pytest.raises(params.ParameterError) as plain:
        params.check_float("within_years", "abc", minimum=0.25, maximum=5)
    assert "1.5" not in str(plain.value)


#: Run in a process of its own: an IPython shell takes over ``__main__`` and the display hook
#: of the process it is made in.
_SHELL = """
import sys
from IPython.core.interactiveshell import InteractiveShell
import diaspora_helpers
from diaspora_helpers import params
shell = InteractiveShell.instance()
shell.user_ns["params"] = params
for language in ("en", "fr"):
    diaspora_helpers.setup(language=language)
    shell.run_cell("params.check_int('decimals', 5, minimum=0, maximum=3)")
    print("-- end --", flush=True)
"""


def test_a_notebook_shows_the_message_without_a_traceback() -> None:
    """IPython shows a bad parameter as one line in the edition's language, not as a
    traceback through the helper package's (English) source."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _SHELL], capture_output=True, text=True, timeout=120, check=True
    )
    shown = [
        [line for line in block.splitlines() if line.strip()]
        for block in done.stdout.split("-- end --")[:2]
    ]
    expected = []
    for language, start in (("en", "Parameter error: "), ("fr", f"Erreur de paramètre{NNBSP}: ")):
        diaspora_helpers.setup(language=language)
        try:
            message = _message(lambda: params.check_int("decimals", 5, minimum=0, maximum=3))
        finally:
            diaspora_helpers.setup(language="en")
        expected.append([start + message])
    assert shown == expected, done.stdout + done.stderr
