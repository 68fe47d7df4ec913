"""Argdown's surface syntax, line by line: comments, front matter, blocks, elements, relations.

This is the lexical half of :mod:`argmap.io.formats.argdown`: it turns text into blocks of numbered
lines and element strings into (kind, title, text, tags, data); it knows nothing of argmap's
model. Escapes (``\\[``) are honoured the way the Argdown parser honours them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.errors import MapLoadError, Problem
from argmap.io.native.yamlfast import YamlInputError, load_fast

Line = tuple[int, str]  # 1-based line number, text

RELATION = re.compile(r"^(\s*)(<\+|<-|<_|\+>|->|_>|><|\+|-(?!-)|_(?=\s))\s*(.*)$")
PCS_ITEM = re.compile(r"^\s*\((\d+)\)\s*(.*)$")
INFERENCE = re.compile(r"^\s*--")
HEADING = re.compile(r"^(#+)\s+(.*)$")
LIST_ITEM = re.compile(r"^\s*(?:\d+\.|\*)\s+(.*)$")
TAG = re.compile(r"(?<!\\)#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")


@dataclass
class Element:
    """A statement or argument as written: ``[T]: text``, ``<T>``, or untitled text."""

    kind: str  # "statement" | "argument"
    title: str | None
    text: str
    defines: bool  # a definition (title with text, or untitled text), not a bare reference
    line: int
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


_MARK = re.compile(r"[\\{\[/<]")  # where a comment, escape, data or link may start


def strip_comments(text: str, path: str) -> str:
    """The text with ``//``, ``/* */`` and ``<!-- -->`` comments blanked, line breaks kept."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        mark = _MARK.search(text, i)
        if mark is None:
            out.append(text[i:])
            break
        j = mark.start()
        out.append(text[i:j])
        i = j
        ch = text[i]
        if ch == "\\":
            out.append(text[i : i + 2])
            i += 2
        elif ch == "{":
            end = _data_end(text, i)
            out.append(text[i:end])
            i = end
        elif ch == "[" and (m := LINK.match(text, i)):
            out.append(m.group())
            i = m.end()
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i) or text.startswith("<!--", i):
            close = "*/" if ch == "/" else "-->"
            end = text.find(close, i + 2)
            if end < 0:
                line = text.count("\n", 0, i) + 1
                raise MapLoadError([Problem(path, line, None, f"comment opened here is never "
                                            f"closed with {close}")])
            out.append("\n" * text.count("\n", i, end))
            i = end + len(close)
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _data_end(text: str, start: int) -> int:
    """Where the ``{...}`` data block starting at ``start`` ends (after its closing brace)."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


def front_matter(lines: list[str], path: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter (``===`` ... ``===``) at the top, and the index of its last line."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].strip().startswith("==="):
        return {}, -1
    end = next((k for k in range(first + 1, len(lines)) if lines[k].strip().startswith("===")),
               None)
    if end is None:
        raise MapLoadError([Problem(path, first + 1, 1, "front matter opened with === is never "
                                    "closed with a === line")])
    data = parse_yaml("\n".join(lines[first + 1 : end]), path, first + 2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise MapLoadError([Problem(path, first + 2, 1, "front matter must be YAML key: value "
                                    "pairs")])
    return data, end


def parse_yaml(text: str, path: str, line: int) -> Any:
    """YAML data (front matter or an element's ``{...}``) starting on ``line`` of the file."""
    try:
        data, _ = load_fast(text)
    except YamlInputError as exc:
        raise MapLoadError([Problem(path, line + (exc.line or 1) - 1, exc.col, exc.message)]) \
            from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = line + mark.line if mark else line
        what = getattr(exc, "problem", None) or str(exc)
        raise MapLoadError([Problem(path, where, None, f"invalid YAML data: {what}")]) from None
    return data


def blocks(lines: list[str], skip_to: int, comments: frozenset[int] = frozenset()
           ) -> list[list[Line]]:
    """The document's blocks: runs of non-blank lines, each line with its number. A line that
    held only a comment (its index in ``comments``) is left out without ending the block, as
    Argdown reads it: a comment between an element and its relations does not part them."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for k, line in enumerate(lines):
        if k in comments and not line.strip():
            continue
        if k <= skip_to or not line.strip():
            if current:
                out.append(current)
                current = []
            continue
        current.append((k + 1, line.rstrip()))
    if current:
        out.append(current)
    return out


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def split_inline(text: str, line: int, path: str) -> tuple[str, list[str], dict[str, Any]]:
    """Text without its ``#tags`` and ``{data}``; the tags; the data (merged)."""
    data: dict[str, Any] = {}
    kept: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\":
            kept.append(text[i : i + 2])
            i += 2
        elif text[i] == "{":
            end = _data_end(text, i)
            body = text[i:end]
            inner = body[1:-1] if body.startswith("{\n") or body.startswith("{ \n") else body
            parsed = parse_yaml(inner, path, line)
            if isinstance(parsed, dict):
                data.update(parsed)
            i = end
        else:
            kept.append(text[i])
            i += 1
    rest = "".join(kept)
    tags = [m[1] or m[2] for m in TAG.finditer(rest)]
    rest = TAG.sub("", rest)
    return " ".join(unescape(rest).split()), tags, data


def element(text: str, line: int, path: str) -> Element:
    """Read one element: ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or untitled text."""
    text = text.strip()
    match = re.match(r"^(\[|<)((?:\\.|[^\]>\\])+?)(\]|>)(:?)\s*(.*)$", text, re.S)
    if match and (match[1] + match[3]) in ("[]", "<>"):
        kind = "statement" if match[1] == "[" else "argument"
        body, tags, data = split_inline(match[5], line, path)
        title = " ".join(unescape(match[2]).split())
        defines = bool(match[4]) and bool(body)
        return Element(kind, title, body, defines, line, tags, data)
    body, tags, data = split_inline(text, line, path)
    return Element("statement", None, body, True, line, tags, data)
