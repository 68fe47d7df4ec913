"""Properties over generated valid maps: saving and loading changes nothing (YAML and JSON, fresh
or loaded then edited), evaluation terminates in [0, 1], findings name what exists."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps, text

from argmap.analysis import analyse
from argmap.io import load_map, save_map, to_data
from argmap.model import ArgumentMap, Claim

QUICK = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


def _authored(amap: ArgumentMap) -> dict:
    """The map's full content, with generated link ids (l1, l2 ..., never saved) left out."""
    data = amap.model_dump()
    for link, dumped in zip(amap.links, data["links"], strict=True):
        if "id" not in link.model_fields_set:
            dumped["id"] = None
    return data


def _same(a: ArgumentMap, b: ArgumentMap) -> None:
    """Same map, and the same fields set by the author (a new file also states `argmap: 1`)."""
    assert _authored(b) == _authored(a)
    assert to_data(b) == {"argmap": 1, **to_data(a)}


@QUICK
@given(amap=maps, fmt=st.sampled_from(["yaml", "json"]))
def test_save_then_load_is_the_identity(amap: ArgumentMap, fmt: str, tmp_path: Path):
    path = tmp_path / f"m.{fmt}"
    save_map(amap, path)
    _same(amap, load_map(path))


@QUICK
@given(amap=maps, fmt=st.sampled_from(["yaml", "json"]), new_text=text, data=st.data())
def test_loaded_then_edited_map_saves_what_was_edited(amap: ArgumentMap, fmt: str, new_text: str,
                                                       data: st.DataObject, tmp_path: Path):
    path = tmp_path / f"m.{fmt}"
    save_map(amap, path)
    loaded = load_map(path)
    target = data.draw(st.sampled_from(loaded.claims))
    target.text = new_text
    loaded.claims.append(Claim(id="added-claim-x", text=new_text, kind="rebuttal"))
    untargeted = [lk for lk in loaded.links if not loaded.links_into(lk.ident)]
    if untargeted:
        loaded.links.remove(data.draw(st.sampled_from(untargeted)))
    save_map(loaded)
    _same(loaded, load_map(path))


@QUICK
@given(amap=maps)
def test_evaluation_terminates_in_unit_interval_and_findings_name_what_exists(amap: ArgumentMap):
    analysis = analyse(amap)
    ids = {c.id for c in amap.claims} | {lk.ident for lk in amap.links}
    sources = {s.id for s in amap.sources}  # a finding may be about a source (unused-source)
    assert set(analysis.strengths) <= ids
    assert {c.id for c in amap.claims} <= set(analysis.strengths)
    for value in analysis.strengths.values():
        assert 0.0 <= value <= 1.0
    assert set(analysis.labels.values()) <= {"IN", "OUT", "UNDEC"}
    for finding in analysis.findings:
        assert finding.target in ids | sources, finding
