"""The desktop shell: File menu, recent files, backup, persistence, themes, Help, hostile files,
and the one-window-per-database lock."""

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from desktop.store import migrations
from desktop.store.backup import backup_to
from desktop.store.database import open_store
from desktop.store.errors import StoreError
from desktop.store.library import create_empty
from desktop.store.lock import DatabaseLock, is_locked
from desktop.store.ui_state import TIMELINE_KEY, load_ui_state
from desktop.ui import shell
from desktop.ui.shell import files, help, opening, settings, theme

ROOT = Path(__file__).parent.parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, qapp):
    """QSettings and locks in tmp folders; dialogs collected instead of shown; the app's
    palette and every window the shell opened put back afterwards."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("DOSSIER_LOCK_DIR", str(tmp_path / "locks"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        opening, "critical", lambda box: shown.append((box.text(), box.informativeText()))
    )
    monkeypatch.setattr(files, "show_error", lambda _p, title, text: shown.append((title, text)))
    palette, choice = QPalette(qapp.palette()), qapp.property("dossier_theme")
    yield shown
    for window in list(shell._WINDOWS):
        window.close()
    qapp.processEvents()
    shell.close_all()
    qapp.setPalette(palette)
    qapp.setProperty("dossier_theme", choice)
    with contextlib.suppress(AttributeError):
        QGuiApplication.styleHints().unsetColorScheme()


@pytest.fixture
def shown(isolated):
    return isolated


def settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


# -- File menu ------------------------------------------------------------------------------------
def test_install_is_idempotent_and_adds_the_file_menu(window):
    ctrl = shell.install(window)
    assert shell.install(window) is ctrl and window.shell is ctrl
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    mine = ["&New database…", "&Open…", "Open &Recent", "Save a &copy / Backup…", "&Close"]
    # New and Open first; the rest in this order (other features may put items between them)
    assert texts[:2] == mine[:2]
    positions = [texts.index(t) for t in mine]
    assert positions == sorted(positions)
    assert texts[-1] == "&Quit"
    assert texts.count("&Open…") == 1
    assert window.windowTitle() == f"Dossier — {window.store.path.name}"
    assert window.acceptDrops()
    assert ctrl.actions["open"].shortcut().toString() == "Ctrl+O"


def test_open_replaces_the_window_and_holds_the_lock(
    window, qtbot, monkeypatch, seeded_template, tmp_path
):
    other = tmp_path / "other.db"
    shutil.copy(seeded_template, other)
    ctrl = shell.install(window)
    monkeypatch.setattr(files, "ask_open_path", lambda _parent, _start: other)
    new = ctrl.actions["open"].trigger() or None
    settle(qtbot)
    opened = [w for w in shell._WINDOWS if w.store.path == other]
    assert len(opened) == 1
    new = opened[0]
    assert new.isVisible() and not window.isVisible()
    assert new.windowTitle() == "Dossier — other.db"
    assert new.windowFilePath() == str(other)
    assert isinstance(is_locked(other), StoreError)  # this window holds the lock
    assert settings.recent_files()[0] == str(other.resolve())
    new.close()
    settle(qtbot)
    assert is_locked(other) is None  # released with the window
    # opening the database the window already shows only raises it
    assert ctrl.open_path(window.store.path) is window


def test_close_action_closes_the_window(window, qtbot):
    ctrl = shell.install(window)
    ctrl.actions["close"].trigger()
    assert not window.isVisible()


def test_drag_and_drop_of_a_db_opens_it(window, qtbot, seeded_template, tmp_path):
    dropped = tmp_path / "dropped.db"
    shutil.copy(seeded_template, dropped)
    shell.install(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: any(w.store.path == dropped for w in shell._WINDOWS), timeout=2000)
    # text drops are not files: refused
    text = QMimeData()
    text.setText("hello")
    other = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        text,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    other.ignore()
    QApplication.sendEvent(window, other)
    assert not other.isAccepted()


def test_recent_files_newest_first_max_ten_and_missing_greyed(window, tmp_path):
    ctrl = shell.install(window)
    paths = []
    for i in range(12):
        p = tmp_path / f"r{i}.db"
        p.write_bytes(b"")
        paths.append(p)
        settings.add_recent(p)
    settings.add_recent(paths[5])  # again: moves to the top, no duplicate
    items = settings.recent_files()
    assert len(items) == 10 and items[0] == str(paths[5].resolve())
    assert len(set(items)) == 10 and str(paths[0].resolve()) not in items
    paths[11].unlink()
    menu = ctrl.recent_menu
    menu.rebuild()
    actions = {a.data(): a for a in menu.file_actions()}
    assert not actions[str(paths[11].resolve())].isEnabled()
    assert "(missing)" in actions[str(paths[11].resolve())].text()
    assert actions[str(paths[10].resolve())].isEnabled()
    menu.remove_missing()
    assert str(paths[11].resolve()) not in settings.recent_files()
    assert len(menu.file_actions()) == 9
    menu.clear_list()
    assert settings.recent_files() == [] and menu.file_actions() == []


def test_recent_entry_opens_its_file(window, qtbot, seeded_template, tmp_path):
    target = tmp_path / "recent.db"
    shutil.copy(seeded_template, target)
    settings.add_recent(target)
    ctrl = shell.install(window)
    ctrl.recent_menu.rebuild()
    action = next(a for a in ctrl.recent_menu.file_actions() if a.data() == str(target.resolve()))
    action.trigger()
    settle(qtbot)
    assert any(w.store.path == target for w in shell._WINDOWS)


def test_backup_writes_a_valid_copy(window, monkeypatch, tmp_path, shown):
    ctrl = shell.install(window)
    target = tmp_path / "copies" / "copy.db"
    target.parent.mkdir()
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    ctrl.actions["backup"].trigger()
    assert target.is_file() and not shown
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        n = copy.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        copy.close()
    assert n == window.store.query("SELECT count(*) AS n FROM events")[0]["n"] > 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]  # no temp files left
    # the open database itself is refused, unchanged
    before = digest(window.store.path)
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: window.store.path)
    assert ctrl.backup() is None
    assert shown and "open database" in shown[-1][1]
    assert digest(window.store.path) == before


def test_backup_to_an_unwritable_folder_leaves_nothing(seeded_store, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        backup_to(seeded_store, tmp_path / "nope" / "x.db")


@pytest.mark.parametrize("kind", ["seed", "empty"])
def test_new_database(window, qtbot, monkeypatch, tmp_path, kind):
    ctrl = shell.install(window)
    target = tmp_path / f"new-{kind}.db"
    monkeypatch.setattr(files, "ask_new_kind", lambda _p: kind)
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    ctrl.actions["new"].trigger()
    settle(qtbot)
    new = next(w for w in shell._WINDOWS if w.store.path == target)
    events = new.store.query("SELECT count(*) AS n FROM events")[0]["n"]
    assert (events > 0) == (kind == "seed")
    assert new.store.schema_version() == migrations.SCHEMA_VERSION
    assert new.shell.empty_hint.label.isVisible() == (kind == "empty")


def test_new_database_cancelled_does_nothing(window, monkeypatch, tmp_path):
    ctrl = shell.install(window)
    monkeypatch.setattr(files, "ask_new_kind", lambda _p: None)
    assert ctrl.new_database() is None
    assert window.isVisible() and list(tmp_path.glob("*.db")) == [window.store.path]


# -- persistence ----------------------------------------------------------------------------------
def test_second_window_restores_range_grouping_and_geometry(qtbot, seeded_path):
    from desktop.ui.main_window import MainWindow

    store = open_store(seeded_path)
    first = MainWindow(store)
    qtbot.addWidget(first)
    shell.install(first)
    first.resize(1000, 600)
    first.show()
    qtbot.waitExposed(first)
    tl = first.timeline
    tl.group.setCurrentIndex(tl.group.findData("kind"))
    tl.order.setCurrentIndex(tl.order.findData("count"))
    t0, t1 = 1.6e9, 1.7e9
    tl.canvas.set_range(t0, t1, animate=False)
    docks = {d.objectName(): d for d in first.findChildren(QDockWidget) if d.objectName()}
    hidden = next((name for name, d in docks.items() if d.isVisible()), None)
    if hidden:  # a feature's dock, closed by the person, stays closed
        docks[hidden].hide()
    saved_geometry = bytes(first.saveGeometry().data())
    first.close()
    assert load_ui_state(store, TIMELINE_KEY)["group"] == "kind"
    store.close()

    store = open_store(seeded_path)  # as a new start would
    second = MainWindow(store)
    qtbot.addWidget(second)
    ctrl = shell.install(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        assert ctrl.restored_geometry
        # the offscreen screen is 800x800: restoreGeometry fits the width to it (and the
        # window's minimum width), the height is restored as saved
        assert second.height() == 600
        saved, _state = settings.window_layout(seeded_path)
        assert saved == saved_geometry
        if hidden:
            assert not second.findChild(QDockWidget, hidden).isVisible()
        assert second.timeline.model.group_by == "kind"
        assert second.timeline.model.order_by == "count"
        s0, s1 = second.timeline.canvas.visible_range()
        assert abs(s0 - t0) < 60 and abs(s1 - t1) < 60
    finally:
        second.close()
        store.close()


def test_a_second_process_reads_back_what_the_first_saved(qtbot, seeded_path, tmp_path):
    """A real second app instance (a child process) restores the saved layout."""
    from desktop.ui.main_window import MainWindow

    store = open_store(seeded_path)
    first = MainWindow(store)
    qtbot.addWidget(first)
    shell.install(first)
    first.resize(1111, 555)
    first.show()
    qtbot.waitExposed(first)
    first.timeline.group.setCurrentIndex(first.timeline.group.findData("none"))
    first.timeline.canvas.set_range(1.5e9, 1.65e9, animate=False)
    first.close()
    store.close()
    script = f"""
import os
from PySide6.QtCore import QSettings
from desktop.ui.app import ensure_app
app = ensure_app()
for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(fmt, QSettings.Scope.UserScope, {str(tmp_path / "settings")!r})
from desktop.store.lock import open_locked
from desktop.ui import shell
from desktop.ui.main_window import MainWindow
store, lock = open_locked({str(seeded_path)!r})
w = shell.new_window(store, lock, factory=MainWindow)
app.processEvents()
t0, t1 = w.timeline.canvas.visible_range()
print(w.width(), w.height(), w.timeline.model.group_by, round(t0), round(t1))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    _w, h, group, t0, t1 = out.stdout.split()
    assert (int(h), group) == (555, "none")  # width: fitted to the 800px offscreen screen
    assert abs(int(t0) - 1.5e9) < 60 and abs(int(t1) - 1.65e9) < 60


# -- themes ---------------------------------------------------------------------------------------
def test_theme_switch_changes_the_palette_and_persists(window, qapp):
    ctrl = shell.install(window)
    ctrl.actions["theme_dark"].trigger()
    base = qapp.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 80
    qapp.processEvents()  # widgets hear of the new application palette through events
    assert window.timeline.canvas.palette().color(QPalette.ColorRole.Base) == base
    assert settings.theme_choice() == "dark"
    assert ctrl.actions["theme_dark"].isChecked()
    ctrl.actions["theme_light"].trigger()
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() > 200
    assert settings.theme_choice() == "light" and ctrl.actions["theme_light"].isChecked()
    ctrl.actions["theme_system"].trigger()
    assert settings.theme_choice() == "system"
    assert qapp.property("dossier_dark") == theme.system_is_dark()


def test_icons_are_rendered_from_svg_at_200_percent(window):
    ctrl = shell.install(window)
    zoom = next(a for a, name in ctrl._icons if name == "zoom-in")
    assert not zoom.icon().isNull()
    # the icon holds a pixmap rendered from the vector source at 2x, not an upscaled 1x one
    sharp = zoom.icon().pixmap(QSize(24, 24), 2.0)
    assert (sharp.width(), sharp.height()) == (48, 48)
    image = theme._render(theme._svg_source("zoom-in"), "#ffffff", 24, 2.0).toImage()
    assert (image.width(), image.height()) == (48, 48) and image.devicePixelRatio() == 2.0
    pixels = [image.pixelColor(x, y) for x in range(48) for y in range(48)]
    assert any(c.alpha() == 255 and c.lightness() == 255 for c in pixels)  # stroke recoloured
    assert theme.themed_icon("no-such-icon").isNull()


# -- Help -----------------------------------------------------------------------------------------
def test_shortcuts_sheet_lists_every_action_and_timeline_key(window, monkeypatch):
    ctrl = shell.install(window)
    seen = []
    monkeypatch.setattr(help, "show_dialog", seen.append)
    ctrl.actions["shortcuts"].trigger()
    (dialog,) = seen
    rows = dialog.rows()
    actions = {r[1] for r in rows}
    for name in ("Open…", "Undo", "Zoom in", "Keyboard shortcuts", "Quit", "Dark"):
        assert name in actions, name
    keys = {(r[0], r[2]) for r in rows}
    assert ("File", "Ctrl+O") in keys
    for key in window.timeline.canvas._keys():
        from PySide6.QtGui import QKeySequence

        text = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        assert ("Timeline", text) in keys, text
    assert all(r[1] != "Timeline action" for r in rows)  # every canvas key is described
    assert ("Timeline", "Ctrl+A") in keys and ("Timeline", "Shift+Drag") in keys
    assert not any("Open Recent" in r[0] for r in rows)  # the user's files are not shortcuts


def test_about_names_versions_path_and_schema(window, monkeypatch):
    ctrl = shell.install(window)
    seen = []
    monkeypatch.setattr(help, "show_dialog", seen.append)
    ctrl.actions["about"].trigger()
    (box,) = seen
    text = box.informativeText()
    assert "Dossier 0." in text and "Python 3." in text and "Qt 6." in text and "SQLite 3." in text
    assert str(window.store.path) in text
    assert f"Schema version: {migrations.SCHEMA_VERSION}" in text
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_empty_hint_only_on_an_empty_database(qtbot, tmp_path, window):
    from desktop.ui.main_window import MainWindow

    assert not shell.install(window).empty_hint.label.isVisible()
    store = create_empty(tmp_path / "empty.db")
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        ctrl = shell.install(w)
        w.resize(1200, 800)
        w.show()
        qtbot.waitExposed(w)
        label = ctrl.empty_hint.label
        assert label.isVisible() and "no events" in label.text()
        assert label.geometry().center().x() == pytest.approx(w.timeline.canvas.width() / 2, abs=3)
        w.close()
    finally:
        store.close()


# -- hostile files --------------------------------------------------------------------------------
def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"hello, this is not a database at all")


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("damage", "title", "words"),
    [
        (_corrupt, "", "damaged|not an SQLite|malformed"),
        (_not_sqlite, "Not a Dossier database", "not an SQLite database"),
        (_newer, "Made by a newer Dossier", "newer Dossier"),
        (_foreign, "Not a Dossier database", "not a Dossier database"),
    ],
)
def test_hostile_file_gets_a_dialog_and_stays_unchanged(
    window, qtbot, shown, seeded_path, tmp_path, damage, title, words
):
    import re

    hostile = tmp_path / "hostile.db"
    shutil.copy(seeded_path, hostile)
    damage(hostile)
    before = digest(hostile)
    result = opening.attempt_open(hostile)
    assert not result.ok and re.search(words, result.message)
    assert title in result.title
    assert shell.install(window).open_path(hostile) is None
    assert shown and re.search(words, shown[-1][1]) and "not changed" in shown[-1][1]
    assert window.isVisible() and all(w.store.path != hostile for w in shell._WINDOWS)
    assert digest(hostile) == before
    assert is_locked(hostile) is None  # a refusal leaves no lock behind


def test_read_only_file_is_refused_unchanged(window, shown, seeded_template, tmp_path, monkeypatch):
    target = tmp_path / "ro.db"
    shutil.copy(seeded_template, target)
    target.chmod(0o444)
    before = digest(target)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if m == os.W_OK else real(p, m))
    assert shell.install(window).open_path(target) is None
    assert "read-only" in shown[-1][1] and "Cannot write" in shown[-1][0]
    assert digest(target) == before
    # the same file opens for browsing
    monkeypatch.undo()
    result = opening.attempt_open(target, readonly=True)
    assert result.ok and result.lock is None
    result.store.close()
    assert digest(target) == before


def _mount_tmpfs(where: Path) -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def test_full_disk_is_refused_unchanged(window, shown, tmp_path, monkeypatch):
    mnt = tmp_path / "small"
    if _mount_tmpfs(mnt):  # a real full disk
        try:
            db = mnt / "x.db"
            create_empty(db).close()
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA journal_mode = DELETE")  # opening must switch it to WAL
            conn.close()
            fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * 4096)
            os.close(fd)
            before = digest(db)
            assert shell.install(window).open_path(db) is None
            assert digest(db) == before
        finally:
            subprocess.run(["umount", str(mnt)], check=False)
    else:  # no tmpfs here: SQLite's own error, as a full disk gives it
        import desktop.store.database as database

        db = tmp_path / "x.db"
        create_empty(db).close()
        before = digest(db)

        def full(*_a, **_k):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(database, "_prepare", full)
        assert shell.install(window).open_path(db) is None
        assert digest(db) == before
    assert "disk is full" in shown[-1][1] and "The disk is full" in shown[-1][0]


def test_a_database_open_in_another_process_is_refused_with_its_pid(
    window, shown, seeded_template, tmp_path
):
    target = tmp_path / "busy.db"
    shutil.copy(seeded_template, target)
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.store.lock import DatabaseLock; "
            f"DatabaseLock({str(target)!r}).acquire(); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "ok"
            before = digest(target)
            result = opening.attempt_open(target)
            assert not result.ok and result.title == "Already open"
            assert f"already open in another Dossier window (pid {holder.pid})" in result.message
            assert shell.install(window).open_path(target) is None
            assert f"pid {holder.pid}" in shown[-1][1]
            assert digest(target) == before
        finally:
            holder.kill()
    # the system dropped the lock with the process: no stale lock
    result = opening.attempt_open(target)
    assert result.ok
    result.store.close()
    result.lock.release()


def test_lock_refuses_a_second_open_in_the_same_process(seeded_path):
    lock = DatabaseLock(seeded_path).acquire()
    try:
        result = opening.attempt_open(seeded_path)
        assert not result.ok and f"(pid {os.getpid()})" in result.message
    finally:
        lock.release()
    assert is_locked(seeded_path) is None


def test_run_app_refuses_a_hostile_file_with_exit_1(shown, tmp_path, capsys, monkeypatch):
    from desktop.ui import app

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite")
    assert not app.can_show_dialogs()  # offscreen: printed only, no dialog nobody could close
    assert app.run_app(path=bad) == 1
    assert "not an SQLite database" in capsys.readouterr().err and not shown
    monkeypatch.setattr(app, "can_show_dialogs", lambda: True)  # with a screen: the dialog too
    assert app.run_app(path=bad) == 1
    assert shown and "not an SQLite database" in shown[-1][1]
    assert bad.read_bytes() == b"not sqlite"


def test_run_app_refuses_a_store_whose_file_is_locked(shown, seeded_path, capsys):
    from desktop.ui.app import run_app

    lock = DatabaseLock(seeded_path).acquire()
    store = open_store(seeded_path, readonly=True)
    store.readonly = False  # as a caller that opened it for writing
    # should the refusal ever fail, the window it opens is closed instead of hanging the test
    QTimer.singleShot(500, lambda: [w.close() for w in list(shell._WINDOWS)])
    try:
        assert run_app(store) == 1
        assert "already open" in capsys.readouterr().err
    finally:
        lock.release()


def test_refusal_dialog_is_plain_text(monkeypatch, tmp_path):
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(opening, "critical", boxes.append)
    path = tmp_path / "<b>bold<\\b>.db"
    path.write_bytes(b"x")
    opening.show_refusal(None, opening.attempt_open(path))
    assert boxes[0].textFormat() == Qt.TextFormat.PlainText
    assert boxes[0].icon() == QMessageBox.Icon.Critical
    assert "<b>bold<\\b>.db" in boxes[0].text()


def test_run_app_opens_the_window_and_releases_everything_at_the_end(seeded_path, qapp):
    from desktop.ui.app import run_app

    seen = {}

    def close_it():
        (window,) = [w for w in shell._WINDOWS if w.store.path == seeded_path]
        seen["title"] = window.windowTitle()
        seen["locked"] = is_locked(seeded_path) is not None
        window.close()

    QTimer.singleShot(100, close_it)
    assert run_app(path=seeded_path) == 0
    assert seen == {"title": "Dossier — dossier.db", "locked": True}
    assert is_locked(seeded_path) is None and not shell._WINDOWS


def test_screenshots_neither_read_nor_write_the_saved_layout(qtbot, seeded_path, qapp):
    """With the app property dossier_no_persist (set by `dossier screenshot`) nothing is
    restored, saved or added to the recent files."""
    from desktop.ui.main_window import MainWindow

    store = open_store(seeded_path)
    qapp.setProperty("dossier_no_persist", True)
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        ctrl = shell.install(w)
        w.show()
        w.timeline.group.setCurrentIndex(w.timeline.group.findData("kind"))
        w.close()
        assert not ctrl.persist and not ctrl.restored_geometry
        assert load_ui_state(store, TIMELINE_KEY) == {}
        assert settings.window_layout(seeded_path) == (None, None)
        assert settings.recent_files() == []
    finally:
        qapp.setProperty("dossier_no_persist", None)
        store.close()
