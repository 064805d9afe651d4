"""What a run did, and the lines the command line prints about it.

:class:`Report` (one :class:`Outcome` per notebook) is returned by
:func:`diaspora_helpers.publish.execution.runner.run`; :func:`format_report` is the table
printed after it, :func:`failures` the error lines in each notebook's edition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.execution.jobs import FILES_PER_KERNEL, MEMORY_PER_KERNEL, Jobs
from diaspora_helpers.publish.execution.selection import edition_of

#: How the run log names what happened to each notebook (in the notebook's edition).
STATUS_LABELS = {
    "ok": N_("ran"),
    "reused": N_("reused"),
    "failed": N_("FAILED"),
    "kept": N_("kept"),
    "missing": N_("not run"),
}
ONE_FIGURE, FIGURES = N_("{n} figure"), N_("{n} figures")


@dataclass
class Outcome:
    """What happened to one notebook in a run."""

    stem: str
    status: str  # "ok" (ran), "reused" (from the cache), "failed", "kept" (not run,
    # previous result kept), "missing"
    seconds: float = 0.0
    message: str = ""
    figures: int = 0


@dataclass
class Report:
    """The result of a run, for the command line to print."""

    outcomes: list[Outcome]
    published: bool
    outputs_dir: Path
    failed_dir: Path | None
    seconds: float
    jobs: int
    kept_files: list[str] = field(default_factory=list)  # the user's files carried over
    fewer_jobs: Jobs | None = None  # the machine's limits, when they lowered the jobs
    unchanged: bool = False  # nothing changed since the last run: nothing was done

    @property
    def ok(self) -> bool:
        """True when every notebook that ran succeeded."""
        return not any(o.status == "failed" for o in self.outcomes)


#: The run's own lines, in the language of the notebooks it ran (:func:`run_language`).
RAN_ONE, RAN_MANY = N_("Ran {n} notebook"), N_("Ran {n} notebooks")
REUSED = N_(", reused {n} from the cache")
TIMING = N_(" in {seconds} s ({jobs} at a time).")
NOTE = N_("Note: {note}")
FEWER_JOBS_ONE = N_("{jobs} kernel at a time, not {wanted}: {limits}.")
FEWER_JOBS_MANY = N_("{jobs} kernels at a time, not {wanted}: {limits}.")
LIMIT_WORDS = {
    "open_files": N_(
        "the open-file limit ({value}, ulimit -n) allows {allows}, at about {per_kernel} files "
        "per kernel: raise it with `ulimit -n 1024`"
    ),
    "memory": N_(
        "the memory available ({value} GiB) allows {allows}, at about {per_kernel} MiB per "
        "kernel: close other programs"
    ),
}
NOT_RUN_ONE = N_("Not run: {n} notebook neither asked for nor run before into this folder.")
NOT_RUN_MANY = N_("Not run: {n} notebooks neither asked for nor run before into this folder.")
PUBLISHED = N_("Published {folder} (open {index}).")
KEPT_ONE = N_("Kept {n} file of yours that this run did not make:")
KEPT_MANY = N_("Kept {n} files of yours that this run did not make:")
MORE = N_("… and {n} more")
LEFT = N_(
    "{folder} was left as it was. This run's results, with the error shown in place, "
    "are in {failed}."
)


def run_language(report: Report) -> str:
    """Return the edition whose language the run's own lines speak: that of the notebooks
    it executed or reused when they are all of one edition (a French class's run reads in
    French), else the source language."""
    worked = {edition_of(o.stem) for o in report.outcomes if o.status in ("ok", "failed", "reused")}
    return worked.pop() if len(worked) == 1 else "en"


def format_report(report: Report) -> str:
    """Return the table printed after a run: one row per notebook asked for or kept (in the
    notebook's language), one line counting the notebooks neither asked for nor run before,
    and the run's own lines in :func:`run_language`."""
    from babel.numbers import format_decimal

    from diaspora_helpers import editions, i18n

    width = max((len(o.stem) for o in report.outcomes), default=8)
    if report.unchanged:
        lines = [
            f"Nothing changed since the last run ({report.seconds:.1f} s): "
            f"{report.outputs_dir} is up to date."
        ]
        lines += [f"  {o.status:<7} {o.stem}" for o in report.outcomes]
        lines.append("(make run FRESH=1, or run --fresh, runs every notebook again.)")
        return "\n".join(lines)
    language = run_language(report)
    say = i18n.translator(language)
    locale = editions.get(language).locale
    lines = []
    for o in report.outcomes:
        if o.status == "missing":
            continue
        # Every row speaks the run's language, as its own lines do (rfr7: an English head
        # over « réutilisé » rows read as two languages in one report).
        label = say(STATUS_LABELS[o.status])
        spent = format_decimal(round(o.seconds, 1), format="0.0", locale=locale)
        timing = f"{spent:>6} s" if o.status in ("ok", "failed") else " " * 8
        figures = say(ONE_FIGURE if o.figures == 1 else FIGURES).format(n=o.figures)
        figures = figures if o.figures else ""
        lines.append(f"  {label:<10} {o.stem:<{width}}  {timing}  {figures}".rstrip())
    ran = sum(1 for o in report.outcomes if o.status in ("ok", "failed"))
    reused = sum(1 for o in report.outcomes if o.status == "reused")
    missing = sum(1 for o in report.outcomes if o.status == "missing")
    seconds = format_decimal(round(report.seconds, 1), format="0.0", locale=locale)
    head = say(RAN_ONE if ran == 1 else RAN_MANY).format(n=ran)
    head += say(REUSED).format(n=reused) if reused else ""
    head += say(TIMING).format(seconds=seconds, jobs=report.jobs)
    lines.insert(0, head)
    if report.fewer_jobs is not None and report.fewer_jobs.limits:
        lines.insert(1, say(NOTE).format(note=_fewer_jobs(report.fewer_jobs, say, locale)))
    if missing:
        lines.append(say(NOT_RUN_ONE if missing == 1 else NOT_RUN_MANY).format(n=missing))
    if report.published:
        index = report.outputs_dir / "index.html"
        lines.append(say(PUBLISHED).format(folder=report.outputs_dir, index=index))
        if report.kept_files:
            shown = report.kept_files[:20]
            more = len(report.kept_files) - len(shown)
            kept = KEPT_ONE if len(report.kept_files) == 1 else KEPT_MANY
            lines.append(say(kept).format(n=len(report.kept_files)))
            lines += [f"  {name}" for name in shown]
            if more:
                lines.append("  " + say(MORE).format(n=more))
    else:
        lines.append(say(LEFT).format(folder=report.outputs_dir, failed=report.failed_dir))
    return "\n".join(lines)


def failures(report: Report) -> list[str]:
    """Return one line per failed notebook, in the notebook's edition ("error: …" for an
    English notebook, « erreur : … » for a French one)."""
    from diaspora_helpers import i18n

    lines = []
    for o in report.outcomes:
        if o.status == "failed":
            _ = i18n.translator(edition_of(o.stem))
            lines.append(_("error: {message}").format(message=o.message))
    return lines


def _fewer_jobs(chosen: Jobs, say: Callable[[str], str], locale: str) -> str:
    """The sentence saying which limits lowered the kernels at once, in ``say``'s language."""
    from babel.numbers import format_decimal

    parts = []
    for limit in chosen.limits:
        if limit.kind == "memory":
            value = format_decimal(limit.value / 2**30, format="0.0", locale=locale)
            per_kernel = MEMORY_PER_KERNEL // 2**20
        else:
            value, per_kernel = str(limit.value), FILES_PER_KERNEL
        parts.append(
            say(LIMIT_WORDS[limit.kind]).format(
                value=value, allows=limit.allows, per_kernel=per_kernel
            )
        )
    return say(FEWER_JOBS_ONE if chosen.jobs == 1 else FEWER_JOBS_MANY).format(
        jobs=chosen.jobs, wanted=chosen.wanted, limits=say("; ").join(parts)
    )
