"""The pre-commit hooks, run by the real `pre-commit` on a throwaway newsroom repository.

The hook repository is a snapshot of this checkout (tracked files as they are
in the working tree, plus untracked ones that are not ignored, as `pre-commit
try-repo` does), committed in a temporary git repository. pre-commit installs
it with pip into its own virtualenv, which needs the package index and nothing
else from the network. The install happens once per test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None, reason=f"no `pre-commit` executable next to {sys.executable} (pip install pre-commit)"
)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Desk",
    "GIT_AUTHOR_EMAIL": "desk@news.example",
    "GIT_COMMITTER_NAME": "Test Desk",
    "GIT_COMMITTER_EMAIL": "desk@news.example",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,  # no signing or hooks path from the developer's own config
}

# A quotation opened with a straight mark and closed with a curly one: QUO003, with a safe fix.
BAD_DRAFT = "# Rates\n\n\"The council will not raise the rates this year at all,\u201d said Mayor Ana Ruiz.\n"
CLEAN_DRAFT = "# Rates\n\nThe council voted on the rates.\n"


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def snapshot_of_checkout(target: Path, env: dict[str, str]) -> str:
    """Copy this checkout's files into a fresh repository, commit them, return the commit."""
    listed = git(ROOT, env, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    target.mkdir()
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if not source.is_file() or "__pycache__" in Path(name).parts:
            continue  # deleted in the working tree, or bytecode
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    git(target, env, "init", "-q", "-b", "main")
    git(target, env, "add", "-A")
    git(target, env, "commit", "-q", "--no-verify", "-m", "snapshot of the factlint checkout")
    return git(target, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A newsroom repository whose pre-commit config uses this checkout's hooks."""
    base = tmp_path_factory.mktemp("precommit")
    env = dict(os.environ, **GIT_ENV, PRE_COMMIT_HOME=str(base / "pre-commit-home"))
    env.pop("PYTHONPATH", None)  # the hook must run the factlint pip installed, not this tree
    rev = snapshot_of_checkout(base / "factlint-hooks", env)
    repo = base / "newsroom"
    repo.mkdir()
    git(repo, env, "init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {base / 'factlint-hooks'}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: factlint\n"
    )
    git(repo, env, "add", ".pre-commit-config.yaml")
    git(repo, env, "commit", "-q", "--no-verify", "-m", "use factlint")
    installed = run([PRE_COMMIT, "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # Build the hook environment now, so a failed install shows as such.
    setup = run([PRE_COMMIT, "install-hooks"], repo, env)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    return repo, env


def commit(repo: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess[str]:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, env, "add", name)
    return run(["git", "commit", "-m", f"add {name}"], repo, env)


def test_a_bad_draft_fails_the_commit_with_the_finding(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    done = commit(repo, env, "rates.md", BAD_DRAFT)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "factlint" in output and "Failed" in output
    assert "rates.md:3:1: QUO003" in output
    assert git(repo, env, "log", "--format=%s") == "use factlint\n"  # nothing committed
    git(repo, env, "reset", "-q", "rates.md")
    (repo / "rates.md").unlink()


def test_a_clean_draft_passes(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    done = commit(repo, env, "council.md", CLEAN_DRAFT)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "factlint" in output and "Passed" in output
    assert git(repo, env, "log", "-1", "--format=%s") == "add council.md\n"


def test_files_that_are_not_drafts_are_not_passed_to_the_hook(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    done = commit(repo, env, "settings.yaml", "quote: \"unbalanced\u201d and more words than six here\n")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "(no files to check)Skipped" in output.replace(".", "")


def test_the_fix_hook_repairs_the_draft_then_the_commit_passes(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    config = (repo / ".pre-commit-config.yaml").read_text()
    (repo / ".pre-commit-config.yaml").write_text(config.replace("id: factlint\n", "id: factlint-fix\n"))
    git(repo, env, "commit", "-q", "--no-verify", "-am", "fix drafts on commit")
    first = commit(repo, env, "fees.md", BAD_DRAFT)
    assert first.returncode != 0, first.stdout + first.stderr  # pre-commit fails when a hook changed a file
    fixed = (repo / "fees.md").read_text(encoding="utf-8")
    assert fixed == BAD_DRAFT.replace("\"The", "\u201cThe")
    second = commit(repo, env, "fees.md", fixed)
    assert second.returncode == 0, second.stdout + second.stderr
