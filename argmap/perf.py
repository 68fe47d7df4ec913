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

_frozen_by_app = False  # set by keep_out_of_collections, cleared by release_collections


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a big structure is built.

    Building a map (or its graph) allocates hundreds of thousands of containers that all stay
    alive; the collector would traverse them again and again as they pile up (a 100k-claim map
    loaded twice as slow with it running). Reference counting still frees everything; nothing
    built here is cyclic. Afterwards the new objects join the oldest generation directly (freeze,
    then unfreeze) rather than being traversed all at once by the next young collection — unless
    an application keeps objects frozen (:func:`keep_out_of_collections`), whose freeze this
    must not undo.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not _frozen_by_app:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def keep_out_of_collections() -> None:
    """Exempt every object alive now from the cyclic collector until
    :func:`release_collections`: for an application holding a big map for a long time (the
    explorer), so that full collections stop walking it again and again. Young cyclic garbage
    is collected first so it is not kept for good.

    >>> keep_out_of_collections(); gc.get_freeze_count() > 0
    True
    >>> release_collections(); gc.get_freeze_count()
    0
    """
    global _frozen_by_app
    gc.collect(1)
    gc.freeze()
    _frozen_by_app = True


def release_collections() -> None:
    """Hand everything :func:`keep_out_of_collections` froze back to the collector."""
    global _frozen_by_app
    gc.unfreeze()
    _frozen_by_app = False


class LazyModule:
    """A module imported the first time one of its names is used: ``nx = LazyModule("networkx")``.

    ``argmap check`` on a small map never needs networkx (a third of a second to import) and
    ``argmap --version`` needs none of the heavy libraries; importing them on first use keeps
    the command line's start quick (figures in docs/performance.md).

    >>> json = LazyModule("json")
    >>> json.dumps([1])
    '[1]'
    """

    def __init__(self, name: str) -> None:
        self._lazy_name = name

    def __getattr__(self, attr: str) -> object:
        import importlib

        value = getattr(importlib.import_module(self._lazy_name), attr)
        setattr(self, attr, value)  # the next use is a plain attribute lookup
        return value
