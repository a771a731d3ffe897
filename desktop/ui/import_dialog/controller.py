"""File ▸ Import…: choose a file, then preview and import it in :class:`ImportDialog`."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from desktop.store.io import ImportReport
from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import num, translate
from desktop.ui.import_dialog.dialog import ImportDialog
from desktop.ui.import_dialog.jobs import Indexer

ATTRIBUTE = "import_ui"


def file_filter() -> str:
    return translate(
        "Import",
        "Event files (*.csv *.tsv *.json *.jsonl *.ndjson);;CSV (*.csv *.tsv);;"
        "TimelineJS JSON (*.json);;Timesketch / JSON lines (*.jsonl *.ndjson *.csv);;"
        "All files (*)",
    )


class ImportUI(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.dialog: ImportDialog | None = None
        self.last_dir = str(Path.home())
        self.action = QAction(translate("Import", "&Import…"), window.qt)
        self.action.setObjectName("actionImport")
        self.action.setStatusTip(
            translate("Import", "Import events from CSV, TimelineJS JSON or Timesketch files")
        )
        self.action.setEnabled(not window.store.readonly)
        self.action.triggered.connect(self.choose_file)
        window.add_to_file_menu("exchange", self.action)
        window.qt.installEventFilter(self)
        # the search index a big import leaves to follow (also one left when the file was
        # closed or the program stopped): indexed in the background, with its share shown
        self.indexer = Indexer(window.store, window.show_status, self)
        QTimer.singleShot(0, self.indexer.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # closing the window while an import runs: cancel it (rolled back) and wait for it
        if watched is self.window.qt and event.type() == QEvent.Type.Close:
            dialog = self.dialog
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.wait_jobs()
            self.indexer.stop()  # after its current chunk; the rest next time the file opens
        return False

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window.qt, translate("Import", "Import events"), self.last_dir, file_filter()
        )
        if path:
            self.last_dir = str(Path(path).parent)
            self.open_dialog(path)

    def open_dialog(self, path: str | Path) -> ImportDialog:
        """The preview for ``path``, shown non-modal over the window."""
        dialog = ImportDialog(self.window.store, path, self.window.qt)
        dialog.sig_imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _imported(self, report: ImportReport) -> None:
        message = translate("Import", "Imported {new} new and {updated} updated events")
        self.window.show_status(
            message.format(new=num(report.created), updated=num(report.updated)), 8000
        )
        if report.indexing:
            self.indexer.start()


def install(window: WindowContext) -> ImportUI:
    """Add File ▸ Import… to ``window`` (once)."""
    return install_once(window, ATTRIBUTE, ImportUI, lambda: ImportUI(window))
