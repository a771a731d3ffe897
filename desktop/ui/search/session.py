"""A line edit driving a results list: queries run as you type (debounced), arrows move through
the hits, Enter activates one, Esc gives up."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.search_backlog import indexed_share
from desktop.ui.i18n import translate
from desktop.ui.search.results import (
    MAX_QUERY_CHARS,
    MORE_STEP,
    Group,
    HitRow,
    ResultsView,
    run_search,
)
from desktop.ui.store_text import store_text

DEBOUNCE_MS = 150
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "Search", "Type to search events, organizations, people, products, claims, sources and notes."
)


class SearchInput(QLineEdit):
    """A line edit that hands Up/Down/PageUp/PageDown, Enter and Esc to its session."""

    sig_step = Signal(int)
    sig_accept = Signal()
    sig_escape = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMaxLength(MAX_QUERY_CHARS * 4)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 5,
            Qt.Key.Key_PageUp: -5,
        }
        if key in steps:
            for _ in range(abs(steps[key])):
                self.sig_step.emit(1 if steps[key] > 0 else -1)
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_accept.emit()
            event.accept()
        elif key == Qt.Key.Key_Escape:
            self.sig_escape.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class SearchSession(QObject):
    """Connects a :class:`SearchInput` to a :class:`ResultsView` over a store."""

    sig_activated = Signal(object)
    """A HitRow the user chose."""
    sig_searched = Signal(str)
    """A query ran (its text); results or a hint are showing."""

    def __init__(
        self,
        store: Store,
        field: SearchInput,
        view: ResultsView,
        parent: QObject | None = None,
        *,
        per_group: int = 8,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.field = field
        self.view = view
        self.per_group = per_group
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        field.textChanged.connect(self._on_text)
        field.sig_step.connect(view.step)
        field.sig_accept.connect(self.accept)
        view.sig_activated.connect(self.sig_activated)
        view.sig_more.connect(self.more)
        self.last_query: str | None = None
        self.groups: list[Group] = []
        self.limits: dict[str, int] = {}  # kind -> hits shown after "Show more"
        view.show_hint(EMPTY_HINT)

    def _on_text(self, _text: str) -> None:
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self, keep: HitRow | None = None) -> None:
        """Run the query in the field now (the debounce timer calls this)."""
        self._timer.stop()
        text = self.field.text()
        if text != self.last_query:
            self.limits = {}
        self.last_query = text
        self.groups = []
        if not text.strip():
            self.view.show_hint(translate("Search", EMPTY_HINT))
        else:
            try:
                groups = run_search(self.store, text, self.per_group, self.limits)
            except StoreError as exc:
                self.view.show_hint(
                    translate("Search", "Search failed: {error}").format(error=store_text(exc))
                )
            else:
                self.groups = groups
                if groups:
                    self.view.show_groups(groups, keep)
                else:
                    shown = text if len(text) <= 60 else text[:60] + "…"
                    self.view.show_hint(
                        translate(
                            "Search",
                            "No matches for “{query}”. Try fewer or other words; "
                            "names work in English or Chinese.",
                        ).format(query=shown)
                    )
                share = indexed_share(self.store)
                if share is not None:  # a big import is being indexed: say what search sees
                    self.view.add_note(
                        translate(
                            "Search", "{n} % indexed: the latest import's events are being indexed"
                        ).format(n=int(share * 100))
                    )
        self.sig_searched.emit(text)

    def accept(self) -> None:
        """Enter: run a pending query first, then activate the selected hit."""
        if self.pending() or self.last_query != self.field.text():
            self.run_now()
        self.view.activate_current()

    def reload(self) -> None:
        """The data changed: run the shown query again (the current hit stays current)."""
        if self.last_query:
            self.run_now(self.view.current_hit())

    def more(self, kind: str) -> None:
        """Show :data:`MORE_STEP` more hits of ``kind`` (its "Show more" row)."""
        shown = next((len(g.rows) for g in self.groups if g.kind == kind), self.per_group)
        self.limits[kind] = shown + MORE_STEP
        rows = next((g.rows for g in self.groups if g.kind == kind), [])
        self.run_now(rows[-1] if rows else None)  # stay where the list was

    def current_hit(self) -> HitRow | None:
        return self.view.current_hit()
