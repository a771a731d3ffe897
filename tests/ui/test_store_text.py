"""The store's messages in a Chinese window (desktop/ui/store_text.py): real refusals, errors and
import skip reasons made by the store come out in Chinese with their paths, numbers and data
kept; an unknown message comes back as it is; and every message the store and the domain raise
to a person has a template in the table (a scan of their source)."""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path

import pytest

from desktop.domain.grades import Grade, GradeError, parse_reliability
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store import edits
from desktop.store.database import open_store
from desktop.store.errors import DISK_FULL, StoreError, store_error
from desktop.store.files import check_output
from desktop.store.io.importers import plan_import
from desktop.store.library import create_empty
from desktop.ui import i18n, store_text
from desktop.ui.store_text import TEMPLATES, match

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-z]{2,}(?:['’][A-Za-z]+)*")  # "it's" one word; 'check' quoted

# English that stays in the Chinese sentences, with the reason:
KEPT = {
    # names of programs and formats, as in tests/ui/test_i18n.py
    "Dossier", "SQLite", "CSV", "JSON", "TimelineJS", "UTC", "UTF", "FIFO", "NUL", "UUID",
    # commands and their arguments, typed as they are
    "dossier", "check", "init", "PATH", "sqlite", "sqlite3", "utils", "chmod", "am",
    # units
    "MB", "kB",
    # the keys and field names of the files read, which the person sees in the file
    "KEY", "event", "org", "claim", "headline", "text", "media", "year", "events", "extra",
    "timestamp", "datetime", "message", "title", "era", "yes", "no", "true", "false", "null",
    "dossier.orgs", "orgs",
}  # fmt: skip


def _data_words(message: str) -> set[str]:
    """The words of ``message``'s variable parts, which are kept as they are (a nested message
    counts only its own variable parts: its wording must be translated too)."""
    found = match(message)
    if found is None:
        return set()
    words: set[str] = set()
    for name, value in found[1].items():
        if name in store_text.NESTED:
            words |= _data_words(value)
        elif name in store_text.LISTED:
            for part in value.split("; "):
                words |= _data_words(part)
        elif name in store_text.WORDED and value in store_text.WORDS:
            continue
        else:
            words |= set(WORD.findall(value))
    return words


def assert_chinese(message: str) -> str:
    """``message`` is known to the table and its Chinese has no English but its data."""
    assert match(message) is not None, f"no template for {message!r}"
    shown = store_text.store_text(message)
    assert shown != message
    assert re.search(r"[\u4e00-\u9fff]", shown), shown
    english = set(WORD.findall(shown)) - _data_words(message) - KEPT
    assert not english, f"{message!r} -> {shown!r} keeps English {sorted(english)}"
    return shown


# -- real messages, made by the store --------------------------------------------------------
def _refusal(path: Path, **kw: object) -> str:
    with pytest.raises(StoreError) as caught:
        open_store(path, **kw)  # type: ignore[arg-type]
    return str(caught.value)


def test_refusals_to_open_come_out_in_chinese(chinese, tmp_path: Path) -> None:
    junk = tmp_path / "notes 2024.db"
    junk.write_bytes(b"this is not a database, only some text\n" * 40)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).close()
    sqlite3.connect(bare).execute("CREATE TABLE t (x)").connection.commit()
    foreign = tmp_path / "foreign.db"
    create_empty(foreign).close()
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TRIGGER spy AFTER INSERT ON events BEGIN SELECT 1; END")
    newer = tmp_path / "newer.db"
    create_empty(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    cut = tmp_path / "cut.db"
    create_empty(cut).close()
    with cut.open("r+b") as fh:
        fh.truncate(cut.stat().st_size - 4096 - 100)  # part of a page, and more, gone
    messages = [
        _refusal(cut),
        _refusal(junk),
        _refusal(empty),
        _refusal(bare),
        _refusal(foreign),
        _refusal(newer),
        _refusal(tmp_path / "missing.db"),
        str(store_error(sqlite3.OperationalError("database is locked"), junk)),
        str(store_error(sqlite3.OperationalError("attempt to write a readonly database"), junk)),
        str(store_error(sqlite3.DatabaseError("database disk image is malformed"), junk)),
        DISK_FULL,
    ]
    shown = [assert_chinese(m) for m in messages]
    assert "字节页的整数倍" in shown.pop(0)  # "its size (N bytes) is not a whole number ..."
    assert str(junk) in shown[0] and "SQLite" in shown[0]
    assert "spy" in shown[3]  # the trigger's name, as the store named it
    assert "999" in shown[4]
    assert shown[6].startswith(str(junk))  # the path kept whole, spaces and all
    assert shown[-1] == "磁盘已满；什么也没有写入"


def test_refusals_to_write_come_out_in_chinese(chinese, tmp_path: Path) -> None:
    store = open_store(tmp_path / "open.db", create=True)
    try:
        for target, kw in (
            (tmp_path, {}),
            (store.path, {"protect": (store.path,)}),
            (tmp_path / "no folder" / "x.md", {}),
        ):
            with pytest.raises(StoreError) as caught:
                check_output(target, **kw)  # type: ignore[arg-type]
            assert_chinese(str(caught.value))
    finally:
        store.close()


def test_import_skip_reasons_and_refusals_come_out_in_chinese(chinese, tmp_path: Path) -> None:
    csv = tmp_path / "events.csv"
    csv.write_text(
        "title,date,era\n"
        "Fine,2024-07-04,no\n"
        ",2024-07-05,no\n"  # no title
        "Bad date,not a date at all,no\n"
        "No date,,no\n"
        "Era,2024-07-06,perhaps\n"
        "Backwards,2024-07-09/2024-07-01,no\n"
        "Too,many,values,here\n",
        encoding="utf-8",
    )
    plan = plan_import(csv, None, {})
    assert plan.valid == 1 and len(plan.skipped) == 6, plan.skipped
    for skipped in plan.skipped:
        where = store_text.store_text(skipped.where)
        assert re.fullmatch(r"第 \d+ 行", where), where
        assert_chinese(skipped.reason)
        assert_chinese(str(skipped))
    no_date = tmp_path / "no date.csv"
    no_date.write_text("title,place\nA,B\n", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        plan_import(no_date, None, {})
    shown = assert_chinese(str(caught.value))
    assert "no date.csv" in shown and "place" in shown  # the file's name and its columns


def test_edit_form_errors_come_out_in_chinese(chinese, empty_store) -> None:
    problems = edits.check(
        empty_store, "event", {"title": "", "start": "32 Foo 2024", "end": "", "era": False}
    )
    assert problems
    for message in problems.values():
        assert_chinese(message)
    with pytest.raises(edits.FieldError) as caught:
        edits.create(empty_store, "event", {"title": "WAIC", "start": "2024-13-45"})
    assert_chinese(caught.value.message)
    shown = assert_chinese(str(caught.value))  # "event start date: cannot read ..."
    assert "2024-13-45" in shown and shown.startswith("事件的开始日期")
    for bad in ("early Smarch 2024", "1 Jan 2024 – 1 Jan 2020", "25:99 4 Jul 2024"):
        with pytest.raises(DateParseError) as date_error:
            PartialDate.parse(bad)
        assert_chinese(str(date_error.value))
    with pytest.raises(GradeError) as grade_error:
        Grade.parse("Z9")
    with pytest.raises(GradeError) as grade_error2:
        parse_reliability("Q")
    assert_chinese(str(grade_error2.value))
    assert_chinese(str(grade_error.value))


# -- the table itself --------------------------------------------------------------------------
SAMPLES = {
    "reason": "the disk is full",
    "first": "row 3: no title",
    "problems": "missing: trigger x",
}


def _sample(template: str) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in store_text.NUMBERS:
            return "1,234"
        if name in store_text.WORDED:
            return "event"
        return SAMPLES.get(name, f"/tmp/a b/{name}.db")

    return store_text._PLACEHOLDER.sub(fill, template)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_reads_back_its_own_message(chinese, template: str) -> None:
    """A message made from each template is read back as that template (no other, more
    specific one shadows it) and comes out in Chinese with its variable parts kept."""
    message = _sample(template)
    found = match(message)
    assert found is not None and found[0] == template, (message, found)
    shown = assert_chinese(message)
    for value in found[1].values():
        if value not in SAMPLES.values() and value != "event":
            assert value in shown


def test_unknown_and_english_messages_come_back_unchanged(chinese, qapp) -> None:
    for text in ("something the table has never seen", "", "宁可不写也不丢", "row x is y z"):
        assert store_text.store_text(text) == text
    assert store_text.store_text(StoreError("nothing known here")) == "nothing known here"
    i18n.install("en")
    message = "/tmp/x.db is not an SQLite database"
    assert store_text.store_text(message) == message


# -- every message the store raises to a person has a template ----------------------------------
# files whose messages never reach the window, with the reason
NOT_SHOWN = {
    "store/bundle.py": "annotation bundles are read and written by the command line only",
    "store/seeds.py": "the seed files ship with Dossier; an error there is a packaging fault",
    "store/migrations.py": "internal checks of a migration (RuntimeError), never a refusal",
    "store/check.py": "'dossier check' is a command",
}
# messages the scan cannot fill by itself (a part that is a phrase or nothing), with the
# templates that cover them
COVERED_BY_VARIANTS = {
    "{path} {what}; nothing was changed": "is not an SQLite database / is empty",
    "{path} already exists{hint}": "{path} already exists; the hint is the command line's",
    "{self.db_path} is already open in another Dossier window{who}; switch to that window or"
    " close it first": "with and without (pid {pid})",
    "{db} is open in a Dossier window{who}; close it before replacing the file": "with and"
    " without (pid {pid})",
    "{target} is {what}; choose another file": "the database itself / part of the open database",
    "{target} is {kind}": "a folder / a device / a pipe / a socket / not a regular file",
    "cannot write {target}: the folder {why}": "is not a folder / does not exist",
    "{path.name} holds no JSON object per line{why}": "(it has none) / : {reason}",
    "{path.name}: the header is not UTF-8 text{where}; save as UTF-8": "with and without the byte",
    "{path.name}: {what} cannot be imported{example}{why}; nothing was written (fix them, or"
    " import the rest with --partial)": "three templates: with and without the first row, a"
    " changed file",
}
COVERED_BY_VARIANTS |= {
    "{not_utf8(exc, start)}; save the file as UTF-8": "is not UTF-8 text (byte {byte} at offset"
    " {offset}); save the file as UTF-8",
    "{path.name} {not_utf8(exc, bom)}; save it as UTF-8": "{name} is not UTF-8 text (byte"
    " {byte} at offset {offset}); save it as UTF-8",
}
RAISED = ("Error", "Refused", "Cancelled", "Skipped")


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                out.append(str(v.value))
            else:
                assert isinstance(v, ast.FormattedValue)
                out.append("{" + ast.unparse(v.value) + "}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None


def _raised_messages() -> list[tuple[str, int, str]]:
    """(file, line, template) of each message given to an error a person may see: a
    StoreError of any kind, a RowError (a skip reason), a DateParseError or a GradeError (an
    edit form's), a Skipped row's reason and a FieldError's message."""
    found = []
    for sub in ("store", "domain"):
        for path in sorted((ROOT / "desktop" / sub).rglob("*.py")):
            rel = str(path.relative_to(ROOT / "desktop"))
            if rel in NOT_SHOWN:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                f = node.func
                name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
                if name in ("ValueError", "KeyError", "TypeError", "OSError", "RuntimeError",
                            "AssertionError"):  # fmt: skip
                    if rel != "domain/partial_date.py":  # its ValueErrors end in a date error
                        continue
                elif not name.endswith(RAISED):
                    continue
                index = {"FieldError": 2, "Skipped": 1}.get(name, 0)  # the message's place
                if index >= len(node.args):
                    continue
                text = _template(node.args[index])
                if text is not None:
                    found.append((rel, node.lineno, text))
    return found


def test_every_message_the_store_raises_has_a_template(chinese) -> None:
    """Each f-string given to a store or domain error, its parts filled with '7' (or 'event',
    for a kind of row), is read by
    a template of the table; a new message without one fails here (add it to TEMPLATES, run
    sh resources/i18n/update.sh and translate it)."""
    raised = _raised_messages()
    assert len(raised) > 150, "the scan found too few messages: is it still reading the store?"
    missing = []
    seen_variants = set()
    for rel, line, text in raised:
        if text in COVERED_BY_VARIANTS:
            seen_variants.add(text)
            continue
        text = text.replace("{{", "(").replace("}}", ")")
        samples = (re.sub(r"\{[^{}]*\}", fill, text) for fill in ("7", "event"))  # a kind
        if not any(match(sample) for sample in samples):
            missing.append(f"{rel}:{line}: {text}")
    assert not missing, "no template in desktop/ui/store_text.py for:\n" + "\n".join(missing)
    assert seen_variants == set(COVERED_BY_VARIANTS), "stale: " + ", ".join(
        sorted(set(COVERED_BY_VARIANTS) - seen_variants)
    )


# -- where the window shows them ---------------------------------------------------------------
def test_the_import_dialog_shows_skip_reasons_and_failures_in_chinese(
    chinese, empty_store, qtbot, tmp_path: Path
) -> None:
    from desktop.ui.import_dialog import ImportDialog

    def settle(dialog: ImportDialog) -> None:
        qtbot.waitUntil(lambda: not dialog.busy and dialog.job is None, timeout=10_000)

    bad = tmp_path / "bad rows.csv"
    bad.write_text("title,date\nFine,2024-07-04\n,2024-07-05\nOdd,Smarch 2024\n", encoding="utf-8")
    dialog = ImportDialog(empty_store, bad)
    qtbot.addWidget(dialog)
    settle(dialog)
    table = dialog.skipped_table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in (0, 1)]
    assert cells == ["第 3 行", "没有标题", "第 4 行", "无法把 'Smarch 2024' 读作日期或日期范围"]
    unreadable = tmp_path / "no title.csv"
    unreadable.write_text("when,where\n2024-07-04,Shanghai\n", encoding="utf-8")
    failed = ImportDialog(empty_store, unreadable)
    qtbot.addWidget(failed)
    settle(failed)
    summary = failed.summary.text()
    assert "no title.csv：没有用作标题的列（各列：when, where）" in summary, summary
    english = set(WORD.findall(summary)) - {"no", "title", "csv", "when", "where"} - KEPT
    assert not english, summary


def test_a_refused_file_is_explained_in_chinese(chinese, tmp_path: Path, monkeypatch) -> None:
    from desktop.ui.shell import opening

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database\n" * 100)
    result = opening.attempt_open(junk)
    assert not result.ok and result.message and "is not an SQLite database" in result.message
    boxes: list = []
    monkeypatch.setattr(opening, "critical", boxes.append)
    opening.show_refusal(None, result)
    assert boxes[0].informativeText().startswith(f"{junk} 不是 SQLite 数据库；未做任何更改")


def test_an_edit_form_says_what_is_wrong_with_a_date_in_chinese(chinese, qtbot, window) -> None:
    from desktop.ui.editing import install

    editing = install(window)
    editing.actions["new_event"].trigger()
    dialog = editing.dialog
    qtbot.keyClicks(dialog.field("title").edit, "Zeta launch")
    qtbot.keyClicks(dialog.field("start").edit, "early Mayy 2024")
    error = dialog.error_labels["start"]
    assert error.isVisible()
    assert error.text().startswith("无法把 'early Mayy 2024' 读作日期"), error.text()
    dialog.reject()
