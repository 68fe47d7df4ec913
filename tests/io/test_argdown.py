"""Argdown: reading the syntax a user writes, writing what the Argdown tools accept, round trips."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io import load_map, loads_map
from argmap.io.formats import argdown

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interop"
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def read_fixture(name: str):
    path = FIXTURES / name
    return argdown.read(path.read_text(encoding="utf-8"), str(path))


def dump(amap) -> dict:
    return amap.model_dump(mode="json", by_alias=True)


def link(amap, premises: set[str], target: str):
    return next(lk for lk in amap.links if set(lk.from_) == premises and lk.to == target)


def test_example_round_trip_keeps_everything():
    amap = load_map(EXAMPLE)
    text, dropped = argdown.write(amap)
    back, skipped = argdown.read(text, "car.argdown")
    assert dropped == [] and skipped == []
    assert dump(back) == dump(amap)


def test_writer_uses_argdown_syntax_for_links():
    text, _ = argdown.write(load_map(EXAMPLE))
    # a linked argument as a premise-conclusion structure with its warrant as inference rule
    assert "<air-argument>" in text
    assert "(1) [no2-over-limit]\n(2) [traffic-main-no2-source]" in text
    assert "-- If traffic causes most of the excess pollution" in text
    # an attack and an undercut as Argdown relations
    assert "<disabled-objection>\n    -> [ban-cars-downtown]" in text
    assert "<toronto-undercut>\n    _> <toronto-to-business>" in text


def test_statements_become_claims_with_slug_ids_and_titles_kept():
    amap, _ = read_fixture("later-school-start.argdown")
    start = amap.claim("later-start")
    assert start.text == "Secondary schools should start at 9:30 instead of 8:00."
    assert start.note == "Argdown title: Later start"
    assert start.kind == "conclusion"
    assert start.tags == ["health", "policy"]  # the heading's section, then the #tag
    assert amap.claim("afternoon-sports").tags == ["costs"]
    assert amap.title == "Should secondary schools start at 9:30?"


def test_relations_in_both_directions_and_nested():
    amap, _ = read_fixture("later-school-start.argdown")
    assert link(amap, {"sleep"}, "later-start").type == "supports"  # `+` under the parent
    assert link(amap, {"buses"}, "later-start").type == "attacks"  # `-`
    assert link(amap, {"staggered-buses"}, "buses").type == "attacks"  # nested `<-`
    assert link(amap, {"status-quo"}, "later-start").type == "attacks"  # `->` from the parent
    assert link(amap, {"sleep"}, "mood").type == "supports"  # `+>` from the parent
    assert amap.claim("melatonin").text.startswith("Teenagers' body clocks shift later")


def test_premise_conclusion_structure_is_a_linked_argument():
    amap, _ = read_fixture("later-school-start.argdown")
    grades = amap.link("grades")
    assert grades.from_ == ["rested", "sleep"] and grades.to == "later-start"
    assert grades.type == "supports" and grades.strength == "strong"
    assert grades.warrant == "Inference to the best explanation"
    assert grades.note == "Rested students learn more."


def test_attacking_argument_and_undercut():
    amap, _ = read_fixture("later-school-start.argdown")
    clash = amap.link("sports-clash")
    assert clash.type == "attacks" and clash.to == "later-start"
    assert clash.from_ == ["afternoon-sports", "dark-is-unsafe"]
    assert not any(c.text.startswith("Not:") for c in amap.claims)
    assert link(amap, {"floodlights"}, "sports-clash").type == "attacks"  # `_>` from the parent
    assert link(amap, {"indoor-halls"}, "sports-clash").type == "attacks"  # `_` under it
    assert link(amap, {"confound"}, "grades").type == "attacks"  # `<_` under it


def test_skipped_lines_are_listed_with_their_numbers():
    _, skipped = read_fixture("later-school-start.argdown")
    assert "line 47: contradiction read as two attacks" in skipped
    assert any(s.startswith("line 51: a support of a whole argument") for s in skipped)


def test_comments_are_not_read():
    amap, _ = read_fixture("later-school-start.argdown")
    assert not any("fixture" in c.text for c in amap.claims)


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("pcs-without-conclusion.argdown", 7, "ends without a conclusion"),
        ("relation-after-blank-line.argdown", 3, "a relation needs the element"),
        ("unclosed-front-matter.argdown", 1, "never closed"),
    ],
)
def test_malformed_files_fail_with_line_numbers(name, line, words):
    with pytest.raises(MapLoadError) as info:
        read_fixture(name)
    problem = info.value.problems[0]
    assert problem.line == line and words in problem.message
    assert problem.path.endswith(name)


TRICKY = r"""
title: "Tricky = map {x}"
claims:
  - id: a
    text: 'See [x]: <y> and #tag {z} // no comment /* nor this */ *bold* _it_ @[m] === a\b'
    kind: conclusion
    tags: ["two words", plain, "odd)tag"]
    note: "a } b {c} --"
  - id: b_c.d
    text: "(1) looks like a premise -- with dashes, commas, and > signs"
  - id: e
    text: "https://example.org/x is a web address"
links:
  - id: l-1
    from: [b_c.d, e]
    to: a
    warrant: "if --x-- then {y} // z"
  - from: e
    to: l-1
    type: attacks
    note: "undercut <here>"
"""


def test_special_characters_are_escaped_and_read_back():
    amap = loads_map(TRICKY, "yaml")
    text, dropped = argdown.write(amap)
    assert r"See \[x\]: \<y\> and \#tag \{z\} \// no comment" in text
    back, skipped = argdown.read(text, "tricky.argdown")
    assert dropped == [] and skipped == []
    assert dump(back)["claims"] == dump(amap)["claims"]
    assert [(lk.from_, lk.to, lk.type, lk.warrant) for lk in back.links] == [
        (lk.from_, lk.to, lk.type, lk.warrant) for lk in amap.links]


def test_a_support_of_a_link_is_reported_as_dropped():
    amap = loads_map("title: t\nclaims: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]\n"
                     "links: [{id: ab, from: a, to: b}, {id: cab, from: c, to: ab}]\n", "yaml")
    text, dropped = argdown.write(amap)
    assert "<cab>" not in text
    assert dropped == ["supports of a link have no Argdown form; left out with the links that "
                       "attack them: 1 link: cab"]


@pytest.mark.skipif(shutil.which("argdown") is None, reason="the Argdown CLI is not installed "
                    "(npm install -g @argdown/cli)")
def test_argdown_cli_reads_what_we_write(tmp_path):
    source = tmp_path / "car.argdown"
    source.write_text(argdown.write(load_map(EXAMPLE)).text, encoding="utf-8")
    subprocess.run(["argdown", "json", str(source), str(tmp_path)], check=True,
                   capture_output=True)
    data = json.loads((tmp_path / "car.json").read_text(encoding="utf-8"))
    assert len(data["arguments"]) == len(load_map(EXAMPLE).links)
    assert data["statements"]["ban-cars-downtown"]["members"][0]["text"].startswith("The city")


def test_front_matter_may_hold_comment_marks():
    amap = loads_map('title: "See https://example.org /* and <!-- this"\n'
                     "claims: [{id: a, text: A}]\n", "yaml")
    back, _ = argdown.read(argdown.write(amap).text, "t.argdown")
    assert back.title == amap.title


def test_an_argument_concluding_its_own_premise_is_skipped():
    amap, skipped = argdown.read("<Loop>\n\n(1) [A]: a\n----\n(2) [A]\n", "loop.argdown")
    assert amap.links == []
    assert skipped == ["line 4: <Loop> concludes one of its own premises; skipped"]


TEXT = st.text(alphabet=st.sampled_from(list("ab xy[]<>{}#*_@/\\=-+():,.'\"!é→")), min_size=1,
               max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXT, min_size=2, max_size=4), warrant=TEXT, note=TEXT,
       attack=st.booleans())
def test_any_text_survives_the_round_trip(texts, warrant, note, attack):
    claims = [{"id": f"c{i}", "text": t} for i, t in enumerate(texts)]
    links = [{"id": "l-a", "from": ["c0"], "to": "c1", "warrant": warrant, "note": note,
              "type": "attacks" if attack else "supports"}]
    if len(texts) > 2:
        links.append({"id": "l-b", "from": ["c2"], "to": "l-a", "type": "attacks"})
    amap = loads_map(json.dumps({"title": texts[0], "claims": claims, "links": links}), "json")
    back, skipped = argdown.read(argdown.write(amap).text, "t.argdown")
    assert skipped == []
    assert dump(back) == dump(amap)


def test_bad_data_is_reported_at_its_line():
    with pytest.raises(MapLoadError) as info:
        argdown.read("[A]: text {kind: opinion}\n\n[B]: other {confidence: 3}\n", "bad.argdown")
    assert [(p.line, p.message.split(":")[0]) for p in info.value.problems] == [
        (1, "claim 'a'"), (3, "claim 'b'")]


@pytest.mark.parametrize("comment", ["// the next one is key", "/* the next one */",
                                     "<!-- the next one -->"])
def test_a_comment_line_between_relations_keeps_them_together(comment):
    text = ("[Ban]: Cities should ban cars downtown.\n"
            "    + [Air]: Cars foul the air.\n"
            f"    {comment}\n"
            "    - [Trade]: Shops lose trade.\n")
    amap, skipped = argdown.read(text, "c.argdown")
    kinds = sorted((lk.premises[0], lk.type, lk.to) for lk in amap.links)
    assert kinds == [("air", "supports", "ban"), ("trade", "attacks", "ban")]
    assert skipped == []


def test_a_relation_text_over_two_lines_inside_a_structure_keeps_both_lines_and_tags():
    text = ("<Clean air>\n\n"
            "(1) [Air]: Cars foul the air.\n"
            "    - [Electric]: Electric cars do not foul the air\n"
            "      and they are spreading fast. #tech\n"
            "----\n"
            "(2) [Ban]: Cities should ban cars downtown.\n")
    amap, skipped = argdown.read(text, "m.argdown")
    electric = amap.claim("electric")
    assert electric.text == "Electric cars do not foul the air and they are spreading fast."
    assert "tech" in electric.tags
    assert not any("skipped" in line and "line 5" in line for line in skipped)


def test_a_relation_nested_under_a_relation_of_a_premise_attaches_to_its_parent():
    text = ("<Clean air>\n\n"
            "(1) [Air]: Cars foul the air.\n"
            "    - [Electric]: Electric cars do not foul the air.\n"
            "        - [Tyres]: Electric cars still shed tyre dust.\n"
            "----\n"
            "(2) [Ban]: Cities should ban cars downtown.\n")
    amap, _ = argdown.read(text, "n.argdown")
    into = {lk.premises[0]: (lk.type, lk.to) for lk in amap.links}
    assert into["electric"] == ("attacks", "air")
    assert into["tyres"] == ("attacks", "electric")


def test_schemes_answers_and_who_said_what_survive_an_argdown_round_trip():
    from argmap.model import ArgumentMap

    amap = ArgumentMap.model_validate({"title": "t", "claims": [
        {"id": "ban", "text": "Cities should ban cars downtown.", "kind": "conclusion"},
        {"id": "planner", "text": "The city planner says bans cut pollution.",
         "said": [{"text": "Kim : bans cut pollution", "speaker": "Kim", "act": "Asserting"}]},
        {"id": "lobby", "text": "The planner is paid by a cycling lobby.", "kind": "rebuttal"}],
        "links": [{"id": "expert", "from": "planner", "to": "ban", "scheme": "expert-opinion",
                   "answered": {"CQ1": "chief planner"}},
                  {"id": "bias", "from": "lobby", "to": "expert", "type": "attacks",
                   "answers": ["CQ4"]}]})
    text, dropped = argdown.write(amap)
    back, _ = argdown.read(text, "back.argdown")
    assert back.link("expert").scheme == "expert-opinion"
    assert back.link("expert").answered == {"CQ1": "chief planner"}
    assert back.link("bias").answers == ["CQ4"]
    assert back.claim("planner").said == amap.claim("planner").said
