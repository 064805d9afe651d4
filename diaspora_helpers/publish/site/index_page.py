"""The index page of each edition: a pitch, then every page grouped as Read, Practise and
Teach, each notebook with its title, its key finding, a summary that does not repeat the
title, a thumbnail of its main figure (alt text: what the chart shows) and, when it was
built with other than the default parameters, a line naming them; all
in the site's language (``_ = site.gettext``, see :mod:`site`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from nbformat import NotebookNode

from diaspora_helpers.i18n import N_
from diaspora_helpers.publish.site import markup, navigation, story
from diaspora_helpers.publish.site.images import make_thumbnail
from diaspora_helpers.publish.site.pages import (
    COURSE_PREFIX,
    FIGURE_METADATA_KEY,
    GLOSSARY_PAGE,
    GUIDE_PAGE,
    PAGES,
    Site,
    figure_names,
    notebook_summary,
    notebook_title,
    parameter_rows,
)


def main_figure(nb: NotebookNode, stem: str, site: Site) -> Path | None:
    """Return the PNG of the notebook's main figure (``metadata.diaspora.main_figure``,
    else the first figure it shows), or None."""
    chosen = nb.metadata.get("diaspora", {}).get("main_figure")
    names = ([chosen] if isinstance(chosen, str) else []) + figure_names(nb)
    for name in names:
        path = site.root / "figures" / stem / f"{name}.png"
        if path.exists():
            return path
    pngs = sorted((site.root / "figures" / stem).glob("*.png"))
    pngs = [p for p in pngs if not p.stem.endswith("_slide")]
    return pngs[0] if pngs else None


class IndexEntry(str):
    """One notebook's item on the index (HTML), knowing its notebook and index group."""

    stem: str
    group: str

    def __new__(cls, markup: str, stem: str) -> IndexEntry:
        entry = super().__new__(cls, markup)
        entry.stem, entry.group = stem, navigation.group_of(stem)
        return entry


def figure_alt(nb: NotebookNode, name: str) -> str | None:
    """Return the alt text ``charts.show`` stored for figure ``name`` (what it shows), or None."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {})
            if meta.get(FIGURE_METADATA_KEY) == name:
                alt = meta.get("image/png", {}).get("alt")
                if isinstance(alt, str) and alt.strip():
                    return alt.strip()
    return None


def summary_without_title(summary: str, title: str) -> str:
    """Return ``summary`` without a lead-in that repeats ``title``: the title itself
    ("T: the rest" -> "The rest"), or a part before the first colon whose words are mostly
    the title's ("How many live abroad: ..." under "Abroad: how many live?")."""
    rest = ""
    if title and summary.lower().startswith(title.lower()):
        rest = summary[len(title) :]
    elif ": " in summary:
        lead, after = summary.split(": ", 1)
        words = re.findall(r"\w+", lead.lower())
        known = set(re.findall(r"\w+", title.lower()))
        if words and sum(w in known for w in words) >= 0.6 * len(words):
            rest = after
    rest = rest.lstrip(" :;,.-–—")
    return rest[0].upper() + rest[1:] if rest else summary


def index_entry(
    nb: NotebookNode | None,
    stem: str,
    site: Site,
    status: str,
    *,
    twin: NotebookNode | None = None,
) -> IndexEntry:
    """Return the index's list item for one notebook: its title, its key finding
    (:func:`story.key_finding`), a summary that does not repeat the title, a thumbnail of
    its main figure (alt text: what the chart shows), and a line naming the parameters
    set to other than their default, if any. ``twin`` is the English twin of a French notebook: a
    summary copied from it unchanged is not used (see :func:`site.notebook_summary`)."""
    _ = site.gettext
    if nb is None:
        missing = _("Not run yet: <code>make run</code> builds this page.")
        return IndexEntry(
            f'<li><div><h3>{html.escape(stem)}</h3><p class="muted">{missing}</p></div></li>',
            stem,
        )
    plain_title = notebook_title(nb, stem)
    title = html.escape(plain_title)
    english = twin.metadata.get("diaspora", {}).get("summary") if twin is not None else None
    summary = notebook_summary(nb, untranslated=english)
    summary = markup.markdown_inline(summary_without_title(summary, plain_title))
    thumb = ""
    figure = main_figure(nb, stem, site)
    if figure is not None:
        target = make_thumbnail(figure, site.root / "thumbnails" / f"{stem}.png")
        alt = figure_alt(nb, figure.stem) or _("Main chart of {title}").format(title=plain_title)
        # The title beside it links to the same page, and the key finding under the title
        # says what the chart shows: the picture is a second way in for a pointer only, out
        # of the tab order and of what a screen reader reads (one stop per page).
        thumb = (
            f'<a class="thumb" href="{stem}.html" tabindex="-1" aria-hidden="true">'
            f'<img class="thumb" src="thumbnails/{target.name}" alt="{html.escape(alt)}"></a>'
        )
    flag = ""
    if status == "failed":
        failed = _("(failed in this run)")
        flag = f' <span class="status-failed">{failed}</span>'
    found = story.key_finding(nb, stem, site.root, figure_names(nb))
    finding = ""
    if found:
        label = _("Key finding:")
        said = html.escape(story.after_label(found, site.language))
        finding = f'<p class="finding-line"><strong>{label}</strong> {said}</p>'
    changed = story.changed_parameters(parameter_rows(nb), _)
    changed = f'<p class="meta">{changed}</p>' if changed else ""
    return IndexEntry(
        f'<li>{thumb}<div><h3><a href="{stem}.html">{title}</a>{flag}</h3>'
        f"{finding}<p>{summary}</p>{changed}"
        "</div></li>",
        stem,
    )


PITCH = N_(
    "How many Malians live abroad, how much money they send home, and what the "
    "State has built to work with them? These pages read a policy overview of Mali's diaspora "
    "closely, check each of its figures against UN and World Bank statistics, and show the "
    "working: every chart comes with its data, every number with its source. Read the five "
    "topic notebooks, practise with the exercises, or teach the short course. Everything works "
    "offline."
)


#: What each course document holds, said under its title in the index's Teach group (by
#: the document's stem; a document not listed shows its title alone). The order is the
#: Teach group's, after the guide, in both editions: the order a lecturer uses them in
#: (plan the course, choose the readings, then how work is marked and the rules, then the
#: first session, then the students' handout), not the files' names.
COURSE_DESCRIPTIONS = {
    "course_syllabus": N_(
        "Five sessions of 90 minutes: learning outcomes, prerequisites, the plan of each "
        "session and the weights of the assessment."
    ),
    "course_readings": N_(
        "One reading of about an hour per session, for after class, and further reading."
    ),
    "course_rubric": N_(
        "How the two writing tasks and the discussions are marked, criterion by criterion."
    ),
    "course_policies": N_(
        "Default rules on accessibility, academic integrity, collaboration and chatbots, and "
        "late work, to adapt to your institution."
    ),
    "course_onboarding": N_(
        "The first half hour of session 1: every student gets a working notebook, checks an "
        "answer and knows how to hand in."
    ),
    "course_pandas_cheat_sheet": N_(
        "Every pandas operation the exercises need, each with the line to write."
    ),
}


def course_order(stems: Iterable[str]) -> list[str]:
    """Return the course documents' ``stems`` in the order of :data:`COURSE_DESCRIPTIONS`,
    a document it does not list after them, by name."""
    known = list(COURSE_DESCRIPTIONS)
    return sorted(
        stems, key=lambda stem: (known.index(stem) if stem in known else len(known), stem)
    )


def render_index(site: Site, entries: list[str], *, finish: bool = True) -> Path:
    """Write ``index.html``: a pitch, then the pages grouped as Read (topic notebooks),
    Practise (exercises) and Teach (guide, glossary, solutions), in the site's language;
    then, unless ``finish`` is false (the runner finishes both editions at once), complete
    the site (:func:`navigation.finish`: previous/next links, cross-references, data
    package, links to the other edition)."""
    _ = site.gettext
    grouped: dict[str, list[str]] = {key: [] for key, _label, _prefixes in navigation.GROUPS}
    for entry in entries:
        stem = getattr(entry, "stem", "")
        grouped[navigation.group_of(stem) if stem else "read"].append(entry)
    teach = []
    guide, glossary = _("Instructor guide"), _("Glossary")
    if site.guide:
        about = _(
            "The course plan session by session: objectives, timing, exercises, discussion "
            "questions."
        )
        teach.append(
            f'<li><div><h3><a href="{GUIDE_PAGE}">{guide}</a></h3><p>{about}</p></div></li>'
        )
    pages = {page.stem: page for page in site.root.glob(f"{COURSE_PREFIX}*.html")}
    for page in (pages[stem] for stem in course_order(pages)):
        name = html.escape(html.unescape(navigation.page_title(page)))
        described = COURSE_DESCRIPTIONS.get(page.stem)
        said = f"<p>{html.escape(_(described))}</p>" if described else ""
        teach.append(f'<li><div><h3><a href="{page.name}">{name}</a></h3>{said}</div></li>')
    if site.glossary:
        about = _("The acronyms of the document and the data, in English and French.")
        teach.append(
            f'<li><div><h3><a href="{GLOSSARY_PAGE}">{glossary}</a></h3><p>{about}</p></div></li>'
        )
    grouped["teach"] = teach + grouped["teach"]
    groups = [
        {"key": key, "label": _(label), "entries": grouped[key]}
        for key, label, _prefixes in navigation.GROUPS
    ]
    body = PAGES.get_template("index.html.j2").render(
        title=_("{site}: the notebooks").format(site=site.title), pitch=_(PITCH), groups=groups
    )
    out = site.root / "index.html"
    out.write_text(site.page(site.title, body, name=out.name), encoding="utf-8")
    if finish:
        navigation.finish(site.root)
    return out
