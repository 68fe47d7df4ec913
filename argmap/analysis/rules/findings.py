"""Findings and the rule registry.

A rule is a small function over a :class:`~argmap.analysis.rules.context.RuleContext` that yields
``(target, message, hint)`` triples; :func:`rule` registers it under a stable code and name, and
the engine turns each triple into a :class:`Finding` carrying the rule's code, name and severity.

>>> RULES["AM101"].name
'unsourced-premise'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

from argmap.perf import collector_paused

if TYPE_CHECKING:
    from argmap.analysis.rules.context import RuleContext

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

Hit = tuple[str, str, str]  # target id, message, hint
Check = Callable[["RuleContext"], Iterable[Hit]]


class Finding(NamedTuple):
    """One thing a careful reader would point out, about one claim or link.

    An immutable record (a named tuple: a big map's lint makes hundreds of thousands of them,
    and a frozen dataclass costs five times as much to build).
    """

    code: str
    name: str
    severity: str
    target: str
    message: str
    hint: str


@dataclass(frozen=True)
class Rule:
    """A registered rule: its stable code and name, default severity and a one-line summary."""

    code: str
    name: str
    severity: str
    summary: str
    check: Check = field(repr=False, compare=False)

    def run(self, ctx: RuleContext, severity: str | None = None) -> list[Finding]:
        """The findings of this rule on ``ctx``, at ``severity`` (default: the rule's own)."""
        head = (self.code, self.name, severity or self.severity)
        with collector_paused():  # findings pile up; nothing they hold is cyclic
            # head + (target, message, hint), made a Finding without a Python-level call each
            return list(map(_NEW, repeat(Finding), map(head.__add__, self.check(ctx))))


_NEW = tuple.__new__
RULES: dict[str, Rule] = {}
NAMES: dict[str, str] = {}  # rule name -> code


def rule(code: str, name: str, severity: str, summary: str) -> Callable[[Check], Check]:
    """Register the decorated check function as rule ``code`` / ``name``."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(check: Check) -> Check:
        if code in RULES or name in NAMES:
            raise ValueError(f"rule {code} {name} registered twice")
        RULES[code] = Rule(code, name, severity, summary, check)
        NAMES[name] = code
        return check

    return register


def rule_code(code_or_name: str) -> str | None:
    """The code of the rule named by a code (any case) or a name; None when there is none.

    >>> rule_code("weak-link"), rule_code("am103"), rule_code("nope")
    ('AM103', 'AM103', None)
    """
    key = code_or_name.strip()
    if key.upper() in RULES:
        return key.upper()
    return NAMES.get(key.lower())


def expand_codes(selectors: Iterable[str]) -> tuple[set[str], list[str]]:
    """Codes named by ``selectors`` (codes, names or code prefixes like ``AM1``), and the unknown.

    >>> sorted(expand_codes(["AM10", "weak-link"])[0])[:2]
    ['AM101', 'AM102']
    """
    codes: set[str] = set()
    unknown: list[str] = []
    for selector in selectors:
        code = rule_code(selector)
        if code is not None:
            codes.add(code)
            continue
        prefix = selector.strip().upper()
        matched = {c for c in RULES if prefix and c.startswith(prefix)}
        if prefix.startswith("AM") and matched:
            codes |= matched
        else:
            unknown.append(selector)
    return codes, unknown
