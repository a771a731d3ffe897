"""The selected event: date at its precision, organizations (links), people, claims, sources;
with a grade on the filter, only the claims it keeps (as the dossier panes)."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.domain.dossier_event import event_document
from desktop.domain.dossier_grade import detail_graded_at_least
from desktop.domain.grades import Grade
from desktop.domain.model import EventDetail, Source
from desktop.store.database import Store
from desktop.store.dossier import sources_by_keys
from desktop.store.queries import event_detail
from desktop.ui.document.fonts import latin_first
from desktop.ui.document.notes import render_markdown
from desktop.ui.document.render import render_document
from desktop.ui.i18n import num, translate


def render_event(d: EventDetail, sources: tuple[Source, ...] = ()) -> str:
    """The event as HTML: the dossier writer over the event's document; notes are Markdown
    rendered safe (sanitised, nothing fetched)."""
    return render_document(
        event_document(d, sources), note=render_markdown, css=".h1 { font-size: 13pt; }"
    )


class EventDetailsView(QTextBrowser):
    sig_open_org = Signal(int)
    """An organization chip was clicked."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.event_id: int | None = None
        self.min_grade = Grade()  # the filter's: only the claims graded at least this
        self.hidden = 0  # claims the grade cut from the event shown
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.document().setDefaultFont(latin_first(self.font()))
        self.setPlaceholderText(
            translate("EventDetails", "Click an event on the timeline to see its details.")
        )

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        detail = event_detail(self.store, event_id) if event_id is not None else None
        if detail is None:
            self.clear()
            return
        keys = [c.source_key for c in detail.citations]
        keys += [x.source_key for c in detail.claims for x in c.citations]
        sources = tuple(sources_by_keys(self.store, list(dict.fromkeys(keys))))
        total = len(detail.claims)
        detail, self.hidden = detail_graded_at_least(detail, self.min_grade)
        page = render_event(detail, sources)
        if not self.min_grade.is_empty and total:
            line = translate("Dossier", "Graded ≥ {grade}: {hidden} of {total} facts hidden")
            line = line.format(grade=self.min_grade, hidden=num(self.hidden), total=num(total))
            page = page.replace("</style>", f"</style><p class='meta'>{html.escape(line)}</p>", 1)
        self.setHtml(page)

    def reload(self) -> None:
        self.show_event(self.event_id)

    def set_min_grade(self, grade: Grade) -> None:
        """Show only the claims graded at least ``grade`` (the filter's; empty: all)."""
        if grade != self.min_grade:
            self.min_grade = grade
            self.reload()

    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "org" and value.isdigit():
            self.sig_open_org.emit(int(value))
        elif url.hasFragment() and not kind:
            self.scrollToAnchor(url.fragment())
