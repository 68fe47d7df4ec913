"""Recovery copies of unsaved edits: where each session keeps its own, and their text.

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
import os
import re
import secrets
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: a copy's owner is known by its process id instead
    fcntl = None  # type: ignore[assignment]

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


# Where the copies live and who owns them ---------------------------------------------------
#
# Each editing session keeps its own copy, ``FILE.<session>.argmap-autosave``, and holds an
# exclusive lock on ``<copy>.lock`` for as long as it lives: two explorers on one file never
# share (or take over) a copy, and a copy is offered for restoring only when no live session
# holds its lock (its owner crashed or was closed without saving). A copy kept by an older
# version of argmap (``FILE.argmap-autosave``) has no owner and is always offered.

RECOVERY_SUFFIX = ".argmap-autosave"
_LOCK_SUFFIX = ".lock"


def recovery_path(path: str | os.PathLike[str], session: str | None = None) -> Path:
    """The copy of ``path`` kept by ``session`` (``a.yaml.<session>.argmap-autosave``); without
    a session, the one shared name older versions used (``a.yaml.argmap-autosave``)."""
    middle = f".{session}" if session else ""
    return Path(f"{path}{middle}{RECOVERY_SUFFIX}")


def new_session_name() -> str:
    """A name no other session on this machine uses: the process id and a random part."""
    return f"{os.getpid()}-{secrets.token_hex(3)}"


def recovery_copies(path: str | os.PathLike[str]) -> list[Path]:
    """Every recovery copy of ``path`` (any session's), newest first."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    mine = re.compile(re.escape(target.name) + r"(?:\.[0-9]+-[0-9a-f]+)?"
                      + re.escape(RECOVERY_SUFFIX) + r"\Z")
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = [folder / name for name in names if mine.match(name)]
    return sorted(found, key=_mtime, reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def owner_alive(copy: Path) -> bool:
    """Whether a live session holds ``copy``'s lock (False for a copy without one)."""
    lock = Path(f"{copy}{_LOCK_SUFFIX}")
    if not lock.exists():
        return False
    try:
        handle = open(lock, "a+b")  # noqa: SIM115 - closed below
    except OSError:
        return True  # cannot tell: assume its owner lives, so it is never taken over
    try:
        if fcntl is None:
            return _pid_alive(copy)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False
    finally:
        handle.close()


def _pid_alive(copy: Path) -> bool:
    """Without file locks: whether the process named in the copy's session part still runs."""
    session = copy.name[: -len(RECOVERY_SUFFIX)].rsplit(".", 1)[-1]
    try:
        os.kill(int(session.split("-")[0]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except OSError:
        return True
    return True


def orphaned_copy(path: str | os.PathLike[str]) -> Path | None:
    """The newest copy of ``path`` whose session is gone: the one to offer for restoring."""
    return next((c for c in recovery_copies(path) if not owner_alive(c)), None)


def live_copies(path: str | os.PathLike[str], own: Path | None = None) -> list[Path]:
    """Copies of ``path`` that other live sessions hold (another explorer has unsaved edits)."""
    return [c for c in recovery_copies(path) if c != own and owner_alive(c)]


class OwnerLock:
    """The lock a session holds on its copy for as long as it lives (taken at the first copy)."""

    def __init__(self) -> None:
        self._handle: Any = None
        self.copy: Path | None = None

    def hold(self, copy: Path) -> None:
        if self.copy == copy and self._handle is not None:
            return
        self.release()
        handle = open(f"{copy}{_LOCK_SUFFIX}", "a+b")  # noqa: SIM115 - held until release
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._handle, self.copy = handle, copy

    def release(self, remove: bool = False) -> None:
        """Let the lock go (a crash does the same); ``remove``: delete the lock file too."""
        if self._handle is not None:
            if remove and self.copy is not None:
                Path(f"{self.copy}{_LOCK_SUFFIX}").unlink(missing_ok=True)
            self._handle.close()
        self._handle = None


def remove_copy(copy: Path) -> None:
    """Delete a copy and its lock file."""
    copy.unlink(missing_ok=True)
    Path(f"{copy}{_LOCK_SUFFIX}").unlink(missing_ok=True)
