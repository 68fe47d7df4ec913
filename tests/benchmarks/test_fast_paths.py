"""The fast paths give what the plain ones give: the same maps, errors, findings and strengths."""

from __future__ import annotations

import copy
import gc
import json

import pytest

from argmap import integrity
from argmap.analysis import analyse, evaluate, grounded
from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.evaluation.dung import attack_framework, grounded_labels
from argmap.analysis.index import MapIndex
from argmap.errors import MapLoadError
from argmap.io import loads_map, to_data
from argmap.io.native import yamlfast
from argmap.model import ArgumentMap
from benchmarks.generate import Spec, dump_json, dump_yaml, generate
from tests.analysis.plain_dfquad import plain_evaluation

DATA = generate(Spec(600, seed=5))
CYCLIC = generate(Spec(600, seed=5, cycles=4))


def _mutations() -> dict[str, dict]:
    """The generated map with one reference mistake (or oddity) each."""
    found: dict[str, dict] = {"clean": copy.deepcopy(DATA)}

    def variant(name: str, change) -> None:
        data = copy.deepcopy(DATA)
        change(data)
        found[name] = data

    variant("duplicate claim id", lambda d: d["claims"][5].update(id=d["claims"][3]["id"]))
    variant("link id equal to a claim id", lambda d: d["links"][2].update(id=d["claims"][0]["id"]))
    variant("duplicate source", lambda d: d["sources"].append(dict(d["sources"][0])))
    variant("unknown premise", lambda d: d["links"][4].update({"from": "nowhere"}))
    variant("premise is a link", lambda d: d["links"][4].update({"from": [d["links"][1]["id"]]}))
    variant("unknown target", lambda d: d["links"][7].update(to="nowhere"))
    variant("self link", lambda d: d["links"][7].update(to=d["links"][7]["from"]
                                                         if isinstance(d["links"][7]["from"], str)
                                                         else d["links"][7]["from"][0]))
    variant("link to itself", lambda d: d["links"][3].update(to=d["links"][3]["id"]))
    variant("unknown source", lambda d: d["claims"][9].update(evidence=[{"source": "nope"}]))
    variant("unknown subject", lambda d: d.update(subject=["nope"]))
    variant("known subject", lambda d: d.update(subject=d["sources"][0]["id"]))
    variant("id not text", lambda d: d["claims"][2].update(id=7))
    variant("claim without id", lambda d: d["claims"][2].pop("id"))
    variant("link without from", lambda d: d["links"][2].pop("from"))
    variant("links not a list", lambda d: d.update(links={"a": 1}))
    variant("evidence not a list", lambda d: d["claims"][1].update(evidence="src-1"))
    variant("link without id", lambda d: d["links"][0].pop("id"))
    return found


def _plain(errors: list) -> list[tuple]:
    return [(tuple(e["loc"]), str(e["type"]), e["input"]) for e in errors]


@pytest.mark.parametrize("name, data", list(_mutations().items()))
def test_fast_reference_check_agrees_with_the_item_by_item_checks(name, data):
    assert _plain(integrity.reference_errors(data)) == _plain(
        integrity.all_reference_errors(data))
    if name == "clean" or name.startswith("known") or name == "link without id":
        assert integrity.reference_errors(data) == []
    else:
        assert integrity.all_reference_errors(data) or not integrity.resolves(data)


def _plain_load(text: str, monkeypatch) -> ArgumentMap:
    """The map validated the plain way: stdlib json, collector running, every item checked."""
    monkeypatch.setattr(integrity, "resolves", lambda data: False)
    try:
        return ArgumentMap.model_validate(json.loads(text))
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("data", [DATA, CYCLIC], ids=["acyclic", "cyclic"])
def test_fast_load_gives_the_same_map_findings_and_strengths(data, monkeypatch):
    text = dump_json(data)
    plain = _plain_load(text, monkeypatch)
    fast_json, fast_yaml = loads_map(text, "json"), loads_map(dump_yaml(data), "yaml")
    for fast in (fast_json, fast_yaml):
        assert to_data(fast) == to_data(plain)
        a, b = analyse(fast), analyse(plain)
        assert a.findings == b.findings
        assert a.strengths == b.strengths
        assert a.labels == b.labels


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        loads_map(dump_json(DATA), "json")
        assert gc.isenabled() is enabled
        with pytest.raises(MapLoadError):
            loads_map('{"title": "t", "claims": [{"id": "A!", "text": ""}]}', "json")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_yaml_aliases_are_checked_against_what_the_file_holds(monkeypatch):
    monkeypatch.setattr(yamlfast, "_MAX_EXPANSION", 50)
    shared = "title: t\ntags: &t [a, b]\nclaims:\n" + "".join(
        f"  - {{id: c{i}, text: 'Claim {i} *'}}\n" for i in range(40))
    data, _ = yamlfast.load_fast(shared.replace("tags: &t [a, b]", "x: &t [a, b]\ny: *t"))
    assert len(data["claims"]) == 40 and data["y"] == ["a", "b"]
    bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    with pytest.raises(yamlfast.YamlInputError, match="alias bomb"):
        yamlfast.load_fast(bomb)


def test_yaml_scalars_other_than_text_are_still_typed():
    data, _ = yamlfast.load_fast("a: 0.5\nb: 7\nc: yes\nd: true\ne: ~\nf: '7'\ng: 2024-05-01\n")
    assert data == {"a": 0.5, "b": 7, "c": "yes", "d": True, "e": None, "f": "7",
                    "g": __import__("datetime").date(2024, 5, 1)}


@pytest.mark.parametrize("data", [DATA, CYCLIC], ids=["acyclic", "cyclic"])
def test_array_evaluation_and_grounded_agree_with_the_plain_ones(data):
    """On a generated map (chains, linked co-premises, rebuttals, undercuts; support cycles in
    the cyclic one): DF-QuAD over arrays against the node-by-node evaluation, and grounded
    labels against the framework written out pair by pair; also with a claim removed."""
    amap = ArgumentMap.model_validate(data)
    index = MapIndex(amap)
    removed = [amap.claims[len(amap.claims) // 2].id]
    for gone in ([], removed):
        evaluator = Evaluator(index, removed=gone)
        fast, plain = evaluator.run(), plain_evaluation(evaluator)
        assert fast.strengths.keys() == plain.strengths.keys()
        assert max(abs(fast.strengths[n] - v) for n, v in plain.strengths.items()) <= 1e-9
        assert (fast.iterations, fast.converged, fast.cyclic) == (
            plain.iterations, plain.converged, plain.cyclic)
    assert evaluate(amap).strengths == Evaluator(index).run().strengths
    assert fast.cyclic is (data is CYCLIC)
    labels = grounded_labels(*attack_framework(index))
    assert grounded(amap) == {c.id: labels[c.id] for c in amap.claims}
