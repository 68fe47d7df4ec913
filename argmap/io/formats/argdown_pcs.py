"""Argdown premise–conclusion structures: ``(1) ...``, inference lines, ``(n) conclusion``.

Each inference step becomes an ``_Step``: the statements since the previous conclusion (that
conclusion included) are its premises, unless the inference's data says ``uses: [1, 2]``.
Relations written under a statement or an inference are recorded on the reader.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.errors import Problem
from argmap.io.formats import argdown_syntax as syn

if TYPE_CHECKING:
    from argmap.io.formats.argdown import _Argument, _Reader

CLOSED = re.compile(r"^\s*-{2,}(.*?)-{2,}\s*$")


def _inference(lines: list[syn.Line], k: int) -> tuple[int, str]:
    """The inference starting at line index ``k``: the index after it (-1 when it is never
    closed) and what stands between its dashes (rules and data)."""
    line = lines[k][1]
    if match := CLOSED.match(line):
        return k + 1, match[1].strip()
    body = [line.strip().lstrip("-")]
    k += 1
    while k < len(lines):
        text = lines[k][1].strip()
        if text.endswith("--"):
            body.append(text.rstrip("-"))
            return k + 1, " ".join(body).strip()
        body.append(text)
        k += 1
    return -1, ""


class _Structure:
    """The state of reading one structure: numbered statements, premises waiting for an
    inference, the inference waiting for its conclusion, where relations below attach."""

    def __init__(self, reader: _Reader, arg: _Argument, lines: list[syn.Line]):
        self.reader, self.arg, self.lines = reader, arg, lines
        self.numbered: dict[int, str] = {}  # pcs number -> claim id
        self.pending: list[str] = []  # premises since the last conclusion
        self.rules: tuple[str, dict[str, Any], int] | None = None
        self.last: Any = None  # the member relations below attach to

    def fail(self, line: int, message: str) -> None:
        self.reader.problems.append(Problem(self.reader.path, line, 1, message))

    def inference(self, k: int) -> int:
        """Read the inference at line index ``k``; the index after it (-1 to stop)."""
        n = self.lines[k][0]
        end, text = _inference(self.lines, k)
        if end < 0:
            self.fail(n, "inference opened with -- is never closed with --")
        elif not self.pending:
            self.fail(n, "an inference line needs premises above it")
            end = -1
        else:
            body, _, data = syn.split_inline(text, n, self.reader.path)
            self.rules = (body, data, n)
            self.last = ("i", self.arg.title, len(self.arg.steps))
        return end

    def statement(self, k: int, number: str, text: str) -> int:
        """Read the numbered statement at line index ``k``; the index of its last line."""
        from argmap.io.formats.argdown import _Step

        while k + 1 < len(self.lines) and not _starts_something(self.lines[k + 1][1]):
            k += 1
            text += " " + self.lines[k][1].strip()
        el = syn.element(text, self.lines[k][0], self.reader.path)
        member = self.reader.member(el)
        self.numbered[int(number)] = member[1]
        if self.rules is not None:
            body, data, at = self.rules
            premises = _uses(data, self.numbered, self.pending, self.reader, at)
            self.arg.steps.append(_Step(premises, member[1], at, body, data))
            self.arg.untitled_conclusion = el.title is None
            self.pending, self.rules = [member[1]], None
        else:
            self.pending.append(member[1])
            self.arg.untitled_conclusion = False
        self.last = member
        return k


def read_structure(reader: _Reader, arg: _Argument, lines: list[syn.Line]) -> None:
    """Read the structure in ``lines`` into ``arg.steps``; problems and skips onto ``reader``."""
    state = _Structure(reader, arg, lines)
    nested: list[tuple[int, Any]] = []  # relations under the last statement: (indent, member)
    k = 0
    while k < len(lines):
        n, line = lines[k]
        if syn.INFERENCE.match(line):
            k = state.inference(k)
            nested = []
            if k < 0:
                return
            continue
        if item := syn.PCS_ITEM.match(line):
            k = state.statement(k, item[1], item[2])
            nested = []
        elif (rel := syn.RELATION.match(line)) and state.last is not None:
            text = rel[3]
            while k + 1 < len(lines) and not _starts_something(lines[k + 1][1]):
                k += 1  # the relation's text runs on over the next line
                text += "\n" + lines[k][1].strip()
            child = reader.member(syn.element(text, n, reader.path))
            indent = len(rel[1].expandtabs(4))
            while nested and nested[-1][0] >= indent:
                nested.pop()
            reader.relate(rel[2], nested[-1][1] if nested else state.last, child, n)
            nested.append((indent, child))
        else:
            reader.skipped.append(f"line {n}: not part of a premise–conclusion structure; "
                                  "skipped")
        k += 1
    if state.rules is not None or not arg.steps:
        state.fail(lines[-1][0], f"the premise–conclusion structure of <{arg.title}> ends "
                   "without a conclusion after an inference line (----)")


def _starts_something(line: str) -> bool:
    return bool(syn.PCS_ITEM.match(line) or syn.INFERENCE.match(line)
                or syn.RELATION.match(line))


def _uses(data: dict[str, Any], numbered: dict[int, str], pending: list[str], reader: _Reader,
          line: int) -> list[str]:
    uses = data.get("uses")
    if isinstance(uses, list) and uses:
        known = [numbered[u] for u in uses if isinstance(u, int) and u in numbered]
        if len(known) == len(uses):
            return list(dict.fromkeys(known))
        reader.skipped.append(f"line {line}: `uses` names statements the structure does not "
                              "have above it; the statements above are used")
    return list(dict.fromkeys(pending))
