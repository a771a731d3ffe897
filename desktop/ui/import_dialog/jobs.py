"""The import's long work, off the UI thread: planning (read and check the file, then a dry run
for exact counts), importing, and the search index a big import leaves to follow
(:class:`Indexer`), each on its own connection to the database.

sqlite3 connections belong to the thread that opened them, so a job opens the database again
(:func:`open_store`) and closes it when done; the window notices the commit (the store bridge
polls ``PRAGMA data_version``, and the dialog announces it as well).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from desktop.store.database import Store, open_store
from desktop.store.errors import StoreError, ValidationError
from desktop.store.io import (
    ImportCancelled,
    ImportFileError,
    ImportPlan,
    ImportReport,
    apply_import,
    plan_import,
)
from desktop.store.io.backlog import index_backlog
from desktop.store.io.formats import read_columns as store_read_columns
from desktop.store.search_backlog import indexed_share
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

DRY_RUN_LIMIT = 50_000  # rows: above this the preview counts valid rows, not new vs updated

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class Cancelled(Exception):
    """Raised from a progress callback to stop planning."""


@dataclass
class Preview:
    """A plan, and when it could be made, the dry run's exact counts."""

    plan: ImportPlan
    report: ImportReport | None = None
    note: str = ""


class Job(QThread):
    """Runs ``work(progress, cancel)`` on its own thread; reports back through signals (which
    arrive on the UI thread)."""

    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal(str)

    def __init__(self, work: Callable[[Progress, Cancel], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.sig_progress.emit, self.cancelled)
        except (ImportCancelled, Cancelled) as exc:
            self.sig_cancelled.emit(str(exc) or "cancelled; nothing was written")
        except (ValidationError, StoreError, OSError, ValueError) as exc:
            self.sig_failed.emit(str(exc))
        except Exception as exc:  # a thread must report, never die silently
            self.sig_failed.emit(f"unexpected error: {exc!r}")
        else:
            self.sig_done.emit(result)


def plan_work(
    path: Path, fmt: str | None, mapping: Mapping[str, str], db_path: Path | None
) -> Callable[[Progress, Cancel], Preview]:
    """Read and check ``path``; then, if the database can be opened again (a file, not
    ``:memory:``) and the file is not huge, count exactly what would be created."""

    def work(progress: Progress, cancel: Cancel) -> Preview:
        def tick(done: int, total: int) -> None:
            if cancel():
                raise Cancelled("preview cancelled")
            progress(done, total)

        plan = plan_import(path, fmt, mapping, progress=tick)
        preview = Preview(plan)
        if db_path is None or not plan.valid:
            return preview
        if plan.valid > DRY_RUN_LIMIT:
            preview.note = translate(
                "Import", "{n} rows: new and updated are counted when importing"
            ).format(n=f"{plan.valid:,}")
            return preview
        try:
            other = open_store(db_path)
        except StoreError as exc:
            preview.note = translate(
                "Import", "counts not checked against the database: {error}"
            ).format(error=store_text(exc))
            return preview
        try:
            preview.report = apply_import(
                other, plan, partial=True, dry_run=True, progress=progress, cancel=cancel
            )
        except StoreError as exc:
            preview.note = translate(
                "Import", "counts not checked against the database: {error}"
            ).format(error=store_text(exc))
        finally:
            other.close()
        return preview

    return work


def import_work(
    db_path: Path, plan: ImportPlan, partial: bool
) -> Callable[[Progress, Cancel], ImportReport]:
    """Import ``plan`` on a connection of the job's own; all or nothing."""

    def work(progress: Progress, cancel: Cancel) -> ImportReport:
        other = open_store(db_path)
        try:
            return apply_import(other, plan, partial=partial, progress=progress, cancel=cancel)
        finally:
            other.close()

    return work


# -- the columns of a file whose mapping is not complete yet -----------------------------------
def read_columns(path: Path, fmt: str | None) -> tuple[str, tuple[str, ...]]:
    """(format, column names) even when no column can be guessed as the title or the date
    (see :func:`desktop.store.io.formats.read_columns`); no columns when unreadable."""
    try:
        return store_read_columns(path, fmt)
    except ImportFileError:
        return fmt or "csv", ()


# -- the search index after a big import -------------------------------------------------------
class IndexJob(QThread):
    """Indexes the search backlog on its own connection, chunk by chunk (each chunk its own
    short transaction, so the window's own writes wait at most one chunk)."""

    sig_share = Signal(float)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._cancel = threading.Event()
        self.error = ""

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            other = open_store(self.db_path)
        except StoreError as exc:
            self.error = str(exc)
            return
        try:
            index_backlog(other, progress=self.sig_share.emit, cancel=self._cancel.is_set)
        except (StoreError, OSError) as exc:  # what is indexed stays; the rest waits for later
            self.error = str(exc)
        except Exception as exc:  # a thread must report, never die silently
            self.error = f"unexpected error: {exc!r}"
        finally:
            other.close()


class Indexer(QObject):
    """Keeps the window's file fully searchable: after a big import, and when a file opens
    with a backlog left (a crash, a closed window), indexes it on an :class:`IndexJob`, and
    says "Indexing for search: 42 %" through ``show_status(text, ms)``."""

    def __init__(self, store: Store, show_status: Callable[[str, int], None], parent: QObject):
        super().__init__(parent)
        self.store = store
        self.show_status = show_status
        self.job: IndexJob | None = None
        self.again = False

    def start(self) -> bool:
        """Index the backlog, if the file has one (True when a job runs)."""
        if self.store.readonly or str(self.store.path) == ":memory:":
            return False
        if self.job is not None:
            self.again = True  # a second import while indexing: go on after this job
            return True
        if indexed_share(self.store) is None:
            return False
        self.job = IndexJob(Path(self.store.path), self)
        self.job.sig_share.connect(self._share)
        self.job.finished.connect(self._finished)
        self._share(indexed_share(self.store) or 0.0)
        self.job.start()
        return True

    def _share(self, share: float) -> None:
        text = translate("Import", "Indexing for search: {n} %").format(n=int(share * 100))
        self.show_status(text, 0)

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        error, cancelled = job.error, job._cancel.is_set()
        job.deleteLater()
        if error:
            self.show_status(translate("Import", "Search index not finished: {error}").format(
                error=store_text(error)), 10000)  # fmt: skip
        elif not cancelled:
            if self.again:
                self.again = False
                if self.start():
                    return
            self.show_status(translate("Import", "Search index complete"), 5000)

    def stop(self) -> None:
        """Stop after the chunk being written and wait (the rest is indexed next time)."""
        job = self.job
        if job is not None:
            job.cancel()
            job.wait()
