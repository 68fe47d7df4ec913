"""The app's export actions: a diagram of the selection or the whole map, the Markdown report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from argmap.io.atomic import atomic_write
from tui.screens.dialogs import PromptScreen
from tui.widgets.argument_tree import ArgumentTree

if TYPE_CHECKING:
    from tui.app import ArgmapApp

    Base = ArgmapApp
else:
    Base = object

DIAGRAM_FORMATS = (".svg", ".png", ".pdf", ".dot")
SOURCE_TREE = Path(__file__).resolve().parent.parent  # argmap's own files (shipped maps)


def export_folder(map_path: Path | None) -> Path:
    """Where exports go by default: beside the map, unless the map is one shipped inside
    argmap's own folder (then the working folder, or the home folder when that is inside
    argmap's too), so exports never land among argmap's files."""
    folder = map_path.resolve().parent if map_path is not None else Path.cwd()
    for candidate in (folder, Path.cwd(), Path.home()):
        if not candidate.resolve().is_relative_to(SOURCE_TREE):
            return candidate
    return Path.home()


def shown_path(target: Path) -> str:
    """``target`` as short as it reads unambiguously: relative to the working folder when
    inside it, with ~ for the home folder."""
    try:
        return str(target.relative_to(Path.cwd()))
    except ValueError:
        pass
    try:
        return str(Path("~") / target.relative_to(Path.home()))
    except ValueError:
        return str(target)


class ExportActions(Base):
    """Mixed into the app: exports ask for a path (prefilled next to the map), then run in a
    worker and report the written path in a notification."""

    def default_export(self, suffix: str, focus: str | None = None) -> str:
        path = self.session.path
        stem = path.stem if path is not None else "map"
        name = f"{stem}-{focus}{suffix}" if focus else f"{stem}{suffix}"
        return shown_path(export_folder(path) / name)

    def refused_target(self, path: str) -> bool:
        """Whether ``path`` is the open map (or its recovery copy), which an export must never
        replace; says so in a notification. Another existing file is replaced: the user typed
        or confirmed its name in the prompt."""
        from argmap.io.targets import check_target

        inputs = [p for p in (self.session.path, getattr(self.session, "recovery_path", None))
                  if p is not None]
        try:
            check_target(path, force=True, inputs=inputs)
        except Exception as exc:  # UsageError: reported, nothing written
            self.notify(str(exc), severity="error", title="Not exported")
            return True
        return False

    def action_export_selection(self) -> None:
        row = self.query_one(ArgumentTree).selected_row
        focus = row.ident if row is not None and row.kind != "group" else None
        if focus is not None and self.view is not None:
            while focus in self.view.links:  # a diagram centres on a claim: the link's target
                focus = self.view.links[focus].to
        self._ask_diagram(focus)

    def action_export_map(self) -> None:
        self._ask_diagram(None)

    def _ask_diagram(self, focus: str | None) -> None:
        what = f"the diagram around {focus}" if focus else "the diagram of the whole map"
        prompt = PromptScreen(f"Export {what} to (.svg, .png, .pdf or .dot):",
                              self.default_export(".svg", focus), input_id="export-input")

        def answer(path: str | None) -> None:
            if not path:
                return
            path = str(Path(path).expanduser())
            if Path(path).suffix.lower() not in DIAGRAM_FORMATS:
                self.notify(f"{path}: use a name ending in {', '.join(DIAGRAM_FORMATS)}",
                            severity="error", title="Not exported")
                return
            if self.refused_target(path):
                return
            self.export_diagram(self.session.map, self.analysis, path, focus)

        self.push_screen(prompt, answer)

    @work(thread=True, group="export", description="export")
    def export_diagram(self, amap: Any, analysis: Any, path: str, focus: str | None) -> None:
        """Draw the map (around ``focus`` when given) into ``path`` with Graphviz."""
        from argmap.render.output import render_file

        options: dict[str, Any] = {"focus": focus} if focus else {}
        try:
            written = render_file(amap, path, analysis=analysis, **options)
        except Exception as exc:  # reported in the UI; the editor and its edits stay
            self.call_from_thread(self.notify, str(exc), title="Not exported", severity="error")
            return
        self.call_from_thread(self.notify, f"Wrote {written}", title="Diagram exported")

    def action_export_report(self) -> None:
        if self.analysis is None:
            self.notify("Still analysing the map; try again in a moment.")
            return
        prompt = PromptScreen("Write the audit report (Markdown) to:",
                              self.default_export("-report.md"), input_id="export-input")

        def answer(path: str | None) -> None:
            if path:
                target = str(Path(path).expanduser())
                if not self.refused_target(target):
                    self.export_report(self.analysis, target)

        self.push_screen(prompt, answer)

    @work(thread=True, group="export", description="export")
    def export_report(self, analysis: Any, path: str) -> None:
        """The audit report of ``analysis`` written to ``path``."""
        from argmap.render.report import report_markdown

        try:
            atomic_write(path, report_markdown(analysis).encode("utf-8"))
        except Exception as exc:  # reported in the UI; the editor and its edits stay
            self.call_from_thread(self.notify, str(exc), title="Not exported", severity="error")
            return
        self.call_from_thread(self.notify, f"Wrote {path}", title="Report exported")

    def action_screenshot_beside_map(self) -> None:
        """An SVG picture of the screen, saved beside the map under a name not yet taken."""
        path = self.session.path
        folder, stem = export_folder(path), path.stem if path is not None else "map"
        target = folder / f"{stem}-screen.svg"
        number = 1
        while target.exists():
            number += 1
            target = folder / f"{stem}-screen-{number}.svg"
        try:
            atomic_write(target, self.export_screenshot().encode("utf-8"))
        except OSError as exc:
            self.notify(str(exc), title="No screenshot", severity="error")
            return
        self.notify(f"Wrote {shown_path(target)}", title="Screenshot saved")
