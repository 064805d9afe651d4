"""Finding each student's notebook in a folder of submissions, and naming the student.

A submission is ``<name>/<any file>.ipynb`` (a folder per student, as copied from a
JupyterHub or unpacked from a learning platform's download) or ``<name>.ipynb`` (files sent
by e-mail). The student id is the name with every letter kept (accents, Arabic, N'Ko, ...),
normalised to Unicode NFC so that a zip made on macOS (which writes names decomposed, NFD)
does not split one student in two; only characters a file name cannot hold (``/ \\ : * ? "
< > |``, control characters) become ``_``. A roster CSV (columns ``name,student``) maps a
platform's names to the lecturer's ids instead.

Nothing here stops a collection: a student whose submission cannot be taken as it is (two
notebooks, two names that would become one id) is returned with the reason, for the
lecturer's attention, and everyone else is collected normally.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from diaspora_helpers.i18n import _

_UNSAFE = set('/\\:*?"<>|')


@dataclass
class Found:
    """What a folder of submissions holds: notebooks by student id, and problems by id."""

    notebooks: dict[str, Path] = field(default_factory=dict)
    attention: dict[str, str] = field(default_factory=dict)


def student_id(name: str) -> str:
    """Return the student id of a folder or file name: NFC, letters kept, unsafe chars ``_``.

    ``"Chloé Martin"`` -> ``"Chloé Martin"``; ``"a/b"`` -> ``"a_b"``. Raises ``ValueError``
    for a name with nothing but spaces, dots and unsafe characters.
    """
    text = unicodedata.normalize("NFC", name).strip()
    cleaned = "".join(
        "_" if ch in _UNSAFE or unicodedata.category(ch).startswith("C") else ch for ch in text
    ).strip(". ")
    if not cleaned.strip("_"):
        raise ValueError(f"no usable student id in the name {name!r}")
    return cleaned


def read_roster(path: Path) -> dict[str, str]:
    """Return a roster CSV as ``{platform name (NFC): student id}``.

    The CSV has a header ``name,student``: ``name`` as it appears in the submissions (a
    folder or file name), ``student`` the id to grade under. Raises ``ValueError`` naming
    the line of a missing column, an empty cell, or a name listed twice.
    """
    roster: dict[str, str] = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"name", "student"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: the roster needs the columns name,student")
        for line, row in enumerate(reader, start=2):
            name = unicodedata.normalize("NFC", (row["name"] or "").strip())
            student = (row["student"] or "").strip()
            if not name or not student:
                raise ValueError(f"{path}, line {line}: name and student must both be filled")
            if name in roster:
                raise ValueError(f"{path}, line {line}: {name!r} is listed twice")
            roster[name] = student_id(student)
    return roster


#: The suffix Moodle's "Download all submissions" adds to each student's folder
#: (``Awa Traoré_123456_assignsubmission_file_``): the name before it is the student's.
_MOODLE_SUFFIX = re.compile(r"_\d+_assignsubmission_[a-z]+_?$")


def _name_of(path: Path, source: Path) -> str:
    relative = path.relative_to(source)
    name = relative.parts[0] if len(relative.parts) > 1 else path.stem
    return _MOODLE_SUFFIX.sub("", name)


def find(source: Path, roster: dict[str, str] | None = None) -> Found:
    """Return each student's notebook under ``source``, and the students needing attention.

    A student with two notebooks, or two names that give the same id (the same letters in
    another case count as the same, as on macOS and Windows), is set aside with the reason;
    nothing is merged. With a ``roster``, a name it does not list is set aside too.
    """
    by_name: dict[str, list[Path]] = {}
    for path in sorted(source.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts or any(p.startswith(".") for p in path.parts):
            continue
        if any(p.startswith("__MACOSX") for p in path.relative_to(source).parts):
            continue
        by_name.setdefault(_name_of(path, source), []).append(path)
    found = Found()
    groups: dict[str, list[tuple[str, str, list[Path]]]] = {}
    for name, notebooks in by_name.items():
        key = unicodedata.normalize("NFC", name.strip())
        try:
            sid = roster[key] if roster is not None else student_id(name)
        except KeyError:
            found.attention[student_id(name)] = _("{name!r} is not in the roster").format(name=name)
            continue
        except ValueError as exc:
            found.attention[f"unnamed ({notebooks[0].relative_to(source)})"] = str(exc)
            continue
        groups.setdefault(sid.casefold(), []).append((key, sid, notebooks))
    for entries in groups.values():
        names = sorted({entry[0] for entry in entries})
        if len(names) > 1:
            listed = ", ".join(repr(n) for n in names)
            for key, sid, _paths in entries:
                label = sid if sid == key else f"{sid} ({key})"
                found.attention[label] = _(
                    "the names {listed} give the same student id: rename one or use a roster"
                ).format(listed=listed)
            continue
        sid = entries[0][1]
        notebooks = [p for entry in entries for p in entry[2]]
        if len(notebooks) > 1:
            listed = ", ".join(str(p.relative_to(source)) for p in notebooks)
            found.attention[sid] = _("two or more notebooks ({listed}): keep only one").format(
                listed=listed
            )
        else:
            found.notebooks[sid] = notebooks[0]
    return found
