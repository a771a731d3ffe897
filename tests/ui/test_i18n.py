"""The Simplified Chinese interface: the translation file is complete and current, the main
window built in zh_CN shows no English of its own, and ``--lang`` / View ▸ Language choose it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "dossier_zh_CN.ts"
QM = I18N / "dossier_zh_CN.qm"
BIN = Path(sys.executable).parent

# Words that stay as they are in a Chinese interface, with the reason:
KEPT_WORDS = {
    # the product's name (as in the window title and About), and names of programs and formats
    "Dossier", "SQLite", "CSV", "JSON", "JSONL", "TimelineJS", "Timesketch", "Markdown", "PDF",
    "PNG", "SVG", "Python", "Qt", "PySide6", "UTC",
    # key names, as printed on keyboards (and as Qt writes them in shortcuts)
    "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Home", "End", "PgUp", "PgDown", "Del",
    # a language's own name, as a language menu shows it
    "English",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")

# English words a pane still shows untranslated, each with the reason (none now). The test fails
# on English not listed here, and on an entry no longer seen: the list can only shrink.
NOT_YET_TRANSLATED: set[str] = set()


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def test_ts_has_every_message_translated() -> None:
    """No unfinished, obsolete or vanished message; a translation keeps the source's
    placeholders ({name}) and, for a menu text, an accelerator (&)."""
    assert TS.is_file()
    problems = []
    for context, msg in _messages(TS):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        kind = tr.get("type")
        text = tr.text or ""
        if kind in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
            continue
        wanted = sorted(re.findall(r"\{\w+\}", source))
        if sorted(re.findall(r"\{\w+\}", text)) != wanted:
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
        if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
            problems.append(f"{context}: {source!r} -> {text!r} loses its accelerator")
    assert not problems, "\n".join(problems)


def test_ts_holds_every_marked_string_in_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate over desktop/ui finds nothing new: every translate() and
    QT_TRANSLATE_NOOP string in the code is in the .ts (and translated, by the test above)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    run = subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
        capture_output=True,
        text=True,
        check=True,
    )
    missing = [
        f"{context}: {msg.findtext('source')!r}"
        for context, msg in _messages(copy)
        if msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not missing, "run sh resources/i18n/update.sh and translate:\n" + "\n".join(missing)
    assert "0 new" in run.stdout or "(0 new" in run.stdout, run.stdout


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    """The .qm the application loads is what pyside6-lrelease makes of the .ts now."""
    out = tmp_path / "out.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-nounfinished", str(TS), "-qm", str(out)],
        capture_output=True,
        check=True,
    )
    assert QM.read_bytes() == out.read_bytes(), "run sh resources/i18n/update.sh"


def test_language_names_and_choices(qapp) -> None:
    assert i18n.normalize("zh-CN") == i18n.normalize("zh_CN.UTF-8") == "zh_CN"
    assert i18n.normalize("en_GB") == i18n.normalize("C") == "en"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.normalize("fr")
    i18n.save_choice("zh_CN")
    assert i18n.saved_choice() == "zh_CN" and i18n.wanted_language() == "zh_CN"
    i18n.save_choice("system")
    assert i18n.saved_choice() == "system"


def test_numbers_and_dates_follow_the_language(chinese) -> None:
    from datetime import UTC, datetime

    assert QLocale().name() == "zh_CN"
    assert i18n.num(1234567) == "1,234,567"
    moment = datetime(2024, 7, 4, 12, 0, tzinfo=UTC)
    assert "2024/7/4" in i18n.date_time(moment)
    assert i18n.translate("Timeline", "Lanes: organization") == "泳道：按机构"


# -- the main window in Chinese ------------------------------------------------------------------
def _data_strings(store) -> list[str]:
    """What the database holds (names, titles, kinds, places, tags, the file's name): data,
    shown as written whatever the interface language. Longest first, to be cut out whole."""
    rows = []
    for sql in (
        "SELECT name, name_zh, aliases, kind, country FROM organizations",
        "SELECT title, kind, place FROM events",
        "SELECT name, name_zh, '', '', '' FROM people",
        "SELECT name, aliases, kind, '', '' FROM products",
        "SELECT tags, author, '', '', '' FROM annotations",
    ):
        for row in store.query(sql):
            for value in row.values():
                if not value:
                    continue
                text = str(value)
                if text.startswith("["):
                    rows += [str(v) for v in json.loads(text)]
                rows.append(text)
    rows += [store.path.name, str(store.path)]
    return sorted({r for r in rows if r}, key=len, reverse=True)


def _shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the texts a person reads in the window: titles, menus, actions,
    buttons, labels, placeholders, tooltips, combo box items, tabs, dock and column headers."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for action in window.findChildren(QAction):
        if action.isSeparator():
            continue
        name = action.objectName() or action.text()
        out += [(f"action {name}", action.text()), (f"tooltip of {name}", action.toolTip())]
        out.append((f"status tip of {name}", action.statusTip()))
    for menu in window.findChildren(QMenu):
        out.append((f"menu {menu.objectName()}", menu.title()))
    for w in window.findChildren(QWidget):
        where = f"{type(w).__name__} {w.objectName()}".strip()
        out.append((f"tooltip of {where}", w.toolTip()))
        if isinstance(w, (QDockWidget, QToolBar)):
            out.append((f"title of {where}", w.windowTitle()))
        if isinstance(w, QAbstractButton):
            out.append((f"text of {where}", w.text()))
        if isinstance(w, QLabel) and not w.text().lstrip().startswith("<"):
            out.append((f"text of {where}", w.text()))
        if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            out.append((f"placeholder of {where}", w.placeholderText()))
        if isinstance(w, QGroupBox):
            out.append((f"title of {where}", w.title()))
        if isinstance(w, QComboBox) and not w.isEditable():
            out += [(f"item of {where}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabBar):
            out += [(f"tab of {where}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            out += [
                (f"column header of {where}", str(model.headerData(c, _HORIZONTAL) or ""))
                for c in range(model.columnCount(QModelIndex()))
            ]
    return [(where, text) for where, text in out if text]


_HORIZONTAL = Qt.Orientation.Horizontal


def english_left(text: str, data: list[str]) -> list[str]:
    """The English words of ``text`` once data and the kept words are taken out."""
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return [w for w in WORD.findall(text) if w not in KEPT_WORDS]


def test_english_left_finds_english_and_spares_data() -> None:
    data = ["SenseTime", "WAIC 2024"]
    assert english_left("打开 SenseTime 的档案", data) == []
    assert english_left("Dossier — seed.db（只读）", ["seed.db"]) == []
    assert english_left("Open dossier of SenseTime", data) == ["Open", "dossier", "of"]
    assert english_left("放大（Ctrl++）", data) == []


def test_main_window_in_chinese_shows_no_english_of_its_own(chinese, qtbot, seeded_store):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(seeded_store)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    data = _data_strings(seeded_store)
    found, seen = [], set()
    for where, text in _shown_texts(window):
        words = " ".join(english_left(text, data))
        seen.add(words)
        if words and words not in NOT_YET_TRANSLATED:
            found.append(f"{where}: {text!r} ({words})")
    window.close()
    assert not found, f"{len(found)} texts not translated:\n" + "\n".join(sorted(set(found)))
    stale = NOT_YET_TRANSLATED - seen
    assert not stale, f"translated now, take them off NOT_YET_TRANSLATED: {sorted(stale)}"


def test_dossier_section_titles_are_translated(chinese, qtbot, seeded_store):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(seeded_store)
    qtbot.addWidget(window)
    window.show()
    window.open_org(next(o for o in window.org_list.model._rows if o.name == "SenseTime").id)
    view = window.dossiers.current_view()
    assert view is not None
    text = view.toPlainText()
    window.close()
    for chinese_title in ("人物", "说法", "来源"):
        assert chinese_title in text
    for english in ("People", "Claims", "Sources", "Not reviewed yet", "Also known as"):
        assert english not in text


def test_document_words_keep_data_and_rewrite_dates(chinese) -> None:
    from desktop.ui.document import words

    assert words.dates("4–6 Jul 2024") == "2024年7月4日–6日"
    assert words.dates("early May 2024") == "2024年5月上旬"
    assert words.dates("Q2 2024") == "2024年第二季度"
    assert words.dates("WAIC 2024") == "WAIC 2024"  # a name with a year is data
    meta = words.text("company · China · HQ Hong Kong · founded 2014", meta=True)
    assert meta == "company · China · 总部 Hong Kong · 成立于 2014"
    assert words.text("Also known as: SenseTime Group") == "又名：SenseTime Group"
    # data, even where it looks like a sentence or has a date, stays as written
    summary = "Chinese AI company; at WAIC 2024 (4 Jul 2024) it launched SenseNova 5.5"
    assert words.text(summary) == summary


def test_document_words_in_english_are_the_domain_text(qapp) -> None:
    from desktop.ui.document import words

    assert i18n.active_language() == "en"
    assert words.text("People") == "People"
    assert words.dates("4–6 Jul 2024") == "4–6 Jul 2024"


# -- the command line ---------------------------------------------------------------------------
def _dossier(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )


def test_lang_zh_cn_screenshot_draws_the_chinese_window(tmp_path, seeded_path):
    """``dossier --lang zh_CN screenshot`` draws the window in Chinese; the same window in
    English differs where the Chinese strings are (the search box's placeholder, say)."""
    zh, en = tmp_path / "zh.png", tmp_path / "en.png"
    for out, lang in ((zh, "zh_CN"), (en, "en")):
        run = _dossier("--lang", lang, "screenshot", str(out), "--db", str(seeded_path),
                       "--size", "1200x800", tmp_path=tmp_path)  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert out.is_file()
    a, b = QImage(str(zh)), QImage(str(en))
    assert a.size() == b.size() and a.width() == 1200
    assert a != b


def test_unknown_lang_is_one_line_and_exit_1(tmp_path):
    run = _dossier("--lang", "fr", "screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "zh_CN" in run.stderr
    assert not (tmp_path / "x.png").exists()


def test_take_lang_takes_the_option_anywhere() -> None:
    from desktop.cli.commands import take_lang

    assert take_lang(["--lang", "zh_CN", "screenshot", "a.png"]) == (
        "zh_CN",
        ["screenshot", "a.png"],
    )
    assert take_lang(["screenshot", "a.png", "--lang=en"]) == ("en", ["screenshot", "a.png"])
    assert take_lang(["x.db"]) == (None, ["x.db"])
    assert take_lang(["--lang"]) == ("", [])


# -- View ▸ Language ----------------------------------------------------------------------------
@pytest.fixture
def own_windows(qapp, monkeypatch, tmp_path):
    """Windows opened by the shell (they own their store), closed afterwards; the language
    put back as it was."""
    from desktop.ui import shell

    monkeypatch.setenv("DOSSIER_LOCK_DIR", str(tmp_path / "locks"))
    before = i18n.active_language()
    yield shell
    for window in list(shell._WINDOWS):
        window.close()
    qapp.processEvents()
    shell.close_all()
    i18n.set_override(None)
    i18n.install(before)


def test_view_language_rebuilds_the_window_in_the_chosen_language(own_windows, qtbot, seeded_path):
    from desktop.store.lock import open_locked
    from desktop.ui.main_window import MainWindow

    shell = own_windows
    store, lock = open_locked(seeded_path)
    first = shell.new_window(store, lock, factory=MainWindow)
    qtbot.waitExposed(first)
    first.open_org(next(o for o in first.org_list.model._rows if o.name == "SenseTime").id)
    first.timeline.canvas.set_range(1.70e9, 1.72e9, animate=False)
    assert first.search_ui.box.placeholderText().startswith("Search")
    assert first.shell.actions["language_system"].isChecked()

    first.shell.actions["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: first not in shell._WINDOWS or not first.isVisible())
    (second,) = [w for w in shell._WINDOWS if w.isVisible()]
    assert second is not first
    assert i18n.saved_choice() == "zh_CN" and i18n.active_language() == "zh_CN"
    assert second.search_ui.box.placeholderText() == "搜索事件、机构、人物…（Ctrl+F）"
    assert second.shell.actions["language_zh_CN"].isChecked()
    # the same database, still open and locked, the same dossier and range
    assert second.store is store and second.shell.owns_store and second.shell.lock is lock
    assert lock.held
    assert "SenseTime" in second.dossiers.tabText(second.dossiers.currentIndex())
    t0, t1 = second.timeline.canvas.visible_range()
    assert abs(t0 - 1.70e9) < 60 and abs(t1 - 1.72e9) < 60

    second.shell.actions["language_en"].trigger()
    qtbot.waitUntil(lambda: not second.isVisible())
    (third,) = [w for w in shell._WINDOWS if w.isVisible()]
    assert i18n.active_language() == "en"
    assert third.search_ui.box.placeholderText().startswith("Search")
    assert third.store is store and third.store.query("SELECT count(*) AS n FROM events")


def test_every_form_field_has_its_words_marked() -> None:
    """The store's table of fields has no Qt: its labels, hints and choice labels are marked
    in desktop/ui/field_words.py; a field added without them fails here."""
    from desktop.store.edits_fields import FIELDS
    from desktop.ui.field_words import FIELD_WORDS

    shown = {
        text
        for fields in FIELDS.values()
        for f in fields
        for text in (f.label, f.hint, *(f.choice_labels or ()))
        if text
    }
    assert not shown - set(FIELD_WORDS)
