"""Import and export in the formats analysts exchange (no Qt).

- :mod:`~desktop.store.io.importers`: :func:`plan_import` (read and validate, no writing) and
  :func:`apply_import` (one transaction) for CSV, TimelineJS JSON and Timesketch CSV/JSONL.
- :mod:`~desktop.store.io.exporters`: CSV, TimelineJS JSON and iCalendar, filtered by the one
  event filter (:class:`~desktop.domain.filters.EventFilter`);
  :mod:`~desktop.store.io.timesketch`: Timesketch JSONL with every attribute an event was
  imported with.
"""

from __future__ import annotations

from desktop.store.io.importers import apply_import, plan_import
from desktop.store.io.records import (
    ImportCancelled,
    ImportedEvent,
    ImportFileError,
    ImportPlan,
    ImportRefused,
    ImportReport,
    Skipped,
)

__all__ = [
    "ImportCancelled",
    "ImportFileError",
    "ImportPlan",
    "ImportRefused",
    "ImportReport",
    "ImportedEvent",
    "Skipped",
    "apply_import",
    "plan_import",
]
