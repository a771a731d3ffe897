"""The import's long work, off the UI thread: planning (read and check the file, then a dry run
for exact counts) and importing, each on its own connection to the database.

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

from desktop.store.database import open_store
from desktop.store.errors import StoreError, ValidationError
from desktop.store.io import (
    ImportCancelled,
    ImportFileError,
    ImportPlan,
    ImportReport,
    apply_import,
    plan_import,
)
from desktop.store.io.formats import read_columns as store_read_columns

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
            preview.note = f"{plan.valid:,} rows: new and updated are counted when importing"
            return preview
        try:
            other = open_store(db_path)
        except StoreError as exc:
            preview.note = f"counts not checked against the database: {exc}"
            return preview
        try:
            preview.report = apply_import(
                other, plan, partial=True, dry_run=True, progress=progress, cancel=cancel
            )
        except StoreError as exc:
            preview.note = f"counts not checked against the database: {exc}"
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
