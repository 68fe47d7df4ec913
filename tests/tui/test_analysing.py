"""The analysis off the UI thread: a child process for large maps, the latest result wins,
quitting ends the child, and the process path gives what the in-thread path gives."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import tui.analysing
from argmap.analysis import analyse, what_if
from argmap.edit import EditSession
from argmap.io import load_map
from argmap.render.report import report_markdown
from tests.tui.bigmap import write_big_map
from tests.tui.conftest import SIZE, cursor_id, settle, visible_labels
from tui.analysing import ReceivedAnalysis, analyse_in_process
from tui.app import create_app
from tui.widgets.findings_list import FindingsList

NEW_REASON = "Rested pupils miss fewer classes."


@pytest.fixture
def via_process(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every map goes to a child process; the children started are listed."""
    started: list[subprocess.Popen[bytes]] = []
    real = tui.analysing.start_child

    def start() -> subprocess.Popen[bytes]:
        started.append(real())
        return started[-1]

    monkeypatch.setattr(tui.analysing, "PROCESS_FROM", 0)
    monkeypatch.setattr(tui.analysing, "start_child", start)
    return started


@pytest.fixture
def first_child_hangs(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every map goes to a child process; the first one never answers (a long analysis)."""
    started: list[subprocess.Popen[bytes]] = []
    real = tui.analysing.start_child

    def start() -> subprocess.Popen[bytes]:
        if started:
            started.append(real())
        else:
            started.append(subprocess.Popen(
                [sys.executable, "-c", "import time; time.sleep(600)"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE))
        return started[-1]

    monkeypatch.setattr(tui.analysing, "PROCESS_FROM", 0)
    monkeypatch.setattr(tui.analysing, "start_child", start)
    return started


def same_analysis(got, want) -> None:
    assert got.findings == want.findings
    assert got.strengths == pytest.approx(want.strengths)
    assert got.labels == want.labels
    assert got.conclusions == want.conclusions
    for link in want.map.links:
        assert got.link_flags(link.ident) == want.link_flags(link.ident)


def test_process_gives_what_the_thread_gives_on_the_example(example_map: Path) -> None:
    amap = load_map(example_map)  # its source texts are read from the map's folder
    got = analyse_in_process(amap, pristine=True, cancelled=lambda: False)
    want = analyse(amap, base_dir=example_map.parent)
    assert isinstance(got, ReceivedAnalysis) and got.map is amap
    same_analysis(got, want)
    assert report_markdown(got) == report_markdown(want)  # the index is built on demand


def test_process_gets_the_edited_map_not_the_file(small_map: Path) -> None:
    session = EditSession.open(small_map)
    new = session.add_reason("start-later", NEW_REASON)
    got = analyse_in_process(session.map, pristine=False, cancelled=lambda: False)
    assert got is not None and new in got.strengths
    same_analysis(got, analyse(session.map, base_dir=small_map.parent))


def test_a_file_changed_on_disk_is_not_analysed_in_its_place(small_map: Path) -> None:
    amap = load_map(small_map)
    small_map.write_text(small_map.read_text().replace("start-later", "later-start"))
    os.utime(small_map, ns=(amap._origin.mtime_ns + 10**9,) * 2)
    result = analyse_in_process(amap, pristine=True, cancelled=lambda: False)
    assert result is not None and result.map is amap
    assert "start-later" in result.strengths and "later-start" not in result.strengths


def test_without_processes_the_analysis_runs_in_the_thread(small_map: Path,
                                                           monkeypatch) -> None:
    def refuse() -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(tui.analysing, "PROCESS_FROM", 0)
    monkeypatch.setattr(tui.analysing, "start_child", refuse)
    amap = load_map(small_map)
    result = tui.analysing.analyse_off_ui(amap, pristine=True, cancelled=lambda: False)
    assert result is not None and not isinstance(result, ReceivedAnalysis)
    assert result.findings == analyse(amap).findings


async def test_the_app_shows_the_same_analysis_either_way(tmp_path: Path, monkeypatch) -> None:
    path = write_big_map(tmp_path / "big.json", conclusions=6, per_tree=40)
    shown = []
    for threshold in (10**9, 0):
        monkeypatch.setattr(tui.analysing, "PROCESS_FROM", threshold)
        app = create_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.analysis is not None and app.analysis.map is app.session.map
            assert isinstance(app.analysis, ReceivedAnalysis) == (threshold == 0)
            await pilot.press("j", "l", "j")
            findings = app.query_one(FindingsList)
            shown.append((app.analysis, visible_labels(app), findings.border_title,
                          [str(findings.get_option_at_index(i).prompt)
                           for i in range(findings.option_count)]))
    (thread, *in_thread), (process, *in_process) = shown
    same_analysis(process, thread)
    assert in_process == in_thread


async def test_after_an_edit_the_latest_analysis_is_shown(small_map: Path,
                                                          monkeypatch) -> None:
    release = threading.Event()
    calls: list[int] = []

    def slow_first(amap, **kwargs):
        calls.append(len(amap.claims))
        if len(calls) == 1:
            release.wait(30)  # the first map's analysis is still running during the edit
        return analyse(amap, **kwargs)

    monkeypatch.setattr("argmap.analysis.analyse", slow_first)
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.analysis is None
        assert "analysing" in app.query_one(FindingsList).border_title
        await pilot.press("a", *NEW_REASON, "ctrl+s")
        while len(calls) < 2 or app.analysis is None:
            await pilot.pause(0.05)
        release.set()  # the stale analysis ends now, after the latest one was shown
        await settle(pilot)
        new = app.session.map.claims[-1].id
        assert calls == [len(app.session.map.claims) - 1, len(app.session.map.claims)]
        assert app.analysis.map is app.session.map and new in app.analysis.strengths
        assert any(NEW_REASON in label and "…" not in label for label in visible_labels(app))


async def test_an_edit_ends_the_child_analysing_the_old_map(
        small_map: Path, first_child_hangs: list[subprocess.Popen[bytes]]) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *NEW_REASON, "ctrl+s")
        await settle(pilot)
        stale, latest = first_child_hangs
        assert stale.returncode is not None and stale.returncode < 0  # terminated, reaped
        assert latest.returncode == 0
        assert isinstance(app.analysis, ReceivedAnalysis)
        assert app.analysis.map is app.session.map
        assert app.session.map.claims[-1].id in app.analysis.strengths


async def test_quitting_while_analysing_ends_the_child(
        small_map: Path, first_child_hangs: list[subprocess.Popen[bytes]]) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.analysis is None and len(first_child_hangs) == 1
        await pilot.press("q")
    assert app.return_code == 0 and app.analysis is None
    child = first_child_hangs[0]
    assert child.returncode is not None and child.returncode < 0  # ended and reaped


async def test_a_large_map_is_analysed_in_a_child_and_its_findings_listed(
        small_map: Path, via_process: list[subprocess.Popen[bytes]]) -> None:
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(via_process) == 1 and via_process[0].returncode == 0
        assert isinstance(app.analysis, ReceivedAnalysis)
        findings = app.query_one(FindingsList)
        assert findings.border_title == f"Findings ({len(app.analysis.findings)})"
        await pilot.press("w")  # the weakest link, from the strengths the child sent
        assert any(n.title == "Weakest link" for n in app._notifications)
        assert cursor_id(app) == app.view.weakest_link() is not None


@pytest.mark.parametrize("name", ["example", "am106-support-cycle.yaml"])
def test_what_if_recomputes_only_what_changes_and_agrees(example_map: Path, name: str) -> None:
    from tests.tui.conftest import FIXTURES

    path = example_map if name == "example" else FIXTURES / "analysis" / "rules" / name
    amap = load_map(path)
    analysis = analyse(amap, base_dir=path.parent)
    for claim in amap.claims:
        quick = tui.analysing.strengths_without(analysis, claim.id)
        full = what_if(amap, [claim.id])
        assert {k: quick[k] for k in full} == pytest.approx(full, abs=1e-6), claim.id


async def test_the_map_is_kept_out_of_collections_while_the_app_runs(small_map: Path) -> None:
    import gc

    before = gc.get_freeze_count()  # what the test process keeps frozen itself (tests/conftest)
    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > before
        await pilot.press("q")
    assert gc.get_freeze_count() == 0  # quitting hands everything back to the collector


async def test_later_analyses_freeze_nothing_more(small_map: Path) -> None:
    """Only the map is frozen, at start: rows of a rebuilt tree that become cyclic garbage must
    stay collectable while the app runs."""
    import gc

    app = create_app(small_map)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        frozen = gc.get_freeze_count()
        for _ in range(3):
            app.refresh_map()
            await settle(pilot)
        assert gc.get_freeze_count() == frozen
        await pilot.press("q")


def test_a_source_text_given_reaches_the_child_process(example_map: Path, tmp_path: Path) -> None:
    text = tmp_path / "other.txt"
    text.write_text("Nothing the op-ed says.\n")
    amap = load_map(example_map)
    result = analyse_in_process(amap, pristine=True, cancelled=lambda: False,
                                source_texts={"op-ed": str(text)})
    expected = analyse(amap, source_texts={"op-ed": str(text)})
    assert {f.target for f in result.findings if f.code == "AM112"} == {
        f.target for f in expected.findings if f.code == "AM112"} != set()
