"""Running the rules: lint settings, source texts, suppressions and severities.

The selection of rules: the command line's ``select`` (else the map's ``lint: select``, else all
rules), minus the map's and the command line's ``ignore``. Codes, names and code prefixes
(``AM1``) are accepted everywhere. A claim's or link's ``ignore: {CODE-or-name: reason}``
silences that rule on it; an empty reason is itself a finding (AM113), and so is an entry that
silences nothing (AM118).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from operator import attrgetter

from argmap.analysis.rules.context import DEFAULT_WEAK_THRESHOLD, RuleContext
from argmap.analysis.rules.findings import RULES, Finding, expand_codes, rule
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.perf import collector_paused

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_TARGET = attrgetter("target")

UNUSED_SUPPRESSION = "AM118"
rule(UNUSED_SUPPRESSION, "unused-suppression", "info",
     "an `ignore:` entry that silences nothing")(lambda ctx: ())

# The rule modules register their rules on import: whoever runs or lists rules imports this
# module, so they are all there.
from argmap.analysis.rules import (  # noqa: E402,F401
    config,
    inference,
    review,
    reviewer,
    schemes,
    sourcing,
    structure,
    text_integrity,
)


def selected_codes(amap: ArgumentMap, select: Iterable[str] = (),
                   ignore: Iterable[str] = ()) -> set[str]:
    """The codes to run. Unknown selectors given by the caller raise UsageError; unknown ones
    in the map's `lint:` section are left to rule AM114."""
    wanted, bad = expand_codes(select)
    dropped, bad_ignore = expand_codes(ignore)
    if bad or bad_ignore:
        names = ", ".join(repr(x) for x in (*bad, *bad_ignore))
        raise UsageError(f"unknown rule {names}: use a code (AM103), a prefix (AM1) or a name "
                         "(weak-link); `argmap check --help` lists them")
    if not wanted:
        wanted = expand_codes(amap.lint.select)[0] or set(RULES)
    return wanted - dropped - expand_codes(amap.lint.ignore)[0]


def severities(amap: ArgumentMap) -> dict[str, str]:
    """Each rule's severity after the map's `lint: severity` overrides; a code or name wins over
    a prefix that also covers it."""
    levels = {code: r.severity for code, r in RULES.items()}
    overrides = [(expand_codes([key])[0], level) for key, level in amap.lint.severity.items()]
    for codes, level in sorted(overrides, key=lambda item: -len(item[0])):
        for code in codes:
            levels[code] = level
    return levels



def run_rules(ctx: RuleContext, codes: set[str]) -> list[Finding]:
    """Findings of the selected rules, suppressions applied, each at its configured severity,
    ordered by target (claims, then links, in map order; other targets first), then by code."""
    # sharing: what several rules work out (the statistics of AM101 and AM102) is worked out once
    with collector_paused(), ctx.sharing():  # a big map's findings are many objects, all kept
        return _run_rules(ctx, codes)


def _run_rules(ctx: RuleContext, codes: set[str]) -> list[Finding]:
    levels = severities(ctx.map)
    found = {code: RULES[code].run(ctx, levels[code]) for code in codes}
    suppressions = _suppressions(ctx)
    used: set[tuple[str, str]] = set()
    for code, findings in found.items():
        if suppressions:
            found[code] = [f for f in findings if not _silenced(f, suppressions, used)]
    if suppressions and found.get(VAGUE_SOURCE):
        found[VAGUE_SOURCE] = _waived_by_citers(ctx, found[VAGUE_SOURCE], suppressions, used)
    if UNUSED_SUPPRESSION in codes:
        found[UNUSED_SUPPRESSION] = _unused(ctx, suppressions, used, codes,
                                            levels[UNUSED_SUPPRESSION])
    kept = [f for code in sorted(found) for f in found[code]]
    # The sort is stable and the findings are in code order: each target's stay in code order.
    places = list(map(ctx.index.order.get, map(_TARGET, kept), repeat(-1)))
    return list(map(kept.__getitem__, sorted(range(len(kept)), key=places.__getitem__)))


VAGUE_SOURCE = "AM110"


def _waived_by_citers(ctx: RuleContext, findings: list[Finding],
                      suppressions: dict[str, dict[str, set[str]]],
                      used: set[tuple[str, str]]) -> list[Finding]:
    """AM110's findings on a source itself, less those that every claim and link citing the
    source as evidence silences: a source has no `ignore:` of its own, and maps written when
    AM110 fired on each citing claim silenced it there. Notes the entries that did."""
    index = ctx.index
    on_source = [f for f in findings if f.target in index.sources
                 and f.target not in index.claims and f.target not in index.links]
    if not on_source:
        return findings
    citers: dict[str, list[str]] = {f.target: [] for f in on_source}
    for target, citations in index.cited():
        for source in dict.fromkeys(c.source for c in citations):
            if source in citers and source not in index.subject:
                citers[source].append(target)
    waived = set()
    for finding in on_source:
        entries = [[(owner, key) for key, named in suppressions.get(owner, {}).items()
                    if finding.code in named] for owner in citers[finding.target]]
        if entries and all(entries):
            waived.add(id(finding))
            used.update(entry for found in entries for entry in found)
    return [f for f in findings if id(f) not in waived]


def _silenced(finding: Finding, suppressions: dict[str, dict[str, set[str]]],
              used: set[tuple[str, str]]) -> bool:
    """Whether an `ignore:` entry of the finding's target names its rule; notes the entries."""
    entries = suppressions.get(finding.target)
    if entries is None:
        return False
    keys = [k for k, named in entries.items() if finding.code in named]
    used.update((finding.target, k) for k in keys)
    return bool(keys)


def _suppressions(ctx: RuleContext) -> dict[str, dict[str, set[str]]]:
    """target id -> ignore key -> the codes that key names."""
    return {owner: {key: expand_codes([key])[0] for key in ignore}
            for owner, ignore in ctx.index.silenced}


def _unused(ctx: RuleContext, suppressions: dict[str, dict[str, set[str]]],
            used: set[tuple[str, str]], codes: set[str], level: str) -> list[Finding]:
    rule_ = RULES[UNUSED_SUPPRESSION]
    found = []
    for target, entries in suppressions.items():
        for key, named in entries.items():
            if named and named <= codes and (target, key) not in used:
                found.append(Finding(
                    rule_.code, rule_.name, level, target,
                    f"'{target}' ignores {key}, but {key} finds nothing here.",
                    "Remove the entry from `ignore:`, it no longer silences anything."))
    return found


def weak_threshold(amap: ArgumentMap) -> float:
    value = amap.lint.weak_threshold
    return DEFAULT_WEAK_THRESHOLD if value is None else value

