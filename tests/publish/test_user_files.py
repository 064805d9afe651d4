"""A run never loses a file it did not make (issue 21): the manifest, the carry-over of the
user's files into the published tree, the refused outputs folders, and the lecturer's
sequence (a course folder inside the outputs folder, then a run)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import diaspora_test_support as support
import pytest

from diaspora_helpers.publish.execution import runner, staging
from diaspora_helpers.publish.execution.selection import RunError

# -- the swap, without a kernel -------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _stage(tmp_path: Path, files: dict[str, str]) -> Path:
    stage = tmp_path / ".outputs-staging-1"
    _write(stage, files)
    return stage


def test_first_publish_keeps_every_file_the_run_does_not_make(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    # An outputs folder from before manifests: the run's own pages, and the lecturer's course.
    _write(
        outputs,
        {
            "index.html": "old index",
            "a.html": "old a",
            "course/gradebook.db": "marks",
            "course/submitted/chloé/session1/exercises_1.ipynb": "work",
            "notes.txt": "mine",
        },
    )
    (outputs / "course" / "empty").mkdir()
    stage = _stage(tmp_path, {"index.html": "new index", "a.html": "new a", "b.html": "new b"})
    kept = staging.publish(stage, outputs)
    assert (outputs / "index.html").read_text() == "new index"
    assert (outputs / "b.html").read_text() == "new b"
    assert (outputs / "course/gradebook.db").read_text() == "marks"
    assert (outputs / "course/submitted/chloé/session1/exercises_1.ipynb").read_text() == "work"
    assert (outputs / "course/empty").is_dir()
    assert (outputs / "notes.txt").read_text() == "mine"
    assert sorted(kept) == [
        "course/gradebook.db",
        "course/submitted/chloé/session1/exercises_1.ipynb",
        "notes.txt",
    ]
    manifest = json.loads((outputs / staging.MANIFEST).read_text())
    assert manifest["files"] == ["a.html", "b.html", "index.html"]
    assert not stage.exists()


def test_later_publish_drops_only_what_the_previous_run_owned(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    staging.publish(_stage(tmp_path, {"a.html": "1", "gone.html": "1"}), outputs)
    _write(outputs, {"mine/draft.md": "draft"})
    staging.publish(_stage(tmp_path, {"a.html": "2"}), outputs)
    assert (outputs / "a.html").read_text() == "2"
    assert not (outputs / "gone.html").exists(), "a file the last run made and this one did not"
    assert (outputs / "mine/draft.md").read_text() == "draft"


def test_a_users_file_at_a_path_the_run_now_makes_is_kept_beside_it(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    staging.publish(_stage(tmp_path, {"a.html": "1"}), outputs)
    _write(outputs, {"b.html": "the user's b"})
    kept = staging.publish(_stage(tmp_path, {"a.html": "2", "b.html": "run's b"}), outputs)
    assert (outputs / "b.html").read_text() == "run's b"
    assert (outputs / "b.kept-1.html").read_text() == "the user's b"
    assert kept == ["b.html -> b.kept-1.html"]


def test_failed_run_is_kept_per_outputs_folder(tmp_path: Path) -> None:
    one, two = tmp_path / "outputs", tmp_path / "group_a"
    first = tmp_path / ".group_a-staging-1"
    _write(first, {"x.html": "a"})
    assert staging.keep_failed(first, two) == tmp_path / ".group_a-failed"
    second = tmp_path / ".outputs-staging-2"
    _write(second, {"y.html": "b"})
    staging.keep_failed(second, one)
    assert (tmp_path / ".group_a-failed/x.html").is_file(), "the other folder's failed run"
    assert (tmp_path / ".outputs-failed/y.html").is_file()


def test_stale_staging_of_another_outputs_folder_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / ".group_a-staging-999999999"
    other.mkdir()
    staging.clean_stale_staging(tmp_path / "outputs")
    assert other.is_dir()


@pytest.mark.parametrize("inside", ["notebooks", ".git"])
def test_an_outputs_folder_holding_a_checkout_is_refused(tmp_path: Path, inside: str) -> None:
    (tmp_path / inside).mkdir()
    with pytest.raises(RunError) as caught:
        runner.check_outputs_dir(tmp_path)
    assert str(tmp_path) in str(caught.value) and f"contains {inside}/" in str(caught.value)


def test_the_home_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(RunError, match="home folder"):
        runner.check_outputs_dir(tmp_path.resolve())


# -- end to end: the lecturer's sequence ----------------------------------------------------


def _course_files(root: Path) -> dict[str, str]:
    return {
        f"{root}/gradebook.db": "nbgrader's marks",
        f"{root}/submitted/Chloé Martin/session1/exercises_1_counting.ipynb": "{}",
        f"{root}/grades_session1.csv": "student_id,total\nChloé Martin,6\n",
        f"{root}/feedback/Chloé Martin/session1/exercises_1_counting.html": "<p>well done</p>",
    }


@pytest.mark.slow
def test_lecturer_sequence_keeps_the_course_and_nested_runs(tmp_path: Path) -> None:
    """Grades in the old default course folder (outputs/course), a group's run published
    inside outputs/ (the guide's recipe), then a run of the whole collection: all kept."""
    notebooks = support.make_notebooks(tmp_path, "a_chart")
    outputs = tmp_path / "outputs"
    first = support.run_fixtures(notebooks, outputs)
    assert first.returncode == 0, first.stderr
    course = _course_files(outputs / "course")
    _write(Path("/"), course)
    group = support.run_fixtures(notebooks, outputs / "group_a")
    assert group.returncode == 0, group.stderr
    again = support.run_fixtures(notebooks, outputs, "--fresh")  # a real run and swap
    assert again.returncode == 0, again.stderr
    for name, text in course.items():
        assert Path(name).read_text(encoding="utf-8") == text, name
    assert (outputs / "group_a" / "a_chart.html").is_file()
    assert (outputs / "group_a" / staging.MANIFEST).is_file()
    assert "Kept" in again.stdout and "course/gradebook.db" in again.stdout


@pytest.mark.slow
def test_refused_outputs_folder_stops_before_any_work(tmp_path: Path) -> None:
    notebooks = support.make_notebooks(tmp_path, "a_chart")
    result = support.run_fixtures(notebooks, tmp_path)
    assert result.returncode == 2
    assert f"refusing to publish into {tmp_path}" in result.stderr
    assert "contains notebooks/" in result.stderr
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir() if p.is_dir())
    assert os.listdir(tmp_path) == ["notebooks"]


def test_nbval_sanitizing_file_is_generated_from_the_executors_rules() -> None:
    from diaspora_helpers.publish.execution.cleaning import nbval_sanitize_text

    cfg = support.PROJECT / "tests" / "nbval_sanitize.cfg"
    assert cfg.read_text(encoding="utf-8") == nbval_sanitize_text(), (
        "regenerate tests/nbval_sanitize.cfg from cleaning.OUTPUT_RULES"
    )
