"""The compiled forms kept beside the bytecode: regular expressions' programs and dataclass methods' code."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import compiled

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def stores(tmp_path, monkeypatch):
    """Fresh, empty stores writing into a folder of the test's own, as if bytecode may be written."""
    monkeypatch.setattr(compiled, "path", lambda name: tmp_path / f"factlint-{name}.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for store in (compiled._programs, compiled._methods):
        monkeypatch.setattr(store, "forms", None)
        monkeypatch.setattr(store, "used", {})
        monkeypatch.setattr(store, "added", False)
    return tmp_path


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


def test_a_pattern_compiles_as_re_compiles_it_and_is_kept(stores):
    pattern = r"(?P<day>Mon|Tues)day\s+(?i:next)\b"
    made = compiled.regex(pattern, re.IGNORECASE)
    _same(made, re.compile(pattern, re.IGNORECASE))
    assert made.search("see you tuesday NEXT week").group("day") == "tues"
    compiled.save()
    engine, forms = marshal.loads((stores / "factlint-regex.marshal").read_bytes())
    assert engine == compiled._programs.engine
    assert list(forms) == [(pattern, int(re.IGNORECASE))]


def test_a_stored_program_is_read_back_not_compiled(stores, monkeypatch):
    compiled.regex(r"\bsaid\b")
    compiled.save()
    monkeypatch.setattr(compiled._programs, "forms", None)
    monkeypatch.setattr(compiled._programs, "used", {})
    parsed = []
    monkeypatch.setattr(compiled._parser, "parse", lambda *a: parsed.append(a))
    again = compiled.regex(r"\bsaid\b")
    assert parsed == [] and compiled._programs.added is False
    assert again.findall("he said, she said") == ["said", "said"]


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps((("another engine",), {}))])
def test_an_unreadable_or_foreign_store_is_as_good_as_none(stores, content):
    (stores / "factlint-regex.marshal").write_bytes(content)
    assert compiled.regex("a+b").fullmatch("aab")
    assert compiled._programs.added is True


def test_a_program_the_engine_rejects_is_compiled_afresh(stores):
    key = ("x+", 0)
    bad = (0, [1, 2, 3], 0, {}, (None,))
    engine = compiled._programs.engine
    (stores / "factlint-regex.marshal").write_bytes(marshal.dumps((engine, {key: marshal.dumps(bad)})))
    assert compiled.regex("x+").fullmatch("xxx")


def test_a_bad_pattern_is_re_error_and_bytes_or_debug_go_to_re(stores):
    with pytest.raises(re.error):
        compiled.regex("(unclosed")
    assert compiled.regex(rb"\d+").fullmatch(b"42")
    assert compiled._programs.forms in (None, {})


def test_the_store_keeps_what_this_run_used_first_and_stays_bounded(stores, monkeypatch):
    monkeypatch.setattr(compiled._programs, "limit", 3)
    for p in ("a", "b", "c", "d"):
        compiled.regex(p)
    compiled.save()
    forms = marshal.loads((stores / "factlint-regex.marshal").read_bytes())[1]
    assert list(forms) == [("a", 0), ("b", 0), ("c", 0)]
    monkeypatch.setattr(compiled._programs, "forms", None)
    monkeypatch.setattr(compiled._programs, "used", {})
    compiled.regex("c")
    compiled.regex("e")
    compiled.save()
    forms = marshal.loads((stores / "factlint-regex.marshal").read_bytes())[1]
    assert list(forms) == [("c", 0), ("e", 0), ("a", 0)]


def test_nothing_is_written_where_bytecode_may_not_be(stores, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled.regex("q")
    compiled.save()
    assert not (stores / "factlint-regex.marshal").exists()


_ATOMS = st.sampled_from(["a", "b", "ab", ".", r"\w", r"\s", "[ab]", "[^a]", r"\b", "x", "(?i:A)"])


@st.composite
def _patterns(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        atom = draw(_ATOMS)
        parts.append(atom + draw(st.sampled_from(["", "*", "+", "?", "{1,2}", "*?"])))
        if draw(st.booleans()):
            parts = ["(?:" + "".join(parts) + ")" + draw(st.sampled_from(["|a", "|", ""]))]
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(pattern=_patterns(), text=st.text(alphabet="abxAB \n", max_size=20),
       flags=st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.DOTALL]))
def test_a_stored_program_matches_as_re_compile_does(pattern, text, flags):
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            compiled.regex(pattern, flags)
        return
    made = compiled.regex(pattern, flags)
    _same(made, expected)
    assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]


# -- dataclasses -------------------------------------------------------------

@compiled.dataclass(frozen=True)
class _Value:
    """A value made by factlint's dataclass, beside `_Plain` made by the standard one."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)


@dataclasses.dataclass(frozen=True)
class _Plain:
    name: str
    count: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)


def test_a_value_is_the_dataclass_the_standard_decorator_makes():
    v = _Value("Ng", 2, ("a",))
    assert dataclasses.is_dataclass(v)
    assert [f.name for f in dataclasses.fields(v)] == ["name", "count", "tags"]
    assert repr(v) == "_Value(name='Ng', count=2, tags=('a',))"
    assert v == _Value("Ng", 2, ("b",)) and hash(v) == hash(_Value("Ng", 2))
    assert dataclasses.replace(v, count=3).count == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.name = "Ruiz"  # type: ignore[misc]
    assert _Value.__init__.__annotations__ == _Plain.__init__.__annotations__
    assert not hasattr(dataclasses, "exec")  # the hook is bound only while a class is made


def test_the_methods_code_is_stored_and_read_back(stores):
    def make():
        @compiled.dataclass(order=True)
        class Point:
            x: int
            y: int = 1
        return Point

    first = make()
    assert compiled._methods.added is True
    compiled.save()
    kept = marshal.loads((stores / "factlint-methods.marshal").read_bytes())[1]
    assert any("__init__(self,x" in source.replace(" ", "") for source in kept)
    compiled._methods.forms, compiled._methods.used, compiled._methods.added = None, {}, False
    second = make()
    assert compiled._methods.added is False and compiled._methods.used
    assert second(2) < second(3) and second(2) == second(2, 1) and repr(second(2)).endswith(".Point(x=2, y=1)")
    assert first(1) != second(1)  # two classes, as two definitions make


def test_a_run_fills_the_stores_and_the_next_reads_them(tmp_path):
    """Processes as users run them: -j workers write what they compiled; the next run compiles nothing new."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(6):
        (drafts / f"d{i}.md").write_text(f'# Vote {i}\n\nThe council voted on Tuesday. "We won," she said.\n',
                                          encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"), FACTLINT_CACHE_DIR=str(tmp_path / "cache"))
    probe = ("import sys, json, runpy; from factlint import compiled;"
             "sys.argv = ['factlint', 'check', sys.argv[1], '--no-cache', '-j', '2', '--format', 'json'];\n"
             "try: runpy.run_module('factlint', run_name='__main__')\n"
             "except SystemExit: pass\n"
             "print(json.dumps([compiled._programs.added, compiled._methods.added, len(compiled._programs.used)]),"
             " file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", probe, str(drafts)], cwd=tmp_path, env=env,
                           capture_output=True, text=True) for _ in range(2)]
    outputs = {r.stdout for r in runs}
    assert len(outputs) == 1 and json.loads(runs[0].stdout)
    assert json.loads(runs[0].stderr.splitlines()[-1])[:2] == [True, True]
    added_regex, added_methods, used = json.loads(runs[1].stderr.splitlines()[-1])
    assert (added_regex, added_methods) == (False, False) and used > 0
    store = next((tmp_path / "pyc").rglob("factlint-regex.*.marshal"))
    assert len(marshal.loads(store.read_bytes())[1]) > 40  # the workers' patterns too, not only the parent's


def test_a_damaged_entry_is_dropped_and_made_afresh(stores):
    engine = compiled._programs.engine
    (stores / "factlint-regex.marshal").write_bytes(marshal.dumps((engine, {("y+", 0): b"\x00not marshal"})))
    assert compiled.regex("y+").fullmatch("yy")
    compiled.save()
    forms = marshal.loads((stores / "factlint-regex.marshal").read_bytes())[1]
    assert marshal.loads(forms[("y+", 0)])[1]  # the program made afresh replaced the damaged one
