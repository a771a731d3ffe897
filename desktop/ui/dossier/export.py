"""Dossier export: Markdown (``desktop.store.io.markdown``), PDF and printing.

The PDF and the printout lay out the dossier document as a printed report: A4 with margins,
10 pt body text, headings, lines wrapped to the page, the dossier's name and "page n of N" in
a footer on every page, and the footnotes (title, publisher, date, URL, where and the quote)
under their sources at the end. The text is laid out at the printer's resolution, so point
sizes are real points on paper.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.domain.dossier_build import build_document
from desktop.domain.dossier_doc import META, NOTE, DossierDoc, Item, Run, Section, SourceEntry
from desktop.domain.dossier_grade import graded_at_least
from desktop.domain.dossier_review import NEW
from desktop.domain.grades import Grade
from desktop.store.database import Store
from desktop.store.dossier import dossier_or_refuse
from desktop.store.errors import StoreError
from desktop.store.files import check_output, replacing
from desktop.store.io.markdown import render_document_md, save_markdown, write_markdown
from desktop.ui.application import ensure_app
from desktop.ui.context import WindowContext
from desktop.ui.document import words
from desktop.ui.document.fonts import latin_first
from desktop.ui.document.render import render_dossier
from desktop.ui.dossier.charts import add_chart_resources, metric_series
from desktop.ui.i18n import active_language, translate
from desktop.ui.store_text import store_text

MAX_EVENTS_PRINTED = 2000  # a PDF of 10,000 event rows helps nobody; the count is printed
BODY_PT = 10.0
FOOTER_PT = 8.5
MARGINS_MM = QMarginsF(20, 20, 20, 16)  # left, top, right, bottom (the footer sits inside)
CHART_SCALE = 3.0


def dossier_document(
    store: Store, org_id: int, as_of: float | None = None, min_grade: Grade | None = None
) -> QTextDocument:
    """The dossier as a QTextDocument ready to print (every section, sources at the end; only
    the facts graded at least ``min_grade`` when given)."""
    d = dossier_or_refuse(store, org_id, as_of, max_events=MAX_EVENTS_PRINTED)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = latin_first(QFont(), BODY_PT)
    font.setFeature(QFont.Tag("liga"), 0)  # text copied from the PDF reads 'fl', not 'ﬂ'
    doc.setDefaultFont(font)
    shown = graded_at_least(d, min_grade or Grade())  # charts only of the figures kept
    add_chart_resources(doc, shown, CHART_SCALE)
    names = tuple(s.name for s in metric_series(shown))
    html = render_dossier(d, max_events=None, series_names=names, printed=True, min_grade=min_grade)
    doc.setHtml(html)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, d.org.label)
    return doc


def write_pdf(
    store: Store,
    org_id: int,
    out: str | Path,
    as_of: float | None = None,
    *,
    min_grade: Grade | None = None,
) -> Path:
    """Write the dossier to a PDF file (A4); works without a window (``dossier export pdf``);
    ``min_grade`` keeps only the facts graded at least that."""
    if QApplication.instance() is None:  # the command line: no display needed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_app()
    out = check_output(out, protect=(store.path,))  # refused before anything is laid out
    doc = dossier_document(store, org_id, as_of, min_grade)
    # checked (never the open database, a link or a device), all or nothing: OUT as it was
    with replacing(out, protect=(store.path,)) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setCreator("Dossier")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        _print(doc, writer)
        del writer  # closes the file
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise StoreError(f"could not write {out}")
    return out


# -- Markdown in the interface language ---------------------------------------------------------
# The store's Markdown writer (desktop/store/io/markdown.py, no Qt) writes the document it is
# given, so the window gives it the document in the interface language (the pane's words:
# desktop/ui/document/words.py). Its own few words are put in after: it escapes every
# Markdown character in data, so these marked-up texts can only be its own.
WRITER_WORDS = (
    (re.compile(r"^## Sources$", re.M), "## {words}", QT_TRANSLATE_NOOP("Dossier", "Sources")),
    (re.compile(r"\| Sources \|$", re.M), "| {words} |", QT_TRANSLATE_NOOP("Dossier", "Sources")),
    (
        re.compile(re.escape(" **⚠ contested by a source**")),
        " **{words}**",
        QT_TRANSLATE_NOOP("Dossier", "⚠ contested by a source"),
    ),
    (
        re.compile(re.escape("**Contradicts this:** ")),
        "**{words}** ",
        QT_TRANSLATE_NOOP("Dossier", "Contradicts this:"),
    ),
)


# the tables' column names (desktop/domain/dossier_sections.py), which only Markdown shows
COLUMNS = frozenset(
    {
        QT_TRANSLATE_NOOP("Dossier", "Product"),
        QT_TRANSLATE_NOOP("Dossier", "Released · size · weights"),
        QT_TRANSLATE_NOOP("Dossier", "Figure"),
        QT_TRANSLATE_NOOP("Dossier", "Value"),
        QT_TRANSLATE_NOOP("Dossier", "As of"),
    }
)


@dataclass(frozen=True)
class _ShownSource(SourceEntry):
    """A source whose grade is said in the interface language ('Graded B — usually ...')."""

    shown_grade: str = ""

    @property
    def grade_text(self) -> str:
        return self.shown_grade


def _runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """As the pane shows them: a link's text and a note are data, the rest through words."""
    return tuple(
        r if r.link or r.style == NOTE else replace(r, text=words.text(r.text, r.style == META))
        for r in runs
    )


def _item(it: Item) -> Item:
    badge = words.text("NEW" if it.badge == NEW else it.badge) if it.badge else it.badge
    return replace(it, cells=tuple(_runs(c) for c in it.cells), badge=badge)


def _section(s: Section) -> Section:
    return replace(
        s,
        heading=words.text(s.heading),
        intro=_runs(s.intro),
        columns=tuple(translate("Dossier", c) if c in COLUMNS else c for c in s.columns),
        items=tuple(_item(it) for it in s.items),
    )


def _source(s: SourceEntry) -> SourceEntry:
    kept = {f.name: getattr(s, f.name) for f in fields(s)}
    parts = tuple(words.dates(p) for p in s.parts)
    return _ShownSource(**kept | {"parts": parts}, shown_grade=words.text(s.grade_text))


def shown_document(doc: DossierDoc) -> DossierDoc:
    """The dossier document with its own words in the interface language, as the pane and the
    PDF show it (names, titles, quotes and notes as they are)."""
    return replace(
        doc,
        heading=_runs(doc.heading),
        lead=tuple(_item(it) for it in doc.lead),
        sections=tuple(_section(s) for s in doc.sections),
        sources=tuple(_source(s) for s in doc.sources),
    )


def dossier_markdown_shown(
    store: Store, org_id: int, as_of: float | None = None, min_grade: Grade | None = None
) -> str:
    """The dossier's Markdown as ``desktop.store.io.markdown`` writes it, in the interface
    language."""
    d = dossier_or_refuse(store, org_id, as_of)  # every event, as the English export
    text = render_document_md(shown_document(build_document(d, min_grade=min_grade)))
    for pattern, form, word in WRITER_WORDS:
        shown = form.format(words=translate("Dossier", str(word)))
        text = pattern.sub(shown.replace("\\", "\\\\"), text)  # the words as they are
    return text


def write_markdown_shown(
    store: Store,
    org_id: int,
    out: str | Path,
    as_of: float | None = None,
    *,
    min_grade: Grade | None = None,
) -> Path:
    """``write_markdown`` in the interface language (English: exactly it)."""
    if active_language() == "en":
        return write_markdown(store, org_id, out, as_of, min_grade=min_grade)
    return save_markdown(dossier_markdown_shown(store, org_id, as_of, min_grade), out)


def _print(doc: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay the document out on the device's pages and paint each with its footer (the
    dossier's name, page n of N); returns the number of pages."""
    res = device.resolution()
    rect = device.pageLayout().paintRectPixels(res)
    footer = QFont(latin_first(QFont(), FOOTER_PT))
    gap = FOOTER_PT * 2.6 * res / 72  # the footer line and the space above it
    width, height = float(rect.width()), float(rect.height()) - gap
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(width, height))
    pages = max(1, doc.pageCount())
    title = doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    painter = QPainter(device)
    try:
        for i in range(pages):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, -i * height)
            page = QRectF(0, i * height, width, height)
            painter.setClipRect(page)  # a line laid out on the next page is drawn there only
            doc.drawContents(painter, page)
            painter.restore()
            _footer(painter, footer, QRectF(0, height, width, gap), title, i + 1, pages)
    finally:
        painter.end()
    return pages


def _footer(
    painter: QPainter, font: QFont, rect: QRectF, title: str, page: int, pages: int
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(QColor("#888888"), 0))
    line_y = rect.top() + rect.height() * 0.35
    painter.drawLine(QPointF(rect.left(), line_y), QPointF(rect.right(), line_y))
    painter.setPen(QColor("#444444"))
    text = QRectF(rect.left(), line_y, rect.width(), rect.bottom() - line_y)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(text, Qt.AlignmentFlag.AlignLeft | bottom, f"{title} — Dossier")
    page_text = translate("Dossier", "Page {page} of {pages}").format(page=page, pages=pages)
    painter.drawText(text, Qt.AlignmentFlag.AlignRight | bottom, page_text)
    painter.restore()


class DossierExport:
    """File ▸ Export dossier as Markdown… / PDF… and Print dossier… for the visible dossier."""

    def __init__(self, window: WindowContext) -> None:
        self.window = window
        self.markdown_action = QAction(
            translate("Dossier", "Export dossier as &Markdown…"), window.qt
        )
        self.markdown_action.setObjectName("exportDossierMarkdown")
        self.markdown_action.triggered.connect(lambda: self._ask("md"))
        self.pdf_action = QAction(translate("Dossier", "Export dossier as &PDF…"), window.qt)
        self.pdf_action.setObjectName("exportDossierPdf")
        self.pdf_action.triggered.connect(lambda: self._ask("pdf"))
        self.print_action = QAction(translate("Dossier", "&Print dossier…"), window.qt)
        self.print_action.setObjectName("printDossier")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_dialog)
        window.dossiers.sig_current_org.connect(lambda _=0: self._update())
        self._update()

    def _update(self) -> None:
        on = self.window.dossiers.current_view() is not None
        for action in (self.markdown_action, self.pdf_action, self.print_action):
            action.setEnabled(on)

    def _current(self) -> tuple[int, str, float | None, Grade] | None:
        view = self.window.dossiers.current_view()
        if view is None or view.dossier is None:
            return None
        return view.org_id, view.dossier.org.key, view.as_of, view.min_grade

    def export(self, fmt: str, path: str | Path) -> Path | None:
        """Export the visible dossier as shown (as of its date, cut to the filter's grade) to
        ``path`` without asking."""
        current = self._current()
        if current is None:
            return None
        org_id, _key, as_of, grade = current
        write = write_pdf if fmt == "pdf" else write_markdown_shown
        return write(self.window.store, org_id, path, as_of, min_grade=grade)

    def _ask(self, fmt: str) -> None:
        current = self._current()
        if current is None:
            return
        if fmt == "pdf":
            label = translate("Dossier", "PDF files (*.pdf)")
        else:
            label = translate("Dossier", "Markdown files (*.md)")
        path, _ = QFileDialog.getSaveFileName(
            self.window.qt, translate("Dossier", "Export dossier"), f"{current[1]}.{fmt}", label
        )
        if not path:
            return
        try:
            self.export(fmt, path)
        except (OSError, StoreError) as exc:
            QMessageBox.warning(
                self.window.qt,
                translate("Dossier", "Export dossier"),
                translate("Dossier", "Could not export: {error}").format(error=store_text(exc)),
            )
            return
        message = translate("Dossier", "Exported the dossier to {path}")
        self.window.show_status(message.format(path=path), 5000)

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        current = self._current()
        if current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window.qt)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        _print(dossier_document(self.window.store, current[0], current[2], current[3]), printer)


def install(window: WindowContext) -> DossierExport:
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
