"""Time the TUI headless in a fresh process: first screen (tree mounted) and one keypress.

    python -m benchmarks.tui_probe MAP.json

prints JSON: ``first_screen`` (seconds from opening the map file to the first screen with the
argument tree filled), ``keypress`` (median seconds from a key reaching the app to the screen
update that shows its effect, for cursor moves and expanding or collapsing the selected row,
taken while the analysis is still running), ``analysed`` (seconds from opening the file until
the strengths and findings are on the screen), ``rows``, ``edit`` (seconds from applying one
edit of a claim's text, as the edit form's Enter does, to the screen showing it) and
``keypress_after_edit`` (median and ``_max``: the same keys, pressed at once after that edit,
while the edited map is analysed again and its recovery copy is written). Each time is
wall-clock; ``*_cpu`` beside it is the CPU time of this process (the UI) over the same span, and
``children_cpu`` the CPU time of the processes it started and waited for (an analysis in a child
process).

``keypress_pilot`` is the median of Textual's ``pilot.press`` plus ``pilot.pause``: it includes
the pilot's own waits (each at least 20 ms, and up to a second while any thread of the process
is busy), so it is an upper bound rather than the time a user waits.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import sys
import time
from typing import Any

KEYS = ["down", "right", "down", "right", "down", "up", "left", "down"]


async def probe(path: str) -> dict[str, Any]:
    from tui.app import create_app
    from tui.widgets.argument_tree import ArgumentTree

    start, start_cpu = time.perf_counter(), time.process_time()
    app = create_app(path)
    count_screen_updates(app)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ArgumentTree)
        while not tree.root.children:
            await pilot.pause()
        await pilot.pause()
        first = time.perf_counter() - start
        first_cpu = time.process_time() - start_cpu
        rows = tree.last_line + 1
        presses, presses_cpu, piloted, during = [], [], [], 0
        for key in KEYS:
            pending = app.analysis is None
            began, began_cpu = time.perf_counter(), time.process_time()
            presses.append(await handled(app, tree, key))
            presses_cpu.append(time.process_time() - began_cpu)
            await pilot.pause()
            piloted.append(time.perf_counter() - began)
            during += pending and app.analysis is None
        while app.analysis is None:
            await asyncio.sleep(0.05)  # not pilot.pause: it redraws the screen each time
        analysed = time.perf_counter() - start
        analysed_cpu = time.process_time() - start_cpu
        edit, after_edit = await edited(app, tree)
        app.exit()
    return {"first_screen": first, "first_screen_cpu": first_cpu,
            "keypress": statistics.median(presses), "keypress_max": max(presses),
            "keypress_cpu": statistics.median(presses_cpu),
            "keypress_pilot": statistics.median(piloted),
            "keypresses_while_analysing": during,
            "analysed": analysed, "analysed_cpu": analysed_cpu,
            "children_cpu": _children_cpu(), "rows": rows,
            "edit": edit, "keypress_after_edit": statistics.median(after_edit),
            "keypress_after_edit_max": max(after_edit)}


async def edited(app: Any, tree: Any) -> tuple[float, list[float]]:
    """Seconds to apply one edit of the selected claim's text (as the edit form's Enter does:
    the edit, the tree shown again), then the time each key takes while the edited map is
    analysed again and its recovery copy written."""
    row = tree.selected_row
    claim = row.ident if row is not None and row.ident in app.view.claims \
        else app.session.map.claims[0].id
    shown = app.screen_updates
    began = time.perf_counter()
    app.run_edit(lambda: app.session.edit_claim(claim, text="Edited in the benchmark."),
                 select=claim)
    while app.screen_updates == shown and time.perf_counter() - began < 60:
        await asyncio.sleep(0.001)
    edit = time.perf_counter() - began
    after = [await handled(app, tree, key) for key in KEYS]
    await app.workers.wait_for_complete([w for w in app.workers if w.group == "recovery"])
    app.session.discard_recovery()  # leave the benchmark's map as it was
    return edit, after


async def handled(app: Any, tree: Any, key: str) -> float:
    """Seconds from sending ``key`` to the app until the tree's cursor or rows have changed
    and the screen has been updated after that."""
    from textual import events

    before = (tree.cursor_line, tree.last_line)
    began = time.perf_counter()
    app._driver.send_message(events.Key(key, None))
    while (tree.cursor_line, tree.last_line) == before and time.perf_counter() - began < 60:
        await asyncio.sleep(0.001)
    shown = app.screen_updates
    while app.screen_updates == shown and time.perf_counter() - began < 60:
        await asyncio.sleep(0.001)
    return time.perf_counter() - began


def count_screen_updates(app: Any) -> None:
    """Count the screen updates ``app`` makes (headless: drawn, not written) in
    ``app.screen_updates``."""
    display = app._display
    app.screen_updates = 0

    def counted(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            app.screen_updates += 1
        display(screen, renderable)

    app._display = counted


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    import textual.app  # noqa: F401  (imports are not part of the first screen)

    from argmap.edit import recovery_path

    if recovery_path(sys.argv[1]).exists():  # the explorer would ask whether to restore it
        sys.exit(f"{recovery_path(sys.argv[1])}: a recovery copy of unsaved edits; remove it "
                 "to time the explorer on this map")

    print(json.dumps(asyncio.run(probe(sys.argv[1]))))


if __name__ == "__main__":
    main()
