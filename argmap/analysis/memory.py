"""Keeping the garbage collector out of the way of big analyses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an analysis is built.

    An analysis allocates an index, strengths and findings that all stay alive and hold no
    cycles; on a big map the collector would traverse them, and the whole loaded map, again and
    again as they pile up. Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
