"""One Dossier process per database: an advisory lock held while a window has the file open.

The lock is a small file in the user's runtime folder (``$XDG_RUNTIME_DIR/dossier-locks``, else
a per-user folder in the temporary directory; ``$DOSSIER_LOCK_DIR`` overrides both) named by a
hash of the database's resolved path, so nothing is written beside the database and a read-only
folder can still be opened. The lock itself is ``flock`` (``msvcrt.locking`` on Windows): the
system drops it when the process ends, however it ends, so a crash never leaves a stale lock.
The file holds the holder's pid, which the refusal names.

The folder is private: made with mode 0700, and refused (never used) when it is a symbolic
link, belongs to another user or can be written by others; the lock file is opened without
following a link planted at its path, so the lock can never truncate another file.

SQLite's own locking still guards every write; this lock stops a second window (or a second
``dossier`` process) from working on a file that one window already shows, and replacing a
database (:func:`claim_for_replacement`) while a window has it. Ordinary writes by commands
stay allowed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop.store.database import Store, open_store
from desktop.store.errors import LockedError, StoreError


class AlreadyOpenError(LockedError):
    """Another Dossier process (or window) holds the database's lock."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


class LockFolderError(StoreError):
    """The lock folder (or a lock file in it) is not private to this user: refused, untouched."""


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


def _private_folder(folder: Path) -> Path:
    """Create ``folder`` (mode 0700) if missing, and check it is a real folder owned by this
    user that nobody else can write: a lock file is only ever made in such a folder."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(folder, 0o700)
        os.chmod(folder, 0o700)  # whatever the umask
    except FileExistsError:
        pass
    except OSError as exc:
        raise LockFolderError(f"cannot make the lock folder {folder}: {exc.strerror}") from None
    try:
        st = os.lstat(folder)
    except OSError as exc:
        raise LockFolderError(f"cannot use the lock folder {folder}: {exc.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        raise LockFolderError(f"the lock folder {folder} is a symbolic link; not used")
    if not stat.S_ISDIR(st.st_mode):
        raise LockFolderError(f"the lock folder {folder} is not a folder")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise LockFolderError(f"the lock folder {folder} belongs to another user; not used")
    if hasattr(os, "getuid") and st.st_mode & 0o022:
        raise LockFolderError(
            f"the lock folder {folder} can be written by other users; not used"
            f" (make it private: chmod 700 {folder})"
        )
    return folder


def _open_lock_file(path: Path) -> int:
    """Open (or create, mode 0600) the lock file without following a link planted at its path;
    refuse anything but a regular file of this user's."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a FIFO planted there must not hang the open
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LockFolderError(f"the lock file {path} is a symbolic link; not used") from None
        raise LockFolderError(f"cannot open the lock file {path}: {exc.strerror}") from None
    st = os.fstat(fd)
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    if not stat.S_ISREG(st.st_mode) or not mine:
        os.close(fd)
        raise LockFolderError(f"the lock file {path} is not a private file; not used")
    return fd


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
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            text = os.read(fd, 32).decode("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        finally:
            os.close(fd)
        return int(text) if text.isdigit() else None

    def acquire(self) -> DatabaseLock:
        if self._fd is not None:
            return self
        _private_folder(self.path.parent)
        fd = _open_lock_file(self.path)
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


def is_locked(db_path: str | os.PathLike[str]) -> StoreError | None:
    """The refusal a new lock on ``db_path`` would meet now (:class:`AlreadyOpenError`, or
    :class:`LockFolderError` for a lock folder that is not private), or None when it is free."""
    probe = DatabaseLock(db_path)
    try:
        probe.acquire()
    except (AlreadyOpenError, LockFolderError) as exc:
        return exc
    probe.release()
    return None


class InUseError(LockedError):
    """Another process has the database open through SQLite (replacement refused)."""


SHM_DMS_BYTE = 128  # SQLite's "dead man switch": every connection to a WAL database holds it


@contextlib.contextmanager
def _no_sqlite_users(db: Path) -> Iterator[None]:
    """Refuse while another process has ``db`` open in WAL mode (each such connection keeps a
    shared lock on a byte of the ``-shm``), and keep them out until the block ends: holding
    that byte exclusively makes a new connection wait. POSIX only; elsewhere the window lock
    is the only guard."""
    shm = Path(f"{db}-shm")
    if sys.platform == "win32" or not os.path.lexists(shm):
        yield
        return
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:  # a link or a file we cannot open: it is set aside with the other sidecars
        yield
        return
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            raise InUseError(
                f"{db} is open in another program or a Dossier command is using it;"
                " try again when it has finished"
            ) from None
        yield
    finally:
        os.close(fd)  # drops the byte lock


@contextlib.contextmanager
def claim_for_replacement(db_path: str | os.PathLike[str]) -> Iterator[None]:
    """What replacing the file at ``db_path`` (``init --force``, New, Backup) needs, held until
    the block ends: its window lock (refused with :class:`AlreadyOpenError` while a Dossier
    window has the file, in this process or another), and no other SQLite connection to it
    (:class:`InUseError`). Ordinary writes by commands take neither and stay allowed."""
    db = Path(db_path).expanduser()
    lock = DatabaseLock(db)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        who = f" (pid {exc.pid})" if exc.pid else ""
        raise AlreadyOpenError(
            f"{db} is open in a Dossier window{who}; close it before replacing the file", exc.pid
        ) from None
    try:
        with _no_sqlite_users(db):
            yield
    finally:
        lock.release()


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
