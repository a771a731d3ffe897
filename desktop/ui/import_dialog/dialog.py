"""The import preview: what a file will create and what it will skip, a column mapping for CSV,
and the import itself on a worker thread with progress and Cancel (all or nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.io import ImportPlan, ImportReport
from desktop.store.io.formats import IMPORT_FORMATS, IMPORTS
from desktop.ui.colours import error_style
from desktop.ui.i18n import num, translate
from desktop.ui.import_dialog.jobs import Job, Preview, import_work, plan_work, read_columns
from desktop.ui.import_dialog.tables import MappingTable, fill_events, fill_skipped, plain_table
from desktop.ui.store_text import store_text

# the formats' names that are words, for lupdate (the labels come from the store's format table)
_WORDS = (QT_TRANSLATE_NOOP("Import", "JSON lines"),)


class ImportDialog(QDialog):
    sig_imported = Signal(object)
    """The ImportReport of a finished import (after its commit)."""

    def __init__(self, store: Store, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("Import", "Import {name}").format(name=self.path.name))
        self.resize(860, 640)
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.job: Job | None = None
        self._jobs: list[Job] = []
        self._fmt: str | None = None
        self._requested: dict[str, str] = {}

        self.format_box = QComboBox(self)
        for form in IMPORTS:
            self.format_box.addItem(translate("Import", form.label), form.name)
        self.format_box.currentIndexChanged.connect(self._on_format)
        form = QFormLayout()
        file_label = QLabel(str(self.path), self)
        file_label.setTextFormat(Qt.TextFormat.PlainText)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(translate("Import", "File:"), file_label)
        form.addRow(translate("Import", "Format:"), self.format_box)

        self.mapping_group = QGroupBox(translate("Import", "Columns"), self)
        self.mapping_table = MappingTable(self.mapping_group)
        self.mapping_table.sig_requested.connect(self._on_requested)
        box = QVBoxLayout(self.mapping_group)
        box.addWidget(self.mapping_table)

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        bold = self.summary.font()
        bold.setBold(True)
        self.summary.setFont(bold)
        self.notes = QLabel(self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: palette(dark)")

        self.tabs = QTabWidget(self)
        self.events_table = plain_table(
            [
                translate("Import", "Title"),
                translate("Import", "When"),
                translate("Import", "Kind"),
                translate("Import", "Organizations"),
                translate("Import", "Place"),
            ],
            self,
        )
        self.skipped_table = plain_table(
            [translate("Import", "Where"), translate("Import", "Why it cannot be imported")], self
        )
        self.tabs.addTab(self.events_table, translate("Import", "To import"))
        self.tabs.addTab(self.skipped_table, translate("Import", "Skipped"))

        self.partial_box = QCheckBox(translate("Import", "Import good rows only (partial)"), self)
        self.partial_box.setObjectName("partialBox")
        self.partial_box.hide()
        self.partial_box.toggled.connect(self._on_partial)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(translate("Import", "Import"), self)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(translate("Import", "Cancel"), self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_group, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.partial_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.replan()

    # -- state ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.isRunning()

    @property
    def plan(self) -> ImportPlan | None:
        return self.preview.plan if self.preview else None

    def can_import(self) -> bool:
        plan = self.plan
        if plan is None or self.busy or self.store.readonly or self.report is not None:
            return False
        if plan.valid == 0:
            return False
        return not plan.skipped_count or self.partial_box.isChecked()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        self.format_box.setEnabled(not self.busy and self.report is None)
        self.mapping_table.setEnabled(not self.busy and self.report is None)
        self.cancel_button.setText(
            translate("Import", "Close")
            if self.report is not None
            else translate("Import", "Cancel")
        )
        plan = self.plan
        refused = plan is not None and plan.skipped_count and not self.partial_box.isChecked()
        if refused and not self.busy and self.report is None:
            text = translate(
                "Import",
                "{n} rows cannot be imported (see Skipped). Nothing will"
                " be written unless you tick “Import good rows only”.",
            )
            self._set_status(text.format(n=num(plan.skipped_count)), error=True)

    def _on_partial(self, checked: bool) -> None:
        plan = self.plan
        if checked and plan is not None and not self.busy:
            text = translate("Import", "Ready to import the {n} good rows.")
            self._set_status(text.format(n=num(plan.valid)))
        self._update_buttons()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(error_style(self) if error else "")
        self.status.setText(text)

    # -- planning ------------------------------------------------------------------------------
    def replan(self) -> None:
        """Read and check the file again with the chosen format and mapping (on a worker)."""
        self._stop_job()
        self.preview = None
        self.error = None
        # the dry run that counts new and updated events needs a second, writable connection
        shared = str(self.store.path) == ":memory:" or self.store.readonly
        db_path = None if shared else self.store.path
        work = plan_work(self.path, self._fmt, dict(self._requested), db_path)
        self._start(work, self._planned, translate("Import", "Reading the file…"))

    def _planned(self, preview: Preview) -> None:
        self.preview = preview
        plan = preview.plan
        self._show_format(plan.fmt)
        self._fill_mapping(plan.columns, plan.mapping, plan.fmt)
        fill_events(self.events_table, plan)
        fill_skipped(self.skipped_table, plan)
        self.tabs.setTabText(0, translate("Import", "To import ({n})").format(n=num(plan.valid)))
        self.tabs.setTabText(
            1, translate("Import", "Skipped ({n})").format(n=num(plan.skipped_count))
        )
        self.summary.setStyleSheet("")
        self.summary.setText(self._summary_text(preview))
        self.notes.setText("\n".join([*map(store_text, plan.notes), preview.note]).strip())
        self.partial_box.setVisible(plan.skipped_count > 0)
        self.partial_box.setText(
            translate(
                "Import", "Import good rows only (partial): leave out the {n} bad rows"
            ).format(n=num(plan.skipped_count))
        )
        if plan.skipped_count:
            self.tabs.setCurrentWidget(self.skipped_table)
        if self.store.readonly:
            self._set_status(
                translate("Import", "The database is open read-only: nothing can be imported."),
                error=True,
            )
        else:
            self._set_status(translate("Import", "Ready to import.") if self.can_import() else "")
        self._update_buttons()

    def _plan_failed(self, message: str) -> None:
        self.error = message
        fmt, columns = read_columns(self.path, self._fmt)
        self._show_format(fmt)
        mapping = {c: f for c, f in self._requested.items() if c in columns}
        self._fill_mapping(columns, mapping, fmt)
        self.events_table.setRowCount(0)
        self.skipped_table.setRowCount(0)
        self.partial_box.hide()
        self.summary.setStyleSheet(error_style(self))
        self.summary.setText(
            translate("Import", "This file cannot be imported as it is: {error}").format(
                error=store_text(message)
            )
        )
        self.notes.setText(
            translate("Import", "Choose the columns to read as the title and the start date.")
        )
        self._set_status("")
        self._update_buttons()

    def _summary_text(self, preview: Preview) -> str:
        plan, report = preview.plan, preview.report
        form = IMPORT_FORMATS.get(plan.fmt)
        fmt = translate("Import", form.label) if form else plan.fmt
        text = translate("Import", "{format}: {total} rows read; {valid} can be imported").format(
            format=fmt, total=num(plan.total), valid=num(plan.valid)
        )
        if report is not None:
            text += translate("Import", " ({new} new, {updated} updated, {unchanged} unchanged)")
            text = text.format(
                new=num(report.created),
                updated=num(report.updated),
                unchanged=num(report.unchanged),
            )
            if report.duplicates:
                text += translate("Import", "; {n} duplicate rows dropped").format(
                    n=num(report.duplicates)
                )
        text += translate("Import", "; {n} will be skipped.").format(n=num(plan.skipped_count))
        if report is not None and report.orgs_created:
            names = ", ".join(report.orgs_created[:8])
            more = len(report.orgs_created) - 8
            if more > 0:
                line = translate("Import", "New organizations: {names} and {n} more")
            else:
                line = translate("Import", "New organizations: {names}")
            text += "\n" + line.format(names=names, n=num(more))
        return text

    def _show_format(self, fmt: str) -> None:
        index = self.format_box.findData(fmt)
        if index >= 0:
            self.format_box.blockSignals(True)
            self.format_box.setCurrentIndex(index)
            self.format_box.blockSignals(False)

    def _fill_mapping(self, columns: tuple[str, ...], mapping: dict[str, str], fmt: str) -> None:
        self.mapping_group.setVisible(fmt not in IMPORT_FORMATS or IMPORT_FORMATS[fmt].mapping)
        self.mapping_table.fill(columns, mapping)

    def mapping_combo(self, column: str) -> QComboBox | None:
        return self.mapping_table.combo(column)

    def set_mapping(self, column: str, fld: str) -> None:
        """Read ``column`` as ``fld`` and plan again (see :meth:`MappingTable.set_field`)."""
        self.mapping_table.set_field(column, fld)

    def _on_requested(self, requested: dict[str, str]) -> None:
        self._requested = dict(requested)
        self.replan()

    def _on_format(self, _index: int) -> None:
        self._fmt = str(self.format_box.currentData())
        self._requested = {}
        self.replan()

    # -- importing -----------------------------------------------------------------------------
    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not self.can_import():
            return
        partial = self.partial_box.isChecked()
        if str(self.store.path) == ":memory:":  # no second connection to an in-memory database
            from desktop.store.io import apply_import

            def work(progress, cancel):  # type: ignore[no-untyped-def]
                return apply_import(
                    self.store, plan, partial=partial, progress=progress, cancel=cancel
                )

            self._start(work, self._imported, translate("Import", "Importing…"), threaded=False)
            return
        self._start(
            import_work(self.store.path, plan, partial),
            self._imported,
            translate("Import", "Importing…"),
        )

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        text = translate(
            "Import", "Imported: {new} new, {updated} updated, {unchanged} unchanged"
        ).format(
            new=num(report.created), updated=num(report.updated), unchanged=num(report.unchanged)
        )
        if report.duplicates:
            text += translate("Import", "; {n} duplicate rows dropped").format(
                n=num(report.duplicates)
            )
        if report.skipped:
            text += translate("Import", "; {n} rows left out").format(n=num(report.skipped))
        self._set_status(text + translate("Import", "."))
        self._announce()
        self._update_buttons()
        self.sig_imported.emit(report)

    def _announce(self) -> None:
        """Tell this window's listeners at once (the bridge would notice within a second)."""
        if self.store.readonly or str(self.store.path) == ":memory:":
            return
        try:
            with self.store.write():
                self.store.changed("all", "reload")
        except StoreError:
            pass  # locked by another program: the bridge notices the commit within a second

    def cancel(self) -> None:
        """Cancel the running job (nothing is written), or close the dialog when idle."""
        if self.busy and self.job is not None:
            self.job.cancel()
            self._set_status(translate("Import", "Cancelling…"))
            return
        if self.report is not None:
            self.accept()
        else:
            self.reject()

    # -- jobs ----------------------------------------------------------------------------------
    def _start(self, work, on_done, what: str, *, threaded: bool = True) -> None:  # type: ignore[no-untyped-def]
        job = Job(work, self)
        self.job = job
        self._jobs = [j for j in self._jobs if j.isRunning()] + [job]
        job.sig_progress.connect(lambda done, total, j=job: self._on_progress(j, done, total))
        job.sig_done.connect(lambda result, j=job: self._finish(j, on_done, result))
        job.sig_failed.connect(lambda message, j=job: self._finish(j, self._failed, message))
        job.sig_cancelled.connect(lambda message, j=job: self._finish(j, self._cancelled, message))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_status(what)
        self._update_buttons()
        self.import_button.setEnabled(False)
        if threaded:
            job.start()
        else:
            job.run()

    def _on_progress(self, job: Job, done: int, total: int) -> None:
        if job is not self.job:
            return
        if 0 < total <= done:  # every row read: the indexes are built and the file written
            self.progress.setRange(0, 0)  # (no steps to count: a busy bar, not a full one)
            self._set_status(translate("Import", "Every row read; saving the database…"))
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if total <= 0:
            text = translate("Import", "{done} rows").format(done=num(done))
        else:
            text = translate("Import", "{done} of {total} rows").format(
                done=num(done), total=num(total)
            )
        self.progress.setFormat(text)

    def _finish(self, job: Job, handler, value) -> None:  # type: ignore[no-untyped-def]
        if job is not self.job:
            return  # a plan replaced by a newer one
        job.wait()
        self.job = None
        self.progress.hide()
        handler(value)

    def _failed(self, message: str) -> None:
        if self.preview is None:
            self._plan_failed(message)
            return
        self._set_status(
            translate("Import", "Import failed; nothing was written: {error}").format(
                error=store_text(message)
            ),
            error=True,
        )
        self._update_buttons()

    def _cancelled(self, message: str) -> None:
        if self.preview is None:
            self.summary.setText(translate("Import", "Reading the file was cancelled."))
            self._set_status("")
        else:
            self._set_status(translate("Import", "Import cancelled; nothing was written."))

        self._update_buttons()

    def _stop_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def wait_jobs(self, ms: int = 30_000) -> None:
        for job in self._jobs:
            job.cancel()
            job.wait(ms)
        self._jobs = [j for j in self._jobs if j.isRunning()]

    def done(self, result: int) -> None:
        self.wait_jobs()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_jobs()
        super().closeEvent(event)
