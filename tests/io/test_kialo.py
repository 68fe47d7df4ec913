"""Kialo's text export: theses, pros and cons, cross-references; what a map loses on the way out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io import load_map, loads_map
from argmap.io.formats import kialo

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interop"
FIXTURE = FIXTURES / "four-day-week.kialo.txt"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def read(path: Path):
    return kialo.read(path.read_text(encoding="utf-8"), str(path))


def shape(amap) -> tuple[list[str], list[tuple[str, str, str]]]:
    text = {c.id: c.text for c in amap.claims}
    return sorted(text.values()), sorted(
        (lk.type, " + ".join(sorted(text[p] for p in lk.from_)), text.get(lk.to, lk.to))
        for lk in amap.links)


def edge(amap, premise_start: str, target_start: str) -> str:
    text = {c.id: c.text for c in amap.claims}
    for lk in amap.links:
        if text[lk.from_[0]].startswith(premise_start) and text[lk.to].startswith(target_start):
            return lk.type
    raise AssertionError(f"no link {premise_start!r} -> {target_start!r}")


def test_thesis_pros_and_cons():
    amap, dropped = read(FIXTURE)
    assert dropped == []
    assert amap.title == "Should schools move to a four-day week?"
    kinds = {c.text: c.kind for c in amap.claims}
    assert kinds["Schools should move to a four-day week."] == "conclusion"
    assert kinds["A four-day week saves money on heating and buses."] == "premise"
    assert kinds["Working parents would need childcare on the fifth day."] == "rebuttal"
    assert edge(amap, "A four-day week saves", "Schools should") == "supports"
    assert edge(amap, "The savings are small", "A four-day week saves") == "attacks"


def test_text_over_several_lines_is_joined():
    amap, _ = read(FIXTURE)
    assert "Schools could run an optional activity day with volunteers and coaches." in {
        c.text for c in amap.claims}


def test_cross_reference_reuses_the_claim():
    amap, _ = read(FIXTURE)
    assert len(amap.claims) == 9  # 10 items, one of them a reference
    assert edge(amap, "Working parents", "Families get a longer weekend") == "attacks"


def test_round_trip_of_a_tree_is_exact_by_text():
    amap, _ = read(FIXTURE)
    text, dropped = kialo.write(amap)
    assert dropped == []
    back, _ = kialo.read(text, "back.txt")
    assert shape(back) == shape(amap)
    assert [c.kind for c in back.claims] == [c.kind for c in amap.claims]
    assert "1.4.1. Con: -> See 1.3." in text


def test_example_keeps_claims_and_link_types_and_says_what_it_flattened():
    amap = load_map(EXAMPLE)
    text, dropped = kialo.write(amap)
    back, _ = kialo.read(text, "car.txt")
    assert sorted(c.text for c in back.claims) == sorted(c.text for c in amap.claims)
    texts = {c.id: c.text for c in amap.claims}
    for lk in amap.links:
        if len(lk.from_) == 1 and lk.to in texts:  # neither linked nor an undercut
            assert edge(back, texts[lk.from_[0]], texts[lk.to]) == lk.type
    assert any(line.startswith("linked premises written as separate reasons") and
               "air-argument" in line for line in dropped)
    assert any("undercuts" in line and "toronto-undercut" in line for line in dropped)
    assert any(line.startswith("citations not kept") for line in dropped)


def test_several_conclusions_hang_under_the_map_title():
    amap = loads_map("title: Two questions\nclaims:\n  - {id: a, text: A, kind: conclusion}\n"
                     "  - {id: b, text: B, kind: conclusion}\n  - {id: c, text: C}\n"
                     "links: [{from: c, to: a}]\n", "yaml")
    text, dropped = kialo.write(amap)
    assert text.splitlines()[2:5] == ["1. Two questions", "1.1. A", "1.1.1. Pro: C"]
    back, _ = kialo.read(text, "two.txt")
    assert back.title == "Two questions"
    assert sorted(c.id for c in back.claims if c.kind == "conclusion") == ["a", "b"]
    assert dropped == []


def test_malformed_export_fails_with_line_numbers():
    with pytest.raises(MapLoadError) as info:
        read(FIXTURES / "missing-parent.kialo.txt")
    assert [(p.line, p.message) for p in info.value.problems] == [
        (5, "item 1.3.1. has no parent item 1.3."),
        (6, "item 1.2. refers to 1.9., which the file does not have"),
    ]


def test_text_before_the_thesis_is_refused():
    with pytest.raises(MapLoadError, match=r"x.txt:1:1: expected the thesis"):
        kialo.read("Some notes about the debate\n1. Thesis\n", "x.txt")


@pytest.mark.parametrize("source", ["fixture", "example"])
def test_arguebuf_counts_agree(source):
    arguebuf = pytest.importorskip("arguebuf")
    text = FIXTURE.read_text(encoding="utf-8") if source == "fixture" else kialo.write(
        load_map(EXAMPLE)).text
    amap, _ = kialo.read(text, "x.txt")
    graph = arguebuf.load.kialo(io.StringIO(text))
    assert len(graph.atom_nodes) == len(amap.claims)
    assert len(graph.scheme_nodes) == len(amap.links)
    assert len(graph.edges) == 2 * len(amap.links)


def test_references_that_go_round_or_hang_at_the_top_are_refused():
    with pytest.raises(MapLoadError) as info:
        kialo.read("1. Thesis\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n", "loop.txt")
    assert [p.line for p in info.value.problems] == [2, 3]
    with pytest.raises(MapLoadError, match="is not a pro or con"):
        kialo.read("1. -> See 1.\n", "top.txt")


def test_export_says_it_drops_schemes_answers_and_who_said_what():
    from argmap.io.formats import kialo
    from argmap.model import ArgumentMap

    amap = ArgumentMap.model_validate({"title": "t", "claims": [
        {"id": "ban", "text": "Ban cars.", "kind": "conclusion"},
        {"id": "air", "text": "Cars foul the air.", "said": [{"text": "Kim: cars foul the air"}]},
        {"id": "ev", "text": "Electric cars do not.", "kind": "rebuttal"}],
        "links": [{"id": "l1", "from": "air", "to": "ban", "scheme": "cause-to-effect"},
                  {"id": "l2", "from": "ev", "to": "air", "type": "attacks", "answers": "CQ3"}]})
    _, dropped = kialo.write(amap)
    assert any(line.startswith("argument schemes not kept") and "l1" in line for line in dropped)
    assert any(line.startswith("critical-question answers not kept") and "l2" in line
               for line in dropped)
    assert any(line.startswith("who said what (said:) not kept") and "air" in line
               for line in dropped)
