"""The page `argmap render MAP -o map.html` writes, opened in a real browser: Debian's Chromium,
driven by Playwright for Python (scripts/setup.sh installs the browser)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from svgread import EXAMPLE, needs_dot

from argmap.analysis import analyse
from argmap.cli import app
from argmap.io import load_map

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    needs_dot,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None,
                       reason="Chromium is not installed (scripts/setup.sh installs it)"),
]

HOSTILE = """\
argmap: 1
title: "</script><script>window.pwned = 1</script><img src='http://example.invalid/t.png'>"
claims:
  - id: evil
    kind: conclusion
    text: "<img src=x onerror='window.pwned=2'> </script> & \\u0007 bell \\"quoted\\""
    note: "<style>body{background:url(http://example.invalid/bg.png)}</style>"
  - id: plain
    text: "A plain reason"
links:
  - {from: plain, to: evil}
"""


def _render(out: Path, map_file: Path) -> Path:
    result = CliRunner().invoke(app, ["render", str(map_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / "hostile.yaml"
    hostile.write_text(HOSTILE, encoding="utf-8")
    return {"example": _render(folder / "example.html", EXAMPLE),
            "hostile": _render(folder / "hostile.html", hostile)}


class Opened:
    """A page open in the browser, with every request and error it made."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 850})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text)
                     if m.type in ("error", "warning") else None)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-ready=true]", timeout=15000)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser, pages):
    opened: list[Opened] = []

    def _open(name: str) -> Opened:
        opened.append(Opened(browser, pages[name]))
        return opened[-1]

    yield _open
    for o in opened:
        o.close()


def test_the_page_loads_with_every_claim_drawn_and_nothing_else_requested(open_page):
    o = open_page("example")
    amap = load_map(EXAMPLE)
    assert o.page.title() == amap.title
    drawn = set(o.page.eval_on_selector_all("#diagram g.node", "gs => gs.map(g => g.id)"))
    assert {c.id for c in amap.claims} <= drawn
    assert "Click a claim" in o.page.text_content("#details")
    assert o.requests == [o.url]
    assert o.errors == []


def test_clicking_a_claim_shows_its_text_evidence_findings_and_strength(open_page):
    o = open_page("example")
    amap = load_map(EXAMPLE)
    analysis = analyse(amap)
    o.page.click("#diagram g.node#pontevedra-cut")
    details = o.page.text_content("#details")
    claim = amap.claim("pontevedra-cut")
    assert claim.text in details
    assert f"strength {analysis.strengths['pontevedra-cut']:.2f}" in details
    assert "“local emissions dropped by two thirds within a decade”" in details
    for finding in analysis.findings_for("pontevedra-cut"):
        assert f"{finding.code} {finding.name}" in details
    assert "selected" in o.page.get_attribute("#diagram g.node#pontevedra-cut", "class")
    # The quote is highlighted in the text under review, beside the map.
    assert o.page.text_content("#source-texts mark") == \
        "local emissions dropped by two thirds within a decade"
    # Another claim replaces the details and the highlight.
    o.page.click("#diagram g.node#ban-cars-downtown")
    assert amap.claim("ban-cars-downtown").text in o.page.text_content("#details h2")
    assert o.page.text_content("#source-texts mark") == \
        "A ban on private cars in the twelve blocks around the square"
    assert o.page.locator("#diagram g.selected").count() == 1


def test_clicking_a_link_shows_its_warrant(open_page):
    o = open_page("example")
    o.page.click("#diagram g.node#air-argument")
    details = o.page.text_content("#details")
    assert "Support" in details and "If traffic causes most of the excess pollution" in details


def test_search_marks_the_matching_claims_and_enter_selects_them(open_page):
    o = open_page("example")
    o.page.fill("#search", "toronto")
    assert o.page.text_content("#search-count") == "2 claims"
    hits = o.page.eval_on_selector_all("#diagram g.hit", "gs => gs.map(g => g.id).sort()")
    assert hits == ["different-city", "toronto-most-not-by-car"]
    assert "faded" in o.page.get_attribute("#diagram g.node#ban-cars-downtown", "class")
    o.page.press("#search", "Enter")
    assert "In Toronto" in o.page.text_content("#details h2") or \
        "Toronto" in o.page.text_content("#details h2")
    o.page.fill("#search", "")
    assert o.page.locator("#diagram g.faded").count() == 0


def test_flagged_only_leaves_just_the_flagged_claims_and_links(open_page):
    o = open_page("example")
    amap = load_map(EXAMPLE)
    analysis = analyse(amap)
    o.page.check("#flagged-only")
    hidden = set(o.page.eval_on_selector_all("#diagram g.node.filtered", "gs => gs.map(g => g.id)"))
    shown = {c.id for c in amap.claims} - hidden
    assert shown == {c.id for c in amap.claims if analysis.findings_for(c.id)}
    assert hidden  # the example has claims with nothing to flag
    flagged_edge = "pontevedra-precedent:to:ban-cleans-air"
    assert "filtered" not in o.page.get_attribute(f'#diagram g.edge[id="{flagged_edge}"]', "class")
    o.page.uncheck("#flagged-only")
    assert o.page.locator("#diagram g.filtered").count() == 0


def test_zoom_buttons_and_the_wheel_scale_the_map(open_page):
    o = open_page("example")

    def scale() -> float:
        style = o.page.get_attribute("#canvas", "style") or ""
        return float(re.search(r"scale\(([\d.]+)\)", style).group(1))

    start = scale()
    o.page.click("#zoom-in")
    assert scale() > start
    o.page.mouse.move(400, 400)
    o.page.mouse.wheel(0, 300)
    o.page.mouse.wheel(0, 300)
    assert scale() < start * 1.25
    o.page.click("#zoom-fit")
    assert scale() == pytest.approx(start)


def test_hostile_text_is_shown_literally_and_runs_nothing(open_page):
    o = open_page("hostile")
    assert o.page.evaluate("window.pwned") is None
    assert o.page.locator("img").count() == 0 and o.page.locator("style").count() == 1
    assert o.page.title().startswith("</script><script>window.pwned = 1</script>")
    o.page.click("#diagram g.node#evil")
    heading = o.page.text_content("#details h2")
    assert heading.startswith("<img src=x onerror='window.pwned=2'> </script> &")
    assert "\x07" not in heading  # control characters are replaced, not passed on
    assert o.requests == [o.url]
    assert o.page.evaluate("window.pwned") is None


def test_the_print_stylesheet_hides_the_controls_and_lists_every_claim(open_page):
    o = open_page("example")
    assert not o.page.is_visible("#print-list")
    o.page.emulate_media(media="print")
    assert not o.page.is_visible(".controls")
    assert o.page.is_visible("#print-list")
    listed = o.page.text_content("#print-list")
    assert all(c.text in listed for c in load_map(EXAMPLE).claims)
