"""The quick-open palette (Ctrl+K): a frameless box over the window with a line edit and the
grouped hits; Up/Down move, Enter opens, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.store.database import Store
from desktop.ui.i18n import translate
from desktop.ui.search.results import ResultsView
from desktop.ui.search.session import SearchInput, SearchSession

WIDTH = 640
HEIGHT = 460


class QuickOpen(QDialog):
    sig_activated = Signal(object)
    """The HitRow chosen; the palette has closed already."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("quickOpen")
        self.setWindowTitle(translate("Search", "Quick open"))
        self.setModal(False)
        frame = QFrame(self)
        frame.setObjectName("quickOpenFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet(
            "#quickOpenFrame { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
        )
        self.field = SearchInput(frame)
        self.field.setObjectName("quickOpenField")
        self.field.setPlaceholderText(
            translate("Search", "Go to an organization, event, person, claim, source…")
        )
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.field.setFont(font)
        self.view = ResultsView(frame)
        self.view.setObjectName("quickOpenResults")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tip = QLabel(translate("Search", "↑↓ to move · Enter to open · Esc to close"), frame)
        tip.setStyleSheet("color: palette(mid); font-size: small")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(8, 8, 8, 6)
        inner.addWidget(self.field)
        inner.addWidget(self.view, 1)
        inner.addWidget(tip)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.resize(WIDTH, HEIGHT)
        self.session = SearchSession(store, self.field, self.view, self, per_group=6)
        self.session.sig_activated.connect(self._chosen)
        self.field.sig_escape.connect(self.reject)

    def open_over(self, window: QWidget) -> None:
        """Show centred near the top of ``window``, with the previous text selected."""
        width = min(WIDTH, max(320, window.width() - 40))
        self.resize(width, min(HEIGHT, max(200, window.height() - 120)))
        top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, 60))
        self.move(top_left)
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _chosen(self, hit: object) -> None:
        self.accept()
        self.sig_activated.emit(hit)
