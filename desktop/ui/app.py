"""The QApplication: fonts (with a CJK fallback), style, and starting the main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.paths import resources_dir
from desktop.store.database import Store

if TYPE_CHECKING:
    from desktop.ui.shell.opening import OpenResult

# Families tried, in order, for Chinese names; the first installed one is added as a fallback.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
)


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
    style = resources_dir() / "styles" / "dossier.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
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


def _refuse(result: OpenResult) -> int:
    """Print the refusal (the command line's exit 1) and, where a person can see it, show it."""
    from desktop.ui.shell.opening import show_refusal

    print(f"dossier: {result.message}", file=sys.stderr)
    if can_show_dialogs():
        ensure_app()
        show_refusal(None, result)
    return 1


def run_app(
    store: Store | None = None,
    *,
    path: str | os.PathLike[str] | None = None,
    readonly: bool = False,
) -> int:
    """Open the main window and run the event loop until the last window closes.

    With ``path`` (the command line's way) the file is opened here, under its single-instance
    lock; a refusal (damaged, not Dossier's, newer schema, read-only, full disk, already open in
    another Dossier) is printed on stderr, shown in a dialog when there is a screen, and returns
    1 with the file unchanged. A ``store`` opened by the caller is accepted too; its lock is
    taken now.
    """
    from desktop.store.lock import AlreadyOpenError, DatabaseLock
    from desktop.ui import shell
    from desktop.ui.shell.opening import OpenResult, attempt_open, refusal_title

    lock = None
    notice = None
    if store is None:
        if path is None:
            from desktop.store.library import default_database_path

            path = default_database_path()
        result = attempt_open(path, readonly=readonly)
        if not result.ok:
            return _refuse(result)
        store, lock = result.store, result.lock
        assert store is not None
        if result.message:  # opened, but not as asked (a damaged file opens read-only)
            print(f"dossier: {result.message}", file=sys.stderr)
            notice = result
    elif not store.readonly and store.path.is_file():
        try:
            lock = DatabaseLock(store.path).acquire()
        except AlreadyOpenError as exc:
            store.close()
            return _refuse(OpenResult(store.path, message=str(exc), title=refusal_title(exc)))
    app = ensure_app()
    window = shell.new_window(store, lock)
    if notice is not None:
        from desktop.ui.shell.opening import show_notice

        show_notice(window, notice)
    try:
        return app.exec()
    finally:
        shell.close_all()
