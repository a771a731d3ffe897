"""Keyboard-only use: Tab and F6 reach every pane and dock in order, a dossier opens, an event is
focused and a note is written with keys alone (no mouse event at all), the dossier tabs switch
with Ctrl+PgDown/PgUp, Esc leaves the note, and the focused widget wears a highlight frame."""

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.store import annotations as notes
from desktop.store import annotations_bulk as bulk
from desktop.ui.org_list.model import OrgIdRole
from desktop.ui.shell import help, keyboard, theme

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
}


class MouseSpy(QObject):
    """Counts mouse events sent to any object while the test runs."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE:
            self.seen.append(event.type())
        return False


@pytest.fixture
def kb(window, qtbot):
    controller = keyboard.install(window)
    window.activateWindow()
    qtbot.waitActive(window)
    spy = MouseSpy()
    QApplication.instance().installEventFilter(spy)
    yield controller
    QApplication.instance().removeEventFilter(spy)
    assert spy.seen == [], "the keyboard-only walk must not need a mouse event"


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed wherever the focus is (as a person at the keyboard would)."""
    qtbot.keyClick(focused(), key, modifier)


def test_tab_walks_the_panes_in_order_and_f6_reaches_every_dock(window, kb, qtbot):
    press(qtbot, Qt.Key.Key_F, CTRL)  # Edit ▸ Find puts the focus in the search box
    qtbot.waitUntil(lambda: kb.pane_of(focused()) == "search")
    reached = ["search"]
    for _ in range(40):  # Tab until the dossier; its links are then Tab stops of their own
        press(qtbot, Qt.Key.Key_Tab)
        pane = kb.pane_of(focused())
        assert pane is not None, f"Tab left the panes: {focused()!r}"
        if pane != reached[-1]:
            reached.append(pane)
        if pane == "dossier":
            break
    assert reached == ["search", "filters", "organizations", "timeline", "dossier"]

    for expected in ("details", "note", "annotations", "search", "filters"):
        press(qtbot, Qt.Key.Key_F6)
        assert kb.pane_of(focused()) == expected
    # both docks were raised in turn: the note editor's and the annotations panel's
    assert kb._dock("annotations").isVisible()
    for expected in ("search", "annotations", "note", "details", "dossier"):
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        assert kb.pane_of(focused()) == expected
    assert kb._dock("note").isVisible()

    # Tab also leads on from the (empty) event details into the note editor's text
    press(qtbot, Qt.Key.Key_F6)
    assert kb.pane_of(focused()) == "details"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.annotations_ui.editor.text
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Tab)
        if kb.pane_of(focused()) == "annotations":
            break
    assert kb.pane_of(focused()) == "annotations"


def test_open_a_dossier_focus_an_event_and_write_a_note_without_a_mouse(window, kb, qtbot):
    dossiers = window.dossiers
    before = dossiers.count()
    kb.focus_pane("organizations")
    assert focused() is window.org_list.view
    press(qtbot, Qt.Key.Key_End)  # the last organization, surely not open yet
    wanted = window.org_list.view.currentIndex().data(OrgIdRole)
    press(qtbot, Qt.Key.Key_Return)
    assert dossiers.count() == before + 1
    assert dossiers.current_view().org_id == wanted

    # Ctrl+PgUp / Ctrl+PgDown step through the dossier tabs, wrapping around
    here = dossiers.currentIndex()
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert dossiers.currentIndex() == (here - 1) % dossiers.count()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert dossiers.currentIndex() == (here + 1) % dossiers.count()

    # F6 to the timeline, N: the next event is selected and shown
    for _ in range(len(keyboard.PANES)):
        if kb.pane_of(focused()) == "timeline":
            break
        press(qtbot, Qt.Key.Key_F6)
    canvas = window.timeline.canvas
    assert focused() is canvas
    press(qtbot, Qt.Key.Key_N)
    event_id = canvas.selected
    assert event_id is not None
    assert window.details.event_id == event_id

    # Ctrl+E: into the note of that event; type; it saves; Esc goes back to the timeline
    editor = window.annotations_ui.editor
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert focused() is editor.text
    target = bulk.event_target(window.store, event_id)
    assert editor.target == target
    qtbot.keyClicks(focused(), "typed without a mouse")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)  # the autosave ran
    bodies = [n.body for n in bulk.notes_for_target(window.store, target)]
    assert any(b.endswith("typed without a mouse") for b in bodies)
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is canvas
    assert canvas.selected == event_id  # Esc left the note; it did not clear the selection

    # Ctrl+E from the editor leaves it too
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert focused() is editor.text
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert focused() is canvas
    assert notes.list_annotations(window.store)  # the note is in the database


def test_ctrl_e_without_a_target_says_why(window, kb, qtbot):
    dossiers = window.dossiers
    dossiers.close_all()
    window.timeline.canvas.clear_selection()
    kb.focus_pane("timeline")
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert focused() is window.timeline.canvas
    assert "No note to edit" in window.statusBar().currentMessage()


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_the_focused_widget_wears_a_highlight_frame(window, kb, qtbot, choice):
    theme.apply_theme(choice)
    try:
        highlight = window.palette().color(window.palette().ColorRole.Highlight)
        for pane in ("timeline", "organizations", "dossier", "note"):
            assert kb.focus_pane(pane)
            qtbot.waitUntil(lambda: kb.ring.isVisible())
            target = focused()
            qtbot.waitUntil(
                lambda target=target: (
                    kb.ring.geometry().topLeft() == target.mapTo(window, target.rect().topLeft())
                )
            )
            assert kb.ring.size() == target.size()
            image = window.grab().toImage()
            ring = kb.ring.geometry()
            for x, y in (
                (ring.left(), ring.center().y()),
                (ring.right(), ring.center().y()),
                (ring.center().x(), ring.top() + 1),
                (ring.center().x(), ring.bottom()),
            ):
                ratio = image.devicePixelRatio()
                colour = image.pixelColor(int(x * ratio), int(y * ratio))
                assert colour.rgb() == highlight.rgb(), (pane, x, y, colour.name())
            # the inside is not covered
            inside = kb.ring.mask().contains(kb.ring.rect().center())
            assert not inside
    finally:
        theme.apply_theme("system")


def test_the_shortcuts_sheet_lists_the_keyboard_keys(window, kb, monkeypatch):
    seen = []
    monkeypatch.setattr(help, "show_dialog", seen.append)
    window.shell.actions["shortcuts"].trigger()
    (dialog,) = seen
    rows = dialog.rows()
    keys = {r[2] for r in rows}
    native = QKeySequence.SequenceFormat.NativeText
    for k in ("F6", "Shift+F6", "Ctrl+E", "Ctrl+PgDown", "Ctrl+PgUp"):
        assert QKeySequence(k).toString(native) in keys, k
    assert any(r[2] == "Esc" and r[0] == "Note editor" for r in rows)
    assert any("Tab" in r[2] for r in rows)
    dialog.deleteLater()


def test_tab_reaches_a_dossier_link_and_enter_follows_it(window, kb, qtbot):
    assert kb.focus_pane("dossier")
    view = window.dossiers.current_view()
    here = view.org_id
    href = ""
    for _ in range(300):  # Tab walks the links of the dossier one by one
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is view, "the dossier's links ran out before an organization link"
        href = view.textCursor().charFormat().anchorHref()
        if href.startswith("org:") and int(href[4:]) != here:
            break
    assert href.startswith("org:")
    press(qtbot, Qt.Key.Key_Return)
    assert window.dossiers.current_view().org_id == int(href[4:])


def test_mark_reviewed_is_reached_with_tab_and_pressed_with_space(window, kb, qtbot):
    assert kb.focus_pane("timeline")
    page = window.dossiers.currentWidget()
    passed = []
    for _ in range(10):  # the timeline's controls, the dossier tabs, As of, Follow, the button
        press(qtbot, Qt.Key.Key_Tab)
        passed.append(focused())
        if focused() is page.bar.review:
            break
    assert window.dossiers.tabBar() in passed and page.bar.edit in passed
    assert focused() is page.bar.review
    with qtbot.waitSignal(page.bar.sig_mark_reviewed, timeout=1000):
        press(qtbot, Qt.Key.Key_Space)


def test_no_focus_ring_in_a_screenshot(window, kb, qtbot, qapp):
    assert kb.focus_pane("organizations")
    qtbot.waitUntil(kb.ring.isVisible)
    qapp.setProperty("dossier_no_persist", True)  # as `dossier screenshot` sets it
    try:
        assert kb.focus_pane("timeline")
        qtbot.wait(20)
        assert not kb.ring.isVisible()
    finally:
        qapp.setProperty("dossier_no_persist", None)
    assert kb.focus_pane("dossier")
    qtbot.waitUntil(kb.ring.isVisible)
