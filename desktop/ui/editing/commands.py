"""Undo commands around the store's edit functions (UI thread).

Each is a :class:`~desktop.ui.undo.StoreCommand` (pushed after its edit was applied once; a
refused undo or redo is one message and the step leaves the stack). Undo and later redos call
the inverse store functions with the values or snapshot the edit returned, and the store
announces each change as usual, so every view refreshes the same way as after the edit itself.
"""

from __future__ import annotations

from typing import Any

from desktop.store import edits
from desktop.store.database import Store
from desktop.ui.field_words import field_text
from desktop.ui.i18n import translate
from desktop.ui.undo import ErrorSink, StoreCommand

KIND_NAMES = {
    "org": "organization",
    "event": "event",
    "person": "person",
    "role": "role",
    "product": "product",
    "claim": "claim",
    "metric": "metric",
    "relationship": "relationship",
    "citation": "citation",
    "source": "source",
}

ErrorHandler = ErrorSink


def command_text(verb: str, kind: str, label: str) -> str:
    """'Edit event “WAIC 2024”' (the verb is translated by the caller)."""
    text = translate("Editing", "{verb} {kind} “{label}”")
    return text.format(verb=verb, kind=field_text(KIND_NAMES.get(kind, kind)), label=label)


class _EditCommand(StoreCommand):
    """A step on one row of ``kind`` (the shared error path is :class:`StoreCommand`'s)."""

    def __init__(self, store: Store, kind: str, text: str, on_error: ErrorHandler | None) -> None:
        super().__init__(store, text, on_error)
        self.kind = kind


class CreateCommand(_EditCommand):
    """Undo deletes the new row (keeping a snapshot); redo restores it with the same id."""

    def __init__(
        self, store: Store, kind: str, row_id: int, label: str, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(
            store, kind, command_text(translate("Editing", "Add"), kind, label), on_error
        )
        self.row_id = row_id
        self.snapshot: edits.Snapshot | None = None

    def _undo(self) -> None:
        self.snapshot = edits.delete(self.store, self.kind, self.row_id)

    def _redo(self) -> None:
        assert self.snapshot is not None
        edits.restore_snapshot(self.store, self.snapshot)


class UpdateCommand(_EditCommand):
    """Holds the values before and after; undo and redo write one or the other back."""

    def __init__(
        self,
        store: Store,
        kind: str,
        row_id: int,
        previous: dict[str, Any],
        label: str,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            store, kind, command_text(translate("Editing", "Edit"), kind, label), on_error
        )

        self.row_id = row_id
        self.previous = previous
        self.after: dict[str, Any] | None = None

    def _undo(self) -> None:
        self.after = edits.restore_values(self.store, self.kind, self.row_id, self.previous)

    def _redo(self) -> None:
        assert self.after is not None
        self.previous = edits.restore_values(self.store, self.kind, self.row_id, self.after)


class DeleteCommand(_EditCommand):
    """Undo restores the snapshot; redo deletes again (an organization with the same policy
    for its events)."""

    def __init__(
        self,
        store: Store,
        kind: str,
        row_id: int,
        snapshot: edits.Snapshot,
        label: str,
        events: str | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        text = command_text(translate("Editing", "Delete"), kind, label)
        n = snapshot.count("events") - (1 if kind == "event" else 0)
        if kind == "org" and n:
            if n == 1:
                text += translate("Editing", " and {n} event").format(n=n)
            else:
                text += translate("Editing", " and {n} events").format(n=n)
        super().__init__(store, kind, text, on_error)
        self.row_id = row_id
        self.snapshot = snapshot
        self.events = events

    def _undo(self) -> None:
        edits.restore_snapshot(self.store, self.snapshot)

    def _redo(self) -> None:
        if self.kind == "org":
            self.snapshot = edits.delete_org(self.store, self.row_id, self.events or "keep")
        else:
            self.snapshot = edits.delete(self.store, self.kind, self.row_id)
