"""Time the TUI headless in a fresh process: first screen (tree mounted) and one keypress.

    python -m benchmarks.tui_probe MAP.json

prints JSON: ``first_screen`` (seconds from opening the map file to the first screen with the
argument tree filled), ``keypress`` (median seconds for a cursor move and for expanding the
selected row, while the analysis still runs in its worker thread) and ``rows``.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from typing import Any

KEYS = ["down", "right", "down", "right", "down", "up", "left", "down"]


async def probe(path: str) -> dict[str, Any]:
    from tui.app import create_app
    from tui.widgets.argument_tree import ArgumentTree

    start = time.perf_counter()
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ArgumentTree)
        while not tree.root.children:
            await pilot.pause()
        await pilot.pause()
        first = time.perf_counter() - start
        rows = tree.last_line + 1
        presses = []
        for key in KEYS:
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            presses.append(time.perf_counter() - began)
        app.exit()
    return {"first_screen": first, "keypress": statistics.median(presses),
            "keypress_max": max(presses), "rows": rows}


def main() -> None:
    import textual.app  # noqa: F401  (imports are not part of the first screen)

    print(json.dumps(asyncio.run(probe(sys.argv[1]))))


if __name__ == "__main__":
    main()
