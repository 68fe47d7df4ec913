"""The bad-input catalogue: every hostile or broken input tried, and exactly what argmap does.

Each case is a file (a fixture under ``fixtures/``, or generated when it is large) and the outcome
of ``argmap check`` on it: the exit code and the exact lines it prints. ``docs/robustness.md``
holds the table made from this list (``table()``); a test keeps the two identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    """One input and its outcome. ``{file}`` in a line stands for the path given to the CLI."""

    name: str
    what: str  # the input, in a few words, for the docs table
    file: str  # fixture file name (or the name the generated file gets)
    exit_code: int
    stderr: tuple[str, ...] = ()  # the exact error lines, in order
    stdout: tuple[str, ...] = ()  # lines that must appear among the output lines
    make: Callable[[], bytes] | None = None  # generates the file instead of a fixture
    missing: bool = False  # the file does not exist
    test: str = "test_catalogue.py::test_check_in_process"

    def write(self, folder: Path) -> Path:
        """The input file, ready for the CLI: the fixture itself, or generated into ``folder``."""
        if self.missing:
            return folder / self.file
        if self.make is None:
            return FIXTURES / self.file
        path = folder / self.file
        path.write_bytes(self.make())
        return path

    def outcome(self) -> str:
        """The outcome column of the docs table."""
        lines = self.stderr if self.exit_code == 2 else self.stdout
        shown = [line.replace("{file}", self.file) for line in lines]
        if len(shown) > 4:
            shown = shown[:3] + [f"... {len(lines) - 3} more lines, one per wrong field"]
        verdict = "refused, exit 2" if self.exit_code == 2 else f"loads, exit {self.exit_code}"
        body = "<br>".join(_code(line) for line in shown)
        return f"{verdict}: {body}" if body else verdict


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    """``text`` as inline code in a table cell, backticks in it kept."""
    return f"`` {_cell(text)} ``" if "`" in text else f"`{_cell(text)}`"


def nested_json(depth: int) -> bytes:
    return ('{"title": "t", "claims": [], "note":\n  ' + "[" * depth + "]" * depth + "}\n").encode()


def nested_yaml_flow(depth: int) -> bytes:
    return ("title: t\nclaims: []\nnote: " + "[" * depth + "]" * depth + "\n").encode()


def nested_yaml_block(depth: int) -> bytes:
    lines = ["title: t", "claims: []", "note:"]
    lines += ["  " * (i + 1) + "k:" for i in range(depth)]
    return ("\n".join(lines) + "\n").encode()


def large_map(claims: int, fmt: str) -> bytes:
    """A valid map of ``claims`` claims in a binary tree of supports and attacks."""
    text = "Closing the centre to cars moves trade, air and noise around town"
    items = [{"id": f"c{i}", "text": f"{text} ({i})", "kind": "conclusion" if i == 0 else "premise"}
             for i in range(claims)]
    links = [{"from": f"c{i}", "to": f"c{(i - 1) // 2}",
              "type": "attacks" if i % 5 == 0 else "supports"} for i in range(1, claims)]
    if fmt == "json":
        return json.dumps({"title": "large", "claims": items, "links": links}, indent=1).encode()
    out = ["title: large", "claims:"]
    for c in items:
        out += [f"  - id: {c['id']}", f"    text: {c['text']}", f"    kind: {c['kind']}"]
    out.append("links:")
    for lk in links:
        out += [f"  - from: {lk['from']}", f"    to: {lk['to']}", f"    type: {lk['type']}"]
    return ("\n".join(out) + "\n").encode()


def _expected(name: str) -> tuple[str, ...]:
    return tuple((FIXTURES / name).read_text(encoding="utf-8").splitlines())


NEW = "`argmap new TITLE` writes a starting map"
SLUG = "use lowercase letters, digits and - _ ."

CASES: list[Case] = [
    # Files that are not maps at all.
    Case("empty file", "0 bytes", "empty.yaml", 2,
         (f"{{file}}:1:1: the file is empty; {NEW}",)),
    Case("blank file", "spaces and newlines only", "blank.json", 2,
         (f"{{file}}:1:1: the file is empty; {NEW}",)),
    Case("comments only", "YAML comments, no document", "comments-only.yaml", 2,
         (f"{{file}}:1:1: the file holds no map, only comments or an empty document; {NEW}",)),
    Case("binary file", "PNG header bytes", "binary.yaml", 2,
         ("{file}: not a text file (it is not UTF-8); byte 0 is b'\\x89'",)),
    Case("NUL bytes", "valid UTF-8 with a NUL in a string", "nul-bytes.json", 2,
         ("{file}: not a text file (it holds NUL bytes)",)),
    Case("UTF-16 file", "a map saved as UTF-16 with BOM", "utf16.yaml", 2,
         ("{file}:1:1: the file is UTF-16 text; save it as UTF-8",)),
    Case("Latin-1 file", "'café' saved as Latin-1", "latin1.yaml", 2,
         ("{file}:4:14: the text is not UTF-8 here (byte b'\\xe9'); save the file as UTF-8",)),
    Case("BOM and CRLF", "UTF-8 BOM, Windows line ends", "bom-crlf.yaml", 0,
         stdout=("{file}: 0 errors, 1 warning, 0 info (1 claim, 0 links)",)),
    Case("missing file", "a path that does not exist", "no-such-map.yaml", 2,
         ("{file}: cannot read: No such file or directory",), missing=True),
    Case("unknown extension", "a map named .txt", "map.txt", 2,
         ("{file}: unknown map format '.txt': use .yaml, .yml or .json",)),
    # Broken syntax.
    Case("truncated YAML", "cut inside a quoted string", "truncated.yaml", 2,
         ("{file}:5:1: invalid YAML: found unexpected end of stream (while scanning a quoted"
          " scalar); the file ends too early (is it cut short?)",)),
    Case("truncated JSON string", "cut inside a key", "truncated.json", 2,
         ("{file}:1:51: invalid JSON: a string is not closed; the file ends too early"
          " (is it cut short?)",)),
    Case("truncated JSON list", "cut after a comma", "truncated-list.json", 2,
         ("{file}:2:38: invalid JSON: Expecting value; the file ends too early"
          " (is it cut short?)",)),
    Case("tab indentation", "list items indented with tabs", "tabs.yaml", 2,
         ("{file}:3:1: invalid YAML: a tab character here: YAML indents with spaces only",)),
    Case("mixed indentation", "one item indented 3 spaces, its siblings 2", "mixed-indent.yaml", 2,
         ("{file}:5:4: invalid YAML: did not find expected '-' indicator (while parsing a block"
          " collection); check this line's indentation against the lines above",)),
    Case("duplicate YAML key", "`text:` twice in a claim", "duplicate-key.yaml", 2,
         ("{file}:5:5: duplicate key 'text' in this mapping",)),
    Case("duplicate JSON key", '`"text"` twice in a claim', "duplicate-key.json", 2,
         ("{file}:3:4: invalid JSON: duplicate key 'text'",)),
    Case("several YAML documents", "two documents split by ---", "multiple-documents.yaml", 2,
         ("{file}:3:1: invalid YAML: but found another document (expected a single document in"
          " the stream)",)),
    # Hostile YAML.
    Case("alias bomb", "billion laughs: 9 levels of 9 aliases (9^9 nodes)", "alias-bomb.yaml", 2,
         ("{file}:8:4: YAML aliases expand this file past a million nodes; a map never needs"
          " that (is it an alias bomb?)",)),
    Case("recursive alias", "a list holding an alias to itself", "recursive-alias.yaml", 2,
         ("{file}:2:9: a YAML alias refers to the node that contains it, which would repeat"
          " without end; a map never needs that",)),
    Case("small aliases", "a tag list shared by two claims (&t / *t)", "small-aliases.yaml", 0,
         stdout=("{file}: 0 errors, 4 warnings, 0 info (2 claims, 0 links)",)),
    Case("python tag", "!!python/object/apply:os.system", "python-tag.yaml", 2,
         ("{file}:1:8: YAML tag '!!python/object/apply:os.system' is not allowed in a map (tags"
          " are never constructed; remove it)",)),
    Case("custom tag", "!include other.yaml", "custom-tag.yaml", 2,
         ("{file}:2:9: YAML tag '!include' is not allowed in a map (tags are never constructed;"
          " remove it)",)),
    Case("binary tag", "!!binary in a claim's text", "binary-tag.yaml", 2,
         ("{file}:4:11: binary YAML values are not allowed in a map",)),
    Case("impossible date", "a source dated 2024-02-30", "impossible-date.yaml", 2,
         ("{file}:5:11: '2024-02-30' is not a valid timestamp (day is out of range for month);"
          " quote it to keep it as text",)),
    # Deep nesting and size.
    Case("deep JSON", "100,000 nested [ ] brackets", "deep.json", 2,
         ("{file}:2:102: nested more than 100 levels deep; a map never needs that (is the file"
          " broken?)",), make=lambda: nested_json(100_000)),
    Case("deep YAML flow", "100,000 nested [ ] brackets", "deep-flow.yaml", 2,
         ("{file}:3:1006: invalid YAML: exceeded maximum nesting depth (while increasing flow"
          " level)",), make=lambda: nested_yaml_flow(100_000)),
    Case("deep YAML blocks", "150 nested block mappings", "deep-block.yaml", 2,
         ("{file}:103:201: nested more than 100 levels deep; a map never needs that (is the"
          " file broken?)",), make=lambda: nested_yaml_block(150)),
    Case("large YAML map", "0.8 MB: 5,000 claims, 4,999 links", "large.yaml", 0,
         stdout=("{file}: 0 errors, 5052 warnings, 4000 info (5000 claims, 4999 links)",),
         make=lambda: large_map(5_000, "yaml")),
    # Wrong values.
    Case("not a mapping", "a YAML list at the top", "not-a-mapping.yaml", 2,
         ("{file}:1:1: a map must be a mapping with `title:` and `claims:` at the top level",)),
    Case("format version 2", "`argmap: 2`", "format-version-2.yaml", 2,
         ("{file}:1:9: map: `argmap` is the format version; this argmap reads version 1, the"
          " file says 2",)),
    Case("NaN confidence", "JSON `NaN` as a confidence", "nan-confidence.json", 2,
         ("{file}:1:66: claim 'a': `confidence`: Input should be a finite number",)),
    Case("wrong types", "a wrong type in every field of the format", "wrong-types.yaml", 2,
         _expected("wrong-types.expected")),
    # Ids.
    Case("id with a space", "`id: buses faster`", "id-with-space.yaml", 2,
         (f"{{file}}:3:9: claim 'buses faster': `id`: id 'buses faster' is not a slug: {SLUG}"
          " (e.g. 'buses-faster')",)),
    Case("Unicode id", "`id: café-trade`", "id-unicode.yaml", 2,
         (f"{{file}}:3:9: claim 'café-trade': `id`: id 'café-trade' is not a slug: {SLUG}"
          " (e.g. 'cafe-trade')",)),
    Case("ids differing in case", "`a` and `A`", "id-uppercase.yaml", 2,
         (f"{{file}}:5:9: claim 'A': `id`: id 'A' is not a slug: {SLUG} (e.g. 'a')",)),
    Case("reference in the wrong case", "`from: Buses`, `to: BAN`", "reference-wrong-case.yaml", 2,
         ("{file}:6:12: link #1 starts from unknown claim 'Buses' (did you mean 'buses'?)",
          "{file}:6:23: link #1 points to unknown claim 'BAN' (did you mean 'ban'?)")),
    # Links.
    Case("self-support", "a link from a to a", "self-support.yaml", 2,
         ("{file}:5:19: link #1 supports itself: 'a' is both its premise and its target",)),
    Case("link targets itself", "an undercut whose `to` is its own id", "link-targets-itself.yaml",
         2, ("{file}:7:26: link 'u' attacks itself: `to` is its own id; point it at a claim or"
             " another link",)),
    Case("link as a premise", "`from:` names a link", "premise-is-a-link.yaml", 2,
         ("{file}:7:20: link 'l2' starts from 'l1', which is a link; premises are claims",)),
    Case("undercut chain", "an undercut of an undercut of an undercut", "undercut-chain.yaml", 0,
         stdout=("{file}:13:5: AM105 unanswered-rebuttal The objection 'old-count' against the"
                 " inference 'l3' is not answered on the map.",
                 "{file}: 0 errors, 3 warnings, 1 info (5 claims, 4 links)")),
    Case("support cycle", "a -> b -> c -> a", "support-cycle.yaml", 1,
         stdout=("{file}:4:5: AM106 circular-reasoning 'a' ends up supporting itself"
                 " (a -> b -> c -> a): the reasoning goes in a circle.",
                 "{file}: 1 error, 0 warnings, 3 info (3 claims, 3 links)")),
    Case("attack cycles", "a and b attack each other; b and c too", "attack-cycle.yaml", 1,
         stdout=("{file}: 1 error, 0 warnings, 0 info (3 claims, 4 links)",)),
    Case("undercut cycle", "two links undercutting each other", "undercut-cycle.yaml", 0,
         stdout=("{file}: 0 errors, 3 warnings, 1 info (3 claims, 3 links)",)),
    # Text.
    Case("Unicode text", "emoji, ZWJ sequences, combining marks, Arabic, Hebrew, RTL override,"
         " zero-width", "unicode-text.yaml", 0,
         stdout=("{file}: 0 errors, 4 warnings, 2 info (4 claims, 3 links)",)),
    Case("markup in text", "Rich/Textual markup, HTML, DOT, Markdown, Mermaid syntax",
         "markup-text.yaml", 0,
         stdout=("{file}: 0 errors, 6 warnings, 2 info (5 claims, 4 links)",)),
]


def table() -> str:
    """The catalogue as the Markdown table of docs/robustness.md."""
    rows = ["| Case | Input | File | Outcome of `argmap check` |", "|---|---|---|---|"]
    for case in CASES:
        source = f"generated: `{case.file}`" if case.make else f"`{case.file}`"
        if case.missing:
            source = "(none)"
        rows.append(f"| {case.name} | {_cell(case.what)} | {source} | {case.outcome()} |")
    return "\n".join(rows) + "\n"
