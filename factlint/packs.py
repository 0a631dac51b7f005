"""Declarative YAML rule packs: loading, validation with file/line/key errors, and merging."""

from __future__ import annotations

import os
import marshal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, TypeVar

from factlint import __version__, compiled
from factlint.digests import sha256
from factlint.errors import UsageError

if TYPE_CHECKING:  # PyYAML is imported where a pack is parsed: a warm run reads the packs' cache
    import yaml
#: Where the shipped packs live: inside the wheel, or beside the package in a checkout.
_HERE = Path(__file__).resolve().parent
BUILTIN_DIR = _HERE / "rules" if (_HERE / "rules").is_dir() else _HERE.parent / "rules"

#: A schema is a type (str, int, float, bool), a tuple of allowed strings, a
#: one-element list (a list of that schema), or a dict. In a dict, a key
#: starting with "?" is optional and the key `str` stands for any key.
Schema = Any

HEADER: dict[str, Schema] = {"pack": str, "?description": str, "?source": str}
_CACHE_VERSION = f"packs-2-{__version__}"
_MISS = object()
T = TypeVar("T")


@compiled.dataclass(frozen=True)
class PackError:
    path: str
    line: int
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: rule pack key {self.key!r}: {self.problem}"


def _type_name(schema: Schema) -> str:
    if isinstance(schema, tuple):
        return "one of " + ", ".join(schema)
    if isinstance(schema, list):
        return "a list"
    if isinstance(schema, dict):
        return "a mapping"
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}[schema]


def _scalar(node: yaml.Node, schema: type) -> bool:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        return False
    tag = node.tag.rsplit(":", 1)[-1]
    if schema is str:
        return tag in ("str", "int", "float")
    if schema is int:
        return tag == "int"
    if schema is float:
        return tag in ("int", "float")
    if schema is bool:
        return tag == "bool"
    return False


def validate(node: yaml.Node, schema: Schema, path: str, key: str = "") -> Iterable[PackError]:
    """Yield every place where `node` does not fit `schema`."""
    import yaml

    line = node.start_mark.line + 1
    if isinstance(schema, list):
        if not isinstance(node, yaml.SequenceNode):
            yield PackError(path, line, key, f"expected {_type_name(schema)}")
            return
        for i, item in enumerate(node.value):
            yield from validate(item, schema[0], path, f"{key}[{i}]")
        return
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            yield PackError(path, line, key, f"expected {_type_name(schema)}")
            return
        known = {k.lstrip("?"): v for k, v in schema.items() if isinstance(k, str)}
        required = {k for k in schema if isinstance(k, str) and not k.startswith("?")}
        seen = set()
        for k_node, v_node in node.value:
            name = str(k_node.value)
            seen.add(name)
            sub = f"{key}.{name}" if key else name
            if name in known:
                yield from validate(v_node, known[name], path, sub)
            elif str in schema:
                yield from validate(v_node, schema[str], path, sub)
            else:
                allowed = ", ".join(sorted(known)) or "none"
                yield PackError(path, k_node.start_mark.line + 1, sub, f"unknown key (allowed: {allowed})")
        for name in sorted(required - seen):
            yield PackError(path, line, f"{key}.{name}" if key else name, "missing")
        return
    if isinstance(schema, tuple):
        if not isinstance(node, yaml.ScalarNode) or node.value not in schema:
            shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else "this"
            yield PackError(path, line, key, f"{shown} is not {_type_name(schema)}")
        return
    if not _scalar(node, schema):
        yield PackError(path, line, key, f"expected {_type_name(schema)}")


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return base + [e for e in extra if e not in base]
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for k, v in extra.items():
            merged[k] = _merge(base[k], v) if k in base else v
        return merged
    return extra


def cache_dir() -> Path:
    """Where factlint keeps what it can rebuild (parsed packs): $FACTLINT_CACHE_DIR, else the user cache."""
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "factlint"


def _digest(text: str, schemas_key: str, strict: bool) -> str:
    return sha256(f"{_CACHE_VERSION}\0{strict}\0{schemas_key}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _cache_path(digest: str) -> Path:
    return cache_dir() / "packs" / f"{digest[:40]}.marshal"


#: What a cached pack may hold: the plain data YAML gives, nothing that runs.
_PLAIN = (str, int, float, bool, type(None))


_LEAVES = frozenset(_PLAIN)


def _plain(value: Any) -> bool:
    """Whether `value` is lists, tuples and dicts of _PLAIN values, all the way down.

    A loop over exact types, not a recursion of isinstance calls: every warm
    run checks every cached pack (some 10,000 values), and the recursive
    form was half of reading the packs. YAML and marshal give exact types
    only; a subclass (anything else) is refused, as it could not be cached.
    """
    leaves, stack = _LEAVES, [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in leaves:
            continue
        if kind is list or kind is tuple:
            if not all(type(v) is str for v in item):  # most lists are word lists: no need to push each
                stack.extend(item)
        elif kind is dict:
            if not all(type(k) in leaves for k in item):
                return False
            stack.extend(item.values())
        else:
            return False
    return True


def _cached(path: Path, digest: str) -> Any:
    """The cached pack, if the entry is plain data made from this very text (its digest inside); else a miss.

    marshal reads data only (it runs nothing, unlike pickle); an entry holding
    anything but plain data (a code object, say), another text's digest, or
    bytes marshal cannot read is ignored and rebuilt.
    """
    try:
        stored, value = marshal.loads(path.read_bytes())
    except Exception:
        return _MISS
    if stored != digest or not _plain(value):
        return _MISS
    return value


def _store(path: Path, digest: str, value: Any) -> None:
    if not _plain(value):  # e.g. a YAML date: not worth caching in another form
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((digest, value)))
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only home is no reason to fail a lint
        pass


def read_pack(path: Path, schemas: Mapping[str, Schema], strict: bool = True,
              schemas_key: str | None = None, text: str | None = None) -> tuple[str, dict] | None:
    """Parse and validate one pack file; raise UsageError naming file, line and key.

    A pack no rule reads is an error when `strict` (a newsroom's own pack: a
    typo in its name would silently do nothing), else it is skipped (a
    shipped pack whose rules' plugin is not loaded). With `schemas_key` (the
    schemas' fingerprint), a pack that validated before is read from the
    cache: parsing YAML is most of a one-file run's start-up.
    """
    shown = str(path)
    if text is None:
        text = _text(path)
    if schemas_key is not None:
        digest = _digest(text, schemas_key, strict)
        entry = _cache_path(digest)
        value = _cached(entry, digest)
        if value is _MISS:
            value = _read_pack_text(text, shown, schemas, strict)
            _store(entry, digest, value)
        return value
    return _read_pack_text(text, shown, schemas, strict)


def _read_pack_text(text: str, shown: str, schemas: Mapping[str, Schema], strict: bool) -> tuple[str, dict] | None:
    from factlint import yamlfile

    try:
        node, data = yamlfile.load(text)
    except yamlfile.YamlProblem as e:
        raise UsageError(f"{shown}:{e.line}: rule pack is not valid YAML: {e.problem}") from None
    if node is None:
        raise UsageError(f"{shown}:1: rule pack is empty")
    header_errors = list(validate_header(node, shown))
    if header_errors:
        raise UsageError(str(header_errors[0]))
    name = data["pack"]
    if name not in schemas:
        if not strict:
            return None
        raise UsageError(
            f"{shown}:{node.start_mark.line + 1}: rule pack key 'pack': no rule reads a pack named {name!r} "
            f"(known: {', '.join(sorted(schemas))})"
        )
    schema = {**HEADER, **schemas[name]}
    errors = list(validate(node, schema, shown))
    if errors:
        raise UsageError(str(errors[0]))
    return name, {k: v for k, v in data.items() if k not in ("pack", "description", "source")}


def validate_header(node: yaml.Node, path: str) -> Iterable[PackError]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        yield PackError(path, node.start_mark.line + 1, "", "a rule pack is a mapping with a 'pack' key")
        return
    for k_node, v_node in node.value:
        if k_node.value == "pack":
            if not _scalar(v_node, str) or not str(v_node.value).strip():
                yield PackError(path, v_node.start_mark.line + 1, "pack", "expected the pack's name")
            return
    yield PackError(path, node.start_mark.line + 1, "pack", "missing")


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read rule pack: {e}") from None


def _merged(paths: list[tuple[Path, bool]], schemas: Mapping[str, Schema], key: str | None,
            texts: list[tuple[Path, bool, str]] | None = None) -> dict[str, dict]:
    """Every pack read (shipped ones first, then the newsroom's) and merged by name."""
    data: dict[str, dict] = {}
    for i, (path, strict) in enumerate(paths):
        loaded = read_pack(path, schemas, strict, key, texts[i][2] if texts else None)
        if loaded is not None:
            name, content = loaded
            data[name] = _merge(data[name], content) if name in data else content
    return data


def _fingerprint(data: Mapping[str, dict]) -> str:
    text = repr(sorted(data.items(), key=lambda kv: kv[0]))
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _set_digest(texts: list[tuple[Path, bool, str]], schemas_key: str) -> str:
    """The key of a whole set of packs: each one's text (not its path) and whether it is the newsroom's own, in order."""
    digest = sha256(f"{_CACHE_VERSION}\0set\0{schemas_key}".encode("utf-8", "surrogatepass"))
    for _, strict, text in texts:
        digest.update(f"\0{strict}\0{len(text)}\0{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _cached_set(entry: bytes | None, digest: str) -> tuple[str, bytes] | None:
    """(fingerprint, marshal data of the merged packs) of a set loaded before; its content is read when first used.

    An entry keeps the merged packs as bytes inside it, so a run the result
    cache answers (it needs only the fingerprint) decodes none of them.
    """
    if entry is None:
        return None
    try:
        stored, fingerprint, blob = marshal.loads(entry)
    except Exception:
        return None
    if stored != digest or type(fingerprint) is not str or type(blob) is not bytes:
        return None
    return fingerprint, blob


def _store_set(path: Path, blob: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only home is no reason to fail a lint
        pass


class Packs:
    """Every loaded pack by name; newsroom packs extend the shipped ones."""

    def __init__(self, data: Mapping[str, dict], fingerprint: str | None = None) -> None:
        self._content: dict[str, dict] | None = dict(data)
        self._derived: dict[str, Any] = {}
        self._fingerprint = fingerprint
        self._stored: tuple[bytes, Callable[[], dict[str, dict]]] | None = None

    @classmethod
    def _deferred(cls, blob: bytes, fingerprint: str, rebuild: Callable[[], dict[str, dict]]) -> "Packs":
        """Packs whose content is read from `blob` (marshal data) at its first use: a result cache hit never uses it."""
        packs = cls({}, fingerprint)
        packs._content, packs._stored = None, (blob, rebuild)
        return packs

    @property
    def _data(self) -> dict[str, dict]:
        if self._content is None:
            assert self._stored is not None
            blob, rebuild = self._stored
            try:
                content = marshal.loads(blob)
            except Exception:
                content = None
            self._content = content if type(content) is dict and _plain(content) else rebuild()
            self._stored = None
        return self._content

    @property
    def fingerprint(self) -> str:
        """A digest of every pack's content (the result cache's key holds it): repr, as marshal's bytes vary."""
        if self._fingerprint is None:
            self._fingerprint = _fingerprint(self._data)
        return self._fingerprint

    def derived(self, key: str, build: Callable[["Packs"], T]) -> T:
        """What a family builds from these packs (a vocabulary, a lexicon), built once per loaded set."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def get_or_empty(self, name: str) -> dict:
        """A pack's content, or an empty one when no such pack is loaded (a plugin run without it)."""
        return self._data.get(name) or {}

    def get(self, name: str) -> dict:
        try:
            return self._data[name]
        except KeyError:
            raise KeyError(f"no rule pack named {name!r} is loaded") from None

    def __contains__(self, name: str) -> bool:
        return name in self._data

    def names(self) -> list[str]:
        return sorted(self._data)

    @classmethod
    def load(cls, files: Iterable[Path], schemas: Mapping[str, Schema], own: Iterable[Path] = (),
             cache: bool = True) -> "Packs":
        """Load shipped `files` (skipping packs no rule reads) then the newsroom's `own` packs."""
        key = repr(sorted(schemas.items(), key=lambda kv: kv[0])) if cache else None
        paths = [(Path(p), False) for p in files] + [(Path(p), True) for p in own]
        if key is None:
            return cls(_merged(paths, schemas, key))
        texts = [(path, strict, _text(path)) for path, strict in paths]
        digest = _set_digest(texts, key)
        entry = cache_dir() / "pack-sets" / f"{digest[:40]}.marshal"

        def rebuild() -> dict[str, dict]:
            return _merged(paths, schemas, key, texts)

        shipped = not own and all(path.parent == BUILTIN_DIR for path, _ in paths)  # the package's own: compiled
        found = _cached_set(_read(entry), digest) or (_cached_set(compiled.read("packs"), digest) if shipped else None)
        if found is not None:
            return cls._deferred(found[1], found[0], rebuild)
        data = rebuild()
        packs = cls(data)
        if _plain(data):
            blob = marshal.dumps((digest, packs.fingerprint, marshal.dumps(data)))
            _store_set(entry, blob)
            if shipped:
                compiled.write("packs", blob)
        return packs


def builtin_pack_files() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.yaml"))
