"""Each student's feedback page: one section per question, labelled by its number.

The page is in the session's language (``<html lang>``, the checks' verdicts and the labels
in the edition's language), fits a phone's screen (no table wider than the screen, text
that reflows) and carries no script. It names a changed parameters cell and every repair
made to the notebook before it was run.
"""

from __future__ import annotations

import html
from pathlib import Path

import mistune

from diaspora_helpers import i18n, text
from diaspora_helpers.i18n import _, ngettext
from diaspora_helpers.publish.course.marking import Result

_STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:42rem;
padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-bottom:.25rem}
section{border-top:1px solid #767676;padding:.5rem 0}
.right{color:#1b5e20}.wrong{color:#8b1a1a}
code,pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95em}
.notice{border:2px solid #8b1a1a;padding:.5rem .75rem}
"""

_render = mistune.create_markdown(escape=True)


def _inline(markdown_text: str) -> str:
    rendered = str(_render(markdown_text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def _points(value: float) -> str:
    return text.number(value, 0) if float(value).is_integer() else text.number(value, 1)


def page(result: Result, session: int, *, language: str = "en") -> str:
    """Return the feedback page of one student's session as HTML."""
    previous = i18n.language()
    i18n.set_language(language)
    try:
        title = _("Session {session}: feedback for {student}").format(
            session=session, student=result.student
        )
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{language}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="noindex">',
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>",
            f"<body><main><h1>{html.escape(title)}</h1>",
            "<p>"
            + html.escape(
                _("Total: {total} of {maximum} points.").format(
                    total=_points(result.total), maximum=_points(result.maximum)
                )
            )
            + "</p>",
        ]
        if result.attention or result.notes:
            items = "".join(f"<li>{html.escape(n)}</li>" for n in result.attention + result.notes)
            told = html.escape(_("Your lecturer was told:"))
            parts.append(f'<div class="notice"><p>{told}</p><ul>{items}</ul></div>')
        for mark in result.marks:
            ok = mark.points >= mark.maximum > 0
            status = _("right") if ok else _("not right")
            heading = _("Question {number}").format(number=mark.number)
            points = ngettext(
                "{points} of {maximum} point", "{points} of {maximum} points", int(mark.maximum)
            ).format(points=_points(mark.points), maximum=_points(mark.maximum))
            parts.append(
                f"<section><h2>{html.escape(heading)}</h2>"
                f'<p class="{"right" if ok else "wrong"}"><strong>'
                f"{html.escape(status)}</strong>, {html.escape(points)}</p>"
            )
            if mark.answer:
                label = html.escape(_("Your answer:"))
                parts.append(f"<p>{label} <code>{html.escape(mark.answer)}</code></p>")
            parts.append(f"<p>{_inline(mark.verdict)}</p></section>")
        parts.append("</main></body></html>")
        return "\n".join(parts) + "\n"
    finally:
        i18n.set_language(previous)


def write(result: Result, session: int, path: Path, *, language: str = "en") -> Path:
    """Write :func:`page` to ``path`` (its folder created) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page(result, session, language=language), encoding="utf-8")
    return path
