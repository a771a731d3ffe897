"""File ▸ Save a copy / Backup and File ▸ New go through the one checked, all-or-nothing database
replacement: a link or a held file is refused in a dialog with every file as it was, and a copy
over a target with a killed writer's -wal/-shm is whole, alone and has the usual permissions."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from desktop.store.lock import DatabaseLock
from desktop.ui import shell
from desktop.ui.shell import files
from tests.store.test_replace import HOLDER, digest, inspect, kill_a_writer, leftovers


@pytest.fixture
def shown(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_LOCK_DIR", str(tmp_path / "locks"))
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(files, "show_error", lambda _p, title, text: seen.append((title, text)))
    yield seen
    shell.close_all()


def test_backup_through_a_symlink_is_refused(window, shown, monkeypatch, tmp_path):
    ctrl = shell.install(window)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / "copy.db"
    link.symlink_to(victim)
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: link)
    assert ctrl.backup() is None
    assert shown and "symbolic link" in shown[-1][1]
    assert victim.read_text(encoding="utf-8") == "precious" and link.is_symlink()


def test_backup_over_a_killed_writers_copy(window, shown, monkeypatch, tmp_path, seeded_template):
    ctrl = shell.install(window)
    target = tmp_path / "copies" / "copy.db"
    target.parent.mkdir()
    shutil.copy(seeded_template, target)
    kill_a_writer(target)
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    old = os.umask(0o022)
    try:
        assert ctrl.backup() == target
    finally:
        os.umask(old)
    assert not shown
    assert leftovers(target.parent, "copy.db") == []
    verdict, n, stale = inspect(target)
    assert verdict == "ok" and stale == 0
    assert n == window.store.query("SELECT count(*) AS n FROM events")[0]["n"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_new_over_a_file_another_window_holds_is_refused(
    window, shown, monkeypatch, tmp_path, seeded_template
):
    ctrl = shell.install(window)
    target = tmp_path / "held.db"
    shutil.copy(seeded_template, target)
    before = digest(target)
    monkeypatch.setattr(files, "ask_new_kind", lambda _p: "empty")
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    lock = DatabaseLock(target).acquire()
    try:
        assert ctrl.new_database() is None
    finally:
        lock.release()
    assert shown and "already open" in shown[-1][1]
    assert digest(target) == before


def test_new_over_a_file_another_program_has_open_is_refused(
    window, shown, monkeypatch, tmp_path, seeded_template
):
    ctrl = shell.install(window)
    target = tmp_path / "busy.db"
    shutil.copy(seeded_template, target)
    monkeypatch.setattr(files, "ask_new_kind", lambda _p: "empty")
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "ready"
            before = digest(target)
            assert ctrl.new_database() is None
            assert shown and "open in another program" in shown[-1][1]
            assert digest(target) == before
        finally:
            holder.stdin.close()
            holder.wait()
