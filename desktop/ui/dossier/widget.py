"""Dossier panes: one tab per open organization, each a strip (as of, review) above a
read-only rich-text view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from desktop.domain.dossier_grade import graded_at_least, left_out
from desktop.domain.grades import Grade
from desktop.domain.model import Dossier
from desktop.store.database import Store
from desktop.store.dossier import load_dossier
from desktop.store.review import ReviewChanges, changes_since, mark_reviewed
from desktop.ui.bus import Changes
from desktop.ui.document.fonts import latin_first
from desktop.ui.document.notes import render_markdown
from desktop.ui.document.render import instant_text, render_dossier
from desktop.ui.dossier.asof import AsOfBar
from desktop.ui.dossier.charts import Series, chart_image, metric_series
from desktop.ui.i18n import num, translate

HIGHLIGHT = QColor("#c2410c")
FOLLOW_DELAY_MS = 150  # wait for the timeline to settle before re-assembling dossiers
NOTE_REFRESH_MS = 250  # a saved note reaches the dossier in front this long after (coalesced)


class DossierView(QTextBrowser):
    """One organization's dossier. Links: org:ID opens a dossier, event:ID focuses an event."""

    sig_open_org = Signal(int)
    """An organization link was clicked."""
    sig_focus_event = Signal(int)
    """An event link was clicked."""
    sig_rendered = Signal()
    """The dossier was read and rendered again (``left_out`` is up to date)."""

    def __init__(
        self,
        store: Store,
        org_id: int,
        parent: QWidget | None = None,
        as_of: float | None = None,
        min_grade: Grade | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossierView")
        self.store = store
        self.org_id = org_id
        self.as_of = as_of
        self.min_grade = min_grade or Grade()  # only the facts graded at least this (the filter)
        self.dossier: Dossier | None = None
        self.changes: ReviewChanges | None = None
        self.series: list[Series] = []
        self.left_out = (0, 0)  # (facts the grade leaves out, facts in all)
        self.stale = False  # something it shows changed while it was behind another tab
        self.renders = 0  # how many times it was read and rendered (tests, benchmarks)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.document().setDefaultFont(latin_first(self.font()))
        self.reload()

    def reload(self) -> None:
        self.renders += 1
        self.stale = False
        self.dossier = load_dossier(self.store, self.org_id, self.as_of)
        if self.dossier is None:
            self.changes = None
            self.left_out = (0, 0)
            self.setPlainText(translate("Dossier", "This organization no longer exists."))
            self.sig_rendered.emit()

            return
        d = self.dossier
        shown = [e.id for e in d.events] if d.event_count > len(d.events) else None
        self.changes = changes_since(self.store, self.org_id, event_ids=shown)
        scroll = self.verticalScrollBar().value()
        # charts only of the figures the grade keeps (the document is cut by the same function)
        self.series = metric_series(graded_at_least(d, self.min_grade))
        names = tuple(s.name for s in self.series)
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        html = render_dossier(
            d,
            self.changes,
            series_names=names,
            dark=dark,
            note=render_markdown,
            min_grade=self.min_grade,
        )
        self.setHtml(html)
        self.verticalScrollBar().setValue(scroll)
        self.left_out = left_out(d, self.min_grade)
        self.sig_rendered.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type() == QEvent.Type.PaletteChange
        if changed and self.dossier is not None and self.isVisible():
            self.reload()  # the theme changed: colours that read on the new background

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Charts of figures are drawn when the document asks for them."""
        text = name.toString() if isinstance(name, QUrl) else name
        if text.startswith("chart:") and text[6:].isdigit() and int(text[6:]) < len(self.series):
            return chart_image(self.series[int(text[6:])])
        return super().loadResource(kind, name)

    def set_as_of(self, as_of: float | None) -> None:
        if as_of != self.as_of:
            self.as_of = as_of
            self.reload()

    def mark_reviewed(self) -> None:
        if self.dossier is not None and not self.store.readonly:
            mark_reviewed(self.store, self.org_id)
            self.reload()

    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "org" and value.isdigit():
            self.sig_open_org.emit(int(value))
        elif kind == "event" and value.isdigit():
            self.sig_focus_event.emit(int(value))
        elif url.hasFragment() and not kind:
            self.scrollToAnchor(url.fragment())


class DossierPage(QWidget):
    """A tab: the as-of/review strip, under it (with a grade on the filter) how many facts the
    grade hides, then the dossier view."""

    def __init__(self, view: DossierView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.bar = AsOfBar(self)
        self.bar.review.setEnabled(not view.store.readonly)
        self.bar.sig_mark_reviewed.connect(view.mark_reviewed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.graded = QLabel(self)
        self.graded.setObjectName("dossierGradeCut")
        self.graded.setWordWrap(True)
        self.graded.setContentsMargins(6, 0, 6, 2)
        layout.addWidget(self.bar)
        layout.addWidget(self.graded)
        layout.addWidget(view, 1)
        view.sig_rendered.connect(self.show_left_out)
        self.show_left_out()

    def show_left_out(self) -> None:
        """'Graded ≥ B2: 14 of 27 facts hidden' (hidden without a grade on the filter)."""
        grade = self.view.min_grade
        hidden, total = self.view.left_out
        text = ""
        if not grade.is_empty:
            text = translate("Dossier", "Graded ≥ {grade}: {hidden} of {total} facts hidden")
            text = text.format(grade=grade, hidden=num(hidden), total=num(total))
        self.graded.setText(text)
        self.graded.setVisible(bool(text))


def _dot_icon(colour: QColor) -> QIcon:
    pix = QPixmap(10, 10)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(colour)
    p.setPen(colour)
    p.drawEllipse(1, 1, 8, 8)
    p.end()
    return QIcon(pix)


class DossierTabs(QTabWidget):
    """Open dossiers as closable, movable tabs, sharing one *as of* date."""

    sig_open_org = Signal(int)
    """A dossier asked to open another organization."""
    sig_focus_event = Signal(int)
    """A dossier asked the timeline to focus an event."""
    sig_current_org = Signal(int)
    """The visible dossier changed (its org id, or -1 when none is open)."""
    sig_tabs_changed = Signal()
    """A dossier was opened, closed or moved."""
    sig_as_of_changed = Signal(object)
    """The shared as-of date changed (seconds or None)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.as_of: float | None = None
        self.as_of_text = ""
        self.min_grade = Grade()  # the filter's: every dossier shows only facts graded this
        self.follow = False
        self.can_follow = False
        self.closing = False
        self._shown = -1
        self.highlighted: set[int] = set()
        self._cursor: float | None = None
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self._apply_cursor)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_REFRESH_MS)
        self._note_timer.timeout.connect(self._refresh_current)
        self._dot = _dot_icon(HIGHLIGHT)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.tabCloseRequested.connect(self._close)
        self.currentChanged.connect(self._current_changed)
        self.tabBar().tabMoved.connect(lambda *_: self.sig_tabs_changed.emit())

    # -- tabs ----------------------------------------------------------------------------------
    def open_org(self, org_id: int) -> DossierView:
        for i in range(self.count()):
            page = self.widget(i)
            if isinstance(page, DossierPage) and page.view.org_id == org_id:
                self.setCurrentIndex(i)
                return page.view
        view = DossierView(self.store, org_id, None, self.as_of, self.min_grade)
        view.sig_open_org.connect(self.sig_open_org)
        view.sig_focus_event.connect(self.sig_focus_event)
        page = DossierPage(view, self)
        page.bar.sig_as_of.connect(self.set_as_of)
        page.bar.sig_follow.connect(self.set_follow)
        page.bar.show_state(self.as_of_text, self.follow, self.can_follow)
        title = view.dossier.org.name if view.dossier else str(org_id)
        index = self.addTab(page, title)
        if view.dossier:
            self.setTabToolTip(index, view.dossier.org.label)
        self._mark(index, org_id in self.highlighted)
        self.setCurrentIndex(index)
        self.sig_tabs_changed.emit()
        return view

    def step_tab(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) dossier tab, wrapping around (keys)."""
        if self.count() > 1:
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def pages(self) -> list[DossierPage]:
        return [p for i in range(self.count()) if isinstance(p := self.widget(i), DossierPage)]

    def views(self) -> list[DossierView]:
        return [p.view for p in self.pages()]

    def current_view(self) -> DossierView | None:
        page = self.currentWidget()
        return page.view if isinstance(page, DossierPage) else None

    def view_at(self, index: int) -> DossierView | None:
        page = self.widget(index)
        return page.view if isinstance(page, DossierPage) else None

    def open_org_ids(self) -> list[int]:
        return [v.org_id for v in self.views()]

    def open_org_keys(self) -> list[str]:
        return [v.dossier.org.key for v in self.views() if v.dossier is not None]

    def close_all(self) -> None:
        for i in reversed(range(self.count())):
            self._close(i)

    def reload(self) -> None:
        """Everything may have changed: the dossier in front is read again now, the others
        when they come to the front."""
        for view in self.views():
            view.stale = True
        self._note_timer.stop()
        if (current := self.current_view()) is not None:
            current.reload()

    def apply(self, changes: Changes) -> None:
        """Only the dossiers that may show something that changed are read again (a saved note
        must not re-render the dossiers that do not list it): the one in front now — after
        notes alone :data:`NOTE_REFRESH_MS` later, once for a burst of saves, so the save
        returns at once — and the others when they come to the front."""
        current = self.current_view()
        for view in self.views():
            if changes.in_dossier(view.org_id):
                view.stale = True
        if current is None or not current.stale:
            return
        if changes.only_notes:
            self._note_timer.start()
        else:
            self._note_timer.stop()
            current.reload()

    def _refresh_current(self) -> None:
        view = self.current_view()
        if view is not None and view.stale and self.isVisible():  # a closed window: not now
            view.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _close(self, index: int) -> None:
        widget = self.widget(index)
        self.closing = True
        try:
            self.removeTab(index)
        finally:
            self.closing = False
        if widget is not None:
            widget.deleteLater()
        self.sig_tabs_changed.emit()
        self._current_changed(self.currentIndex())

    def _current_changed(self, _index: int) -> None:
        if self.closing:
            return
        view = self.current_view()
        if view is not None and view.stale:
            view.reload()
        org_id = view.org_id if view else -1
        if org_id != self._shown:  # closing a tab behind the visible one changes nothing
            self._shown = org_id
            self.sig_current_org.emit(org_id)

    # -- highlighting (the dossiers a selected event touches) ----------------------------------
    def set_highlighted(self, org_ids: set[int]) -> None:
        self.highlighted = set(org_ids)
        for i in range(self.count()):
            view = self.view_at(i)
            self._mark(i, view is not None and view.org_id in self.highlighted)

    def is_highlighted(self, index: int) -> bool:
        return self.tabBar().tabTextColor(index) == HIGHLIGHT

    def _mark(self, index: int, on: bool) -> None:
        self.tabBar().setTabTextColor(index, HIGHLIGHT if on else QColor())
        self.setTabIcon(index, self._dot if on else QIcon())

    # -- the filter's grade --------------------------------------------------------------------
    def set_min_grade(self, grade: Grade) -> None:
        """Cut every dossier to the facts graded at least ``grade``, as ``dossier export
        --min-grade`` does (the empty grade: the whole dossier). Nothing is rendered when the
        grade is the same; otherwise the dossier in front now, the others when they come to the
        front."""
        if grade == self.min_grade:
            return
        self.min_grade = grade
        for view in self.views():
            if view.min_grade != grade:
                view.min_grade = grade
                view.stale = True
        if (current := self.current_view()) is not None and current.stale:
            current.reload()

    # -- as of ---------------------------------------------------------------------------------
    def set_as_of(self, as_of: float | None, text: str | None = None) -> None:
        """Show every dossier as known at ``as_of`` (None: everything)."""
        self.as_of = as_of
        self.as_of_text = text or (instant_text(as_of) if as_of is not None else "")
        for page in self.pages():
            page.bar.show_state(self.as_of_text, self.follow, self.can_follow)
            page.view.set_as_of(as_of)
        self.sig_as_of_changed.emit(as_of)

    def set_follow_available(self, available: bool) -> None:
        """A timeline cursor exists (the window's); enables the 'follow timeline' boxes."""
        self.can_follow = available
        for page in self.pages():
            page.bar.show_state(self.as_of_text, self.follow, self.can_follow)

    def set_follow(self, on: bool) -> None:
        self.follow = on and self.can_follow
        if self.follow and self._cursor is not None:
            self._apply_cursor()
        else:
            for page in self.pages():
                page.bar.show_state(self.as_of_text, self.follow, self.can_follow)

    def follow_range(self, t0: float, t1: float) -> None:
        """The timeline's visible range changed: its centre is the cursor."""
        self._cursor = (t0 + t1) / 2
        if self.follow:
            self._follow_timer.start()

    def _apply_cursor(self) -> None:
        if self.follow and self._cursor is not None:
            self.set_as_of(self._cursor)
