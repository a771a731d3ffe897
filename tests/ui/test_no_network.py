"""The app opens no network socket: not when the window opens, not when a note with a remote
image and a link is rendered (in the editor's preview, the history and the panel)."""

import re
import socket

import pytest

from desktop.store import annotations_bulk as bulk
from desktop.store.queries import find_organization
from desktop.ui.annotations import install
from desktop.ui.annotations.history import HistoryDialog
from desktop.ui.document.notes import NoteBrowser

NOTE = (
    "# 远程内容\n\n![x](http://example.com/a.png)\n\n[a link](https://example.com/page)\n\n"
    '<img src="http://example.com/b.png"> <script src="http://example.com/s.js"></script>'
)


@pytest.fixture
def connections(monkeypatch):
    """Every attempt to connect or resolve a name, recorded (and refused)."""
    calls = []

    def refuse(what):
        def record(*args, **_kwargs):
            calls.append((what, args[1:] if what.startswith("socket.") else args))
            raise OSError(f"test: no network ({what})")

        return record

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return calls


def test_rendering_a_note_with_remote_content_opens_no_socket(
    connections, seeded_store, qtbot, monkeypatch
):
    from desktop.ui.main_window import MainWindow

    requested = []
    original = NoteBrowser.loadResource

    def spy(self, kind, url):
        requested.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(NoteBrowser, "loadResource", spy)
    window = MainWindow(seeded_store)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    ui = install(window)
    org = find_organization(seeded_store, "DeepSeek")
    window.open_org(org.id)
    target = bulk.org_target(seeded_store, org.id)
    assert ui.editor.target == target

    ui.editor.text.setPlainText(NOTE)
    qtbot.waitUntil(lambda: "远程内容" in ui.editor.preview.last_html, timeout=1000)
    assert ui.editor.flush()
    html = ui.editor.preview.last_html.lower()
    assert "<img" not in html and "<script" not in html
    assert not re.search(r"<[a-z]+[^>]*\bsrc\s*=", html)  # no element loads anything
    assert '<a href="https://example.com/page">' in html  # the link is kept, as a link
    ui.editor.preview.grab()  # paint it
    dialog = HistoryDialog(seeded_store, ui.editor.uuid, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preview.grab()
    assert "<img" not in dialog.preview.last_html.lower()
    ui.panel.table.grab()
    qtbot.wait(50)
    window.close()

    assert connections == []
    assert not [u for u in requested if "://" in u]  # Qt asked for no remote resource
