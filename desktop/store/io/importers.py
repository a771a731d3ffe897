"""Importing events: :func:`plan_import` reads and validates a file without writing;
:func:`apply_import` writes it in one transaction.

All or nothing: unless ``partial=True``, one bad row refuses the whole import and nothing is
written (with ``partial``, bad rows are left out). Events are matched by key, so importing the
same file twice updates rather than duplicates; organizations named in rows are found by key,
name, Chinese name or alias (:func:`desktop.store.queries.find_organization`) or created.

An update changes only the fields the file gives (a file without a ``place`` column leaves
places alone); when the file names organizations, an updated event's links are made to match
(links kept keep their role).

How rows are written fast is in :mod:`desktop.store.io.writer`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path

from desktop.store.database import Store
from desktop.store.io.formats import open_source
from desktop.store.io.prefetch import Prefetch
from desktop.store.io.records import (
    KEEP_SKIPPED,
    MAX_ORG_NAMES,
    PREVIEW_ROWS,
    ImportCancelled,
    ImportPlan,
    ImportRefused,
    ImportReport,
    Skipped,
)
from desktop.store.io.writer import Writer

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

PROGRESS_EVERY = 1000
READ_AHEAD_BATCHES = 30  # rows read ahead: 30 batches of 1000


def plan_import(
    path: str | PathLike[str],
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read and validate ``path`` without writing anything.

    ``fmt`` is one of ``csv``, ``timelinejs``, ``timesketch``, ``jsonl`` (guessed when None);
    ``mapping`` maps a column to a field (``{"Headline": "title", "Notes": "-"}``). The plan
    counts every row and keeps the first 200 events as a preview. Raises ImportFileError when
    the file cannot be read at all.
    """
    source = open_source(Path(path), fmt, dict(mapping or {}))
    plan = ImportPlan(
        path=Path(path),
        fmt=source.fmt,
        columns=source.columns,
        mapping=dict(source.mapping),
        provided=source.provided,
        notes=list(source.notes),
        requested=dict(mapping or {}),
    )
    orgs: dict[str, None] = {}
    for item in source.rows():
        plan.total += 1
        if isinstance(item, Skipped):
            plan.add_skipped(item)
        else:
            plan.valid += 1
            if len(plan.preview) < PREVIEW_ROWS:
                plan.preview.append(item)
            if len(orgs) < MAX_ORG_NAMES:
                for name in item.orgs:
                    orgs.setdefault(name, None)
        if progress is not None and plan.total % PROGRESS_EVERY == 0:
            progress(plan.total, 0)
    plan.orgs = list(orgs)
    return plan


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    partial: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Write the planned events in one transaction (re-reading the file).

    Raises ImportRefused (nothing written) if rows cannot be imported and ``partial`` is False;
    ImportCancelled (rolled back) when ``cancel()`` returns True; StoreError if the database
    refuses. ``progress(done, total)`` is called after every 1000 rows read (and the last few),
    on the calling thread; so is ``cancel``. ``dry_run`` does everything,
    then rolls back, so the counts are exact and the file is unchanged.
    """
    check_plan(plan, partial=partial)
    source = open_source(plan.path, plan.fmt, plan.requested)
    report = ImportReport(dry_run=dry_run)
    total = plan.total
    try:
        with store.write() as db:
            writer = Writer(store, db.conn, source.provided)
            reader = Prefetch(source.rows(), PROGRESS_EVERY, READ_AHEAD_BATCHES)
            writer.reader = reader
            done = 0
            try:
                writer.start(plan.valid)
                for batch in reader:
                    for item in batch:
                        if item.__class__ is Skipped:
                            if not partial:
                                raise _refusal(plan.path, 1, done + 1, [item], changed=True)
                            report.skipped += 1
                            if len(report.skipped_rows) < KEEP_SKIPPED:
                                report.skipped_rows.append(item)
                        else:
                            writer.add(item)
                    done += len(batch)
                    if cancel is not None and cancel():
                        raise ImportCancelled(
                            f"import of {plan.path.name} cancelled; nothing was written"
                        )
                    if progress is not None:
                        progress(done, max(total, done))
                writer.finish()
            finally:
                reader.close()
                writer.restore_cache()
            report.created, report.updated = writer.created, writer.updated
            report.duplicates = writer.repeated
            report.unchanged = writer.rows - writer.created - writer.updated - writer.repeated
            report.orgs_created = writer.orgs.created_names
            writer.announce()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def check_plan(plan: ImportPlan, *, partial: bool = False) -> None:
    """Raise ImportRefused if the plan has bad rows and ``partial`` is False."""
    if plan.skipped_count and not partial:
        raise _refusal(plan.path, plan.skipped_count, plan.total, plan.skipped[:1])


def _refusal(
    path: Path, count: int, total: int, first: list[Skipped], *, changed: bool = False
) -> ImportRefused:
    what = f"{count:,} of {total:,} rows" if not changed else "a row"
    example = f" (first: {first[0]})" if first else ""
    why = "; the file changed since it was checked" if changed else ""
    return ImportRefused(
        f"{path.name}: {what} cannot be imported{example}{why}; nothing was written "
        "(fix them, or import the rest with --partial)"
    )
