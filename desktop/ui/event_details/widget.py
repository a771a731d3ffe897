"""The selected event: date at its precision, organizations (links), people, claims, sources."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.domain.model import EventDetail
from desktop.store.database import Store
from desktop.store.queries import event_detail
from desktop.ui.dossier.render import CSS, STATUS_BADGE
from desktop.ui.format import CitationIndex, esc, event_when


def render_event(d: EventDetail) -> str:
    cites = CitationIndex()
    e = d.event
    parts = [f"<style>{CSS}</style>"]
    parts.append(f"<h1 style='font-size:13pt'>{esc(e.title)}{cites.marks(d.citations)}</h1>")
    meta = [event_when(e), e.kind]
    if e.place:
        meta.append(e.place)
    parts.append(f"<p class='meta'>{esc(' · '.join(meta))}</p>")
    if d.disputed:
        parts.append(
            "<p class='disputed'>⚠ Some of this is disputed: see the sources marked ✗.</p>"
        )
    if e.summary:
        parts.append(f"<p>{esc(e.summary)}</p>")
    if d.orgs:
        links = ", ".join(
            f"<a href='org:{o.org_id}'>{esc(o.name)}"
            f"{(' ' + esc(o.name_zh)) if o.name_zh else ''}</a>"
            f" <span class='meta'>({esc(o.role)})</span>"
            for o in d.orgs
        )
        parts.append(f"<p><b>Organizations:</b> {links}</p>")
    if d.people:
        people = ", ".join(
            esc(p.name) + (f" <span class='zh'>{esc(p.name_zh)}</span>" if p.name_zh else "")
            for p in d.people
        )
        parts.append(f"<p><b>People:</b> {people}</p>")
    if d.products:
        parts.append(f"<p><b>Products:</b> {esc(', '.join(p.name for p in d.products))}</p>")
    if d.claims:
        parts.append("<h2>Claims</h2><ul>")
        for c in d.claims:
            who = f"<b>{esc(c.claimant)}</b>: " if c.claimant else ""
            parts.append(
                f"<li>{STATUS_BADGE.get(c.status, '')} {who}{esc(c.text)}"
                f"{cites.marks(c.citations)}</li>"
            )
        parts.append("</ul>")
    if d.annotations:
        parts.append("<h2>Notes</h2><ul>")
        parts += [f"<li>{'★ ' if a.starred else ''}{esc(a.body)}</li>" for a in d.annotations]
        parts.append("</ul>")
    if cites.order:
        parts.append("<h2>Sources</h2><ul>")
        for key, n in cites.order.items():
            quotes = [c for c in cites.quotes[key] if c.quote]
            title = cites.quotes[key][0].source_title
            q = f" — <span class='quote'>“{esc(quotes[0].quote)}”</span>" if quotes else ""
            parts.append(f"<li>[{n}] {esc(title)}{q}</li>")
        parts.append("</ul>")
    return "".join(parts)


class EventDetailsView(QTextBrowser):
    sig_open_org = Signal(int)
    """An organization chip was clicked."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.event_id: int | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.setPlaceholderText("Click an event on the timeline to see its details.")

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        detail = event_detail(self.store, event_id) if event_id is not None else None
        if detail is None:
            self.clear()
            return
        self.setHtml(render_event(detail))

    def reload(self) -> None:
        self.show_event(self.event_id)

    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "org" and value.isdigit():
            self.sig_open_org.emit(int(value))
