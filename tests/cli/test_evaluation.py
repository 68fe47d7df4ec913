"""`argmap eval --explain`, `--format json` and `cruxes --conclusion` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"


def test_explain_says_base_contributions_and_grounded(run):
    result = run("eval", EXAMPLE, "--explain", "ban-cars-downtown")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "The city should ban private cars in the twelve blocks around the square."
    assert lines[1] == ("ban-cars-downtown (conclusion): strength 0.55 by damped quadratic "
                        "energy (after Potyka 2018)")
    assert lines[2] == ("base 0.45: only asserted by the text under review (no outside "
                        "evidence) ('op-ed')")
    # the second reason counts half: it moves the conclusion less than the first
    assert lines[4:6] == ["  +0.09  air-to-ban: strong, from ban-cleans-air; worth 0.52",
                          "  +0.06  business-to-ban: moderate, from business-grows; worth 0.35"]
    assert "  -0.08  disabled-objection: moderate, from excludes-disabled; worth 0.23" in lines
    assert lines[-1] == "grounded: IN, every attack on it is defeated"


def test_explain_names_the_attack_that_defeats_an_out_claim(run):
    result = run("eval", EXAMPLE, "--explain", "excludes-disabled")
    assert result.output.splitlines()[-1] == (
        "grounded: OUT, defeated by exemptions-answer from access-exemptions: an attack "
        "nothing defeats")


def test_explain_follows_the_chosen_semantics(run):
    result = run("eval", EXAMPLE, "--explain", "ban-cars-downtown", "--semantics", "dfquad")
    assert "strength 0.83 by DF-QuAD (Rago et al. 2016)" in result.output


def test_explain_of_an_unknown_claim_is_a_usage_error(run):
    result = run("eval", EXAMPLE, "--explain", "nope")
    assert result.exit_code == 2 and "no claim 'nope' in this map" in result.stderr


def test_explain_as_json(run):
    data = json.loads(run("eval", EXAMPLE, "--explain", "excludes-disabled",
                          "--format", "json").output)
    assert data["claim"] == "excludes-disabled" and data["conclusion"] is False
    assert data["base"] == {"score": 0.4, "level": "unsourced", "source": None,
                            "why": "no evidence cited"}
    assert data["grounded"] == "OUT"
    assert data["defeaters"] == [{"link": "exemptions-answer", "from": ["access-exemptions"]}]
    assert [c["link"] for c in data["contributions"]] == ["exemptions-answer"]


def test_eval_as_json_lists_every_claim_with_base_and_label(run):
    result = run("eval", EXAMPLE, "--format", "json")
    data = json.loads(result.output)
    assert data["semantics"] == "damped" and data["cyclic"] is False
    first = data["claims"][0]
    assert first["id"] == "ban-cars-downtown" and first["conclusion"] is True
    assert round(first["strength"], 2) == 0.55 and first["base_level"] == "asserted"
    assert len(data["claims"]) == 14
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["excludes-disabled"]["grounded"] == "OUT"
    assert by_id["no2-over-limit"]["base_level"] == "confidence"


def test_eval_as_json_with_what_if_gives_the_values_without(run):
    data = json.loads(run("eval", EXAMPLE, "--what-if", "ban-cleans-air",
                          "--format", "json").output)
    by_id = {c["id"]: c for c in data["claims"]}
    assert data["what_if"] == ["ban-cleans-air"]
    assert by_id["ban-cleans-air"]["without"] is None
    assert round(by_id["ban-cars-downtown"]["without"], 2) == 0.46


@pytest.mark.parametrize("semantics", ["dfquad", "euler", "quadratic"])
def test_other_semantics_give_other_strengths(run, semantics):
    data = json.loads(run("eval", EXAMPLE, "--semantics", semantics, "--format", "json").output)
    expected = {"dfquad": 0.83, "euler": 0.57, "quadratic": 0.63}[semantics]
    assert data["semantics"] == semantics
    assert round(data["claims"][0]["strength"], 2) == expected


def test_cruxes_as_json(run):
    data = json.loads(run("cruxes", EXAMPLE, "--top", "1", "--format", "json").output)
    assert data["conclusions"] == ["ban-cars-downtown"]
    (top,) = data["cruxes"]
    assert top["rank"] == 1 and top["claim"] == "ban-cleans-air"
    assert round(top["drop"], 2) == 0.09
    assert top["drop"] == pytest.approx(top["before"] - top["after"])


def test_cruxes_of_a_premise_is_refused_with_the_conclusions_named(run):
    result = run("cruxes", EXAMPLE, "--conclusion", "ban-cleans-air")
    assert result.exit_code == 2
    assert ("'ban-cleans-air' is not a conclusion of this map (it is a premise); its "
            "conclusions: ban-cars-downtown") in result.stderr


def test_cruxes_of_one_conclusion(run):
    result = run("cruxes", EXAMPLE, "--conclusion", "ban-cars-downtown", "--top", "1")
    assert result.exit_code == 0
    assert result.output.splitlines()[1].startswith("  1. ban-cleans-air")


def test_grounded_as_json_keeps_the_gradual_strength_beside_the_labels(run):
    data = json.loads(run("eval", EXAMPLE, "--semantics", "grounded", "--format", "json").output)
    assert data["semantics"] == "grounded" and data["gradual"] == "damped"
    assert {c["grounded"] for c in data["claims"]} == {"IN", "OUT"}


def test_no_control_character_of_a_map_reaches_the_terminal(run, tmp_path):
    path = tmp_path / "escape.yaml"
    path.write_text('argmap: 1\ntitle: t\nclaims:\n  - id: c\n    kind: conclusion\n'
                    '    text: "Red \\e[31malert\\e[0m here"\n', encoding="utf-8")
    for args in ([], ["--explain", "c"], ["--semantics", "grounded"]):
        result = run("eval", path, *args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "alert" in result.output


def test_eval_and_cruxes_print_without_running_a_lint_rule(run, monkeypatch):
    import argmap.analysis.analysis as module

    def refuse(*args):
        raise AssertionError("a lint rule ran")

    monkeypatch.setattr(module, "run_rules", refuse)
    for args in ([], ["--format", "json"], ["--explain", "ban-cars-downtown"],
                 ["--what-if", "ban-cleans-air"], ["--semantics", "grounded"]):
        result = run("eval", EXAMPLE, *args)
        assert result.exit_code == 0 and "ban-cars-downtown" in result.output, args
    assert "ban-cleans-air" in run("cruxes", EXAMPLE).output
