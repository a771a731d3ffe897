"""The QApplication: created once, with Dossier's name, icon, fonts (with a CJK fallback) and
interface language (desktop/ui/i18n.py); the look is Qt's style with the palette of
desktop/ui/shell/theme.py (there is no style sheet file).

It imports no window, so anything that draws offscreen (the timeline image, a dossier PDF) can
make sure the application exists without importing the main window.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.paths import resources_dir
from desktop.ui import i18n
from desktop.ui.document.fonts import CJK_FAMILIES  # tried in order for Chinese names


def cjk_family() -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def ensure_app() -> QApplication:
    """The one QApplication, created and configured once (tests and screenshots reuse it)."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.property("dossier_configured"):
        return app
    app.setApplicationName("Dossier")
    app.setOrganizationName("Dossier")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("dossier")
    icon = resources_dir() / "icons" / "dossier.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    cjk = cjk_family()
    if cjk:
        base = font.family()
        font.setFamilies([base, cjk])
        app.setFont(font)
    i18n.install()  # --lang, else View ▸ Language, else the system's
    app.setProperty("dossier_configured", True)
    return app


def can_show_dialogs() -> bool:
    """Whether a dialog could reach a person: not offscreen, and on Linux a display exists
    (creating a QApplication without one aborts the process)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):
        return False
    if sys.platform.startswith("linux") and not platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
