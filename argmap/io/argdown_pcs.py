"""Argdown premise–conclusion structures: ``(1) ...``, inference lines, ``(n) conclusion``.

Each inference step becomes an ``_Step``: the statements since the previous conclusion (that
conclusion included) are its premises, unless the inference's data says ``uses: [1, 2]``.
Relations written under a statement or an inference are recorded on the reader.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.errors import Problem
from argmap.io import argdown_syntax as syn

if TYPE_CHECKING:
    from argmap.io.argdown import _Argument, _Reader

CLOSED = re.compile(r"^\s*-{2,}(.*?)-{2,}\s*$")


def _inference(lines: list[syn.Line], k: int) -> tuple[int, str, str]:
    """The inference starting at line index ``k``: index after it, its rules text, raw data."""
    n, line = lines[k]
    if match := CLOSED.match(line):
        return k + 1, match[1].strip(), ""
    body = [line.strip().lstrip("-")]
    k += 1
    while k < len(lines):
        text = lines[k][1].strip()
        if text.endswith("--"):
            body.append(text.rstrip("-"))
            return k + 1, " ".join(body).strip(), ""
        body.append(text)
        k += 1
    return -1, "", ""


def read_structure(reader: _Reader, arg: _Argument, lines: list[syn.Line]) -> None:
    """Read the structure in ``lines`` into ``arg.steps``; problems and skips onto ``reader``."""
    from argmap.io.argdown import _Step

    numbered: dict[int, str] = {}  # pcs number -> claim id
    pending: list[str] = []  # premises since the last conclusion
    rules: tuple[str, dict[str, Any], int] | None = None
    last: Any = None  # the member relations below attach to
    k = 0
    while k < len(lines):
        n, line = lines[k]
        item = syn.PCS_ITEM.match(line)
        if syn.INFERENCE.match(line):
            end, text, _ = _inference(lines, k)
            if end < 0:
                reader.problems.append(Problem(reader.path, n, 1, "inference opened with -- "
                                               "is never closed with --"))
                return
            body, _, data = syn.split_inline(text, n, reader.path)
            if not pending and not numbered:
                reader.problems.append(Problem(reader.path, n, 1, "an inference line needs "
                                               "premises above it"))
                return
            rules = (body, data, n)
            last = ("i", arg.title, len(arg.steps))
            k = end
            continue
        if item:
            text = item[2]
            while k + 1 < len(lines) and not _starts_something(lines[k + 1][1]):
                k += 1
                text += " " + lines[k][1].strip()
            el = syn.element(text, n, reader.path)
            member = reader.member(el)
            numbered[int(item[1])] = member[1]
            if rules is not None:
                body, data, at = rules
                premises = _uses(data, numbered, pending, reader, at)
                arg.steps.append(_Step(premises, member[1], at, body, data))
                arg.untitled_conclusion = el.title is None
                pending, rules = [member[1]], None
            else:
                pending.append(member[1])
                arg.untitled_conclusion = False
            last = member
        elif (rel := syn.RELATION.match(line)) and last is not None:
            child = reader.member(syn.element(rel[3], n, reader.path))
            reader.relate(rel[2], last, child, n)
        else:
            reader.skipped.append(f"line {n}: not part of a premise–conclusion structure; "
                                  "skipped")
        k += 1
    if rules is not None or not arg.steps:
        reader.problems.append(Problem(reader.path, lines[-1][0], 1, f"the premise–conclusion "
                                       f"structure of <{arg.title}> ends without a conclusion "
                                       "after an inference line (----)"))


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
