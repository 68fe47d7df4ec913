"""Analysing a map off the UI thread: in a separate process for large maps, in a thread for small.

A thread that runs the analysis holds Python's GIL for most of its run, and the UI thread waits
for it between events: on a 100,000-claim map keys took seconds while the analysis ran. A child
process has its own interpreter, so the UI keeps its core. The child is a new Python
(``python -m tui.analysing``, never a fork: the app has threads) talking over its stdin and
stdout; its stderr goes nowhere, so nothing it prints reaches the terminal the UI draws on. It
reads the map file itself when the map is as it was loaded or saved (nothing to send), or is sent
the map pickled when it has unsaved edits. It sends the strengths, labels and findings back in
chunks, so no single unpickling holds the GIL for long, and the app rebuilds an
:class:`~argmap.analysis.Analysis` from them.

A child whose result is no longer wanted (the map was edited again, the app quits) is
terminated. When no process can be started (or on Windows, where the pipes cannot be polled),
the analysis runs in the calling thread instead.
"""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
import threading
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from argmap.analysis import Analysis, Evaluation
from argmap.analysis.evaluation.dfquad import Evaluator
from argmap.analysis.index import MapIndex
from argmap.model import ArgumentMap, Link
from argmap.perf import collector_paused

PROCESS_FROM = 2_000  # claims: below, the analysis takes < ~0.1 s and a thread is quicker
CHUNK = 20_000  # items per message from the child (each unpickled in a few milliseconds)
POLL = 0.05  # seconds between checks whether the result is still wanted
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # where the child imports tui from


class AnalysisFailed(Exception):
    """The analysis raised an error (its message is for the user)."""


class ProcessUnavailable(Exception):
    """No child process could be started, or it ended without a result."""


def base_dir(amap: ArgumentMap) -> Path | None:
    """The folder source texts are read from: the map file's own."""
    return Path(amap._origin.path).parent if amap._origin is not None else None


def analyse_off_ui(amap: ArgumentMap, *, pristine: bool, cancelled: Callable[[], bool],
                   source_texts: Mapping[str, str] | None = None) -> Analysis | None:
    """The analysis of ``amap``, or None when ``cancelled()`` turned true before it was done.

    ``pristine``: the map is what its file holds (nothing unsaved), so a child process may read
    the file instead of being sent the map. ``source_texts``: source id -> text file given on
    the command line, for the quote checks. Raises AnalysisFailed when the analysis fails.
    """
    if len(amap.claims) >= PROCESS_FROM and os.name == "posix":
        try:
            return analyse_in_process(amap, pristine=pristine, cancelled=cancelled,
                                      source_texts=source_texts)
        except ProcessUnavailable:
            if cancelled():
                return None
    return analyse_in_thread(amap, source_texts)


def _texts(source_texts: Mapping[str, str] | None) -> dict[str, Any]:
    """The keyword for ``analyse``: none when no text was given (tests replace ``analyse``)."""
    return {"source_texts": dict(source_texts)} if source_texts else {}


def analyse_in_thread(amap: ArgumentMap,
                      source_texts: Mapping[str, str] | None = None) -> Analysis:
    """The analysis of ``amap``, computed here."""
    from argmap.analysis import analyse  # looked up at each call, so tests can replace it

    try:
        return analyse(amap, base_dir=base_dir(amap), **_texts(source_texts))
    except Exception as exc:  # even a bug in a rule must not close the editor with the edits
        raise AnalysisFailed(str(exc)) from exc


def analyse_in_process(amap: ArgumentMap, *, pristine: bool, cancelled: Callable[[], bool],
                       source_texts: Mapping[str, str] | None = None) -> Analysis | None:
    """The analysis of ``amap`` computed in a child process (None when cancelled first)."""
    try:
        child = start_child()
    except OSError as exc:  # no processes here (a sandbox, a limit)
        raise ProcessUnavailable(str(exc)) from exc
    _LIVE.add(child)
    try:
        assert child.stdin is not None and child.stdout is not None
        try:
            pickle.dump((_source(amap, pristine), base_dir(amap), _texts(source_texts)),
                        child.stdin, protocol=5)
            child.stdin.close()
        except Exception as exc:  # the child died, or something in the map would not pickle
            raise ProcessUnavailable(str(exc)) from exc
        result = _receive(amap, child.stdout, cancelled)
    except BaseException:
        stop(child)
        raise
    stop(child, grace=0 if result is None else 5)  # a child that answered is exiting anyway
    return result


_LIVE: set[subprocess.Popen[bytes]] = set()  # children started and not yet reaped


def end_children() -> None:
    """End and reap every child still analysing (the app is closing: it waits for none)."""
    for child in list(_LIVE):
        if child.poll() is None:
            _terminate(child)
        _LIVE.discard(child)


def start_child() -> subprocess.Popen[bytes]:
    """A new Python running :func:`child_main`, its stderr discarded."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [PACKAGE_ROOT, *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
    return subprocess.Popen([sys.executable, "-m", "tui.analysing"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)


def stop(child: subprocess.Popen[bytes], grace: float = 0) -> None:
    """End ``child`` if it still runs after ``grace`` seconds, and reap it (no process
    outlives its use)."""
    for stream in (child.stdin, child.stdout):
        if stream is not None and not stream.closed:
            try:
                stream.close()
            except OSError:
                pass
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        _terminate(child)
    _LIVE.discard(child)


def _terminate(child: subprocess.Popen[bytes]) -> None:
    """Ask ``child`` to end, kill it if it has not within five seconds, and reap it."""
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _source(amap: ArgumentMap, pristine: bool) -> tuple[str, Any]:
    """What the child analyses: the file (when it still holds this map), or the map itself."""
    origin = amap._origin
    if pristine and origin is not None and origin.mtime_ns is not None:
        try:
            if os.stat(origin.path).st_mtime_ns == origin.mtime_ns:
                return ("file", (origin.path, origin.mtime_ns))
        except OSError:
            pass
    bare = amap.model_copy()
    bare._origin = None  # the file's text and layout are not needed to analyse it
    return ("map", bare)


def _receive(amap: ArgumentMap, stream: IO[bytes],
             cancelled: Callable[[], bool]) -> Analysis | None:
    parts: dict[str, Any] = {"strengths": {}, "labels": {}, "findings": [], "conclusions": []}
    while True:
        if cancelled():
            return None
        ready, _, _ = select.select([stream], [], [], POLL)
        if not ready:
            continue
        try:
            with collector_paused():  # what arrives stays alive: no use walking it meanwhile
                kind, value = pickle.load(stream)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise ProcessUnavailable("the analysis process ended without a result") from exc
        if kind == "error":
            raise AnalysisFailed(value)
        if kind == "changed":  # the file changed since it was loaded: analyse here instead
            raise ProcessUnavailable("the map file changed on disk")
        if kind == "done":
            with collector_paused():
                return ReceivedAnalysis(amap, parts, value)
        if kind in ("strengths", "labels"):
            parts[kind].update(value)
        else:
            parts[kind].extend(value)


class ReceivedAnalysis(Analysis):
    """An :class:`Analysis` rebuilt from what a child process computed, over the app's own map.

    The index is built only if something asks for it (an export or the report); the tree and
    the panes need the strengths, labels and findings only.
    """

    def __init__(self, amap: ArgumentMap, parts: dict[str, Any], meta: dict[str, Any]):
        # Analysis.__init__ would build the index; everything it derives from it came along.
        self.map = amap
        self.strengths = parts["strengths"]
        self.evaluation = Evaluation(self.strengths, **meta)
        self.labels = parts["labels"]
        self.findings = parts["findings"]
        self.conclusions = parts["conclusions"]
        _ = self._by_target  # grouped now, in the worker thread, not on first use in the UI

    @cached_property
    def index(self) -> MapIndex:  # type: ignore[override]
        return MapIndex(self.map)

    @cached_property
    def _links(self) -> dict[str, Link]:
        return {link.ident: link for link in self.map.links}

    def link(self, link_id: str) -> Link:
        """The link ``link_id``, without building the index."""
        return self._links[link_id]


def strengths_without(analysis: Analysis, claim: str) -> Mapping[str, float]:
    """The strengths with ``claim`` removed (what :func:`argmap.analysis.what_if` gives),
    recomputing only what depends on it: the first call on an analysis orders the map once
    (a linear pass), later ones cost what changes. ``claim``'s own entry is its old strength.
    """
    with _PLANS_LOCK:
        plan = _PLANS.get(analysis)
        if plan is None:
            plan = _PLANS[analysis] = Evaluator(analysis.index).plan()
    evaluator = Evaluator(analysis.index, removed=[claim])
    return ChainMap(evaluator.changes(analysis.strengths, [claim], plan, {}), analysis.strengths)


_PLANS: WeakKeyDictionary[Analysis, Any] = WeakKeyDictionary()  # analysis -> Evaluator.plan()
_PLANS_LOCK = threading.Lock()


# In the child process.
def child_main() -> None:
    """Read (source, folder) from stdin, analyse that map, write the result to stdout in chunks."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the messages
    try:
        source, folder, texts = pickle.load(sys.stdin.buffer)
        amap = _child_map(source)
        if amap is None:
            pickle.dump(("changed", None), out)
            return
        from argmap.analysis import analyse

        for message in messages(analyse(amap, base_dir=folder, **texts)):
            pickle.dump(message, out, protocol=5)
    except Exception as exc:  # reported by the app; the child just ends
        pickle.dump(("error", str(exc)), out)
    finally:
        out.flush()


def _child_map(source: tuple[str, Any]) -> ArgumentMap | None:
    kind, value = source
    if kind == "map":
        return value  # type: ignore[no-any-return]
    from argmap.io import load_map

    path, mtime_ns = value
    amap = load_map(path)
    return amap if amap._origin is not None and amap._origin.mtime_ns == mtime_ns else None


def messages(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    """The analysis as (kind, chunk) messages, then ("done", the evaluation's details)."""
    for kind in ("strengths", "labels"):
        items = list(getattr(analysis, kind).items())
        for i in range(0, len(items), CHUNK):
            yield kind, dict(items[i:i + CHUNK])
    for kind in ("findings", "conclusions"):
        values = list(getattr(analysis, kind))
        for i in range(0, len(values), CHUNK):
            yield kind, values[i:i + CHUNK]
    ev = analysis.evaluation
    yield "done", {"iterations": ev.iterations, "converged": ev.converged, "cyclic": ev.cyclic}


if __name__ == "__main__":
    child_main()
    os._exit(0)  # the answer is out: skip freeing a large map object by object
