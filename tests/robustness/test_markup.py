"""Markup safety: claim text holding Rich/Textual markup, HTML, DOT, Markdown or Mermaid syntax is
shown as typed in the CLI, the Markdown report and outline, the Graphviz diagram, Mermaid and the
explorer, and never becomes markup there."""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from catalogue import FIXTURES
from click.testing import CliRunner
from markdown_it import MarkdownIt

from argmap.analysis import analyse
from argmap.cli import app
from argmap.io import load_map
from argmap.render.graphviz import build_dot
from argmap.render.mermaid import to_mermaid
from argmap.render.outline import outline_markdown
from argmap.render.output import render_bytes
from argmap.render.report import report_markdown

MAP = FIXTURES / "markup-text.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def _squeeze(text: str) -> str:
    """Text without whitespace: diagram labels wrap lines where they like."""
    return re.sub(r"\s+", "", text)


def test_cli_show_prints_text_as_typed():
    amap = load_map(MAP)
    result = CliRunner().invoke(app, ["show", str(MAP)])
    assert result.exit_code == 0
    assert amap.title in result.stdout
    assert amap.claim("rich").text in result.stdout


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _negative_outline(analysis):
    return outline_markdown(analysis, side="neg")


@pytest.mark.parametrize("render", [report_markdown, outline_markdown, _negative_outline])
def test_markdown_report_and_outline_show_text_literally(render):
    amap = load_map(MAP)
    page = _Html()
    page.feed(MarkdownIt("commonmark").enable("table").render(render(analyse(amap))))
    shown = "".join(page.text)
    for claim in amap.claims:
        assert claim.text in shown, claim.id
    # None of the claims' <script>, <b>, links or Markdown became elements.
    assert not page.tags & {"script", "b", "a", "h4", "h5", "h6", "code"} - _own_tags(render)


def _own_tags(render) -> set[str]:
    """The tags a plain map's page has: what the renderer itself uses."""
    plain = load_map(Path(__file__).parents[2] / "examples" / "car-free-downtown.yaml")
    page = _Html()
    page.feed(MarkdownIt("commonmark").enable("table").render(render(analyse(plain))))
    return page.tags


def test_dot_source_keeps_one_node_per_claim_with_its_text():
    amap = load_map(MAP)
    source = build_dot(amap, analyse(amap)).source
    assert "pwned" not in re.findall(r"^\s*(\S+)\s*\[", source, re.M)
    assert not re.search(r"^\s*evil\b", source, re.M)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_rendered_diagram_draws_text_literally_and_injects_no_node():
    amap = load_map(MAP)
    svg = ET.fromstring(render_bytes(amap, "svg"))
    titles = [g.findtext(f"{SVG}title") for g in svg.iter(f"{SVG}g")
              if "node" in (g.get("class") or "").split()]
    assert "evil" not in titles and "a" not in titles
    drawn = _squeeze("".join(t.text or "" for t in svg.iter(f"{SVG}text")))
    for claim in amap.claims:
        # Labels are shortened with an ellipsis past a few lines: the start is what shows.
        assert _squeeze(claim.text)[:40] in drawn, claim.id


def test_mermaid_labels_stay_in_their_quotes():
    amap = load_map(MAP)
    text = to_mermaid(amap, analyse(amap))
    lines = [line.strip() for line in text.splitlines()]
    assert not any(line.startswith(("click", "%%{", "evil")) for line in lines)
    # Every label is one quoted string: no raw quote, bracket or pipe of the text leaks (line
    # breaks are Mermaid's own <br/>; the rest is written as entity codes such as #91;).
    for line in lines:
        for label in re.findall(r'"([^"]*)"', line):
            assert not set(label.replace("<br/>", "")) & set('"[]|{}<>'), label


async def test_explorer_shows_text_literally(tmp_path: Path):
    from tui.app import create_app

    path = tmp_path / MAP.name
    shutil.copy(MAP, path)
    amap = load_map(path)
    explorer = create_app(path)
    async with explorer.run_test(size=(200, 50)) as pilot:
        for _ in range(3):
            await explorer.workers.wait_for_complete()
            await pilot.pause()
        svg = explorer.export_screenshot()
    screen = html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg)))
    screen = screen.replace("\xa0", " ")
    assert amap.title in screen
    # The selected conclusion in the detail pane, and the start of every row of the tree.
    assert "[bold]not bold[/bold] and [link=https://x.example]not a link[/link]" in screen
    for claim in amap.claims:
        assert claim.text[:50] in screen, claim.id


async def test_edit_form_heading_quotes_claim_text_literally(tmp_path: Path):
    """The new-claim forms (a: a reason, r: a rebuttal; one session) name the selected claim in
    their border; markup in it stays text."""
    from textual.containers import VerticalScroll

    from tui.app import create_app

    path = tmp_path / MAP.name
    shutil.copy(MAP, path)
    explorer = create_app(path)
    async with explorer.run_test(size=(200, 50)) as pilot:
        await explorer.workers.wait_for_complete()
        await pilot.pause()
        for key in ("a", "r"):
            await pilot.press(key)
            await pilot.pause()
            heading = explorer.screen.query_one(".dialog.form", VerticalScroll).border_title
            assert "[link=https://x.example]" in str(heading), key
            await pilot.press("escape")
            await pilot.pause()
            assert explorer.screen is explorer.screen_stack[0], key  # the form closed
