"""argmap: argument mapping and debate analysis.

The library API: load a map, inspect its graph, analyse it, render it.

>>> from argmap import loads_map
>>> loads_map("title: t\\nclaims: [{id: a, text: A}]", "yaml").claims[0].id
'a'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, MapLoadError, MapSaveError, Problem

if TYPE_CHECKING:
    from argmap.io import dumps_map, load_map, loads_map, save_map
    from argmap.model import ArgumentMap, Citation, Claim, Link, Source

# Imported on first use (PEP 562), so that `import argmap.cli` and `argmap --version` do not
# pay for pydantic models and the YAML readers.
_LAZY = {"dumps_map": "argmap.io", "load_map": "argmap.io", "loads_map": "argmap.io",
         "save_map": "argmap.io", "ArgumentMap": "argmap.model", "Citation": "argmap.model",
         "Claim": "argmap.model", "Link": "argmap.model", "Source": "argmap.model"}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("argmap")
        except PackageNotFoundError:  # running from a source tree without installing
            return "0.0.0"
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Citation",
    "Claim",
    "Link",
    "MapLoadError",
    "MapSaveError",
    "Problem",
    "Source",
    "dumps_map",
    "load_map",
    "loads_map",
    "save_map",
]
