"""The import mapping's 'extra' value (no field, never guessed, kept in the summary's extra line)
and :func:`read_columns` (a file's columns as its reader sees them, title and date or not)."""

import json
import sqlite3

import pytest

from desktop.cli import main
from desktop.store.io import ImportFileError, apply_import, plan_import
from desktop.store.io.formats import open_source, read_columns
from desktop.store.io.readers import EXTRA, IGNORE, field_name, resolve_mapping

NOTES_CSV = (
    "Headline,Date,Description,Notes\nWAIC opens,2024-07-04,Shanghai,bring badge\nQwen2,2024-06,,\n"
)


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding, newline="")
    return path


# -- 'extra' ----------------------------------------------------------------------------------
def test_field_name_accepts_extra():
    assert field_name("extra") == EXTRA
    assert field_name(" Extra ") == EXTRA
    assert field_name("keep") == EXTRA
    assert field_name("-") == IGNORE
    with pytest.raises(ImportFileError, match="'extra' to keep it"):
        field_name("extras-ish")


def test_extra_is_never_guessed_and_may_repeat():
    columns = ("title", "date", "notes", "summary")
    guessed = resolve_mapping(columns, {}, {"summary": ("notes", "summary")})
    assert guessed["notes"] == "summary"
    mapping = resolve_mapping(
        columns, {"notes": "extra", "summary": "extra"}, {"summary": ("notes", "summary")}
    )
    assert mapping == {"notes": EXTRA, "summary": EXTRA}  # no guess took either
    with pytest.raises(ImportFileError, match="both"):
        resolve_mapping(columns, {"notes": "title", "title": "title"}, {})


def test_csv_column_mapped_to_extra_stays_out_of_the_summary_field(tmp_path, empty_store):
    path = write(tmp_path / "n.csv", "Headline,Date,Notes\nWAIC,2024-07-04,bring badge\n")
    guessed = plan_import(path)
    assert guessed.mapping["Notes"] == "summary"  # "notes" is a guess for the summary
    assert guessed.preview[0].summary == "bring badge"
    plan = plan_import(path, mapping={"Notes": "extra"})
    assert plan.mapping == {"Headline": "title", "Date": "start", "Notes": "extra"}
    assert plan.preview[0].summary == 'extra: {"Notes": "bring badge"}'
    assert "summary" in plan.provided
    assert any("Notes" in note for note in plan.notes)
    apply_import(empty_store, plan)
    got = empty_store.conn.execute("SELECT summary FROM events").fetchall()
    assert got == [('extra: {"Notes": "bring badge"}',)]


def test_csv_extra_keeps_the_guessed_summary_apart(tmp_path):
    path = write(tmp_path / "n.csv", NOTES_CSV)
    plan = plan_import(path, mapping={"Notes": "extra"})
    assert plan.mapping["Description"] == "summary"
    first, second = plan.preview
    assert first.summary == 'Shanghai\n\nextra: {"Notes": "bring badge"}'
    assert second.summary is None  # empty extra values are left out
    left_out = plan_import(path, mapping={"Notes": "-"})
    assert left_out.preview[0].summary == "Shanghai"


def test_jsonl_key_mapped_to_extra(tmp_path):
    lines = [
        {"title": "WAIC", "date": "2024-07-04", "notes": "bring badge", "summary": "Shanghai"},
        {"title": "Qwen2", "date": "2024-06", "notes": "open weights"},
    ]
    path = write(tmp_path / "e.jsonl", "".join(json.dumps(o) + "\n" for o in lines))
    assert plan_import(path).preview[1].summary == "open weights"  # guessed as the summary
    plan = plan_import(path, mapping={"notes": "extra"})
    assert plan.mapping["notes"] == EXTRA
    assert [e.summary for e in plan.preview] == [
        'Shanghai\n\nextra: {"notes": "bring badge"}',
        'extra: {"notes": "open weights"}',
    ]


def test_cli_map_extra(seeded_path, tmp_path, capsys):
    path = write(tmp_path / "n.csv", "Headline,When,Notes\nImported WAIC,2024-07-04,badge\n")
    argv = ["import", str(path), "--db", str(seeded_path), "--map", "When=start"]
    assert main([*argv, "--map", "Notes=extra"]) == 0
    assert "created 1" in capsys.readouterr().out
    conn = sqlite3.connect(seeded_path)
    try:
        got = conn.execute("SELECT summary FROM events WHERE title = 'Imported WAIC'").fetchall()
    finally:
        conn.close()
    assert got == [('extra: {"Notes": "badge"}',)]
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "'extra' keeps it" in capsys.readouterr().out


# -- read_columns -----------------------------------------------------------------------------
def test_read_columns_csv_with_bom_and_semicolons(tmp_path):
    bom = write(tmp_path / "bom.csv", "Titel,Datum,Wer\nA,2024,B\n", "utf-8-sig")
    assert read_columns(bom) == ("csv", ("Titel", "Datum", "Wer"))  # no BOM in the first name
    semi = write(tmp_path / "semi.csv", "Was;Wann;Wer, und wie\nA;2024;B\n")
    assert read_columns(semi) == ("csv", ("Was", "Wann", "Wer, und wie"))
    u16 = write(tmp_path / "u16.csv", "标题\t日期\n通义千问\t2024-05\n", "utf-16")
    assert read_columns(u16) == ("csv", ("标题", "日期"))
    dup = write(tmp_path / "dup.tsv", "date\t\tdate\n")
    assert read_columns(dup) == ("csv", ("date", "column 2", "date (2)"))


def test_read_columns_matches_the_reader(tmp_path):
    path = write(tmp_path / "r.csv", "\ufefftitle;date;Notes\nA;2024;n\n")
    assert read_columns(path)[1] == open_source(path, None, {}).columns


def test_read_columns_without_a_date_column(tmp_path):
    path = write(tmp_path / "nodate.csv", "Headline,Company,Notes\nA,B,C\n")
    with pytest.raises(ImportFileError, match="no column for the date"):
        open_source(path, None, {})
    assert read_columns(path) == ("csv", ("Headline", "Company", "Notes"))
    assert read_columns(path, "timesketch") == ("timesketch", ("Headline", "Company", "Notes"))


def test_read_columns_jsonl(tmp_path):
    text = '\n[1, 2]\n{"message": "m", "where": "Shanghai"}\n{"other": 1}\n'
    path = write(tmp_path / "e.jsonl", text)
    assert read_columns(path) == ("jsonl", ("message", "where"))
    bom = write(tmp_path / "bom.jsonl", '{"Was": "A", "Wer": "B"}\n', "utf-8-sig")
    assert read_columns(bom, "jsonl") == ("jsonl", ("Was", "Wer"))
    assert plan_import(bom, mapping={"Was": "title"}).columns == ("Was", "Wer")


def test_read_columns_timelinejs_and_refusals(tmp_path):
    tl = write(tmp_path / "tl.json", '{"events": []}')
    assert read_columns(tl) == ("timelinejs", ())
    with pytest.raises(ImportFileError, match="not a file"):
        read_columns(tmp_path / "missing.csv")
    with pytest.raises(ImportFileError, match="no header row"):
        read_columns(write(tmp_path / "empty.csv", "\n"))
    with pytest.raises(ImportFileError, match="no JSON object"):
        read_columns(write(tmp_path / "none.jsonl", "[1]\n"), "jsonl")
    with pytest.raises(ImportFileError, match="unknown format"):
        read_columns(tl, "xml")
