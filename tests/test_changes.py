"""--changed-since: rows added or modified since a git ref, untracked files whole, clear errors."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from factlint import changes
from factlint.surfaces import cli
from factlint.document import Span
from factlint.errors import UsageError
from factlint.plugins import collect, hookimpl, plugin_manager
from factlint.rules import rule

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Desk",
    "GIT_AUTHOR_EMAIL": "desk@news.example",
    "GIT_COMMITTER_NAME": "Test Desk",
    "GIT_COMMITTER_EMAIL": "desk@news.example",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, **GIT_ENV, HOME=str(repo.parent))
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "newsroom"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "news").mkdir()
    (root / "news" / "vote.md").write_text("# Vote\n\nLine three.\nLine four.\nLine five.\n")
    (root / "news" / "old.txt").write_text("Unchanged story.\n")
    (root / "gone.md").write_text("To be deleted.\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first drafts")
    git(root, "tag", "published")
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path))
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    return Path(os.path.realpath(root))


def test_modified_and_added_rows(repo: Path) -> None:
    (repo / "news" / "vote.md").write_text("# Vote\n\nLine three, edited.\nLine four.\nLine five.\nLine six.\n")
    assert changes.changed_lines("published", []) == {str(repo / "news" / "vote.md"): {3, 6}}


def test_deleted_lines_and_files_change_no_row(repo: Path) -> None:
    (repo / "news" / "vote.md").write_text("# Vote\n\nLine three.\nLine five.\n")
    (repo / "gone.md").unlink()
    assert changes.changed_lines("published", []) == {str(repo / "news" / "vote.md"): set()}


def test_untracked_file_counts_whole(repo: Path) -> None:
    (repo / "news" / "new story.md").write_text("One\nTwo\nThree")
    (repo / ".gitignore").write_text("*.tmp\n")
    (repo / "news" / "scratch.tmp").write_text("ignored\n")
    found = changes.changed_lines("HEAD", [])
    assert found[str(repo / "news" / "new story.md")] == {1, 2, 3}
    assert found[str(repo / ".gitignore")] == {1}
    assert str(repo / "news" / "scratch.tmp") not in found


def test_staged_and_committed_changes_count_against_an_older_ref(repo: Path) -> None:
    (repo / "news" / "old.txt").write_text("Unchanged story.\nA new paragraph.\n")
    git(repo, "commit", "-q", "-am", "update")
    (repo / "news" / "vote.md").write_text("# Vote!\n\nLine three.\nLine four.\nLine five.\n")
    git(repo, "add", "news/vote.md")
    assert changes.changed_lines("published", []) == {
        str(repo / "news" / "old.txt"): {2},
        str(repo / "news" / "vote.md"): {1},
    }
    assert changes.changed_lines("HEAD", []) == {str(repo / "news" / "vote.md"): {1}}


def test_paths_limit_the_answer(repo: Path) -> None:
    (repo / "news" / "vote.md").write_text("# Vote!\n\nLine three.\nLine four.\nLine five.\n")
    (repo / "gone.md").write_text("Kept after all, and edited.\n")
    (repo / "news" / "extra.md").write_text("untracked\n")
    assert set(changes.changed_lines("published", ["news"])) == {
        str(repo / "news" / "vote.md"),
        str(repo / "news" / "extra.md"),
    }
    assert set(changes.changed_lines("published", [str(repo / "gone.md")])) == {str(repo / "gone.md")}


def test_unusual_file_names(repo: Path) -> None:
    for name in ("café.md", "tab\there.md", "quote\"d.md", "[glob]*.md"):
        (repo / name).write_text("x\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd names")
    for name in ("café.md", "tab\there.md", "quote\"d.md", "[glob]*.md"):
        (repo / name).write_text("x\ny\n")
    found = changes.changed_lines("HEAD", [])
    assert found == {str(repo / n): {2} for n in ("café.md", "tab\there.md", "quote\"d.md", "[glob]*.md")}


def test_rename_reports_only_edited_rows(repo: Path) -> None:
    git(repo, "mv", "news/vote.md", "news/council-vote.md")
    (repo / "news" / "council-vote.md").write_text("# Vote\n\nLine three.\nLine 4.\nLine five.\n")
    assert changes.changed_lines("published", []) == {str(repo / "news" / "council-vote.md"): {4}}


def test_unknown_ref_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(UsageError, match=r"^--changed-since: unknown git ref 'no-such-branch' \(not a branch, tag or commit here\)$"):
        changes.changed_lines("no-such-branch", [])


def test_option_like_ref_is_refused(repo: Path) -> None:
    with pytest.raises(UsageError, match="is not a git ref"):
        changes.changed_lines("--output=/tmp/x", [])


def test_outside_a_repository_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    monkeypatch.chdir(lone)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(UsageError) as caught:
        changes.changed_lines("HEAD", [])
    assert str(caught.value) == f"--changed-since needs a git repository, and {lone} is not inside one"
    assert "\n" not in str(caught.value)


def test_parse_diff_hunk_forms() -> None:
    diff = (
        b"diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        b"@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,2 @@\n+c\n+d\n@@ -9,2 +10,0 @@\n-e\n-f\n"
        b"diff --git a/\"caf\\303\\251.md\" b/\"caf\\303\\251.md\"\n--- a/\"caf\\303\\251.md\"\n+++ \"b/caf\\303\\251.md\"\n@@ -2 +2 @@\n-x\n+y\n"
    )
    assert changes.parse_diff(diff, "/repo") == {"/repo/x.md": {1, 6, 7}, "/repo/café.md": {2}}


# -- through the command line ----------------------------------------------------


@rule(code="ZZC001", name="every-line-with-x", summary="Test rule.", explanation="Reports each x.",
      example="x", near_miss="y")
def every_x(document, context):  # noqa: ANN001, ANN201
    for m in re.finditer("x", document.source):
        yield every_x.finding(Span(m.start(), m.end()), "an x")


class XPlugin:
    @hookimpl
    def factlint_rules(self) -> list:
        return [every_x]


@pytest.fixture
def x_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    registry = collect(plugin_manager(entry_points=False, extra=[XPlugin()]))
    monkeypatch.setattr(cli, "_registry", lambda: registry)
    yield


def test_cli_reports_only_changed_rows(repo: Path, x_cli: None) -> None:
    (repo / "news" / "vote.md").write_text("x old\nx old\nx old\n")
    git(repo, "commit", "-q", "-am", "xs")
    (repo / "news" / "vote.md").write_text("x old\nx new\nx old\nx added\n")
    out = io.StringIO()
    status = cli.main(["check", "--changed-since", "HEAD", "--select", "ZZC", "--format", "json", "news"], out=out)
    rows = [(r["filename"], r["location"]["row"]) for r in json.loads(out.getvalue())]
    assert rows == [("news/vote.md", 2), ("news/vote.md", 4)]
    assert status == 1


def test_cli_outside_a_repository_exits_2_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], x_cli: None) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "a.md").write_text("x\n")
    monkeypatch.chdir(lone)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    status = cli.main(["check", "--changed-since", "main", "a.md"], out=io.StringIO())
    err = capsys.readouterr().err
    assert status == 2
    assert err == f"factlint: error: --changed-since needs a git repository, and {lone} is not inside one\n"


def test_many_paths_compare_the_whole_repository(repo: Path) -> None:
    (repo / "news" / "vote.md").write_text("# Vote!\n\nLine three.\nLine four.\nLine five.\n")
    many = [str(repo / "news" / f"story-{i}.md") for i in range(changes.MAX_PATHSPECS)] + ["news/vote.md"]
    assert changes.changed_lines("published", many) == {str(repo / "news" / "vote.md"): {1}}
