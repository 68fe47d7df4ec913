"""Findings as text lines, GitHub annotations and a JSON document (the `check` outputs).

>>> f = Finding("AM101", "unsourced-premise", "warning", "p", "No source.", "Cite one.")
>>> text_line("map.yaml", (3, 5), f)
'map.yaml:3:5: AM101 unsourced-premise No source.'
>>> github_line("map.yaml", (3, 5), f)
'::warning file=map.yaml,line=3,col=5,title=AM101 unsourced-premise::No source.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
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
