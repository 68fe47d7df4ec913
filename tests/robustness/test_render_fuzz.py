"""Generated maps through the diagram and explorer: DOT is always built and Graphviz reads it,
and the explorer survives random keys."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap.analysis import analyse
from argmap.io import save_map
from argmap.model import ArgumentMap
from argmap.render.graphviz import build_dot
from argmap.render.mermaid import to_mermaid

SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@settings(max_examples=60, deadline=None)
@given(amap=maps, flags=st.booleans(), theme=st.sampled_from(["light", "dark"]))
def test_dot_and_mermaid_are_always_built(amap: ArgumentMap, flags: bool, theme: str):
    analysis = analyse(amap)
    assert build_dot(amap, analysis, flags=flags, theme=theme).source.startswith("digraph")
    assert "flowchart BT" in to_mermaid(amap, analysis, flags=flags).splitlines()


@needs_dot
@settings(max_examples=12, deadline=None)
@given(amap=maps)
def test_graphviz_reads_the_dot_and_draws_every_claim_once(amap: ArgumentMap):
    source = build_dot(amap, analyse(amap)).source
    proc = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"syntax error" not in proc.stderr
    svg = ET.fromstring(proc.stdout)
    titles = [g.findtext(f"{SVG}title") for g in svg.iter(f"{SVG}g")
              if "node" in (g.get("class") or "").split()]
    for claim in amap.claims:
        assert titles.count(claim.id) == 1, claim.id


KEYS = ["up", "down", "left", "right", "enter", "space", "tab", "shift+tab", "escape", "home",
        "end", "pageup", "pagedown", "f", "w", "n", "p", "question_mark", "slash", "u", "a", "r",
        "e", "d", "y", "b", "c", "x", "1", "ctrl+z", "ctrl+y", "backspace", "delete"]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(amap=maps, keys=st.lists(st.sampled_from(KEYS), min_size=5, max_size=25))
def test_explorer_survives_random_keys(amap: ArgumentMap, keys: list[str], tmp_path: Path):
    from tui.app import create_app

    path = tmp_path / "fuzz.yaml"
    save_map(amap, path)
    before = path.read_bytes()

    async def run() -> None:
        explorer = create_app(path)
        async with explorer.run_test(size=(100, 30)) as pilot:
            for key in keys:
                await pilot.press(key)
            await explorer.workers.wait_for_complete()
            await pilot.pause()
        # run_test re-raises whatever a handler or worker raised.

    asyncio.run(run())
    # Nothing is saved without ctrl+s, and ctrl+s is not among the keys.
    assert path.read_bytes() == before
