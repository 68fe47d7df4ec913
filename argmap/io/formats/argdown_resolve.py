"""Turn what the Argdown reader collected (claims, arguments, relations) into map data.

Reconstructed arguments become links; relations become links between claims or attacks on
links; anything that has no argmap reading is skipped with its line number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.io.formats.argdown import _Argument, _Claim, _Reader, _Relation

CLAIM_KEYS = ("kind", "confidence", "note", "evidence", "said", "ignore", "tags", "proposed")
LINK_KEYS = ("strength", "warrant", "scheme", "answers", "answered", "evidence", "note", "ignore",
             "proposed")
MAP_KEYS = ("description", "subject", "sources", "defaults", "lint")


def kind_guesser(links: list[dict[str, Any]]) -> Callable[[str], str]:
    """The kind a claim's place suggests, given all the links (one pass over them): a
    conclusion is supported and supports nothing; a rebuttal only attacks; the rest premises."""
    out: dict[str, set[str]] = defaultdict(set)
    supported: set[str] = set()
    for lk in links:
        for premise in lk["from"]:
            out[premise].add(lk["type"])
        if lk["type"] == "supports":
            supported.add(lk["to"])

    def guess(claim_id: str) -> str:
        kinds = out.get(claim_id)
        if claim_id in supported and not kinds:
            return "conclusion"
        return "rebuttal" if kinds == {"attacks"} else "premise"

    return guess


class _Assembler:
    def __init__(self, reader: _Reader):
        self.r = reader
        self.links: list[dict[str, Any]] = []
        self.lines: list[int] = []  # the line each link comes from, for error messages
        self.seen: set[tuple[tuple[str, ...], str, str]] = set()
        self.step_links: dict[tuple[str, int], str] = {}  # (argument, step) -> link id
        self.arg_claims: dict[str, str] = {}  # unreconstructed argument -> claim id
        self.removed: set[str] = set()  # implicit conclusions folded into attack links
        self.consumed: set[int] = set()  # relations already turned into links
        self.by_source: dict[Any, list[int]] = defaultdict(list)
        self.into: set[Any] = {rel.target for rel in reader.relations}
        for i, rel in enumerate(reader.relations):
            self.by_source[rel.source].append(i)
        self.texts = {c.id: c.text for c in reader.claims.values()}
        self.by_id: dict[str, dict[str, Any]] = {}  # the links made from arguments, by id

    def skip(self, line: int, why: str) -> None:
        self.r.skipped.append(f"line {line}: {why}; skipped")

    def add(self, premises: list[str], target: str, kind: str, line: int) -> None:
        key = (tuple(premises), target, kind)
        if target in premises or key in self.seen:
            return
        self.seen.add(key)
        self.links.append({"from": premises, "to": target, "type": kind})
        self.lines.append(line)

    # Arguments ------------------------------------------------------------------------------

    def arguments(self) -> None:
        for arg in self.r.arguments.values():
            if not arg.steps:
                self.arg_claims[arg.title] = self.r.ids.make(arg.title, "argument")
                continue
            ident = self.r.ids.make(arg.title, "argument")
            for k, step in enumerate(arg.steps):
                main = k == len(arg.steps) - 1
                if step.conclusion in step.premises:
                    self.skip(step.line, f"<{arg.title}> concludes one of its own premises")
                    continue
                link_id = ident if main else self.r.ids.make(f"{ident}-step-{k + 1}")
                self.step_links[(arg.title, k)] = link_id
                extra = self._link_fields(arg, step, main)
                self.links.append({"id": link_id, "from": step.premises,
                                   "to": step.conclusion, "type": "supports", **extra})
                self.by_id[link_id] = self.links[-1]
                self.lines.append(step.line)
        for arg in self.r.arguments.values():
            if arg.steps and arg.untitled_conclusion:
                self._fold(arg)

    def _link_fields(self, arg: _Argument, step: Any, main: bool) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if step.rules:
            extra["warrant"] = step.rules
        for key, value in step.data.items():
            if key == "warrant":
                extra["warrant"] = value
            elif key != "uses":
                self.skip(step.line, f"inference data `{key}` has no place in argmap")
        if main:
            if arg.descriptions:
                extra["note"] = " ".join(arg.descriptions)
            for key, value in arg.data.items():
                if key in LINK_KEYS:
                    extra[key] = value
                else:
                    self.skip(arg.line, f"data `{key}` of <{arg.title}> has no place in argmap")
            if arg.tags:
                self.skip(arg.line, f"tags of <{arg.title}> (links have no tags)")
        return extra

    def _fold(self, arg: _Argument) -> None:
        """An implicit conclusion that only attacks one element: the link goes there directly."""
        conclusion = arg.steps[-1].conclusion
        out = self.by_source[("a", arg.title)] + self.by_source[("s", conclusion)]
        if len(out) != 1 or ("s", conclusion) in self.into:
            return
        rel = self.r.relations[out[0]]
        if rel.kind not in ("attacks", "undercut"):
            return
        target = self.target(rel, quiet=True)
        if target is None:
            return
        main = self.step_links.get((arg.title, len(arg.steps) - 1))
        link = self.by_id.get(main or "")
        if link is None:
            return
        link.update({"to": target, "type": "attacks"})
        text = self.texts[conclusion]
        if text and not text.startswith("Not:"):
            link["note"] = (link.get("note", "") + f" Conclusion: {text}").strip()
        self.removed.add(conclusion)
        self.consumed.add(out[0])

    # Relations ------------------------------------------------------------------------------

    def source(self, rel: _Relation) -> str | None:
        member = rel.source
        if member[0] == "s":
            return None if member[1] in self.removed else str(member[1])
        if member[0] == "a":
            arg = self.r.arguments[member[1]]
            if not arg.steps:
                return self.arg_claims[arg.title]
            conclusion = arg.steps[-1].conclusion
            return None if conclusion in self.removed else conclusion
        return None

    def target(self, rel: _Relation, quiet: bool = False) -> str | None:
        member, kind = rel.target, rel.kind
        if member[0] == "i":
            return self.step_links.get((member[1], member[2])) if kind != "supports" else None
        if member[0] == "a" and self.r.arguments[member[1]].steps:
            arg = self.r.arguments[member[1]]
            if kind == "supports":
                return None
            if kind == "attacks" and not quiet:
                self.r.skipped.append(f"line {rel.line}: the attack on <{arg.title}> is read as "
                                      "an attack on its inference (an undercut)")
            return self.step_links.get((arg.title, len(arg.steps) - 1))
        claim = self.arg_claims[member[1]] if member[0] == "a" else member[1]
        if kind != "undercut":
            return None if claim in self.removed else str(claim)
        return self._undercut_target(str(claim))

    def _undercut_target(self, claim: str) -> str | None:
        ending = [lk["id"] for lk in self.links if lk.get("id") and lk["to"] == claim]
        if len(ending) == 1:  # written under a conclusion: the inference that leads to it
            return str(ending[0])
        leaving = [lk for lk in self.links if claim in lk["from"]]
        if len(leaving) == 1 and leaving[0].get("id"):
            return str(leaving[0]["id"])
        return None

    def relations(self) -> None:
        order = sorted(range(len(self.r.relations)), key=lambda i: self.r.relations[i].kind
                       == "undercut")  # undercuts last: they point at links made before
        for i in order:
            rel = self.r.relations[i]
            if i in self.consumed:
                continue
            src, tgt = self.source(rel), self.target(rel)
            if src is None or tgt is None:
                self.skip(rel.line, self._why(rel))
            elif rel.kind == "contradicts":
                self.add([src], tgt, "attacks", rel.line)
                self.add([tgt], src, "attacks", rel.line)
                self.r.skipped.append(f"line {rel.line}: contradiction read as two attacks")
            else:
                if rel.kind == "undercut" and tgt not in {lk.get("id") for lk in self.links}:
                    self.skip(rel.line, "an undercut needs an argument to undercut")
                    continue
                self.add([src], tgt, "supports" if rel.kind == "supports" else "attacks",
                         rel.line)

    def _why(self, rel: _Relation) -> str:
        if rel.source[0] == "i":
            return "an inference cannot support or attack"
        if rel.kind == "supports" and rel.target[0] in ("a", "i"):
            return "a support of a whole argument has no argmap reading (support one of its " \
                   "premises instead)"
        if rel.kind == "undercut":
            return "an undercut needs an argument (or a conclusion's inference) to undercut"
        return "an element of this relation was folded into an attack link"


def assemble(reader: _Reader, meta: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Map data (ready to validate) from what ``reader`` collected and the front matter, and
    the line each claim and link comes from."""
    work = _Assembler(reader)
    work.arguments()
    work.relations()
    claims = [c for c in reader.claims.values() if c.id not in work.removed]
    guess = kind_guesser(work.links)
    data_claims = [_claim(c, reader, guess) for c in claims]
    claim_lines = [c.line for c in claims]
    for arg in reader.arguments.values():
        if not arg.steps:
            data_claims.append(_argument_claim(arg, work.arg_claims[arg.title], reader, guess))
            claim_lines.append(arg.line)
    extra: dict[str, Any] = meta["argmap"] if isinstance(meta.get("argmap"), dict) else {}
    data: dict[str, Any] = {k: v for k, v in extra.items() if k in MAP_KEYS}
    title = meta.get("title")
    data["title"] = str(title) if title else "Argdown import"
    data.update({"claims": data_claims, "links": work.links})
    return data, {"claims": claim_lines, "links": work.lines}


def _claim(claim: _Claim, reader: _Reader, guess: Callable[[str], str]) -> dict[str, Any]:
    text = claim.text or claim.title or "(untitled statement)"
    if not claim.text:
        reader.skipped.append(f"line {claim.line}: [{claim.title}] is never given a text; its "
                              "title stands in for it")
    out: dict[str, Any] = {"id": claim.id, "text": text, "tags": list(claim.tags)}
    if claim.title and claim.title != claim.id and claim.text:
        out["note"] = f"Argdown title: {claim.title}"
    _apply(out, claim.data, claim.line, reader)
    out.setdefault("kind", guess(claim.id))
    return out


def _argument_claim(arg: _Argument, ident: str, reader: _Reader, guess: Callable[[str], str]
                    ) -> dict[str, Any]:
    text = " ".join(arg.descriptions) or arg.title
    out: dict[str, Any] = {"id": ident, "text": text, "tags": list(arg.tags)}
    if arg.descriptions:
        out["note"] = f"Argdown argument <{arg.title}>"
    _apply(out, arg.data, arg.line, reader)
    out.setdefault("kind", guess(ident))
    return out


def _apply(out: dict[str, Any], data: dict[str, Any], line: int, reader: _Reader) -> None:
    for key, value in data.items():
        if key == "tags" and isinstance(value, list):
            out["tags"] = list(dict.fromkeys([*out["tags"], *map(str, value)]))
        elif key in CLAIM_KEYS:
            out[key] = value
        else:
            reader.skipped.append(f"line {line}: data `{key}` has no place in argmap; skipped")
