"""YAML for front matter, configuration and rule packs: one parse, and every error with its line."""

from __future__ import annotations

from typing import Any

import yaml

from factlint import compiled
from factlint.limits import DEFAULT

try:
    Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader


@compiled.dataclass(frozen=True)
class YamlProblem(Exception):
    """Text that is not YAML, or a value YAML cannot build (a date like 2026-02-30)."""

    index: int  # code-point offset of the problem in the text
    line: int  # 1-based
    problem: str

    def __str__(self) -> str:
        return self.problem


def load(text: str, max_nodes: int = DEFAULT.yaml_nodes) -> tuple[yaml.Node | None, Any]:
    """The node tree (for positions) and the data of a YAML document.

    Aliases are counted as what they expand to: a document that would expand
    past `max_nodes` nodes ("billion laughs") is refused before anything is built.
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and expanded_size(node, max_nodes) > max_nodes:
            raise YamlProblem(node.start_mark.index, node.start_mark.line + 1,
                              f"expands too far: its aliases make more than {max_nodes:,} values")
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


def expanded_size(root: yaml.Node, budget: int) -> int:
    """Nodes in the tree with every alias expanded, counted once per shared node; stops past `budget`."""
    unshared = _tree_size(root, budget)
    if unshared is not None:
        return unshared
    sizes: dict[int, int] = {}
    open_: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative, so a deeply nested document cannot exhaust Python's stack
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not done and id(node) in open_:
            return budget + 1  # an alias inside its own anchor: it expands for ever
        if done:
            open_.discard(id(node))
            total = 1
            for child in children:
                total += sizes[id(child)]
                if total > budget:
                    return total
            sizes[id(node)] = total
            continue
        open_.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _tree_size(root: yaml.Node, budget: int) -> int | None:
    """The node count of a document without aliases (every node met once); None at the first node met twice.

    Most documents (every shipped rule pack) have no alias, and counting is a
    third of the cost of sizing each node: a first run parses some 10,000 nodes.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return None  # an alias: shared nodes are sized by expanded_size's own walk
        seen.add(id(node))
        if len(seen) > budget:
            return len(seen)
        value = node.value
        if isinstance(value, list):  # a sequence's nodes, or a mapping's (key, value) pairs
            for item in value:
                if isinstance(item, tuple):
                    stack.extend(item)
                else:
                    stack.append(item)
    return len(seen)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


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
