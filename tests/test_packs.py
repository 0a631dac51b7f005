"""Rule packs: validation with file, line and key, merging, and the parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import UsageError
from factlint.packs import Packs, read_pack

SCHEMAS = {"verbs": {"verbs": [str], "?phrases": [{"phrase": str, "?weight": int}], "?mode": ("strict", "loose")}}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("pack: verbs\nverbs: said\n", ":2: rule pack key 'verbs': expected a list"),
    ("pack: verbs\nverbs: [said, 3, yes]\n", ":2: rule pack key 'verbs[2]': expected a string"),
    ("pack: verbs\nverbs: []\nphrases:\n  - phrase: told\n    weight: high\n", ":5: rule pack key 'phrases[0].weight': expected a whole number"),
    ("pack: verbs\nverbs: []\nphrases:\n  - weight: 1\n", ":4: rule pack key 'phrases[0].phrase': missing"),
    ("pack: verbs\nverbs: []\nverb: [x]\n", ":3: rule pack key 'verb': unknown key (allowed: description, mode, pack, phrases, source, verbs)"),
    ("pack: verbs\nverbs: []\nmode: lax\n", ":3: rule pack key 'mode': 'lax' is not one of strict, loose"),
    ("verbs: []\n", ":1: rule pack key 'pack': missing"),
    ("- a\n", ":1: rule pack key '': a rule pack is a mapping with a 'pack' key"),
    ("pack: verbs\nverbs: [said\n", ":3: rule pack is not valid YAML"),
    ("", ":1: rule pack is empty"),
])
def test_bad_packs_name_file_line_and_key(tmp_path, text, message):
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(UsageError) as error:
        read_pack(path, SCHEMAS)
    assert str(error.value).startswith(str(path) + message)


def test_a_newsroom_pack_extends_the_shipped_one(tmp_path):
    shipped = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said, told]\n")
    own = write(tmp_path / "b.yaml", "pack: verbs\nverbs: [told, quipped]\nmode: loose\n")
    packs = Packs.load([shipped], SCHEMAS, [own], cache=False)
    assert packs.get("verbs") == {"verbs": ["said", "told", "quipped"], "mode": "loose"}


def test_shipped_packs_no_rule_reads_are_skipped_but_a_newsroom_one_is_an_error(tmp_path):
    stray = write(tmp_path / "x.yaml", "pack: nobody\nwords: []\n")
    assert Packs.load([stray], SCHEMAS, cache=False).names() == []
    with pytest.raises(UsageError, match="no rule reads a pack named 'nobody'"):
        Packs.load([], SCHEMAS, [stray], cache=False)


def test_a_validated_pack_is_cached_and_the_cache_follows_its_text(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said]\n")
    assert Packs.load([pack], SCHEMAS).get("verbs") == {"verbs": ["said"]}
    assert len(list((tmp_path / "cache" / "packs").iterdir())) == 1
    write(pack, "pack: verbs\nverbs: [said, noted]\n")
    assert Packs.load([pack], SCHEMAS).get("verbs") == {"verbs": ["said", "noted"]}
    write(pack, "pack: verbs\nverbs: said\n")  # an invalid edit is an error, never a stale cache hit
    with pytest.raises(UsageError):
        Packs.load([pack], SCHEMAS)


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said]\n")
    Packs.load([pack], SCHEMAS, cache=False)
    assert not (tmp_path / "cache").exists()


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said]\n")
    Packs.load([pack], SCHEMAS)
    (entry,) = (tmp_path / "cache" / "packs").iterdir()
    entry.write_bytes(b"not a pickle")
    assert Packs.load([pack], SCHEMAS).get("verbs") == {"verbs": ["said"]}


def each_pack_read(files):
    """Packs.load with no entry for the whole set: each pack's own entry is read."""
    import shutil

    from factlint.packs import cache_dir

    shutil.rmtree(cache_dir() / "pack-sets", ignore_errors=True)
    return Packs.load(files, SCHEMAS)


def test_a_planted_executable_cache_entry_is_not_run_and_is_rebuilt(tmp_path, monkeypatch):
    import marshal
    import os
    import pickle

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said]\n")
    Packs.load([pack], SCHEMAS)
    (entry,) = (tmp_path / "cache" / "packs").iterdir()
    assert entry.suffix == ".marshal"
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Evil()))  # a pickle that would run a command when unpickled
    assert each_pack_read([pack]).get("verbs") == {"verbs": ["said"]}
    assert not marker.exists()
    code = compile(f"open({str(marker)!r}, 'w')", "x", "exec")
    entry.write_bytes(marshal.dumps(("0" * 64, code)))  # a code object: data to marshal, never called
    assert each_pack_read([pack]).get("verbs") == {"verbs": ["said"]}
    assert not marker.exists()
    digest = marshal.loads(entry.read_bytes())[0]  # rebuilt: plain data under the text's own digest
    entry.write_bytes(marshal.dumps((digest, ("verbs", {"verbs": ["forged"], "x": code}))))
    assert each_pack_read([pack]).get("verbs") == {"verbs": ["said"]}
    assert not marker.exists()
    assert marshal.loads(entry.read_bytes()) == (digest, ("verbs", {"verbs": ["said"]}))


def test_a_set_of_packs_is_read_back_whole_and_its_content_only_when_used(tmp_path, monkeypatch):
    import marshal

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "a.yaml", "pack: verbs\nverbs: [said]\n")
    uncached = Packs.load([pack], SCHEMAS, cache=False)
    Packs.load([pack], SCHEMAS)
    (entry,) = (tmp_path / "cache" / "pack-sets").iterdir()
    again = Packs.load([pack], SCHEMAS)
    assert again._content is None and again.fingerprint == uncached.fingerprint  # what a result cache hit reads
    assert again.get("verbs") == {"verbs": ["said"]}
    digest, fingerprint, _ = marshal.loads(entry.read_bytes())
    code = compile("open('ran', 'w')", "x", "exec")
    entry.write_bytes(marshal.dumps((digest, fingerprint, marshal.dumps({"verbs": {"x": code}}))))
    assert Packs.load([pack], SCHEMAS).get("verbs") == {"verbs": ["said"]}  # not plain data: each pack is read
    entry.write_bytes(b"\x00garbage")
    assert Packs.load([pack], SCHEMAS).get("verbs") == {"verbs": ["said"]}
    write(pack, "pack: verbs\nverbs: said\n")  # an invalid edit is an error, never a stale cache hit
    with pytest.raises(UsageError):
        Packs.load([pack], SCHEMAS)
