"""Folders are found from the package, whatever the working directory."""

from diaspora_helpers import paths


def test_data_dir_does_not_depend_on_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv("DIASPORA_DATA_DIR", raising=False)
    before = paths.data_dir()
    monkeypatch.chdir(tmp_path)
    assert paths.data_dir() == before
    assert (before / "datapackage.json").is_file()
    assert paths.notebooks_dir().is_dir()


def test_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DIASPORA_OUTPUTS_DIR", str(tmp_path / "out"))
    assert paths.data_dir() == tmp_path
    assert paths.outputs_dir() == tmp_path / "out"
