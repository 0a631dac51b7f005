"""Configuration: discovery, validation and ruff-style selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint import config
from factlint.config import Config
from factlint.errors import UsageError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_most_specific_selector_wins_and_ignore_wins_ties():
    c = Config(select=("DAT",), ignore=("DAT002",))
    assert c.is_selected("DAT001") and not c.is_selected("DAT002") and not c.is_selected("QUO001")
    c = Config(select=("DAT002",), ignore=("DAT",))
    assert c.is_selected("DAT002") and not c.is_selected("DAT001")
    assert not Config(select=("DAT",), ignore=("DAT",)).is_selected("DAT001")
    assert Config().is_selected("ANY001")
    assert Config(select=("QUO",), extend_select=("DAT001",)).is_selected("DAT001")


def test_cli_overrides():
    base = Config(select=("DAT",), ignore=("DAT006",))
    c = base.with_cli(["QUO"], ["NAM"], ["QUO003"])
    assert c.select == ("QUO",) and c.extend_select == ("NAM",) and c.ignore == ("DAT006", "QUO003")
    assert base.with_cli(None, (), ()).select == ("DAT",)


def test_per_file_ignores_match_relative_paths_and_names():
    c = Config(per_file_ignores=(("archive/*.md", ("DAT",)), ("*.txt", ("QUO001",))))
    assert not c.is_selected("DAT001", "archive/old.md")
    assert c.is_selected("DAT001", "news/new.md")
    assert not c.is_selected("QUO001", "wire/story.txt")


def test_severity_overrides_by_code_or_prefix():
    c = Config(severity=(("DAT", "error"), ("DAT002", "warning")))
    assert c.severity_for("DAT001", "warning") == "error"
    assert c.severity_for("DAT002", "info") == "warning"
    assert c.severity_for("QUO001", "error") == "error"


def test_discovery_nearest_folder_and_first_name_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.factlint]\nselect = ['DAT']\n")
    write(tmp_path / "news" / "factlint.yaml", "select: [QUO]\n")
    write(tmp_path / "news" / ".factlint.yaml", "select: [NAM]\n")
    (tmp_path / "news" / "deep").mkdir()
    assert config.discover(tmp_path / "news" / "deep") == tmp_path / "news" / ".factlint.yaml"
    assert config.discover(tmp_path) == tmp_path / "pyproject.toml"


def test_pyproject_without_a_factlint_table_is_passed_over(tmp_path):
    write(tmp_path / "factlint.yaml", "select: [DAT]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config.discover(tmp_path / "sub") == tmp_path / "factlint.yaml"


def test_load_reads_every_core_key(tmp_path):
    path = write(tmp_path / ".factlint.yaml", (
        "select: [DAT, quo001]\nextend-select: [NAM]\nignore: ['DAT006']\n"
        "per-file-ignores:\n  'a/*.md': [DAT001]\nseverity:\n  dat002: warning\nfail-level: error\n"
        "reference-date-key: published\nexclude: ['templates/*']\n"
    ))
    c = config.load(path, {})
    assert c.select == ("DAT", "QUO001") and c.extend_select == ("NAM",) and c.ignore == ("DAT006",)
    assert c.per_file_ignores == (("a/*.md", ("DAT001",)),)
    assert c.severity == (("DAT002", "warning"),) and c.fail_level == "error"
    assert c.reference_date_key == "published"
    assert c.excluded("templates/x.md") and not c.excluded("news/x.md")


@pytest.mark.parametrize("text, message", [
    ("select: DAT\n", ":1: configuration key 'select': expected a list"),
    ("fail-level: fatal\n", "configuration key 'fail-level': 'fatal' is not info, warning or error"),
    ("severity:\n  DAT001: loud\n", "configuration key 'severity.DAT001': 'loud' is not info, warning or error"),
    ("quotes:\n  min-words: 6\n", ":1: configuration key 'quotes': unknown key"),
    ("rule-packs: [missing.yaml]\n", "configuration key 'rule-packs': no such file"),
    ("select: [DAT\n", ":2: configuration is not valid YAML"),
    ("- just\n- a list\n", "configuration must be a mapping of settings"),
])
def test_bad_configuration_is_one_clear_error(tmp_path, text, message):
    path = write(tmp_path / ".factlint.yaml", text)
    with pytest.raises(UsageError) as error:
        config.load(path, {})  # no plugin declared a `quotes` section here
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_a_setting_with_a_fixed_set_of_values_is_checked_where_it_is_written(tmp_path):
    path = write(tmp_path / ".factlint.yaml", "quotes:\n  style: fancy\n")
    with pytest.raises(UsageError) as error:
        config.load(path, {"quotes": {"?style": ("dominant", "curly", "straight")}})
    assert str(error.value) == f"{path}:2: configuration key 'quotes.style': 'fancy' is not one of dominant, curly, straight"


def test_a_configuration_written_between_two_runs_is_seen(tmp_path):
    from factlint.testing import registry
    from factlint.engine import Options, Session

    draft = write(tmp_path / "a.md", "Text.\n")
    assert Session(registry(), Options()).config_for(draft).path is None
    write(tmp_path / ".factlint.yaml", "select: [DAT]\n")
    assert Session(registry(), Options()).config_for(draft).path == tmp_path / ".factlint.yaml"


@pytest.mark.parametrize("text, message", [
    ("online:\n  timeout: -1\n", "configuration key 'online.timeout': -1 is not a positive number of seconds"),
    ("online:\n  deadline: 0\n", "configuration key 'online.deadline': 0 is not a positive number of seconds"),
    ("online:\n  allow-networks: [intranet]\n",
     "configuration key 'online.allow-networks': 'intranet' is not an IP network (such as 10.20.0.0/16 or 127.0.0.1)"),
])
def test_online_settings_are_checked_at_start_up_without_online(tmp_path, text, message, capsys):
    from factlint.surfaces.cli import main

    write(tmp_path / ".factlint.yaml", text)
    write(tmp_path / "a.md", "The bridge reopened.\n")
    assert main(["check", str(tmp_path / "a.md")]) == 2  # no --online: the run would never have used them
    assert capsys.readouterr().err == f"factlint: error: {tmp_path / '.factlint.yaml'}: {message}\n"


def test_a_relative_path_is_read_from_where_it_was_given(tmp_path, monkeypatch) -> None:
    # Config.relative keeps its answers for the run; a relative path must still mean the working folder of each ask.
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("x\n")
    config = Config(path=tmp_path / "factlint.toml")
    monkeypatch.chdir(tmp_path / "a")
    assert config.relative(Path("x.md")) == "a/x.md"
    monkeypatch.chdir(tmp_path / "b")
    assert config.relative(Path("x.md")) == "b/x.md"
    assert config.relative(tmp_path / "a" / "x.md") == "a/x.md"
    assert Config().relative(Path("x.md")) == "x.md"
    assert Config().waivers_path == tmp_path / "b" / ".factlint-waivers.yaml"


def test_a_relative_path_resolves_linked_folders_and_linked_drafts(tmp_path, monkeypatch) -> None:
    # the folder is resolved once for its drafts, but a draft that is itself a link is resolved whole
    (tmp_path / "desk" / "real").mkdir(parents=True)
    (tmp_path / "desk" / "real" / "x.md").write_text("x\n")
    (tmp_path / "desk" / "alias").symlink_to(tmp_path / "desk" / "real")
    (tmp_path / "desk" / "link.md").symlink_to(tmp_path / "desk" / "real" / "x.md")
    config = Config(path=tmp_path / "desk" / "factlint.toml")
    monkeypatch.chdir(tmp_path)
    assert config.relative(Path("desk/alias/x.md")) == "real/x.md"
    assert config.relative(Path("desk/link.md")) == "real/x.md"
    assert config.relative(Path("desk/real/../link.md")) == "real/x.md"
    assert config.relative(Path("desk/missing.md")) == "missing.md"
