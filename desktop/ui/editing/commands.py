"""Undo commands around the store's edit functions (UI thread).

A command is pushed after its edit has been applied once (so a refused edit never reaches the
stack): the first ``redo()`` that ``QUndoStack.push`` calls does nothing. Undo and later redos
call the inverse store functions with the values or snapshot the edit returned, and the store
announces each change as usual, so every view refreshes the same way as after the edit itself.
A step that can no longer be applied (another program removed or took its rows) is reported
through ``on_error`` and dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.store import edits
from desktop.store.database import Store
from desktop.store.errors import StoreError

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
}

ErrorHandler = Callable[[str], None]


def command_text(verb: str, kind: str, label: str) -> str:
    """'Edit event “WAIC 2024”'."""
    return f"{verb} {KIND_NAMES.get(kind, kind)} “{label}”"


class _StoreCommand(QUndoCommand):
    def __init__(self, store: Store, kind: str, text: str, on_error: ErrorHandler | None) -> None:
        super().__init__(text)
        self.store = store
        self.kind = kind
        self._applied = True  # the edit ran before the push
        self._on_error = on_error

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StoreError as exc:
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(f"Could not {self.text().lower()}: {exc}")

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateCommand(_StoreCommand):
    """Undo deletes the new row (keeping a snapshot); redo restores it with the same id."""

    def __init__(
        self, store: Store, kind: str, row_id: int, label: str, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__(store, kind, command_text("Add", kind, label), on_error)
        self.row_id = row_id
        self.snapshot: edits.Snapshot | None = None

    def _undo(self) -> None:
        self.snapshot = edits.delete(self.store, self.kind, self.row_id)

    def _redo(self) -> None:
        assert self.snapshot is not None
        edits.restore_snapshot(self.store, self.snapshot)


class UpdateCommand(_StoreCommand):
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
        super().__init__(store, kind, command_text("Edit", kind, label), on_error)
        self.row_id = row_id
        self.previous = previous
        self.after: dict[str, Any] | None = None

    def _undo(self) -> None:
        self.after = edits.restore_values(self.store, self.kind, self.row_id, self.previous)

    def _redo(self) -> None:
        assert self.after is not None
        self.previous = edits.restore_values(self.store, self.kind, self.row_id, self.after)


class DeleteCommand(_StoreCommand):
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
        text = command_text("Delete", kind, label)
        n = snapshot.count("events") - (1 if kind == "event" else 0)
        if kind == "org" and n:
            text += f" and {n} event{'s' if n != 1 else ''}"
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
