"""YAML through ruamel.yaml's round-trip mode: comments, key order and quoting survive a save."""

from __future__ import annotations

import datetime as _dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

Style = tuple[int, int, int]  # mapping indent, sequence indent, dash offset


def _yaml(style: Style = (2, 4, 2)) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.width = 4096  # never re-wrap an author's long lines
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def _mapping_indent(text: str) -> int:
    """The indent an author uses for nested mappings (2 when the file does not show one)."""
    previous: str | None = None
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if previous is not None and previous.rstrip().endswith(":"):
            step = (len(line) - len(stripped)) - (len(previous) - len(previous.lstrip(" ")))
            if step > 0 and not stripped.startswith("- ") and not previous.lstrip().startswith("-"):
                return step
        previous = line
    return 2


def parse_yaml(text: str) -> tuple[Any, Style]:
    """The round-trip tree of ``text`` and its indentation style."""
    _, sequence, offset = load_yaml_guess_indent(text)
    style = (_mapping_indent(text), sequence or 4, offset if offset is not None else 2)
    tree = _yaml(style).load(text)
    return tree, style


def dump_yaml(tree: Any, style: Style = (2, 4, 2)) -> str:
    buffer = io.StringIO()
    _yaml(style).dump(tree, buffer)
    return buffer.getvalue()


def to_tree(data: Any) -> Any:
    """Plain data as round-trip nodes, block style."""
    if isinstance(data, dict):
        node = CommentedMap()
        for key, value in data.items():
            node[key] = to_tree(value)
        return node
    if isinstance(data, str) and "\x85" in data:
        # ruamel writes NEL raw inside plain and single-quoted text, and a reader folds it to a
        # space; in double quotes it is escaped (\N) and survives.
        return DoubleQuotedScalarString(data)
    if isinstance(data, list):
        seq = CommentedSeq(to_tree(v) for v in data)
        if all(isinstance(v, str | int | float) for v in data) and len(data) <= 8:
            seq.fa.set_flow_style()  # short id lists read best inline: [a, b]
        return seq
    return data


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, ScalarFloat) and not _prints_as_itself(old):
        return False
    if isinstance(old, _dt.date) and isinstance(new, str):
        return old.isoformat() == new
    if isinstance(old, dict) or isinstance(new, dict):
        return isinstance(old, dict) and isinstance(new, dict) and old.keys() == new.keys() and all(
            _same(old[k], new[k]) for k in old
        )
    if isinstance(old, list) or isinstance(new, list):
        return isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and all(
            _same(a, b) for a, b in zip(old, new, strict=True)
        )
    return type(old) is not bool and type(new) is not bool and old == new or old is new


def _prints_as_itself(number: ScalarFloat) -> bool:
    """Whether ruamel writes a float read from the file back as the same value: it keeps the
    author's digits, but a long exponent form can lose the last one (4.739922952635139e-15)."""
    buffer = io.StringIO()
    _yaml().dump([number], buffer)
    return float(buffer.getvalue().strip().removeprefix("- ")) == float(number)


def merge(node: Any, data: Any) -> Any:
    """``data`` written into ``node``, keeping what is unchanged (and its comments) as it was."""
    if _same(node, data):
        return node
    # `from: a` and `from: [a]` say the same.
    if isinstance(node, list) and len(node) == 1 and not isinstance(data, list | dict):
        if _same(node[0], data):
            return node
    if isinstance(data, list) and len(data) == 1 and not isinstance(node, list | dict):
        if _same(node, data[0]):
            return node
    if isinstance(node, CommentedMap) and isinstance(data, dict):
        for key in [k for k in node if k not in data]:
            del node[key]
        for key, value in data.items():
            node[key] = merge(node[key], value) if key in node else to_tree(value)
        return node
    if isinstance(node, CommentedSeq) and isinstance(data, list):
        return _merge_list(node, data)
    return to_tree(data)


def _merge_list(node: CommentedSeq, data: list[Any]) -> CommentedSeq:
    by_id = {item.get("id"): item for item in node if isinstance(item, dict) and item.get("id")}
    if by_id and all(isinstance(d, dict) for d in data):
        # Items are matched by id, so a reordered or edited list keeps each item's comments.
        merged = [
            merge(by_id[d["id"]], d) if d.get("id") in by_id else to_tree(d) for d in data
        ]
    else:
        merged = [merge(node[i], d) if i < len(node) else to_tree(d) for i, d in enumerate(data)]
    old_last = node[-1] if len(node) else None
    comments = node.ca.items
    kept = {i: comments[i] for i in range(len(merged)) if i in comments and i < len(node)}
    node.clear()
    node.extend(merged)
    node.ca.items.clear()
    node.ca.items.update(kept)
    if old_last is not None and merged and merged[-1] is not old_last:
        _move_trailing_comment(old_last, merged[-1])
    return node


def _last_slot(node: Any) -> tuple[CommentedMap, Any] | None:
    """The deepest last key of a block mapping: where ruamel keeps a list's trailing comment."""
    slot = None
    while isinstance(node, CommentedMap) and len(node):
        key = list(node)[-1]
        slot = (node, key)
        value = node[key]
        if isinstance(value, CommentedSeq) and len(value) and isinstance(value[-1], CommentedMap):
            node = value[-1]
        else:
            node = value
    return slot


def _move_trailing_comment(old: Any, new: Any) -> None:
    """Keep the comment lines after a list's last item (often the next section's heading) at the
    end of the list when an item is appended or the last one removed."""
    source, target = _last_slot(old), _last_slot(new)
    if source is None or target is None:
        return
    entry = source[0].ca.items.get(source[1])
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None or "\n" not in token.value:
        return
    head, tail = token.value.split("\n", 1)
    if not tail.strip():
        return
    token.value = head + "\n"
    target[0].ca.items[target[1]] = [None, None, CommentToken("\n" + tail, CommentMark(0)), None]
