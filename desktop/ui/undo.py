"""The one base class of Dossier's undo steps: :class:`StoreCommand`.

A step is pushed after its change has been made once (so a change the store refuses raises
where the person acted, and nothing reaches the stack): the first ``redo()``, which
``QUndoStack.push`` calls, does nothing. Undo and later redos call :meth:`StoreCommand._undo`
and :meth:`StoreCommand._redo`, which write through the store's functions (one transaction
each), so every view refreshes as after the change itself.

One error path: when the store refuses an undo or a redo (another program removed or took the
rows, the file became read-only, the disk is full), nothing was written (the store's
transaction rolled back), the person gets one message — "Could not undo Edit event “WAIC
2024”: <why>" — through ``on_error``, and the step is marked obsolete, which makes
``QUndoStack`` drop it: the stack's index and the file agree afterwards, and the steps around
it stay where they were.

Thread: UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

ErrorSink = Callable[[str], None]


def failure_text(action: str, step: str, exc: Exception) -> str:
    """'Could not undo Edit event “WAIC 2024”: it no longer exists' (one line)."""
    why = store_text(" ".join(str(exc).split())) or type(exc).__name__
    if action == "undo":
        text = translate("Editing", "Could not undo {step}: {why}")
    else:
        text = translate("Editing", "Could not redo {step}: {why}")
    return text.format(step=step, why=why)


class StoreCommand(QUndoCommand):
    """An undo step around store writes; subclasses give :meth:`_undo` and :meth:`_redo`."""

    def __init__(self, store: Store, text: str, on_error: ErrorSink | None = None) -> None:
        super().__init__(text)
        self.store = store
        self.on_error = on_error
        self.failed: str | None = None  # the message of a refused undo or redo
        self._pushed = True  # the change was made before the push: the first redo is a no-op

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self._run("redo", self._redo)

    def undo(self) -> None:
        self._run("undo", self._undo)

    def _run(self, action: str, step: Callable[[], None]) -> None:
        try:
            step()
        except StoreError as exc:
            self.failed = failure_text(action, self.text(), exc)
            self.setObsolete(True)  # QUndoStack drops the step: the stack matches the file
            if self.on_error is not None:
                self.on_error(self.failed)

    def _undo(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        raise NotImplementedError
