"""Tables are found from the package, whatever the working directory; notebooks and outputs
from the checkout the command is run in."""

from diaspora_helpers import paths


def test_data_dir_does_not_depend_on_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv("DIASPORA_DATA_DIR", raising=False)
    before = paths.data_dir()
    monkeypatch.chdir(tmp_path)
    assert paths.data_dir() == before
    assert (before / "datapackage.json").is_file()


def test_notebooks_and_outputs_follow_the_checkout_of_the_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv("DIASPORA_OUTPUTS_DIR", raising=False)
    checkout = tmp_path / "copy"
    (checkout / "notebooks").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("")
    (checkout / "notebooks" / "deeper").mkdir()
    monkeypatch.chdir(checkout / "notebooks" / "deeper")
    assert paths.notebooks_dir() == checkout / "notebooks"
    assert paths.outputs_dir() == checkout / "outputs"
    monkeypatch.chdir(tmp_path)
    assert paths.notebooks_dir() is None
    assert paths.outputs_dir() == tmp_path / "outputs"


def test_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("DIASPORA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DIASPORA_OUTPUTS_DIR", str(tmp_path / "out"))
    assert paths.data_dir() == tmp_path
    assert paths.outputs_dir() == tmp_path / "out"
