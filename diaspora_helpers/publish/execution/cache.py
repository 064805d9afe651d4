"""A content-keyed cache of executed notebooks and the files they produced.

Key
    The SHA-256 of everything that can change a notebook's results: its code cells (in
    order) and the parameters it runs with, its key (which names the edition), the
    executor's rules (:data:`EXECUTOR_VERSION`), every file of ``data/`` (the loader's
    folder), every file of the helper package a kernel can import (its source and
    compiled catalogs; not the publishing layers, :data:`NOT_SEEN_BY_KERNELS`), the
    Python version, and the name and version of every distribution
    installed in the running environment as ``importlib.metadata`` reports it (so a
    conda or ``pip install .`` user is keyed by what is installed, not by the lock file).
    Markdown cells are not in the key: a Markdown-only edit re-renders without running.

Entries
    ``<cache>/<key[:2]>/<key>/``: ``notebook.ipynb`` (the cleaned executed notebook),
    ``files/`` (what the kernel wrote: charts, their data) and ``entry.json`` with the
    SHA-256 of each of them. An entry is written into a temporary folder of the cache and
    renamed into place, so a reader never sees half an entry and two writers of one key
    (two runs, two test workers) do not collide: the second rename loses and its copy is
    dropped. An entry whose files do not match ``entry.json`` is deleted and rebuilt.

Bounds
    At most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES` bytes; the least recently
    used (by the time stamp of ``entry.json``, refreshed on every hit) go first.

Where
    ``DIASPORA_CACHE_DIR`` if set; else the checkout's ``.diaspora-cache/`` (git-ignored,
    removed by ``make clean``) for an outputs folder inside a checkout, whatever its depth
    (``outputs/``, ``outputs/group_a``); else ``.diaspora-cache/`` beside the outputs folder.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import diaspora_helpers
from diaspora_helpers import paths

if TYPE_CHECKING:
    from nbformat import NotebookNode

#: Bump when the executor's environment or output rules change what a run stores.
EXECUTOR_VERSION = 1
MAX_ENTRIES = 400
MAX_BYTES = 1_500_000_000
CACHE_VARIABLE = "DIASPORA_CACHE_DIR"
ENTRY = "entry.json"
NOTEBOOK = "notebook.ipynb"
FILES = "files"


def cache_dir(outputs: Path) -> Path:
    """Return the cache folder for runs into ``outputs`` (see the module's docstring).

    ``DIASPORA_CACHE_DIR`` if set; else, when ``outputs`` lies in a checkout of the
    collection, the checkout's ``.diaspora-cache/`` (one cache for every outputs folder of
    the checkout, never inside a published tree such as ``outputs/group_a``'s parent);
    else ``.diaspora-cache/`` beside ``outputs``.
    """
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override).resolve()
    outputs = outputs.resolve()
    checkout = paths.find_checkout(outputs.parent)
    return (checkout or outputs.parent) / ".diaspora-cache"


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: What a kernel never imports, so a change to it cannot change a notebook's results: the
#: publishing layers (the import contracts keep ``publish`` out of every module a notebook
#: imports; only ``__main__`` imports it), except the executor, which sets the kernel's
#: environment. A page or course change then re-renders without re-running any notebook.
NOT_SEEN_BY_KERNELS = ("__main__.py", "publish/")
SEEN_BY_KERNELS = ("publish/execution/",)


def _tree_digest(
    root: Path, *, skip: tuple[str, ...] = ("__pycache__",), kernel_only: bool = False
) -> str:
    digest = hashlib.sha256()
    if not root.is_dir():
        return "absent"
    for path in sorted(root.rglob("*")):
        if path.is_dir() or any(part in skip for part in path.relative_to(root).parts):
            continue
        if path.suffix in (".pyc",):
            continue
        name = path.relative_to(root).as_posix()
        if kernel_only and name.startswith(NOT_SEEN_BY_KERNELS):
            if not name.startswith(SEEN_BY_KERNELS):
                continue
        digest.update(name.encode() + b"\0")
        digest.update(sha256_file(path).encode() + b"\n")
    return digest.hexdigest()


@functools.cache
def environment_fingerprint() -> str:
    """Return a digest of the Python version and every installed distribution's version.

    The distributions are the ``*.dist-info`` and ``*.egg-info`` entries of the folders of
    ``sys.path``, the entries ``importlib.metadata`` finds them by, whose names carry the
    name and version (``pandas-3.0.1.dist-info``); reading each one's metadata instead
    costs about two seconds. An entry without a version in its name (an old develop
    install) is read through ``importlib.metadata``.
    """
    return hashlib.sha256("\n".join([sys.version, *installed()]).encode()).hexdigest()


def installed() -> list[str]:
    """Return ``name==version`` of every distribution on ``sys.path``, sorted; names are
    lower case with ``-`` and ``.`` as ``_`` (the wheel file names' spelling)."""
    from importlib import metadata

    pins = set()
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = [p for p in folder.iterdir() if p.suffix in (".dist-info", ".egg-info")]
        except OSError:  # a zip file, a missing folder
            continue
        for path in names:
            name, _, rest = path.stem.partition("-")
            version = rest.split("-")[0]
            if not version:
                try:
                    version = metadata.PathDistribution(path).version or ""
                except Exception:  # unreadable metadata: the name still counts
                    version = ""
            pins.add(f"{re.sub(r'[-_.]+', '_', name).lower()}=={version}")
    return sorted(pins)


def inputs_fingerprint(*, kernel_only: bool = False) -> str:
    """Return a digest of ``data/`` and of the helper package's files (not cached per
    process: a long-lived process may see them change). ``kernel_only`` leaves out what no
    kernel imports (:data:`NOT_SEEN_BY_KERNELS`): the cache's key of an execution uses it;
    whether a whole run is up to date (pages included) uses the whole package."""
    package = Path(diaspora_helpers.__file__).resolve().parent
    try:
        data = paths.data_dir()
    except FileNotFoundError:
        data_digest = "absent"
    else:
        data_digest = _tree_digest(data)
    tree = _tree_digest(package, kernel_only=kernel_only)
    return hashlib.sha256(f"{tree}\n{data_digest}".encode()).hexdigest()


def notebook_key(
    source: NotebookNode, key: str, parameters: dict[str, Any], fingerprint: str
) -> str:
    """Return the cache key of running ``source`` (notebook ``key``) with ``parameters``.

    ``fingerprint`` is :func:`inputs_fingerprint` + :func:`environment_fingerprint`, computed
    once per run.
    """
    code = [c.source for c in source.cells if c.cell_type == "code"]
    payload = {
        "executor": EXECUTOR_VERSION,
        "notebook": key,
        "code": code,
        "parameters": parameters,
        "inputs": fingerprint,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Hit:
    """A usable cache entry: the executed notebook and the folder of its files."""

    notebook: NotebookNode
    files: Path


class Cache:
    """The cache at ``root`` (created on first write). Each entry is one text (by default
    an executed notebook, ``notebook.ipynb``; the page cache stores a page under
    ``text_name="page.html"``) and a folder of files, checked by their hashes."""

    def __init__(self, root: Path, text_name: str = NOTEBOOK) -> None:
        self.root = root
        self.text_name = text_name

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get_text(self, key: str) -> tuple[str, Path] | None:
        """Return the text and the files folder of ``key``'s entry if it is complete and
        intact; else None (a damaged entry is removed, so the caller rebuilds it)."""
        entry = self._entry(key)
        try:
            manifest = json.loads((entry / ENTRY).read_text(encoding="utf-8"))
            hashes: dict[str, str] = manifest["files"]
            if sha256_file(entry / self.text_name) != manifest["notebook"]:
                raise ValueError("text hash")
            for rel, expected in hashes.items():
                if sha256_file(entry / FILES / rel) != expected:
                    raise ValueError(f"hash of {rel}")
            on_disk = {
                p.relative_to(entry / FILES).as_posix()
                for p in (entry / FILES).rglob("*")
                if p.is_file()
            }
            if on_disk != set(hashes):
                raise ValueError("files differ from the entry's list")
            text = (entry / self.text_name).read_text(encoding="utf-8")
            os.utime(entry / ENTRY)
        except FileNotFoundError:
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            return None
        except (OSError, ValueError, KeyError, TypeError):
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return text, entry / FILES

    def get(self, key: str) -> Hit | None:
        """Return the executed notebook of ``key`` and its files if the entry is intact."""
        found = self.get_text(key)
        if found is None:
            return None
        import nbformat

        try:
            notebook = nbformat.reads(found[0], as_version=4)
        except Exception:  # an unreadable notebook is a damaged entry
            shutil.rmtree(self._entry(key), ignore_errors=True)
            return None
        return Hit(notebook, found[1])

    def put(self, key: str, notebook_text: str, files: Path) -> None:
        """Store an entry's text (an executed notebook, or a page) and a copy of its files
        folder."""
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix="tmp-", dir=self.root))
        try:
            (temporary / self.text_name).write_text(notebook_text, encoding="utf-8")
            if files.is_dir():
                shutil.copytree(files, temporary / FILES)
            else:
                (temporary / FILES).mkdir()
            hashes = {
                p.relative_to(temporary / FILES).as_posix(): sha256_file(p)
                for p in sorted((temporary / FILES).rglob("*"))
                if p.is_file()
            }
            entry = {"notebook": sha256_file(temporary / self.text_name), "files": hashes}
            (temporary / ENTRY).write_text(json.dumps(entry, indent=1), encoding="utf-8")
            target = self._entry(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                temporary.rename(target)
            except OSError:  # another writer got there first: its entry is as good
                shutil.rmtree(temporary, ignore_errors=True)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise

    def evict(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> int:
        """Remove the least recently used entries beyond the bounds; return how many."""
        if not self.root.is_dir():
            return 0
        with open(self.root / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            entries = []
            for stamp in self.root.glob(f"*/*/{ENTRY}"):
                try:
                    used = stamp.stat().st_mtime
                    size = sum(p.stat().st_size for p in stamp.parent.rglob("*") if p.is_file())
                except OSError:
                    continue
                entries.append((used, size, stamp.parent))
            entries.sort(reverse=True)
            kept_bytes, removed = 0, 0
            for index, (_, size, folder) in enumerate(entries):
                kept_bytes += size
                if index >= max_entries or kept_bytes > max_bytes:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed += 1
            for stale in self.root.glob("tmp-*"):
                try:
                    if stale.stat().st_mtime < _now() - 24 * 3600:
                        shutil.rmtree(stale, ignore_errors=True)
                except OSError:
                    pass
            return removed


def _now() -> float:
    import time

    return time.time()
