"""The story first: what a topic page shows before its text, and what it keeps for the end.

A notebook opens with its title and its question (the first Markdown cell), then a
"Parameters" section (a Markdown cell that starts with a level-2 heading, right before the
cell tagged ``parameters``) that papermill needs where it is. On the page the order is the
reader's: title, question, the key finding (the title of the notebook's main chart, which
states a finding computed from the data), the contents, the text; the parameters, the
papermill command and the values the run used move into a collapsed block at the end.
The notebook itself is not changed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel import Locale
from nbformat import NotebookNode

from diaspora_helpers import editions
from diaspora_helpers.publish.notebook_tags import INJECTED_TAG, PARAMETERS_TAG


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def split_rerun(nb: NotebookNode) -> tuple[list[NotebookNode], list[NotebookNode]]:
    """Return the notebook's cells in two lists: the story, and the parameters section
    (the heading cell just before the ``parameters`` cell, that cell and the runner's
    injected cell), each in notebook order. A notebook without a ``parameters`` cell is
    all story."""
    cells = list(nb.cells)
    at = next((i for i, c in enumerate(cells) if PARAMETERS_TAG in _tags(c)), None)
    if at is None:
        return cells, []
    moved = {at}
    moved |= {i for i, c in enumerate(cells) if INJECTED_TAG in _tags(c)}
    before = cells[at - 1] if at > 0 else None
    if (
        before is not None
        and before.cell_type == "markdown"
        and before.source.lstrip().startswith("## ")
        and at - 1 > 0
    ):
        moved.add(at - 1)
    story = [c for i, c in enumerate(cells) if i not in moved]
    rerun = [c for i, c in enumerate(cells) if i in moved]
    return story, rerun


def without_heading(cell: NotebookNode) -> NotebookNode:
    """Return a copy of a Markdown cell without its first line when that is a heading
    (the block's summary names it instead)."""
    lines = cell.source.lstrip().splitlines()
    copy = NotebookNode(dict(cell))
    if lines and lines[0].startswith("#"):
        copy["source"] = "\n".join(lines[1:]).lstrip("\n")
    return copy


def chart_title(root: Path, stem: str, name: str) -> str | None:
    """Return the title of chart ``name`` of notebook ``stem`` (``dc:title`` of the
    descriptor its data carries, ``figures/<stem>/<name>.csv-metadata.json``), or None."""
    path = root / "figures" / stem / f"{name}.csv-metadata.json"
    try:
        title = json.loads(path.read_text(encoding="utf-8")).get("dc:title")
    except (OSError, ValueError):
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


def key_finding(nb: NotebookNode, stem: str, root: Path, figures: list[str]) -> str | None:
    """Return the notebook's key finding: ``metadata.diaspora.finding`` when set, else the
    title of its main chart (``metadata.diaspora.main_figure``, else its first chart), or
    None."""
    meta = nb.metadata.get("diaspora", {})
    given = meta.get("finding")
    if isinstance(given, str) and given.strip():
        return given.strip()
    main = meta.get("main_figure")
    for name in ([main] if isinstance(main, str) else []) + figures:
        title = chart_title(root, stem, name)
        if title:
            return title
    return None


def sentence(finding: str) -> str:
    """Return a key finding as the sentence it is after "Key finding:": a chart title
    (written without a full stop) gets one; one ending in ".", "!", "?" or "…" is kept."""
    finding = finding.strip()
    return finding if finding.endswith((".", "!", "?", "…")) else f"{finding}."


def _keeps_capital(word: str, rest: str, locale: str) -> bool:
    """True when ``word``, the first of a sentence, is a proper noun or an acronym: it has a
    capital after its first letter ("ONU", "TOKTEN"), is a country's name in ``locale``
    (CLDR's territory names: "Mali", "France") or is written with its capital again in
    ``rest``, the sentence's other words ("Maliens"), not at the start of a next sentence."""
    if any(letter.isupper() for letter in word[1:]):
        return True
    # A country's whole name opens the sentence ("Mali", "La Réunion"; not "La politique…").
    whole = word + rest
    for name in Locale.parse(locale).territories.values():
        if whole.startswith(name) and not whole[len(name) : len(name) + 1].isalnum():
            return True
    # Not where it opens another sentence ("Les circuits… . Les transferts…").
    return re.search(rf"(?<![.!?…] )(?<!\w){re.escape(word)}(?!\w)", rest) is not None


def after_label(finding: str, language: str) -> str:
    """Return a key finding as the sentence written after the label "Key finding:" in the
    edition ``language`` (:func:`sentence`, with a full stop): with its capital where the
    edition capitalises after a colon (English), else with a lower-case first letter unless
    its first word is a proper noun or an acronym (French: « Constat principal : selon le
    document… », « … : Mali… »; :attr:`editions.Edition.capital_after_colon`).

    Raises ``ValueError`` naming the editions when ``language`` is not one."""
    said = sentence(finding)
    edition = editions.get(language)
    first = re.match(r"[^\W\d_]+", said)
    if edition.capital_after_colon or first is None or not first.group(0)[0].isupper():
        return said
    if _keeps_capital(first.group(0), said[first.end() :], edition.locale):
        return said
    return said[0].lower() + said[1:]


def finding_box(
    finding: str | None, gettext: Callable[[str], str] = str, language: str = "en"
) -> str:
    """Return the key-finding box shown under the page's question in the edition
    ``language``, or ""."""
    if not finding:
        return ""
    label = gettext("Key finding:")
    return (
        f'<div class="finding"><p><span class="label">{label}</span> '
        f"{html.escape(after_label(finding, language))}</p></div>"
    )


def changed_parameters(rows: list[dict[str, Any]], gettext: Callable[[str], str] = str) -> str:
    """Return one sentence naming the parameters set to other than their default for
    this build ("Built with focus_year = 2020 (default 2012)."), or "" when none was."""
    changed = [row for row in rows if row.get("overridden")]
    if not changed:
        return ""
    _ = gettext
    parts = [
        _("{name} = {value} (default {default})").format(
            name=f"<code>{html.escape(str(row['name']))}</code>",
            value=f"<code>{html.escape(str(row['value']))}</code>",
            default=f"<code>{html.escape(str(row.get('default', '')))}</code>",
        )
        for row in changed
    ]
    return _("Built with other values than the defaults: {values}.").format(values="; ".join(parts))
