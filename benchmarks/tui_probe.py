"""Time the TUI headless in a fresh process: first screen (tree mounted) and one keypress.

    python -m benchmarks.tui_probe MAP.json

prints JSON: ``first_screen`` (seconds from opening the map file to the first screen with the
argument tree filled), ``keypress`` (median seconds for a cursor move and for expanding the
selected row, while the analysis is still running), ``analysed`` (seconds from opening the
file until the strengths and findings are on the screen) and ``rows``. Each time is wall-clock;
``*_cpu`` beside it is the CPU time of this process (the UI) over the same span, and
``children_cpu`` the CPU time of the processes it started and waited for (an analysis run in a
separate process counts there).
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
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ArgumentTree)
        while not tree.root.children:
            await pilot.pause()
        await pilot.pause()
        first = time.perf_counter() - start
        first_cpu = time.process_time() - start_cpu
        rows = tree.last_line + 1
        presses, presses_cpu, during = [], [], 0
        for key in KEYS:
            began, began_cpu = time.perf_counter(), time.process_time()
            pending = app.analysis is None
            await pilot.press(key)
            await pilot.pause()
            presses.append(time.perf_counter() - began)
            presses_cpu.append(time.process_time() - began_cpu)
            during += pending and app.analysis is None
        while app.analysis is None:
            await pilot.pause(0.05)
        analysed = time.perf_counter() - start
        analysed_cpu = time.process_time() - start_cpu
        app.exit()
    return {"first_screen": first, "first_screen_cpu": first_cpu,
            "keypress": statistics.median(presses), "keypress_max": max(presses),
            "keypress_cpu": statistics.median(presses_cpu),
            "keypresses_while_analysing": during,
            "analysed": analysed, "analysed_cpu": analysed_cpu,
            "children_cpu": _children_cpu(), "rows": rows}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    import textual.app  # noqa: F401  (imports are not part of the first screen)

    print(json.dumps(asyncio.run(probe(sys.argv[1]))))


if __name__ == "__main__":
    main()
