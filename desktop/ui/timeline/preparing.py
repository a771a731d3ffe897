"""'Preparing the timeline…': a progress dialog for the one slow step of opening a big database,
building the timeline's column files after its events changed (ten million events: about
twenty seconds). It appears only when the build takes longer than a moment."""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.ui.i18n import translate

#: The dialog shows itself once a build has run this long (ms) and is not nearly done.
SHOW_AFTER_MS = 700


class Preparing:
    """A progress callback (fraction done, 0..1) for ``store.timeline.timeline_columns``; the
    dialog is made at the first call, so an open that builds nothing never makes one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.dialog: QProgressDialog | None = None

    def __call__(self, fraction: float) -> None:
        if not isinstance(QApplication.instance(), QApplication):
            return  # no widgets (a worker, a test without an application)
        if self.dialog is None:
            self.dialog = QProgressDialog(
                translate("Timeline", "Preparing the timeline for its events…"),
                "",  # no cancel button: the build is needed to show the timeline at all
                0,
                100,
                self.parent,
            )
            self.dialog.setCancelButton(None)
            self.dialog.setWindowTitle(translate("Timeline", "Dossier"))
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(SHOW_AFTER_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
        self.dialog.setValue(max(0, min(100, round(fraction * 100))))

    def __enter__(self) -> Preparing:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
