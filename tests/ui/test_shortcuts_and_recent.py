"""Help ▸ Keyboard shortcuts shows its Keys column in full; File ▸ Open Recent names the
folder as well as the file."""

from pathlib import Path

from desktop.ui import shell
from desktop.ui.shell import help, settings


def test_shortcuts_dialog_shows_every_key_in_full(window, monkeypatch, qtbot):
    ctrl = shell.install(window)
    seen = []
    monkeypatch.setattr(help, "show_dialog", seen.append)
    ctrl.actions["shortcuts"].trigger()
    (dialog,) = seen
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(r[2]) for r in dialog.rows())
    assert table.columnWidth(2) >= widest  # no key text cut off
    right = table.columnViewportPosition(2) + table.columnWidth(2)
    assert right <= table.viewport().width()  # and the column is inside the view
    assert table.horizontalScrollBar().maximum() == 0
    for column in (0, 1):
        text_width = max(metrics.horizontalAdvance(r[column]) for r in dialog.rows())
        assert table.columnWidth(column) >= min(text_width, 120)


def test_recent_label_shows_the_folder():
    home = Path.home()
    assert settings.recent_label(home / ".local/share/Dossier/dossier.db") == (
        "dossier.db — ~/.local/share/Dossier"
    )
    assert settings.recent_label(home / "w.db") == "w.db — ~"
    assert settings.recent_label(Path("/srv/data/w.db")) == "w.db — /srv/data"


def test_open_recent_entries_name_their_folder(window, tmp_path):
    ctrl = shell.install(window)
    first, second = tmp_path / "a" / "dossier.db", tmp_path / "b" / "dossier.db"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(b"")
        settings.add_recent(path)
    ctrl.recent_menu.rebuild()
    texts = {a.data(): a.text() for a in ctrl.recent_menu.file_actions()}
    a_text, b_text = texts[str(first.resolve())], texts[str(second.resolve())]
    assert a_text != b_text
    assert str(first.resolve().parent) in a_text.replace("~", str(Path.home()))
    assert a_text.startswith("&2 dossier.db — ") and b_text.startswith("&1 dossier.db — ")
