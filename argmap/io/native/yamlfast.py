"""Fast, safe YAML loading with positions: libyaml's parser, our own construction.

Loading uses PyYAML's C parser (when built with libyaml) to compose a node tree, then builds
plain data from it. Nodes keep their marks, so errors still get a line and column. Building the
data ourselves lets us refuse what a map never needs and a hostile file might hold: duplicate keys,
language-specific tags (never constructed, never executed) and alias expansion bombs. The
comment-keeping ruamel.yaml path (argmap.io.native.yamlfile) is used only when a map is saved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from argmap.io.native.numeric_ids import ID_KEYS

_STANDARD = "tag:yaml.org,2002:"
_STR = _STANDARD + "str"
_PLAIN = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary"}
_AS_WRITTEN = {_STANDARD + t for t in ("int", "float", "timestamp")}
_MAX_EXPANSION = 1_000_000  # nodes after alias expansion, beyond what the file itself holds
MAX_DEPTH = 100  # a map nests about six levels; far deeper input is refused before recursion fails

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """YAML 1.2 core-schema scalars (as ruamel.yaml reads them): `yes`, `on`, `no` stay text,
    `010` is ten, `1:20` is text."""

    yaml_implicit_resolvers: dict[str, Any] = {}


for _tag, _regex, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]:
    _Loader.add_implicit_resolver(_STANDARD + _tag, re.compile(_regex), list(_first))
_Loader.add_implicit_resolver(_STANDARD + "null", re.compile(r"^$"), [""])



class YamlInputError(Exception):
    """A YAML document argmap refuses, at a 1-based line and column."""

    def __init__(self, message: str, line: int | None, col: int | None):
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(node: Node, message: str) -> YamlInputError:
    return YamlInputError(message, *_mark(node))


class _Builder:
    """Turns composed nodes into dicts, lists and scalars."""

    def __init__(self, loader: Any):
        self.loader = loader
        self.sizes: dict[int, int] = {}

    def expanded_size(self, root: Node) -> int:
        """How many nodes the document would have with every alias expanded (memoised)."""
        stack: list[tuple[Node, bool]] = [(root, False)]
        # Nodes whose children are being sized: met again below themselves, the alias recurses.
        open_: set[int] = set()
        while stack:
            node, done = stack.pop()
            if id(node) in self.sizes:
                continue
            children = _children(node)
            if done or not children:
                open_.discard(id(node))
                self.sizes[id(node)] = 1 + sum(self.sizes[id(c)] for c in children)
                # Without aliases a node spans at most the nodes seen so far: the excess counts.
                if self.sizes[id(node)] > _MAX_EXPANSION + len(self.sizes):
                    raise _refuse(node, "YAML aliases expand this file past a million nodes;"
                                  " a map never needs that (is it an alias bomb?)")
            elif id(node) in open_:
                raise _refuse(node, "a YAML alias refers to the node that contains it, which"
                              " would repeat without end; a map never needs that")
            else:
                open_.add(id(node))
                stack.append((node, True))
                stack.extend((c, False) for c in children if id(c) not in self.sizes)
        return self.sizes[id(root)]

    def build(self, node: Node, depth: int = 0, as_id: bool = False) -> Any:
        """``as_id``: the node is an id or a reference to one (``id``, ``from``, ``to`` ...): a
        plain scalar YAML would read as a number or a date is kept as the text written."""
        if depth > MAX_DEPTH:
            raise _refuse(node, f"nested more than {MAX_DEPTH} levels deep; a map never needs"
                          " that (is the file broken?)")
        if node.tag == _STR and type(node) is ScalarNode:  # most of a map: plain text
            return node.value
        tag = node.tag or ""
        if not tag.startswith(_STANDARD) or tag[len(_STANDARD):] not in _PLAIN:
            shown = tag.replace(_STANDARD, "!!")
            raise _refuse(node, f"YAML tag {shown!r} is not allowed in a map (tags are never"
                          " constructed; remove it)")
        if isinstance(node, ScalarNode):
            if as_id and not node.style and tag in _AS_WRITTEN:
                return node.value  # `1.10` stays '1.10', `0x1F` stays '0x1F'
            if tag == _STANDARD + "int" and not node.style:  # plain scalar
                try:
                    return _yaml12_int(node.value)
                except ValueError:  # past Python's 4300-digit limit for reading integers
                    raise _refuse(node, f"a number with {len(node.value)} digits; numbers in a"
                                  " map are far shorter (argmap reads up to 4300 digits): quote"
                                  " it to keep it as text") from None
            try:
                value = self.loader.construct_object(node)
            except ValueError as exc:  # a date that does not exist, a malformed base64 value
                raise _refuse(node, f"{node.value!r} is not a valid {tag[len(_STANDARD):]}"
                              f" ({exc}); quote it to keep it as text") from None
            if isinstance(value, bytes):
                raise _refuse(node, "binary YAML values are not allowed in a map")
            return value
        if isinstance(node, SequenceNode):
            return [self.build(child, depth + 1, as_id) for child in node.value]
        assert isinstance(node, MappingNode)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            if isinstance(key, dict | list):
                raise _refuse(key_node, "a mapping key must be a plain value")
            if key in result:
                raise _refuse(key_node, f"duplicate key {key!r} in this mapping")
            result[key] = self.build(value_node, depth + 1, key in ID_KEYS)
        return result


def _yaml12_int(text: str) -> int:
    """An integer as YAML 1.2 reads it: `010` is ten (PyYAML's 1.1 rules would make it eight)."""
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def load_fast(text: str) -> tuple[Any, Node | None]:
    """The data of a one-document YAML text and its root node (for positions)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        builder = _Builder(loader)
        if "*" in text:  # without an alias (`*name`) nothing can expand
            builder.expanded_size(root)
        return builder.build(root), root
    finally:
        loader.dispose()


def node_position(root: Node | None, loc: Sequence[str | int], at_key: bool = False
                  ) -> tuple[int, int] | None:
    """Line and column of ``loc`` in the composed tree; the nearest existing parent if missing."""
    if root is None:
        return None
    node, best = root, _mark(root)
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, MappingNode):
            pair = next((p for p in node.value if isinstance(p[0], ScalarNode)
                         and p[0].value == str(step)), None)
            if pair is None:
                break
            best = _mark(pair[0] if at_key and last else pair[1])
            node = pair[1]
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            best = _mark(node)
        else:
            break
    return best


__all__ = ["YamlInputError", "load_fast", "node_position", "yaml"]
