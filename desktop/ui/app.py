"""Starting Dossier's window: open the file under its lock (or refuse), show the main window, run
the event loop. The QApplication itself is configured in ``desktop.ui.application``."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from desktop.store.database import Store
from desktop.ui.application import can_show_dialogs
from desktop.ui.application import ensure_app as ensure_app  # callers still find it here

if TYPE_CHECKING:
    from desktop.ui.shell.opening import OpenResult


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
    from desktop.ui.main_window import MainWindow
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
    window = shell.new_window(store, lock, factory=MainWindow)
    if notice is not None:
        from desktop.ui.shell.opening import show_notice

        show_notice(window, notice)
    try:
        return app.exec()
    finally:
        shell.close_all()
