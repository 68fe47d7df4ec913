"""The vague-attribution detector (AM119, and later the drafting of maps)."""

from __future__ import annotations

import pytest

from argmap.analysis.text.attribution import vague_attributions, vague_attributions_in


@pytest.mark.parametrize(("text", "found"), [
    ("Experts agree that walking is healthy.", ["Experts agree"]),
    ("Studies show it works.", ["Studies show"]),
    ("Recent data suggests a gap.", ["Recent data suggests"]),
    ("People tend to overrate it.", ["People tend to"]),
    ("Critics say it fails.", ["Critics say"]),
    ("Many economists warn of a bubble.", ["Many economists warn"]),
    ("Researchers have long argued so.", ["Researchers have long argued"]),
    ("It is widely believed that cars are faster.", ["It is widely believed"]),
    ("Trams are widely regarded as safe.", ["are widely regarded"]),
    ("According to experts, it works.", ["According to experts"]),
    ("Some say it is too late.", ["Some say"]),
    ("Everyone knows the roads are busy.", ["Everyone knows"]),
    ("It rains in Leeds. Experts agree it will go on.", ["Experts agree"]),
    ("But critics say it fails.", ["critics say"]),
])
def test_appeals_to_an_unnamed_authority_are_found(text, found):
    assert [a.phrase for a in vague_attributions(text)] == found


@pytest.mark.parametrize("text", [
    "A 2021 Lancet study shows it works.",
    "Stanford researchers found a gap.",
    "U.S. officials say no.",
    "The data show a gap.",
    "These studies suggest a gap.",
    "The survey found that 40% walk.",
    "According to reports by Reuters, sales fell.",
    "Drivers say they like the new lanes.",
    "It is known as the Ring.",
    "Walking is good for children.",
])
def test_named_or_pointed_to_authorities_and_plain_claims_are_not_vague(text):
    assert vague_attributions(text) == []


def test_spans_locate_each_phrase():
    text = "As critics say, it fails."
    [found] = vague_attributions(text)
    assert text[found.start:found.end] == found.phrase == "critics say"


def test_many_texts_at_once_give_what_each_gives():
    texts = ["Walking is fine.", "Studies show it.", "Déjà vu: experts agree.", "", "Some say no."]
    assert [(i, [a.phrase for a in f]) for i, f in vague_attributions_in(texts)] == [
        (1, ["Studies show"]), (2, ["experts agree"]), (4, ["Some say"])]
