"""Judge each link of a model map against a student's, once the claims are paired.

A model link's premises and target are translated into the student's claims through the
pairing (a target that is a link, an undercut, through the student link found for it), then:

- ``present``: the student has a link from the same premises to the same target, same type;
- ``wrong-type``: that link exists but supports where the model attacks, or the reverse;
- ``split``: the model's premises work together (a linked argument) and the student gave them
  as separate links into the same target;
- ``premises-differ``: a student link reaches the same target from some of the premises but
  not all (a co-premise left out or added);
- ``wrong-target``: the student links the same premises to another claim;
- ``missing``: nothing of the kind (also when a premise or the target has no match).

Student links that answer to no model link come back as ``extra``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from argmap.model import ArgumentMap, Link

Attackers = set[tuple[frozenset[str], str]]  # premises and type of each link into a link

PROBLEMS = ("present", "wrong-type", "split", "premises-differ", "wrong-target", "missing",
            "extra")


@dataclass(frozen=True)
class LinkVerdict:
    """What became of one model link in the student's map (or of one extra student link)."""

    model: str | None  # the model link's id; None for an extra student link
    problem: str  # one of PROBLEMS
    student: tuple[str, ...] = ()  # the student link(s) it was found as, if any


class _LinkIndex:
    """A map's links, found by target and by premise."""

    def __init__(self, amap: ArgumentMap):
        self.by_id = {lk.ident: lk for lk in amap.links}
        self.into: dict[str, list[Link]] = defaultdict(list)
        self.out_of: dict[str, list[Link]] = defaultdict(list)
        for lk in amap.links:
            self.into[lk.to].append(lk)
            for p in dict.fromkeys(lk.from_):
                self.out_of[p].append(lk)
        # what attacks each link: the premises and type of each link into it (its undercuts)
        self.undercuts = {lk.ident: {(frozenset(u.from_), u.type)
                                     for u in self.into.get(lk.ident, ())}
                          for lk in amap.links}


def judge_links(model: ArgumentMap, student: ArgumentMap,
                pairs: dict[str, str]) -> list[LinkVerdict]:
    """A verdict per model link (in the model's order), then one per extra student link.

    ``pairs``: model claim id -> student claim id, from :func:`argmap.compare.matching`.
    """
    found = _LinkIndex(student)
    undercuts = {ident: {(frozenset(pairs.get(p, "") for p in premises), kind)
                         for premises, kind in sets}
                 for ident, sets in _LinkIndex(model).undercuts.items()}
    claims = {c.id for c in model.claims}
    order = _targets_first(model.links, claims)
    reserved = _exact_links(model.links, claims, pairs, found, undercuts)
    as_link: dict[str, str] = {}  # model link id -> the student link standing for it
    verdicts: dict[str, LinkVerdict] = {}
    for link in order:
        target = pairs.get(link.to) if link.to in claims else as_link.get(link.to)
        verdict = _judge(link, target, pairs, found, reserved, undercuts[link.ident])
        verdicts[link.ident] = verdict
        if verdict.problem in ("present", "wrong-type", "premises-differ") and verdict.student:
            as_link[link.ident] = verdict.student[0]
            reserved.setdefault(verdict.student[0], link.ident)  # one model link each
    used = {s for v in verdicts.values() for s in v.student}
    result = [verdicts[lk.ident] for lk in model.links]
    result += [LinkVerdict(None, "extra", (lk.ident,)) for lk in student.links
               if lk.ident not in used]
    return result


def _targets_first(links: list[Link], claims: set[str]) -> list[Link]:
    """The links ordered so that a link attacked by another (an undercut) comes before it;
    links caught in a loop of undercuts come last, in map order."""
    by_id = {lk.ident: lk for lk in links}
    done: dict[str, Link] = {}
    waiting = list(links)
    while waiting:
        ready = [lk for lk in waiting if lk.to in claims or lk.to in done or lk.to not in by_id]
        if not ready:
            ready = waiting
        for lk in ready:
            done[lk.ident] = lk
        waiting = [lk for lk in waiting if lk.ident not in done]
    return list(done.values())


def _exact_links(links: list[Link], claims: set[str], pairs: dict[str, str],
                 found: _LinkIndex, undercuts: dict[str, Attackers]
                 ) -> dict[str, str]:
    """Student link id -> the model link it reproduces exactly (same premises, target and type;
    claim targets only): such a link is that model link's and is offered to no other. Of two
    such student links (a repeated link), the one attacked like the model's is taken, so
    undercuts still find their target."""
    reserved: dict[str, str] = {}
    for link in links:
        premises = _translated(link, pairs)
        if link.to not in claims or premises is None or link.to not in pairs:
            continue
        same = [s for s in found.into.get(pairs[link.to], []) if set(s.from_) == premises
                and s.type == link.type and s.ident not in reserved]
        if same:
            best = min(same, key=lambda s: _unlike(found.undercuts[s.ident],
                                                   undercuts[link.ident]))
            reserved[best.ident] = link.ident
    return reserved


def _unlike(theirs: Attackers, ours: Attackers) -> tuple[int, int]:
    """How differently two links are attacked: undercuts unshared, then the difference in
    number (smaller is more alike)."""
    return len(theirs ^ ours), abs(len(theirs) - len(ours))


def _translated(link: Link, pairs: dict[str, str]) -> set[str] | None:
    """The student's claims for all of the link's premises; None when one has no match."""
    if any(p not in pairs for p in link.from_):
        return None
    return {pairs[p] for p in link.from_}


def _judge(link: Link, target: str | None, pairs: dict[str, str], found: _LinkIndex,
           reserved: dict[str, str], attacked: Attackers) -> LinkVerdict:
    mine = link.ident
    premises = {pairs[p] for p in link.from_ if p in pairs}
    complete = len(premises) == len(set(link.from_))

    def free(s: Link) -> bool:
        return reserved.get(s.ident, mine) == mine

    if not premises:
        return LinkVerdict(mine, "missing")
    into = [s for s in found.into.get(target, [])] if target is not None else []
    same = [s for s in into if set(s.from_) == premises and free(s)]
    if same and complete:
        # its own reserved link; else the same type, attacked like the model's
        hit = min(same, key=lambda s: (reserved.get(s.ident) != mine, s.type != link.type,
                                       _unlike(found.undercuts[s.ident], attacked)))
        return LinkVerdict(mine, "present" if hit.type == link.type else "wrong-type",
                           (hit.ident,))
    parts = [s for s in into if set(s.from_) < premises and free(s)]
    if complete and len(premises) > 1 and len(parts) > 1 \
            and set().union(*(set(s.from_) for s in parts)) == premises:
        return LinkVerdict(mine, "split", tuple(s.ident for s in parts))
    near = [s for s in into if set(s.from_) & premises and free(s)]
    if near:
        best = max(near, key=lambda s: (len(set(s.from_) & premises), s.type == link.type))
        return LinkVerdict(mine, "premises-differ", (best.ident,))
    away = [s for p in premises for s in found.out_of.get(p, [])
            if s.to != target and free(s) and set(s.from_) & premises]
    if away and target is not None:
        best = max(away, key=lambda s: (len(set(s.from_) & premises), s.type == link.type))
        return LinkVerdict(mine, "wrong-target", (best.ident,))
    return LinkVerdict(mine, "missing")
