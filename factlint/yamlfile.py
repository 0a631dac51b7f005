"""YAML for front matter, configuration and rule packs: one parse, and every error with its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:
    Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader


@dataclass(frozen=True)
class YamlProblem(Exception):
    """Text that is not YAML, or a value YAML cannot build (a date like 2026-02-30)."""

    index: int  # code-point offset of the problem in the text
    line: int  # 1-based
    problem: str

    def __str__(self) -> str:
        return self.problem


def load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for positions) and the data of a YAML document."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(mark.index if mark else 0, mark.line + 1 if mark else 1,
                          e.problem or e.context or "not valid YAML") from None
    except yaml.YAMLError as e:
        raise YamlProblem(0, 1, str(e).splitlines()[0] if str(e) else "not valid YAML") from None
    except (ValueError, OverflowError, TypeError) as e:  # a timestamp or number YAML parsed but cannot build
        mark = _unbuildable(node)
        raise YamlProblem(mark.index if mark else 0, mark.line + 1 if mark else 1, f"a value cannot be read: {e}") from None
    finally:
        loader.dispose()


def _unbuildable(node: yaml.Node | None) -> yaml.Mark | None:
    """Where the first value that cannot be built stands, in document order."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        try:
            yaml.constructor.SafeConstructor().construct_object(node, deep=True)
        except Exception:
            return node.start_mark
        return None
    children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
    for child in children:
        mark = _unbuildable(child)
        if mark is not None:
            return mark
    return None
