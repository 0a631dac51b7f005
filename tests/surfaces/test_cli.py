"""The command line end to end: `main(argv)` with exact output and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from factlint import __version__
from factlint.surfaces.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def test_version_and_help_return_zero(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"factlint {__version__}\n"
    assert main(["check", "--help"]) == 0
    assert "--reference-date YYYY-MM-DD" in capsys.readouterr().out


def test_clean_draft_exits_zero(tmp_path):
    draft = write(tmp_path / "a.md", "# Title\n\nThe council approved the budget on March 3, 2026.\n")
    code, out = run("check", "--select", "FL", str(draft))
    assert code == 0
    assert out == "All clear: 1 file checked, no findings.\n"


def test_unreadable_files_are_fl001_findings_and_the_run_goes_on(tmp_path):
    write(tmp_path / "bad.md", b"Caf\xe9 owners\n")
    write(tmp_path / "bin.txt", b"\x00\x01\x02")
    write(tmp_path / "ok.md", "# Fine\n\nText.\n")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    assert code == 1
    found = json.loads(out)
    assert [(Path(f["filename"]).name, f["code"], f["location"]) for f in found] == [
        ("bad.md", "FL001", {"row": 1, "column": 1}),
        ("bin.txt", "FL001", {"row": 1, "column": 1}),
    ]
    assert found[0]["message"] == "not UTF-8: byte 0xe9 at line 1 cannot be decoded; save the draft as UTF-8"
    assert found[1]["message"] == "binary file (it contains NUL bytes); not a draft"
    assert found[0]["severity"] == "error" and found[0]["name"] == "unreadable-file"


def test_bad_front_matter_is_fl003_at_the_yaml_error_line(tmp_path):
    draft = write(tmp_path / "a.md", "---\ntitle: Vote\ndate: [2026-03-12\n---\n\n# Vote\n")
    code, out = run("check", "--select", "FL", str(draft))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{draft.as_posix()}:4:1: FL003 front matter is not valid YAML")


def test_text_output_line_and_summary(tmp_path):
    write(tmp_path / "bad.txt", b"\xff\n")
    code, out = run("check", "--select", "FL", "--color", "never", str(tmp_path / "bad.txt"))
    assert code == 1
    assert out.splitlines() == [
        f"{(tmp_path / 'bad.txt').as_posix()}:1:1: FL001 not UTF-8: byte 0xff at line 1 cannot be decoded; save the draft as UTF-8",
        "Found 1 finding (1 error) in 1 file checked.",
    ]


def test_json_shape_and_sorting(tmp_path):
    write(tmp_path / "b.md", b"\xff")
    write(tmp_path / "a.md", "---\n: [\n---\n")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    found = json.loads(out)
    assert [Path(f["filename"]).name for f in found] == ["a.md", "b.md"]
    assert set(found[0]) == {"code", "name", "severity", "message", "filename", "location", "end_location", "fix", "url"}
    assert found[0]["fix"] is None


def test_missing_path_is_exit_2_with_one_line(tmp_path, capsys):
    code, out = run("check", str(tmp_path / "nope.md"))
    assert code == 2 and out == ""
    err = capsys.readouterr().err
    assert err == f"factlint: error: {tmp_path / 'nope.md'}: no such file or folder\n"


def test_bad_config_key_is_exit_2_naming_key_and_file(tmp_path, capsys):
    write(tmp_path / ".factlint.yaml", "select: [FL]\nseverty:\n  FL001: info\n")
    draft = write(tmp_path / "a.md", "Text.\n")
    code, _ = run("check", str(draft))
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{tmp_path / '.factlint.yaml'}:2: configuration key 'severty': unknown key" in err


def test_bad_rule_pack_is_exit_2_naming_file_line_and_key(tmp_path, capsys):
    pack = write(tmp_path / "packs" / "mine.yaml", "pack: nobody-reads-this\nwords: [a]\n")
    write(tmp_path / ".factlint.yaml", "rule-packs: [packs/mine.yaml]\n")
    draft = write(tmp_path / "a.md", "Text.\n")
    code, _ = run("check", str(draft))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"factlint: error: {pack.resolve()}:1: rule pack key 'pack': no rule reads a pack named 'nobody-reads-this'")


def test_malformed_pack_yaml(tmp_path, capsys):
    write(tmp_path / "p.yaml", "pack: [unclosed\n")
    write(tmp_path / ".factlint.yaml", "rule-packs: [p.yaml]\n")
    code, _ = run("check", str(write(tmp_path / "a.md", "x\n")))
    assert code == 2
    assert "p.yaml:2: rule pack is not valid YAML" in capsys.readouterr().err


def test_unknown_format_and_unknown_code_are_usage_errors(tmp_path, capsys):
    draft = write(tmp_path / "a.md", "Text.\n")
    assert run("check", "--format", "xml", str(draft))[0] == 2
    assert "unknown output format 'xml'" in capsys.readouterr().err
    assert run("check", "--select", "ZZZ999", str(draft))[0] == 2
    assert "unknown rule code or prefix 'ZZZ999'" in capsys.readouterr().err


def test_bad_option_is_one_line(capsys):
    assert run("check", "--reference-date", "12/03/2026")[0] == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'12/03/2026' is not a date in the form YYYY-MM-DD" in err


@pytest.mark.parametrize("command", [["check"], ["waive", "--all", "--reason", "baseline", "--by", "Desk"]])
@pytest.mark.parametrize("count", ["0", "-3"])
def test_a_process_count_below_one_is_exit_2_naming_the_option(tmp_path, capsys, command, count):
    draft = write(tmp_path / "a.md", "Text.\n")
    assert run(*command, "-j", count, str(draft))[0] == 2
    assert capsys.readouterr().err == (
        f"factlint: error: argument -j/--jobs: '{count}' is not 1 or more (leave -j out to use all cores)"
        f" (see `factlint {command[0]} --help`)\n"
    )


def test_a_usage_error_points_at_the_help_of_the_command_that_was_given(capsys):
    assert run("--bogus")[0] == 2  # a path or option first means `check`
    assert capsys.readouterr().err == "factlint: error: unrecognized arguments: --bogus (see `factlint check --help`)\n"
    assert run("rules", "--bogus", "-x")[0] == 2
    assert capsys.readouterr().err == "factlint: error: unrecognized arguments: --bogus -x (see `factlint rules --help`)\n"
    assert run("--nonsense-flag", "--help")[0] == 0  # --help still wins, as argparse does
    assert run("check", "--format")[0] == 2
    assert capsys.readouterr().err == (
        "factlint: error: argument --format: expected one argument (see `factlint check --help`)\n"
    )


def test_path_without_subcommand_means_check(tmp_path):
    draft = write(tmp_path / "a.md", "Text.\n")
    assert run(str(draft), "--select", "FL") == run("check", str(draft), "--select", "FL")


def test_rules_lists_every_rule():
    code, out = run("rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "FAMILY", "SEVERITY", "FIX", "PLUGIN"]
    assert any(line.split()[:4] == ["FL001", "unreadable-file", "FL", "error"] for line in lines)


def test_rule_explains_one_with_example_and_near_miss():
    code, out = run("rule", "fl003")
    assert code == 0
    assert out.startswith("FL003 bad-front-matter\n\nThe YAML front matter does not parse.\n")
    assert "Reported:\n    ---\n" in out and "Not reported (near-miss):\n" in out


def test_rule_unknown_code(capsys):
    assert run("rule", "XX999")[0] == 2
    assert capsys.readouterr().err == "factlint: error: no rule XX999; `factlint rules` lists them\n"


def test_hidden_and_gitignored_folders_are_skipped(tmp_path):
    write(tmp_path / ".git" / "x.md", b"\xff")
    write(tmp_path / ".hidden" / "x.md", b"\xff")
    write(tmp_path / "build" / "x.md", b"\xff")
    write(tmp_path / "notes.tmp.md", b"\xff")
    write(tmp_path / ".gitignore", "build/\n*.tmp.md\n")
    write(tmp_path / "drafts" / "x.md", b"\xff")
    write(tmp_path / "drafts" / "x.png", b"\xff")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    assert [Path(f["filename"]).relative_to(tmp_path).as_posix() for f in json.loads(out)] == ["drafts/x.md"]


def test_parallel_output_equals_serial(tmp_path):
    for i in range(12):
        write(tmp_path / f"d{i:02}.md", b"\xff" if i % 3 == 0 else "---\n: [\n---\n".encode())
    serial = run("check", "-j", "1", "--select", "FL", "--format", "json", str(tmp_path))
    parallel = run("check", "-j", "2", "--select", "FL", "--format", "json", str(tmp_path))
    assert serial == parallel
    assert len(json.loads(serial[1])) == 12


def test_stdin_filename(tmp_path, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("---\n: [\n---\n".encode()), encoding="utf-8")
    out = io.StringIO()
    code = main(["check", "--select", "FL", "--stdin-filename", "news/story.md", "--format", "json"], out=out, stdin=stdin)
    assert code == 1
    (finding,) = json.loads(out.getvalue())
    assert finding["filename"] == "news/story.md" and finding["code"] == "FL003"


def test_fail_level_and_exit_zero(tmp_path):
    write(tmp_path / ".factlint.yaml", "severity:\n  FL001: info\n")
    draft = write(tmp_path / "a.md", b"\xff")
    code, out = run("check", "--select", "FL", str(draft))
    assert code == 0
    assert "1 below the fail level (warning) and not failing the run." in out
    write(tmp_path / ".factlint.yaml", "fail-level: info\nseverity:\n  FL001: info\n")
    assert run("check", "--select", "FL", str(draft))[0] == 1
    assert run("check", "--select", "FL", "--exit-zero", str(draft))[0] == 0


def test_per_file_ignores_and_ignore(tmp_path):
    write(tmp_path / ".factlint.yaml", "per-file-ignores:\n  'archive/*.md': [FL001]\n")
    write(tmp_path / "archive" / "old.md", b"\xff")
    write(tmp_path / "new.md", b"\xff")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    assert [Path(f["filename"]).name for f in json.loads(out)] == ["new.md"]
    code, out = run("check", "--select", "FL", "--ignore", "FL001", "--format", "json", str(tmp_path))
    assert json.loads(out) == [] and code == 0


def test_pyproject_configuration(tmp_path, capsys):
    write(tmp_path / "pyproject.toml", "[tool.factlint]\nignore = ['FL001']\n")
    draft = write(tmp_path / "a.md", b"\xff")
    assert run("check", "--select", "FL", str(draft))[0] == 0
    write(tmp_path / "pyproject.toml", "[tool.factlint]\nignroe = ['FL001']\n")
    assert run("check", str(draft))[0] == 2
    assert "[tool.factlint] key 'ignroe': unknown key" in capsys.readouterr().err


def test_select_all_and_empty_codes(tmp_path, capsys):
    draft = write(tmp_path / "a.md", b"\xff")
    assert run("check", "--select", "ALL", str(draft))[0] == 1
    assert run("check", "--select", "ALL", "--ignore", "ALL", str(draft))[0] == 0
    assert run("check", "--select", "", str(draft))[0] == 2
    assert "empty rule code" in capsys.readouterr().err


def test_unknown_code_in_a_config_file_is_an_error(tmp_path, capsys):
    write(tmp_path / ".factlint.yaml", "select: [DAT9]\n")
    assert run("check", str(write(tmp_path / "a.md", "Text.\n")))[0] == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / '.factlint.yaml'}: configuration key 'select': unknown rule code or prefix 'DAT9'" in err


def test_fix_on_stdin_echoes_the_draft_and_reports_on_stderr(capsys):
    text = "---\ndate: 2026-03-12\n---\n\nThe vote was on Saturday, March 10, 2026. It rained yesterday.\n"
    stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    out = io.StringIO()
    code = main(["check", "--fix", "--select", "DAT", "--stdin-filename", "s.md"], out=out, stdin=stdin)
    assert out.getvalue() == text.replace("Saturday", "Tuesday")
    err = capsys.readouterr().err
    assert "s.md:5:52: DAT001" in err and "Fixed 1 finding." in err
    assert code == 1
    clean = io.TextIOWrapper(io.BytesIO(b"Calm copy.\n"), encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--fix", "--select", "DAT", "--stdin-filename", "s.md"], out=out, stdin=clean) == 0
    assert out.getvalue() == "Calm copy.\n"


def test_the_fail_level_of_each_file_decides(tmp_path, monkeypatch):
    write(tmp_path / "proj" / ".factlint.yaml", "fail-level: error\n")
    write(tmp_path / ".factlint.yaml", "not: [valid\n")  # a broken config above the project is not read
    draft = write(tmp_path / "proj" / "a.md", "---\ndate: 2026-03-12\n---\n\nIt rained yesterday.\n")
    monkeypatch.chdir(tmp_path / "proj")
    code, out = run("check", "--select", "DAT001")
    assert code == 0
    assert "1 below the fail level (error) and not failing the run." in out


def test_a_folder_whose_fail_level_differs_from_the_run_folder_keeps_its_own(tmp_path, monkeypatch):
    write(tmp_path / "proj" / ".factlint.yaml", "fail-level: error\n")
    story = "---\ndate: 2026-03-12\n---\n\nIt rained yesterday.\n"
    write(tmp_path / "proj" / "a.md", story)
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "--select", "DAT001", "proj")
    assert code == 0 and "1 below the fail level" in out
    write(tmp_path / "b.md", story)  # under the run folder's default fail level, warning
    assert run("check", "--select", "DAT001", "proj", "b.md")[0] == 1


def test_non_regular_files_are_fl001(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.md")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path / "pipe.md"))
    assert json.loads(out)[0]["message"] == "not a regular file (a pipe, device or folder); not a draft"


def test_utf16_and_late_nul_bytes(tmp_path):
    write(tmp_path / "u.md", "Text.\n".encode("utf-16"))
    write(tmp_path / "n.md", b"a" * 9000 + b"\x00")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    assert [(Path(f["filename"]).name, f["message"]) for f in json.loads(out)] == [
        ("n.md", "binary file (it contains NUL bytes); not a draft"),
        ("u.md", "UTF-16 text, not UTF-8; save the draft as UTF-8"),
    ]


def test_tool_factlint_in_any_toml_spelling(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool]\nfactlint = { ignore = ['FL001'] }\n")
    assert run("check", "--select", "FL", str(write(tmp_path / "a.md", b"\xff")))[0] == 0


def test_gitignore_patterns_at_any_depth_and_from_a_parent_folder(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "**/tmp\nscratch\n")
    write(tmp_path / "sub" / "tmp" / "g.md", b"\xff")
    write(tmp_path / "sub" / "scratch" / "h.md", b"\xff")
    write(tmp_path / "sub" / "keep.md", b"\xff")
    write(tmp_path / "sub" / ".hidden.md", b"\xff")
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "--select", "FL", "--format", "json", "sub")
    assert [f["filename"] for f in json.loads(out)] == ["sub/.hidden.md", "sub/keep.md"]


def test_a_link_back_up_the_tree_is_not_followed(tmp_path):
    import os

    write(tmp_path / "a" / "x.md", b"\xff")
    os.symlink("..", tmp_path / "a" / "up")
    code, out = run("check", "--select", "FL", "--format", "json", str(tmp_path))
    assert code == 1 and len(json.loads(out)) == 1


def test_a_date_that_does_not_exist_in_front_matter_is_fl003_at_its_line(tmp_path):
    draft = write(tmp_path / "a.md", "---\ntitle: x\ndate: 2026-02-30\n---\n\nText.\n")
    code, out = run("check", "--select", "FL", "--format", "json", str(draft))
    (finding,) = json.loads(out)
    assert (finding["code"], finding["location"]["row"]) == ("FL003", 3)
    assert finding["message"] == "front matter is not valid YAML: a value cannot be read: day is out of range for month"


def test_unclosed_front_matter_is_fl003(tmp_path):
    draft = write(tmp_path / "a.md", "---\ntitle: x\ndate: 2026-03-12\n\n# Head\n\nText.\n")
    code, out = run("check", "--select", "FL", "--format", "json", str(draft))
    assert [(f["code"], f["location"]["row"]) for f in json.loads(out)] == [("FL003", 1)]
    thematic_break = write(tmp_path / "b.md", "---\n\nText after a rule.\n")
    assert run("check", "--select", "FL", str(thematic_break))[0] == 0


def test_a_bad_value_in_a_config_file_names_file_and_line(tmp_path, capsys):
    write(tmp_path / ".factlint.yaml", "select: [FL]\nnames:\n  X: [2026-02-30]\n")
    assert run("check", str(write(tmp_path / "a.md", "Text.\n")))[0] == 2
    assert f"{tmp_path / '.factlint.yaml'}:3: configuration is not valid YAML: a value cannot be read" in capsys.readouterr().err
