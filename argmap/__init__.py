"""argmap: argument mapping and debate analysis.

The library API: load a map, inspect its graph, analyse it, render it.

>>> from argmap import loads_map
>>> loads_map("title: t\\nclaims: [{id: a, text: A}]", "yaml").claims[0].id
'a'
"""

from importlib.metadata import PackageNotFoundError, version

from argmap.errors import ArgmapError, MapLoadError, MapSaveError, Problem
from argmap.io import dumps_map, load_map, loads_map, save_map
from argmap.model import ArgumentMap, Citation, Claim, Link, Source

try:
    __version__ = version("argmap")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

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
