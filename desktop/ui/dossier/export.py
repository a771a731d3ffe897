"""Dossier export: Markdown (``desktop.store.io.markdown``), PDF and printing.

The PDF and the printout lay out the dossier pane's HTML with every event listed; citation
marks ``[n]`` are the footnote numbers and the numbered Sources list at the end holds the
footnotes (title, publisher, date, URL or seed file, and the quotes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.store.database import Store
from desktop.store.dossier import load_dossier
from desktop.store.errors import StoreError
from desktop.store.files import replacing
from desktop.store.io.markdown import write_markdown
from desktop.ui.app import ensure_app
from desktop.ui.dossier.charts import add_chart_resources, metric_series
from desktop.ui.dossier.render import render_dossier

MAX_EVENTS_PRINTED = 2000  # a PDF of 10,000 event rows helps nobody; the count is printed


def dossier_document(store: Store, org_id: int, as_of: float | None = None) -> QTextDocument:
    """The dossier as a QTextDocument ready to print (every section, sources at the end)."""
    d = load_dossier(store, org_id, as_of, max_events=MAX_EVENTS_PRINTED)
    if d is None:
        raise StoreError(f"no organization with id {org_id}")
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    add_chart_resources(doc, d)
    names = tuple(s.name for s in metric_series(d))
    doc.setHtml(render_dossier(d, max_events=None, series_names=names))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, d.org.label)
    return doc


def write_pdf(store: Store, org_id: int, out: str | Path, as_of: float | None = None) -> Path:
    """Write the dossier to a PDF file (A4); works without a window (``dossier export pdf``)."""
    if QApplication.instance() is None:  # the command line: no display needed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_app()
    out = Path(out)
    doc = dossier_document(store, org_id, as_of)
    with replacing(out) as tmp:  # all or nothing: a failed export leaves OUT as it was
        writer = QPdfWriter(str(tmp))
        writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setCreator("Dossier")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        _print(doc, writer)
        del writer  # closes the file
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise StoreError(f"could not write {out}")
    return out


def _print(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(device)


class DossierExport:
    """File ▸ Export dossier as Markdown… / PDF… and Print dossier… for the visible dossier."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.markdown_action = QAction("Export dossier as &Markdown…", window)
        self.markdown_action.setObjectName("exportDossierMarkdown")
        self.markdown_action.triggered.connect(lambda: self._ask("md"))
        self.pdf_action = QAction("Export dossier as &PDF…", window)
        self.pdf_action.setObjectName("exportDossierPdf")
        self.pdf_action.triggered.connect(lambda: self._ask("pdf"))
        self.print_action = QAction("&Print dossier…", window)
        self.print_action.setObjectName("printDossier")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_dialog)
        window.dossiers.sig_current_org.connect(lambda _=0: self._update())
        self._update()

    def _update(self) -> None:
        on = self.window.dossiers.current_view() is not None
        for action in (self.markdown_action, self.pdf_action, self.print_action):
            action.setEnabled(on)

    def _current(self) -> tuple[int, str, float | None] | None:
        view = self.window.dossiers.current_view()
        if view is None or view.dossier is None:
            return None
        return view.org_id, view.dossier.org.key, view.as_of

    def export(self, fmt: str, path: str | Path) -> Path | None:
        """Export the visible dossier (as of its date) to ``path`` without asking."""
        current = self._current()
        if current is None:
            return None
        org_id, _key, as_of = current
        write = write_pdf if fmt == "pdf" else write_markdown
        return write(self.window.store, org_id, path, as_of)

    def _ask(self, fmt: str) -> None:
        current = self._current()
        if current is None:
            return
        label = "PDF files (*.pdf)" if fmt == "pdf" else "Markdown files (*.md)"
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export dossier", f"{current[1]}.{fmt}", label
        )
        if not path:
            return
        try:
            self.export(fmt, path)
        except (OSError, StoreError) as exc:
            QMessageBox.warning(self.window, "Export dossier", f"Could not export: {exc}")
            return
        self.window.statusBar().showMessage(f"Exported the dossier to {path}", 5000)

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        current = self._current()
        if current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        _print(dossier_document(self.window.store, current[0], current[2]), printer)


def install(window: Any) -> DossierExport:
    """Add the dossier export and print actions to the File menu (idempotent)."""
    existing = getattr(window, "dossier_export", None)
    if isinstance(existing, DossierExport):
        return existing
    export = DossierExport(window)
    window.add_to_file_menu(
        "exchange", export.markdown_action, export.pdf_action, export.print_action
    )
    window.dossier_export = export
    return export
