"""Helpers that keep big maps fast.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, settle: bool = True) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a big structure is built.

    Building a map (or its graph) allocates hundreds of thousands of containers that all stay
    alive; the collector would traverse them again and again as they pile up (a 100k-claim map
    loaded twice as slow with it running). Reference counting still frees everything; nothing
    built here is cyclic. With ``settle`` (the default) the new objects then join the oldest
    generation directly (freeze, then unfreeze) rather than being traversed all at once by the
    next young collection — unless the application has frozen objects of its own, which it
    learns by asking for the freeze count. That question walks every frozen object, so an
    application that freezes a big map and pauses often passes ``settle=False``.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if settle and gc.get_freeze_count() == 0:  # leave objects the application froze
                gc.freeze()
                gc.unfreeze()
            gc.enable()
