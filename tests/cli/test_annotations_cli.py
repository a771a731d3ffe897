"""`dossier annotate` and `dossier annotations export|import`: output, exit codes, refusals
that leave every file unchanged."""

import hashlib
import json
import re

import pytest

from desktop.cli import main
from desktop.store import annotations as notes
from desktop.store.database import open_store

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def run(argv: list[str]) -> int:
    return main(argv)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files(folder) -> dict[str, str]:
    """Every file's digest, except SQLite's transient -wal/-shm companions."""
    return {
        p.name: digest(p)
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dossier: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return lines[0]


def stored(path):
    store = open_store(path, readonly=True)
    try:
        return notes.list_annotations(store, include_deleted=True)
    finally:
        store.close()


def test_annotate_prints_only_the_uuid(seeded_path, capsys):
    args = ["annotate", "event:waic-2024", "--note", "**Ask** about dates", "--tag", "todo"]
    args += ["--tag", "#waic", "--star", "--colour", "Red", "--author", "ann"]
    assert run([*args, "--db", str(seeded_path)]) == 0
    out = capsys.readouterr().out
    assert UUID_RE.match(out.strip()) and out.count("\n") == 1
    (note,) = stored(seeded_path)
    assert note.uuid == out.strip() and note.body == "**Ask** about dates"
    assert (note.tags, note.starred, note.colour, note.author) == (
        ("todo", "waic"),
        True,
        "red",
        "ann",
    )


def test_annotate_note_file_and_update_by_uuid(seeded_path, tmp_path, capsys):
    text = tmp_path / "note.md"
    text.write_text("# 商汤\n\n- 要点\n", encoding="utf-8")
    assert (
        run(["annotate", "org:sensetime", "--note-file", str(text), "--db", str(seeded_path)]) == 0
    )
    uid = capsys.readouterr().out.strip()
    assert (
        run(
            [
                "annotate",
                "org:sensetime",
                "--uuid",
                uid,
                "--unstar",
                "--colour",
                "none",
                "--db",
                str(seeded_path),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == uid
    (note,) = stored(seeded_path)
    assert note.body == "# 商汤\n\n- 要点\n" and not note.starred


def test_default_database_from_the_environment(seeded_path, monkeypatch, capsys):
    monkeypatch.setenv("DOSSIER_DB", str(seeded_path))
    monkeypatch.setenv("DOSSIER_AUTHOR", "env-author")
    assert run(["annotate", "claim:china-leads-genai-patents", "--note", "x"]) == 0
    assert stored(seeded_path)[0].author == "env-author"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["event:no-such-event", "--note", "x"], "no event with key 'no-such-event'"),
        (["person:someone", "--note", "x"], "event:KEY, org:KEY or claim:KEY"),
        (["event:waic-2024", "--note", "x", "--colour", "pink"], "unknown colour 'pink'"),
        (["event:waic-2024", "--note", "x", "--uuid", "nope"], "not a UUID"),
        (["event:waic-2024", "--note-file", "/no/such/file.md"], "cannot read"),
        (["event:waic-2024"], "nothing to save"),
    ],
)
def test_annotate_refusals_exit_1_and_change_nothing(seeded_path, capsys, extra, message):
    before = files(seeded_path.parent)
    names = sorted(p.name for p in seeded_path.parent.iterdir())
    assert run(["annotate", *extra, "--db", str(seeded_path)]) == 1
    assert message in one_error_line(capsys)
    assert files(seeded_path.parent) == before
    assert sorted(p.name for p in seeded_path.parent.iterdir()) == names  # no WAL files left


def test_annotate_refuses_moving_a_note(seeded_path, capsys):
    assert run(["annotate", "org:sensetime", "--note", "x", "--db", str(seeded_path)]) == 0
    uid = capsys.readouterr().out.strip()
    before = files(seeded_path.parent)
    assert (
        run(["annotate", "event:waic-2024", "--uuid", uid, "--star", "--db", str(seeded_path)]) == 1
    )
    assert "belongs to org:sensetime" in one_error_line(capsys)
    assert files(seeded_path.parent) == before


def test_missing_database_is_not_created(tmp_path, capsys):
    path = tmp_path / "none.db"
    assert run(["annotate", "org:sensetime", "--note", "x", "--db", str(path)]) == 1
    assert "does not exist" in one_error_line(capsys)
    assert not path.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["annotate", "org:sensetime", "--note", "x", "--note-file", "f"],
        ["annotate", "org:sensetime", "--star", "--unstar"],
        ["annotate"],
        ["annotations"],
        ["annotations", "export"],
        ["annotations", "merge", "b.json"],
    ],
)
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        run(argv)
    assert exc.value.code == 2


@pytest.mark.parametrize("command", ["annotate", "annotations"])
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        run([command, "--help"])
    assert exc.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_export_then_import_elsewhere(seeded_path, tmp_path, capsys):
    db = ["--db", str(seeded_path)]
    run(["annotate", "org:sensetime", "--note", "a", "--tag", "keep", *db])
    run(["annotate", "org:sensetime", "--note", "b", "--star", *db])
    run(["annotate", "event:waic-2024", "--note", "c", *db])
    capsys.readouterr()
    out = tmp_path / "bundle.json"
    assert run(["annotations", "export", str(out), "--tag", "keep", *db]) == 0
    assert capsys.readouterr().out.strip() == f"exported 1 annotation to {out}"
    assert run(["annotations", "export", str(out), "--starred", *db]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["annotations"][0]["body"] == "b"
    assert run(["annotations", "export", str(out), *db]) == 0
    capsys.readouterr()

    target = tmp_path / "fresh" / "fresh.db"
    target.parent.mkdir()
    from desktop.store.library import create_from_seeds

    create_from_seeds(target)[0].close()
    assert run(["annotations", "import", str(out), "--db", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "created 3, updated 0, unchanged 0, conflicts 0"
    assert run(["annotations", "import", str(out), "--db", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "created 0, updated 0, unchanged 3, conflicts 0"
    assert sorted(n.body for n in stored(target)) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a Dossier annotations bundle"),
        ('{"format": "something-else"}', "not a Dossier annotations bundle"),
        ('{"format": "dossier-annotations", "version": 9, "annotations": []}', "version 9"),
        (
            '{"format": "dossier-annotations", "version": 1, "annotations": [{"uuid": "x"}]}',
            "entry 1 (x) lacks",
        ),
    ],
)
def test_import_refusals_change_nothing(seeded_path, tmp_path, capsys, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = files(seeded_path.parent)
    assert run(["annotations", "import", str(path), "--db", str(seeded_path)]) == 1
    assert message in one_error_line(capsys)
    assert files(seeded_path.parent) == before


def test_import_unknown_target_changes_nothing(seeded_path, tmp_path, capsys):
    db = ["--db", str(seeded_path)]
    run(["annotate", "org:sensetime", "--note", "a", *db])
    out = tmp_path / "bundle.json"
    run(["annotations", "export", str(out), *db])
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    data["annotations"][0]["target"] = "org:no-such-org"
    data["annotations"][0]["uuid"] = "3f1d1a52-0c1b-4b8e-9f5e-6a0c6f0b1a2c"
    out.write_text(json.dumps(data), encoding="utf-8")
    before = files(seeded_path.parent)
    assert run(["annotations", "import", str(out), *db]) == 1
    assert "no org with key 'no-such-org'" in one_error_line(capsys)
    assert files(seeded_path.parent) == before


def test_export_never_overwrites_the_database(seeded_path, capsys):
    before = files(seeded_path.parent)
    assert run(["annotations", "export", str(seeded_path), "--db", str(seeded_path)]) == 1
    assert "the database itself" in one_error_line(capsys)
    assert files(seeded_path.parent) == before


def test_export_to_a_missing_folder_fails_cleanly(seeded_path, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "b.json"
    assert run(["annotations", "export", str(out), "--db", str(seeded_path)]) == 1
    assert "folder does not exist" in one_error_line(capsys)
    assert not out.exists()
