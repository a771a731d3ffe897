"""One Dossier process per database: an advisory lock held while a window has the file open.

The lock is a small file in the user's runtime folder (``$XDG_RUNTIME_DIR/dossier-locks``, else
a per-user folder in the temporary directory; ``$DOSSIER_LOCK_DIR`` overrides both) named by a
hash of the database's resolved path, so nothing is written beside the database and a read-only
folder can still be opened. The lock itself is ``flock`` (``msvcrt.locking`` on Windows): the
system drops it when the process ends, however it ends, so a crash never leaves a stale lock.
The file holds the holder's pid, which the refusal names.

SQLite's own locking still guards every write; this lock only stops a second window (or a
second ``dossier`` process) from working on a file that one window already shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from desktop.store.database import Store, open_store
from desktop.store.errors import LockedError


class AlreadyOpenError(LockedError):
    """Another Dossier process (or window) holds the database's lock."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


def lock_dir() -> Path:
    override = os.environ.get("DOSSIER_LOCK_DIR")
    if override:
        return Path(override)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "dossier-locks"
    uid = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"dossier-locks-{uid}"


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    key = hashlib.sha256(str(Path(db_path).expanduser().resolve()).encode("utf-8")).hexdigest()
    return lock_dir() / f"{key[:24]}.lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - not run here
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class DatabaseLock:
    """The lock on one database path; :meth:`acquire` raises :class:`AlreadyOpenError`."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = Path(db_path).expanduser()
        self.path = lock_path(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder_pid(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def acquire(self) -> DatabaseLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            pid = self.holder_pid()
            who = f" (pid {pid})" if pid else ""
            raise AlreadyOpenError(
                f"{self.db_path} is already open in another Dossier window{who}; "
                "switch to that window or close it first",
                pid,
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing the descriptor drops the flock

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_locked(db_path: str | os.PathLike[str]) -> AlreadyOpenError | None:
    """The refusal a new lock on ``db_path`` would meet now, or None when it is free."""
    probe = DatabaseLock(db_path)
    try:
        probe.acquire()
    except AlreadyOpenError as exc:
        return exc
    probe.release()
    return None


def open_locked(
    path: str | os.PathLike[str], *, readonly: bool = False
) -> tuple[Store, DatabaseLock | None]:
    """Open ``path`` for a window: take its lock first (so a second Dossier is refused before
    anything, even a migration, touches the file), then :func:`open_store`.

    Read-only opens take no lock: browsing a file another window edits is allowed. Raises
    :class:`AlreadyOpenError` or another StoreError with the file unchanged and no lock held.
    """
    if readonly:
        return open_store(path, readonly=True), None
    lock = DatabaseLock(path).acquire()
    try:
        store = open_store(path)
    except BaseException:
        lock.release()
        raise
    return store, lock
