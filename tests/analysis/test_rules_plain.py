"""The fast lint rules give what the plain ones (tests/analysis/plain_rules.py) give: the same
findings, messages and order, on generated maps and on variants that make every rule fire."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
from inline_maps import build, random_map

from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.evaluation.sides import sides
from argmap.analysis.index import MapIndex
from argmap.analysis.rules.context import RuleContext
from argmap.analysis.rules.engine import run_rules, severities, weak_threshold
from argmap.analysis.rules.findings import RULES
from argmap.model import ArgumentMap
from benchmarks.generate import Spec, generate
from tests.analysis.plain_rules import PLAIN, plain_run_rules

BASE = generate(Spec(600, seed=5))

TEXTS = [
    "Fares rose 40% in 2019, to 41 days a year.", "Half of all shoppers walk to town.",
    "The scheme cost $40 billion.", "One in five adults cycles every day.",
    "Never again will all of them agree; it is the only way.", "Traffic fell by two thirds.",
    "Only a few shops closed, and not every street is busy.", "GPT-4 ranks 2nd in Europe.",
    "Forty percent of voters agree.", "It is the third-largest city, cannot easily grow.",
    "Nothing can ever replace it.", "Sales doubled within 3 years.",
]


def _variant(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """``data`` with statistics, absolute words, lost evidence, silenced rules, weak links,
    unused assumptions, orphans, sources with gaps and conclusions left with one reason."""
    data, rng = copy.deepcopy(data), random.Random(seed)
    claims, links = data["claims"], data["links"]
    for claim in rng.sample(claims, len(claims) // 4):
        claim["text"] = rng.choice(TEXTS)
        if rng.random() < 0.6:
            claim.pop("evidence", None)
    for claim in rng.sample(claims, 12):
        claim["ignore"] = {rng.choice(["AM101", "AM109", "weak-link", "AM1", "AM999"]):
                           rng.choice(["", "the text's own words"])}
    for link in rng.sample(links, 12):
        link["ignore"] = {rng.choice(["AM103", "AM108", "AM110"]): rng.choice(["", "known"])}
    for link in rng.sample(links, 20):
        if rng.random() < 0.5:
            link["strength"] = "weak"
        else:
            link["warrant"] = "Whoever gains from it backs it."
    for claim in rng.sample(claims, 10):
        if claim.get("kind") != "conclusion":
            claim["kind"] = "assumption"
    for claim in rng.sample(claims, 8):
        if claim.get("evidence"):
            claim["evidence"].append({"source": data["sources"][0]["id"]})
    for source in data["sources"][::3]:
        source.update(author="A. Writer", date="2024")
    waived = data["sources"][1]["id"]  # left vague: every claim or link citing it waives AM110
    for item in [*claims, *links][: None if seed % 2 else len(claims)]:  # odd seeds: all
        if any(c.get("source") == waived for c in item.get("evidence", ())):
            item["ignore"] = {**item.get("ignore", {}), "AM110": "checked by hand"}
    data["sources"].append({"id": "never-cited", "title": "Unused"})
    claims.append({"id": "lonely", "text": "A claim on its own, which always holds."})
    claims.append({"id": "bare", "text": "Nothing backs this conclusion.", "kind": "conclusion"})
    conclusions = [c["id"] for c in claims if c.get("kind") == "conclusion"]
    for target in conclusions[::2]:  # one line of support left: a chokepoint
        into = [lk for lk in links if lk["to"] == target and lk.get("type") != "attacks"]
        dropped = {lk["id"] for lk in into[1:]}
        data["links"] = links = [lk for lk in links if lk["id"] not in dropped]
    data["lint"] = {"sweeping-words": ["most effective", "surely"], "weak-threshold": 0.4}
    return data


# Texts side by side in map order that the wording rules' one scan of all texts must keep apart:
# a figure split over two claims, words next to the scan's separator characters, non-ASCII.
AT_THE_JOINS = [
    "It rose 5", "x faster since then.", "Half", "of all shoppers walk.", "Costs reached $",
    "40 billion", "Fares rose 40%", "in 2019.", "They never", "all of it\x00holds", "\x00",
    "Cut 3\x00x", "one", "in five", "ſtill never", "K: only 2nd", "İt is the only way",
    "The \u00a0 2023 report", "twice\n", "\ncannot", "Forty percent agree", "11 days a year",
]


def _at_the_joins(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the texts above on consecutive claims that cite nothing."""
    data = copy.deepcopy(data)
    for claim, text in zip(data["claims"][3:], AT_THE_JOINS * 3, strict=False):
        claim["text"] = text
        claim.pop("evidence", None)
    return data


def _maps() -> dict[str, dict[str, Any]]:
    cyclic = generate(Spec(600, seed=5, cycles=4))
    subject = copy.deepcopy(BASE)
    subject["subject"] = [s["id"] for s in subject["sources"][:6]]
    return {
        "generated": BASE, "cyclic": cyclic, "subject sources": subject,
        "variant": _variant(BASE, 1), "variant cyclic": _variant(cyclic, 2),
        "variant with subject": _variant(subject, 3),
        "wording at the joins": _at_the_joins(BASE),
    }


MAPS = _maps()


def _context(data: dict[str, Any]) -> RuleContext:
    amap = ArgumentMap.model_validate(data)
    index = MapIndex(amap)
    return RuleContext(map=amap, index=index, evaluation=Evaluator(index).run(),
                       sweeping_words=tuple(amap.lint.sweeping_words),
                       weak_threshold=weak_threshold(amap), sides=sides(index))


@pytest.fixture(scope="module", params=list(MAPS), ids=list(MAPS))
def ctx(request) -> RuleContext:
    return _context(MAPS[request.param])


@pytest.mark.parametrize("code", sorted(PLAIN))
def test_each_rule_finds_what_the_plain_rule_finds(ctx, code):
    fast = [(f.target, f.message, f.hint) for f in RULES[code].run(ctx)]
    assert fast == PLAIN[code](ctx)


def test_all_rules_with_suppressions_give_the_plain_findings_in_the_plain_order(ctx):
    codes = set(RULES)
    assert run_rules(ctx, codes) == plain_run_rules(ctx, codes, severities(ctx.map))


def test_the_variants_make_every_compared_rule_fire():
    found = {f.code for name in MAPS if name.startswith("variant")
             for f in run_rules(_context(MAPS[name]), set(RULES))}
    assert set(PLAIN) | {"AM106", "AM114", "AM118"} <= found


def _with_conclusions(amap: ArgumentMap, every: int) -> dict[str, Any]:
    data = amap.model_dump(by_alias=True, exclude_none=True)
    for claim in data["claims"][::every]:
        claim["kind"] = "conclusion"
    return data


@pytest.mark.parametrize("seed", range(40))
def test_single_point_of_failure_on_random_maps_as_the_plain_rule_finds(seed):
    """Lines of support found disjoint end the search early; when they are not, the full
    dominator search decides. Both must agree with the plain rule, cyclic maps included."""
    ctx = _context(_with_conclusions(random_map(seed, cyclic=seed % 2 == 1), 1 + seed % 3))
    fast = [(f.target, f.message, f.hint) for f in RULES["AM107"].run(ctx)]
    assert fast == PLAIN["AM107"](ctx)


def test_a_diamond_is_a_single_point_of_failure_though_the_first_line_found_passes_it():
    claims = [{"id": "c", "text": "C.", "kind": "conclusion"}, *"abpxy"]
    links = [{"from": f, "to": t} for f, t in
             [("a", "c"), ("b", "c"), ("p", "a"), ("p", "b"), ("x", "p"), ("y", "p")]]
    ctx = _context(build(claims, links).model_dump(by_alias=True, exclude_none=True))
    assert [f.message.split("'")[3] for f in RULES["AM107"].run(ctx)] == ["p"]
