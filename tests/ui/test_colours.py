"""One error colour, from the theme: no widget writes its own red."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from desktop.ui.colours import ERROR_ON_DARK, ERROR_ON_LIGHT, error_colour, error_style

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
# a colour written into a widget's style sheet (the document's CSS and the painters' mark
# colours are drawing, not widgets)
INLINE = re.compile(r"setStyleSheet\([^)]*#([0-9a-fA-F]{6})")
ERROR_CONSTANT = re.compile(r"^ERROR_STYLE\s*=", re.MULTILINE)


def test_error_colour_follows_the_background(qapp):
    label = QLabel()
    light = QPalette(label.palette())
    light.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    label.setPalette(light)
    assert error_colour(label) == QColor(ERROR_ON_LIGHT)
    assert error_style(label) == f"color: {ERROR_ON_LIGHT.upper()};"
    dark = QPalette(label.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    label.setPalette(dark)
    assert error_colour(label) == QColor(ERROR_ON_DARK)
    assert error_style(label, border=True) == f"border: 1px solid {ERROR_ON_DARK.upper()};"


def _red(hex6: str) -> bool:
    r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    return r > 150 and g < 90 and b < 90


def test_no_widget_writes_its_own_red():
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "colours.py":
            continue
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(UI).as_posix()
        found += [f"{rel}: {m.group(0)}" for m in INLINE.finditer(text) if _red(m.group(1))]
        if ERROR_CONSTANT.search(text):
            found.append(f"{rel}: its own ERROR_STYLE")
    assert not found, "use desktop.ui.colours.error_style:\n" + "\n".join(found)


def test_the_application_loads_no_style_sheet_file(qapp):
    assert "qss" not in (UI / "application.py").read_text(encoding="utf-8")
    assert qapp.styleSheet() == ""
