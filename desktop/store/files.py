"""Every file Dossier writes at a path a person named goes through here.

The rule (README, "Command line"): an output is written only to a regular file or a missing one,
in a folder that exists and can be written. Before anything is written (or a database opened,
or an image drawn) :func:`check_output` refuses, with one line:

* the open database and its ``-wal``/``-shm``/``-journal``, compared by real path and, where
  the file exists, by identity (a hard link is the same file);
* a symbolic link, whatever it points to ("name the real file"): a link is never written through
  and never replaced, so an output can never land on an unexpected file;
* anything that is not a regular file: a folder, a device (``/dev/null``), a FIFO, a socket, and
  any path under ``/proc``, ``/sys`` or ``/dev``;
* an existing SQLite database (for exports: only ``init --force``, File ▸ New and Backup
  replace a database, through :func:`replacing_database`), and the ``-wal``/``-shm``/
  ``-journal`` of any existing SQLite file;
* a folder that does not exist or cannot be written.

The bytes are then written all or nothing (:func:`replacing`): into a temporary file beside the
target, moved into place only when the whole of it was written, so a failure (bad data, a full
disk, a crash) leaves the old file exactly as it was. A replaced file keeps its permissions; a
new one gets the usual ``0666 & ~umask``, never the temporary file's private ``0600``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.store.errors import StoreError

PathLike = str | os.PathLike[str]
SIDECARS = ("-wal", "-shm", "-journal")
CACHE_SUFFIX = ".dossier-cache"  # the timeline's column files beside a database (store.timeline)
SYSTEM_DIRS = (Path("/proc"), Path("/sys"), Path("/dev"))
WRITABLE_SYSTEM_DIRS = (Path("/dev/shm"),)
SQLITE_HEADER = b"SQLite format 3\x00"


class OutputError(StoreError):
    """A path Dossier will not write to (checked before anything was written)."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for the refusal; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder; give a file name"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def _under(path: Path, folders: Iterable[Path]) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _same(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: the same real path, or (both existing) the same
    inode, as a hard link would be."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _protected(protect: Iterable[PathLike]) -> list[tuple[Path, Path]]:
    """(file, the database it belongs to) for each database and each of its sidecars."""
    out: list[tuple[Path, Path]] = []
    for db in protect:
        db = Path(db).expanduser()
        out.append((db, db))
        out.extend((Path(f"{db}{suffix}"), db) for suffix in SIDECARS)
    return out


def _looks_like_sqlite(path: Path) -> bool:
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        return os.read(fd, len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
    finally:
        os.close(fd)


def _is_sqlite_file(path: Path) -> bool:
    """``path`` (links followed) is a regular file holding a SQLite database."""
    try:
        real = Path(os.path.realpath(path))
        return stat.S_ISREG(os.stat(real).st_mode) and _looks_like_sqlite(real)
    except OSError:
        return False


def check_output(
    path: PathLike,
    *,
    protect: Iterable[PathLike] = (),
    database: bool = False,
    need_folder: bool = True,
) -> Path:
    """Return ``path`` (``~`` expanded) when Dossier may write it, else raise
    :class:`OutputError` with one line. ``protect``: the open database(s), never written, nor
    their sidecars. ``database``: the caller replaces a whole database (init, New, Backup), so
    an existing SQLite file may be the target; an export may not replace one.
    ``need_folder=False``: a missing folder is not refused (``init`` makes it)."""
    target = Path(path).expanduser()
    if not str(path) or target.name in ("", ".", ".."):
        raise OutputError(f"{path!r} is not a file name")
    folder = target.parent
    for guarded, db in _protected(protect):
        if _same(target, guarded):
            what = (
                "the database itself (the open database)"
                if guarded == db
                else f"part of the open database {db}"
            )
            raise OutputError(f"{target} is {what}; choose another file")
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise OutputError(f"cannot write {target}: {folder} is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(f"{target} is a symbolic link; name the real file")
        kind = _kind(st.st_mode)
        if kind is not None:
            raise OutputError(f"{target} is {kind}")
        if not database and _looks_like_sqlite(target):
            raise OutputError(f"{target} is a SQLite database; an export never replaces one")
    real_folder = Path(os.path.realpath(folder))
    if _under(real_folder, SYSTEM_DIRS) and not _under(real_folder, WRITABLE_SYSTEM_DIRS):
        raise OutputError(f"{target} is under {real_folder}, a system folder; not written")
    for suffix in SIDECARS:
        base = Path(str(target)[: -len(suffix)]) if target.name.endswith(suffix) else None
        if base is not None and base.name and _is_sqlite_file(base):
            raise OutputError(f"{target} belongs to the database {base}; choose another file")
    real = Path(os.path.realpath(target))
    for part in (target, *target.parents, real, *real.parents):  # a database's cache folder
        base = Path(str(part)[: -len(CACHE_SUFFIX)])
        if part.name.endswith(CACHE_SUFFIX) and base.name and _is_sqlite_file(base):
            raise OutputError(f"{target} is in the cache folder of the database {base}")
    if not need_folder and not os.path.lexists(folder):
        return target
    if not folder.is_dir():
        why = "is not a folder" if os.path.lexists(folder) else "does not exist"
        raise OutputError(f"cannot write {target}: the folder {why}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {target}: the folder is not writable")
    return target


def describe_os_error(exc: OSError) -> str:
    """One phrase for an OSError, "the disk is full" whatever the platform calls it."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full"
    return str(exc.strerror or exc)


def _mode_for(target: Path) -> int:
    """The permissions a replacement gets: the replaced file's, else ``0666 & ~umask``."""
    try:
        return stat.S_IMODE(os.lstat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _still_replaceable(target: Path) -> None:
    """Just before the rename: the target is still missing or a regular file (not a link or a
    device planted since the check)."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise OutputError(f"{target} is a symbolic link; name the real file")
    kind = _kind(st.st_mode)
    if kind is not None:
        raise OutputError(f"{target} is {kind}")


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(path: PathLike, *, protect: Iterable[PathLike] = ()) -> Iterator[Path]:
    """Check ``path`` (:func:`check_output`, ``protect`` being the open database), then yield a
    temporary path in its folder; when the block ends without an error the temporary file
    replaces ``path``, otherwise it is removed and ``path`` is as it was. Raises
    :class:`OutputError` (nothing written) or OSError."""
    target = check_output(path, protect=protect)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        _still_replaceable(target)
        os.replace(tmp, target)
        _sync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *(Path(f"{path}{s}") for s in SIDECARS)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def swap_in_database(tmp: Path, target: Path) -> None:
    """Move the finished database ``tmp`` onto ``target`` so that the new file is never beside
    the old file's ``-wal``/``-journal`` (SQLite would replay those old pages into it): the
    sidecars are first renamed aside, then ``tmp`` replaces ``target``, then the set-aside
    files are deleted. A crash in between leaves either the old file (without its sidecars,
    which stay beside it as hidden ``.NAME-wal.*.old`` files) or the new one, never a mix."""
    os.chmod(tmp, _mode_for(target))
    _still_replaceable(target)
    aside: list[tuple[Path, Path]] = []
    try:
        for suffix in SIDECARS:
            sidecar = Path(f"{target}{suffix}")
            if not os.path.lexists(sidecar):
                continue
            moved = sidecar.with_name(f".{sidecar.name}.{secrets.token_hex(4)}.old")
            os.replace(sidecar, moved)
            aside.append((sidecar, moved))
        os.replace(tmp, target)
    except BaseException:
        for sidecar, moved in aside:  # the old file is still there: give it its sidecars back
            with contextlib.suppress(OSError):
                os.replace(moved, sidecar)
        raise
    _sync_folder(target.parent)
    for _sidecar, moved in aside:
        with contextlib.suppress(OSError):
            moved.unlink()


@contextlib.contextmanager
def replacing_database(path: PathLike, *, protect: Iterable[PathLike] = ()) -> Iterator[Path]:
    """Replace a whole database (``init --force``, File ▸ New, Backup): check ``path`` (an
    existing SQLite file may be the target, ``protect`` not), refuse it while any Dossier
    window or SQLite connection holds it (:func:`desktop.store.lock.claim_for_replacement`,
    held until the end), yield a temporary path beside it (no file there yet) for the caller to
    build the database in, and on success :func:`swap_in_database`. The caller leaves the
    temporary database closed and without a ``-wal``. On failure ``path`` is as it was."""
    from desktop.store.lock import claim_for_replacement

    target = check_output(path, protect=protect, database=True)
    with claim_for_replacement(target):
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        tmp.unlink()
        try:
            yield tmp
            swap_in_database(tmp, target)
        finally:
            _remove_with_sidecars(tmp)
