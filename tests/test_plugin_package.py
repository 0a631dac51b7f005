"""A plugin installed from outside the package is listed, selected, reported, fixed and suppressed like a built-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plugin-exclaim"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The example plugin, really installed with pip into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        # Build isolation fetches the plugin's build backend from the package index, as a newsroom's would.
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(EXAMPLE)],
        check=True, capture_output=True, cwd=build,
    )
    return target


def factlint(site: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]))
    return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_the_plugin_rule_is_listed_with_its_package(site):
    done = factlint(site, "rules")
    assert done.returncode == 0, done.stderr
    row = next(line.split() for line in done.stdout.splitlines() if line.startswith("EXC001"))
    assert row == ["EXC001", "exclamation-mark", "EXC", "warning", "safe", "factlint-exclaim"]
    explained = factlint(site, "rule", "EXC001").stdout
    assert "Reported:\n    Prices rose again!" in explained
    assert "Source: Reuters Handbook of Journalism, punctuation" in explained


def test_the_plugin_rule_is_selected_reported_and_suppressed(site, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        "# Head\n\nPrices rose again!\n\n<!-- factlint: disable-next-line=EXC001 -->\nAnd again!\n\n"
        "<!-- factlint: disable-next-line=EXC001 -->\nCalm copy.\n",
        encoding="utf-8",
    )
    done = factlint(site, "check", "--select", "EXC,FL", "--format", "json", str(draft))
    assert done.returncode == 1, done.stderr
    found = [(f["code"], f["location"]["row"], f["location"]["column"], f["message"]) for f in json.loads(done.stdout)]
    assert found == [
        ("EXC001", 3, 18, "exclamation mark in news copy"),
        ("FL002", 8, 1, "unused suppression: `disable-next-line=EXC001` silenced no finding"),
    ]
    # A suppression of a rule that did not run is not judged unused.
    assert factlint(site, "check", "--select", "FL", str(draft)).stdout == "All clear: 1 file checked, no findings.\n"
    assert factlint(site, "check", "--ignore", "EXC", "--select", "EXC", str(draft)).returncode == 0


def test_the_plugin_fix_applies(site, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Prices rose again!\n", encoding="utf-8")
    done = factlint(site, "check", "--select", "EXC", "--fix", str(draft))
    assert done.returncode == 0, done.stdout + done.stderr
    assert draft.read_text(encoding="utf-8") == "Prices rose again.\n"


def test_the_plugin_rule_reads_every_block_but_the_headline(site, tmp_path):
    # A plain-text draft with no blank line after line 1 has no headline: line 1 is copy.
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("Prices rose again!\nTraders were calm.\n", encoding="utf-8")
    headed = tmp_path / "headed.md"
    headed.write_text("# Prices Soar!\n\n## Then Fall!\n\nCalm copy.\n", encoding="utf-8")
    figure = tmp_path / "figure.html"
    figure.write_text("<article><h1>Prices Soar!</h1>\n<figure><img src=floor.jpg>\n"
                      "<figcaption>Traders cheer!</figcaption></figure><p>Calm.</p></article>\n", encoding="utf-8")
    done = factlint(site, "check", "--select", "EXC", "--format", "json", str(wrapped), str(headed), str(figure))
    assert done.returncode == 1, done.stderr
    found = [(Path(f["filename"]).name, f["location"]["row"], f["location"]["column"]) for f in json.loads(done.stdout)]
    assert found == [("figure.html", 3, 26), ("headed.md", 3, 13), ("wrapped.txt", 1, 18)], found


def test_a_plugin_that_reuses_a_code_is_refused_at_start_up(site, tmp_path):
    clash = tmp_path / "clash"
    (clash / "clash_plugin").mkdir(parents=True)
    (clash / "clash_plugin" / "__init__.py").write_text(
        "from factlint.plugins import hookimpl\nfrom factlint_exclaim import exclamation_mark\n\n"
        "@hookimpl\ndef factlint_rules():\n    return [exclamation_mark]\n"
    )
    info = clash / "clash_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: clash-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[factlint]\nclash = clash_plugin\n")
    env_site = Path(str(site))
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "rules"], capture_output=True, text=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(env_site), str(clash), str(ROOT)])),
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("is registered twice (by factlint-exclaim and clash-plugin)") or \
        done.stderr.strip().endswith("is registered twice (by clash-plugin and factlint-exclaim)")
    assert done.stderr.count("\n") == 1
