"""Feedback a student can read: one sentence per thing to fix, in the student's own words
where the student has the claim, in the model's where the claim is missing.

Every sentence is plain text: control characters and direction overrides in a claim are
removed and long claims are shortened, so the sentences are safe to print on a terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.compare.links import LinkVerdict
from argmap.model import ArgumentMap, Link
from argmap.render.labels import clean

if TYPE_CHECKING:
    from argmap.compare.comparison import Comparison

QUOTE_WIDTH = 70
# Bidirectional overrides and isolates: they reorder what a terminal shows after them.
_DIRECTION = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def plain(text: str) -> str:
    """``text`` on one line with no control or direction characters.

    >>> plain("a\\x1b[31m red\\n\\u202eline")
    'a\\ufffd[31m red line'
    """
    return " ".join(_DIRECTION.sub("", clean(text)).split())


def quote(text: str, width: int = QUOTE_WIDTH) -> str:
    """A claim's text in quotation marks, shortened to ``width`` characters."""
    text = plain(text).rstrip(".")
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"“{text}”"


def feedback(result: Comparison) -> list[str]:
    """The sentences for ``result``: a summary first, then missing claims, link problems,
    extra claims and extra links."""
    model, student = result.model, result.student
    texts = _Texts(model, student, result.matched)
    total = sum(1 for v in result.links if v.model is not None)
    right = result.count("present")
    out = [f"You have {len(result.pairs)} of the model's {len(model.claims)} claims and "
           f"{right} of its {total} links exactly as the model has them."]
    if not result.missing and not result.extra and right == total == len(result.links) \
            and not any(p.opposite for p in result.pairs):
        out.append("Your map matches the model: every claim and every link is there.")
        return out
    theirs = {c.id: c for c in student.claims}
    for pair in result.pairs:
        if pair.opposite:
            out.append(f"Your claim {quote(theirs[pair.student].text)} seems to say the opposite "
                       f"of the model's {quote(model.claim(pair.model).text)}: check the "
                       f"negation.")
    for cid in result.missing:
        claim = model.claim(cid)
        what = {"conclusion": "the conclusion", "assumption": "the unstated assumption",
                "rebuttal": "the objection"}.get(claim.kind, "the claim")
        out.append(f"Your map lacks {what} {quote(claim.text)}.")
    for verdict in result.links:
        sentence = _link_sentence(verdict, texts)
        if sentence:
            out.append(sentence)
    for sid in result.extra:
        out.append(f"The model has nothing like your claim {quote(student.claim(sid).text)}: "
                   f"check that the text argues it.")
    return out


class _Texts:
    """How to name claims and links in a sentence: the student's words when the student has
    the claim, else the model's."""

    def __init__(self, model: ArgumentMap, student: ArgumentMap, matched: dict[str, str]):
        self.model, self.student, self.matched = model, student, matched
        self.model_claims = {c.id: c for c in model.claims}
        self.student_claims = {c.id: c for c in student.claims}
        self.model_links = {lk.ident: lk for lk in model.links}
        self.student_links = {lk.ident: lk for lk in student.links}

    def model_claim(self, cid: str) -> str:
        if cid in self.matched:
            return quote(self.student_claims[self.matched[cid]].text)
        return quote(self.model_claims[cid].text) if cid in self.model_claims else cid

    def student_claim(self, cid: str) -> str:
        return quote(self.student_claims[cid].text) if cid in self.student_claims else cid

    def premises(self, link: Link, *, student: bool) -> str:
        name = self.student_claim if student else self.model_claim
        return _and([name(p) for p in dict.fromkeys(link.from_)])

    def target(self, link: Link, *, student: bool) -> str:
        links = self.student_links if student else self.model_links
        if link.to in links:
            inner = links[link.to]
            return (f"the step from {self.premises(inner, student=student)} to "
                    f"{self.target(inner, student=student)}")
        return self.student_claim(link.to) if student else self.model_claim(link.to)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _verb(link: Link) -> str:
    return "supporting" if link.type == "supports" else "attacking"


def _link_sentence(verdict: LinkVerdict, texts: _Texts) -> str | None:
    if verdict.model is None:
        s = texts.student_links[verdict.student[0]]
        if any(p not in texts.matched.values() for p in s.from_):
            return None  # the extra claim is already named
        return (f"The model has no link like yours from {texts.premises(s, student=True)} "
                f"{'to' if s.type == 'supports' else 'against'} "
                f"{texts.target(s, student=True)}.")
    link = texts.model_links[verdict.model]
    ends = f"{texts.premises(link, student=False)} {_verb(link)} " \
           f"{texts.target(link, student=False)}"
    problem = verdict.problem
    if problem == "present":
        return None
    if problem == "wrong-type":
        other = "attacks" if link.type == "supports" else "supports"
        return (f"In your map {texts.premises(link, student=False)} {other} "
                f"{texts.target(link, student=False)}; in the model it "
                f"{'supports' if link.type == 'supports' else 'attacks'} it.")
    if problem == "split":
        return (f"{texts.premises(link, student=False)} work together as one linked argument "
                f"for {texts.target(link, student=False)} (each needs the other); you gave "
                f"them as separate reasons.")
    if problem == "premises-differ":
        return _premises_sentence(link, texts.student_links[verdict.student[0]], texts)
    if problem == "wrong-target":
        s = texts.student_links[verdict.student[0]]
        several = len(set(link.from_)) > 1
        said = f"they {link.type[:-1]}" if several else f"it {link.type}"  # support(s)
        return (f"You linked {texts.premises(s, student=True)} to "
                f"{texts.target(s, student=True)}; in the model {said} "
                f"{texts.target(link, student=False)}.")
    if any(p not in texts.matched for p in link.from_) or (
            link.to in texts.model_claims and link.to not in texts.matched):
        return None  # the missing claim is already named
    return f"The model has {ends}; your map has no such link."


def _premises_sentence(link: Link, mine: Link, texts: _Texts) -> str:
    """What a student link into the right target lacks or adds against the model's premises."""
    wanted = [texts.matched.get(p) for p in dict.fromkeys(link.from_)]
    lacking = [texts.model_claim(p) for p, w in zip(dict.fromkeys(link.from_), wanted,
                                                     strict=True) if w not in mine.from_]
    adding = [texts.student_claim(p) for p in dict.fromkeys(mine.from_) if p not in wanted]
    said = [f"leaves out {_and(lacking)}"] if lacking else []
    said += [f"adds {_and(adding)}"] if adding else []
    toward = "to" if mine.type == "supports" else "against"
    return (f"Your link from {texts.premises(mine, student=True)} {toward} "
            f"{texts.target(link, student=False)} {' and '.join(said)}: in the model the "
            f"premises of this step are {texts.premises(link, student=False)}, together.")
