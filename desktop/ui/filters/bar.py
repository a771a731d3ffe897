"""The filter bar above the timeline: organizations, kinds, tags, starred, country, the grade
of the sources, a date span, the active filter in words, and Clear."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.domain.filters import OPEN_HI, OPEN_LO, EventFilter, day_text, last_second
from desktop.domain.grades import Grade
from desktop.domain.partial_date import DateParseError, parse_span
from desktop.store.filters import FilterChoices
from desktop.ui.colours import error_style
from desktop.ui.filters.checklist import CheckListButton
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

# in English, marked for pyside6-lupdate; translated where shown
ANY_COUNTRY = QT_TRANSLATE_NOOP("Filters", "Any country")
ANY_GRADE = QT_TRANSLATE_NOOP("Filters", "Any grade")
# the minimum grades offered (a saved view may hold another; it is added when shown)
GRADE_BARS = ("A1", "A2", "B2", "B3", "C3", "F6")
GRADE_TIP = QT_TRANSLATE_NOOP(
    "Filters",
    "Only facts from sources graded at least this on the Admiralty scale: the source's"
    " reliability A (completely reliable) to F (cannot be judged) and the information's"
    " credibility 1 (confirmed) to 6 (cannot be judged). An event passes when one of its"
    " supporting citations does; events nobody graded are left out.",
)


def read_span(start_text: str, end_text: str) -> tuple[float, float] | None:
    """The span two typed bounds cover: from the start of ``start_text`` ("2023", "May
    2024") to the end of ``end_text``; an empty side is open. A range typed in the first box
    ("2014–2023") is used whole when the second is empty. Raises DateParseError."""
    start_text, end_text = start_text.strip(), end_text.strip()
    lo = hi = None
    if start_text:
        first, last = parse_span(start_text)
        lo = float(first.interval()[0])
        if last is not None and not end_text:
            hi = float(last.interval()[1])
    if end_text:
        first, last = parse_span(end_text)
        hi = float((last or first).interval()[1])
    if lo is None and hi is None:
        return None
    span = (OPEN_LO if lo is None else lo, OPEN_HI if hi is None else hi)
    if span[1] <= span[0]:
        raise DateParseError(translate("Filters", "the end of the span is before its start"))
    return span


class SummaryLabel(QLabel):
    """The active filter in words: always shown (elided to the room it gets, in full in its
    tooltip), never pushed into the toolbar's overflow menu."""

    def sizeHint(self) -> QSize:
        return QSize(240, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, super().minimumSizeHint().height())

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.end()


class FilterBar(QToolBar):
    sig_filter_changed = Signal(object)
    """The user changed a facet: the new EventFilter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Filters", "Filter"), parent)
        self.setObjectName("filterBar")
        self.setMovable(False)
        self.orgs = CheckListButton(translate("Filters", "Organizations"), self)
        self.kinds = CheckListButton(translate("Filters", "Kinds"), self)
        self.tags = CheckListButton(translate("Filters", "Tags"), self)
        self.starred = QToolButton(self)
        self.starred.setText(translate("Filters", "★ Starred"))
        self.starred.setCheckable(True)
        self.starred.setToolTip(translate("Filters", "Only events with a starred note"))
        self.country = QComboBox(self)
        self.country.addItem(translate("Filters", ANY_COUNTRY), None)
        self.country.setToolTip(
            translate("Filters", "Only events of organizations based in this country")
        )
        self.grade = QComboBox(self)
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(translate("Filters", ANY_GRADE), "")
        for bar in GRADE_BARS:
            self._add_grade(bar)
        self.grade.setToolTip(translate("Filters", GRADE_TIP))
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        hints = (translate("Filters", "from, e.g. 2023"), translate("Filters", "to, e.g. May 2024"))
        for box, hint in zip((self.date_from, self.date_to), hints, strict=True):
            box.setPlaceholderText(hint)
            box.setClearButtonEnabled(True)
            box.setMaximumWidth(150)
            box.editingFinished.connect(self._dates_edited)
        self.summary = SummaryLabel(translate("Dossier", "All events"), self)
        self.summary.setObjectName("filterSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(translate("Filters", "Clear"))
        self.clear_button.setToolTip(translate("Filters", "Show every event again"))
        self.clear_button.clicked.connect(self.clear)

        # one row in one widget: the toolbar never moves a part of it into its overflow menu
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(QLabel(translate("Filters", "Filter:"), row))
        for w in (self.orgs, self.kinds, self.tags, self.starred, self.country, self.grade):
            layout.addWidget(w)
        layout.addSpacing(8)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", row))
        layout.addWidget(self.date_to)
        layout.addSpacing(8)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.summary, 1)
        row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(row)

        self._range: tuple[float, float] | None = None
        for button in (self.orgs, self.kinds, self.tags):
            button.sig_changed.connect(self._emit)
        self.starred.toggled.connect(self._emit)
        self.country.currentIndexChanged.connect(self._emit)
        self.grade.currentIndexChanged.connect(self._emit)
        self._quiet = False

    # -- contents ------------------------------------------------------------------------------
    def set_choices(self, choices: FilterChoices) -> None:
        self.orgs.set_items(choices.orgs)
        self.kinds.set_items((k, k, n) for k, n in choices.kinds)
        self.tags.set_items((t, t, n) for t, n in choices.tags)
        current = self.country.currentData()
        self._quiet = True
        try:
            self.country.clear()
            self.country.addItem(translate("Filters", ANY_COUNTRY), None)
            for name, n in choices.countries:
                self.country.addItem(f"{name} ({n})", name)
            found = self.country.findData(current)
            self.country.setCurrentIndex(max(found, 0))
        finally:
            self._quiet = False

    def current_filter(self) -> EventFilter:
        country = self.country.currentData()
        return EventFilter(
            orgs=self.orgs.checked(),
            kinds=self.kinds.checked(),
            tags=self.tags.checked(),
            starred=self.starred.isChecked(),
            countries=frozenset([country]) if country else frozenset(),
            range=self._range,
            min_grade=self.grade.currentData() or "",
        )

    def show_filter(self, f: EventFilter, summary: str) -> None:
        """Put ``f`` in the widgets (no signal) and show ``summary``."""
        self._quiet = True
        try:
            self.orgs.set_checked(f.orgs)
            self.kinds.set_checked(f.kinds)
            self.tags.set_checked(f.tags)
            self.starred.setChecked(f.starred)
            country = next(iter(sorted(f.countries)), None)
            index = self.country.findData(country) if country else 0
            if index < 0:  # a country no organization has any more: keep it selectable
                self.country.addItem(country, country)
                index = self.country.count() - 1
            self.country.setCurrentIndex(index)
            grade = str(f.min_grade)
            found = self.grade.findData(grade)
            if found < 0:  # a saved view's grade the list does not offer
                found = self._add_grade(grade)
            self.grade.setCurrentIndex(found)
            if f.range != self._range:
                self._range = f.range
                lo, hi = f.range or (OPEN_LO, OPEN_HI)
                self.date_from.setText(day_text(lo) if lo > OPEN_LO else "")
                self.date_to.setText(day_text(last_second(hi)) if hi < OPEN_HI else "")
            self._mark_dates(None)
        finally:
            self._quiet = False
        self.summary.setText(summary)
        self.summary.setToolTip(summary)
        self.clear_button.setEnabled(not f.is_empty)

    def clear(self) -> None:
        self._range = None
        self._quiet = True
        self.date_from.clear()
        self.date_to.clear()
        self._quiet = False
        self.show_filter(EventFilter(), translate("Dossier", "All events"))
        self.sig_filter_changed.emit(EventFilter())

    # -- internals -----------------------------------------------------------------------------
    def _add_grade(self, text: str) -> int:
        """Offer 'at least TEXT' in the grade list; returns its index."""
        if text == "F6":
            label = translate("Filters", "Graded ≥ F6 (graded at all)")
        else:
            label = translate("Filters", "Graded ≥ {grade}").format(grade=text)
        self.grade.addItem(label, text)
        index = self.grade.count() - 1
        self.grade.setItemData(index, Grade.parse(text).label(), Qt.ItemDataRole.ToolTipRole)
        return index

    def _dates_edited(self) -> None:
        if self._quiet:
            return
        try:
            span = read_span(self.date_from.text(), self.date_to.text())
        except DateParseError as exc:
            self._mark_dates(store_text(exc))
            return
        self._mark_dates(None)
        if span != self._range:
            self._range = span
            self._emit()

    def _mark_dates(self, error: str | None) -> None:
        style = f"QLineEdit {{ {error_style(self, border=True)} }}" if error else ""
        for box in (self.date_from, self.date_to):
            box.setStyleSheet(style)
            box.setToolTip(
                error
                or translate("Filters", "A year, a month or a day: 2023, May 2024, 4 Jul 2024")
            )

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.sig_filter_changed.emit(self.current_filter())
