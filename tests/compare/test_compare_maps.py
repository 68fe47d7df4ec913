"""Grading a student's map against the model: what a teacher relies on the result to say."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_copies import as_map, data_of, link, random_data, renamed

from argmap.compare import compare_maps, to_data
from argmap.io import load_map

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "compare"


@pytest.fixture(scope="module")
def model():
    return load_map(EXAMPLE)


def _problems(result):
    return {v.model: v.problem for v in result.links if v.model is not None}


def test_a_map_against_itself_scores_exactly_one(model):
    result = compare_maps(model, load_map(EXAMPLE))
    assert result.score == 1.0
    assert result.matched == {c.id: c.id for c in model.claims}
    assert result.missing == [] and result.extra == []
    assert set(_problems(result).values()) == {"present"}
    assert result.feedback[-1] == "Your map matches the model: every claim and every link is there."


def test_renamed_ids_and_reordered_claims_still_score_one(model):
    copy = as_map(renamed(data_of(EXAMPLE)))
    result = compare_maps(model, copy)
    assert result.score == 1.0
    assert result.matched == {c.id: "s-" + c.id for c in model.claims}
    # the undercut is found through the link it attacks
    toronto = next(v for v in result.links if v.model == "toronto-undercut")
    assert (toronto.problem, toronto.student) == ("present", ("s-toronto-undercut",))


def test_a_paraphrased_map_is_matched_claim_by_claim(model):
    result = compare_maps(model, load_map(FIXTURES / "car-free-paraphrased.yaml"))
    assert result.matched == {
        "ban-cars-downtown": "s-ban", "no2-over-limit": "s-no2",
        "traffic-main-no2-source": "s-traffic-source", "ban-cleans-air": "s-air",
        "pontevedra-cut": "s-pontevedra", "pontevedra-comparable": "s-similar",
        "business-grows": "s-shops", "walkers-spend-more": "s-walkers",
        "toronto-most-not-by-car": "s-toronto", "excludes-disabled": "s-disabled",
        "access-exemptions": "s-exempt", "traffic-displaced": "s-shift",
        "traffic-evaporates": "s-vanish", "different-city": "s-small-city",
    }
    assert result.score == 1.0


def test_the_mistakes_of_a_student_map_are_each_named(model):
    result = compare_maps(model, load_map(FIXTURES / "car-free-mistakes.yaml"))
    assert result.missing == ["pontevedra-comparable", "different-city"]
    assert result.extra == ["nicer"]
    assert _problems(result) == {
        "air-argument": "split", "pontevedra-precedent": "premises-differ",
        "air-to-ban": "present", "spending-to-business": "present",
        "toronto-to-business": "wrong-target", "business-to-ban": "present",
        "disabled-objection": "present", "exemptions-answer": "present",
        "displacement-objection": "present", "evaporation-answer": "wrong-type",
        "toronto-undercut": "missing",
    }
    assert [v.student for v in result.links if v.model is None] == [("b12",)]
    assert 0.7 < result.score < 0.85
    said = "\n".join(result.feedback)
    assert "Your map lacks the unstated assumption “Pontevedra's centre is comparable to our " \
           "downtown”." in said
    assert "work together as one linked argument" in said
    assert "in the model it attacks it." in said
    assert "The model has nothing like your claim “Streets without cars are more pleasant to " \
           "walk in”" in said


def _changed(edit) -> dict:
    data = renamed(data_of(EXAMPLE))
    edit(data)
    return data


def _flip(data):
    link(data, "s-evaporation-answer")["type"] = "supports"


def _retarget(data):
    link(data, "s-spending-to-business")["to"] = "s-ban-cars-downtown"


def _split(data):
    link(data, "s-air-argument")["from"] = ["s-no2-over-limit"]
    data["links"].append({"id": "extra-half", "from": "s-traffic-main-no2-source",
                          "to": "s-ban-cleans-air"})


def _drop(data):
    data["links"].remove(link(data, "s-business-to-ban"))


@pytest.mark.parametrize(("edit", "which", "problem"), [
    (_flip, "evaporation-answer", "wrong-type"),
    (_retarget, "spending-to-business", "wrong-target"),
    (_split, "air-argument", "split"),
    (_drop, "business-to-ban", "missing"),
])
def test_one_link_problem_is_found_and_only_that_one(model, edit, which, problem):
    result = compare_maps(model, as_map(_changed(edit)))
    problems = _problems(result)
    assert problems.pop(which) == problem
    assert set(problems.values()) == {"present"}
    assert result.missing == [] and result.extra == []
    assert 0.9 < result.score < 1.0
    assert len(result.feedback) == 2  # the summary and one sentence about this link


def test_a_left_out_claim_is_missing_with_its_links(model):
    def drop_claim(data):
        data["claims"] = [c for c in data["claims"] if c["id"] != "s-walkers-spend-more"]
        data["links"].remove(link(data, "s-spending-to-business"))

    result = compare_maps(model, as_map(_changed(drop_claim)))
    assert result.missing == ["walkers-spend-more"]
    assert _problems(result)["spending-to-business"] == "missing"
    assert any("People on foot and on bikes visit shops" in s for s in result.feedback)


def test_an_unrelated_map_matches_little(model):
    result = compare_maps(model, load_map(ROOT / "maps" / "china-catching-up.yaml"))
    assert len(result.pairs) <= 1
    assert result.score < 0.1


def test_json_data_has_exactly_the_documented_keys(model):
    data = to_data(compare_maps(model, load_map(FIXTURES / "car-free-mistakes.yaml")))
    assert list(data) == ["score", "matched", "missing", "extra", "links", "feedback"]
    assert data["links"][0] == {"model": "air-argument", "problem": "split",
                                "student": ["b1", "b2"]}
    assert data["links"][-1] == {"model": None, "problem": "extra", "student": ["b12"]}


def test_claims_without_content_words_still_match_themselves():
    data = {"title": "t", "claims": [{"id": "a", "text": "It is what it is."},
                                     {"id": "b", "text": "🚗 ✗"}, {"id": "c", "text": "…"}],
            "links": [{"from": "a", "to": "b"}]}
    result = compare_maps(as_map(data), as_map(data))
    assert result.score == 1.0 and result.matched == {"a": "a", "b": "b", "c": "c"}


def test_empty_maps_agree_and_an_empty_student_map_scores_zero(model):
    empty = as_map({"title": "empty", "claims": []})
    assert compare_maps(empty, empty).score == 1.0
    result = compare_maps(model, empty)
    assert result.score == 0.0 and len(result.missing) == len(model.claims)


def test_feedback_carries_no_control_characters(model):
    data = renamed(data_of(EXAMPLE))
    data["claims"].append({"id": "evil", "text": "Cars\x1b[2J are \u202eevil\x07\nreally"})
    result = compare_maps(model, as_map(data))
    sentence = next(s for s in result.feedback if "evil" in s)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch == "\u202e" for ch in sentence)


def test_a_claim_that_says_the_opposite_is_paired_and_flagged(model):
    def negate(data):
        ban = next(c for c in data["claims"] if c["id"] == "s-ban-cars-downtown")
        ban["text"] = "The city should not ban private cars in the twelve blocks around the square."

    result = compare_maps(model, as_map(_changed(negate)))
    pair = next(p for p in result.pairs if p.model == "ban-cars-downtown")
    assert (pair.student, pair.opposite) == ("s-ban-cars-downtown", True)
    assert [p.model for p in result.pairs if p.opposite] == ["ban-cars-downtown"]
    sentence = next(s for s in result.feedback if "opposite" in s)
    assert sentence.startswith("Your claim “The city should not ban private cars in the twelve")
    assert "” seems to say the opposite of the model's “The city should ban private" in sentence


def test_paraphrases_with_contrasts_are_not_flagged_as_opposites(model):
    for name in ("car-free-paraphrased.yaml", "car-free-mistakes.yaml"):
        result = compare_maps(model, load_map(FIXTURES / name))
        assert not any(p.opposite for p in result.pairs), name


# 203 ... 1190: repeated links undercut differently, once paired with each other's undercuts
@pytest.mark.parametrize("seed", [*range(40), 203, 217, 694, 765, 1190])
def test_random_maps_score_one_against_a_renamed_copy_and_never_crash(seed):
    data = random_data(seed)
    model = as_map(data)
    assert compare_maps(model, as_map(renamed(data))).score == 1.0
    other = compare_maps(model, as_map(random_data(seed + 1000)))
    assert 0.0 <= other.score <= 1.0
    assert len(other.pairs) + len(other.missing) == len(model.claims)


@pytest.mark.parametrize("name", ["china-catching-up", "core-perspectives", "us-china-ai-debate"])
def test_each_shipped_map_scores_one_against_a_renamed_reordered_copy(name):
    path = ROOT / "maps" / f"{name}.yaml"
    result = compare_maps(load_map(path), as_map(renamed(data_of(path))))
    assert result.score == 1.0
    assert not result.missing and not result.extra
