"""The window's change bus: what a commit changed (kinds and ids, and for notes their targets
and the dossiers that list them), delivered to the views in one fixed order.

The store announces :class:`~desktop.store.database.Change` values after each commit of ours;
the :class:`~desktop.ui.bridge.StoreBridge` adds another program's commits as one
``Change('all', 'reload')``. :meth:`ChangeBus.publish` wraps them into one :class:`Changes` and
emits it twice, in this order — the one place the order of reloads is decided:

1. ``sig_models``: what holds data read from the file (the timeline's columns, the organization
   list) reloads what the changes touch;
2. ``sig_views``: everything that reads those models or the store for display (the filter bar's
   summary and counts, the dossiers, the event details, the note editor and panel, search, the
   status line), so a view never reads a model that has not reloaded yet, whatever the order in
   which features connected.

Thread: UI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.store import annotations_bulk as bulk
from desktop.store.database import Change, Store

NOTE = "annotation"


@dataclass(frozen=True)
class Changes:
    """One commit's changes. ``note_targets`` are the targets (``event:KEY``, ``org:KEY``,
    ``claim:KEY``) of the notes among them; ``note_orgs`` the organizations whose dossiers list
    those notes."""

    items: tuple[Change, ...]
    note_targets: frozenset[str] = frozenset()
    note_orgs: frozenset[int] = frozenset()

    @property
    def everything(self) -> bool:
        """Another program wrote, or a write too broad to name (an import, a rebuilt index)."""
        return any(c.kind == "all" for c in self.items)

    @property
    def only_notes(self) -> bool:
        """Only notes changed (a note saved while typing, a tag, a star)."""
        return bool(self.items) and all(c.kind == NOTE for c in self.items)

    def touches(self, *kinds: str) -> bool:
        """Whether anything of these kinds may have changed (always, after ``everything``)."""
        return self.everything or any(c.kind in kinds for c in self.items)

    def ids(self, kind: str) -> frozenset[int]:
        return frozenset(i for c in self.items if c.kind == kind for i in c.ids)

    def shows_note_of(self, target: str | None) -> bool:
        """Whether a view showing ``target``'s notes must read them again."""
        return target is not None and (not self.only_notes or target in self.note_targets)

    def in_dossier(self, org_id: int) -> bool:
        """Whether the dossier of ``org_id`` may show something that changed."""
        return not self.only_notes or org_id in self.note_orgs


def describe(store: Store, items: Iterable[Change]) -> Changes:
    """``items`` with the notes' targets and the dossiers listing them resolved (two small
    queries, only when notes changed)."""
    items = tuple(items)
    rows = sorted({i for c in items if c.kind == NOTE for i in c.ids})
    if not rows:
        return Changes(items)
    targets = frozenset(bulk.note_targets(store, rows).values())
    return Changes(items, targets, frozenset(bulk.dossier_orgs(store, targets)))


class ChangeBus(QObject):
    """Receives the store's changes (through the bridge) and delivers them in stages."""

    sig_models = Signal(object)
    """Changes, first: models holding the file's data reload what they hold."""
    sig_views = Signal(object)
    """Changes, second: views update from the (reloaded) models and the store."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.published = 0  # how many commits were delivered (tests)

    def publish(self, items: list[Change]) -> Changes:
        changes = describe(self.store, items)
        self.published += 1
        self.sig_models.emit(changes)
        self.sig_views.emit(changes)
        return changes
