"""The one error colour of the UI: fields refused, notes not saved, imports refused, a lane
that does not exist. Read from the theme at the moment it is used (a darker red on a light
background, a lighter one on a dark background), never written out in a widget.

Thread: UI thread.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

ERROR_ON_LIGHT = "#B3261E"
ERROR_ON_DARK = "#F2B8B5"


def is_dark(widget: QWidget | None = None) -> bool:
    """Whether the window background is dark (the widget's palette, else the application's)."""
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(widget: QWidget | None = None) -> QColor:
    return QColor(ERROR_ON_DARK if is_dark(widget) else ERROR_ON_LIGHT)


def error_style(widget: QWidget | None = None, *, border: bool = False) -> str:
    """A style sheet for an error: the text in the error colour, or (``border``) a 1-px frame."""
    name = error_colour(widget).name().upper()
    return f"border: 1px solid {name};" if border else f"color: {name};"
