"""The argument tree: each conclusion a root, links under their target, premises under links.

Nodes are built when their parent is expanded, so a map of any size opens at once. The tree
reports what the user points at with :class:`ArgumentTree.RowHighlighted`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.labels import row_label
from tui.view import MapView, Row

AUTO_EXPAND_LIMIT = 400  # with the flagged filter on, rows opened at once at most
OPEN_ALL_BELOW = 60  # a map with fewer claims opens fully expanded


class ArgumentTree(Tree[Row]):
    """The map as a tree of claims and links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("l,right", "expand_or_down", "Expand", show=False),
        Binding("h,left", "collapse_or_parent", "Collapse / parent", show=False),
        Binding("o", "expand_all_below", "Open all below", show=False),
        Binding("enter", "select_cursor", "Open / close", show=False,
                tooltip="On a reference (↪): go to the claim's full row"),
        Binding("home", "scroll_home", "First row", show=False),
        Binding("end", "scroll_end", "Last row", show=False),
    ]
    MARK = Style(bgcolor="#264f78")  # rows quoting the paragraph under the source pane's cursor

    @dataclass
    class RowHighlighted(Message):
        """The cursor moved to a row (None when the tree is empty)."""

        row: Row | None

    def __init__(self, **kwargs: object) -> None:
        super().__init__("map", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self.view: MapView | None = None
        self.only: set[str] | None = None  # the flagged filter: ids to keep, or None for all
        self.marked: set[str] = set()  # ids shown with MARK
        self._unfiltered_opened: set[tuple[Row, ...]] = set()

    # Building.
    def show(self, view: MapView, only: set[str] | None = None) -> None:
        """Show ``view``, keeping what was open and where the cursor was when they still exist."""
        opened = self._opened_paths()
        if only is not None and self.only is None:
            self._unfiltered_opened = opened  # what to open again when the filter goes off
        elif only is None and self.only is not None:
            opened |= self._unfiltered_opened
        current = self.cursor_node.data if self.cursor_node is not None else None
        first = self.view is None
        self.view, self.only = view, only
        self.clear()
        for row in self._visible(view.top_rows()):
            self._add(self.root, row)
        self.root.expand()
        if first:
            opened = {(r,) for r in view.top_rows()[:20] if r.kind == "claim"}
        for path in sorted(opened, key=len):
            node = self._find(path)
            if node is not None:
                self._open(node)
        small = first and len(view.claims) <= OPEN_ALL_BELOW
        if small or (only is not None and len(only) <= AUTO_EXPAND_LIMIT):
            self._open_all(self.root)
        if current is None or not self.reveal(current.ident):
            self.move_cursor_to_line(0)

    def _visible(self, rows: list[Row]) -> list[Row]:
        if self.only is None:
            return rows
        return [r for r in rows if r.ident in self.only]

    def _add(self, parent: TreeNode[Row], row: Row) -> TreeNode[Row]:
        assert self.view is not None
        expandable = self.view.has_children(row)
        return parent.add(row_label(self.view, row), data=row, allow_expand=expandable)

    def _populate(self, node: TreeNode[Row]) -> None:
        """Build ``node``'s children once; a link's premises come along with it."""
        if self.view is None or node.data is None or node.children or not node.allow_expand:
            return
        for row in self._visible(self.view.children(node.data)):
            child = self._add(node, row)
            if row.kind == "link":
                self._populate(child)
                child.expand()

    def _open(self, node: TreeNode[Row]) -> None:
        self._populate(node)
        node.expand()

    def _open_all(self, node: TreeNode[Row], budget: list[int] | None = None) -> None:
        budget = budget if budget is not None else [AUTO_EXPAND_LIMIT]
        for child in node.children:
            if budget[0] <= 0:
                return
            if child.allow_expand:
                budget[0] -= 1
                self._open(child)
                self._open_all(child, budget)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Row]) -> None:
        self._populate(event.node)

    def relabel(self, view: MapView) -> None:
        """Redraw the labels of the built rows with ``view``'s strengths and flags."""
        self.view = view
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data is not None and (node.data.ident in view.claims or
                                          node.data.ident in view.links or
                                          node.data.kind == "group"):
                node.set_label(row_label(view, node.data))
            stack.extend(node.children)

    def mark(self, idents: set[str]) -> None:
        """Show the rows of ``idents`` marked (the claims quoting the paragraph being read)."""
        if idents != self.marked:
            self.marked = idents
            self._line_cache.clear()
            self.refresh()

    def render_label(self, node: TreeNode[Row], base_style: Style, style: Style) -> Text:
        """The row's label cut with an ellipsis where the pane ends (strength and ⚠ come first,
        so they stay), and marked when its claim quotes the paragraph being read."""
        text = super().render_label(node, base_style, style)
        if node.data is not None and node.data.ident in self.marked:
            text.stylize(self.MARK)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth - 1
        if room > 1 and text.cell_len > room:
            text.truncate(room - 1)
            text.append("…", style="dim")
        return text

    def on_resize(self) -> None:
        self._line_cache.clear()  # labels are cut to the width

    # Finding rows.
    def _opened_paths(self) -> set[tuple[Row, ...]]:
        paths: set[tuple[Row, ...]] = set()
        stack: list[tuple[TreeNode[Row], tuple[Row, ...]]] = [
            (n, (n.data,)) for n in self.root.children if n.data is not None]
        while stack:
            node, path = stack.pop()
            if node.is_expanded and node.data is not None and node.data.kind != "link":
                paths.add(path)
            stack.extend((c, (*path, c.data)) for c in node.children if c.data is not None)
        return paths

    def _find(self, path: tuple[Row, ...] | list[Row]) -> TreeNode[Row] | None:
        node = self.root
        for row in path:
            if node is not self.root:
                self._populate(node)
            match = next((c for c in node.children if c.data == row), None)
            if match is None:
                return None
            node = match
        return node

    def reveal(self, ident: str) -> bool:
        """Open the rows down to ``ident``'s full row and put the cursor on it."""
        if self.view is None or (ident not in self.view.claims and ident not in self.view.links):
            return False
        path = self.view.path_to(ident)
        node = self.root
        for row in path:
            if node is not self.root:
                self._open(node)
            match = next((c for c in node.children if c.data == row), None)
            if match is None:
                return False
            node = match
        self._tree_lines  # noqa: B018 - lays out the rows just added, so the node has its line
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    @property
    def selected_row(self) -> Row | None:
        node = self.cursor_node
        return node.data if node is not None else None

    # Actions and events.
    def action_expand_or_down(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self._open(node)
        else:
            self.action_cursor_down()

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_all_below(self) -> None:
        node = self.cursor_node
        if node is not None:
            self._open(node)
            self._open_all(node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Row]) -> None:
        event.stop()
        self.post_message(self.RowHighlighted(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Row]) -> None:
        event.stop()
        row = event.node.data
        if row is not None and row.ref:
            self.reveal(row.ident)  # a reference jumps to the full row
        elif event.node.allow_expand:
            if event.node.is_expanded:
                event.node.collapse()
            else:
                self._open(event.node)
