"""The runner speaks the notebook's language about it (issue 24): a French notebook's
failure is reported in French, an English one's in English, in the same run."""

from __future__ import annotations

import re
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.execution.execute import CellFailure

NNBSP = "\u202f"


def test_a_failure_is_described_in_the_notebooks_language() -> None:
    failure = CellFailure("fr/a_chart", "KeyError", "'bad'", 4, 3, "x = 1")
    assert failure.describe("en") == (
        "fr/a_chart: cell 4 (In [3]), which starts `x = 1`, failed (KeyError): 'bad'"
    )
    assert failure.describe("fr") == (
        f"fr/a_chart{NNBSP}: la cellule 4 (entrée [3]), qui commence par `x = 1`, "
        f"a échoué (KeyError){NNBSP}: 'bad'"
    )


def test_the_packages_own_errors_are_described_without_their_class() -> None:
    """A ParameterError's or DataError's message is a sentence for the reader, in the
    notebook's language: the class name (a code) is left out, and in French the sentence
    continues the line after the colon in lower case (an acronym keeps its capitals)."""
    said = "Le paramètre « year » a reçu 2019."
    failure = CellFailure("fr/a_chart", "ParameterError", said, 4, 3, "x = 1")
    assert failure.describe("fr") == (
        f"fr/a_chart{NNBSP}: la cellule 4 (entrée [3]), qui commence par `x = 1`, "
        f"a échoué{NNBSP}: le paramètre « year » a reçu 2019."
    )
    english = CellFailure("a_chart", "DataError", "Parameter 'year' got 2019.", 4, 3, "x = 1")
    assert english.describe("en") == (
        "a_chart: cell 4 (In [3]), which starts `x = 1`, failed: Parameter 'year' got 2019."
    )
    acronym = CellFailure("fr/a_chart", "DataError", "DAES : fichier illisible.", 2, None)
    assert acronym.describe("fr").endswith(f"a échoué{NNBSP}: DAES : fichier illisible.")


@pytest.mark.slow
def test_the_runner_reports_a_french_notebooks_failure_in_french(tmp_path: Path) -> None:
    notebooks = support.make_notebooks(tmp_path, "a_chart", "fr/a_chart")
    result = support.run_fixtures(
        notebooks,
        tmp_path / "outputs",
        "-p",
        "fr/a_chart:end_year=1800",
        "-p",
        "a_chart:end_year=1800",
    )
    assert result.returncode == 1
    # The French notebook is named with its edition, so its line cannot be taken for the
    # English notebook's; each error speaks its notebook's language, and the table of rows
    # the run's language (one language per report, rfr7: both editions here, so English).
    assert f"erreur{NNBSP}: fr/a_chart{NNBSP}: la cellule 4" in result.stderr, result.stderr
    assert f"a échoué{NNBSP}: le paramètre" in result.stderr, result.stderr
    assert "ParameterError" not in result.stderr
    assert "error: a_chart: cell 4" in result.stderr
    assert re.search(r"FAILED +fr/a_chart", result.stdout), result.stdout
    assert "ÉCHEC" not in result.stdout
    assert re.search(r"FAILED +a_chart", result.stdout), result.stdout
