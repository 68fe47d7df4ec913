"""The output formats of `check`, and the rule catalogue in docs/findings.md kept in step."""

from __future__ import annotations

import json
import re
from pathlib import Path

from argmap.analysis import RULES, Finding
from argmap.analysis.rules.formats import (
    JSON_SCHEMA,
    document,
    file_data,
    github_line,
    text_line,
)
from argmap.errors import Problem
from argmap.jsontext import dumps

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


def test_the_check_document_is_written_as_the_standard_library_writes_it():
    finding = Finding("AM102", "unsourced-statistic", "warning", "c-1",
                      'Says "50%"\tand \u00e9\x01\u2028.', "Cite it \\ here.")
    files = [file_data("a.json", [(finding, (3, 5)), (finding, None)]),
             file_data("b.yaml", None, [Problem("b.yaml", None, None, "cannot read")]),
             file_data("c.yaml", [])]
    doc = document(files)
    assert dumps(doc) == json.dumps(doc, indent=2, ensure_ascii=False)
