"""The output formats of `check`, and the rule catalogue in docs/findings.md kept in step."""

from __future__ import annotations

import json
import re
from pathlib import Path

from argmap.analysis import RULES, Finding
from argmap.analysis.rules.formats import JSON_SCHEMA, github_line, text_line

DOC = Path(__file__).parents[2] / "docs" / "findings.md"


def test_text_and_github_lines():
    finding = Finding("AM112", "quote-not-found", "error", "c", "Quote 50%, not found:\nhere.", "")
    assert text_line("m.yaml", None, finding) == "m.yaml: AM112 quote-not-found Quote 50%, not " \
        "found:\nhere."
    assert github_line("a,b.yaml", (2, 3), finding) == (
        "::error file=a%2Cb.yaml,line=2,col=3,title=AM112 quote-not-found::"
        "Quote 50%25, not found:%0Ahere.")


def test_docs_describe_every_rule_with_its_severity():
    text = DOC.read_text(encoding="utf-8")
    for code, rule_ in RULES.items():
        assert f"| {code} | {rule_.name} | {rule_.severity} |" in text
        assert f"### {code} {rule_.name} ({rule_.severity})" in text


def test_docs_show_the_json_schema_in_use():
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert json.loads(blocks[-1]) == JSON_SCHEMA
