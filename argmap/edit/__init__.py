"""An editing session over a map: apply an edit, undo, redo, a dirty flag, save.

An edit gives a new map that is valid as a whole; an edit that would make the map invalid raises
:class:`EditRejected` and leaves the session unchanged. The common edits (add a reason, a rebuttal
or a co-premise, edit a claim or a link, delete) validate only what they change
(:mod:`argmap.edit.fast`); any other edit, and any edit the fast path cannot vouch for, works on
a copy of the map's data and is validated as a whole map. Both give the same map and the same
errors. Maps are never changed in place (new maps share unchanged claims and links with old
ones), so an older map (held by an analysis worker, or the undo history) stays valid while the
session moves on.

>>> from argmap.model import ArgumentMap
>>> s = EditSession(ArgumentMap.model_validate(
...     {"title": "t", "claims": [{"id": "c", "text": "C", "kind": "conclusion"}]}))
>>> s.add_reason("c", "B is true."); s.dirty
'b-is-true'
True
>>> s.undo(); [c.id for c in s.map.claims]
'add a reason'
['c']
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.edit import fast, ops
from argmap.edit.errors import EditRejected
from argmap.edit.recovery import (
    RECOVERY_SUFFIX,
    OwnerLock,
    live_copies,
    new_session_name,
    orphaned_copy,
    recovery_copies,
    recovery_json,
    recovery_path,
    remove_copy,
)
from argmap.errors import MapSaveError, UsageError
from argmap.io import load_map, loads_map, map_format, read_map_text, save_map
from argmap.io.atomic import atomic_write
from argmap.io.native.problems import validation_problems
from argmap.model import ArgumentMap

__all__ = ["EditSession", "EditRejected", "ChangedOnDisk", "map_data", "recovery_path",
           "recovery_copies", "orphaned_copy", "live_copies", "RECOVERY_SUFFIX"]

HISTORY_LIMIT = 200


class ChangedOnDisk(MapSaveError):
    """The file was changed by another program since the map was loaded or last saved."""


def map_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as the data its file holds, with every link's id (generated ones too)."""
    data = amap.model_dump(mode="json", by_alias=True, exclude_unset=True)
    for item, link in zip(data.get("links", []), amap.links, strict=True):
        item["id"] = link.ident
    return data


def _rebuild(old: ArgumentMap, data: dict[str, Any]) -> ArgumentMap:
    """Validate ``data`` as a map that keeps ``old``'s file origin and generated link ids."""
    generated = {lk.ident for lk in old.links if "id" not in lk.model_fields_set}
    try:
        new = ArgumentMap.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, data, "", lambda *_: None)
        raise EditRejected("; ".join(p.message for p in problems)) from None
    for link in new.links:
        if link.id in generated:  # generated ids stay out of the saved file, as on load
            link.model_fields_set.discard("id")
    new._origin = old._origin
    return new


def _delete_plain(data: dict[str, Any], ident: str) -> list[str]:
    """Delete ``ident`` from the map's data: a claim, or else a link."""
    is_claim = any(c.get("id") == ident for c in data.get("claims", []))
    return (ops.delete_claim if is_claim else ops.delete_link)(data, ident)


class EditSession:
    """The map being edited, its undo and redo history, and whether it has unsaved changes.

    ``fast = False`` runs every edit through the whole-map path (same results, slower).
    """

    fast = True

    def __init__(self, amap: ArgumentMap):
        self.map = amap
        self._saved: ArgumentMap | None = amap
        self._undo: list[tuple[str, ArgumentMap]] = []
        self._redo: list[tuple[str, ArgumentMap]] = []
        # Recovery copies are written from worker threads: a copy is written, and removed,
        # only under this lock, and only while it still holds the current unsaved map.
        self._recovery_lock = threading.Lock()
        # This session's own copy: its name, and the lock that says the session lives.
        self.session_name = new_session_name()
        self._owner = OwnerLock()

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> EditSession:
        """A session over the map file at ``path`` (MapLoadError when it cannot be used)."""
        return cls(load_map(path))

    @property
    def path(self) -> Path | None:
        origin = self.map._origin
        return Path(origin.path) if origin is not None else None

    @property
    def dirty(self) -> bool:
        """True when the map differs from what was loaded or last saved."""
        return self.map is not self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def apply(self, label: str, edit: Callable[[dict[str, Any]], Any]) -> Any:
        """Run ``edit`` on a copy of the map's data, validate, and make it the current map.

        Returns what ``edit`` returned. Raises EditRejected (map unchanged) when the edited
        map would be invalid, UsageError when the edit itself makes no sense.
        """
        data = map_data(self.map)
        result = edit(data)
        self._advance(label, _rebuild(self.map, data))
        return result

    def _apply_fast(self, label: str, edit: Callable[[ArgumentMap], tuple[ArgumentMap, Any]],
                    plain: Callable[[dict[str, Any]], Any]) -> Any:
        """Run ``edit`` (a :mod:`argmap.edit.fast` edit) on the map; when it is unsure, run
        ``plain`` (the same edit over the map's data) through :meth:`apply`."""
        if self.fast:
            try:
                new, result = edit(self.map)
            except fast.Unsure:
                pass
            else:
                self._advance(label, new)
                return result
        return self.apply(label, plain)

    def _advance(self, label: str, new: ArgumentMap) -> None:
        self._undo.append((label, self.map))
        del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self.map = new

    def undo(self) -> str:
        """Go back one edit; returns its label. UsageError when there is nothing to undo."""
        if not self._undo:
            raise UsageError("nothing to undo")
        label, previous = self._undo.pop()
        self._redo.append((label, self.map))
        self.map = previous
        return label

    def redo(self) -> str:
        """Apply again the last undone edit; returns its label."""
        if not self._redo:
            raise UsageError("nothing to redo")
        label, following = self._redo.pop()
        self._undo.append((label, self.map))
        self.map = following
        return label

    # The edits a user makes, by name.
    def add_reason(self, target: str, text: str, **opts: Any) -> str:
        """Add a claim supporting ``target`` (claim or link); returns the new claim's id."""
        return str(self._apply_fast("add a reason",
                                    lambda m: fast.add_reason(m, target, text, **opts),
                                    lambda d: ops.add_reason(d, target, text, **opts)))

    def add_rebuttal(self, target: str, text: str, **opts: Any) -> str:
        """Add a rebuttal attacking ``target`` (claim, or link for an undercut)."""
        return str(self._apply_fast("add a rebuttal",
                                    lambda m: fast.add_rebuttal(m, target, text, **opts),
                                    lambda d: ops.add_rebuttal(d, target, text, **opts)))

    def answer_question(self, link_id: str, question: str, text: str, **opts: Any) -> str:
        """Add an objection undercutting ``link_id`` that raises the critical ``question``
        (its id, ``CQ2``, or its label) of the link's scheme: a rebuttal whose attack says
        ``answers: CQ2``. Returns the rebuttal's id; UsageError when the link's scheme has no
        such question."""
        from argmap.analysis.schemes import find_scheme

        link = next((lk for lk in self.map.links if lk.ident == link_id), None)
        if link is None:
            raise ops.missing("links", link_id)
        scheme = find_scheme(link.scheme)
        asked = scheme.question(question) if scheme is not None else None
        if asked is None:
            raise UsageError(f"the link {link_id!r} has no critical question {question!r}"
                             + ("" if scheme else ": it names no scheme argmap knows"))
        return str(self._apply_fast(
            f"answer {asked.id} of {link_id}",
            lambda m: fast.add_rebuttal(m, link_id, text, answers=asked.id, **opts),
            lambda d: ops.add_rebuttal(d, link_id, text, answers=asked.id, **opts)))

    def add_co_premise(self, link_id: str, text: str, **opts: Any) -> str:
        """Add a claim to the premises of ``link_id``; returns its id."""
        return str(self._apply_fast("add a co-premise",
                                    lambda m: fast.add_co_premise(m, link_id, text, **opts),
                                    lambda d: ops.add_co_premise(d, link_id, text, **opts)))

    def edit_claim(self, claim_id: str, **changes: Any) -> None:
        """Change a claim's text, kind, confidence, tags, evidence or note."""
        self._apply_fast(f"edit {claim_id}",
                         lambda m: (fast.update_claim(m, claim_id, **changes), None),
                         lambda d: ops.update_claim(d, claim_id, **changes))

    def edit_link(self, link_id: str, **changes: Any) -> None:
        """Change a link's type, strength, warrant, evidence or note."""
        self._apply_fast(f"edit {link_id}",
                         lambda m: (fast.update_link(m, link_id, **changes), None),
                         lambda d: ops.update_link(d, link_id, **changes))

    def delete(self, ident: str) -> list[str]:
        """Delete a claim or a link (and the links left dangling); returns the removed ids."""
        return list(self._apply_fast(f"delete {ident}", lambda m: fast.delete(m, ident),
                                     lambda data: _delete_plain(data, ident)))

    def deletion_preview(self, ident: str) -> list[str]:
        """What :meth:`delete` would remove (the map is left as it is); UsageError when
        ``ident`` names nothing."""
        if self.fast:
            try:
                return fast.delete(self.map, ident)[1]
            except fast.Unsure:
                pass
        return _delete_plain(map_data(self.map), ident)

    # Reviewing a tool's proposals (`proposed: true`, see `argmap draft`).
    def is_proposal(self, ident: str) -> bool:
        """True when ``ident`` names a claim or link still marked as a proposal."""
        item = next((x for x in [*self.map.claims, *self.map.links] if x.id == ident), None)
        return bool(item is not None and item.proposed)

    def accept(self, ident: str) -> str:
        """Accept the proposed claim or link ``ident``: its `proposed` mark goes, it stays.
        Returns the edit's label; UsageError when ``ident`` is no proposal."""
        is_claim = self._proposal_kind(ident) == "claim"
        label = f"accept {ident}"
        if is_claim:
            self.edit_claim(ident, proposed=None)
        else:
            self.edit_link(ident, proposed=None)
        self._undo[-1] = (label, self._undo[-1][1])
        return label

    def reject(self, ident: str) -> list[str]:
        """Reject the proposed claim or link ``ident``: it is deleted, with the links left
        dangling (as :meth:`delete`). Returns the removed ids; UsageError when ``ident`` is no
        proposal."""
        self._proposal_kind(ident)
        removed = self.delete(ident)
        self._undo[-1] = (f"reject {ident}", self._undo[-1][1])
        return removed

    def _proposal_kind(self, ident: str) -> str:
        if any(c.id == ident for c in self.map.claims):
            kind = "claim"
        elif any(lk.id == ident for lk in self.map.links):
            kind = "link"
        else:
            raise UsageError(f"no claim or link with id {ident!r}")
        if not self.is_proposal(ident):
            raise UsageError(f"{kind} {ident!r} is not a proposal: there is nothing to accept "
                             "or reject")
        return kind

    # Files.
    def changed_on_disk(self) -> bool:
        """True when the file was modified since it was loaded or saved by this session."""
        origin = self.map._origin
        if origin is None or origin.mtime_ns is None:
            return False
        try:
            return os.stat(origin.path).st_mtime_ns != origin.mtime_ns
        except FileNotFoundError:
            return False

    def save(self, path: str | os.PathLike[str] | None = None, *, force: bool = False) -> Path:
        """Save atomically (keeping the file's comments). Raises ChangedOnDisk, without writing,
        when saving over a file another program changed since it was read, unless ``force``."""
        same_file = path is None or (self.path is not None and Path(path) == self.path)
        if same_file and not force and self.changed_on_disk():
            raise ChangedOnDisk(f"{self.path} was changed by another program since it was"
                                " opened; save elsewhere or overwrite on purpose")
        written = save_map(self.map, path)
        self._saved = self.map
        self.discard_recovery(written)
        return written

    @property
    def recovery_path(self) -> Path | None:
        """Where this session keeps its unsaved edits (``FILE.<session>.argmap-autosave``)."""
        return recovery_path(self.path, self.session_name) if self.path is not None else None

    def write_recovery(self) -> Path | None:
        """Keep the unsaved map next to its file, in this session's own copy; None if no file,
        or when, by the time the copy is ready, the map was edited again (that edit's copy is
        the one to keep) or saved (a copy written then would be offered again on next open).
        May run in a worker thread while the session moves on."""
        target = self.recovery_path
        if target is None:
            return None
        amap = self.map
        text = recovery_json(amap)  # the slow part, outside the lock
        with self._recovery_lock:
            if amap is not self.map or not self.dirty:
                return None
            self._owner.hold(target)
            atomic_write(target, text)
        return target

    def discard_recovery(self, path: str | os.PathLike[str] | None = None) -> None:
        """Remove this session's copy (after a save, or when the edits are dropped). Other
        sessions' copies are never touched. ``path``: the file the copy was kept for."""
        where = path if path is not None else self.path
        if where is None:
            return
        with self._recovery_lock:
            for copy in {recovery_path(where, self.session_name), self._owner.copy}:
                if copy is not None:
                    copy.unlink(missing_ok=True)
            self._owner.release(remove=True)

    def close(self) -> None:
        """End the session, keeping its copy (as a crash would): it is offered on next open."""
        self._owner.release()

    def offered_copy(self) -> Path | None:
        """The copy of unsaved edits a session that is gone left for this file, if any."""
        return orphaned_copy(self.path) if self.path is not None else None

    def others_editing(self) -> list[Path]:
        """Copies other live sessions keep of this file: someone else has unsaved edits."""
        return live_copies(self.path, self.recovery_path) if self.path is not None else []

    def restore_recovery(self, copy: Path | None = None) -> bool:
        """Make a gone session's copy (``copy``, default :meth:`offered_copy`) the current,
        unsaved map, and adopt it as this session's own copy; False when there is none.

        The edits land on the original file's layout, so a save still keeps its comments.
        """
        copy = copy if copy is not None else self.offered_copy()
        if self.path is None or copy is None or not copy.exists():
            return False
        text = read_map_text(copy)
        # JSON (see argmap.edit.recovery); a copy kept by an older version is in the map's format.
        fmt = "json" if text.lstrip().startswith("{") else map_format(self.path)
        recovered = loads_map(text, fmt, str(copy))
        self.apply("restore unsaved edits", lambda d: d.clear() or d.update(map_data(recovered)))
        own = self.recovery_path
        assert own is not None
        with self._recovery_lock:
            self._owner.hold(own)
            os.replace(copy, own)  # the edits stay on disk, now under this session's lock
            remove_copy(copy)
        return True

    def discard_offered(self, copy: Path) -> None:
        """Delete a gone session's copy the user chose not to restore."""
        remove_copy(copy)
