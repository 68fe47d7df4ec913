"""What the explorer shows, computed from a map and its analysis (no Textual here).

The tree reads from each conclusion down: a claim's children are the links into it, a link's
children are its premises and then the links that attack it (undercuts). A claim reached along
several paths is shown in full once — on its first path in depth-first order from the roots —
and as a reference elsewhere.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from argmap.graph import conclusions_among
from argmap.model import ArgumentMap, Claim, Link

OTHER = "(other claims)"  # the root that gathers claims no conclusion reaches


@dataclass(frozen=True)
class Row:
    """One node of the tree: a claim or a link, in full or as a reference to its full row."""

    ident: str
    kind: str  # "claim" | "link" | "group"
    ref: bool = False


class MapView:
    """Indexes of one map (and its analysis, when there is one) for the tree and the panes."""

    def __init__(self, amap: ArgumentMap, analysis: Any = None):
        self.map = amap
        self.analysis = analysis
        self.claims: dict[str, Claim] = {c.id: c for c in amap.claims}
        self.links: dict[str, Link] = {lk.ident: lk for lk in amap.links}
        self.into: dict[str, list[str]] = {}  # target id -> ids of the links into it
        self.feeds: set[str] = set()  # claims that are a premise of some link
        for link in amap.links:
            self.into.setdefault(link.to, []).append(link.ident)
            self.feeds.update(link.from_)
        self.roots: list[str] = self._conclusions()
        self.marked = any(self.claims[r].kind == "conclusion" for r in self.roots)
        self._memo: dict[str, Any] = {}  # what this view's analysis gives, worked out once
        self._shared: dict[str, Any] = {}  # what the map gives, shared with analysed copies
        self.others: list[str] = []
        self.home: dict[str, str | None] = {}  # claim -> the link it is shown in full under
        self._place()

    def edited(self, amap: ArgumentMap) -> MapView | None:
        """The view of ``amap``, an edit of this view's map, worked out from this one when the
        edit kept the layout (see :mod:`tui.view_edit`); None when it must be built anew."""
        from tui.view_edit import edited_view

        return edited_view(self, amap)

    def analysed(self, analysis: Any) -> MapView:
        """This view with ``analysis`` attached; the tree's structure is shared, not rebuilt."""
        view = copy.copy(self)
        view.analysis, view._memo = analysis, {}
        return view

    def prepare(self) -> None:
        """Work out the flagged rows and the weakest link now (in a worker thread), so the
        keys that need them answer at once on a large map."""
        self.flagged()
        self.weakest_link()

    # Structure.
    def _conclusions(self) -> list[str]:
        """The roots: the map's conclusions (:func:`argmap.graph.conclusions_among`)."""
        return conclusions_among(list(self.claims), [c.kind for c in self.claims.values()],
                                 self.feeds, self.into)

    def _place(self) -> None:
        """Give every claim the path it is shown in full on (depth-first from the roots)."""
        for root in self.roots:
            self._walk(root, None)
        rest = [c for c in self.claims if c not in self.home]
        for claim in rest:  # tops of the parts no conclusion reaches, then cycles
            if claim not in self.home and claim not in self.feeds:
                self.others.append(claim)
                self._walk(claim, None)
        for claim in rest:
            if claim not in self.home:
                self.others.append(claim)
                self._walk(claim, None)

    def _walk(self, start: str, via: str | None) -> None:
        home, into, links = self.home, self.into, self.links  # locals: this visits every claim
        stack: list[tuple[str, str | None]] = [(start, via)]
        while stack:
            claim, link = stack.pop()
            if claim in home:
                continue
            home[claim] = link
            pending: list[tuple[str, str | None]] = []
            for lk in into.get(claim, ()):
                if lk in into:  # undercut: the objections' premises come after its own
                    pending.extend(self._premises_under(lk))
                else:
                    pending.extend((premise, lk) for premise in links[lk].from_)
            stack.extend(reversed(pending))

    def _premises_under(self, link: str) -> Iterator[tuple[str, str | None]]:
        """Premises of ``link`` and of the undercuts on it (undercuts may form a cycle)."""
        seen = {link}
        stack = [link]
        while stack:
            current = stack.pop()
            for premise in self.links[current].from_:
                yield premise, current
            for undercut in self._links_into(current):
                if undercut not in seen:
                    seen.add(undercut)
                    stack.append(undercut)

    def _links_into(self, target: str) -> list[str]:
        return self.into.get(target, [])

    def top_rows(self) -> list[Row]:
        rows = [Row(r, "claim") for r in self.roots]
        if self.others:
            rows.append(Row(OTHER, "group"))
        return rows

    def children(self, row: Row) -> list[Row]:
        """The rows under ``row``: links into a claim; premises then undercuts under a link."""
        if row.ref:
            return []
        if row.kind == "group":
            return [Row(c, "claim") for c in self.others]
        if row.kind == "claim":
            return [Row(lk, "link") for lk in self._links_into(row.ident)]
        premises = [Row(p, "claim", ref=self.home.get(p) != row.ident)
                    for p in self.links[row.ident].from_]
        return premises + [Row(lk, "link") for lk in self._links_into(row.ident)]

    def has_children(self, row: Row) -> bool:
        if row.ref:
            return False
        if row.kind == "claim":
            return bool(self._links_into(row.ident))
        return True

    def path_to(self, ident: str) -> list[Row]:
        """The rows from a top row down to the full row of ``ident`` (a claim or a link)."""
        path: list[Row] = []
        node: str | None = ident
        seen: set[str] = set()
        while node is not None and node not in seen:  # undercuts can attack each other in a loop
            seen.add(node)
            if node in self.links:
                path.append(Row(node, "link"))
                node = self.links[node].to
            else:
                path.append(Row(node, "claim"))
                parent = self.home.get(node)
                if parent is None and node in self.others:
                    path.append(Row(OTHER, "group"))
                node = parent
        return list(reversed(path))

    # What the analysis says.
    def strength(self, ident: str) -> float | None:
        if self.analysis is None:
            return None
        value = self.analysis.strengths.get(ident)
        return None if value is None else float(value)

    def findings(self, ident: str) -> list[Any]:
        return [] if self.analysis is None else list(self.analysis.findings_for(ident))

    def link_flags(self, link_id: str) -> list[Any]:
        return [] if self.analysis is None else list(self.analysis.link_flags(link_id))

    def flagged(self) -> set[str]:
        """Flagged links, claims with a warning or error, and the rows above them (for `f`).
        The same set on each call: do not change it."""
        if self.analysis is None:
            return set()
        if "flagged" not in self._memo:
            self._memo["flagged"] = self._flagged()
        return self._memo["flagged"]  # type: ignore[no-any-return]

    def _flagged(self) -> set[str]:
        assert self.analysis is not None
        marked = {f.target for f in self.analysis.findings if f.severity != "info"
                  and (f.target in self.claims or f.target in self.links)}
        marked.update(self._flagged_links())
        keep, walked, others = set(marked), set(), set(self.others)
        for ident in marked:  # and the rows above each: path_to's walk, shared where it meets
            node: str | None = ident
            while node is not None and node not in walked:
                walked.add(node)
                keep.add(node)
                if node in self.links:
                    node = self.links[node].to
                else:
                    parent = self.home.get(node)
                    if parent is None and node in others:
                        keep.add(OTHER)
                    node = parent
        return keep

    def _flagged_links(self) -> list[str]:
        if "flagged links" not in self._memo:
            self._memo["flagged links"] = [lk for lk in self.links if self.link_flags(lk)]
        return self._memo["flagged links"]  # type: ignore[no-any-return]

    def weakest_link(self) -> str | None:
        """The flagged supporting link with the lowest strength: where the case is thinnest.
        Falls back to any flagged link, then to any link."""
        if self.analysis is None or not self.links:
            return None
        if "weakest" not in self._memo:
            self._memo["weakest"] = self._weakest_link()
        return self._memo["weakest"]  # type: ignore[no-any-return]

    def _weakest_link(self) -> str:
        flagged = self._flagged_links()
        supports = [lk for lk in flagged if self.links[lk].type == "supports"]
        flagged = supports or flagged or list(self.links)
        return min(flagged, key=lambda lk: self.strength(lk) or 0.0)

    def citing(self, source_id: str) -> list[str]:
        """Ids of the claims, then links, whose evidence cites ``source_id``."""
        items: list[Claim | Link] = [*self.claims.values(), *self.links.values()]
        return [self._ident(item) for item in items
                if any(c.source == source_id for c in item.evidence)]

    @staticmethod
    def _ident(item: Claim | Link) -> str:
        return item.ident if isinstance(item, Link) else item.id

    def questions(self, link_id: str) -> Any:
        """The link's argument scheme with its critical questions answered or open
        (:func:`argmap.analysis.schemes.link_questions`); None when it names no scheme argmap
        knows. The attacks of the map are grouped once per map."""
        link = self.links[link_id]
        if not link.scheme:
            return None
        from argmap.analysis.schemes import attacks_by_target, link_questions

        if "attackers" not in self._shared:
            self._shared["attackers"] = attacks_by_target(self.map)
        return link_questions(self.map, link, self._shared["attackers"])

    def source_findings(self, ident: str) -> list[Any]:
        """Findings on the sources that a claim or link cites (a vague source, say)."""
        item = self.claims.get(ident) or self.links.get(ident)
        if item is None or self.analysis is None:
            return []
        cited = dict.fromkeys(c.source for c in item.evidence)
        return [f for source in cited for f in self.analysis.findings_for(source)]

    # Search.
    def search(self, query: str, limit: int = 200) -> list[str]:
        """Ids of claims and links whose id, text, warrant or evidence contains ``query``
        (claims first, in map order). The first search builds one text of everything; each
        later one is a scan of it in C."""
        needle = query.strip().casefold().replace("\0", "")
        if not needle:
            return []
        text, starts, idents = self._search_text()
        hits: list[str] = []
        at = text.find(needle)
        while at >= 0 and len(hits) < limit:
            i = bisect_right(starts, at) - 1
            hits.append(idents[i])
            at = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        return hits

    def _search_text(self) -> tuple[str, list[int], list[str]]:
        """Every item's haystack joined by NULs, where each starts, and whose it is."""
        if "search" not in self._shared:
            idents = [*self.claims, *self.links]
            hays = [self.haystack(i, self.claims.get(i) or self.links[i]) for i in idents]
            starts, offset = [], 0
            for hay in hays:
                starts.append(offset)
                offset += len(hay) + 1
            self._shared["search"] = ("\0".join(hays), starts, idents)
        return self._shared["search"]  # type: ignore[no-any-return]

    def haystack(self, ident: str, item: Claim | Link) -> str:
        text, warrant = (item.text, "") if isinstance(item, Claim) else ("", item.warrant)
        parts = [ident, text or "", warrant or ""]
        for cite in item.evidence:
            parts += [cite.source, cite.locator or "", cite.quote or ""]
        return "\n".join(parts).casefold().replace("\0", "")

    def summary(self, ident: str) -> str:
        """A one-line name for an id: the claim's text, or 'premise → target' for a link."""
        if ident in self.claims:
            return self.claims[ident].text
        link = self.links[ident]
        return f"{' + '.join(link.from_)} {'→' if link.type == 'supports' else '⊣'} {link.to}"
