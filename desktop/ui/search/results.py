"""Search results grouped by type: running the query, highlighting, and the list that shows them.

Text from the database is escaped before it becomes HTML; only the highlight tags are ours.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.search import SearchHit, search
from desktop.store.search_targets import Target, display_name, target_for, target_label

# (kind, group header) in the order groups are shown
GROUPS: tuple[tuple[str, str], ...] = (
    ("org", "Organizations"),
    ("event", "Events"),
    ("person", "People"),
    ("product", "Products"),
    ("claim", "Claims"),
    ("source", "Sources"),
    ("annotation", "Notes"),
)
OTHER_KINDS = tuple(kind for kind, _ in GROUPS if kind != "event")
MARK_OPEN = '<span style="background-color:#ffe066;color:#000;font-weight:600">'
MARK_CLOSE = "</span>"
MAX_QUERY_CHARS = 1000  # a pasted book is searched by its first thousand characters
HitRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class HitRow:
    """One result as shown: its kind and id, its name, the snippet as safe HTML, and where
    activating it leads."""

    kind: str
    id: int
    name: str
    name_html: str
    snippet_html: str
    target: Target | None


def terms_of(text: str) -> list[str]:
    return [t for t in text.replace("\x00", " ").lower().split() if t]


def highlight(text: str, terms: list[str]) -> str:
    """``text`` escaped, with every (case-insensitive) occurrence of a term marked."""
    low = text.lower()
    out: list[str] = []
    i = 0
    while i < len(text):
        match = next((t for t in terms if low.startswith(t, i)), None)
        if match:
            out.append(MARK_OPEN + html.escape(text[i : i + len(match)]) + MARK_CLOSE)
            i += len(match)
        else:
            j = i + 1
            while j < len(text) and not any(low.startswith(t, j) for t in terms):
                j += 1
            out.append(html.escape(text[i:j]))
            i = j
    return "".join(out)


def snippet_html(snippet: str) -> str:
    """A snippet with \\x02...\\x03 around the matches, as escaped HTML with the marks."""
    out: list[str] = []
    for n, piece in enumerate(snippet.split("\x02")):
        if n == 0:
            out.append(html.escape(piece))
            continue
        marked, _, rest = piece.partition("\x03")
        out.append(MARK_OPEN + html.escape(marked) + MARK_CLOSE + html.escape(rest))
    return "".join(out)


def drop_prefix(snippet: str, name: str) -> str:
    """The snippet without a leading copy of ``name`` (snippets start with the indexed title);
    empty when the snippet only repeats the name."""
    plain = snippet.replace("\x02", "").replace("\x03", "")
    if name and name.startswith(plain.rstrip("…").strip()):
        return ""  # the snippet only repeats (the start of) the name
    if not name or not plain.startswith(name):
        return snippet
    seen = 0
    for i, ch in enumerate(snippet):
        if ch in "\x02\x03":
            continue
        seen += 1
        if seen == len(name):
            head, rest = snippet[: i + 1], snippet[i + 1 :]
            opened = head.count("\x02") > head.count("\x03")
            if opened and rest.startswith("\x03"):  # a mark that ended with the name
                rest, opened = rest[1:], False
            rest = rest.lstrip()
            return ("\x02" + rest if opened else rest) or snippet
    return snippet


def run_search(store: Store, text: str, per_group: int = 8) -> list[tuple[str, list[HitRow]]]:
    """Hits grouped by type, each group at most ``per_group`` long, best first.

    Events are searched apart from everything else so that, in a database with a million
    events, organizations and people still find their place. Raises StoreError only if the
    database itself fails.
    """
    text = text[:MAX_QUERY_CHARS]
    if not text.strip():
        return []
    try:
        hits: list[SearchHit] = search(store, text, kinds=OTHER_KINDS, limit=per_group * 6)
        hits += search(store, text, kinds=("event",), limit=per_group)
        terms = terms_of(text)
        grouped: dict[str, list[HitRow]] = {kind: [] for kind, _ in GROUPS}
        for hit in hits:
            rows = grouped.setdefault(hit.kind, [])
            if len(rows) >= per_group:
                continue
            name = display_name(store, hit.kind, hit.id) or hit.title
            target = target_for(store, hit.kind, hit.id)
            name_html = highlight(name[:200], terms)
            if target is not None and hit.kind not in ("event", "org"):
                leads = html.escape(target_label(store, target)[:80])
                name_html += f'<span style="font-size:small">&nbsp;&nbsp;→ {leads}</span>'
            rows.append(
                HitRow(
                    hit.kind,
                    hit.id,
                    name,
                    name_html,
                    snippet_html(drop_prefix(hit.snippet, name)),
                    target,
                )
            )
    except sqlite3.Error as exc:
        raise StoreError(f"search failed: {exc}") from exc
    titles = dict(GROUPS)
    return [(titles.get(kind, kind), rows) for kind, rows in grouped.items() if rows]


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text (the name, then the snippet) and headers bold."""

    def _document(self, index: QModelIndex, width: int, dim: str = "#666") -> QTextDocument:
        row = index.data(HitRole)
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        snippet = (
            f'<div style="color:{dim};font-size:small">{row.snippet_html}</div>'
            if row.snippet_html
            else ""
        )
        doc.setHtml(f"<div>{row.name_html}</div>{snippet}")
        doc.setTextWidth(max(width, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if index.data(HitRole) is None:
            super().paint(painter, option, index)
            return
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim = opt.palette.color(role) if selected else opt.palette.color(QPalette.ColorRole.Mid)
        if not selected:
            dim = opt.palette.color(QPalette.ColorRole.PlaceholderText)
        doc = self._document(index, opt.rect.width(), dim.name())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(HitRole) is None:
            return super().sizeHint(option, index)
        width = option.rect.width() if option.rect.width() > 0 else 400
        doc = self._document(index, width)
        return QSize(width, int(doc.size().height()) + 2)


class ResultsView(QListWidget):
    """Group headers (not selectable) and hits; a hint line when there is nothing to show."""

    sig_activated = Signal(object)
    """A HitRow was activated (double-click, or Enter through :meth:`activate_current`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(HitDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.itemActivated.connect(self._on_item)
        self.hint = ""
        self.groups: list[str] = []

    def show_groups(self, groups: list[tuple[str, list[HitRow]]]) -> None:
        self.clear()
        self.hint = ""
        self.groups = [title for title, _ in groups]
        first = None
        for title, rows in groups:
            header = QListWidgetItem(f"{title}  ({len(rows)})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.addItem(header)
            for row in rows:
                item = QListWidgetItem(row.name)
                item.setData(HitRole, row)
                item.setToolTip(row.name[:500])
                self.addItem(item)
                first = first or item
        if first is not None:
            self.setCurrentItem(first)

    def show_hint(self, text: str) -> None:
        self.clear()
        self.groups = []
        self.hint = text
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def hit_rows(self) -> list[HitRow]:
        return [r for i in range(self.count()) if (r := self.item(i).data(HitRole)) is not None]

    def group_titles(self) -> list[str]:
        return list(self.groups)

    def current_hit(self) -> HitRow | None:
        item = self.currentItem()
        return item.data(HitRole) if item is not None else None

    def step(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous hit, skipping headers."""
        rows = [i for i in range(self.count()) if self.item(i).data(HitRole) is not None]
        if not rows:
            return
        current = self.currentRow()
        if step > 0:
            nxt = next((i for i in rows if i > current), rows[-1])
        else:
            nxt = next((i for i in reversed(rows) if i < current), rows[0])
        self.setCurrentRow(nxt)
        self.scrollToItem(self.item(nxt))

    def activate_current(self) -> bool:
        hit = self.current_hit()
        if hit is None:
            return False
        self.sig_activated.emit(hit)
        return True

    def _on_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if hit is not None:
            self.sig_activated.emit(hit)
