"""Notes rendered safely: Markdown to sanitised HTML, shown in a browser that fetches nothing.

markdown-it-py (CommonMark, raw HTML off) turns the note into HTML; images become a link-text
placeholder (nothing is ever fetched); nh3 then keeps only basic formatting tags and http(s)
and mailto links. :class:`NoteBrowser` never follows a link by itself: a click asks first,
showing the address, and only then hands it to the desktop.

Thread: UI thread.
"""

from __future__ import annotations

import html
from typing import Any

import nh3
from markdown_it import MarkdownIt
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from desktop.ui.i18n import translate

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "span": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _image_placeholder(_renderer: Any, tokens: list, idx: int, _options: Any, _env: Any) -> str:
    """An image as a link to its address with its alt text: never loaded."""
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or ()) or translate("Notes", "image")
    src = str(token.attrGet("src") or "")
    label = "[" + translate("Notes", "image: {alt}").format(alt=html.escape(alt)) + "]"
    if not src:
        return f'<span class="image">{label}</span>'
    return f'<a href="{html.escape(src, quote=True)}">{label}</a>'


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.enable("strikethrough").enable("table")
_md.add_render_rule("image", _image_placeholder)


def render_markdown(text: str) -> str:
    """Sanitised HTML for a note's Markdown: no images, scripts, styles or raw HTML."""
    raw = _md.render(text or "")
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class NoteBrowser(QTextBrowser):
    """Shows rendered notes. Loads no resources; a clicked link opens only after a yes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.confirm_open)
        self.last_html = ""

    def set_markdown(self, text: str) -> None:
        self.last_html = render_markdown(text)
        self.setHtml(self.last_html)

    def loadResource(self, _type: int, _name: QUrl) -> Any:
        return None  # nothing is fetched: not images, not style sheets, not files

    def confirm_open(self, url: QUrl) -> bool:
        """Ask before opening ``url`` with the desktop; True if it was handed over."""
        shown = url.toDisplayString()
        if url.scheme().lower() not in URL_SCHEMES:
            QMessageBox.information(
                self,
                translate("Notes", "Link"),
                translate("Notes", "This link cannot be opened:\n{url}").format(url=shown),
            )
            return False
        answer = QMessageBox.question(
            self,
            translate("Notes", "Open link?"),
            translate("Notes", "Open this address in your browser?\n\n{url}").format(url=shown),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return False
        return bool(QDesktopServices.openUrl(url))
