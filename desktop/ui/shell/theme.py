"""Light and dark palettes that follow the system, with a manual switch; crisp SVG icons.

``system`` follows ``QStyleHints.colorScheme()`` (Qt ≥ 6.5) and its changes; ``light`` and
``dark`` force a palette. The choice is kept in QSettings (``view/theme``). Widgets that paint
themselves (the timeline) read ``palette()``, so they follow without further work.

Icons: the SVGs in resources/icons are drawn with a fixed grey stroke; :func:`themed_icon`
recolours the stroke to the palette's text colour and renders the vector source for each common
size and device pixel ratio, so icons stay sharp at 200%.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop.paths import resources_dir

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:  # Qt < 6.5: guess from the platform palette
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return scheme() == Qt.ColorScheme.Dark


def _palette(colours: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    pal = QPalette()
    for role, value in colours.items():
        pal.setColor(role, QColor(value))
    grey = QColor(disabled)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.HighlightedText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return pal


R = QPalette.ColorRole


def light_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#efefef",
            R.WindowText: "#1b1b1b",
            R.Base: "#ffffff",
            R.AlternateBase: "#f5f5f5",
            R.Text: "#1b1b1b",
            R.PlaceholderText: "#80808a",
            R.Button: "#efefef",
            R.ButtonText: "#1b1b1b",
            R.BrightText: "#ffffff",
            R.Highlight: "#3574d4",
            R.HighlightedText: "#ffffff",
            R.ToolTipBase: "#ffffdc",
            R.ToolTipText: "#1b1b1b",
            R.Link: "#0b57b0",
            R.LinkVisited: "#6a3fb0",
            R.Light: "#ffffff",
            R.Midlight: "#e3e3e3",
            R.Mid: "#b8b8b8",
            R.Dark: "#9f9f9f",
            R.Shadow: "#767676",
        },
        "#9a9a9a",
    )


def dark_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#2b2d30",
            R.WindowText: "#e6e6e6",
            R.Base: "#1e1f22",
            R.AlternateBase: "#26282b",
            R.Text: "#e6e6e6",
            R.PlaceholderText: "#8a8f98",
            R.Button: "#34363a",
            R.ButtonText: "#e6e6e6",
            R.BrightText: "#ffffff",
            R.Highlight: "#3d7bd9",
            R.HighlightedText: "#ffffff",
            R.ToolTipBase: "#3c3f41",
            R.ToolTipText: "#e6e6e6",
            R.Link: "#8ab4f8",
            R.LinkVisited: "#c58af9",
            R.Light: "#4a4d52",
            R.Midlight: "#3e4145",
            R.Mid: "#2f3134",
            R.Dark: "#151617",
            R.Shadow: "#000000",
        },
        "#6f737a",
    )


def effective_dark(choice: str) -> bool:
    return system_is_dark() if choice == "system" else choice == "dark"


_applying = False


def apply_theme(choice: str, app: QApplication | None = None) -> bool:
    """Set the application palette for ``choice`` (kept as the app property
    ``dossier_theme``); returns True when it is dark."""
    global _applying
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    app.setProperty("dossier_theme", choice)
    hints = QGuiApplication.styleHints()
    can_request = hasattr(hints, "setColorScheme")  # Qt ≥ 6.8
    _applying = True
    try:
        if can_request and choice == "system":
            # read the platform's own preference, not what we asked for before
            unset = getattr(hints, "unsetColorScheme", None)
            unset() if unset else hints.setColorScheme(Qt.ColorScheme.Unknown)
        dark = effective_dark(choice)
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # the one style that draws every palette faithfully
        app.setPalette(dark_palette() if dark else light_palette())
        app.setProperty("dossier_dark", dark)
        if can_request and choice != "system":  # title bars and native dialogs follow
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    finally:
        _applying = False
    return dark


def applying() -> bool:
    """True while apply_theme runs (its own colour-scheme request is not a system change)."""
    return _applying


# -- icons ---------------------------------------------------------------------------------------
@cache
def _svg_source(name: str) -> bytes | None:
    path = Path(resources_dir()) / "icons" / f"{name}.svg"
    try:
        return path.read_bytes()
    except OSError:
        return None


ICON_SIZES = (16, 24, 32)
ICON_SCALES = (1.0, 1.5, 2.0, 3.0)


def _render(source: bytes, colour: str, side: int, scale: float) -> QPixmap:
    svg = re.sub(rb'stroke="#[0-9a-fA-F]{3,6}"', f'stroke="{colour}"'.encode(), source)
    pixels = max(1, round(side * scale))
    pm = QPixmap(QSize(pixels, pixels))
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    QSvgRenderer(QByteArray(svg)).render(p, QRect(0, 0, pixels, pixels))
    p.end()
    pm.setDevicePixelRatio(scale)
    return pm


def themed_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The icon resources/icons/NAME.svg with its stroke in the palette's text colour (and the
    disabled text colour for the disabled state), rendered from the vector source for every
    common size at 100-300% scaling, so it is never an upscaled bitmap. Null when missing."""
    source = _svg_source(name)
    icon = QIcon()
    if not source:
        return icon
    pal = palette or QGuiApplication.palette()
    normal = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    for side in ICON_SIZES:
        for scale in ICON_SCALES:
            icon.addPixmap(_render(source, normal, side, scale), QIcon.Mode.Normal)
            icon.addPixmap(_render(source, disabled, side, scale), QIcon.Mode.Disabled)
    return icon
