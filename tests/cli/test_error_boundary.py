"""The command line's one error boundary: whatever a command meets (SQLite errors, OSError,
RecursionError, OverflowError, UnicodeError, refusals) is one line on stderr and exit 1;
``--debug`` shows the traceback. A full disk is said as such, whatever SQLite calls it."""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from desktop.cli import commands, main
from desktop.store import errors
from desktop.store.errors import StoreError


def one_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dossier: "), captured.err
    assert "Traceback" not in captured.err
    return lines[0]


CASES = [
    (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
    (OSError(errno.ENOSPC, "No space left on device", "/data/.dossier.db.x1y2.tmp"),
     "the disk is full"),
    (OSError(errno.EACCES, "Permission denied", "/data/notes.json"),
     "/data/notes.json: Permission denied"),
    (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
    (OverflowError("date value out of range"), "out of range"),
    (UnicodeDecodeError("utf-8", b"ab\xffc", 2, 3, "invalid start byte"),
     "not UTF-8 text (byte 0xFF at offset 2)"),
    (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    (StoreError("two\nlines"), "two lines"),
    (MemoryError(), "out of memory"),
    (KeyError("a fault in Dossier"), "internal error (KeyError"),
]  # fmt: skip


@pytest.mark.parametrize(("exc", "said"), CASES, ids=lambda v: type(v).__name__)
def test_one_line_and_exit_1(monkeypatch, capsys, exc, said):
    def fail(args):
        raise exc

    monkeypatch.setattr(commands, "cmd_search", fail)
    assert main(["search", "x"]) == 1
    line = one_line(capsys)
    assert said in line
    assert ".tmp" not in line  # a temporary file is never named


def test_debug_shows_the_traceback(monkeypatch):
    def fail(args):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(commands, "cmd_search", fail)
    with pytest.raises(OverflowError):
        main(["--debug", "search", "x"])


@pytest.mark.parametrize("free", [0, 10**9])
def test_disk_io_error_is_a_full_disk_only_when_nothing_is_free(monkeypatch, capsys, free):
    def fail(args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(commands, "cmd_search", fail)
    monkeypatch.setattr(errors, "free_bytes", lambda place: free)
    assert main(["search", "x"]) == 1
    line = one_line(capsys)
    assert ("the disk is full" in line) == (free == 0)


@pytest.mark.parametrize(
    "argv",
    [["init", "/proc/x.db"], ["check", "/proc/self/status"], ["search", "x", "--db", "/proc"]],
)
def test_system_paths(capsys, argv):
    assert main(argv) == 1
    one_line(capsys)


# -- a real full disk (a small tmpfs; needs root and a kernel that lets it mount) --------------
@pytest.fixture
def full_disk(tmp_path, seeded_template):
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("a small tmpfs cannot be mounted here")
    try:
        shutil.copy(seeded_template, mount / "dossier.db")
        try:
            with (mount / "filler").open("wb") as fh:
                while True:
                    fh.write(b"\0" * 4096)
                    fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_full_disk(full_disk, tmp_path, capsys):
    db = full_disk / "dossier.db"
    events = tmp_path / "events.csv"
    events.write_text("title,start\nNew,2024-03-02\n")
    before = snapshot(full_disk)
    # reading still works, and leaves nothing beside the database
    assert main(["search", "SenseTime", "--db", str(db)]) == 0
    assert main(["check", str(db)]) == 0
    assert main(["export", "csv", str(tmp_path / "out.csv"), "--db", str(db)]) == 0
    capsys.readouterr()
    for argv in (
        ["annotate", "event:waic-2024", "--note", "x", "--db", str(db)],
        ["import", str(events), "--db", str(db)],
        ["init", str(full_disk / "new.db")],
        ["export", "csv", str(full_disk / "out.csv"), "--db", str(db)],
    ):
        assert main(argv) == 1, argv
        line = one_line(capsys)
        assert "the disk is full" in line and ".tmp" not in line, argv
    assert snapshot(full_disk) == before


@pytest.fixture
def read_only_medium(tmp_path, seeded_template):
    mount = tmp_path / "medium"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here")
    try:
        shutil.copy(seeded_template, mount / "dossier.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_read_only_file_system(read_only_medium, capsys):
    from desktop.ui.shell.opening import attempt_open

    db = read_only_medium / "dossier.db"
    assert main(["search", "SenseTime", "--db", str(db)]) == 0
    assert main(["check", str(db)]) == 0
    capsys.readouterr()
    result = attempt_open(db, readonly=True)  # what 'dossier open --read-only' does
    assert result.ok and result.store is not None and result.message is None
    result.store.close()
    assert main(["annotate", "event:waic-2024", "--note", "x", "--db", str(db)]) == 1
    assert "read-only" in one_line(capsys)
    assert sorted(p.name for p in read_only_medium.iterdir()) == ["dossier.db"]
