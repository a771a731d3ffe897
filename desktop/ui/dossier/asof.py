"""The strip above a dossier: the *as of* date (typed as a partial date, or following the
timeline's cursor) and the review mark."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store.dossier import as_of_seconds
from desktop.ui.colours import error_style
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

parse_as_of = as_of_seconds  # 'May 2024' -> the last second of May 2024; '' -> None


class AsOfBar(QWidget):
    """As of [May 2024] [x] Follow timeline ........ [Mark reviewed]"""

    sig_as_of = Signal(object, str)
    """A typed date was accepted: (seconds or None, the text as understood)."""
    sig_follow = Signal(bool)
    """The 'follow timeline' box was toggled."""
    sig_mark_reviewed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierAsOfBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("asOfEdit")
        self.edit.setPlaceholderText(translate("Dossier", "now"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(
            translate(
                "Dossier",
                "Show the dossier as it was known at a date: 'May 2024', '2024-07-04', 'Q2 2024'."
                " Empty: everything.",
            )
        )
        self.edit.setMaximumWidth(130)
        self.edit.editingFinished.connect(self._typed)
        self.follow = QCheckBox(translate("Dossier", "Follow timeline"), self)
        self.follow.setObjectName("asOfFollow")
        self.follow.setToolTip(translate("Dossier", "Use the date at the centre of the timeline"))
        self.follow.setEnabled(False)
        self.follow.toggled.connect(self._follow_toggled)
        self.review = QPushButton(translate("Dossier", "Mark reviewed"), self)
        self.review.setObjectName("markReviewed")
        self.review.setToolTip(
            translate("Dossier", "Remember now as this dossier's last review; clears the badges")
        )
        self.review.clicked.connect(self.sig_mark_reviewed)
        self.review.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click keeps focus
        self.error = QLabel(self)
        self.error.setStyleSheet(error_style(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(translate("Dossier", "As of"), self))

        layout.addWidget(self.edit)
        layout.addWidget(self.follow)
        layout.addWidget(self.error, 1)
        layout.addWidget(self.review)

    def show_state(self, text: str, follow: bool, can_follow: bool) -> None:
        """Reflect the shared state without sending signals."""
        for w in (self.edit, self.follow):
            w.blockSignals(True)
        if not self.edit.hasFocus() or follow:
            self.edit.setText(text)
        self.follow.setEnabled(can_follow)
        self.follow.setChecked(follow)
        self.edit.setReadOnly(follow)
        for w in (self.edit, self.follow):
            w.blockSignals(False)
        self.error.clear()

    def _typed(self) -> None:
        if self.follow.isChecked():
            return
        text = self.edit.text()
        try:
            value = parse_as_of(text)
        except DateParseError as exc:
            self.error.setText("?")
            self.error.setToolTip(store_text(exc))
            self.edit.setStyleSheet(error_style(self, border=True))
            return
        self.edit.setStyleSheet("")
        self.error.clear()
        shown = PartialDate.parse(text).display() if value is not None else ""
        self.sig_as_of.emit(value, shown)

    def _follow_toggled(self, on: bool) -> None:
        self.sig_follow.emit(on)
