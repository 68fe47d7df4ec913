"""AIF JSON: I/RA/CA nodes to claims and links, schemes, who said what, round trips, arguebuf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io import load_map
from argmap.io.formats import aif

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "interop" / "sunday-library.aif.json"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def read(path: Path):
    return aif.read(path.read_text(encoding="utf-8"), str(path))


def shape(amap) -> tuple[list[str], list[tuple[str, tuple[str, ...], str]]]:
    """Claims and links by their texts: what survives when ids do not."""
    text = {c.id: c.text for c in amap.claims}
    links = {lk.ident: lk for lk in amap.links}

    def target(ident: str) -> str:
        if ident in text:
            return text[ident]
        lk = links[ident]
        return f"link {sorted(text[p] for p in lk.from_)} -> {target(lk.to)}"

    return sorted(text.values()), sorted(
        (lk.type, tuple(sorted(text[p] for p in lk.from_)), target(lk.to)) for lk in amap.links)


def test_i_nodes_are_claims_and_schemes_are_links():
    amap, _ = read(FIXTURE)
    texts = {c.id: c.text for c in amap.claims}
    assert len(amap.claims) == 7
    support = amap.link("ra-10")
    assert support.type == "supports"
    assert sorted(texts[p] for p in support.from_) == [
        "Many students share crowded flats.", "Students need a quiet place to study at weekends."]
    assert texts[support.to] == "The library should open on Sundays."
    assert amap.link("ca-11").type == "attacks"
    assert amap.claim(amap.link("ca-11").to).kind == "conclusion"


def test_conflict_pointing_at_an_inference_is_an_undercut():
    amap, _ = read(FIXTURE)
    undercut = amap.link("ca-14")
    assert undercut.type == "attacks" and undercut.to == "ra-10"


def test_dialogue_kept_as_data_and_the_rest_reported():
    amap, dropped = read(FIXTURE)
    thesis = amap.claim("the-library-should-open-on-sundays")
    [said] = thesis.said
    assert (said.text, said.speaker, said.act) == (
        "Ana : The library should open on Sundays", "Ana", "Asserting")
    assert "Rephrases we-should-open-the-library-every-sunday." in thesis.note
    assert any("TA (a dialogue transition)" in line for line in dropped)
    assert any("PA (a dialogue preference)" in line for line in dropped)
    assert any("YA (an illocution anchored on an inference" in line for line in dropped)


def test_example_round_trip_keeps_everything():
    amap = load_map(EXAMPLE)
    text, dropped = aif.write(amap)
    back, lost = aif.read(text, "car.aif")
    assert dropped == [] and lost == []
    assert back.model_dump(by_alias=True) == amap.model_dump(by_alias=True)


def test_plain_aif_without_our_key_keeps_the_structure():
    amap = load_map(EXAMPLE)
    doc = json.loads(aif.write(amap).text)
    assert {n["type"] for n in doc["nodes"]} == {"I", "RA", "CA"}
    del doc["argmap"]
    back, _ = aif.read(json.dumps(doc), "plain.json")
    assert shape(back) == shape(amap)
    assert back.claim("the-city-should-ban-private-cars-in-the").kind == "conclusion"


def test_written_ids_are_numeric_strings_and_edges_resolve():
    doc = json.loads(aif.write(load_map(EXAMPLE)).text)
    ids = {n["nodeID"] for n in doc["nodes"]}
    assert all(i.isdigit() for i in ids)
    assert all(e["fromID"] in ids and e["toID"] in ids for e in doc["edges"])


def test_edge_without_target_fails_with_its_line():
    path = ROOT / "tests" / "fixtures" / "interop" / "edge-without-target.aif.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    edge_line = lines.index('      "edgeID": "103",')  # 0-based line of the key = the object's + 1
    with pytest.raises(MapLoadError) as info:
        read(path)
    problem = info.value.problems[0]
    assert problem.line == edge_line and 'edge #4 needs "fromID" and "toID"' in problem.message


def test_invalid_json_and_other_json_fail_clearly():
    with pytest.raises(MapLoadError, match=r"x.json:2:\d+: invalid JSON"):
        aif.read('{"nodes": [\n  oops]}', "x.json")
    with pytest.raises(MapLoadError, match="not AIF JSON"):
        aif.read('{"title": "a map", "claims": []}', "x.json")


def _arguebuf_counts(doc: dict) -> tuple[int, int, int]:
    arguebuf = pytest.importorskip("arguebuf")
    graph = arguebuf.load.aif(doc)
    schemes = {k for k, n in graph.scheme_nodes.items()
               if type(n.scheme).__name__ in ("Support", "Attack")}
    edges = [e for e in graph.edges.values() if e.source.id in schemes or e.target.id in schemes]
    return len(graph.atom_nodes), len(schemes), len(edges)


@pytest.mark.parametrize("source", ["fixture", "example"])
def test_arguebuf_counts_agree(source):
    if source == "fixture":
        doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    else:
        doc = json.loads(aif.write(load_map(EXAMPLE)).text)
    amap, _ = aif.read(json.dumps(doc), "x.json")
    ours = (len(amap.claims), len(amap.links), sum(len(lk.from_) + 1 for lk in amap.links))
    assert ours == _arguebuf_counts(doc)


def test_schemes_and_who_said_what_survive_export_and_import():
    amap, _ = read(FIXTURE)
    text, _ = aif.write(amap)
    data = json.loads(text)
    kinds = [n["type"] for n in data["nodes"]]
    assert kinds.count("L") == kinds.count("YA") >= 1
    assert {"Asserting"} <= {n["text"] for n in data["nodes"] if n["type"] == "YA"}
    back, _ = aif.read(text, "again.json")
    assert back.claim("the-library-should-open-on-sundays").said == \
        amap.claim("the-library-should-open-on-sundays").said


def aif_with(nodes, edges):
    return json.dumps({"nodes": nodes, "edges": [
        {"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)]})


def test_scheme_of_an_ra_node_is_kept_exactly_and_written_back():
    text = aif_with(
        [{"nodeID": "1", "type": "I", "text": "Smoking causes cancer."},
         {"nodeID": "2", "type": "I", "text": "Doctors say smoking causes cancer."},
         {"nodeID": "3", "type": "RA", "text": "RA", "scheme": "ExpertOpinion"},
         {"nodeID": "4", "type": "I", "text": "Tar damages the lungs."},
         {"nodeID": "5", "type": "RA", "text": "Argument From Cause To Effect"},
         {"nodeID": "6", "type": "RA", "text": "Default Inference"}],
        [("2", "3"), ("3", "1"), ("4", "5"), ("5", "1"), ("4", "6"), ("6", "2")])
    amap, _ = aif.read(text, "s.json")
    schemes = {lk.ident: lk.scheme for lk in amap.links}
    assert schemes == {"ra-3": "ExpertOpinion", "ra-5": "Argument From Cause To Effect",
                       "ra-6": None}
    out = json.loads(aif.write(amap)[0])
    assert sorted(n["scheme"] for n in out["nodes"] if "scheme" in n) == [
        "Argument From Cause To Effect", "ExpertOpinion"]
    assert {lk.ident: lk.scheme for lk in aif.read(json.dumps(out), "b.json")[0].links} == schemes


def test_repeated_links_are_kept_and_reported():
    text = aif_with(
        [{"nodeID": "1", "type": "I", "text": "Cities should ban cars."},
         {"nodeID": "2", "type": "I", "text": "Cars pollute."},
         {"nodeID": "3", "type": "RA", "text": "RA"},
         {"nodeID": "4", "type": "RA", "text": "RA"}],
        [("2", "3"), ("3", "1"), ("2", "4"), ("4", "1")])
    amap, dropped = aif.read(text, "d.json")
    assert len(amap.links) == 2
    assert any("1 link with the same premises, target and type" in line and "ra-4" in line
               for line in dropped)
