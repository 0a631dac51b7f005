"""Hostile and careless inputs, each run as a real `factlint` process under a time and a memory limit.

Every case must end within its time, inside its memory, with exit 0, 1 or 2,
one clear line when it is 2, and never a traceback or an internal error.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

FACTLINT = Path(sys.executable).with_name("factlint")
SECONDS = 30  # per case, on a shared two-core machine; a case that hangs is stopped here
MEMORY = 1536 * 1024 * 1024  # bytes of address space


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def bounded(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`factlint ARGS` in `cwd`, stopped past SECONDS and MEMORY; asserts it ended and ended cleanly."""
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(cwd / ".cache")}
    began = time.monotonic()
    try:
        done = subprocess.run([str(FACTLINT), *args], cwd=cwd, capture_output=True, text=True, env=env,
                              timeout=SECONDS, preexec_fn=_limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"factlint {' '.join(args)} ran past {SECONDS} s")
    assert done.returncode in (0, 1, 2), (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr[-2000:]
    assert "MemoryError" not in done.stderr
    if done.returncode == 2:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    done.elapsed = time.monotonic() - began  # type: ignore[attr-defined]
    return done


def findings(done: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    return [(r["code"], r["location"]["row"], r["message"]) for r in json.loads(done.stdout)]


def _laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# -- drafts: every format reader --------------------------------------------------------------

DRAFTS: dict[str, Callable[[], tuple[str, str]]] = {
    "billion-laughs-front-matter": lambda: ("md", f"---\n{_laughs()}---\n\nThe council met.\n"),
    "billion-laughs-under-image": lambda: ("md", "---\nimage: &i [" + ", ".join(["x"] * 9) + "]\n"
                                           + _laughs().replace("a0: &a0", "images: &a0") + "---\n\nText.\n"),
    "front-matter-nested-10k-deep": lambda: ("md", "---\nx: " + "[" * 10_000 + "]" * 10_000 + "\n---\n\nText.\n"),
    "front-matter-python-tag": lambda: ("md", "---\nx: !!python/object/apply:os.system ['echo pwned']\n---\n\nText.\n"),
    "front-matter-100k-keys": lambda: ("md", "---\n" + "".join(f"k{i}: v\n" for i in range(100_000)) + "---\n\nT.\n"),
    "front-matter-never-closed": lambda: ("md", "---\ntitle: x\n" + "k: v\n" * 10_000),
    "blockquote-500-deep": lambda: ("md", "> " * 500 + 'He said "hello.\n'),
    "list-500-deep": lambda: ("md", "".join("  " * i + "- item\n" for i in range(500))),
    "brackets-100k": lambda: ("md", "[" * 100_000 + "\n"),
    "emphasis-100k": lambda: ("md", "*a " * 50_000 + "\n"),
    "backticks-50k": lambda: ("md", "`a" * 50_000 + "\n"),
    "links-20k": lambda: ("md", "".join(f"[x{i}](http://example.org/{i}) " for i in range(20_000)) + "\n"),
    "one-line-1mb-no-spaces": lambda: ("md", "A" * 1_000_000 + "\n"),
    "quotes-200k": lambda: ("md", '"' * 200_000 + "\n"),
    "quotes-alternating-100k": lambda: ("md", '"a" ' * 100_000 + "\n"),
    "capitalised-words-200k": lambda: ("md", " ".join(f"Smith{i % 97} Jones{i % 89}" for i in range(100_000)) + "\n"),
    "weekdays-100k": lambda: ("md", "The vote was on Tuesday. " * 40_000 + "\n"),
    "relative-dates-100k": lambda: ("md", "---\ndate: 2024-03-05\n---\n\n" + "He spoke yesterday. " * 50_000 + "\n"),
    "credits-20k": lambda: ("md", "".join(f"Photo: Jane Doe{i}, CC BY 4.0\n\n" for i in range(20_000))),
    "html-5000-nested-divs": lambda: ("html", "<div>" * 5000 + "He said hello." + "</div>" * 5000),
    "html-unclosed-everything": lambda: ("html", "<p><b><i><a href='x" * 5000),
    "html-comment-never-closed": lambda: ("html", "<p>Text</p><!-- " + "x" * 500_000),
    "html-script-1mb": lambda: ("html", "<script>" + "var a = '\"';" * 80_000 + "</script><p>Text.</p>"),
    "html-100k-attributes": lambda: ("html", "<p " + " ".join(f"a{i}='v'" for i in range(100_000)) + ">T</p>"),
    "html-figcaption-nest": lambda: ("html", "<figure><figcaption>" * 3000 + "Photo: AP" + "</figcaption></figure>" * 3000),
    "text-nul-bytes": lambda: ("txt", "Headline\n\n" + "\x00" * 1000),
    "text-lone-crs": lambda: ("txt", "Headline\r\rBody with \"quote\r" * 20_000),
    "text-only-blank-lines": lambda: ("txt", "\n" * 500_000),
    "text-mixed-scripts": lambda: ("txt", "Ünïcödé “quotes” «guillemets» 𝕗𝕒𝕟𝕔𝕪 ‮rtl‬ e\u0301 👩‍👩‍👧 " * 20_000),
}


@pytest.mark.parametrize("case", sorted(DRAFTS))
def test_a_hostile_draft_ends_cleanly(tmp_path: Path, case: str) -> None:
    ext, text = DRAFTS[case]()
    (tmp_path / f"draft.{ext}").write_text(text, encoding="utf-8")
    done = bounded(tmp_path, "check", "--format", "json", f"draft.{ext}")
    assert done.returncode in (0, 1), done.stderr
    for code, row, _ in findings(done):
        assert 1 <= row <= text.count("\n") + 1


def test_billion_laughs_is_fl003_quickly(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(f"---\n{_laughs()}---\n\nThe council met.\n", encoding="utf-8")
    done = bounded(tmp_path, "check", "--format", "json", "draft.md")
    assert [(c, r) for c, r, _ in findings(done)] == [("FL003", 2)]
    assert findings(done)[0][2].startswith("front matter expands too far")
    assert done.elapsed < 10  # type: ignore[attr-defined]


def test_invalid_utf8_and_binary_are_fl001(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("Caf\xe9 au lait.\n".encode("latin-1"))
    (tmp_path / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    done = bounded(tmp_path, "check", "--format", "json", ".")
    assert sorted(c for c, _, _ in findings(done)) == ["FL001", "FL001"]


def test_a_draft_over_the_size_limit_is_fl001_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "wire-dump.md").write_text("The council met on Tuesday.\n" * 200_000, encoding="utf-8")  # 5.6 MB
    done = bounded(tmp_path, "check", "--format", "json", "wire-dump.md")
    assert findings(done) == [("FL001", 1, "file is larger than 5 MiB; not a draft")]


# -- the configuration and rule-pack loaders -----------------------------------------------------

CONFIGS: dict[str, str] = {
    "billion-laughs": _laughs(),
    "nested-10k-deep": "x: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "python-tag": "select: !!python/object/apply:os.system ['echo pwned']\n",
    "binary": "\x00\x01\x02select: [DAT]\n",
    "negative-limit": "limits:\n  max-bytes: -1\n",
    "limit-not-a-number": "limits:\n  max-nesting: deep\n",
    "unknown-limit": "limits:\n  max-hours: 3\n",
    "online-timeout-negative": "online:\n  timeout: -1\n",
    "rule-pack-missing": "rule-packs: [nowhere.yaml]\n",
    "rule-pack-is-a-folder": "rule-packs: [.cache]\n",
    "select-a-mapping": "select: {DAT: yes}\n",
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_a_hostile_configuration_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".factlint.yaml").write_text(CONFIGS[case], encoding="utf-8")
    (tmp_path / "a.md").write_text("The council met.\n", encoding="utf-8")
    done = bounded(tmp_path, "check", "a.md")
    assert done.returncode == 2
    assert done.stderr.startswith("factlint: error: ") and ".factlint.yaml" in done.stderr


PACKS: dict[str, str] = {
    "billion-laughs": "pack: abbreviations\nextends: abbreviations\n" + _laughs(),
    "nested-10k-deep": "pack: abbreviations\nabbreviations: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "python-tag": "pack: abbreviations\nabbreviations: !!python/object/apply:os.system ['echo pwned']\n",
    "not-a-mapping": "- just\n- a list\n",
}


@pytest.mark.parametrize("case", sorted(PACKS))
def test_a_hostile_rule_pack_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    (tmp_path / "ours.yaml").write_text(PACKS[case], encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("rule-packs: [ours.yaml]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("The council met.\n", encoding="utf-8")
    done = bounded(tmp_path, "check", "a.md")
    assert done.returncode == 2
    assert "ours.yaml" in done.stderr
    assert not (tmp_path / "pwned").exists()


# -- --fix -------------------------------------------------------------------------------------


def test_fix_on_a_draft_full_of_fixable_findings_ends(tmp_path: Path) -> None:
    text = "---\ndate: 2024-03-05\n---\n\n" + "".join(
        f"The board met yesterday and again on Tuesday, said Ms. Alder {i}.\n\n" for i in range(3000))
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    done = bounded(tmp_path, "check", "--fix", "--unsafe-fixes", "long.md")
    assert done.returncode in (0, 1)
    after = (tmp_path / "long.md").read_text(encoding="utf-8")
    assert after.startswith("---\ndate: 2024-03-05\n---\n\n") and after != text
    again = bounded(tmp_path, "check", "--fix", "--unsafe-fixes", "long.md")
    assert again.returncode in (0, 1)
    assert (tmp_path / "long.md").read_text(encoding="utf-8") == after  # a second run has nothing left to do
