"""The generated map as AIF JSON (for loading in arguebuf): argmap's own AIF writer's output,
or, where argmap has no AIF writer, this module's.

Claims are I-nodes; each support link is an RA-node and each attack link a CA-node, with edges
premise -> scheme node -> target (a claim, or for an undercut another scheme node).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STAMP = "2024-01-01 12:00:00"


def to_aif(data: dict[str, Any]) -> dict[str, Any]:
    """AIF (nodes, edges, locutions) of a map given as plain data."""
    nodes: list[dict[str, Any]] = [
        {"nodeID": c["id"], "text": c["text"], "type": "I", "timestamp": STAMP}
        for c in data["claims"]
    ]
    edges: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target,
                      "formEdgeID": None})

    for link in data.get("links", []):
        attack = link.get("type") == "attacks"
        nodes.append({"nodeID": link["id"], "text": "Default Conflict" if attack else
                      "Default Inference", "type": "CA" if attack else "RA",
                      "timestamp": STAMP})
        premises = link["from"] if isinstance(link["from"], list) else [link["from"]]
        for premise in premises:
            edge(premise, link["id"])
        edge(link["id"], link["to"])
    return {"nodes": nodes, "edges": edges, "locutions": []}


def write_aif(data: dict[str, Any], path: Path) -> Path:
    """Write ``data`` as AIF JSON to ``path`` unless it is already there."""
    if not path.exists():
        aif = _argmap_aif(data)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(aif, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return path


def _argmap_aif(data: dict[str, Any]) -> dict[str, Any]:
    """argmap's own AIF writer when it has one, else :func:`to_aif`."""
    try:
        from argmap.io.formats import aif as argmap_aif
    except ImportError:
        return to_aif(data)
    from argmap.model import ArgumentMap

    result: dict[str, Any] = json.loads(argmap_aif.write(ArgumentMap.model_validate(data)).text)
    result.pop("argmap", None)  # what AIF has no place for: AIF tools skip it
    return result
