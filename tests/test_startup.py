"""What a one-draft run imports: the pre-commit case pays only for what it uses (no timings, module names).

Each run is the real command (`python -m factlint check DRAFT --format json`)
in a fresh interpreter, which lists `sys.modules` as it exits.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pluggy
import pytest

from factlint import plugins

ROOT = Path(__file__).resolve().parent.parent

TEXT_DRAFT = "Council backs rates\n\nThe council voted on Tuesday to keep the rates, said Mayor Ana Ruiz.\n"
MARKDOWN_DRAFT = "---\ntitle: Rates\n---\n# Council backs rates\n\nThe council voted to keep the rates, said Mayor Ana Ruiz.\n"

#: `python -m factlint ARGS`, writing the names of every module imported to the file in argv[1] at exit.
RUN_AND_LIST = (
    "import atexit, runpy, sys\n"
    "listing = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(listing, 'w').write('\\n'.join(sorted(sys.modules))))\n"
    "runpy.run_module('factlint', run_name='__main__', alter_sys=True)\n"
)


def imported(draft: Path, cache: Path, *extra: str) -> set[str]:
    """The modules `factlint check DRAFT --format json` imports."""
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    listing = cache.parent / "modules.txt"
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, str(listing), "check", str(draft),
                           "--format", "json", *extra], capture_output=True, text=True, env=env, cwd=draft.parent)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("["), done.stdout
    return set(listing.read_text(encoding="utf-8").split("\n"))


@pytest.fixture()
def text_draft(tmp_path: Path) -> Path:
    draft = tmp_path / "drafts" / "rates.txt"
    draft.parent.mkdir()
    draft.write_text(TEXT_DRAFT, encoding="utf-8")
    return draft


def test_a_plain_text_draft_never_imports_the_markdown_parser_nor_the_network(text_draft, tmp_path):
    modules = imported(text_draft, tmp_path / "cache")  # an empty cache: the rules run
    assert "factlint.language.dates" in modules  # the rules ran: the log is the real one
    assert {"markdown_it", "factlint.online", "http.client", "ssl"} & modules == set()


def test_no_entry_point_scan_when_no_distribution_declares_a_factlint_plugin(text_draft, tmp_path):
    assert "importlib.metadata" not in imported(text_draft, tmp_path / "cache")  # no third-party plugin here


def test_a_warm_run_imports_neither_yaml_nor_the_draft_parsers(tmp_path):
    draft = tmp_path / "drafts" / "rates.md"
    draft.parent.mkdir()
    draft.write_text(MARKDOWN_DRAFT, encoding="utf-8")
    cold = imported(draft, tmp_path / "cache")
    assert {"yaml", "markdown_it"} <= cold  # the first run parsed the packs, the front matter and the draft
    warm = imported(draft, tmp_path / "cache")
    assert {"yaml", "markdown_it", "rapidfuzz", "unidecode", "factlint.online"} & warm == set()
    # the rules are registered, not run: the language modules only their checks read wait
    assert {"factlint.language.dates", "factlint.language.people", "factlint.language.attribution",
            "factlint.language.licences", "factlint.language.quotations"} <= cold
    assert {"factlint.language.dates", "factlint.language.people", "factlint.language.attribution",
            "factlint.language.lexicon", "factlint.language.licences", "factlint.language.quotations"} & warm == set()


def _dist(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


@pytest.fixture()
def standard_finders(monkeypatch):
    """sys.meta_path without finders other packages add (importlib_metadata's, imported by Dask in other tests)."""
    from importlib.machinery import PathFinder

    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path
                                           if not hasattr(f, "find_distributions") or f is PathFinder])


def test_a_distribution_with_a_factlint_section_is_found(tmp_path, monkeypatch, standard_finders):
    _dist(tmp_path, "factlint_tools", "[console_scripts]\nfactlint-tools = tools:main\n")
    _dist(tmp_path, "plain", None)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path)])
    assert not plugins.declared_anywhere("factlint")  # "factlint" in a script's name is no plugin
    _dist(tmp_path, "spaced", "[ factlint ]\nx = y\n")  # importlib.metadata's group " factlint ": not ours
    assert not plugins.declared_anywhere("factlint")
    _dist(tmp_path, "factlint_exclaim", "[console_scripts]\nx = y:z\n\n[factlint]\nexclaim = factlint_exclaim\n")
    assert plugins.declared_anywhere("factlint")


def test_what_cannot_be_read_cheaply_goes_to_the_full_scan(tmp_path, monkeypatch, standard_finders):
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert not plugins.declared_anywhere("factlint")

    class Finder:  # another distribution finder: what it would find is not known without asking it
        def find_distributions(self, context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert plugins.declared_anywhere("factlint")
    monkeypatch.setattr(sys, "meta_path", sys.meta_path[:-1])
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert plugins.declared_anywhere("factlint")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "old.egg")])
    (tmp_path / "old.egg").mkdir()
    assert plugins.declared_anywhere("factlint")


def test_the_network_section_is_named_as_the_network_module_names_it():
    from factlint import online
    from factlint.checks import licensing_online

    assert licensing_online.SECTION == online.SECTION == "online"


def test_a_json_run_imports_no_other_reporters_stdlib(text_draft, tmp_path):
    assert {"xml.etree.ElementTree", "importlib.resources"} & imported(text_draft, tmp_path / "cache") == set()
    warm = imported(text_draft, tmp_path / "cache")  # PyYAML, on the cold run, imports base64 itself
    assert {"xml.etree.ElementTree", "importlib.resources", "base64", "tempfile"} & warm == set()


def test_the_built_in_hooks_are_registered_alone_and_all_of_them():
    from factlint.checks import dates

    pm = plugins.plugin_manager(entry_points=False)
    registered = pm.get_plugin("factlint.checks.dates")
    assert registered is not dates and registered.factlint_rules is dates.factlint_rules
    assert {name for name in vars(registered) if not name.startswith("__")} == {
        name for name in vars(dates) if name.startswith("factlint_")}
    whole = pluggy.PluginManager(plugins.PROJECT)  # the modules themselves, as they were registered before
    whole.add_hookspecs(plugins.Hooks)
    for name in plugins._builtin_modules():
        whole.register(importlib.import_module(name), name=name)
    before, now = plugins.collect(whole), plugins.collect(pm)
    assert len(now.rules) == 24 and now.rules == before.rules
    assert (now.formats, now.reporters, now.schemas, now.settings) == (
        before.formats, before.reporters, before.schemas, before.settings)


@pytest.mark.parametrize("value, plain", [
    (("names", {"given": ["Ana", "José"], "n": 3, "on": True, "x": 1.5, "none": None}), True),
    ([[["deep", ("er", {"k": [1, 2]})]]], True),
    ({1: "a", None: "b"}, True),
    ({("a",): "tuple key"}, False),
    (["a", b"bytes"], False),
    ({"a": {"b", "c"}}, False),
    (["a", ["b", (lambda: 0).__code__]], False),
    ({"when": __import__("datetime").date(2026, 1, 1)}, False),
])
def test_only_plain_data_is_read_back_from_the_packs_cache(value, plain):
    from factlint.packs import _plain

    assert _plain(value) is plain


def test_a_deferred_module_is_imported_at_its_first_read_and_then_is_the_module_itself(tmp_path, monkeypatch):
    from factlint import lazy

    (tmp_path / "deferred_words.py").write_text("WORDS = ('said', 'told')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    owner = type(sys)("deferred_owner")
    monkeypatch.setitem(sys.modules, "deferred_owner", owner)
    owner.words = lazy.module("deferred_words", "deferred_owner", "words")
    assert "deferred_words" not in sys.modules
    assert owner.words.WORDS == ("said", "told")
    real = sys.modules.pop("deferred_words")
    assert owner.words is real  # the stand-in gave its place to the module
    assert lazy.module("json", "deferred_owner", "j") is sys.modules["json"]  # imported already: no stand-in


@pytest.mark.parametrize("text, size", [
    ("pack: x\nwords: [a, b, c]\n", 8),  # the mapping, two keys, a value, a list and its three
    ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 29),  # shared nodes: each alias counted as what it expands to
    ("a: &a [x, x]\nb: *a\n", 9),
])
def test_a_document_is_sized_as_its_aliases_expand(text, size, monkeypatch):
    from factlint import yamlfile

    loader = yamlfile.Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    assert yamlfile.expanded_size(node, 10_000) == size
    assert (yamlfile._tree_size(node, 10_000) is None) is ("*" in text)  # no alias: counted in one pass
    monkeypatch.setattr(yamlfile, "_tree_size", lambda root, budget: None)
    assert yamlfile.expanded_size(node, 10_000) == size  # the same as the walk that sizes every node


def test_a_check_builds_only_the_check_options(text_draft, tmp_path):
    from factlint.surfaces import cli

    assert {"factlint.surfaces.explain", "factlint.surfaces.audit.command"} & imported(text_draft, tmp_path / "c") == set()
    only = cli._parser("check")._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    every = cli._parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(only) == ["check"] and set(every) == set(cli.COMMANDS)
    assert only["check"].format_help() == every["check"].format_help()


def test_a_warm_run_reads_the_registry_and_imports_no_rule_family(text_draft, tmp_path):
    cold = imported(text_draft, tmp_path / "cache")
    assert {"factlint.checks.dates", "factlint.formats.html", "factlint.reporters.sarif"} <= cold
    warm = imported(text_draft, tmp_path / "cache")
    assert not any(name.startswith(("factlint.checks.", "factlint.formats.")) for name in warm)
    assert {"factlint.reporters.sarif", "factlint.reporters.html", "factlint.surfaces.audit.settings"} & warm == set()
    # what only running the rules needs: suppression comments, the sentence splitter of waiver fingerprints,
    # and the document model: a hit reads spans back (factlint.spans) but parses no draft
    deferred = {"factlint.suppression", "factlint.language.sentences", "pkgutil", "factlint.document"}
    assert deferred <= cold
    assert deferred & warm == set()
    # nor OpenSSL for a few digests (factlint.digests), nor shutil for argparse's terminal width
    assert {"hashlib", "_hashlib", "shutil"} & warm == set()


def test_the_cached_registry_is_the_built_one_and_keys_results_alike(tmp_path, monkeypatch):
    from factlint import registry_cache, result_cache

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    origins: dict[int, str] = {}
    built = plugins.collect(plugins.plugin_manager(entry_points=False), origins)
    registry_cache.store(built, origins)
    read = registry_cache.load()
    assert read is not None and read.rules == built.rules
    assert (read.schemas, read.settings, read.pack_files) == (built.schemas, built.settings, built.pack_files)
    assert {n: (f.extensions) for n, f in read.formats.items()} == {n: f.extensions for n, f in built.formats.items()}
    assert [(r.name, r.description, r.waived, r.drafts) for r in read.reporters.values()] == [
        (r.name, r.description, r.waived, r.drafts) for r in built.reporters.values()]
    assert result_cache.engine_fingerprint(read) == result_cache.engine_fingerprint(built)
    deferred = read.rules["DAT001"].check
    assert isinstance(deferred, registry_cache.Deferred) and deferred.resolve() is built.rules["DAT001"].check
    assert read.formats["markdown"].read.resolve() is built.formats["markdown"].read


@pytest.fixture()
def compiled_here(tmp_path, monkeypatch):
    """The package's compiled forms in a folder of the test's own, written as if bytecode may be."""
    from factlint import compiled

    monkeypatch.setattr(compiled, "path", lambda name: tmp_path / "pycache" / f"factlint-{name}.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "pycache"


def test_a_registry_entry_of_another_engine_is_a_miss(tmp_path, monkeypatch, compiled_here):
    from factlint import registry_cache

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    origins: dict[int, str] = {}
    registry_cache.store(plugins.collect(plugins.plugin_manager(entry_points=False), origins), origins)
    assert registry_cache.load() is not None
    monkeypatch.setattr(registry_cache, "_stamps_memo", ("factlint/edited.py:1:2",))
    assert registry_cache.load() is None
    monkeypatch.setattr(registry_cache, "_stamps_memo", None)
    registry_cache.path().write_bytes(b"\x00garbage")
    (compiled_here / "factlint-registry.marshal").write_bytes(b"")
    assert registry_cache.load() is None


def test_a_first_run_reads_the_packages_compiled_registry_and_packs(tmp_path, monkeypatch, compiled_here):
    import shutil

    from factlint import packs, registry_cache

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    origins: dict[int, str] = {}
    built = plugins.collect(plugins.plugin_manager(entry_points=False), origins)
    registry_cache.store(built, origins)
    loaded = packs.Packs.load(packs.builtin_pack_files(), built.schemas)
    assert sorted(p.name for p in compiled_here.iterdir()) == ["factlint-packs.marshal", "factlint-registry.marshal"]
    shutil.rmtree(tmp_path / "cache")  # a user's first run: nothing in the cache folder
    assert registry_cache.load().rules == built.rules
    again = packs.Packs.load(packs.builtin_pack_files(), built.schemas)
    assert again._content is None and again.fingerprint == loaded.fingerprint
    assert again.get("speech-verbs") == loaded.get("speech-verbs")
    shipped = (compiled_here / "factlint-packs.marshal").read_bytes()
    own = tmp_path / "own.yaml"
    own.write_text("pack: speech-verbs\nlemmas: [opine]\n", encoding="utf-8")
    with_own = packs.Packs.load(packs.builtin_pack_files(), built.schemas, [own])
    assert "opine" in with_own.get("speech-verbs")["lemmas"]
    assert (compiled_here / "factlint-packs.marshal").read_bytes() == shipped  # a newsroom's packs stay in its cache
