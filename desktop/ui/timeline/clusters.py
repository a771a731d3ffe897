"""A "+N" pill's events: the list that opens on click (choose one to go to it) and the zoom
that fits them all (the list's last entry, or a double-click on the pill)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from desktop.domain.time_scale import TimeScale
from desktop.store.queries import event_orgs
from desktop.ui.document import words
from desktop.ui.format import date_text
from desktop.ui.i18n import num, translate

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

#: Events listed by name at most; the rest are counted.
MAX_LISTED = 40


def members_menu(canvas: TimelineCanvas, ids: list[int]) -> QMenu:
    """The menu of a pill's events (title, date, organizations), earliest first."""
    model = canvas.model
    spans = {i: model.event_span(i) or (0.0, 0.0) for i in ids}
    ordered = sorted(ids, key=lambda i: spans[i])
    listed = ordered[:MAX_LISTED]
    titles = model.titles(listed)
    orgs = event_orgs(model.store, listed)
    menu = QMenu(canvas)
    menu.setToolTipsVisible(True)
    for eid in listed:
        title, start, end = titles.get(eid, ("", "", None))
        when = words.dates(date_text(start) + (f" – {date_text(end)}" if end else ""))
        names = ", ".join(o.name for o in orgs.get(eid, []))
        text = f"{title} · {when}" + (f" — {names}" if names else "")
        action = menu.addAction(text.replace("&", "&&"))
        action.triggered.connect(lambda _=False, e=eid: canvas.focus_event(e))
    if len(ordered) > len(listed):
        more = translate("Timeline", "… and {n} more").format(n=num(len(ordered) - len(listed)))
        rest = menu.addAction(more)
        rest.setEnabled(False)
    menu.addSeparator()
    zoom = menu.addAction(
        translate("Timeline", "Zoom to fit these {n} events").format(n=num(len(ids)))
    )

    zoom.triggered.connect(lambda: zoom_to(canvas, ids))
    return menu


def show_members(canvas: TimelineCanvas, ids: list[int], at: QPoint) -> None:
    menu = members_menu(canvas, ids)
    menu.exec(at)
    menu.deleteLater()


def zoom_to(canvas: TimelineCanvas, ids: list[int]) -> None:
    """Zoom so that the events ``ids`` fill the view (at least a day is shown)."""
    spans = [s for i in ids if (s := canvas.model.event_span(i)) is not None]
    if not spans:
        return
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    if hi - lo < 86400:
        mid = (lo + hi) / 2
        lo, hi = mid - 43200, mid + 43200
    fitted = TimeScale.fit(lo, hi, canvas.time_width, margin=0.08)
    canvas.set_range(fitted.start, fitted.end)
