"""Every string the helpers wrap for translation has French, and the catalogs are current."""

from diaspora_helpers import i18n
from diaspora_helpers.publish import catalogs


def test_every_wrapped_string_has_french_and_every_catalog_is_up_to_date():
    assert catalogs.problems() == []


def test_each_file_that_wraps_strings_belongs_to_exactly_one_area():
    areas_of: dict[str, list[str]] = {}
    for area in i18n.AREAS:
        for path in catalogs.area_files(area):
            areas_of.setdefault(str(path), []).append(area)
    assert {p: a for p, a in areas_of.items() if len(a) > 1} == {}
    wrapping = {
        str(p)
        for p in catalogs.PACKAGE.rglob("*.py")
        if "from diaspora_helpers.i18n import" in p.read_text(encoding="utf-8")
        and p.name != "catalogs.py"
    }
    assert sorted(wrapping - set(areas_of)) == []


def test_a_new_string_without_french_is_reported(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "thing.py").write_text('from x import _\nWORD = _("A brand-new sentence")\n')
    monkeypatch.setattr(catalogs, "PACKAGE", package)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(i18n, "AREAS", {"thing": ("thing.py",)})
    found = catalogs.problems()
    assert "locale/fr/LC_MESSAGES/thing.po: no French for 'A brand-new sentence'" in "\n".join(
        found
    ).replace(str(package) + "/", "")
    assert catalogs.write_all() == ["thing: A brand-new sentence"]
    assert any("no French" in line for line in catalogs.problems())


def test_two_catalogs_giving_one_label_two_french_texts_are_reported(tmp_path, monkeypatch):
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for name, french in (("labels_a", "Année"), ("labels_b", "An")):
        (folder / f"{name}.po").write_text(f'msgid "Year"\nmsgstr "{french}"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(i18n, "AREAS", {})
    assert catalogs.catalog_names() == ["labels_a", "labels_b"]
    assert catalogs.conflicts() == [
        "'Year' has two French texts: 'Année' (labels_a) and 'An' (labels_b); keep one"
    ]
