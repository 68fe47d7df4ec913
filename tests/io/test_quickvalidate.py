"""Validating a parsed map a part at a time builds the map the model builds, and gives up (for
the model to explain) on every map with a problem, wherever in which part it lies."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from argmap.io import loads_map, to_data
from argmap.io.native import quick as quick_path
from argmap.model import ArgumentMap
from benchmarks.generate import Spec, dump_json, dump_yaml, generate

DATA = generate(Spec(120, seed=3))


@pytest.fixture(autouse=True)
def small_parts(monkeypatch):
    """Parts of 7 items, so that a small map spans many parts and every boundary is crossed."""
    monkeypatch.setattr(quick_path, "PART", 7)


def _model(data: dict) -> ArgumentMap | None:
    try:
        return ArgumentMap.model_validate(copy.deepcopy(data))
    except ValidationError:
        return None


def _same(quick: ArgumentMap, model: ArgumentMap) -> None:
    """The same map (the origin, where it was read from, aside), item by item."""
    assert quick.model_dump() == model.model_dump()
    assert quick.model_fields_set == model.model_fields_set
    assert to_data(quick) == to_data(model)
    for section in ("sources", "claims", "links"):
        assert getattr(quick, section) == getattr(model, section)
        assert [x.model_fields_set for x in getattr(quick, section)] == [
            x.model_fields_set for x in getattr(model, section)]


def _variant(change) -> dict:
    data = copy.deepcopy(DATA)
    change(data)
    return data


def _last_link_to_a_later_link(d: dict) -> None:
    d["links"][3]["to"] = d["links"][-1]["id"]


def _generated_names_taken(d: dict) -> None:
    """Two links lose their ids (`l<n>`, as generated), and a claim takes the first of them: the
    names given must skip it, and every name of the links that keep theirs."""
    targeted = {link["to"] for link in d["links"]}
    unnamed = [lk for lk in d["links"] if lk["id"] not in targeted][:2]
    d["claims"].append({"id": unnamed[0]["id"], "text": "A claim named like a link."})
    for link in unnamed:
        link.pop("id")


VALID = {
    "generated": lambda d: None,
    "undercut of a link in a later part": _last_link_to_a_later_link,
    "link without id in a later part": lambda d: d["links"][-2].pop("id"),
    "link with a null id": lambda d: d["links"][9].update(id=None),
    "generated names already taken": _generated_names_taken,
    "subject": lambda d: d.update(subject=d["sources"][1]["id"]),
    "one id given as a list": lambda d: d["links"][20].update({"from": [d["claims"][4]["id"]]}),
    "no links": lambda d: d.update(links=[]),
    "no sources section": lambda d: (d.pop("sources"), [c.pop("evidence", None) for c in
                                                         d["claims"] + d["links"]]),
}


@pytest.mark.parametrize("name", VALID)
def test_a_valid_map_is_the_map_the_model_builds(name):
    data = _variant(VALID[name])
    model = _model(data)
    assert model is not None
    quick = quick_path.validate(copy.deepcopy(data))
    assert quick is not None
    _same(quick, model)


PROBLEMS = {
    "claim id used twice across parts": lambda d: d["claims"][100].update(id=d["claims"][2]["id"]),
    "link id equal to a claim id": lambda d: d["links"][60].update(id=d["claims"][99]["id"]),
    "link id used twice": lambda d: d["links"][-1].update(id=d["links"][0]["id"]),
    "source id used twice": lambda d: d["sources"].append(dict(d["sources"][0])),
    "unknown premise in the last part": lambda d: d["links"][-1].update({"from": "nowhere"}),
    "premise that is a link": lambda d: d["links"][5].update({"from": [d["links"][40]["id"]]}),
    "unknown target": lambda d: d["links"][50].update(to="nowhere"),
    "link to itself": lambda d: d["links"][30].update(to=d["links"][30]["id"]),
    "self-link through its premise": lambda d: d["links"][31].update(to=d["links"][31]["from"]
                                                                    if isinstance(
        d["links"][31]["from"], str) else d["links"][31]["from"][0]),
    "unknown source in a late claim": lambda d: d["claims"][-1].update(
        evidence=[{"source": "nope"}]),
    "unknown source on a link": lambda d: d["links"][-3].update(evidence=[{"source": "nope"}]),
    "unknown subject": lambda d: d.update(subject=["nope"]),
    "field error in a late part": lambda d: d["claims"][110].update(confidence=2),
    "id that is no slug": lambda d: d["claims"][50].update(id="Not A Slug"),
    "claims not a list": lambda d: d.update(claims={"a": 1}),
    "an item that is not a mapping": lambda d: d["links"].append("a"),
}


@pytest.mark.parametrize("name", PROBLEMS)
def test_a_map_with_a_problem_is_left_to_the_model(name):
    data = _variant(PROBLEMS[name])
    assert _model(data) is None
    assert quick_path.validate(copy.deepcopy(data)) is None


def test_a_map_the_fast_checks_cannot_read_is_left_to_the_model():
    # `id: 7` is the text '7' for the model, but the fast checks only vouch for ids given as
    # text: the model decides (here: valid), never the quick path on its own.
    data = _variant(lambda d: d["claims"].append({"id": 7, "text": "Seven"}))
    assert quick_path.validate(copy.deepcopy(data)) is None
    assert _model(data) is not None


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_loading_text_gives_the_same_map_as_the_model(fmt):
    text = dump_json(DATA) if fmt == "json" else dump_yaml(DATA)
    loaded = loads_map(text, fmt)
    _same(loaded, _model(DATA))
