"""Pages rendered once per content: the page cache of a run.

Rendering an executed notebook as a page (nbconvert, lighter PNGs, chart tables) costs
about as much as running a short notebook, and a run renders every page of both editions
(the tree it publishes is always complete). :func:`render` reuses a page rendered before
when nothing it is made from has changed, so after one notebook's change only that page
(and its twin, if it changed too) is rendered again.

Key
    The SHA-256 of everything :func:`diaspora_helpers.publish.site.pages.render_notebook`
    reads: the executed notebook's text (which lists every file the kernel wrote, with
    its hash), its name, the edition and the site's flags (glossary, guide), the map of the
    run's pages it links to (``links.SiteMap``: neighbours, titles, twins), whether the
    run failed, the page's "last updated" date (from git), ``CITATION.cff``, every file
    of the helper package and of ``data/`` (templates, catalogs and site code included),
    and the installed distributions (nbconvert's version among them);
    :data:`PAGE_VERSION` is bumped when the rendering reads something new.

Entries
    ``<cache>/pages/<key[:2]>/<key>/``: ``page.html`` and ``files/`` (the page's folder of
    images, ``<stem>_files/``), written and checked like the execution cache's entries
    (:class:`~diaspora_helpers.publish.execution.cache.Cache`), bounded on their own.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from diaspora_helpers import paths
from diaspora_helpers.publish.execution.cache import Cache, sha256_file
from diaspora_helpers.publish.execution.cleaning import notebook_text

#: Bump when a page's rendering reads an input the key does not list.
PAGE_VERSION = 1
PAGE = "page.html"
#: Pages of both editions, a few runs deep.
MAX_PAGES = 240
MAX_PAGE_BYTES = 500 * 1024**2


def page_cache(cache_root: Path) -> Cache:
    """Return the page cache that lives beside the execution cache at ``cache_root``."""
    return Cache(cache_root / "pages", text_name=PAGE)


def site_fingerprint() -> str:
    """Return what every page of a run shares in its key: the package, ``data/``, the
    installed distributions and ``CITATION.cff`` (computed once per run)."""
    from diaspora_helpers.publish.execution import cache

    citation = paths.PROJECT_ROOT / "CITATION.cff"
    cited = sha256_file(citation) if citation.is_file() else "absent"
    return cache.inputs_fingerprint() + cache.environment_fingerprint() + cited


def page_key(nb: NotebookNode, stem: str, web: Any, failed: bool, shared: str) -> str:
    """Return the page cache's key of rendering ``nb`` as page ``stem`` of ``web``."""
    from diaspora_helpers.publish.site import citation

    payload = {
        "version": PAGE_VERSION,
        "notebook": hashlib.sha256(notebook_text(nb).encode()).hexdigest(),
        "stem": stem,
        "language": web.language,
        "glossary": web.glossary,
        "guide": web.guide,
        "links": web.links.digest() if web.links is not None else "",
        "failed": failed,
        "updated": citation.page_updated(stem, web.language),
        "shared": shared,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def render(
    nb: NotebookNode,
    stem: str,
    web: Any,
    *,
    failed: bool = False,
    pages: Cache | None = None,
    shared: str = "",
    reuse: bool = True,
) -> bool:
    """Write page ``stem`` of ``web`` (``<stem>.html`` and ``<stem>_files/``) for the
    executed notebook ``nb``, from ``pages`` when it holds the same rendering and
    ``reuse`` is true (a fresh run renders every page, and stores it); return True when
    the page was reused. Without ``pages`` the page is rendered and not stored."""
    from diaspora_helpers.publish.site import pages as site

    page = web.root / f"{stem}.html"
    folder = web.root / f"{stem}_files"
    key = page_key(nb, stem, web, failed, shared) if pages is not None else ""
    found = pages.get_text(key) if pages is not None and reuse else None
    if found is not None:
        text, files = found
        page.write_text(text, encoding="utf-8")
        if any(files.iterdir()):
            shutil.copytree(files, folder, dirs_exist_ok=True)
        return True
    site.render_notebook(nb, stem, web, failed=failed)
    if pages is not None:
        with tempfile.TemporaryDirectory(prefix="diaspora-page-") as empty:
            stored = folder if folder.is_dir() else Path(empty)
            pages.put(key, page.read_text(encoding="utf-8"), stored)
    return False
