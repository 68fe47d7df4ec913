"""Real maps written elsewhere (see tests/fixtures/interop/corpus/README.md): import → export →
import keeps the claims, the links and the argument schemes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.io.formats import aif, argdown

CORPUS = Path(__file__).parents[1] / "fixtures" / "interop" / "corpus"
AIF = sorted((CORPUS / "aif").glob("*.json"))
ARGDOWN = sorted((CORPUS / "argdown").glob("*.argdown"))


def shape(amap):
    """What a round trip must keep: claim texts, and each link as premise texts -> target."""
    text = {c.id: c.text for c in amap.claims}
    links = {lk.ident: lk for lk in amap.links}

    def end(ident):
        return text[ident] if ident in text else ("link", frozenset(
            text[p] for p in links[ident].premises), end(links[ident].to))

    return (sorted(text.values()),
            sorted((tuple(sorted(text[p] for p in lk.premises)), repr(end(lk.to)), lk.type,
                    lk.scheme or "") for lk in amap.links))


def test_the_corpus_is_there():
    assert len(AIF) >= 10 and len(ARGDOWN) >= 7


@pytest.mark.parametrize("path", AIF, ids=[p.name for p in AIF])
def test_aif_round_trip_keeps_structure_schemes_and_dialogue(path):
    raw = path.read_text(encoding="utf-8")
    amap, _ = aif.read(raw, str(path))
    in_file = sorted(n["scheme"] for n in json.loads(raw)["nodes"] if n.get("scheme"))
    assert sorted(lk.scheme for lk in amap.links if lk.scheme) == in_file
    text, dropped = aif.write(amap)
    assert dropped == []
    back, _ = aif.read(text, "back.json")
    assert shape(back) == shape(amap)
    assert [c.said for c in back.claims] == [c.said for c in amap.claims]


def test_aif_dialogue_and_repeats_of_the_corpus_are_kept_and_reported():
    amap, _ = aif.read((CORPUS / "aif" / "nodeset127.json").read_text(), "127.json")
    said = [s for c in amap.claims for s in c.said]
    assert len(said) == 6 and {s.speaker for s in said} == {"VCBrown", "Speaker"}
    _, dropped = aif.read((CORPUS / "aif" / "nodeset531.json").read_text(), "531.json")
    assert any("same premises, target and type" in line for line in dropped)


@pytest.mark.parametrize("path", ARGDOWN, ids=[p.name for p in ARGDOWN])
def test_argdown_round_trip_keeps_structure(path):
    amap, _ = argdown.read(path.read_text(encoding="utf-8"), str(path))
    assert amap.claims
    text, _ = argdown.write(amap)
    back, _ = argdown.read(text, "back.argdown")
    assert shape(back) == shape(amap)
