"""arg-microtexts XML: units to claims, edges to links, the text as subject; the corpus walk.

The corpus itself is not in the repository (its licence is CC BY-NC-SA). To check every text of
it, point ARGMAP_MICROTEXTS at the folder of its English XML files:

    ARGMAP_MICROTEXTS=path/to/arg-microtexts/corpus/en .venv/bin/python -m pytest \
        tests/io/test_microtexts.py -k corpus
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis import analyse
from argmap.cli import app
from argmap.errors import MapLoadError
from argmap.io import save_map
from argmap.io.formats.microtexts import read

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interop"
TREES = FIXTURES / "micro_trees.xml"
CORPUS = os.environ.get("ARGMAP_MICROTEXTS")


def read_file(path: Path, **kwargs):
    return read(path.read_text(encoding="utf-8"), str(path), **kwargs)


def test_units_become_claims_with_their_segment_text_and_locator():
    amap, dropped = read_file(TREES)
    assert dropped == []
    assert [c.id for c in amap.claims] == ["a1", "a2", "a3", "a4", "a5", "a6", "a7"]
    first = amap.claim("a1")
    assert first.text == "Our town should plant a thousand street trees."
    assert first.kind == "conclusion"
    assert [(e.source, e.locator) for e in amap.claim("a3").evidence] == [
        ("micro-trees", "segment e3")]


def test_opponent_units_are_tagged_and_rebuttals_where_they_attack():
    amap, _ = read_file(TREES)
    assert amap.claim("a4").tags == ["opponent"] and amap.claim("a4").kind == "rebuttal"
    assert amap.claim("a7").kind == "rebuttal"
    assert amap.claim("a5").tags == [] and amap.claim("a5").kind == "premise"


def test_edges_become_links_undercuts_and_co_premises():
    amap, _ = read_file(TREES)
    kinds = {lk.ident: (lk.from_, lk.to, lk.type) for lk in amap.links}
    assert kinds["c1"] == (["a2"], "a1", "supports")
    assert kinds["c2"] == (["a3"], "a2", "supports")  # exa: support by example
    assert amap.link("c2").note == "support by example (exa)"
    assert kinds["c3"] == (["a4"], "a1", "attacks")
    assert kinds["c4"] == (["a5", "a6"], "c3", "attacks")  # und on the rebuttal, add joins it
    assert kinds["c6"] == (["a7"], "a2", "attacks")


def test_text_is_the_subject_and_can_be_linked_from_where_the_map_is_saved(tmp_path):
    amap, _ = read_file(TREES)
    assert amap.subject == ["micro-trees"] and amap.sources[0].text is None
    assert amap.title == "micro_trees: street trees"
    out = tmp_path / "maps"
    out.mkdir()
    linked, _ = read_file(TREES, text_base=out)
    text = linked.sources[0].text
    assert text is not None and (out / text).resolve() == TREES.with_suffix(".txt").resolve()


def test_citations_locate_claims_in_the_text():
    amap, _ = read_file(TREES)
    whole = TREES.with_suffix(".txt").read_text(encoding="utf-8")
    assert all(claim.text in whole for claim in amap.claims)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-edges.xml", [(26, "edge 'c2' has type 'example'"),
                           (28, "und edge 'c4': trg='a4' is not an edge of this text")]),
        ("unclosed-element.xml", [(9, "invalid XML: no element found")]),
    ],
)
def test_malformed_files_fail_with_line_numbers(name, expected):
    with pytest.raises(MapLoadError) as info:
        read_file(FIXTURES / name)
    found = [(p.line, p.message) for p in info.value.problems]
    assert len(found) == len(expected)
    for (line, message), (want_line, want) in zip(found, expected, strict=True):
        assert line == want_line and message.startswith(want)


def test_arguebuf_counts_agree():
    arguebuf = pytest.importorskip("arguebuf")
    graph = arguebuf.load.microtexts(str(TREES))
    amap, _ = read_file(TREES)
    assert len(graph.atom_nodes) == len(amap.claims)
    assert len(graph.scheme_nodes) == len(amap.links)
    edges = sum(len(lk.from_) + 1 for lk in amap.links)
    assert len(graph.edges) == edges


def xml_counts(path: Path) -> Counter[str]:
    """What the XML says, counted without argmap: units and each edge type."""
    root = ET.parse(path).getroot()
    counts: Counter[str] = Counter(e.get("type") for e in root.iter("edge"))
    counts["adu"] = len(list(root.iter("adu")))
    return counts


def map_counts(amap) -> Counter[str]:
    claims = {c.id for c in amap.claims}
    out: Counter[str] = Counter(adu=len(amap.claims))
    for lk in amap.links:
        if lk.type == "supports":
            out["exa" if lk.note == "support by example (exa)" else "sup"] += 1
        else:
            out["reb" if lk.to in claims else "und"] += 1
        out["add"] += len(lk.from_) - 1
    return out


@pytest.mark.skipif(not CORPUS, reason="set ARGMAP_MICROTEXTS to the corpus folder to run it")
def test_corpus_every_text_imports_with_the_xml_counts_and_checks(tmp_path):
    files = sorted(Path(str(CORPUS)).glob("*.xml"))
    assert files, f"no .xml files in {CORPUS}"
    runner = CliRunner()
    try:
        import arguebuf
    except ImportError:
        arguebuf = None
    commands = [["check"]] + [[c] for c in ("eval", "cruxes") if c in app.commands]
    totals: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    strengths: list[float] = []
    for path in files:
        amap, dropped = read_file(path, text_base=tmp_path)
        assert dropped == [], path.name
        expected = xml_counts(path)
        got = map_counts(amap)
        for key in ("adu", "sup", "exa", "reb", "und", "add"):
            assert got[key] == expected[key], f"{path.name}: {key}"
        if arguebuf is not None:  # a second reading of the same file agrees on the counts
            graph = arguebuf.load.microtexts(str(path))
            assert (len(graph.atom_nodes), len(graph.scheme_nodes)) == (
                len(amap.claims), len(amap.links)), path.name
        central = [c.id for c in amap.claims if c.kind == "conclusion"]
        assert len(central) == 1, path.name
        totals += got
        analysis = analyse(amap)
        assert 0.0 <= analysis.strengths[central[0]] <= 1.0
        strengths.append(analysis.strengths[central[0]])
        labels[analysis.labels[central[0]]] += 1
        findings.update(f.code for f in analysis.findings)
        saved = save_map(amap, tmp_path / f"{path.stem}.yaml")
        for command in commands:
            result = runner.invoke(app, [*command, str(saved)])
            assert result.exit_code in (0, 1), f"{path.name}: {command}: {result.output}"
    print(f"\n{len(files)} texts: {dict(totals)}")
    print(f"central claims: grounded {dict(labels)}, mean DF-QuAD strength "
          f"{sum(strengths) / len(strengths):.3f}; findings {dict(sorted(findings.items()))}")


def test_an_edge_from_a_unit_to_itself_is_refused():
    text = TREES.read_text(encoding="utf-8").replace('src="a2" trg="a1"', 'src="a1" trg="a1"')
    with pytest.raises(MapLoadError, match=r"t.xml:25: sup edge 'c1' points from 'a1' to itself"):
        read(text, "t.xml")
