"""The output folder's manifest: what was audited with what, and which partitions are written, for --resume."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, field
from pathlib import Path
from typing import Any

from factlint import compiled
from factlint.errors import UsageError

NAME = "manifest.json"
FORMAT = 1


@compiled.dataclass
class Manifest:
    """manifest.json of an audit folder (rewritten atomically after each partition)."""

    source: str
    source_kind: str
    config_hash: str
    factlint_version: str
    partition_size: int
    config: str | None = None
    partitions_done: list[int] = field(default_factory=list)
    articles_done: int = 0
    findings: int = 0
    complete: bool = False
    format: int = FORMAT

    def save(self, folder: Path) -> None:
        self.partitions_done.sort()
        write_atomic(folder / NAME, (json.dumps(asdict(self), indent=1) + "\n").encode("utf-8"))

    @classmethod
    def load(cls, folder: Path) -> "Manifest | None":
        path = folder / NAME
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (OSError, ValueError, TypeError) as e:
            raise UsageError(f"{path}: not a factlint audit manifest ({e})") from None


def config_hash(config_path: Path | None, rule_packs: tuple[Path, ...], settings: dict[str, Any]) -> str:
    """A fingerprint of everything that decides the findings: the config file, its packs, the options."""
    digest = hashlib.sha256()
    for path in ([config_path] if config_path else []) + list(rule_packs):
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
        digest.update(b"\0")
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside `path` under a temporary name, then rename: a killed run leaves the old file or the new one."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
