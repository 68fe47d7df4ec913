"""Findings as text lines, GitHub annotations and a JSON document (the `check` outputs).

>>> f = Finding("AM101", "unsourced-premise", "warning", "p", "No source.", "Cite one.")
>>> text_line("map.yaml", (3, 5), f)
'map.yaml:3:5: AM101 unsourced-premise No source.'
>>> github_line("map.yaml", (3, 5), f)
'::warning file=map.yaml,line=3,col=5,title=AM101 unsourced-premise::No source.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring as _encode_string  # the C one, when built
from typing import Any

from argmap.analysis.rules.findings import SEVERITIES, Finding
from argmap.errors import Problem

Position = tuple[int, int]
JSON_VERSION = 1
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _where(path: str, pos: Position | None) -> str:
    return f"{path}:{pos[0]}:{pos[1]}" if pos else path


def text_line(path: str, pos: Position | None, finding: Finding) -> str:
    """``file:line:col: CODE name message``, as linters print."""
    return f"{_where(path, pos)}: {finding.code} {finding.name} {finding.message}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(path: str, pos: Position | None, finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the file at the finding."""
    props = [f"file={_escape_property(path)}"]
    if pos:
        props += [f"line={pos[0]}", f"col={pos[1]}"]
    props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    return f"::{_GITHUB_LEVEL[finding.severity]} {','.join(props)}::{_escape_data(finding.message)}"


def github_problem(problem: Problem) -> str:
    """A load problem (the map cannot be used) as a GitHub error annotation."""
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
        if problem.col is not None:
            props.append(f"col={problem.col}")
    return f"::error {','.join(props)}::{_escape_data(problem.message)}"


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {level: counts.get(level, 0) for level in SEVERITIES}


def finding_data(finding: Finding, pos: Position | None) -> dict[str, Any]:
    return {
        "code": finding.code, "name": finding.name, "severity": finding.severity,
        "target": finding.target, "message": finding.message, "hint": finding.hint,
        "line": pos[0] if pos else None, "column": pos[1] if pos else None,
    }


def file_data(path: str, findings: list[tuple[Finding, Position | None]] | None,
              problems: list[Problem] = ()) -> dict[str, Any]:
    """One file's entry in the JSON document: its findings, or the problems that stopped it."""
    return {
        "path": path,
        "usable": findings is not None,
        "problems": [{"line": p.line, "column": p.col, "message": p.message} for p in problems],
        "findings": [finding_data(f, pos) for f, pos in findings or ()],
        "counts": severity_counts(f for f, _ in findings or ()),
    }


def document(files: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole JSON output of `argmap check --format json` (see JSON_SCHEMA)."""
    totals = {level: sum(f["counts"][level] for f in files) for level in SEVERITIES}
    return {"version": JSON_VERSION, "files": files, "counts": totals}


def json_text(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, the same text, for data of objects
    with text keys, lists, strings, integers, booleans and None. The standard library indents
    in pure Python, a generator step per value, which costs seconds for 100,000 findings; here
    strings go through its C encoder, a finding's object is written in one step and the pieces
    are joined once.

    >>> import json
    >>> data = {"a": [1, {"b": None, "c": "\u00e9\\n"}], "d": [], "e": {}, "f": True}
    >>> json_text(data) == json.dumps(data, indent=2, ensure_ascii=False)
    True
    """
    chunks: list[str] = []
    _json(data, "\n", chunks.append)
    return "".join(chunks)  # the text copied once, not once per level of nesting


def _json(value: Any, newline: str, put: Callable[[str], None]) -> None:
    """Put ``value`` as indented JSON, its lines after the first starting with ``newline`` (a
    line break and the indent of the line ``value`` starts on)."""
    kind = type(value)
    if kind is dict or kind is list:
        if not value:
            put("{}" if kind is dict else "[]")
            return
        if kind is dict and tuple(value) == _FINDING_KEYS:  # most of a check document
            finding = _finding_json(value, newline)
            if finding is not None:
                put(finding)
                return
        inner = newline + "  "
        put(("{" if kind is dict else "[") + inner)
        for i, item in enumerate(value.items() if kind is dict else value):
            if i:
                put("," + inner)
            if kind is dict:
                put(_encode_string(item[0]) + ": ")
                item = item[1]
            _json(item, inner, put)
        put(newline + ("}" if kind is dict else "]"))
    elif kind in _SCALARS:
        put(_SCALARS[kind](value))
    else:
        raise TypeError(f"not JSON: {kind.__name__}")


_FINDING_KEYS = ("code", "name", "severity", "target", "message", "hint", "line", "column")


def _finding_json(f: dict[str, Any], newline: str) -> str | None:
    """A finding's object (:func:`finding_data`) as :func:`_json` writes it, in one f-string;
    None when a value is not of the type a finding has."""
    line, column = f["line"], f["column"]
    texts = (f["code"], f["name"], f["severity"], f["target"], f["message"], f["hint"])
    if not all(type(t) is str for t in texts) or not (
            (type(line) is int or line is None) and (type(column) is int or column is None)):
        return None
    code, name, severity, target, message, hint = map(_encode_string, texts)
    at = newline + "  "
    return (f'{{{at}"code": {code},{at}"name": {name},{at}"severity": {severity},'
            f'{at}"target": {target},{at}"message": {message},{at}"hint": {hint},'
            f'{at}"line": {"null" if line is None else line},'
            f'{at}"column": {"null" if column is None else column}{newline}}}')


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _encode_string, int: int.__repr__, bool: lambda b: "true" if b else "false",
    type(None): lambda _: "null",
}


_NULLABLE_INT = {"type": ["integer", "null"], "minimum": 1}
_COUNTS = {
    "type": "object",
    "properties": {level: {"type": "integer", "minimum": 0} for level in SEVERITIES},
    "required": list(SEVERITIES),
    "additionalProperties": False,
}
JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "argmap check --format json",
    "type": "object",
    "required": ["version", "files", "counts"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": JSON_VERSION},
        "counts": _COUNTS,
        "files": {"type": "array", "items": {
            "type": "object",
            "required": ["path", "usable", "problems", "findings", "counts"],
            "additionalProperties": False,
            "properties": {
                "path": {"type": "string"},
                "usable": {"type": "boolean"},
                "counts": _COUNTS,
                "problems": {"type": "array", "items": {
                    "type": "object", "required": ["line", "column", "message"],
                    "additionalProperties": False,
                    "properties": {"line": _NULLABLE_INT, "column": _NULLABLE_INT,
                                   "message": {"type": "string"}},
                }},
                "findings": {"type": "array", "items": {
                    "type": "object",
                    "required": ["code", "name", "severity", "target", "message", "hint", "line",
                                 "column"],
                    "additionalProperties": False,
                    "properties": {
                        "code": {"type": "string", "pattern": "^AM[0-9]{3}$"},
                        "name": {"type": "string"},
                        "severity": {"enum": list(SEVERITIES)},
                        "target": {"type": "string"},
                        "message": {"type": "string"},
                        "hint": {"type": "string"},
                        "line": _NULLABLE_INT,
                        "column": _NULLABLE_INT,
                    },
                }},
            },
        }},
    },
}
