"""Argument schemes: the catalogue, what answers a critical question, and the CLI listing."""

from __future__ import annotations

from click.testing import CliRunner

from argmap.analysis import analyse
from argmap.analysis.schemes import catalogue, find_scheme, is_default, question_status
from argmap.cli import app
from argmap.model import ArgumentMap

WALTON = {"expert-opinion", "position-to-know", "cause-to-effect", "correlation-to-cause",
          "analogy", "example", "sign", "consequences", "practical-reasoning",
          "popular-opinion", "verbal-classification"}


def amap(links, extra_claims=()):
    claims = [{"id": "c", "text": "Cities should ban cars downtown.", "kind": "conclusion"},
              {"id": "p", "text": "The planner says car bans cut pollution."},
              {"id": "q", "text": "The planner is paid by a cycling lobby.", "kind": "rebuttal"},
              *extra_claims]
    return ArgumentMap.model_validate({"title": "t", "claims": claims, "links": links})


def test_catalogue_has_the_common_walton_schemes_each_with_questions():
    assert WALTON <= set(catalogue())
    for scheme in catalogue().values():
        assert scheme.questions and all(q.ask.endswith("?") for q in scheme.questions)
        assert [q.id for q in scheme.questions] == [f"CQ{i}" for i in
                                                    range(1, len(scheme.questions) + 1)]


def test_scheme_names_from_aifdb_and_argdown_spellings_are_recognised():
    assert find_scheme("Expert Opinion").key == "expert-opinion"
    assert find_scheme("argument-from-analogy").key == "analogy"
    assert find_scheme("PracticalReasoning").key == "practical-reasoning"
    assert find_scheme("Negative Consequences").key == "consequences"
    assert find_scheme("Argument from vibes") is None
    assert is_default("Default Inference") and not is_default("Analogy")


def test_an_attack_on_a_premise_or_the_link_answers_the_question_it_names():
    m = amap([{"id": "l1", "from": "p", "to": "c", "scheme": "expert-opinion"},
              {"id": "l2", "from": "q", "to": "p", "type": "attacks",
               "answers": "trustworthiness"}])
    status = {s.question.id: s for s in question_status(m, m.links[0])}
    assert status["CQ4"].answered_by == ("l2",) and not status["CQ4"].open
    assert all(status[q].open for q in ("CQ1", "CQ2", "CQ3", "CQ5", "CQ6"))


def test_open_questions_are_findings_named_in_plain_words_and_answered_ones_are_not():
    m = amap([{"id": "l1", "from": "p", "to": "c", "scheme": "expert-opinion",
               "answered": {"CQ1": "chief planner for 20 years", "field": "urban planning",
                            "CQ3": "quoted", "CQ5": "others agree", "CQ6": "cites data"}},
              {"id": "l2", "from": "q", "to": "l1", "type": "attacks", "answers": ["CQ4"]}])
    assert [f for f in analyse(m).findings if f.code == "AM125"] == []
    m = amap([{"id": "l1", "from": "p", "to": "c", "scheme": "expert-opinion"}])
    found = [f for f in analyse(m).findings if f.code == "AM125"]
    assert len(found) == 6 and {f.target for f in found} == {"l1"}
    assert any("Do other experts agree with the claim?" in f.message for f in found)


def test_unknown_scheme_is_kept_as_written_and_reported_once():
    m = amap([{"id": "l1", "from": "p", "to": "c", "scheme": "Argument from Vibes"}])
    assert m.links[0].scheme == "Argument from Vibes"
    found = [f for f in analyse(m).findings if f.code == "AM126"]
    assert [f.target for f in found] == ["l1"] and "Argument from Vibes" in found[0].message
    assert not [f for f in analyse(m).findings if f.code == "AM125"]


def test_answers_naming_no_question_is_reported():
    m = amap([{"id": "l1", "from": "p", "to": "c", "scheme": "analogy"},
              {"id": "l2", "from": "q", "to": "l1", "type": "attacks", "answers": "CQ7"}])
    found = [f for f in analyse(m).findings if f.code == "AM126"]
    assert [f.target for f in found] == ["l2"] and "CQ7" in found[0].message


def test_cli_lists_schemes_and_shows_one_with_its_questions():
    runner = CliRunner()
    listing = runner.invoke(app, ["schemes"])
    assert listing.exit_code == 0 and "expert-opinion" in listing.output
    assert len(listing.output.splitlines()) == len(catalogue())
    one = runner.invoke(app, ["schemes", "Expert Opinion"])
    assert one.exit_code == 0 and "CQ2 (field): Is the source an expert" in one.output
    bad = runner.invoke(app, ["schemes", "vibes"])
    assert bad.exit_code == 2 and "argmap schemes" in bad.output
