"""The reviewer's catches added after AM118: what each finding says, and where it stays quiet."""

from __future__ import annotations

from pathlib import Path

from inline_maps import build

from argmap.analysis import analyse
from argmap.io import load_map

RULE_MAPS = Path(__file__).parents[1] / "fixtures" / "analysis" / "rules"
GOAL = {"id": "goal", "text": "Children should walk to school.", "kind": "conclusion"}
REPORT = {"id": "report", "title": "Child health report", "publisher": "Health office",
          "date": "2024"}


def found(amap, code, **kw) -> dict[str, str]:
    return {f.target: f.message for f in analyse(amap, **kw).findings if f.code == code}


def test_am119_says_when_the_appeal_is_the_quoted_texts():
    messages = found(load_map(RULE_MAPS / "am119-vague-attribution.yaml"), "AM119")
    assert messages["walking-healthy"] == (
        "'walking-healthy' leans on an unnamed authority ('Studies show'): the text does not "
        "say who, so a reader cannot check it.")
    assert "('experts agree' where it is quoted from)" in messages["kids-like-it"]


def test_am119_reads_the_whole_sentence_a_quote_comes_from_when_the_text_is_known(tmp_path):
    text = tmp_path / "essay.txt"
    text.write_text("Walking is fun. Recent data suggests that children\nenjoy the walk. Yes.",
                    encoding="utf-8")
    essay = {"id": "essay", "title": "Why we walk", "author": "A. Student", "date": "2024"}
    quote = {"source": "essay", "locator": "para 1", "quote": "children enjoy the walk"}
    amap = build([GOAL, {"id": "p", "text": "Children enjoy the walk.", "evidence": [quote]}],
                 [{"from": "p", "to": "goal"}], sources=[essay], subject=["essay"])
    assert found(amap, "AM119") == {}
    assert "('Recent data suggests' where it is quoted from)" in found(
        amap, "AM119", source_texts={"essay": text})["p"]


def test_am120_stays_quiet_once_a_ranking_is_cited():
    boast = {"id": "port", "text": "Ours is the largest port in the world."}
    assert "port" in found(build([GOAL, boast], [{"from": "port", "to": "goal"}]), "AM120")
    cited = {**boast, "evidence": [{"source": "report", "locator": "table 1"}]}
    assert found(build([GOAL, cited], [{"from": "port", "to": "goal"}], sources=[REPORT]),
                 "AM120") == {}


def test_am120_leaves_a_word_the_maps_sweeping_words_report_to_am109():
    claim = {"id": "p", "text": "Our schools are incomparable and unrivalled."}
    amap = build([GOAL, claim], [{"from": "p", "to": "goal"}],
                 lint={"sweeping-words": ["incomparable"]})
    assert "'incomparable'" in found(amap, "AM109")["p"]
    assert found(amap, "AM120")["p"].startswith("'p' makes a superlative claim ('unrivalled')")


def test_am121_reports_the_source_texts_flaws_once_with_their_lines():
    messages = found(load_map(RULE_MAPS / "am121-broken-text.yaml"), "AM121")
    assert messages["essay"] == (
        "The text of source 'essay' is damaged: placeholder '[Insert Statistic Here]' (line 3), "
        "doubled word 'is is' (line 5).")
    assert messages["walking-healthy"] == (
        "'walking-healthy' has broken text: empty slot 'In ,', doubled word 'the the'.")


def test_am121_checks_a_source_text_given_on_the_command_line_and_not_its_quotes_again():
    essay = {"id": "essay", "title": "Why we walk", "author": "A. Student", "date": "2024"}
    quote = {"source": "essay", "locator": "para 3", "quote": "it is is quiet"}
    amap = build([GOAL, {"id": "p", "text": "Walking is quiet.", "evidence": [quote]}],
                 [{"from": "p", "to": "goal"}], sources=[essay], subject=["essay"])
    assert found(amap, "AM121") == {"p": "'p' has broken text: doubled word 'is is' in a quote."}
    text = RULE_MAPS / "texts" / "broken-essay.txt"
    messages = found(amap, "AM121", source_texts={"essay": text})
    # the quote's flaw is the essay's: reported once, on the essay
    assert list(messages) == ["essay"] and "doubled word 'is is' (line 5)" in messages["essay"]


def test_am121_checks_quotes_of_sources_with_no_text_and_warrants():
    quote = {"source": "report", "locator": "p. 2", "quote": "walking is is healthy"}
    claim = {"id": "p", "text": "Walking is healthy.", "evidence": [quote]}
    link = {"id": "l", "from": "p", "to": "goal", "warrant": "TODO explain"}
    messages = found(build([GOAL, claim], [link], sources=[REPORT]), "AM121")
    assert messages == {"p": "'p' has broken text: doubled word 'is is' in a quote.",
                        "l": "'l' has broken text: placeholder 'TODO' in the warrant."}


def chain(evidence_on: str | None = None):
    """goal <- a <- b <- c, and goal <- d; the claim named cites the health report."""
    claims = [GOAL, *({"id": c, "text": f"Claim {c}."} for c in "abcd")]
    if evidence_on:
        claims[" abcd".index(evidence_on)]["evidence"] = [{"source": "report", "locator": "p. 1"}]
    links = [{"from": f, "to": t} for f, t in (("a", "goal"), ("b", "a"), ("c", "b"),
                                               ("d", "goal"))]
    return build(claims, links, sources=[REPORT])


def test_am122_reports_the_highest_bare_claim_only_and_names_where_lines_end():
    assert found(chain(), "AM122") == {"goal": (
        "'goal' has reasons, but none of the 4 claims beneath it cites evidence: every line of "
        "support ends in an assertion ('c', 'd').")}


def test_am122_is_quiet_above_evidence_and_reports_the_bare_branch_beside_it():
    assert found(chain("c"), "AM122") == {}  # goal's line through a, b ends in c: sourced
    # d is a single bare premise (AM101's), and the a-b-c line is sourced: nothing to add
    assert found(chain("d"), "AM122") == {"a": (
        "'a' has reasons, but none of the 2 claims beneath it cites evidence: every line of "
        "support ends in an assertion ('c').")}


def test_am122_terminates_on_a_support_cycle():
    claims = [GOAL, "a", "b", "c"]
    links = [{"from": "a", "to": "goal"}, {"from": "b", "to": "a"}, {"from": "a", "to": "b"},
             {"from": "c", "to": "b"}]
    assert list(found(build(claims, links), "AM122")) == ["goal"]


def test_am123_names_the_link_repeated():
    messages = found(load_map(RULE_MAPS / "am123-duplicate-link.yaml"), "AM123")
    assert messages == {"again": "The link 'again' repeats 'both' (the same premises, the same "
                                 "target 'walk-to-school', both supports): the one reason is "
                                 "counted twice."}


def test_am123_tells_a_support_from_an_attack():
    claims = [GOAL, "a"]
    links = [{"from": "a", "to": "goal"}, {"from": "a", "to": "goal", "type": "attacks"}]
    assert found(build(claims, links), "AM123") == {}


def waiver(reason: str, **claim):
    p = {"id": "p", "text": "Walking is healthy.", "ignore": {"AM101": reason}, **claim}
    return build([GOAL, p], [{"from": "p", "to": "goal", "warrant": "W."}], sources=[REPORT])


def test_am124_catches_reasons_the_map_contradicts():
    assert "it cites no evidence (the reason says 'sourced')" in \
        found(waiver("sourced in the report"), "AM124")["p"]
    assert "none of its citations has a quote" in \
        found(waiver("the article's own words"), "AM124")["p"]
    survey = {"id": "survey", "title": "Travel survey", "author": "Council", "date": "2022"}
    cites = [{"source": "report", "locator": "p. 1"}]
    p = {"id": "p", "text": "All pupils walk.", "evidence": cites,
         "ignore": {"AM109": "the survey source says all; see survey, table 2"}}
    amap = build([GOAL, p], [{"from": "p", "to": "goal"}], sources=[REPORT, survey])
    assert found(amap, "AM124") == {"p": (
        "'p' waives AM109 as \"the survey source says all; see survey, table 2\", but it does "
        "not cite 'survey', which the reason names.")}


def test_am124_believes_what_it_cannot_check_and_what_is_negated():
    for reason in ("common ground in this debate", "not sourced anywhere; taken as given",
                   "AM101 already flags it as unsourced"):
        assert found(waiver(reason), "AM124") == {}, reason
