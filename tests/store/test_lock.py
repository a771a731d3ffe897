"""The window lock lives in a private folder (0700, this user's, not writable by others, not a
link) and its file is opened without following a link planted at its path (issue 13)."""

from __future__ import annotations

import os
import stat

import pytest

from desktop.store.lock import DatabaseLock, LockFolderError, is_locked, lock_dir, lock_path


@pytest.fixture
def locks(tmp_path, monkeypatch):
    folder = tmp_path / "locks"
    monkeypatch.setenv("DOSSIER_LOCK_DIR", str(folder))
    return folder


def test_the_folder_is_made_private(locks, seeded_path):
    old = os.umask(0o002)  # a lax umask does not make it shared
    try:
        lock = DatabaseLock(seeded_path).acquire()
    finally:
        os.umask(old)
    try:
        st = os.lstat(locks)
        assert stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o700
        assert st.st_uid == os.getuid()
        assert stat.S_IMODE(os.lstat(lock.path).st_mode) == 0o600
        assert lock.holder_pid() == os.getpid()
    finally:
        lock.release()


def test_a_folder_that_is_a_link_is_refused(locks, seeded_path, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    locks.symlink_to(elsewhere)
    with pytest.raises(LockFolderError, match="symbolic link"):
        DatabaseLock(seeded_path).acquire()
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("mode", [0o770, 0o777, 0o1777, 0o720])
def test_a_folder_others_can_write_is_refused(locks, seeded_path, mode):
    locks.mkdir()
    locks.chmod(mode)
    with pytest.raises(LockFolderError, match="other users"):
        DatabaseLock(seeded_path).acquire()
    assert list(locks.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown (root)")
def test_a_folder_owned_by_someone_else_is_refused(locks, seeded_path):
    locks.mkdir(mode=0o700)
    os.chown(locks, 65534, 65534)
    with pytest.raises(LockFolderError, match="another user"):
        DatabaseLock(seeded_path).acquire()


def test_a_link_planted_at_the_lock_file_is_not_followed(locks, seeded_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    locks.mkdir(mode=0o700)
    lock_path(seeded_path).symlink_to(victim)
    with pytest.raises(LockFolderError, match="symbolic link"):
        DatabaseLock(seeded_path).acquire()
    assert victim.read_text(encoding="utf-8") == "precious"
    # the probe the shell uses before File ▸ New gives the same refusal to show
    assert isinstance(is_locked(seeded_path), LockFolderError)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert lock_path(seeded_path).is_symlink()  # left as it was


def test_a_fifo_planted_at_the_lock_file_is_refused_without_hanging(locks, seeded_path):
    locks.mkdir(mode=0o700)
    os.mkfifo(lock_path(seeded_path))
    with pytest.raises(LockFolderError, match="not a private file"):
        DatabaseLock(seeded_path).acquire()


def test_the_default_folder_is_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv("DOSSIER_LOCK_DIR", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert lock_dir() == tmp_path / f"dossier-locks-{os.getuid()}"
