"""Undoable note changes: each command puts notes into saved states (one transaction each).

The change itself is made before the command is pushed (so a refused change raises where the
user acted, and nothing lands on the stack); the command then only replays states: undo puts
the ``before`` states back, redo the ``after`` states. A refused replay is one message and the
step leaves the stack (:class:`~desktop.ui.undo.StoreCommand`, shared with the edit forms).

Thread: UI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QUndoStack

from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.store.annotations_bulk import NoteState
from desktop.store.database import Store
from desktop.ui.i18n import colour_name, translate
from desktop.ui.undo import ErrorSink, StoreCommand

__all__ = ["ErrorSink", "StatesCommand", "bulk_annotate", "push_states", "rename_tag"]


class StatesCommand(StoreCommand):
    """Undo puts ``before`` back, redo ``after`` (the error path is :class:`StoreCommand`'s)."""

    def __init__(
        self,
        store: Store,
        text: str,
        before: Sequence[NoteState],
        after: Sequence[NoteState],
        on_error: ErrorSink | None = None,
    ) -> None:
        super().__init__(store, text, on_error)
        self.before = list(before)
        self.after = list(after)

    def _redo(self) -> None:
        bulk.apply_states(self.store, self.after)

    def _undo(self) -> None:
        bulk.apply_states(self.store, list(reversed(self.before)))


def push_states(
    stack: QUndoStack,
    store: Store,
    text: str,
    before: Sequence[NoteState],
    after: Sequence[NoteState],
    on_error: ErrorSink | None = None,
) -> None:
    if before != after:
        stack.push(StatesCommand(store, text, before, after, on_error))


def bulk_annotate(
    store: Store,
    undo_stack: QUndoStack,
    targets: Iterable[str],
    *,
    tags_add: Iterable[str] = (),
    tags_remove: Iterable[str] = (),
    starred: bool | None = None,
    colour: str | None = None,
    author: str | None = None,
    on_error: ErrorSink | None = None,
) -> int:
    """Tag, star and/or colour many targets in one transaction and one undo step.
    Returns how many notes changed. Raises StoreError (nothing written, nothing pushed)."""
    targets = list(targets)
    before, after = bulk.bulk_annotate(
        store,
        targets,
        tags_add=tags_add,
        tags_remove=tags_remove,
        starred=starred,
        colour=colour,
        author=author,
    )
    changed = sum(1 for b, a in zip(before, after, strict=True) if b != a)
    parts = []
    if tags_add:
        tags = ", ".join(notes.normalize_tags(tags_add))
        parts.append(translate("Annotations", "tag {tags}").format(tags=tags))
    if tags_remove:
        tags = ", ".join(notes.normalize_tags(tags_remove))
        parts.append(translate("Annotations", "untag {tags}").format(tags=tags))
    if starred is not None:
        if starred:
            parts.append(translate("Annotations", "star"))
        else:
            parts.append(translate("Annotations", "unstar"))
    if colour is not None:
        name = colour_name(colour).lower() if colour != "none" else colour
        parts.append(translate("Annotations", "colour {colour}").format(colour=name))
    what = translate("Annotations", " and ").join(parts) or translate("Annotations", "annotate")
    if len(targets) == 1:
        text = translate("Annotations", "{what} {n} item").format(what=what, n=len(targets))
    else:
        text = translate("Annotations", "{what} {n} items").format(what=what, n=len(targets))
    push_states(undo_stack, store, text.capitalize(), before, after, on_error)
    return changed


def rename_tag(
    store: Store, undo_stack: QUndoStack, old: str, new: str, on_error: ErrorSink | None = None
) -> int:
    """Rename (or merge, when ``new`` exists) a tag as one undo step; returns notes changed."""
    before = bulk.states_with_tag(store, old)
    count = notes.rename_tag(store, old, new)
    after = bulk.current_states(store, [s.uuid for s in before])
    if count:
        text = translate("Annotations", "Rename tag {old} to {new}").format(old=old, new=new)
        push_states(undo_stack, store, text, before, after, on_error)

    return count
