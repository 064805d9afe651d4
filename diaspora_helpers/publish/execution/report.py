"""What a run did, and the lines the command line prints about it.

:class:`Report` (one :class:`Outcome` per notebook) is returned by
:func:`diaspora_helpers.publish.execution.runner.run`; :func:`format_report` is the table
printed after it, :func:`failures` the error lines in each notebook's edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diaspora_helpers.i18n import N_
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
    notes: list[str] = field(default_factory=list)  # e.g. why fewer jobs than asked
    unchanged: bool = False  # nothing changed since the last run: nothing was done

    @property
    def ok(self) -> bool:
        """True when every notebook that ran succeeded."""
        return not any(o.status == "failed" for o in self.outcomes)


def format_report(report: Report) -> str:
    """Return the table printed after a run."""
    width = max((len(o.stem) for o in report.outcomes), default=8)
    if report.unchanged:
        lines = [
            f"Nothing changed since the last run ({report.seconds:.1f} s): "
            f"{report.outputs_dir} is up to date."
        ]
        lines += [f"  {o.status:<7} {o.stem}" for o in report.outcomes]
        lines.append("(make run FRESH=1, or run --fresh, runs every notebook again.)")
        return "\n".join(lines)
    lines = []
    from diaspora_helpers import i18n

    for o in report.outcomes:
        # A notebook's row speaks its edition's language (« échec » for a French one).
        _ = i18n.translator(edition_of(o.stem))
        label = _(STATUS_LABELS[o.status])
        timing = f"{o.seconds:6.1f} s" if o.status in ("ok", "failed") else " " * 8
        figures = _(ONE_FIGURE if o.figures == 1 else FIGURES).format(n=o.figures)
        figures = figures if o.figures else ""
        lines.append(f"  {label:<10} {o.stem:<{width}}  {timing}  {figures}".rstrip())
    ran = sum(1 for o in report.outcomes if o.status in ("ok", "failed"))
    reused = sum(1 for o in report.outcomes if o.status == "reused")
    head = f"Ran {ran} notebook{'s' if ran != 1 else ''}"
    head += f", reused {reused} from the cache" if reused else ""
    head += f" in {report.seconds:.1f} s"
    head += f" ({report.jobs} at a time)."
    lines.insert(0, head)
    lines[1:1] = [f"Note: {note}" for note in report.notes]
    if report.published:
        lines.append(f"Published {report.outputs_dir} (open {report.outputs_dir / 'index.html'}).")
        if report.kept_files:
            shown = report.kept_files[:20]
            more = len(report.kept_files) - len(shown)
            lines.append(
                f"Kept {len(report.kept_files)} file{'s' if len(report.kept_files) != 1 else ''}"
                " of yours that this run did not make:"
            )
            lines += [f"  {name}" for name in shown]
            if more:
                lines.append(f"  … and {more} more")
    else:
        lines.append(
            f"{report.outputs_dir} was left as it was. This run's results, with the error shown "
            f"in place, are in {report.failed_dir}."
        )
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
