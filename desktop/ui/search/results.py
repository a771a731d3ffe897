"""Search results grouped by type: running the query, highlighting, and the list that shows them.

Text from the database is escaped before it becomes HTML; only the highlight tags are ours.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QRectF, QSize, Qt, Signal
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
from desktop.store.search import SearchHit, search
from desktop.store.search_count import count_matches
from desktop.store.search_targets import Target, display_name, target_for, target_label
from desktop.ui.i18n import num, translate

# (kind, group header) in the order groups are shown
# (kind, group header) in the order groups are shown; headers translated where shown
GROUPS: tuple[tuple[str, str], ...] = (
    ("org", QT_TRANSLATE_NOOP("Search", "Organizations")),
    ("event", QT_TRANSLATE_NOOP("Search", "Events")),
    ("person", QT_TRANSLATE_NOOP("Search", "People")),
    ("product", QT_TRANSLATE_NOOP("Search", "Products")),
    ("claim", QT_TRANSLATE_NOOP("Search", "Claims")),
    ("source", QT_TRANSLATE_NOOP("Search", "Sources")),
    ("annotation", QT_TRANSLATE_NOOP("Search", "Notes")),
)
OTHER_KINDS = tuple(kind for kind, _ in GROUPS if kind != "event")
MARK_OPEN = '<span style="background-color:#ffe066;color:#000;font-weight:600">'
MARK_CLOSE = "</span>"
MAX_QUERY_CHARS = 1000  # a pasted book is searched by its first thousand characters
HitRole = Qt.ItemDataRole.UserRole + 1
MoreRole = Qt.ItemDataRole.UserRole + 2  # on a "Show more" row: the kind to show more of
MORE_STEP = 50  # hits added to a group by "Show more"
# heading, quote and list marks at a line's start, emphasis and code marks anywhere
MARKDOWN_MARKS = re.compile(r"(^|\s)(?:#{1,6}|>|[-*+])(?=\s)|\*\*|__|`")


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


@dataclass(frozen=True)
class Group:
    """The hits of one kind as shown, with the number of every match of that kind."""

    title: str
    kind: str
    rows: list[HitRow]
    total: int
    exact: bool = True

    def count_text(self) -> str:
        shown = len(self.rows)
        if shown >= self.total and self.exact:
            return num(shown)
        if self.exact:
            text = translate("Search", "{shown} of {total}")
        else:
            text = translate("Search", "{shown} of about {total}")
        return text.format(shown=num(shown), total=num(self.total))


def summary_text(groups: list[Group], text: str) -> str:
    """'20 of 10,520 results for “通义千问”' (every match counted, not only those shown)."""
    shown = sum(len(g.rows) for g in groups)
    total = sum(g.total for g in groups)
    exact = all(g.exact for g in groups)
    query = text if len(text) <= 60 else text[:60] + "…"
    if shown >= total and exact:
        if total == 1:
            line = translate("Search", "{total} result for “{query}”")
        else:
            line = translate("Search", "{total} results for “{query}”")
    elif exact:
        line = translate("Search", "{shown} of {total} results for “{query}”")
    else:
        line = translate("Search", "{shown} of about {total} results for “{query}”")
    return line.format(shown=num(shown), total=num(total), query=query)


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


def run_search(
    store: Store, text: str, per_group: int = 8, limits: dict[str, int] | None = None
) -> list[Group]:
    """Hits grouped by type, each group at most ``per_group`` long (or its ``limits`` entry,
    after "Show more"), best first; groups ordered by their best hit, ties in GROUPS order.

    Events are searched apart from everything else so that, in a database with a million
    events, organizations and people still find their place. Every match is counted. Raises
    StoreError only if the database itself fails.
    """
    text = text[:MAX_QUERY_CHARS]
    if not text.strip():
        return []
    limits = limits or {}
    count = count_matches(store, text)
    wanted = {kind: limits.get(kind, per_group) for kind, _ in GROUPS}
    others = [k for k in OTHER_KINDS if count.by_kind.get(k)]
    hits: list[SearchHit] = []
    if others:
        hits += search(store, text, kinds=OTHER_KINDS, limit=per_group * 6)
    for kind in others:  # shown more of: searched on its own, deeper
        if wanted[kind] > per_group:
            hits = [h for h in hits if h.kind != kind]
            hits += search(store, text, kinds=(kind,), limit=wanted[kind])
    if count.by_kind.get("event"):
        hits += search(store, text, kinds=("event",), limit=wanted["event"])
    terms = terms_of(text)
    grouped: dict[str, list[HitRow]] = {kind: [] for kind, _ in GROUPS}
    best: dict[str, tuple[int, ...]] = {}
    for hit in hits:
        rows = grouped.setdefault(hit.kind, [])
        if len(rows) >= wanted.get(hit.kind, per_group):
            continue
        best.setdefault(hit.kind, hit.quality)
        rows.append(_row(store, hit, terms))
    titles = {kind: translate("Search", title) for kind, title in GROUPS}
    groups = [
        Group(
            titles.get(kind, kind),
            kind,
            rows,
            max(count.by_kind.get(kind, 0), len(rows)),
            count.exact,
        )
        for kind, rows in grouped.items()
        if rows
    ]
    return sorted(groups, key=lambda g: best.get(g.kind, ()))


def _row(store: Store, hit: SearchHit, terms: list[str]) -> HitRow:
    name = display_name(store, hit.kind, hit.id) or hit.title
    target = target_for(store, hit.kind, hit.id)
    name_html = highlight(name[:200], terms)
    if target is not None and hit.kind not in ("event", "org"):
        leads = html.escape(target_label(store, target)[:80])
        name_html += f'<span style="font-size:small">&nbsp;&nbsp;→ {leads}</span>'
    snippet = drop_prefix(hit.snippet, name)
    if hit.kind == "annotation":  # a note's Markdown marks (#, **, `) are not its words
        snippet = " ".join(MARKDOWN_MARKS.sub(r"\1", snippet).split())
    return HitRow(hit.kind, hit.id, name, name_html, snippet_html(snippet), target)


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
    sig_more = Signal(str)
    """A group's "Show more" row was activated (the group's kind)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(HitDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.itemActivated.connect(self._on_item)
        self.hint = ""
        self.note = ""
        self.groups: list[str] = []

    def show_groups(self, groups: list[Group], keep: HitRow | None = None) -> None:
        """Show ``groups``; the current hit is ``keep`` when it is among them, else the first."""
        self.clear()
        self.hint = self.note = ""
        self.groups = [g.title for g in groups]
        first = kept = None
        for group in groups:
            header = QListWidgetItem(f"{group.title}  ({group.count_text()})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.addItem(header)
            for row in group.rows:
                item = QListWidgetItem(row.name)
                item.setData(HitRole, row)
                item.setToolTip(row.name[:500])
                self.addItem(item)
                first = first or item
                if keep is not None and (row.kind, row.id) == (keep.kind, keep.id):
                    kept = item
            if len(group.rows) < group.total:
                left = group.total - len(group.rows)
                more_text = translate("Search", "Show {n} more {group}…").format(
                    n=num(min(MORE_STEP, left)), group=group.title.lower()
                )
                more = QListWidgetItem("    " + more_text)

                more.setData(MoreRole, group.kind)
                more.setForeground(self.palette().color(QPalette.ColorRole.Link))
                self.addItem(more)
        target = kept or first
        if target is not None:
            self.setCurrentItem(target)
            if kept is None:
                self.scrollToTop()  # a new list: its first group header shows
            else:
                self.scrollToItem(kept)

    def show_hint(self, text: str) -> None:
        self.clear()
        self.groups = []
        self.hint, self.note = text, ""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def add_note(self, text: str) -> None:
        """A line after the results (not selectable): how much of the file search can see."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)
        self.note = text

    def hit_rows(self) -> list[HitRow]:
        return [r for i in range(self.count()) if (r := self.item(i).data(HitRole)) is not None]

    def group_titles(self) -> list[str]:
        return list(self.groups)

    def current_hit(self) -> HitRow | None:
        item = self.currentItem()
        return item.data(HitRole) if item is not None else None

    def step(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous hit, skipping headers."""
        rows = [i for i in range(self.count()) if self._selectable(i)]
        if not rows:
            return
        current = self.currentRow()
        if step > 0:
            nxt = next((i for i in rows if i > current), rows[-1])
        else:
            nxt = next((i for i in reversed(rows) if i < current), rows[0])
        self.setCurrentRow(nxt)
        self.scrollToItem(self.item(nxt))

    def _selectable(self, i: int) -> bool:
        item = self.item(i)
        return item.data(HitRole) is not None or bool(item.data(MoreRole))

    def activate_current(self) -> bool:
        item = self.currentItem()
        if item is None or not self._selectable(self.row(item)):
            return False
        self._on_item(item)
        return True

    def more_rows(self) -> list[str]:
        """The kinds that have a "Show more" row, top to bottom."""
        return [k for i in range(self.count()) if (k := self.item(i).data(MoreRole))]

    def _on_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if hit is not None:
            self.sig_activated.emit(hit)
        elif item.data(MoreRole):
            self.sig_more.emit(item.data(MoreRole))
