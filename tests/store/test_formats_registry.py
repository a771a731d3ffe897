"""One table of formats: what the CLI offers, what the import dialog lists and what guessing
picks all come from it, and a format added to it is read and guessed with nothing else to
change."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.cli import main
from desktop.store.io import formats
from desktop.store.io.formats import EXPORTS, IMPORTS, Head, ImportFormat, detect_format
from desktop.store.io.readers import CsvSource


def test_the_command_line_offers_exactly_the_table(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "{" + ",".join(f.name for f in IMPORTS) + "}" in out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(f.name in out for f in EXPORTS)


def test_the_import_dialog_lists_the_table(qtbot, tmp_path, seeded_store):
    from desktop.ui.import_dialog.dialog import ImportDialog

    source = tmp_path / "a.csv"
    source.write_text("title,date\nA,2024-07-09\n", encoding="utf-8")
    dialog = ImportDialog(seeded_store, source)
    qtbot.addWidget(dialog)
    box = dialog.format_box
    assert [box.itemData(i) for i in range(box.count())] == [f.name for f in IMPORTS]


@pytest.mark.parametrize(
    "name,text,fmt",
    [
        ("a.csv", b"title,date\nA,2024\n", "csv"),
        ("a.txt", b"message,datetime,timestamp_desc\nA,2024-07-09T00:00:00Z,x\n", "timesketch"),
        ("a.jsonl", b'{"message": "A", "timestamp_desc": "x"}\n', "timesketch"),
        ("a.jsonl", b'{"title": "A", "date": "2024"}\n', "jsonl"),
        ("a.data", b'{"a": 1}\n{"b": 2}\n', "jsonl"),
        ("a.json", b'{\n "events": []\n}\n', "timelinejs"),
    ],
)
def test_guessing_as_before(tmp_path, name, text, fmt):
    path = tmp_path / name
    path.write_bytes(text)
    assert detect_format(path) == fmt


def test_a_new_format_is_one_entry(tmp_path, monkeypatch):
    """A pipe-separated format, as a new module would add it: one ImportFormat in the table."""

    class PipeSource(CsvSource):
        def __init__(self, path, fmt, mapping):
            text = path.read_text(encoding="utf-8").replace("|", ",")
            copy = tmp_path / "copy.csv"
            copy.write_text(text, encoding="utf-8")
            super().__init__(copy, "csv", mapping)

    pipe = ImportFormat(
        "pipe", "Pipe-separated", PipeSource, lambda p, _n: (),
        lambda head: head.csv_header.count(b"|") >= 1 and head.suffix == ".psv",
    )  # fmt: skip
    imports = (*IMPORTS, pipe)
    monkeypatch.setattr(formats, "IMPORTS", imports)
    monkeypatch.setattr(formats, "IMPORT_FORMATS", {f.name: f for f in imports})
    path = tmp_path / "events.psv"
    path.write_text("title|date\nLaunch|2024-07-09\n", encoding="utf-8")
    assert detect_format(path) == "pipe"
    (event,) = list(formats.open_source(path, None, {}).rows())
    assert event.title == "Launch" and event.start == "2024-07-09"


def test_head_reads_json_lines_and_documents():
    assert Head(".json", b'{"a": 1}\n{"b": 2}').json_lines
    assert Head(".json", b'{\n "events": []}').json_document
    assert not Head(".csv", b"a,b\n1,2").json_lines
    assert dataclasses.is_dataclass(Head)
