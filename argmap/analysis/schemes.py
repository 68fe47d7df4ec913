"""Argument schemes and their critical questions (Walton, Reed and Macagno 2008).

The catalogue is data (``argmap/data/schemes.yaml``); this module reads it once and answers:
which scheme does a link's ``scheme:`` name, and which of its critical questions does the map
leave open. A question counts as answered when an attack on the link, or on one of its premises,
says ``answers: CQn`` (or the question's label), or when the link itself marks it
``answered: {CQn: reason}``.

>>> find_scheme("ExpertOpinion").key
'expert-opinion'
>>> find_scheme("Argument From Negative Consequences").key
'consequences'
>>> find_scheme("Default Inference") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from argmap.model import ArgumentMap, Link

# What AIF writes on an RA- or CA-node that names no scheme.
DEFAULT_NAMES = frozenset({"defaultinference", "defaultconflict", "defaultrephrase",
                           "defaulttransition", "defaultpreference"})


@dataclass(frozen=True)
class Question:
    id: str      # CQ1, CQ2 ...
    label: str   # a word or two: "field"
    ask: str     # the question in plain words


@dataclass(frozen=True)
class Scheme:
    key: str
    name: str
    premises: tuple[str, ...]
    conclusion: str
    questions: tuple[Question, ...]
    aliases: tuple[str, ...]

    @property
    def short_name(self) -> str:
        """The name in plain words, as a sentence uses it: ``expert opinion``."""
        return self.name.lower().removeprefix("argument from ")

    def question(self, ref: str) -> Question | None:
        """The question ``ref`` names: its id (``CQ2``, any case) or its label (``field``)."""
        wanted = _norm(ref)
        for q in self.questions:
            if _norm(q.id) == wanted or _norm(q.label) == wanted:
                return q
        return None


def _norm(name: str) -> str:
    """A name without case, spaces or punctuation: ``Expert Opinion`` -> ``expertopinion``."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@cache
def catalogue() -> dict[str, Scheme]:
    """Every scheme argmap knows, by key, in the data file's order."""
    import yaml

    raw = yaml.safe_load(resources.files("argmap.data").joinpath("schemes.yaml").read_text(
        encoding="utf-8"))
    return {key: Scheme(
        key=key, name=entry["name"], premises=tuple(entry["premises"]),
        conclusion=entry["conclusion"],
        questions=tuple(Question(q["id"], q["label"], q["ask"]) for q in entry["questions"]),
        aliases=tuple(entry.get("aliases", ())),
    ) for key, entry in raw.items()}


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for key, scheme in catalogue().items():
        for name in (key, scheme.name, *scheme.aliases):
            names[_norm(name)] = key
    return names


def find_scheme(name: str | None) -> Scheme | None:
    """The catalogue's scheme that ``name`` names (its key, name or an alias, in any case or
    spacing; a leading "argument from" is optional), else None."""
    if not name:
        return None
    wanted = _norm(name)
    key = _names().get(wanted)
    if key is None:
        for prefix in ("argumentfrom", "argfrom", "from"):
            if wanted.startswith(prefix) and (key := _names().get(wanted[len(prefix):])):
                break
    return catalogue()[key] if key else None


def scheme_words(name: str) -> str:
    """A link's ``scheme:`` as the diagrams and the explorer show it: the catalogue's short
    name (``expert opinion``), else the name as written."""
    scheme = find_scheme(name)
    return scheme.short_name if scheme else name


def is_default(name: str | None) -> bool:
    """True for AIF's placeholder names ("Default Inference" ...), which name no scheme."""
    return bool(name) and _norm(name) in DEFAULT_NAMES


@dataclass(frozen=True)
class QuestionStatus:
    question: Question
    answered_by: tuple[str, ...]   # ids of the attacks that answer it
    reason: str | None             # the link's own `answered:` reason, when it gives one

    @property
    def open(self) -> bool:
        return not self.answered_by and not self.reason


def question_status(amap: ArgumentMap, link: Link,
                    attackers: dict[str, list[Link]] | None = None) -> list[QuestionStatus]:
    """Each critical question of ``link``'s scheme with what answers it ([] without a scheme).

    ``attackers`` maps a claim or link id to the attacks on it (built here when not given)."""
    scheme = find_scheme(link.scheme)
    if scheme is None:
        return []
    if attackers is None:
        attackers = attacks_by_target(amap)
    answering: dict[str, list[str]] = {}
    for target in (link.ident, *link.premises):
        for attack in attackers.get(target, ()):
            for ref in attack.answers:
                q = scheme.question(ref)
                if q is not None:
                    answering.setdefault(q.id, []).append(attack.ident)
    reasons = {q.id: reason for ref, reason in link.answered.items()
               if (q := scheme.question(ref)) is not None}
    return [QuestionStatus(q, tuple(answering.get(q.id, ())), reasons.get(q.id))
            for q in scheme.questions]


@dataclass(frozen=True)
class LinkQuestions:
    """A link whose scheme argmap knows, with the state of each of its critical questions."""

    link: Link
    scheme: Scheme
    statuses: tuple[QuestionStatus, ...]

    @property
    def open(self) -> list[Question]:
        """The questions nothing in the map answers, in the scheme's order."""
        return [s.question for s in self.statuses if s.open]


def link_questions(amap: ArgumentMap, link: Link,
                   attackers: dict[str, list[Link]] | None = None) -> LinkQuestions | None:
    """``link``'s scheme and its questions answered or open; None when the link names no
    scheme argmap knows. What the explorer shows for a link."""
    scheme = find_scheme(link.scheme)
    if scheme is None:
        return None
    return LinkQuestions(link, scheme, tuple(question_status(amap, link, attackers)))


def open_questions(amap: ArgumentMap) -> list[LinkQuestions]:
    """Each link (in map order) whose scheme has questions the map leaves open: what AM125
    reports one by one and the report lists. Cost: one pass over the links.

    >>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"},
    ...     {"id": "c", "text": "C"}], "links": [{"from": "a", "to": "c", "scheme": "sign"}]})
    >>> [(q.link.ident, [x.id for x in q.open]) for q in open_questions(m)]
    [('l1', ['CQ1', 'CQ2'])]
    """
    if not any(link.scheme for link in amap.links):
        return []
    attackers = attacks_by_target(amap)
    found = (link_questions(amap, link, attackers) for link in amap.links if link.scheme)
    return [q for q in found if q is not None and q.open]


def attacks_by_target(amap: ArgumentMap) -> dict[str, list[Link]]:
    """The attack links of ``amap`` grouped by what they attack."""
    found: dict[str, list[Link]] = {}
    for link in amap.links:
        if link.type == "attacks":
            found.setdefault(link.to, []).append(link)
    return found
