"""The recovery copy's text: the map as JSON, written a slice at a time.

The explorer keeps a copy of unsaved edits beside the map file after every edit, in a worker
thread. Turned into text in one call, a 100,000-claim map holds Python's lock for the whole of
it (a second or more through plain data and ``json``): the screen stops answering. Here pydantic
writes the claims and links in slices of ``CHUNK``, and ``pause()`` runs between slices (by
default a zero sleep, which lets the UI thread in). The copy is JSON whatever the map's own
format: it is read back by :meth:`argmap.edit.EditSession.restore_recovery`, never edited by
hand, and JSON is also YAML.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "a", "text": "A"}]})
>>> recovery_json(m)
b'{"title":"t","claims":[{"id":"a","text":"A"}]}'
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import TypeAdapter

from argmap.model import ArgumentMap, Claim, Link

CHUNK = 2_000  # claims or links per slice: a few milliseconds of holding the lock each
_LISTS: dict[str, TypeAdapter[Any]] = {"claims": TypeAdapter(list[Claim]),
                                       "links": TypeAdapter(list[Link])}


def recovery_json(amap: ArgumentMap, pause: Callable[[], None] = lambda: time.sleep(0),
                  chunk: int = CHUNK) -> bytes:
    """``amap`` as JSON holding what the author set (as a save would), ``pause()`` called
    between slices of its claims and links."""
    head = amap.model_dump(mode="json", by_alias=True, exclude_unset=True,
                           exclude=set(_LISTS))
    parts = [json.dumps(head, ensure_ascii=False, separators=(",", ":"))[1:-1].encode()]
    for name, adapter in _LISTS.items():
        if name not in amap.model_fields_set:
            continue  # as in a save: only what the author set
        items: Sequence[Any] = getattr(amap, name)
        slices = []
        for start in range(0, len(items), chunk):
            text = adapter.dump_json(items[start:start + chunk], by_alias=True,
                                     exclude_unset=True)
            slices.append(text[1:-1])
            pause()
        parts.append(f'"{name}":['.encode() + b",".join(slices) + b"]")
    return b"{" + b",".join(part for part in parts if part) + b"}"
