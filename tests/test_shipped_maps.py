"""The maps shipped in maps/: each loads and keeps the structure a reader relies on.

These guard the analysis of the two source articles (every claim taken from a text is located in
it, quotes stay short, the design's worked example is there) without reading the articles
themselves, which are not part of the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import analyse
from argmap.graph import build_graph
from argmap.io import load_map
from argmap.model import ArgumentMap
from argmap.render.outline import outline_markdown

MAPS_DIR = Path(__file__).parent.parent / "maps"
SHIPPED = sorted(MAPS_DIR.glob("*.yaml"))
MAX_QUOTE_WORDS = 25

# The article's section headings (short titles, not article text): every section must be mapped.
CHINA_CATCHING_UP_SECTIONS = (
    "The New Bipolarity in Global Compute",
    "The Parity of Large Language Models",
    "Exporting the Algorithmic State",
    "A Tale of Two Developer Hubs",
    "The Hidden Price of Automated Governance",
    "The Hardware Moat and Integration Hurdles",
    "The Shifting Balance of Power",
)
CORE_PERSPECTIVES_PARAGRAPHS = 8


def load(name: str) -> ArgumentMap:
    return load_map(MAPS_DIR / name)


def citations(amap: ArgumentMap):
    """(owner id, citation) for every citation on a claim or a link."""
    for claim in amap.claims:
        for cit in claim.evidence:
            yield claim.id, cit
    for link in amap.links:
        for cit in link.evidence:
            yield link.ident, cit


def supports_graph(amap: ArgumentMap) -> nx.DiGraph:
    """Claim-to-claim edges along support links only (premise -> target claim)."""
    g = nx.DiGraph()
    claim_ids = {c.id for c in amap.claims}
    for link in amap.links:
        if link.type == "supports" and link.to in claim_ids:
            g.add_edges_from((p, link.to) for p in link.from_)
    return g


def test_all_three_maps_are_shipped():
    names = {p.name for p in SHIPPED}
    assert {"china-catching-up.yaml", "core-perspectives.yaml", "us-china-ai-debate.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
class TestEveryShippedMap:
    def test_loads_with_claims_and_links(self, path):
        amap = load_map(path)
        assert amap.claims and amap.links

    def test_has_a_conclusion_with_support(self, path):
        amap = load_map(path)
        conclusions = [c.id for c in amap.claims if c.kind == "conclusion"]
        assert conclusions
        for cid in conclusions:
            assert any(lk.type == "supports" for lk in amap.links_into(cid)), cid

    def test_every_link_endpoint_exists(self, path):
        amap = load_map(path)
        claims = {c.id for c in amap.claims}
        links = {lk.ident for lk in amap.links}
        for link in amap.links:
            assert set(link.from_) <= claims, link.ident
            assert link.to in claims | links, link.ident

    def test_every_claim_is_joined_to_the_argument(self, path):
        amap = load_map(path)
        g = build_graph(amap)
        orphans = [c.id for c in amap.claims if g.degree(c.id) == 0]
        assert orphans == []

    def test_citations_of_a_text_are_located(self, path):
        amap = load_map(path)
        unlocated = [owner for owner, cit in citations(amap)
                     if (cit.source in amap.subject or cit.quote) and not cit.locator]
        assert unlocated == []

    def test_quotes_are_short(self, path):
        amap = load_map(path)
        long_quotes = [(owner, len(cit.quote.split())) for owner, cit in citations(amap)
                       if cit.quote and len(cit.quote.split()) >= MAX_QUOTE_WORDS]
        assert long_quotes == []

    def test_claims_are_not_pasted_quotes(self, path):
        amap = load_map(path)

        def words(text: str) -> str:
            return " ".join(re.findall(r"[a-z0-9]+", text.lower()))

        pasted = [c.id for c in amap.claims for cit in c.evidence
                  if cit.quote and len(cit.quote.split()) >= 6
                  and words(cit.quote) in words(c.text)]
        assert pasted == []

    def test_claims_without_a_citation_say_who_raised_them(self, path):
        amap = load_map(path)
        supported = {lk.to for lk in amap.links if lk.type == "supports"}
        unattributed = [c.id for c in amap.claims
                        if c.kind in ("rebuttal", "assumption") and not c.evidence
                        and c.id not in supported  # e.g. a contention resting on its cards
                        and "analyst" not in (c.note or "").lower()]
        assert unattributed == []


@pytest.mark.parametrize("name", ["china-catching-up.yaml", "core-perspectives.yaml"])
def test_article_maps_cite_their_subject(name):
    amap = load(name)
    assert len(amap.subject) == 1
    subject = amap.source(amap.subject[0])
    assert subject.kind == "article" and subject.title
    assert subject.text is None  # the articles are not in the repository
    cited = {cit.source for _, cit in citations(amap)}
    assert amap.subject[0] in cited
    assert any(c.kind == "assumption" for c in amap.claims)  # implicit premises are made explicit


def test_china_catching_up_maps_every_section():
    amap = load("china-catching-up.yaml")
    locators = [cit.locator or "" for _, cit in citations(amap) if cit.source in amap.subject]
    missing = [s for s in CHINA_CATCHING_UP_SECTIONS
               if not any(loc.startswith(s) for loc in locators)]
    assert missing == []


def test_core_perspectives_maps_every_paragraph():
    amap = load("core-perspectives.yaml")
    locators = {cit.locator for _, cit in citations(amap) if cit.source in amap.subject}
    expected = {f"para {n}" for n in range(1, CORE_PERSPECTIVES_PARAGRAPHS + 1)}
    assert expected <= locators


def test_named_sources_back_the_claims_that_rest_on_them():
    amap = load("china-catching-up.yaml")
    backed = {cit.source: owner for owner, cit in citations(amap)}
    assert backed["stanford-hai"] == "hai-research-rivals"
    assert backed["reuters"] == "infrastructure-diplomacy"
    assert not amap.is_evidence(amap.claim("bifurcation").evidence[0])


def test_design_example_chain_reaches_the_final_conclusion():
    """'Transformers hit a ceiling' -> 'the US path depends on AGI' -> the article's verdict."""
    amap = load("core-perspectives.yaml")
    direct = [lk for lk in amap.links_into("us-path-depends-on-agi")
              if lk.type == "supports" and "transformer-ceiling" in lk.from_]
    assert direct, "transformer-ceiling must support us-path-depends-on-agi"
    final = amap.claim("china-bridges-gap")
    assert final.kind == "conclusion"
    assert nx.has_path(supports_graph(amap), "us-path-depends-on-agi", final.id)


def test_each_article_map_is_attacked_from_the_other_article():
    for name, other in (("china-catching-up.yaml", "core-perspectives"),
                        ("core-perspectives.yaml", "china-catching-up")):
        amap = load(name)
        cross = [lk for lk in amap.links if lk.type == "attacks"
                 and any(cit.source == other for p in lk.from_ for cit in amap.claim(p).evidence)]
        assert cross, name


def debate_case():
    amap = load("us-china-ai-debate.yaml")
    (resolution,) = [c for c in amap.claims if c.kind == "conclusion"]
    into = amap.links_into(resolution.id)
    return amap, resolution, into


def test_debate_case_has_both_sides_and_answers():
    amap, _, into = debate_case()
    assert amap.subject == []  # every citation is an evidence card
    affirmative = [lk for lk in into if lk.type == "supports"]
    negative = [lk for lk in into if lk.type == "attacks"]
    assert len(affirmative) >= 3 and len(negative) >= 3
    for link in negative:  # each negative contention is answered
        (contention,) = link.from_
        assert any(lk.type == "attacks" for lk in amap.links_into(contention)), contention


def test_debate_contentions_on_both_sides_are_backed_alike():
    """No contention cites a source itself; each rests on two or more card claims."""
    amap, _, into = debate_case()
    premises = [p for lk in into for p in lk.from_]
    assert any(p.startswith("aff-") for p in premises)
    assert any(p.startswith("neg-") for p in premises)
    for premise in premises:
        assert amap.claim(premise).evidence == [], premise
        cards = [p for lk in amap.links_into(premise) if lk.type == "supports" for p in lk.from_]
        assert len(cards) >= 2, premise
        assert all(c.startswith("card-") and len(amap.claim(c).evidence) == 1 for c in cards)


def test_every_debate_answer_carries_a_card_or_is_marked_analytic():
    amap, _, into = debate_case()
    contentions = {p for lk in into for p in lk.from_}
    answers = {p for lk in amap.links if lk.type == "attacks" for p in lk.from_} - contentions
    assert len(answers) >= 15
    bare = [c for c in sorted(answers)
            if not amap.claim(c).evidence and "analytic" not in amap.claim(c).tags]
    assert bare == []
    analytic = [c for c in answers if "analytic" in amap.claim(c).tags]
    assert analytic and all(not amap.claim(c).evidence for c in analytic)


def test_debate_case_contests_the_time_frame_and_files_cards_where_they_belong():
    amap, resolution, into = debate_case()
    timed = [p for lk in into if lk.type == "attacks" for p in lk.from_
             if "time-frame" in amap.claim(p).tags]
    assert timed, "a negative contention must contest 'within the next decade'"
    assert any(lk.type == "attacks" for lk in amap.links_into(timed[0]))  # and it is answered
    # AGI failing is the consequence the 'only card' half rests on, not evidence of a long shot
    targets = {lk.to for lk in amap.links if "card-no-agi-china-closes" in lk.from_}
    assert targets == {"aff-agi-only-card"}
    assert "opposite camps" not in amap.claim("ans-their-source-concedes").text


# --- The audit the checker gives: what a reviewer relies on finding in it -----------------------


def findings_of(name: str) -> set[tuple[str, str]]:
    return {(f.code, f.target) for f in analyse(load(name)).findings}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_error_level_finding(path):
    errors = [f for f in analyse(load_map(path)).findings if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_waiver_gives_its_reason(path):
    amap = load_map(path)
    waivers = [(owner.id or "", code, why) for owner in (*amap.claims, *amap.links)
               for code, why in owner.ignore.items()]
    assert all(len(why.split()) >= 5 for _, _, why in waivers), waivers


def test_the_articles_unsourced_figures_stay_flagged():
    found = findings_of("core-perspectives.yaml")
    for claim_id in ("dji-share", "open-models-usage-share", "oceanbase-performance",
                     "editing-video-share", "unitree-g1-specs", "ides-lag-complex"):
        assert ("AM102", claim_id) in found, claim_id


def test_sources_named_without_title_or_date_are_flagged_vague():
    found = findings_of("china-catching-up.yaml")
    assert {("AM110", "stanford-hai"), ("AM110", "reuters")} <= found
    # ... once each: the citations of them (which give no locator either) are not flagged again
    assert not {("AM110", "hai-research-rivals"), ("AM110", "infrastructure-diplomacy")} & found


def test_the_articles_absolute_wording_is_flagged():
    found = findings_of("core-perspectives.yaml")
    for claim_id in ("hardware-scenario-edge", "dji-software-edge", "us-path-depends-on-agi"):
        assert ("AM109", claim_id) in found, claim_id


def test_objections_the_article_leaves_open_are_reported():
    found = findings_of("core-perspectives.yaml")
    assert ("AM105", "no-victory-objection") in found  # from the other article
    assert ("AM105", "apis-undercut") in found  # raised by the analyst
    assert ("AM105", "training-objection") not in found  # answered on the map


def test_debate_outline_reads_as_a_case():
    """The outline a debater speaks from: every contention, every rebuttal with its answer."""
    amap, resolution, into = debate_case()
    text = outline_markdown(analyse(amap))
    contentions = [lk for lk in into if lk.type == "supports"]
    assert text.count("### Contention ") == len(contentions) == 5
    for link in contentions:
        for premise in link.from_:
            assert amap.claim(premise).text.strip() in text, premise
    rebuttals = text.split("### Rebuttals to expect", 1)[1]
    for link in into:
        if link.type == "attacks":
            assert amap.claim(link.from_[0]).text.strip() in rebuttals, link.ident
    numbered = re.findall(r"^\d+\. \*\*", rebuttals, re.M)
    answers = re.findall(r"^\s+- \*\*Answer:\*\*", rebuttals, re.M)
    assert len(answers) >= len(numbered) > 0
    # the last exchange on the moat: the negative's reply and the affirmative's answer to it
    assert "**Their reply:** " + amap.claim("neg-compute-compounds").text.strip() in rebuttals
    assert "**Answer:** " + amap.claim("ans-chip-not-bottleneck").text.strip() in rebuttals


def test_negative_outline_reads_as_a_case():
    amap, resolution, into = debate_case()
    text = outline_markdown(analyse(amap), side="neg")
    ours = text.split("### Their contentions", 1)[0]
    negative = [lk for lk in into if lk.type == "attacks"]
    assert ours.count("### Contention ") == len(negative) == 4
    for link in negative:
        assert amap.claim(link.from_[0]).text.strip() in ours, link.ident
    assert "> “This has created a hardware moat that is difficult to cross.”" in ours  # a card
    theirs = text.split("### Their contentions: your responses", 1)[1].split("### Rebuttals")[0]
    for link in into:
        if link.type == "supports":
            assert amap.claim(link.from_[0]).text.strip() in theirs, link.ident
    rebuttals = text.split("### Rebuttals to expect", 1)[1]
    assert "**Answer:** " + amap.claim("neg-compute-compounds").text.strip() in rebuttals
    assert "**Their reply:** " + amap.claim("ans-chip-not-bottleneck").text.strip() in rebuttals


def test_no_pile_of_asserted_reasons_carries_a_conclusion_near_certainty():
    """`bifurcation` and `hidden-costs` rest on six and seven reasons the article only asserts:
    they read as moderate, not near-certain (each further reason counts half), and no shipped
    conclusion reads as strong (0.75)."""
    analysis = analyse(load("china-catching-up.yaml"))
    s = analysis.strengths
    for cid in ("bifurcation", "hidden-costs"):
        assert len(analysis.index.supports_into(cid)) >= 6
        assert 0.55 < s[cid] < 0.7
    for path in SHIPPED:
        shipped = analyse(load_map(path))
        assert all(shipped.strengths[c] < 0.75 for c in shipped.conclusions), path.name
