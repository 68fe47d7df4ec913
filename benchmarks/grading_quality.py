"""How well `argmap diff` pairs claims: gold maps of the arg-microtexts corpus against copies
of themselves reworded by rule, and against other authors' maps on the same topic.

    .venv/bin/python -m benchmarks.grading_quality CORPUS/en [--seed 1] [--sweep]

For each gold map (read by argmap's microtexts importer), a "student" copy is made with its ids
renamed and its claims and links in reverse order, each claim reworded by rule:

- ``drop``: each word after the first left out with probability p;
- ``reorder``: the claim cut at a random word and its two halves swapped;
- ``swap``: each content word replaced with probability p by a word from another text of the
  corpus (a stand-in for a synonym the matcher cannot know);
- ``remove``: a quarter of the claims (and their links) left out of the copy, so the claims
  left have no twin and must come out missing, not matched to a neighbour.

Printed per variant: claims paired with their own reworded twin (correct), paired with another
claim (wrong), left unpaired (missed), the mean score, and the share of links found present.
"Other author" pairs each map with every other map on the same topic: how many of its claims
find a partner there at all (no pair is right there; a partner is a claim worded alike).
``--sweep`` repeats the reworded variants over thresholds. The corpus texts stay where they
are; only figures are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.compare import compare_maps
from argmap.compare.matching import CONTEXT_THRESHOLD, THRESHOLD
from argmap.compare.words import STOP_WORDS, negated
from argmap.io import to_data
from argmap.io.formats import import_map
from argmap.model import ArgumentMap

Rewording = Callable[[str, random.Random], str]
Setting = tuple[float, float]  # (threshold, context threshold)
ROOT = Path(__file__).parents[1]
# The hand-written student maps of the tests and their true pairing with the example's claims.
HAND = ROOT / "tests" / "fixtures" / "compare"
HAND_PAIRS = {
    "car-free-paraphrased.yaml": {
        "ban-cars-downtown": "s-ban", "no2-over-limit": "s-no2",
        "traffic-main-no2-source": "s-traffic-source", "ban-cleans-air": "s-air",
        "pontevedra-cut": "s-pontevedra", "pontevedra-comparable": "s-similar",
        "business-grows": "s-shops", "walkers-spend-more": "s-walkers",
        "toronto-most-not-by-car": "s-toronto", "excludes-disabled": "s-disabled",
        "access-exemptions": "s-exempt", "traffic-displaced": "s-shift",
        "traffic-evaporates": "s-vanish", "different-city": "s-small-city"},
    "car-free-mistakes.yaml": {
        "ban-cars-downtown": "ban", "no2-over-limit": "pollution-days",
        "traffic-main-no2-source": "traffic-causes-it", "ban-cleans-air": "cleaner-air",
        "pontevedra-cut": "pontevedra", "business-grows": "customers",
        "walkers-spend-more": "spending", "toronto-most-not-by-car": "toronto",
        "excludes-disabled": "disabled", "access-exemptions": "exemptions",
        "traffic-displaced": "displaced", "traffic-evaporates": "evaporates"},
}


def _drop(p: float) -> Rewording:
    def reword(text: str, rng: random.Random) -> str:
        words = text.split()
        kept = words[:1] + [w for w in words[1:] if rng.random() >= p]
        return " ".join(kept)
    return reword


def _reorder(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) < 4:
        return text
    cut = rng.randrange(2, len(words) - 1)
    return " ".join(words[cut:] + words[:cut])


def _swap(p: float, vocabulary: list[str]) -> Rewording:
    def reword(text: str, rng: random.Random) -> str:
        return " ".join(rng.choice(vocabulary) if w.lower() not in STOP_WORDS
                        and rng.random() < p else w for w in text.split())
    return reword


def _both(*steps: Rewording) -> Rewording:
    def reword(text: str, rng: random.Random) -> str:
        for step in steps:
            text = step(text, rng)
        return text
    return reword


def student_copy(data: dict[str, Any], reword: Rewording, rng: random.Random,
                 remove: float = 0.0) -> tuple[ArgumentMap, dict[str, str]]:
    """A reworded, renamed, reversed copy; and gold claim id -> copy id (kept claims only)."""
    kept = [c for c in data["claims"] if rng.random() >= remove] if remove else data["claims"]
    twin = {c["id"]: "s-" + c["id"] for c in kept}
    links = {lk["id"]: "s-" + lk["id"] for lk in data["links"]}
    claims = [{"id": twin[c["id"]], "text": reword(c["text"], rng) or c["text"].split()[0]}
              for c in reversed(kept)]
    out_links = []
    for lk in reversed(data["links"]):
        premises = lk["from"] if isinstance(lk["from"], list) else [lk["from"]]
        target = twin.get(lk["to"]) or links.get(lk["to"])
        if any(p not in twin for p in premises) or target is None:
            continue
        out_links.append({"id": links[lk["id"]], "from": [twin[p] for p in premises],
                          "to": target, "type": lk.get("type", "supports")})
    ids = {x["id"] for x in out_links}
    out_links = _without_dangling(out_links, ids, set(twin.values()))
    copy = ArgumentMap.model_validate({"title": "copy", "claims": claims, "links": out_links})
    return copy, twin


def _without_dangling(links: list[dict[str, Any]], ids: set[str], claims: set[str]
                      ) -> list[dict[str, Any]]:
    """Links whose target (a claim or, for an undercut, a link) is still in the copy."""
    while True:
        kept = [lk for lk in links if lk["to"] in claims or lk["to"] in ids]
        if len(kept) == len(links):
            return kept
        links, ids = kept, {lk["id"] for lk in kept}


def _tally(gold: list[tuple[ArgumentMap, dict[str, Any]]], reword: Rewording, seed: int,
           setting: Setting, remove: float = 0.0) -> dict[str, float]:
    """Over every gold map: the shares of claims with a twin paired right, wrong or not at all;
    the share of twinless claims (left out of the copy) that were paired anyway; mean score;
    the share of links found present."""
    rng = random.Random(seed)
    count: dict[str, int] = defaultdict(int)
    scores = []
    for model, data in gold:
        copy, twin = student_copy(data, reword, rng, remove)
        result = compare_maps(model, copy, threshold=setting[0], context_threshold=setting[1])
        matched = result.matched
        for c in model.claims:
            got = matched.get(c.id)
            if c.id not in twin:
                count["twinless"] += 1
                count["twinless paired"] += got is not None
                continue
            count["twins"] += 1
            count["correct"] += got == twin[c.id]
            count["wrong"] += got is not None and got != twin[c.id]
            count["missed"] += got is None
        scores.append(result.score)
        count["present"] += result.count("present")
        count["links"] += sum(1 for v in result.links if v.model is not None)
    twins = count["twins"] or 1
    return {"correct": count["correct"] / twins, "wrong": count["wrong"] / twins,
            "missed": count["missed"] / twins, "score": statistics.mean(scores),
            "twinless": count["twinless"],
            "twinless paired": count["twinless paired"] / (count["twinless"] or 1),
            "links_present": count["present"] / (count["links"] or 1)}


def _conclusion(amap: ArgumentMap) -> str | None:
    return next((c.id for c in amap.claims if c.kind == "conclusion"), None)


def _other_authors(gold: list[tuple[ArgumentMap, dict[str, Any]]],
                   topics: list[tuple[str, str] | None], setting: Setting
                   ) -> tuple[dict[str, int], list[tuple[str, str, float]]]:
    """Every ordered pair of different maps on one topic compared: how many claims found a
    partner, and whether the two conclusions were paired with each other (split by whether
    the two authors took the same stance); and every partner found, with its similarity."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, topic in enumerate(topics):
        if topic:
            by_topic[topic[0]].append(i)
    count: dict[str, int] = defaultdict(int)
    seen: list[tuple[str, str, float]] = []
    for members in by_topic.values():
        for i in members:
            for j in members:
                if i == j:
                    continue
                model, student = gold[i][0], gold[j][0]
                result = compare_maps(model, student, threshold=setting[0],
                                      context_threshold=setting[1])
                same = "same stance" if topics[i][1] == topics[j][1] else "opposite stance"
                count["pairs"] += 1
                count["claims"] += len(model.claims)
                count["partnered"] += len(result.pairs)
                count[same] += 1
                ends = (_conclusion(model), _conclusion(student))
                paired = result.matched.get(ends[0] or "") == ends[1]
                count[same + ": conclusions paired"] += paired
                count[same + ": flagged opposite"] += paired and negated(
                    model.claim(ends[0] or "").text) != negated(student.claim(ends[1] or "").text)
                seen.extend((model.claim(p.model).text, student.claim(p.student).text,
                             p.similarity) for p in result.pairs)
    return count, seen


def _link_changes(gold: list[tuple[ArgumentMap, dict[str, Any]]], reword: Rewording,
                  seed: int) -> dict[str, list[int]]:
    """One link changed in each reworded copy: its type flipped, its target moved to another
    claim, or (for a linked argument) its premises split into separate links. Per change:
    [copies, the changed link given that problem, other links no longer found present]."""
    rng = random.Random(seed)
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for model, data in gold:
        copy, twin = student_copy(data, reword, rng)
        base = to_data(copy)
        for lk in base["links"]:
            lk["from"] = lk["from"] if isinstance(lk["from"], list) else [lk["from"]]
        undercut = {lk["to"] for lk in base["links"]}
        claim_links = [lk for lk in base["links"] if lk["to"] in set(twin.values())
                       and lk["id"] not in undercut]
        for change in ("wrong-type", "wrong-target", "split"):
            pool = [lk for lk in claim_links if change != "split" or len(lk["from"]) > 1]
            if not pool:
                continue
            victim = rng.choice(pool)
            links = [dict(lk) for lk in base["links"]]
            mine = next(lk for lk in links if lk["id"] == victim["id"])
            if change == "wrong-type":
                mine["type"] = "attacks" if mine["type"] == "supports" else "supports"
            elif change == "wrong-target":
                others = [c for c in twin.values() if c != mine["to"] and c not in mine["from"]]
                mine["to"] = rng.choice(others)
            else:
                links.remove(mine)
                links += [{**mine, "id": f"{mine['id']}-part{k}", "from": [p]}
                          for k, p in enumerate(mine["from"])]
            student = ArgumentMap.model_validate({**base, "links": links})
            result = compare_maps(model, student)
            original = victim["id"].removeprefix("s-")
            tally = out[change]
            tally[0] += 1
            tally[1] += any(v.model == original and v.problem == change for v in result.links)
            tally[2] += sum(1 for v in result.links if v.model not in (None, original)
                            and v.problem != "present")
    return out


def _hand(setting: Setting) -> tuple[int, int, int]:
    """Over the hand-written student maps: (pairs right, true pairs, pairs wrong)."""
    from argmap.io import load_map

    model = load_map(ROOT / "examples" / "car-free-downtown.yaml")
    right = wrong = total = 0
    for name, truth in HAND_PAIRS.items():
        got = compare_maps(model, load_map(HAND / name), threshold=setting[0],
                           context_threshold=setting[1]).matched
        total += len(truth)
        right += sum(1 for m, s in got.items() if truth.get(m) == s)
        wrong += sum(1 for m, s in got.items() if truth.get(m) != s)
    return right, total, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder of .xml files (en/)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds")
    parser.add_argument("--show", type=int, default=0, help="print the N closest and N "
                        "loosest partners found across authors (for reading)")
    args = parser.parse_args(argv)
    gold, topics = [], []
    for path in sorted(args.corpus.glob("*.xml")):
        amap = import_map(path).amap
        gold.append((amap, to_data(amap)))
        topic = amap.title.partition(": ")[2]  # the importer's title: "micro_b001: topic"
        stance = (amap.description or "").rpartition("stance: ")[2].rstrip(".")
        topics.append((topic, stance) if topic != "microtext" else None)
    vocabulary = sorted({w for _, d in gold for c in d["claims"] for w in c["text"].split()
                         if w.isalpha() and w.lower() not in STOP_WORDS})
    variants: dict[str, tuple[Rewording, float]] = {
        "renamed, reversed": (lambda t, r: t, 0.0),
        "reorder": (_reorder, 0.0),
        "drop 20% + reorder": (_both(_drop(0.2), _reorder), 0.0),
        "drop 40% + reorder": (_both(_drop(0.4), _reorder), 0.0),
        "swap 20% + reorder": (_both(_swap(0.2, vocabulary), _reorder), 0.0),
        "swap 40% + reorder": (_both(_swap(0.4, vocabulary), _reorder), 0.0),
        "drop 20% + swap 20% + reorder": (_both(_drop(0.2), _swap(0.2, vocabulary), _reorder),
                                          0.0),
        "a quarter removed, drop 20% + reorder": (_both(_drop(0.2), _reorder), 0.25),
    }
    n_claims = sum(len(m.claims) for m, _ in gold)
    n_links = sum(len(m.links) for m, _ in gold)
    print(f"{len(gold)} gold maps, {n_claims} claims, {n_links} links")
    settings: list[Setting] = [(THRESHOLD, CONTEXT_THRESHOLD)]
    if args.sweep:
        settings += [(0.35, 1.0), (0.45, 1.0), (0.4, 0.3), (0.45, 0.25), (0.5, 0.3),
                     (0.55, 0.3)]
    print("one link changed per copy (drop 20% + reorder wording):")
    for change, (copies, named, others) in _link_changes(
            gold, _both(_drop(0.2), _reorder), args.seed).items():
        print(f"  {change:13} {named} of {copies} changed links given this problem; "
              f"{others} other links no longer present")
    for setting in settings:
        context = f", context {setting[1]}" if setting[1] < setting[0] else ", no context"
        print(f"\n== threshold {setting[0]}{context}")
        print(f"{'variant':40} {'correct':>8} {'wrong':>6} {'missed':>7} {'score':>6}"
              f" {'links ok':>8}  twinless paired")
        for name, (reword, remove) in variants.items():
            t = _tally(gold, reword, args.seed, setting, remove)
            orphans = f"{t['twinless paired']:.1%} of {t['twinless']}" if t["twinless"] else "-"
            print(f"{name:40} {t['correct']:8.1%} {t['wrong']:6.1%} "
                  f"{t['missed']:7.1%} {t['score']:6.3f} {t['links_present']:8.1%}  {orphans}")
        right, total, wrong = _hand(setting)
        print(f"hand-written paraphrases (car-free example): {right} of {total} true pairs "
              f"found, {wrong} wrong pairs")
        count, seen = _other_authors(gold, topics, setting)
        print(f"other authors, same topic: {count['pairs']} ordered map pairs, "
              f"{count['claims']} claims compared, "
              f"{count['partnered'] / count['claims']:.1%} found a partner")
        for same in ("same stance", "opposite stance"):
            print(f"  {same}: conclusions paired in {count[same + ': conclusions paired']} of "
                  f"{count[same]} pairs, {count[same + ': flagged opposite']} of them flagged "
                  f"as saying the opposite")
        ranked = sorted(seen, key=lambda x: -x[2])
        for a, b, sim in ranked[: args.show] + ranked[-args.show:] if args.show else []:
            print(f"  {sim:.2f}  {a}  |  {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
