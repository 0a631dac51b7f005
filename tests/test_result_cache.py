"""The result cache: a warm rerun prints what a cold one does, and whatever the findings depend on invalidates it."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factlint import engine, result_cache
from factlint.plugins import hookimpl
from factlint.surfaces.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (the benchmark corpus generator)

FORMATS = ("json", "sarif", "text", "junit", "gitlab", "github")
DRAFTS = {
    "news/rates.md": ("---\ntitle: Rates\ndate: 2026-03-12\n---\n# Rates rise\n\n"
                      "The council met this week. \"We will not back down,\" said Mayor Ana Ruiz.\n\n"
                      "Ruiz spoke on Tuesday. Later Ana Ruis said the vote was \"final\".\n\n"
                      "![A harbour](harbour.jpg \"Photo: Jo Bloggs / CC BY-SA 4.0\")\n\n"
                      "<!-- factlint: disable-next-line=DAT002 -->\nNothing here on Friday.\n"),
    "news/strike.txt": ("Harbour strike\n\nWorkers walked out yesterday, three days ago and on March 7.\n\n"
                        "\"It is over,\u201d a worker said.\n\n\u201cWe stay out, said the union.\n\n"
                        "The strike ends next week, the union said.\n"),
    "web/page.html": ("<html><head><meta name=\"date\" content=\"2026-02-01\"></head><body><article>"
                      "<h1>Fair</h1><p>The fair opens tomorrow, organisers said on Monday.</p>"
                      "<figure><img src=\"a.jpg\" alt=\"Stalls\" data-credit=\"Reuters\"></figure>"
                      "<p>\"Come early,\" said Dr. Lee Park.</p></article></body></html>"),
    "crlf.md": "# Title\r\n\r\nIt happened last night, she said.\r\n",
    "clean.md": "# Clean\n\nThe council approved the budget on March 3, 2026.\n",
}


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def entries() -> list[Path]:
    folder = result_cache.folder()
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in DRAFTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    return tmp_path


def no_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a file the cache does not answer for is an internal error (exit 2): the run must not lint."""

    def refuse(*args: object) -> None:
        raise AssertionError("a rule ran although the cache holds the file")

    monkeypatch.setattr(engine.Session, "_unwaived", refuse)


def assert_warm_equals_cold(monkeypatch: pytest.MonkeyPatch, *argv: str) -> None:
    cold = run(*argv, "--no-cache")
    assert run(*argv) == cold  # fills the cache
    with monkeypatch.context() as patch:
        no_linting(patch)
        assert run(*argv) == cold


@pytest.mark.parametrize("fmt", FORMATS)
def test_warm_output_is_byte_identical_to_cold_on_varied_drafts(desk: Path, monkeypatch: pytest.MonkeyPatch,
                                                                fmt: str) -> None:
    assert_warm_equals_cold(monkeypatch, "check", ".", "--format", fmt, "-j", "1")
    assert len(entries()) == len(DRAFTS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_warm_output_is_byte_identical_to_cold_on_a_generated_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     fmt: str) -> None:
    generate.generate(tmp_path / "corpus", 9, 3)
    monkeypatch.chdir(tmp_path)
    assert_warm_equals_cold(monkeypatch, "check", "corpus", "--format", fmt, "-j", "1", "--statistics")
    assert_warm_equals_cold(monkeypatch, "check", "corpus", "--format", fmt, "-j", "1", "--reference-date",
                            "2026-05-01")


def test_a_warm_run_reads_the_cache_and_writes_nothing(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    before = {p: p.stat().st_mtime_ns for p in entries()}
    no_linting(monkeypatch)
    code, _ = run("check", ".", "--format", "json", "-j", "1")
    assert code == 1
    assert {p: p.stat().st_mtime_ns for p in entries()} == before


def test_no_cache_neither_reads_nor_writes(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("check", ".", "--format", "json", "--no-cache")
    assert not result_cache.folder().exists()
    run("check", ".", "--format", "json")
    assert entries()
    no_linting(monkeypatch)
    code, out = run("check", ".", "--format", "json", "--no-cache")  # the filled cache is not read either
    assert code == 2 and out == "[]\n"
    assert cold[0] == 1


def test_an_edit_of_the_draft_is_linted_again(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    (desk / "clean.md").write_text("# Clean\n\nThe council approved the budget yesterday.\n", encoding="utf-8")
    assert_warm_equals_cold(monkeypatch, "check", ".", "--format", "json")
    _, out = run("check", "clean.md", "--format", "text")
    assert "clean.md:3:33: DAT001" in out


def test_the_same_text_under_another_name_is_another_entry(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", "news/rates.md", "--format", "json")
    (desk / "news" / "copy.md").write_text(DRAFTS["news/rates.md"], encoding="utf-8", newline="")
    code, out = run("check", "news/copy.md", "--format", "json")
    assert '"filename": "news/copy.md"' in out and "rates.md" not in out
    assert (code, out) == run("check", "news/copy.md", "--format", "json", "--no-cache")


@pytest.mark.parametrize("setting", [
    "severity:\n  DAT: error\n",
    "select: [DAT]\n",
    "ignore: [QUO]\n",
    "per-file-ignores:\n  'news/*': [DAT001]\n",
    "reference-date-key: published\n",
    "severity:\n  QUO002: warning\n",
])
def test_an_edit_of_the_configuration_invalidates(desk: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    before = run("check", ".", "--format", "json")
    (desk / ".factlint.yaml").write_text(setting, encoding="utf-8")
    after = run("check", ".", "--format", "json", "--no-cache")
    assert after != before  # each setting changes a finding of these drafts
    assert_warm_equals_cold(monkeypatch, "check", ".", "--format", "json")


def test_command_line_selection_and_reference_date_are_in_the_key(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    for extra in (["--select", "DAT001"], ["--ignore", "DAT"], ["--reference-date", "2025-01-01"]):
        assert run("check", ".", "--format", "json", *extra) == run("check", ".", "--format", "json", "--no-cache",
                                                                    *extra)


def test_an_edit_of_a_rule_pack_invalidates(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (desk / "days.yaml").write_text("pack: relative-dates\ndays:\n  - {phrase: ereyesterday, offset: -3}\n",
                                    encoding="utf-8")
    (desk / ".factlint.yaml").write_text("rule-packs: [days.yaml]\n", encoding="utf-8")
    (desk / "clean.md").write_text("# Clean\n\nThe council met overmorrow.\n", encoding="utf-8")
    _, out = run("check", "clean.md", "--format", "text")
    assert "DAT001" not in out
    (desk / "days.yaml").write_text("pack: relative-dates\ndays:\n  - {phrase: overmorrow, offset: 2}\n",
                                    encoding="utf-8")
    _, out = run("check", "clean.md", "--format", "text")
    assert "clean.md:3:17: DAT001" in out


def test_another_factlint_version_misses(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    monkeypatch.setattr(result_cache, "__version__", "99.0")
    no_linting(monkeypatch)
    code, _ = run("check", ".", "--format", "json", "-j", "1")
    assert code == 2  # every file had to be linted again, and the stand-in refused


def test_a_rule_replaced_by_another_function_misses(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint.checks import dates

    run("check", "clean.md", "--format", "json")
    rules = dates.factlint_rules()
    stand_in = dataclasses.replace(rules[0], check=lambda document, context: rules[0].check(document, context))
    monkeypatch.setattr(dates, "factlint_rules", hookimpl(lambda: [stand_in, *rules[1:]]))
    no_linting(monkeypatch)
    assert run("check", "clean.md", "--format", "json")[0] == 2


def test_a_corrupt_or_truncated_entry_is_a_miss_and_is_rewritten(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("check", ".", "--format", "sarif", "--no-cache")
    run("check", ".", "--format", "sarif")
    damaged = entries()
    damaged[0].write_bytes(damaged[0].read_bytes()[:-7])  # truncated
    blob = bytearray(damaged[1].read_bytes())
    blob[-3] ^= 0xFF  # one byte changed on disk
    damaged[1].write_bytes(bytes(blob))
    damaged[2].write_bytes(b"")
    damaged[3].write_bytes(b"\x00garbage" * 50)
    assert run("check", ".", "--format", "sarif") == cold
    for entry in entries():
        assert result_cache.decode(entry.read_bytes(), *_stored_key(entry)) is not None
    no_linting(monkeypatch)
    assert run("check", ".", "--format", "sarif") == cold


def _stored_key(entry: Path) -> tuple[str, str]:
    import marshal

    stored, filename, _ = marshal.loads(entry.read_bytes()[len(result_cache.LAYOUT) + 16:])
    return stored, filename


def test_an_unwritable_cache_folder_just_goes_uncached(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (desk / "not-a-folder").write_text("a file where the cache folder would be\n")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(desk / "not-a-folder" / "cache"))
    cold = run("check", ".", "--format", "json", "--no-cache")
    assert run("check", ".", "--format", "json") == cold
    assert run("check", ".", "--format", "json") == cold


def test_unreadable_files_are_not_cached(desk: Path) -> None:
    for name in DRAFTS:
        (desk / name).unlink()
    (desk / "photo.md").write_bytes(b"\x89PNG\x00\x00binary")
    (desk / "latin.txt").write_bytes("caf\xe9 yesterday\n".encode("latin-1"))
    code, out = run("check", ".", "--format", "text")
    assert code == 1 and out.count("FL001") == 2
    assert entries() == []


def test_waivers_are_applied_after_the_cache(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    assert run("waive", "news/strike.txt:3:20", "DAT001", "--reason", "fine", "--by", "Desk")[0] == 0
    waived = run("check", ".", "--format", "sarif", "--no-cache")
    shown = run("check", ".", "--format", "json", "--show-waived", "--no-cache")
    assert '"waived": {' in shown[1] and "suppressions" in waived[1]
    with monkeypatch.context() as patch:
        no_linting(patch)
        assert run("check", ".", "--format", "sarif") == waived
        assert run("check", ".", "--format", "json", "--show-waived") == shown
    book = desk / ".factlint-waivers.yaml"
    text = book.read_text(encoding="utf-8")
    # expired: FL004 stands at the finding again; stale (a fingerprint that matches nothing): FL004 at 1:1
    book.write_text(text.replace("occurrence: 0}", "occurrence: 0, expires: 2020-01-01}")
                    + text.splitlines()[-1].replace("news/strike.txt", "clean.md") + "\n", encoding="utf-8")
    cold = run("check", ".", "--format", "text", "--no-cache")
    assert "news/strike.txt:3:20: FL004" in cold[1] and "clean.md:1:1: FL004" in cold[1]
    no_linting(monkeypatch)
    assert run("check", ".", "--format", "text") == cold


def test_an_entry_gives_back_every_field_of_every_result(desk: Path) -> None:
    from factlint.plugins import registry

    session = engine.Session(registry(), engine.Options(cache=False))
    results = [r for name in DRAFTS for r in session.lint_path(desk / name, name).results]
    assert any(r.fix is not None for r in results) and any(r.legacy is not None or r.excerpt for r in results)
    for name in DRAFTS:
        mine = [r for r in results if r.filename == name]
        back = result_cache.decode(result_cache.encode("k", name, mine), "k", name)
        assert back == mine
        assert [vars(r) | {"location": vars(r.location), "end_location": vars(r.end_location), "span": vars(r.span)}
                for r in back] == \
            [dataclasses.asdict(r) | {"fix": r.fix, "legacy": r.legacy} for r in mine]


def test_a_held_draft_is_answered_from_its_entry_and_an_edit_after_the_check_is_linted(
        desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint.plugins import registry

    run("check", ".", "--format", "json")  # fills the cache
    draft = desk / "news/strike.txt"
    session = engine.Session(registry(), engine.Options())
    session.results = result_cache.ResultCache()
    assert session.answers_here(draft, "news/strike.txt")
    with monkeypatch.context() as patch:
        no_linting(patch)
        held = session.lint_path(draft, "news/strike.txt")
    assert held.error is None
    assert [r.code for r in held.results] == ["DAT001", "DAT001", "DAT003", "QUO003", "QUO002", "DAT001"]
    # edited between the parent's check and its reading back: the entry is not used, the new text is linted
    assert session.answers_here(draft, "news/strike.txt")
    draft.write_text("Harbour strike\n\nWorkers walked out on March 7, a worker said.\n", encoding="utf-8")
    fresh = session.lint_path(draft, "news/strike.txt")
    assert fresh.error is None and [r.code for r in fresh.results] == ["DAT003"]  # March 7: no year


def test_a_parallel_warm_run_reads_each_held_draft_once(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("check", ".", "--format", "json", "-j", "2")
    reads: list[str] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self.name)
        return real(self)

    with monkeypatch.context() as patch:
        no_linting(patch)
        patch.setattr(Path, "read_bytes", counted)
        assert run("check", ".", "--format", "json", "-j", "2") == cold
    drafts = sorted(Path(name).name for name in DRAFTS)
    assert sorted(r for r in reads if r in drafts) == drafts


def test_fix_still_fixes_and_the_fixed_draft_is_then_warm(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    before = (desk / "news" / "strike.txt").read_text(encoding="utf-8")
    diff = run("check", "news/strike.txt", "--diff", "--no-cache")
    assert run("check", "news/strike.txt", "--diff") == diff and diff[1]
    code, _ = run("check", ".", "--fix", "--format", "json")
    after = (desk / "news" / "strike.txt").read_text(encoding="utf-8")
    assert after != before
    assert_warm_equals_cold(monkeypatch, "check", ".", "--format", "json")


def test_online_runs_are_not_cached(desk: Path) -> None:
    run("check", "clean.md", "--online", "--format", "json")
    assert entries() == []


def test_standard_input_is_not_cached(desk: Path) -> None:
    out = io.StringIO()
    assert main(["check", "-", "--stdin-filename", "x.md"], out=out, stdin=io.StringIO("It rained yesterday.\n")) == 1
    assert entries() == []


def test_pruning_keeps_the_folder_under_its_bound(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check", ".", "--format", "json")
    sizes = sorted(p.stat().st_size for p in entries())
    limit = sum(sizes) - 1
    cache = result_cache.ResultCache()
    assert cache.prune(limit) >= 1
    assert sum(p.stat().st_size for p in entries()) <= limit * result_cache.PRUNE_TO
    monkeypatch.setattr(result_cache, "MAX_BYTES", 1)
    (desk / "clean.md").write_text("# Changed\n\nIt rained.\n", encoding="utf-8")
    run("check", ".", "--format", "json")  # a run that stored an entry prunes at its end
    assert entries() == []


def test_parallel_runs_share_one_cache(tmp_path: Path) -> None:
    generate.generate(tmp_path / "corpus", 12, 5)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "factlint", "check", "corpus", "--format", "json", "-j", "2"]
    cold = subprocess.run([*argv, "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True)
    runs = [subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in runs]
    assert [(p.returncode, out, err) for p, (out, err) in zip(runs, outputs)] == [(1, cold.stdout, "")] * 2
    folder = result_cache.folder()
    assert len(list(folder.glob("*.marshal"))) == 12 and not list(folder.glob("*.tmp"))
    warm = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert (warm.returncode, warm.stdout, warm.stderr) == (1, cold.stdout, "")


# -- cached results are the results -------------------------------------------------

_WORDS = st.sampled_from([
    "yesterday", "last week", "on Tuesday", "March 7", "Feb. 30, 2026", "three days ago", "the council",
    "Mayor Ana Ruiz", "Ruiz", "Ana Ruis", "said", "\u201cWe will go,\u201d she said.", "\"No way,' he said.",
    "tomorrow", "next Friday", "Photo: Reuters", "CC BY 4.0", "\n\n", ".", ",", "\u00e9t\u00e9", "\r\n",
    "<!-- factlint: disable-next-line=DAT001 -->\n",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=30), fmt=st.sampled_from(["md", "txt", "html"]),
       reference=st.sampled_from([None, "2026-03-12"]))
def test_cached_results_equal_uncached_results(tmp_path: Path, words: list[str], fmt: str,
                                               reference: str | None) -> None:
    import datetime as dt
    import tempfile

    from factlint.plugins import collect, plugin_manager

    registry = collect(plugin_manager())
    options = engine.Options(reference_date=dt.date.fromisoformat(reference) if reference else None)
    text = " ".join(words)
    if fmt == "html":
        text = f"<article><p>{text}</p></article>"
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = Path(folder) / f"draft.{fmt}"
        path.write_text(text, encoding="utf-8", newline="")
        plain = engine.Session(registry, options).lint_path(path, path.name)
        cached = engine.Session(registry, options)
        cached.results = result_cache.ResultCache(Path(folder) / "cache")
        first = cached.lint_path(path, path.name)
        again = cached.lint_path(path, path.name)
        assert cached.results.hits == 1 and cached.results.stored == 1
        assert plain.results == first.results == again.results


def test_a_warm_parallel_run_answers_drafts_that_do_not_decode_without_a_worker_pool(
        desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    for n in range(4):  # four drafts no cache entry holds: enough for a pool, had the parent sent them out
        (desk / f"latin{n}.txt").write_bytes(b"Caf\xe9 owners met on March 3, 2026.\n")
    cold = run("check", ".", "--format", "json", "-j", "2")
    assert [r for r in cold[1].splitlines() if '"code": "FL001"' in r] == ['    "code": "FL001",'] * 4

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool started for a warm run")

    with monkeypatch.context() as patch:  # (the FL rules judge a draft that does not decode: no no_linting here)
        patch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
        assert run("check", ".", "--format", "json", "-j", "2") == cold
