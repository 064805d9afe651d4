"""The charts of a notebook page: which figures it shows, the files beside it (full-size
SVG, phone rendering, downloads) and its inline images written out as files.

A figure is named by the output metadata ``charts.show()`` writes
(:data:`FIGURE_METADATA_KEY`); its files are in ``<site>/figures/<stem>/`` (copied there by
the runner from what the kernel wrote). Pure look-ups of files that exist, except
:func:`extract_images`, which writes ``<stem>_files/``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

from nbformat import NotebookNode

from diaspora_helpers.publish.site.images import lighter_png

#: The output metadata key charts.show() writes (charts.FIGURE_METADATA_KEY; not imported,
#: because importing charts costs this process pandas and matplotlib).
FIGURE_METADATA_KEY = "diaspora_figure"


def figure_names(nb: NotebookNode) -> list[str]:
    """Return the names of the figures shown through ``charts.show``, in notebook order."""
    names: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get(FIGURE_METADATA_KEY)
            if isinstance(name, str) and name not in names:
                names.append(name)
    return names


def full_size(stem: str, root: Path, names: list[str]) -> dict[str, str]:
    """Return, per figure, the full-size file a tap on the inline image opens (SVG, else
    PNG), as a link relative to the site's folder ``root``."""
    full = {}
    for name in names:
        for suffix in (".svg", ".png"):
            if (root / "figures" / stem / f"{name}{suffix}").exists():
                full[name] = f"figures/{stem}/{name}{suffix}"
                break
    return full


def chart_titles(stem: str, root: Path, names: list[str]) -> dict[str, str]:
    """Return, per figure, its title (``dc:title`` of its data's CSVW metadata,
    ``<name>.csv-metadata.json``), for the figures whose metadata has one."""
    titles = {}
    for name in names:
        path = root / "figures" / stem / f"{name}.csv-metadata.json"
        try:
            title = json.loads(path.read_text(encoding="utf-8")).get("dc:title", "")
        except (OSError, ValueError):
            continue
        if title:
            titles[name] = str(title)
    return titles


def phone_renderings(stem: str, root: Path, names: list[str]) -> dict[str, str]:
    """Return, per figure, its phone rendering (``<name>_phone.svg``) when it has one."""
    found = {}
    for name in names:
        if (root / "figures" / stem / f"{name}_phone.svg").exists():
            found[name] = f"figures/{stem}/{name}_phone.svg"
    return found


def download_links(
    stem: str, root: Path, names: list[str], gettext: Callable[[str], str] = str
) -> dict[str, str]:
    """Return, per figure, the HTML line of links to its files (PNG, SVG, slide, data and
    its metadata), the words translated with ``gettext``; a figure without files has none."""
    _ = gettext
    links = {}
    for name in names:
        folder = root / "figures" / stem
        parts = []
        for label, file in (
            ("PNG", f"{name}.png"),
            # The scalable chart, readable at any zoom: the one to open on a phone.
            (_("full size (SVG)"), f"{name}.svg"),
            (_("slide 16:9"), f"{name}_slide.png"),
            (_("data (CSV)"), f"{name}.csv"),
            (_("about the data (JSON)"), f"{name}.csv-metadata.json"),
        ):
            if (folder / file).exists():
                parts.append(f'<a href="figures/{stem}/{file}">{label}</a>')
        if parts:
            links[name] = _("Download this chart: {links}").format(links=" · ".join(parts))
    return links


def extract_images(nb: NotebookNode, stem: str, root: Path) -> None:
    """Write ``nb``'s inline images to ``<root>/<stem>_files/`` (PNGs as lighter palette
    PNGs, see :func:`images.lighter_png`) and point the outputs at those files (``nb`` is
    changed in place)."""
    folder = root / f"{stem}_files"
    for index, cell in enumerate(nb.cells):
        for number, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            for mime, suffix in (("image/png", "png"), ("image/jpeg", "jpg")):
                if mime in data:
                    folder.mkdir(parents=True, exist_ok=True)
                    name = f"cell{index + 1}_{number + 1}.{suffix}"
                    raw = base64.b64decode(data[mime])
                    (folder / name).write_bytes(lighter_png(raw) if suffix == "png" else raw)
                    output.setdefault("metadata", {}).setdefault("filenames", {})[mime] = (
                        f"{stem}_files/{name}"
                    )
