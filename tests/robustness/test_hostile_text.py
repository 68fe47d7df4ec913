"""Terminal escapes in a map (clipboard writes, window titles, screen clears) never reach the
terminal, and source addresses never inject Markdown: every printed text is made safe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io import loads_map

OSC52 = "\x1b]52;c;ZXZpbA==\x07"
TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
CONTROLS = ("\x1b", "\x07", "\x9b", "\r", "\x08")


def _hostile(tmp_path: Path) -> Path:
    data = {
        "title": f"Map {TITLE}title",
        "description": f"About {CLEAR}cars\rhidden",
        "sources": [{"id": "s", "title": f"Study {OSC52}", "author": "A\x9b2J",
                     "url": "https://x.example/a"}],
        "claims": [
            {"id": "c", "kind": "conclusion", "text": f"Ban cars {OSC52}downtown.",
             "evidence": [{"source": "s", "locator": "p\x082", "quote": f"q{CLEAR}"}],
             "note": f"note {TITLE}"},
            {"id": "p", "text": f"Air is 40% cleaner{CLEAR} always.", "tags": ["t\x1b[31m"]},
            {"id": "r", "kind": "rebuttal", "text": f"Shops close{TITLE}."},
        ],
        "links": [{"from": "p", "to": "c", "warrant": f"w{OSC52}"},
                  {"from": "r", "to": "c", "type": "attacks"}],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [["show"], ["check", "--hints"], ["check", "--format", "github"],
                                  ["eval"], ["eval", "--semantics", "grounded"], ["cruxes"],
                                  ["report"], ["outline"]])
def test_no_control_character_from_the_map_reaches_the_terminal(run, tmp_path, args):
    result = run(args[0], _hostile(tmp_path), *args[1:])
    assert result.exit_code in (0, 1), result.output
    for char in CONTROLS:
        assert char not in result.stdout and char not in result.stderr, (args, char)
    if args[0] in ("show", "eval"):
        assert "␛]52;c;ZXZpbA==␇" in result.stdout  # shown, visibly, not obeyed


def test_a_report_written_to_a_file_carries_no_control_character_either(run, tmp_path):
    out = tmp_path / "r.md"
    assert run("report", _hostile(tmp_path), "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert not any(char in text for char in CONTROLS)


def test_an_error_message_quoting_the_file_is_made_safe(run, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text('title: t\nclaims:\n  - id: a\n    text: A\n    kind: "x\\e[2J"\n')
    result = run("check", path)
    assert result.exit_code == 2 and "\x1b" not in result.stderr


async def test_the_explorer_shows_control_characters_as_visible_stand_ins(tmp_path):
    from tests.tui.conftest import detail_text, visible_labels
    from tui.app import create_app

    app = create_app(_hostile(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        shown = [app.title, *visible_labels(app), detail_text(app)]
        for text in shown:
            assert not any(char in text for char in CONTROLS), text
        assert any("␛]52;c;ZXZpbA==" in text for text in shown), shown


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x.example/a\n# Heading",
                                 "https://x.example/ [link](javascript:x)", "file:///etc/passwd",
                                 "data:text/html,<script>", "https://x.example/<b>"])
def test_a_source_url_that_is_not_a_plain_web_or_doi_address_is_refused(url):
    data = {"title": "t", "sources": [{"id": "s", "url": url}], "claims": []}
    with pytest.raises(MapLoadError, match="is not a link argmap follows"):
        loads_map(json.dumps(data), "json")


def test_web_and_doi_addresses_become_links_in_the_report(run, tmp_path):
    data = {"title": "t", "sources": [
        {"id": "s", "title": "S", "url": "https://x.example/a_b*c"},
        {"id": "d", "title": "D", "url": "doi:10.1000/xyz_1"}],
        "claims": [{"id": "c", "kind": "conclusion", "text": "C",
                    "evidence": [{"source": "s"}, {"source": "d"}]}]}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = run("report", path).stdout
    assert "<https://x.example/a_b*c>" in report and "<https://doi.org/10.1000/xyz_1>" in report
