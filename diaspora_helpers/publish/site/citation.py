"""Around a notebook page: when it last changed, and how to cite it.

"Last updated" is the date of the last commit that touched the page's notebook or the
data tables (``git log -1 --format=%cs``), so it changes only when the page's sources do
and rebuilding gives the same bytes; without git or outside a checkout (a zip, an sdist)
it is omitted. "Cite this page" gives APA and BibTeX from ``CITATION.cff`` (title,
authors, version, and its ``url`` or ``repository-code`` only when set: no address is
invented); without that file it is omitted.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diaspora_helpers import i18n, paths
from diaspora_helpers.i18n import N_

CITATION_FILE = "CITATION.cff"


@functools.cache
def last_updated(*sources: Path) -> str | None:
    """Return the date (``YYYY-MM-DD``) of the last commit touching any of ``sources`` in
    the project's git checkout, or None (no git, no checkout, no commit, a file outside
    the checkout)."""
    git = shutil.which("git")
    root = paths.PROJECT_ROOT
    if git is None or not (root / ".git").exists():
        return None
    inside = []
    for source in sources:
        try:
            inside.append(str(Path(source).resolve().relative_to(root.resolve())))
        except ValueError:
            continue
    if not inside:
        return None
    try:
        found = subprocess.run(
            [git, "log", "-1", "--format=%cs", "--", *inside],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else None


def page_updated(stem: str, language: str) -> str | None:
    """Return :func:`last_updated` of notebook ``stem`` of the ``language`` edition
    (``notebooks/[<language>/]<stem>.ipynb`` of the checkout) and of ``data/``, or None
    when that notebook is not in the checkout."""
    folder = "" if language == i18n.LANGUAGES[0] else language
    source = paths.PROJECT_ROOT / "notebooks" / folder / f"{stem}.ipynb"
    if not source.is_file():
        return None
    return last_updated(source, paths.PROJECT_ROOT / "data")


@functools.cache
def _citation() -> dict[str, Any]:
    path = paths.PROJECT_ROOT / CITATION_FILE
    try:
        import yaml

        found = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError):
        return {}
    return found if isinstance(found, dict) else {}


def _authors(meta: dict[str, Any]) -> list[str]:
    names = []
    for author in meta.get("authors") or []:
        if not isinstance(author, dict):
            continue
        if author.get("name"):
            names.append(str(author["name"]))
        elif author.get("family-names"):
            given = str(author.get("given-names", "")).strip()
            names.append(f"{author['family-names']}, {given}".strip(", "))
    return names


#: The texts of ``CITATION.cff`` a reader sees in "Cite this page", marked for the catalogs
#: so that an edition cites the work under its own title (a test checks they match the file).
CITATION_TEXTS = (
    N_("Mali and its diaspora: a collection of narrative notebooks"),
    N_("The Mali diaspora notebook collection contributors"),
)


def cite_block(
    page_title: str, page: str, updated: str | None, gettext: Callable[[str], str] = str
) -> str:
    """Return the "Cite this page" block (APA and BibTeX) of page ``page`` (its file name)
    titled ``page_title``, or "" without ``CITATION.cff``."""
    meta = _citation()
    if not meta.get("title"):
        return ""
    _ = gettext
    authors = [_(a) for a in _authors(meta)] or [_(str(meta["title"]))]
    year = updated[:4] if updated else _("n.d.")
    version = str(meta.get("version", "")).strip()
    address = str(meta.get("url") or meta.get("repository-code") or "").strip()
    title = _(str(meta["title"]))
    work = html.escape(title)
    edition = _(" (Version {version})").format(version=version) if version else ""
    within = _("In")
    stop = "" if page_title.rstrip()[-1:] in ".?!…" else "."
    apa = (
        f"{html.escape(' & '.join(authors))} ({year}). {html.escape(page_title)}{stop} "
        f"{within} <cite>{work}</cite>{html.escape(edition)}."
        + (f" {html.escape(address)}" if address else "")
    )
    key = re.sub(r"\W+", "_", f"mali_diaspora_{page.removesuffix('.html')}").strip("_")
    fields = [
        ("author", " and ".join("{" + a + "}" for a in authors)),
        ("title", "{" + page_title + "}"),
        ("howpublished", "{" + title + (f", version {version}" if version else "")),
        ("year", "{" + (updated[:4] if updated else "n.d.") + "}"),
    ]
    fields[2] = (fields[2][0], fields[2][1] + "}")
    if address:
        fields.append(("url", "{" + address + "}"))
    bibtex = "@misc{" + key + ",\n" + ",\n".join(f"  {k} = {v}" for k, v in fields) + "\n}"
    summary = _("Cite this page")
    return (
        f'<details class="cite"><summary>{summary}</summary>'
        f"<p><strong>APA</strong> {apa}</p>"
        f"<p><strong>BibTeX</strong></p><pre>{html.escape(bibtex)}</pre></details>"
    )
