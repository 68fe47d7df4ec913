"""The library never imports the UI: importing all of argmap leaves textual unloaded."""

from __future__ import annotations

import subprocess
import sys


def test_library_and_cli_do_not_import_textual():
    code = (
        "import pkgutil, importlib, sys, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'tui')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# What each part of the library may not import (direct imports, lazy ones inside functions
# included): the layers of docs/architecture.md, top to bottom.
_BELOW_IO = ("argmap.io", "argmap.graph", "argmap.analysis", "argmap.render", "argmap.compare",
             "argmap.edit", "argmap.draft", "argmap.cli")
FORBIDDEN = {
    "argmap.model": _BELOW_IO,
    "argmap.integrity": _BELOW_IO,
    "argmap.io": _BELOW_IO[1:],
    "argmap.io.native": ("argmap.io.formats",),
    "argmap.graph": _BELOW_IO[2:],
    "argmap.analysis": _BELOW_IO[3:],
    "argmap.analysis.evaluation": ("argmap.analysis.rules", "argmap.analysis.text"),
    "argmap.analysis.text": ("argmap.analysis.analysis", "argmap.analysis.rules",
                             "argmap.analysis.evaluation", "argmap.analysis.index",
                             "argmap.analysis.numbered"),
    "argmap.render": ("argmap.cli", "argmap.edit", "argmap.draft"),
    "argmap.edit": ("argmap.analysis", "argmap.render", "argmap.cli"),
    "argmap.draft": ("argmap.render", "argmap.cli"),
}
# Exceptions: the scheme catalogue is data (names and critical questions) that the editing
# session needs to name a question; it imports only the model.
ALLOWED = {"argmap.edit": ("argmap.analysis.schemes",)}


def _imports() -> dict[str, set[str]]:
    """Each argmap module (dotted name) and the modules its import statements name."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found: dict[str, set[str]] = {}
    for path in sorted((root / "argmap").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        package = parts[:-1] if parts[-1] != "__init__" else parts
        name = ".".join(package if parts[-1] == "__init__" else parts)
        names = found.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = list(package[: len(package) - node.level + 1]) if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                names.add(module)
                names.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _violations(imports: dict[str, set[str]]) -> list[str]:
    """``module imports name`` for each import a layer above forbids."""
    return sorted(
        f"{module} imports {name}"
        for module, names in imports.items()
        for layer, forbidden in FORBIDDEN.items() if _within(module, layer)
        for name in names if any(_within(name, f) for f in forbidden)
        and not any(_within(name, a) for a in ALLOWED.get(layer, ())))


def test_each_layer_imports_only_what_lies_below_it():
    imports = _imports()
    assert "argmap.analysis.evaluation.strengths" in imports  # the walk found the package
    assert _violations(imports) == []


def test_the_layer_check_names_a_forbidden_import():
    assert _violations({
        "argmap.analysis.text.wording": {"argmap.analysis.rules.findings"},
        "argmap.analysis.evaluation.dung": {"argmap.analysis.index"},
        "argmap.io.native.quick": {"argmap.io.formats.aif", "argmap.integrity"},
    }) == ["argmap.analysis.text.wording imports argmap.analysis.rules.findings",
           "argmap.io.native.quick imports argmap.io.formats.aif"]
