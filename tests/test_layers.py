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
