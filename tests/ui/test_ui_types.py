"""mypy --strict over the window's plumbing (the context, the change bus, the undo base, the
lifecycle, the error colour, the bridge, the main window, the dossier panes, the undo steps),
and the main window checked to be a WindowContext. The modules they import are read for their
types but not reported on (``--follow-imports=silent``): the rest of the UI is not checked yet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = [
    "desktop/ui/context.py",
    "desktop/ui/bus.py",
    "desktop/ui/undo.py",
    "desktop/ui/shell/lifecycle.py",
    "desktop/ui/colours.py",
    "desktop/ui/bridge.py",
    "desktop/ui/main_window.py",
    "desktop/ui/dossier/widget.py",
    "desktop/ui/annotations/commands.py",
    "desktop/ui/editing/commands.py",
    "desktop/ui/shell/keyboard.py",
    "desktop/ui/store_text.py",
]


def test_the_window_plumbing_type_checks_and_the_window_is_a_context(tmp_path):
    check = tmp_path / "window_is_a_context.py"
    check.write_text(
        "from desktop.ui.context import WindowContext\n"
        "from desktop.ui.main_window import MainWindow\n\n\n"
        "def as_context(window: MainWindow) -> WindowContext:\n"
        "    return window\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "cache"),
            *CHECKED,
            str(check),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
