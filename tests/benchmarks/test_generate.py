"""The map generator: deterministic, realistic in shape, loadable in both formats."""

from __future__ import annotations

from collections import Counter

from argmap.graph import build_graph, cycles
from argmap.io import loads_map, to_data
from benchmarks.generate import Spec, dump_json, dump_yaml, generate


def test_same_seed_same_map_and_another_seed_another():
    assert generate(Spec(300, seed=3)) == generate(Spec(300, seed=3))
    assert generate(Spec(300, seed=3)) != generate(Spec(300, seed=4))


def test_map_has_the_requested_claims_and_every_part_of_an_argument():
    data = generate(Spec(2000))
    claims, links = data["claims"], data["links"]
    assert len(claims) == 2000
    kinds = Counter(c.get("kind", "premise") for c in claims)
    assert {"conclusion", "premise", "rebuttal", "assumption"} <= set(kinds)
    link_ids = {lk["id"] for lk in links}
    assert any(isinstance(lk["from"], list) for lk in links)  # linked co-premises
    assert any(lk["to"] in link_ids for lk in links)  # undercuts
    assert any(lk.get("type") == "attacks" for lk in links)
    into = Counter(lk["to"] for lk in links if lk.get("type", "supports") == "supports")
    assert max(into.values()) >= 2  # convergent reasons
    premises = [c for c in claims if c.get("kind", "premise") == "premise"]
    cited = sum(1 for c in premises if c.get("evidence"))
    assert 0.7 < cited / len(premises) < 0.9


def test_cross_links_are_about_a_tenth_and_cycles_only_when_asked():
    plain, cyclic = generate(Spec(1000)), generate(Spec(1000, cycles=5))
    assert len(cyclic["links"]) == len(plain["links"]) + 5
    plain_map = loads_map(dump_json(plain), "json")
    cyclic_map = loads_map(dump_json(cyclic), "json")
    assert cycles(build_graph(plain_map)) == []
    assert len(cycles(build_graph(cyclic_map))) >= 5


def test_json_and_yaml_files_load_to_the_same_map():
    data = generate(Spec(500, seed=11))
    from_json = loads_map(dump_json(data), "json")
    from_yaml = loads_map(dump_yaml(data), "yaml")
    assert to_data(from_json) == to_data(from_yaml)
    assert len(from_json.claims) == 500
