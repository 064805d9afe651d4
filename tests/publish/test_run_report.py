"""The lines a run prints about itself (rfr5: a French class's failed run read in English
around its French error, with a row for every notebook it was not asked to run)."""

from __future__ import annotations

from pathlib import Path

from diaspora_helpers.publish.execution.jobs import choose_jobs
from diaspora_helpers.publish.execution.report import Outcome, Report, format_report

NNBSP = "\u202f"


def _report(*outcomes: Outcome, published: bool = False) -> Report:
    return Report(
        outcomes=list(outcomes),
        published=published,
        outputs_dir=Path("/tmp/o"),
        failed_dir=Path("/tmp/.o-failed"),
        seconds=5.04,
        jobs=1,
        kept_files=["notes.txt"],
    )


def test_a_french_run_speaks_french_and_counts_what_it_was_not_asked_to_run() -> None:
    report = _report(
        Outcome("fr/exercises_1_counting", "failed", 3.7),
        Outcome("00_overview", "missing"),
        Outcome("fr/00_overview", "missing"),
    )
    lines = format_report(report).splitlines()
    assert lines[0] == "1 notebook exécuté en 5,0 s (1 à la fois)."
    assert [line.split()[1] for line in lines[1:2]] == ["fr/exercises_1_counting"]
    assert lines[2] == (
        f"Non exécutés{NNBSP}: 2 notebooks, ni demandés ni exécutés auparavant dans ce dossier."
    )
    assert lines[3].startswith("/tmp/o est resté tel quel.") and "/tmp/.o-failed" in lines[3]
    assert not any("00_overview" in line for line in lines)


def test_a_run_of_both_editions_speaks_english_and_names_the_kept_files() -> None:
    report = _report(
        Outcome("00_overview", "ok", 2.0),
        Outcome("fr/00_overview", "reused"),
        Outcome("01_demographics", "kept"),
        published=True,
    )
    lines = format_report(report).splitlines()
    assert lines[0] == "Ran 1 notebook, reused 1 from the cache in 5.0 s (1 at a time)."
    assert lines[2].split()[:2] == ["reused", "fr/00_overview"]  # one language per report
    assert any(line.split()[-1] == "01_demographics" for line in lines)  # kept: listed
    assert lines[-3:] == [
        "Published /tmp/o (open /tmp/o/index.html).",
        "Kept 1 file of yours that this run did not make:",
        "  notes.txt",
    ]


def test_the_note_on_fewer_kernels_speaks_the_run_s_language() -> None:
    """macOS's ``ulimit -n 256`` on ten cores, with 1 GiB free: both limits are named, in
    French for a French class's run (before, the note stayed English inside French lines)."""
    chosen = choose_jobs(None, 20, cpu_count=10, open_files=256, memory=2**30)
    assert (chosen.jobs, chosen.wanted) == (2, 10)
    french = _report(Outcome("fr/00_overview", "ok", 2.0), published=True)
    french.fewer_jobs = chosen
    note = format_report(french).splitlines()[1]
    assert note == (
        f"Remarque{NNBSP}: 2 noyaux à la fois, et non 10{NNBSP}: la limite de fichiers ouverts "
        f"(256, ulimit -n) en permet 7, à environ 30 fichiers par noyau{NNBSP}: "
        f"augmentez-la avec `ulimit -n 1024`{NNBSP}; la mémoire disponible (1,0 Gio) en permet "
        f"2, à environ 400 Mio par noyau{NNBSP}: fermez d’autres programmes."
    )
    english = _report(Outcome("00_overview", "ok", 2.0), published=True)
    english.fewer_jobs = chosen
    assert format_report(english).splitlines()[1] == (
        "Note: 2 kernels at a time, not 10: the open-file limit (256, ulimit -n) allows 7, "
        "at about 30 files per kernel: raise it with `ulimit -n 1024`; the memory available "
        "(1.0 GiB) allows 2, at about 400 MiB per kernel: close other programs."
    )
