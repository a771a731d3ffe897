"""Keyboard-only use: the panes in one order, keys to move between them, a visible focus.

``install(window)`` (idempotent, ``window.keyboard``) adds:

- the Tab order across the window, pane after pane: search box → filter bar → organizations →
  timeline → dossier → event details → note editor → annotations (re-applied when dossier tabs
  open or close, since their widgets are created later);
- Go ▸ Next pane (F6) and Previous pane (Shift+F6), cycling the same panes (a closed dock is
  skipped; a dock tabbed behind another is raised);
- Go ▸ Edit note of the selection (Ctrl+E): into the note editor for the selected event (or the
  open dossier); Esc, or Ctrl+E again, goes back to where the focus was;
- Go ▸ Next / Previous dossier tab (Ctrl+PgDown / Ctrl+PgUp), wrapping around;
- a focus ring: a 2-px frame in the palette's highlight colour around the widget that has the
  keyboard focus (light and dark themes alike), drawn over it by a mask-shaped overlay.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
)
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollBar, QWidget

from desktop.ui.context import PANE_WIDGETS, WindowContext
from desktop.ui.feature import install_once
from desktop.ui.i18n import translate

RING_WIDTH = 2

# the panes in Tab and F6 order (names shown in the status bar and used by tests)
PANES = (
    "search",
    "filters",
    "organizations",
    "timeline",
    "dossier",
    "details",
    "note",
    "annotations",
)


def install(window: WindowContext) -> KeyboardController:
    return install_once(window, "keyboard", KeyboardController, lambda: KeyboardController(window))


class FocusRing(QWidget):
    """A frame around the focused widget of ``window``: a child of the window, stacked on top,
    shaped by a mask to the frame itself (so it never takes clicks or hides content)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.window_ = window
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.destroyed.connect(self._disconnect)

    def _disconnect(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusChanged.disconnect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        inside = (
            new is not None
            and new is not self.window_
            and new.window() is self.window_
            and self.window_.isAncestorOf(new)
        )
        self.follow(new if inside else None)

    def follow(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        old = self.target
        if old is not None and shiboken6.isValid(old):
            with contextlib.suppress(RuntimeError, TypeError):  # connected below, exactly once
                old.destroyed.disconnect(self._target_gone)
        self.target = widget
        if widget is None:
            self.hide()
            return
        w: QWidget | None = widget
        while w is not None and w is not self.window_:  # the widget and what moves it
            w.installEventFilter(self)
            self._watched.append(w)
            w = w.parentWidget()
        widget.destroyed.connect(self._target_gone)
        self.place()

    def _target_gone(self) -> None:
        self._watched = []
        self.target = None
        if shiboken6.isValid(self):
            self.hide()

    def place(self) -> None:
        target = self.target
        app = QApplication.instance()
        # `dossier screenshot` (no_persist) draws the window, not a focus nobody gave it
        rendering = app is not None and bool(app.property("dossier_no_persist"))
        if target is None or not shiboken6.isValid(target) or not target.isVisible() or rendering:
            self.hide()
            return
        top_left = target.mapTo(self.window_, target.rect().topLeft())
        rect = QRect(top_left, target.size())
        self.setGeometry(rect)
        inner = QRect(RING_WIDTH, RING_WIDTH, rect.width() - 2 * RING_WIDTH,
                      rect.height() - 2 * RING_WIDTH)  # fmt: skip
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))
        self.show()
        self.raise_()
        self.update()

    def colour(self) -> QColor:
        return self.window_.palette().color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.colour())
        p.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.ParentChange,
        ):
            QTimer.singleShot(0, self._place_if_alive)
        return False

    def _place_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self.place()


def _tab_stops(root: QWidget, chain: list[QWidget]) -> list[QWidget]:
    """The widgets of ``root`` (itself included) that Tab can reach, in ``chain`` order."""
    return [
        w
        for w in chain
        if (w is root or root.isAncestorOf(w))
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not isinstance(w, QScrollBar)
    ]


class KeyboardController(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.ring = FocusRing(window.qt)
        self._return_to: QWidget | None = None
        self.actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
            ("next_pane", translate("Keyboard", "Next &pane"), "F6", lambda: self.cycle(1)),
            (
                "previous_pane",
                translate("Keyboard", "Pre&vious pane"),
                "Shift+F6",
                lambda: self.cycle(-1),
            ),
            (
                "next_dossier",
                translate("Keyboard", "Next dossier &tab"),
                "Ctrl+PgDown",
                lambda: self.step_dossier(1),
            ),
            (
                "prev_dossier",
                translate("Keyboard", "Previous dossier t&ab"),
                "Ctrl+PgUp",
                lambda: self.step_dossier(-1),
            ),
            (
                "edit_note",
                translate("Keyboard", "&Edit the note of the selection"),
                "Ctrl+E",
                self.toggle_note,
            ),
        ):
            action = QAction(text, window.qt)
            action.setObjectName(f"action_{key}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, slot=slot: slot())
            window.qt.addAction(action)
            self.actions[key] = action
        go = window.menus["go"]
        go.addSeparator()
        go.addActions([self.actions[k] for k in ("next_pane", "previous_pane")])
        go.addActions([self.actions[k] for k in ("next_dossier", "prev_dossier")])
        go.addAction(self.actions["edit_note"])
        notes = self._notes()
        if notes is not None:
            notes.editor.sig_leave.connect(self.leave_note)
        self._order_timer = QTimer(self)
        self._order_timer.setSingleShot(True)
        self._order_timer.setInterval(0)
        self._order_timer.timeout.connect(self.apply_tab_order)
        window.dossiers.sig_tabs_changed.connect(self._order_timer.start)
        window.dossiers.currentChanged.connect(lambda _i: self._order_timer.start())
        self.apply_tab_order()

    # -- the panes ---------------------------------------------------------------------------
    def _notes(self) -> Any:
        return getattr(self.window, "annotations_ui", None)

    def _dock(self, name: str) -> QDockWidget | None:
        notes = self._notes()
        if notes is None:
            return None
        return {"note": notes.editor_dock, "annotations": notes.panel_dock}.get(name)

    def roots(self) -> dict[str, QWidget]:
        """Each pane's outermost widget (those the window has)."""
        w = self.window
        found: dict[str, QWidget | None] = {
            "search": getattr(getattr(w, "search_ui", None), "toolbar", None),
            "filters": getattr(getattr(w, "filters_ui", None), "bar", None),
            **{name: w.pane_widget(name) for name in PANE_WIDGETS},
            "note": self._dock("note"),
            "annotations": self._dock("annotations"),
        }
        return {name: root for name, root in found.items() if root is not None}

    def pane_of(self, widget: QWidget | None) -> str | None:
        """The pane ``widget`` is in (None when outside every pane)."""
        if widget is None:
            return None
        for name, root in self.roots().items():
            if widget is root or root.isAncestorOf(widget):
                return name
        return None

    def entry(self, name: str) -> QWidget | None:
        """The widget that takes the focus when the pane is entered with F6."""
        w = self.window
        notes = self._notes()
        chosen: dict[str, Callable[[], QWidget | None]] = {
            "search": lambda: getattr(getattr(w, "search_ui", None), "box", None),
            "organizations": lambda: w.org_list.view,
            "timeline": lambda: w.timeline.canvas,
            "dossier": lambda: w.dossiers.current_view() or w.dossiers.tabBar(),
            "details": lambda: w.pane_widget("details"),
            "note": lambda: notes.editor.text if notes is not None else None,
            "annotations": lambda: notes.panel.table if notes is not None else None,
        }
        if name in chosen:
            return chosen[name]()
        root = self.roots().get(name)
        stops = _tab_stops(root, self.focus_chain()) if root is not None else []
        return next((s for s in stops if s.isVisible() and s.isEnabled()), None)

    def available(self, name: str) -> bool:
        dock = self._dock(name)
        if dock is not None:
            return dock.toggleViewAction().isChecked()  # closed by the person: skipped
        root = self.roots().get(name)
        return root is not None and root.isVisible()

    def focus_pane(self, name: str) -> bool:
        """Move the focus into pane ``name``; False when it cannot take it."""
        if not self.available(name):
            return False
        dock = self._dock(name)
        if dock is not None:
            dock.show()
            dock.raise_()
        target = self.entry(name)
        if target is None or not target.isEnabled():
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def cycle(self, step: int) -> str | None:
        """F6 / Shift+F6: the next (previous) pane that can take the focus; its name."""
        here = self.pane_of(QApplication.focusWidget())
        start = PANES.index(here) if here in PANES else (-1 if step > 0 else 0)
        for i in range(1, len(PANES) + 1):
            name = PANES[(start + step * i) % len(PANES)]
            if name != here and self.focus_pane(name):
                return name
        return None

    # -- dossier tabs and the note editor ------------------------------------------------------
    def step_dossier(self, step: int) -> None:
        self.window.dossiers.step_tab(step)

    def toggle_note(self) -> None:
        """Ctrl+E: into the note of the selection; from the note editor, back out."""
        notes = self._notes()
        if notes is None:
            return
        focus = QApplication.focusWidget()
        if focus is not None and (notes.editor is focus or notes.editor.isAncestorOf(focus)):
            self.leave_note()
            return
        if notes.editor.target is None or not notes.editor.text.isEnabled():
            if self.window.store.readonly:
                text = translate("Keyboard", "No note to edit (read-only)")
            else:
                text = translate("Keyboard", "No note to edit (select an event first)")
            self.window.show_status(text, 5000)

            return
        self._return_to = focus if self.pane_of(focus) not in (None, "note") else None
        notes.editor_dock.show()
        notes.editor_dock.raise_()
        notes.editor.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def leave_note(self) -> None:
        """Esc in the note editor: the note saves, the focus goes back where it came from."""
        notes = self._notes()
        if notes is not None:
            notes.editor.flush()
        back = self._return_to
        self._return_to = None
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.window.timeline.canvas.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- Tab order -----------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        qt = self.window.qt
        w = qt.nextInFocusChain()
        while w is not None and w is not qt and len(chain) < 10000:
            chain.append(w)
            w = w.nextInFocusChain()
        return chain

    def tab_stops(self) -> list[QWidget]:
        """Every pane's Tab stops, pane after pane in PANES order."""
        chain = self.focus_chain()
        roots = self.roots()
        stops: list[QWidget] = []
        for name in PANES:
            if name in roots:
                found = _tab_stops(roots[name], chain)
                first = self.entry(name) if name == "note" else None  # the text before its tags
                if first in found:
                    found.remove(first)
                    found.insert(0, first)
                stops += [s for s in found if s not in stops]
        return stops

    def apply_tab_order(self) -> None:
        if not shiboken6.isValid(self.window.qt):
            return
        stops = self.tab_stops()
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)
