"""Every output a command writes × every hostile target (issue 13): the open database and its
sidecars, links, folders, devices, FIFOs, /proc, missing and read-only folders. Each is refused
with exit 1 and one line on stderr, before the database is opened or anything drawn: the
database's bytes, and every other file, stay as they were.

One rule for all of them (desktop.store.files.check_output), so the table is outputs × targets.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.files import OutputError, check_output, replacing

ORG = "SenseTime"

# command line of each output, given OUT and the database
OUTPUTS: dict[str, Callable[[str, str], list[str]]] = {
    "csv": lambda out, db: ["export", "csv", out, "--db", db],
    "ics": lambda out, db: ["export", "ics", out, "--db", db],
    "timelinejs": lambda out, db: ["export", "timelinejs", out, "--db", db],
    "png": lambda out, db: ["export", "png", out, "--db", db],
    "svg": lambda out, db: ["export", "svg", out, "--db", db],
    "markdown": lambda out, db: ["export", "markdown", out, "--db", db, "--org", ORG],
    "pdf": lambda out, db: ["export", "pdf", out, "--db", db, "--org", ORG],
    "screenshot": lambda out, db: ["screenshot", out, "--db", db, "--size", "400x300"],
    "annotations": lambda out, db: ["annotations", "export", out, "--db", db],
}


def _link(target: str) -> Callable[[Path, Path], Path]:
    def make(tmp: Path, db: Path) -> Path:
        link = tmp / f"link-to-{target}.out"
        link.symlink_to(db if target == "db" else tmp / "other.txt")
        return link

    return make


def _fifo(tmp: Path, db: Path) -> Path:
    fifo = tmp / "pipe.out"
    os.mkfifo(fifo)
    return fifo


def _folder(tmp: Path, db: Path) -> Path:
    folder = tmp / "folder.out"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept", encoding="utf-8")
    return folder


def _read_only_folder(tmp: Path, db: Path) -> Path:
    folder = tmp / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK) and shutil.which("chattr"):  # root ignores the mode, but
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if os.access(folder, os.W_OK):  # not even an immutable folder here
        folder.chmod(0o755)
        pytest.skip("a read-only folder cannot be made here (running as root)")
    return folder / "out.file"


def _writable_again(tmp: Path) -> None:
    locked = tmp / "locked"
    if locked.is_dir():
        if shutil.which("chattr"):
            subprocess.run(["chattr", "-i", str(locked)], capture_output=True, check=False)
        locked.chmod(0o755)


def _device(tmp: Path, db: Path) -> Path:
    """A character device like /dev/null. As root (who could replace /dev/null itself if the
    guard failed) a private copy of the node in the test's folder; otherwise /dev/null, which
    only root could replace."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        node = tmp / "null.out"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return node
    return Path("/dev/null")


def _hard_link(tmp: Path, db: Path) -> Path:
    link = tmp / "hard.out"
    os.link(db, link)
    return link


def _other_database(tmp: Path, db: Path) -> Path:
    other = tmp / "other.db"
    shutil.copy(db, other)
    return other


def _other_wal(tmp: Path, db: Path) -> Path:
    other = _other_database(tmp, db)
    return Path(f"{other}-wal")


TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "the database": lambda tmp, db: db,
    "its -wal": lambda tmp, db: Path(f"{db}-wal"),
    "its -shm": lambda tmp, db: Path(f"{db}-shm"),
    "its -journal": lambda tmp, db: Path(f"{db}-journal"),
    "a symlink to the database": _link("db"),
    "a symlink to another file": _link("other"),
    "a hard link to the database": _hard_link,
    "another SQLite database": _other_database,
    "another database's -wal": _other_wal,
    "a directory": _folder,
    "a device (/dev/null)": _device,
    "a FIFO": _fifo,
    "a path under /proc": lambda tmp, db: Path("/proc/dossier-test.out"),
    "a missing folder": lambda tmp, db: tmp / "no" / "such" / "out.file",
    "a read-only folder": _read_only_folder,
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under ``folder``: its inode, kind and mode, a file's digest, a link's
    target, a device's number (a replaced file has a new inode even with the same bytes)."""
    seen: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            seen[str(path)] = ("link", st.st_ino, os.readlink(path))
        elif stat.S_ISREG(st.st_mode):
            seen[str(path)] = ("file", st.st_ino, stat.S_IMODE(st.st_mode), digest(path))
        else:
            seen[str(path)] = (st.st_ino, st.st_mode, st.st_rdev)
    return seen


def device(path: Path) -> tuple[int, int, int]:
    st = os.lstat(path)
    return st.st_mode, st.st_rdev, st.st_ino


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("output", list(OUTPUTS))
def test_every_output_refuses_every_hostile_target(output, target, seeded_path, tmp_path, capsys):
    (tmp_path / "other.txt").write_text("someone else's file", encoding="utf-8")
    out = TARGETS[target](tmp_path, seeded_path)
    db_before = digest(seeded_path)
    files_before = snapshot(tmp_path)
    null_before = device(Path("/dev/null"))
    try:
        code = main(OUTPUTS[output](str(out), str(seeded_path)))
        files_after = snapshot(tmp_path)
    finally:
        _writable_again(tmp_path)
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 1, captured
    assert len(lines) == 1 and lines[0].startswith("dossier: "), captured.err
    assert "Traceback" not in captured.err
    assert digest(seeded_path) == db_before
    assert files_after == files_before  # no other file changed, nothing left behind
    assert device(Path("/dev/null")) == null_before
    assert not Path("/proc/dossier-test.out").exists()


@pytest.mark.parametrize("output", list(OUTPUTS))
def test_every_output_writes_a_new_file_and_replaces_a_regular_one(
    output, seeded_path, tmp_path, capsys
):
    """The control: the same commands do write ordinary files, replacing an existing one with
    its permissions kept, and leave no temporary file."""
    out = tmp_path / "out" / f"result.{output}"
    out.parent.mkdir()
    assert main(OUTPUTS[output](str(out), str(seeded_path))) == 0, capsys.readouterr().err
    assert out.is_file() and out.stat().st_size > 0
    first = out.read_bytes()
    out.write_text("{}" if output == "annotations" else "old", encoding="utf-8")
    out.chmod(0o640)
    assert main(OUTPUTS[output](str(out), str(seeded_path))) == 0, capsys.readouterr().err
    assert out.read_bytes()[:4] == first[:4]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def test_a_symlinked_folder_is_fine_only_the_last_name_must_be_real(seeded_path, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "via").symlink_to(real)
    assert main(OUTPUTS["csv"](str(tmp_path / "via" / "x.csv"), str(seeded_path))) == 0
    assert (real / "x.csv").is_file()


def test_a_new_output_gets_the_usual_permissions(seeded_path, tmp_path):
    old = os.umask(0o027)
    try:
        assert main(OUTPUTS["csv"](str(tmp_path / "x.csv"), str(seeded_path))) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.csv").stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp, db: db, "the database itself"),
        (lambda tmp, db: Path(f"{db}-wal"), "part of the open database"),
        (_link("other"), "symbolic link; name the real file"),
        (_folder, "a folder"),
        (lambda tmp, db: Path("/dev/null"), "a device"),
        (_device, "a device"),
        (_fifo, "a pipe"),
        (lambda tmp, db: Path("/proc/x"), "system folder"),
        (lambda tmp, db: tmp / "no" / "x", "folder does not exist"),
        (_other_database, "a SQLite database"),
    ],
)
def test_the_refusal_says_what_is_wrong(make, message, seeded_path, tmp_path):
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=message):
        check_output(make(tmp_path, seeded_path), protect=(seeded_path,))


def test_a_link_planted_after_the_check_is_not_written_through(tmp_path):
    """The last look before the rename: a link that appears while the file is being written is
    refused, its target untouched."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out.txt"
    with pytest.raises(OutputError, match="symbolic link"), replacing(out) as tmp:
        tmp.write_text("new", encoding="utf-8")
        out.symlink_to(victim)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "victim.txt"]


def test_an_export_to_the_wal_of_an_open_database_is_refused_while_it_is_open(
    seeded_path, tmp_path, capsys
):
    """With a writer holding the database open (a real -wal and -shm beside it), exporting to
    either is refused and the database still reads back whole."""
    conn = sqlite3.connect(seeded_path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE events SET title = title || ' (edited)' WHERE id = 1")
        conn.commit()
        wal = Path(f"{seeded_path}-wal")
        assert wal.stat().st_size > 0
        for sidecar in (wal, Path(f"{seeded_path}-shm")):
            before = digest(sidecar)
            assert main(OUTPUTS["csv"](str(sidecar), str(seeded_path))) == 1
            assert "open database" in capsys.readouterr().err
            assert digest(sidecar) == before
    finally:
        conn.close()
    check = sqlite3.connect(seeded_path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            check.execute("SELECT title FROM events WHERE id = 1")
            .fetchone()[0]
            .endswith("(edited)")
        )
    finally:
        check.close()


def _window_writers(store, org_id):
    """What File ▸ Export timeline image and File ▸ Export dossier call, with the window's
    store: each must refuse the same targets as the command line."""
    from desktop.store.io.markdown import write_markdown
    from desktop.ui.dossier.export import write_pdf
    from desktop.ui.timeline.export import export_timeline_image

    return {
        "timeline png": lambda out: export_timeline_image(store, out, "png", size=(300, 200)),
        "timeline svg": lambda out: export_timeline_image(store, out, "svg", size=(300, 200)),
        "dossier pdf": lambda out: write_pdf(store, org_id, out),
        "dossier markdown": lambda out: write_markdown(store, org_id, out),
    }


@pytest.mark.parametrize(
    "target",
    ["the database", "its -wal", "a symlink to another file", "a device (/dev/null)", "a FIFO"],
)
def test_the_windows_exports_refuse_the_same_targets(target, seeded_store, tmp_path):
    from desktop.store.errors import StoreError
    from desktop.store.queries import find_organization

    (tmp_path / "other.txt").write_text("someone else's file", encoding="utf-8")
    org = find_organization(seeded_store, ORG)
    assert org is not None
    seeded_store.conn.execute("UPDATE app_state SET value = value")  # a live -wal beside it
    seeded_store.conn.commit()
    out = TARGETS[target](tmp_path, seeded_store.path)
    for name, write in _window_writers(seeded_store, org.id).items():
        before = snapshot(tmp_path)
        null_before = device(Path("/dev/null"))
        with pytest.raises(StoreError):
            write(out)
        assert snapshot(tmp_path) == before, name
        assert device(Path("/dev/null")) == null_before
