"""The peers and floors argmap is measured against: other parsers and argumentation libraries.

Each returns None when its package is not installed, so the benchmark still runs without them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

Loader = Callable[[], Any]


def orjson_loads(path: Path) -> Loader | None:
    """The parse floor: orjson.loads on the file's bytes (read once, outside the timing)."""
    try:
        import orjson
    except ImportError:
        return None
    data = path.read_bytes()
    return lambda: orjson.loads(data)


def json_loads(path: Path) -> Loader:
    text = path.read_text(encoding="utf-8")
    return lambda: json.loads(text)


def yaml_parsers(path: Path) -> dict[str, Loader]:
    """Safe YAML parsers that give Python data, by name (those that are installed)."""
    text = path.read_text(encoding="utf-8")
    found: dict[str, Loader] = {}
    import yaml

    if hasattr(yaml, "CSafeLoader"):
        found["PyYAML CSafeLoader"] = lambda: yaml.load(text, Loader=yaml.CSafeLoader)
    try:
        import yaml_rs
    except ImportError:
        pass
    else:
        found["yaml-rs loads"] = lambda: yaml_rs.loads(text, parse_datetime=False)
    return found


def ryml_tree(path: Path) -> Loader | None:
    """rapidyaml parsing into its own tree (it builds no Python objects)."""
    try:
        import ryml
    except ImportError:
        return None
    data = path.read_bytes()
    return lambda: ryml.parse_in_arena(data)


def arguebuf_load(path: Path) -> Loader | None:
    """arguebuf reading an AIF JSON file into its graph model."""
    try:
        import arguebuf
    except ImportError:
        return None
    return lambda: arguebuf.load.file(path)


# -- grounded semantics on a random attack graph ----------------------------------------------

def attack_graph(n: int, per: int = 3, seed: int = 7) -> list[tuple[int, int]]:
    """``per`` attacks out of each of ``n`` arguments, on distinct random others."""
    rng = random.Random(seed)
    attacks: list[tuple[int, int]] = []
    for a in range(n):
        targets: set[int] = set()
        while len(targets) < per:
            b = rng.randrange(n)
            if b != a:
                targets.add(b)
        attacks.extend((a, b) for b in sorted(targets))
    return attacks


def pyarg_grounded(n: int, attacks: list[tuple[int, int]]) -> Loader | None:
    """python-argumentation's get_grounded_extension; the result is the set of IN names."""
    try:
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    except ImportError:
        return None
    args = [Argument(f"a{i}") for i in range(n)]
    framework = AbstractArgumentationFramework(
        "random", args, [Defeat(args[a], args[b]) for a, b in attacks])
    return lambda: {arg.name for arg in get_grounded_extension(framework)}


def attack_map_data(n: int, attacks: list[tuple[int, int]]) -> dict[str, Any]:
    """The same attack graph as an argmap map: one claim per argument, one link per attack."""
    return {
        "title": f"random attack graph ({n} arguments)",
        "claims": [{"id": f"a{i}", "text": f"Argument {i}."} for i in range(n)],
        "links": [{"id": f"x{k}", "from": f"a{a}", "to": f"a{b}", "type": "attacks"}
                  for k, (a, b) in enumerate(attacks)],
    }
