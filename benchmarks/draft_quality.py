"""How good `argmap draft` is: drafts of the arg-microtexts corpus scored against its gold
annotations, the seed articles' drafts checked, and the time to draft a 1 MB text.

    python -m benchmarks.draft_quality CORPUS_DIR [--seeds DIR] [--mb 1]

- unit recall: the share of gold units that a drafted claim's quote overlaps by at least 0.8 of
  the tokens of each (both the gold unit's and the quote's), beside the recall of one claim per
  sentence;
- central claim: the share of texts whose proposed conclusion overlaps the gold central claim
  so, beside the first-sentence baseline;
- link precision per marker: of the proposed links whose two ends both match gold units, the
  share the gold graph has between those units with the same type (an attack on a gold link
  counts for an attack on its premise);
- for each seed article: claims, proposals, and what `argmap check` finds on the draft;
- the time `argmap draft` takes, as a command, on texts of about 1 MB in four shapes (see
  :func:`big_texts`).

Only figures are printed: no draft of a corpus or seed text is written anywhere.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from argmap.draft import draft
from argmap.draft.segments import segment
from argmap.draft.writer import draft_yaml
from argmap.io.formats.microtexts import read

_TOKEN = re.compile(r"\w+")
THRESHOLD = 0.8


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def overlap(a: str, b: str) -> float:
    """The smaller of the two shares: common tokens over each side's tokens."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((ta & tb).values())
    return min(common / sum(ta.values()), common / sum(tb.values()))


def best_match(text: str, gold: dict[str, str]) -> str | None:
    scored = [(overlap(text, g), gid) for gid, g in gold.items()]
    score, gid = max(scored, default=(0.0, None))
    return gid if score >= THRESHOLD else None


def gold_of(xml: Path) -> tuple[str, dict[str, str], str, set[tuple[str, str, str]]]:
    """The text, gold units (id -> text), the central unit and the gold relations
    (source unit, target unit, type)."""
    amap = read(xml.read_text(encoding="utf-8"), str(xml)).amap
    text = xml.with_suffix(".txt").read_text(encoding="utf-8")
    units = {c.id: c.text for c in amap.claims}
    central = next(c.id for c in amap.claims if c.kind == "conclusion")
    by_id = {lk.ident: lk for lk in amap.links}
    relations = set()
    for link in amap.links:
        targets = [link.to] if link.to in units else list(by_id[link.to].from_)
        for src in link.from_:
            for trg in targets:
                relations.add((src, trg, link.type))
    return text, units, central, relations


def score_corpus(folder: Path) -> dict[str, Any]:
    found = total = baseline_found = 0
    central_ok = baseline_central = texts = 0
    per_marker: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    proposed_units = 0
    baseline_links = [0, 0]
    for xml in sorted(folder.glob("*.xml")):
        text, gold, central, relations = gold_of(xml)
        d = draft(text)
        quotes = [u.text for u in d.units]
        proposed_units += len(quotes)
        sentences = [s.text for _, s in segment(text).sentences]
        total += len(gold)
        found += sum(any(overlap(q, g) >= THRESHOLD for q in quotes) for g in gold.values())
        baseline_found += sum(any(overlap(s, g) >= THRESHOLD for s in sentences)
                              for g in gold.values())
        texts += 1
        if d.conclusion is not None and overlap(quotes[d.conclusion], gold[central]) >= THRESHOLD:
            central_ok += 1
        if sentences and overlap(sentences[0], gold[central]) >= THRESHOLD:
            baseline_central += 1
        head = best_match(sentences[0], gold) if sentences else None
        for sentence in sentences[1:]:  # the baseline: every sentence supports the first
            unit = best_match(sentence, gold)
            if unit is not None and head is not None:
                baseline_links[1] += 1
                baseline_links[0] += (unit, head, "supports") in relations
        for p in d.proposals.links:
            a, b = best_match(quotes[p.source], gold), best_match(quotes[p.target], gold)
            if a is None or b is None:
                continue
            per_marker[p.marker][1] += 1
            per_marker[p.marker][0] += (a, b, p.type) in relations
    return {"texts": texts, "gold_units": total, "drafted_units": proposed_units,
            "unit_recall": found / total, "sentence_recall": baseline_found / total,
            "central": central_ok / texts, "baseline_central": baseline_central / texts,
            "per_marker": dict(per_marker), "baseline_links": baseline_links}


def check_seed(path: Path) -> dict[str, Any]:
    from argmap.analysis import analyse  # noqa: PLC0415
    from argmap.io import load_map  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        text_copy = Path(tmp) / "article.txt"
        text_copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        d = draft(text_copy.read_text(encoding="utf-8"), text_path="article.txt")
        out = Path(tmp) / "draft.yaml"
        out.write_text(draft_yaml(d, "article.txt"), encoding="utf-8")
        findings = analyse(load_map(out)).findings
    return {"claims": len(d.claims), "links": len(d.links),
            "proposals": sum(1 for x in d.claims + d.links if x.get("proposed")),
            "tags": Counter(t for c in d.claims for t in c.get("tags", [])),
            "findings": Counter(f"{f.code} {f.name}" for f in findings)}


def _paragraphs(folder: Path) -> list[str]:
    """The paragraphs of the texts in ``folder`` longer than 80 characters, in file order."""
    return [p for f in sorted(folder.glob("*.txt"))
            for p in re.split(r"\n\s*\n|\n", f.read_text(encoding="utf-8")) if len(p) > 80]


def _fill(mb: float, part: Any, joint: str = "\n\n") -> str:
    """``part(0)``, ``part(1)`` ... joined by ``joint`` until the text reaches ``mb`` MB."""
    parts, n, size = [], 0, 0
    while size < mb * 1_000_000:
        parts.append(part(n))
        size += len(parts[-1]) + len(joint)
        n += 1
    return joint.join(parts)


def _markdown_block(paras: list[str], n: int) -> str:
    """A heading, two paragraphs and a bulleted list of three items, each numbered ``n``."""
    def para(k: int) -> str:
        return f"{paras[(5 * n + k) % len(paras)]} This is paragraph {5 * n + k}."

    bullet = "-*"[n % 2]
    items = "\n".join(f"{bullet} {para(k)}" for k in (2, 3, 4))
    return f"## Part {n}: what the texts say\n\n{para(0)}\n\n{para(1)}\n\n{items}"


def big_texts(corpus: Path, seeds: Path | None, mb: float) -> dict[str, str]:
    """Texts of about ``mb`` MB in the shapes `argmap draft` meets, by name:

    - ``corpus``: the corpus's paragraphs, each ended with "This is paragraph N." so no two are
      the same;
    - ``numbered``: the same, each opened with a list number ("12. ");
    - ``markdown``: Markdown sections, each a ``##`` heading, two paragraphs and a list of
      three items ("- " or "* ");
    - ``seeds``: the seed articles as they are, one after the other, again and again.
    """
    paras = _paragraphs(corpus)

    def numbered(n: int) -> str:
        return f"{paras[n % len(paras)]} This is paragraph {n}."

    texts = {"corpus": _fill(mb, numbered),
             "numbered": _fill(mb, lambda n: f"{n % 99 + 1}. {numbered(n)}"),
             "markdown": _fill(mb, lambda n: _markdown_block(paras, n))}
    if seeds is not None:
        articles = [f.read_text(encoding="utf-8").strip() for f in sorted(seeds.glob("*.txt"))]
        texts["seeds"] = _fill(mb, lambda n: articles[n % len(articles)], "\n")
    return texts


def time_draft(text: str) -> tuple[float, float]:
    """Wall and processor seconds of the whole `argmap draft BIG.txt -o BIG.yaml` command (a
    process of its own: start-up, reading, drafting, validating, writing) on ``text``. The
    processor time is the figure to read on a busy machine."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run([sys.executable, "-m", "argmap", "draft", str(path), "-o",
                        str(Path(tmp) / "big.yaml")], check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def sentence_agreement(folders: list[Path], item: str = "") -> tuple[int, int]:
    """Paragraphs whose sentences match pysbd run on the whole paragraph, and paragraphs; each
    paragraph opened with ``item`` ("12. ") when one is given."""
    from argmap.draft.segments import _segmenter, sentences_in  # noqa: PLC0415

    same = total = 0
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for para in segment(text).paragraphs:
                body = item + text[para.start:para.end].replace("\n", " ")
                whole = [" ".join(s.sent.split()) for s in _segmenter().segment(body)
                         if s.sent.strip()]
                ours = [" ".join(s.text.split()) for s in sentences_in(body, 0, len(body))]
                same += whole == ours
                total += 1
    return same, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="arg-microtexts folder (XML and .txt)")
    parser.add_argument("--seeds", type=Path, help="a folder of .txt articles to draft")
    parser.add_argument("--mb", type=float, default=1.0, help="size of the timed text in MB")
    args = parser.parse_args(argv)
    r = score_corpus(args.corpus)
    print(f"arg-microtexts: {r['texts']} texts, {r['gold_units']} gold units, "
          f"{r['drafted_units']} drafted units")
    print(f"unit recall      {r['unit_recall']:.3f}   (one claim per sentence: "
          f"{r['sentence_recall']:.3f})")
    print(f"central claim    {r['central']:.3f}   (first sentence: {r['baseline_central']:.3f})")
    print("link precision per marker (correct / scored):")
    for marker, (ok, n) in sorted(r["per_marker"].items(), key=lambda kv: -kv[1][1]):
        print(f"  {marker:<14} {ok / n:.2f}  ({ok}/{n})")
    ok = sum(v[0] for v in r["per_marker"].values())
    n = sum(v[1] for v in r["per_marker"].values())
    print(f"  {'all':<14} {ok / max(n, 1):.2f}  ({ok}/{n})")
    ok, n = r["baseline_links"]
    print(f"  baseline: every sentence supports the first: {ok / max(n, 1):.2f}  ({ok}/{n})")
    if args.seeds:
        for path in sorted(args.seeds.glob("*.txt")):
            s = check_seed(path)
            print(f"\nseed {path.name}: {s['claims']} claims, {s['links']} links, "
                  f"{s['proposals']} proposals; tags {dict(s['tags'])}")
            for what, count in sorted(s["findings"].items()):
                print(f"  {count:>4}  {what}")
    folders = [args.corpus] + ([args.seeds] if args.seeds else [])
    print()
    for item in ("", "12. "):
        same, total = sentence_agreement(folders, item)
        print(f"sentences as pysbd splits whole paragraphs{f' opened with {item!r}' * bool(item)}:"
              f" {same}/{total} paragraphs the same")
    print(f"\n`argmap draft BIG.txt -o BIG.yaml` as a process, on {os.cpu_count()} cores:")
    for shape, text in big_texts(args.corpus, args.seeds, args.mb).items():
        wall, cpu = time_draft(text)
        print(f"  {shape:<9} {len(text) / 1e6:.2f} MB: {cpu:.2f} s processor, {wall:.2f} s wall "
              f"(load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
