"""File ▸ Import… and the import preview: counts, mapping, bad rows, partial, cancel."""

import hashlib

import pytest

from desktop.ui.import_dialog import ImportDialog, install

GOOD = (
    "Headline,When,Company,Source URL\n"
    "Zhipu AI releases GLM-4,2024-01-16,Zhipu AI,https://example.org/a\n"
    "Moonshot raises funding,early Feb 2024,Moonshot AI;Brand New Lab,https://example.org/b\n"
    "Kimi long context,Mar 2024,Moonshot AI,\n"
)
BAD = GOOD + "Bad date row,Mai 2024,Baidu,\n,2024-05-01,Baidu,no title here\n"


def _events(store):
    return store.conn.execute("SELECT count(*) FROM events").fetchone()[0]


def _digest(store):
    rows = store.conn.execute("SELECT key, title, start, summary FROM events ORDER BY key")
    return hashlib.sha256(repr(rows.fetchall()).encode()).hexdigest()


@pytest.fixture
def make_dialog(window, qtbot, tmp_path):
    dialogs = []

    def make(text, name="events.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        dialog = ImportDialog(window.store, path, window)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        dialog.show()
        _settle(qtbot, dialog)
        return dialog

    yield make
    for dialog in dialogs:
        dialog.wait_jobs()


def _settle(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.busy and dialog.job is None, timeout=10_000)


def test_install_adds_file_import_once(window):
    ui = install(window)
    assert install(window) is ui and window.import_ui is ui
    texts = [a.text() for a in window.menus["file"].actions()]
    assert texts.count("&Import…") == 1
    assert texts.index("&Import…") < texts.index("&Quit")


def test_preview_counts_and_rows(make_dialog):
    dialog = make_dialog(GOOD)
    plan, report = dialog.plan, dialog.preview.report
    assert (plan.fmt, plan.total, plan.valid, plan.skipped_count) == ("csv", 3, 3, 0)
    assert (report.created, report.updated) == (3, 0)
    assert report.orgs_created == ["Brand New Lab"]
    assert "3 new" in dialog.summary.text() and "Brand New Lab" in dialog.summary.text()
    assert dialog.events_table.rowCount() == 3
    assert dialog.events_table.item(1, 1).text() == "early Feb 2024"
    assert dialog.mapping_combo("Headline").currentData() == "title"
    assert dialog.mapping_combo("Source URL").currentData() == "extra"  # kept in the summary
    assert not dialog.partial_box.isVisible()
    assert dialog.import_button.isEnabled()


def test_changing_the_mapping_plans_again(make_dialog, qtbot):
    dialog = make_dialog("Was,Wann,Wer\nGLM-4 release,2024-01-16,Zhipu AI\n")
    assert dialog.plan is None  # no column could be guessed as the title
    assert "cannot be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    combo = dialog.mapping_combo("Was")
    combo.setCurrentIndex(combo.findData("title"))
    _settle(qtbot, dialog)
    assert "cannot be imported" in dialog.summary.text()  # still no date
    combo = dialog.mapping_combo("Wann")
    combo.setCurrentIndex(combo.findData("start"))
    _settle(qtbot, dialog)
    assert dialog.plan.mapping == {"Was": "title", "Wann": "start"}
    assert dialog.plan.valid == 1
    assert dialog.import_button.isEnabled()
    # taking a field already used moves it: Wer becomes the title, Was is kept as extra
    combo = dialog.mapping_combo("Wer")
    combo.setCurrentIndex(combo.findData("title"))
    _settle(qtbot, dialog)
    assert dialog.plan.mapping == {"Wer": "title", "Wann": "start", "Was": "extra"}
    assert dialog.events_table.item(0, 0).text() == "Zhipu AI"
    assert dialog.mapping_combo("Was").currentData() == "extra"


def test_bad_rows_show_reasons_and_refuse_unless_partial(window, make_dialog, qtbot):
    before = _events(window.store)
    dialog = make_dialog(BAD)
    assert dialog.plan.skipped_count == 2
    reasons = [dialog.skipped_table.item(r, 1).text() for r in range(2)]
    assert dialog.skipped_table.item(0, 0).text() == "row 5"
    assert "Mai 2024" in reasons[0] and reasons[1] == "no title"
    assert dialog.partial_box.isVisible() and not dialog.partial_box.isChecked()
    assert not dialog.import_button.isEnabled()
    assert "Nothing will be written" in dialog.status.text()
    dialog.start_import()  # refused
    assert _events(window.store) == before and dialog.report is None
    dialog.partial_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert dialog.report.created == 3 and dialog.report.skipped == 2
    assert _events(window.store) == before + 3


def test_import_adds_events_and_the_window_follows(window, make_dialog, qtbot):
    before = _events(window.store)
    dialog = make_dialog(GOOD)
    imported = []
    dialog.sig_imported.connect(imported.append)
    dialog.import_button.click()
    assert dialog.busy or dialog.report is not None  # on a worker thread
    _settle(qtbot, dialog)
    assert imported and imported[0].created == 3
    assert _events(window.store) == before + 3
    assert "3 new" in dialog.status.text()
    assert dialog.cancel_button.text() == "Close"
    # the window reloaded: the status bar counts the new events
    assert any(
        f"{before + 3:,} events" in w.text()
        for w in window.statusBar().findChildren(type(dialog.status))
    )
    # importing the same file again updates rather than duplicates
    again = make_dialog(GOOD)
    assert (again.preview.report.created, again.preview.report.unchanged) == (0, 3)


def test_cancel_leaves_the_database_unchanged(window, make_dialog, qtbot):
    rows = "".join(f"Event {i},2024-01-{i % 28 + 1:02d},Zhipu AI,\n" for i in range(5000))
    store = window.store
    before, digest = _events(store), _digest(store)
    dialog = make_dialog("Headline,When,Company,URL\n" + rows)
    assert dialog.plan.valid == 5000
    dialog.import_button.click()
    assert dialog.busy
    dialog.cancel_button.click()  # sets the flag; the worker stops at its next check
    _settle(qtbot, dialog)
    assert "cancelled; nothing was written" in dialog.status.text()
    assert dialog.report is None
    assert _events(store) == before and _digest(store) == digest
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert dialog.import_button.isEnabled()  # can still import


def test_unreadable_file_shows_a_clear_error(make_dialog):
    dialog = make_dialog("not,a,timeline\n1,2,3\n")
    assert dialog.plan is None
    assert "no column for the title" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_timelinejs_hides_the_mapping(make_dialog):
    text = (
        '{"title": {"text": {"headline": "T"}}, "events": [{"start_date": {"year": 2024,'
        ' "month": 7}, "text": {"headline": "WAIC", "text": "Shanghai"}}]}'
    )
    dialog = make_dialog(text, "tl.json")
    assert dialog.plan.fmt == "timelinejs" and dialog.plan.valid == 1
    assert not dialog.mapping_group.isVisible()
    assert dialog.format_box.currentData() == "timelinejs"
    assert dialog.events_table.item(0, 1).text() == "Jul 2024"


def test_file_import_action_opens_the_preview(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "picked.csv"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    ui = install(window)
    ui.action.trigger()
    dialog = ui.dialog
    assert dialog is not None and dialog.isVisible() and dialog.path == path
    _settle(qtbot, dialog)
    assert dialog.plan.valid == 3
    dialog.reject()


def test_closing_the_window_mid_import_writes_nothing(window, make_dialog, qtbot, tmp_path):
    rows = "".join(f"Row {i},2024-02-{i % 28 + 1:02d},Zhipu AI\n" for i in range(5000))
    ui = install(window)
    path = tmp_path / "big.csv"
    path.write_text("Headline,When,Company\n" + rows, encoding="utf-8")
    before = _events(window.store)
    dialog = ui.open_dialog(path)
    _settle(qtbot, dialog)
    dialog.import_button.click()
    assert dialog.busy
    window.close()  # cancels and waits for the worker
    assert not dialog.busy
    assert _events(window.store) == before


def test_read_only_database_refuses_import(seeded_path, qtbot, tmp_path):
    from desktop.store.database import open_store

    store = open_store(seeded_path, readonly=True)
    path = tmp_path / "e.csv"
    path.write_text(GOOD, encoding="utf-8")
    dialog = ImportDialog(store, path)
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    assert dialog.plan.valid == 3
    assert not dialog.import_button.isEnabled()
    assert "read-only" in dialog.status.text()
    assert dialog.preview.report is None  # no dry run on a second, writable connection
    dialog.wait_jobs()
    store.close()


def test_in_memory_database_imports_in_place(empty_store, qtbot, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(GOOD, encoding="utf-8")
    dialog = ImportDialog(empty_store, path)
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    dialog.start_import()  # no second connection to ':memory:': imported in place
    _settle(qtbot, dialog)
    assert dialog.report.created == 3
    assert _events(empty_store) == 3


def test_keep_in_summary_sticks_for_a_guessed_column(make_dialog, qtbot):
    dialog = make_dialog("Headline,When,Notes\nGLM-4 release,2024-01-16,bring badge\n")
    assert dialog.plan.mapping["Notes"] == "summary"  # guessed from the name
    assert dialog.plan.preview[0].summary == "bring badge"
    dialog.set_mapping("Notes", "extra")
    _settle(qtbot, dialog)
    assert dialog.plan.requested["Notes"] == "extra"
    assert dialog.plan.mapping["Notes"] == "extra"  # not guessed back as the summary
    assert dialog.mapping_combo("Notes").currentData() == "extra"
    assert dialog.plan.preview[0].summary == 'extra: {"Notes": "bring badge"}'
    # another change keeps the choice
    dialog.set_mapping("Headline", "title")
    _settle(qtbot, dialog)
    assert dialog.plan.mapping["Notes"] == "extra"


def test_columns_shown_as_kept_stay_open_to_guesses(make_dialog, qtbot):
    # no title can be guessed: the columns are listed (semicolons, BOM) and all shown as kept
    dialog = make_dialog("\ufeffWas;date;Wer\nGLM-4 release;2024-01-16;Zhipu AI\n")
    assert dialog.plan is None
    assert [dialog.mapping_table.item(r, 0).text() for r in range(3)] == ["Was", "date", "Wer"]
    assert dialog.mapping_combo("date").currentData() == "extra"
    dialog.set_mapping("Was", "title")
    _settle(qtbot, dialog)
    assert dialog.plan.requested == {"Was": "title"}  # "date" was not pinned as extra
    assert dialog.plan.mapping == {"Was": "title", "date": "start"}
    assert dialog.plan.valid == 1


def test_when_every_row_is_read_the_bar_is_busy_while_the_file_is_saved(window, make_dialog, qtbot):
    """The index rebuild and the commit of a big import take seconds with no rows to count:
    the dialog says so on a busy bar instead of sitting on a full one."""
    dialog = make_dialog(GOOD)
    seen = []
    handle = dialog._on_progress

    def look(job, done, total):
        handle(job, done, total)
        seen.append((done, total, dialog.progress.maximum(), dialog.status.text()))

    dialog._on_progress = look  # (looked up on each signal)
    dialog.import_button.click()
    _settle(qtbot, dialog)
    done, total, maximum, text = seen[-1]
    assert done == total > 0 and maximum == 0 and text == "Every row read; saving the database…"
    assert dialog.report.created == 3
