"""A translation keeps the ``{placeholders}`` of its message (issue 24).

A translator who renames ``{options}`` to ``{choix}`` passed ``catalogs --check`` and every
test, and the student got ``KeyError: 'choix'`` instead of a hint: Babel's own check reads
``%`` formats only. Each case below writes a small catalog and runs the real check on it.
"""

from __future__ import annotations

import pytest

from diaspora_helpers import i18n
from diaspora_helpers.publish import catalogs


def _catalog(tmp_path, monkeypatch, entries: str) -> list[str]:
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
    (folder / "labels_test.po").write_text(header + entries, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(i18n, "AREAS", {})
    return catalogs.problems()


@pytest.mark.parametrize(
    ("french", "fault"),
    [
        ("Ce n'est pas l'une des réponses : {choix}.", "renamed"),
        ("Ce n'est pas l'une des réponses.", "dropped"),
        ("Ce n'est pas l'une des réponses : {options} ({n}).", "added"),
        ("Ce n'est pas l'une des réponses : {options.", "unmatched brace"),
    ],
)
def test_a_translation_that_changes_its_placeholders_fails_the_check(
    tmp_path, monkeypatch, french, fault
):
    entry = f'msgid "That is not one of the possible answers: {{options}}."\nmsgstr "{french}"\n'
    found = [line for line in _catalog(tmp_path, monkeypatch, entry) if "placeholders" in line]
    assert len(found) == 1, (fault, found)
    assert "{options}" in found[0]
    # and the fault is real: the French cannot be filled as the code fills the English
    if fault in ("renamed", "unmatched brace"):
        with pytest.raises((KeyError, ValueError)):
            french.format(options="a, b")


def test_a_faithful_translation_passes(tmp_path, monkeypatch):
    entry = (
        'msgid "That is not one of the possible answers: {options}."\n'
        "msgstr \"Ce n'est pas l'une des réponses possibles : {options}.\"\n"
    )
    assert [line for line in _catalog(tmp_path, monkeypatch, entry) if "placeholders" in line] == []


def test_plural_forms_may_spell_out_one_but_never_rename(tmp_path, monkeypatch):
    spelled = (
        'msgid "{n} entry is not among the {what}."\n'
        'msgid_plural "{n} entries are not among the {what}."\n'
        'msgstr[0] "Une entrée ne figure pas parmi les {what}."\n'
        'msgstr[1] "{n} entrées ne figurent pas parmi les {what}."\n'
    )
    assert [x for x in _catalog(tmp_path, monkeypatch, spelled) if "placeholders" in x] == []


def test_a_plural_form_that_renames_fails(tmp_path, monkeypatch):
    renamed = (
        'msgid "{n} entry is not among the {what}."\n'
        'msgid_plural "{n} entries are not among the {what}."\n'
        'msgstr[0] "{n} entrée ne figure pas parmi les {quoi}."\n'
        'msgstr[1] "{n} entrées ne figurent pas parmi les {what}."\n'
    )
    found = [x for x in _catalog(tmp_path, monkeypatch, renamed) if "placeholders" in x]
    assert len(found) == 1 and "{quoi}" in found[0]


def test_the_collection_catalogs_keep_every_placeholder():
    assert catalogs.placeholder_problems() == []


def test_the_command_reports_it(tmp_path, monkeypatch, capsys):
    entry = 'msgid "Give {example}."\nmsgstr "Donnez {exemple}."\n'
    _catalog(tmp_path, monkeypatch, entry)
    assert catalogs.main(check=True) == 1
    assert "{exemple}" in capsys.readouterr().out
