"""Read the arg-microtexts corpus XML (Peldszus & Stede 2015) as an argument map.

An ``<arggraph>`` holds the text's segments (``<edu>``), its argumentative units (``<adu
type="pro|opp">``) and edges: ``seg`` ties a segment to its unit, ``sup``/``exa`` support,
``reb`` attacks a unit, ``und`` attacks an edge (an undercut) and ``add`` joins a unit to an
edge's premises. Units become claims with their segment's text and a citation ``segment eN`` of
the text; the central claim (the unit no edge leaves) is the conclusion; opponent units carry the
tag ``opponent`` and, where they attack, the kind ``rebuttal``. Each edge keeps its id as the
link's id. The text (the ``.txt`` beside the XML) is the map's subject source.

Import only: argmap does not write this format.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from argmap.errors import MapLoadError, Problem
from argmap.io.formats import Imported, build_map, one_line, title_id

__all__ = ["read"]

RELATIONS = {"sup": "supports", "exa": "supports", "reb": "attacks", "und": "attacks"}
EDGE_TYPES = ("seg", *RELATIONS, "add")


@dataclass
class _Element:
    tag: str
    attrib: dict[str, str]
    line: int
    text: str = ""


@dataclass
class _Graph:
    root: _Element
    edus: dict[str, _Element] = field(default_factory=dict)
    adus: dict[str, _Element] = field(default_factory=dict)
    edges: dict[str, _Element] = field(default_factory=dict)


def _parse(text: str, path: str) -> list[_Element]:
    """Every element of the file with the line it starts on (expat gives the lines)."""
    elements: list[_Element] = []
    open_: list[_Element] = []
    parser = expat.ParserCreate()

    def start(tag: str, attrib: dict[str, str]) -> None:
        element = _Element(tag, dict(attrib), parser.CurrentLineNumber)
        elements.append(element)
        open_.append(element)

    def data(chunk: str) -> None:
        if open_:
            open_[-1].text += chunk

    def doctype(*_: Any) -> None:  # entities are how XML bombs work; the corpus has none
        raise ValueError("a DOCTYPE is not allowed in a microtext file")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: open_.pop()
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise MapLoadError([Problem(path, exc.lineno, exc.offset + 1,
                                    f"invalid XML: {message}")]) from None
    except ValueError as exc:
        raise MapLoadError([Problem(path, parser.CurrentLineNumber, None, str(exc))]) from None
    return elements


def _collect(elements: list[_Element], path: str) -> _Graph:
    problems: list[Problem] = []
    if not elements or elements[0].tag != "arggraph":
        found = elements[0].tag if elements else "nothing"
        raise MapLoadError([Problem(path, elements[0].line if elements else 1, None,
                                    f"not an arg-microtexts file: the root is <{found}>, "
                                    "not <arggraph>")])
    graph = _Graph(elements[0])
    seen: dict[str, int] = {}
    for el in elements[1:]:
        ident = el.attrib.get("id")
        if el.tag not in ("edu", "adu", "edge", "joint"):
            continue
        if not ident:
            problems.append(Problem(path, el.line, None, f"<{el.tag}> has no id"))
            continue
        if ident in seen:
            problems.append(Problem(path, el.line, None,
                                    f"duplicate id {ident!r} (first on line {seen[ident]})"))
            continue
        seen[ident] = el.line
        {"edu": graph.edus, "joint": graph.edus, "adu": graph.adus, "edge": graph.edges}[
            el.tag][ident] = el
    if not graph.adus:
        problems.append(Problem(path, graph.root.line, None, "no argumentative units (<adu>)"
                                " in this file"))
    problems.extend(_edge_problems(graph, path))
    if problems:
        raise MapLoadError(problems)
    return graph


def _edge_problems(graph: _Graph, path: str) -> list[Problem]:
    problems = []
    for ident, edge in graph.edges.items():
        kind, src, trg = (edge.attrib.get(k) for k in ("type", "src", "trg"))
        if kind not in EDGE_TYPES:
            problems.append(Problem(path, edge.line, None, f"edge {ident!r} has type {kind!r};"
                                    f" expected one of {', '.join(EDGE_TYPES)}"))
            continue
        sources = graph.edus if kind == "seg" else graph.adus
        targets = graph.adus if kind in ("seg", "sup", "exa", "reb") else graph.edges
        for role, ref, pool in (("src", src, sources), ("trg", trg, targets)):
            if ref not in pool:
                what = {id(graph.edus): "a segment", id(graph.adus): "a unit",
                        id(graph.edges): "an edge"}[id(pool)]
                problems.append(Problem(path, edge.line, None, f"{kind} edge {ident!r}: {role}="
                                        f"{ref!r} is not {what} of this text"))
        if src == trg:
            problems.append(Problem(path, edge.line, None, f"{kind} edge {ident!r} points from "
                                    f"{src!r} to itself"))
        target = graph.edges.get(trg or "")
        if kind in ("und", "add") and target and target.attrib.get("type") not in RELATIONS:
            problems.append(Problem(path, edge.line, None, f"{kind} edge {ident!r} points at "
                                    f"{target.attrib.get('type')} edge {trg!r}; it must point at"
                                    " a sup, exa, reb or und edge"))
    segmented = {e.attrib.get("trg") for e in graph.edges.values() if e.attrib.get("type") == "seg"}
    for ident, adu in graph.adus.items():
        if ident not in segmented:
            problems.append(Problem(path, adu.line, None,
                                    f"unit {ident!r} has no seg edge tying it to a segment"))
    return problems


def read(text: str, path: str = "<string>", *, text_base: str | os.PathLike[str] | None = None
         ) -> Imported:
    """The map of one microtext. ``text_base``: the folder the map will be saved in; when given
    and the text's ``.txt`` exists beside the XML, the subject source points at it from there."""
    graph = _collect(_parse(text, path), path)
    dropped: list[str] = []
    name = graph.root.attrib.get("id") or Path(path).stem
    source = _source(graph, name, path, text_base)
    claims = _claims(graph, source["id"], dropped)
    links = _links(graph)
    topic = graph.root.attrib.get("topic_id")
    stance = graph.root.attrib.get("stance")
    data: dict[str, Any] = {
        "argmap": 1,
        "title": f"{name}: " + (topic.replace("_", " ") if topic else "microtext"),
        "subject": [source["id"]],
        "sources": [source],
        "claims": claims,
        "links": links,
    }
    if stance:
        data["description"] = f"arg-microtexts {name}; the author's stance: {stance}."
    return Imported(build_map(data, path), dropped)


def _source(graph: _Graph, name: str, path: str, text_base: Any) -> dict[str, Any]:
    source: dict[str, Any] = {"id": title_id(name.replace("_", "-")), "title": name,
                              "kind": "other"}
    if text_base is not None and path != "<string>":
        txt = Path(path).with_suffix(".txt")
        if txt.exists():
            source["text"] = Path(os.path.relpath(txt.resolve(), Path(text_base).resolve()))\
                .as_posix()
    return source


def _claims(graph: _Graph, source_id: str, dropped: list[str]) -> list[dict[str, Any]]:
    seg = {e.attrib["trg"]: e.attrib["src"] for e in graph.edges.values()
           if e.attrib["type"] == "seg"}
    leaving = {e.attrib["src"] for e in graph.edges.values() if e.attrib["type"] != "seg"}
    attacking = {e.attrib["src"] for e in graph.edges.values()
                 if e.attrib["type"] in ("reb", "und")}
    central = [a for a in graph.adus if a not in leaving]
    if len(central) != 1:
        dropped.append(f"{len(central)} units have no outgoing edge (expected one central claim):"
                       f" all are marked conclusion")
    claims = []
    for ident, adu in graph.adus.items():
        segment = graph.edus[seg[ident]]
        opponent = adu.attrib.get("type") == "opp"
        kind = "conclusion" if ident in central else (
            "rebuttal" if opponent and ident in attacking else "premise")
        claim: dict[str, Any] = {
            "id": ident,
            "text": one_line(segment.text) or f"(segment {seg[ident]} is empty)",
            "kind": kind,
            "evidence": [{"source": source_id, "locator": f"segment {seg[ident]}"}],
        }
        if opponent:
            claim["tags"] = ["opponent"]
        claims.append(claim)
    return claims


def _links(graph: _Graph) -> list[dict[str, Any]]:
    links: dict[str, dict[str, Any]] = {}
    for ident, edge in graph.edges.items():
        kind = edge.attrib["type"]
        if kind in RELATIONS:
            link: dict[str, Any] = {"id": ident, "from": [edge.attrib["src"]],
                                    "to": edge.attrib["trg"], "type": RELATIONS[kind]}
            if kind == "exa":
                link["note"] = "support by example (exa)"
            links[ident] = link
    for edge in graph.edges.values():
        if edge.attrib["type"] == "add" and edge.attrib["trg"] in links:
            links[edge.attrib["trg"]]["from"].append(edge.attrib["src"])
    return list(links.values())
