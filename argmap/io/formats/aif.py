"""Read and write AIF JSON as AIFdb and OVA exchange it.

An AIF graph is nodes and edges: I-nodes are propositions, RA-nodes inferences, CA-nodes
conflicts, MA-nodes rephrases, PA-nodes preferences; L (locution), YA (illocution) and TA
(transition) nodes carry the dialogue. Reading: I-nodes become claims, an RA-node a supporting
link (its incoming I-nodes the co-premises, its outgoing node the target), a CA-node an attacking
link; a CA-node pointing at an RA- or CA-node is an undercut. An RA- or CA-node's ``scheme`` (or
an RA-node's text naming one, as OVA writes it) becomes the link's ``scheme:``, exactly as written.
Who said a claim (L -> YA -> I) becomes the claim's ``said:`` list, which writing turns back into
L- and YA-nodes; rephrases (MA) are kept in the claim's note; transitions and preferences are
dropped and said so. Links that repeat one another (same premises, target and type) are kept and
reported, since each one counts in the evaluation.

Writing produces ``{"nodes", "edges", "locutions"}`` with numeric string ids as AIFdb issues
them, plus an ``argmap`` key (ignored by AIF tools) that holds what AIF has no place for, so a map
sent out and read back is the same map.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from typing import Any

from argmap.errors import MapLoadError, Problem
from argmap.io.formats import (
    Exported,
    IdMaker,
    Imported,
    build_map,
    extras,
    one_line,
    plain_links,
)
from argmap.io.native.positions import JsonPositions
from argmap.model import ArgumentMap

__all__ = ["read", "to_aif", "write"]

SCHEME_TYPES = {"RA": "supports", "CA": "attacks"}
KNOWN_TYPES = {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA", ""}
CLAIM_FIELDS = ("id", "text")
LINK_FIELDS = ("id", "from", "to", "type")


def _load_json(text: str, path: str) -> tuple[dict[str, Any], JsonPositions]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MapLoadError([Problem(path, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]) \
            from None
    except RecursionError:
        raise MapLoadError([Problem(path, None, None, "invalid JSON: nested too deeply")]) from None
    positions = JsonPositions(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("nodes"), list) \
            or not isinstance(raw.get("edges"), list):
        raise MapLoadError([Problem(path, 1, 1, "not AIF JSON: expected an object with "
                                    "\"nodes\" and \"edges\" lists")])
    return raw, positions


def _problem(path: str, positions: JsonPositions, loc: tuple[Any, ...], msg: str) -> Problem:
    pos = positions.position(loc, False)
    return Problem(path, pos[0] if pos else None, pos[1] if pos else None, msg)


def _nodes(raw: dict[str, Any], path: str, positions: JsonPositions) -> dict[str, dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    problems = []
    for i, node in enumerate(raw["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            problems.append(_problem(path, positions, ("nodes", i),
                                     f"node #{i + 1} needs \"nodeID\" and \"type\""))
            continue
        ident = str(node["nodeID"])
        if ident in nodes:
            problems.append(_problem(path, positions, ("nodes", i, "nodeID"),
                                     f"duplicate nodeID {ident!r}"))
        elif node["type"] == "I" and not one_line(str(node.get("text") or "")):
            problems.append(_problem(path, positions, ("nodes", i),
                                     f"I-node {ident!r} has no text"))
        nodes[ident] = node
    if problems:
        raise MapLoadError(problems)
    return nodes


def _edges(raw: dict[str, Any], nodes: dict[str, Any], path: str, positions: JsonPositions,
           dropped: list[str]) -> list[tuple[str, str]]:
    edges, problems, dangling = [], [], 0
    for i, edge in enumerate(raw["edges"]):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            problems.append(_problem(path, positions, ("edges", i),
                                     f"edge #{i + 1} needs \"fromID\" and \"toID\""))
            continue
        src, trg = str(edge["fromID"]), str(edge["toID"])
        if src in nodes and trg in nodes:
            edges.append((src, trg))
        else:
            dangling += 1
    if problems:
        raise MapLoadError(problems)
    if dangling:
        dropped.append(f"{dangling} edges name a node the file does not have; skipped")
    return edges


def read(text: str, path: str = "<string>") -> Imported:
    """The map an AIF JSON file holds, and what it had that argmap does not keep."""
    raw, positions = _load_json(text, path)
    dropped: list[str] = []
    nodes = _nodes(raw, path, positions)
    edges = _edges(raw, nodes, path, positions, dropped)
    ext: dict[str, Any] = raw["argmap"] if isinstance(raw.get("argmap"), dict) else {}
    saved: dict[str, Any] = ext["nodes"] if isinstance(ext.get("nodes"), dict) else {}
    into: dict[str, list[str]] = defaultdict(list)
    out: dict[str, list[str]] = defaultdict(list)
    for src, trg in edges:
        out[src].append(trg)
        into[trg].append(src)
    ids = IdMaker({str(v["id"]) for v in saved.values() if isinstance(v, dict) and "id" in v})
    names: dict[str, str] = {}
    for ident, node in nodes.items():
        own = saved.get(ident, {}).get("id") if isinstance(saved.get(ident), dict) else None
        if node["type"] == "I":
            names[ident] = own or ids.make(str(node["text"]))
        elif node["type"] in SCHEME_TYPES:
            names[ident] = own or ids.make(f"{node['type'].lower()}-{ident}")
    claims = _claims(nodes, names, saved, into, out)
    links = _links(nodes, names, saved, into, out, dropped)
    _dialogue(nodes, names, claims, into, out, dropped, saved)
    data: dict[str, Any] = {k: v for k, v in ext.items() if k != "nodes"}
    data.setdefault("title", _title(path))
    data.update({"claims": list(claims.values()), "links": links})
    return Imported(build_map(data, path), dropped)


def _title(path: str) -> str:
    from pathlib import Path

    return Path(path).name.split(".")[0] if path != "<string>" else "AIF import"


def _claims(nodes: dict[str, Any], names: dict[str, str], saved: dict[str, Any],
            into: dict[str, list[str]], out: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    claims = {}
    for ident, node in nodes.items():
        if node["type"] != "I":
            continue
        after = {nodes[t]["type"] for t in out[ident]}
        before = {nodes[s]["type"] for s in into[ident]}
        kind = "premise"
        if "RA" in before and not after & {"RA", "CA"}:
            kind = "conclusion"
        elif "CA" in after and "RA" not in after:
            kind = "rebuttal"
        claim = {"id": names[ident], "text": str(node["text"]).strip(), "kind": kind}
        if isinstance(saved.get(ident), dict):
            claim.update({k: v for k, v in saved[ident].items() if k != "id"})
        claims[ident] = claim
    return claims


def _links(nodes: dict[str, Any], names: dict[str, str], saved: dict[str, Any],
           into: dict[str, list[str]], out: dict[str, list[str]], dropped: list[str]
           ) -> list[dict[str, Any]]:
    links, unused = [], []
    for ident, node in nodes.items():
        if node["type"] not in SCHEME_TYPES:
            continue
        premises = [names[s] for s in into[ident] if nodes[s]["type"] == "I"]
        targets = [t for t in out[ident] if nodes[t]["type"] in ("I", *SCHEME_TYPES)]
        if not premises or not targets:
            unused.append(ident)
            continue
        for n, target in enumerate(targets):
            if names[target] in premises:
                unused.append(ident)
                continue
            link = {"id": names[ident] if n == 0 else f"{names[ident]}-{n + 1}",
                    "from": premises, "to": names[target], "type": SCHEME_TYPES[node["type"]]}
            scheme = _scheme(node)
            if scheme:
                link["scheme"] = scheme
            if isinstance(saved.get(ident), dict):
                link.update({k: v for k, v in saved[ident].items() if k != "id"})
            links.append(link)
    if unused:
        dropped.append(f"{len(unused)} RA/CA nodes without premise or target (or pointing back"
                       " at a premise) skipped: " + ", ".join(unused[:6]))
    _report_repeats(links, dropped)
    return links


# What AIF tools write on an RA/CA node that names no scheme.
_NO_SCHEME = {"", "ra", "ca", "default inference", "default conflict"}


def _scheme(node: dict[str, Any]) -> str | None:
    """The scheme an RA/CA node names: its ``scheme`` field (AIFdb), else an RA node's text when
    that is a scheme's name (OVA writes "Argument From Expert Opinion" there)."""
    scheme = node.get("scheme")
    if isinstance(scheme, str) and scheme.strip():
        return scheme.strip()
    text = str(node.get("text") or "").strip()
    if node["type"] == "RA" and text.lower() not in _NO_SCHEME and len(text) <= 80:
        return text
    return None


def _report_repeats(links: list[dict[str, Any]], dropped: list[str]) -> None:
    """Say which links repeat an earlier one: kept as the file has them, but each one counts."""
    seen: dict[tuple[Any, ...], str] = {}
    repeats = []
    for link in links:
        key = (tuple(sorted(link["from"])), link["to"], link["type"])
        if key in seen:
            repeats.append(f"{link['id']} (repeats {seen[key]})")
        else:
            seen[key] = link["id"]
    if repeats:
        dropped.append(f"{len(repeats)} link{'s' if len(repeats) > 1 else ''} with the same "
                       "premises, target and type as another kept (argmap check reports them; "
                       "delete the repeats unless they are meant to count twice): "
                       + ", ".join(repeats[:6]))


def _dialogue(nodes: dict[str, Any], names: dict[str, str], claims: dict[str, dict[str, Any]],
              into: dict[str, list[str]], out: dict[str, list[str]], dropped: list[str],
              saved: dict[str, Any]) -> None:
    """Keep who said a claim (L -> YA -> I) in its ``said:`` list and rephrases (I -> MA -> I)
    in its note."""
    counts: dict[str, int] = defaultdict(int)
    for ident, node in nodes.items():
        kind = node["type"]
        if kind == "YA":
            locutions = [str(nodes[s].get("text", "")) for s in into[ident]
                         if nodes[s]["type"] == "L"]
            said = [t for t in out[ident] if t in claims]
            for target in (t for t in said if "said" not in saved.get(t, {})):
                for words in locutions:
                    claims[target].setdefault("said", []).append(
                        _locution(words, str(node.get("text") or "")))
            if not said:
                counts["YA (an illocution anchored on an inference or transition)"] += 1
        elif kind == "MA":
            for target in (t for t in out[ident] if t in claims):
                for src in (s for s in into[ident] if s in claims):
                    _add_note(claims[target], f"Rephrases {names[src]}.")
        elif kind in ("TA", "PA"):
            counts[f"{kind} (a dialogue {'transition' if kind == 'TA' else 'preference'})"] += 1
        elif kind not in KNOWN_TYPES:
            counts[f"{kind!r} (a node type argmap does not know)"] += 1
    for what, n in counts.items():
        dropped.append(f"{n} node{'s' if n > 1 else ''} of type {what} dropped: argmap has no"
                       " place for them")


def _locution(words: str, act: str) -> dict[str, Any]:
    """A ``said:`` entry: the L-node's words, the speaker they name, the YA-node's act."""
    entry: dict[str, Any] = {"text": words}
    speaker = re.match(r"\s*([^:'\"\n]{1,60}?)\s*(?::|\bsays\b)", words)
    if speaker and speaker.group(1).strip():
        entry["speaker"] = speaker.group(1).strip()
    if act.strip():
        entry["act"] = act.strip()
    return entry


def _add_note(claim: dict[str, Any], line: str) -> None:
    claim["note"] = f"{claim['note']}\n{line}" if claim.get("note") else line


def write(amap: ArgumentMap) -> Exported:
    """The map as AIF JSON text; AIF loses nothing (what it has no place for rides along)."""
    return Exported(json.dumps(to_aif(amap), indent=2, ensure_ascii=False) + "\n", [])


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIF data: claims as I-nodes, links as RA/CA nodes, undercuts into S-nodes."""
    from argmap.io import to_data

    data = to_data(amap)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    node_id: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    saved: dict[str, Any] = {}
    dialogue: list[tuple[str, str]] = []   # L -> YA -> I edges
    claims = data.get("claims", [])
    for n, item in enumerate([*claims, *plain_links(amap, data)]):
        ident = str(len(nodes) + 1)
        node_id[item["id"]] = ident
        node: dict[str, Any]
        if n >= len(claims):
            aif_type = "RA" if item["type"] == "supports" else "CA"
            text = "Default Inference" if aif_type == "RA" else "Default Conflict"
            keep = extras(item, LINK_FIELDS)
            node = {"nodeID": ident, "text": text, "type": aif_type, "timestamp": stamp}
            if keep.get("scheme"):
                node["scheme"] = keep.pop("scheme")
        else:
            aif_type, text, keep = "I", item["text"], extras(item, CLAIM_FIELDS)
            keep.setdefault("kind", "premise")  # else the reader's guess from the structure
            said = keep.get("said", [])  # as L/YA nodes, and whole in the argmap key
            node = {"nodeID": ident, "text": text, "type": aif_type, "timestamp": stamp}
        nodes.append(node)
        saved[ident] = {"id": item["id"], **keep}
        if n < len(claims):
            for entry in said:
                _write_locution(nodes, dialogue, ident, entry, stamp)
    edges = list(dialogue)
    for link in plain_links(amap, data):
        scheme = node_id[link["id"]]
        for premise in link["from"]:
            edges.append((node_id[premise], scheme))
        edges.append((scheme, node_id[link["to"]]))
    locutions = [{"nodeID": node["nodeID"], "personID": None} for node in nodes
                 if node["type"] == "L"]
    return {
        "nodes": nodes,
        "edges": [{"edgeID": str(i + 1), "fromID": a, "toID": b, "formEdgeID": None}
                  for i, (a, b) in enumerate(edges)],
        "locutions": locutions,
        "argmap": {**{k: v for k, v in data.items() if k not in ("claims", "links", "argmap")},
                   "nodes": saved},
    }


def _write_locution(nodes: list[dict[str, Any]], edges: list[tuple[str, str]], claim: str,
                    entry: dict[str, Any], stamp: str) -> None:
    """An L-node with the words and a YA-node with the act, anchored on the claim's I-node."""
    said = str(len(nodes) + 1)
    nodes.append({"nodeID": said, "text": entry["text"], "type": "L", "timestamp": stamp})
    act = str(len(nodes) + 1)
    nodes.append({"nodeID": act, "text": entry.get("act") or "Asserting", "type": "YA",
                  "timestamp": stamp})
    edges += [(said, act), (act, claim)]
