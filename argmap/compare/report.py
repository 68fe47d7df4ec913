"""A comparison printed for people: plain text, Markdown, and one CSV row per student map.

Every claim text goes through :func:`argmap.compare.feedback.plain` (no control characters, one
line), and CSV cells that a spreadsheet would run as a formula are defused.

>>> row_fields()[:4]
['file', 'score', 'claims_matched', 'claims_total']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from argmap.compare.comparison import Comparison
from argmap.compare.feedback import plain
from argmap.compare.scoring import WEIGHTS

_PROBLEM_WORDS = {
    "present": "present",
    "wrong-type": "wrong type",
    "split": "linked premises split up",
    "premises-differ": "premises differ",
    "wrong-target": "wrong target",
    "missing": "missing",
    "extra": "extra",
}


def _short(text: str, width: int = 60) -> str:
    text = plain(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _parts(result: Comparison) -> str:
    g = result.grade
    shown = [f"{name} {value:.2f}" for name, value in
             (("claims", g.claims), ("links", g.links), ("focus", g.focus)) if value is not None]
    return ", ".join(shown)


def _link_label(result: Comparison, model_id: str | None, student: tuple[str, ...]) -> str:
    return model_id if model_id is not None else "(yours) " + ", ".join(student)


def text(result: Comparison, model_path: str, student_path: str) -> str:
    """The comparison as lines for a terminal."""
    model, student = result.model, result.student
    theirs = {c.id: c for c in student.claims}
    total = sum(1 for v in result.links if v.model is not None)
    lines = [f"{plain(student_path)} against {plain(model_path)}: score {result.score:.3f} "
             f"({_parts(result)})",
             f"claims: {len(result.pairs)} of {len(model.claims)} matched, "
             f"{len(result.missing)} missing, {len(result.extra)} extra; "
             f"links: {result.count('present')} of {total} present", "", "Claims:"]
    pairs = {p.model: p for p in result.pairs}
    for claim in model.claims:
        if claim.id in pairs:
            p = pairs[claim.id]
            flag = ", opposite?" if p.opposite else ""
            lines.append(f"  matched  {claim.id} = {p.student} ({p.similarity:.2f}{flag}): "
                         f"{_short(theirs[p.student].text)}")
        else:
            lines.append(f"  missing  {claim.id}: {_short(claim.text)}")
    for sid in result.extra:
        lines.append(f"  extra    {sid}: {_short(theirs[sid].text)}")
    if result.links:
        lines += ["", "Links:"]
        for v in result.links:
            found = f" (yours: {', '.join(v.student)})" if v.student and v.model else ""
            lines.append(f"  {_PROBLEM_WORDS[v.problem]:<25} "
                         f"{_link_label(result, v.model, v.student)}{found}")
    lines += ["", "Feedback:", *(f"  - {s}" for s in result.feedback)]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return plain(value).replace("|", "\\|")


def markdown(result: Comparison, model_path: str, student_path: str) -> str:
    """The comparison as a Markdown page: score, claims table, links table, feedback."""
    model, student = result.model, result.student
    theirs = {c.id: c for c in student.claims}
    pairs = {p.model: p for p in result.pairs}
    weights = ", ".join(f"{k} {w}" for k, w in WEIGHTS.items())
    out = [f"# {_cell(student_path)} against {_cell(model_path)}", "",
           f"**Score: {result.score:.3f}** ({_parts(result)}; weights {weights})", "",
           "## Feedback", "", *(f"- {s}" for s in result.feedback), "",
           "## Claims", "", "| model claim | student claim | similarity | text |",
           "|---|---|---|---|"]
    for claim in model.claims:
        p = pairs.get(claim.id)
        if p:
            flag = " (opposite?)" if p.opposite else ""
            out.append(f"| `{claim.id}` | `{p.student}` | {p.similarity:.2f}{flag} | "
                       f"{_cell(_short(theirs[p.student].text))} |")
        else:
            out.append(f"| `{claim.id}` | **missing** | | {_cell(_short(claim.text))} |")
    for sid in result.extra:
        out.append(f"| **extra** | `{sid}` | | {_cell(_short(theirs[sid].text))} |")
    if result.links:
        out += ["", "## Links", "", "| model link | verdict | student link(s) |", "|---|---|---|"]
        for v in result.links:
            ident = f"`{v.model}`" if v.model else "**extra**"
            out.append(f"| {ident} | {_PROBLEM_WORDS[v.problem]} | "
                       f"{', '.join(f'`{s}`' for s in v.student)} |")
    return "\n".join(out) + "\n"


_COUNTS = ("wrong-type", "split", "premises-differ", "wrong-target", "missing")


def row_fields() -> list[str]:
    """The columns of the CSV, one row per student map."""
    return ["file", "score", "claims_matched", "claims_total", "claims_missing",
            "claims_extra", "links_present", "links_total",
            *(f"links_{p.replace('-', '_')}" for p in _COUNTS), "links_extra", "error"]


def row(path: str, result: Comparison | None, error: str = "") -> dict[str, Any]:
    """One student map's CSV row; a map that could not be read has only its file and error."""
    data: dict[str, Any] = dict.fromkeys(row_fields(), "")
    data["file"], data["error"] = path, error
    if result is not None:
        data.update(
            score=f"{result.score:.3f}", claims_matched=len(result.pairs),
            claims_total=len(result.model.claims), claims_missing=len(result.missing),
            claims_extra=len(result.extra), links_present=result.count("present"),
            links_total=sum(1 for v in result.links if v.model is not None),
            links_extra=result.count("extra"),
            **{f"links_{p.replace('-', '_')}": result.count(p) for p in _COUNTS})
    return data


def _defused(value: Any) -> Any:
    """A text cell made safe for spreadsheets: no control characters, no leading = + - @."""
    if not isinstance(value, str):
        return value
    value = plain(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=row_fields(), lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _defused(v) for k, v in r.items()})
    return buffer.getvalue()


def _ratio(r: dict[str, Any], part: str) -> str:
    return f"{r[part + '_matched' if part == 'claims' else part + '_present']}/{r[part + '_total']}"


def folder_text(rows: Iterable[dict[str, Any]]) -> str:
    """One line per student map: its score and counts, or why it was not graded."""
    lines = []
    for r in rows:
        if r["error"]:
            lines.append(f"{plain(r['file'])}: not graded: {plain(r['error'])}")
        else:
            lines.append(f"{plain(r['file'])}: score {r['score']} (claims {_ratio(r, 'claims')},"
                         f" links {_ratio(r, 'links')})")
    return "\n".join(lines) + "\n"


def folder_markdown(rows: Iterable[dict[str, Any]]) -> str:
    """A Markdown table, one row per student map."""
    out = ["| file | score | claims | links | error |", "|---|---|---|---|---|"]
    for r in rows:
        graded = not r["error"]
        out.append(f"| {_cell(r['file'])} | {r['score']} | "
                   f"{_ratio(r, 'claims') if graded else ''} | "
                   f"{_ratio(r, 'links') if graded else ''} | {_cell(r['error'])} |")
    return "\n".join(out) + "\n"
