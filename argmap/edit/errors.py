"""The error of an edit the map cannot take."""

from __future__ import annotations

from argmap.errors import ArgmapError


class EditRejected(ArgmapError):
    """An edit that would leave the map invalid; the map is unchanged."""
