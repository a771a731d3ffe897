"""Errors the store raises for a file it will not open or write.

Each carries a one-line message meant for a person; the command line prints it as is and the
window shows it in a dialog. None of them is raised after anything was written.
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar


class StoreError(Exception):
    """Base class: the database was refused or a write failed; the file is unchanged."""


class NotADatabaseError(StoreError):
    """The file is not SQLite at all (or is empty)."""


class CorruptDatabaseError(StoreError):
    """SQLite reports the file as damaged (``why``: what is wrong, when known)."""

    def __init__(self, message: str, why: str = "") -> None:
        super().__init__(message)
        self.why = why


class NewerSchemaError(StoreError):
    """The file was written by a newer Dossier whose schema this version does not know."""


class ReadOnlyError(StoreError):
    """The file (or its folder) cannot be written."""


class LockedError(StoreError):
    """Another program holds a write lock on the file."""


class MissingDatabaseError(StoreError):
    """No file at that path."""


class ValidationError(StoreError):
    """A value given for a write is not acceptable (bad date, unknown key, ...)."""


class ForeignSchemaError(StoreError):
    """The file holds schema objects Dossier did not create (a trigger, a view, a table, an
    index), lacks some of its own, or had one changed: refused, they would run on a write."""


# -- describing any error in one line ----------------------------------------------------------
DISK_FULL = "the disk is full; nothing was written"
SQLITE_FULL, SQLITE_IOERR = 13, 10


def free_bytes(place: str | os.PathLike[str]) -> int | None:
    """Bytes free for an ordinary user where ``place`` (or its nearest existing folder) lies."""
    folder = Path(place).expanduser().absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return stat.f_bavail * stat.f_frsize


def is_disk_full(exc: BaseException, places: Iterable[str | os.PathLike[str]] = ()) -> bool:
    """Whether ``exc`` comes from a full disk: ENOSPC/EDQUOT, SQLITE_FULL, or SQLite's "disk
    I/O error" where one of ``places`` has no free space left (what SQLite says at 0 bytes)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if not isinstance(exc, sqlite3.Error):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if (code is not None and code & 0xFF == SQLITE_FULL) or "disk is full" in text:
        return True
    io_error = (code is not None and code & 0xFF == SQLITE_IOERR) or "disk i/o error" in text
    return io_error and any(free_bytes(p) == 0 for p in places)


def _decode_error(exc: UnicodeError) -> str:
    if isinstance(exc, UnicodeDecodeError) and exc.start < len(exc.object):
        byte = exc.object[exc.start]
        return f"the input is not UTF-8 text (byte 0x{byte:02X} at offset {exc.start:,})"
    return f"the text cannot be encoded or decoded ({getattr(exc, 'reason', exc)})"


def describe(exc: BaseException, places: Iterable[str | os.PathLike[str]] = ()) -> str:
    """One line for a person about an error no refusal caught (the command line's boundary)."""
    places = list(places)
    if is_disk_full(exc, places):
        return DISK_FULL
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to be read"
    if isinstance(exc, OverflowError):
        return f"a number or date in the input is out of range ({exc})"
    if isinstance(exc, UnicodeError):
        return _decode_error(exc)
    if isinstance(exc, MemoryError):
        return "out of memory; nothing was written"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "malformed" in text or "not a database" in text:
            return f"the database is damaged ({text}); run 'dossier check' or restore a backup"
        return f"the database refused: {text}"
    return str(exc) or type(exc).__name__


# -- SQLite's errors as the store's own --------------------------------------------------------
def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error about the database at ``path`` as the store's own, in one line."""
    text = str(exc).lower()
    if is_disk_full(exc, (path,)):
        # no file named: the path may be a temporary file the person never chose
        return StoreError(DISK_FULL)
    if "locked" in text or "busy" in text:
        return LockedError(f"{path} is locked by another program; close it there and try again")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(f"{path} cannot be written (read-only file or folder)")
    if "not a database" in text or "encrypted" in text:
        return NotADatabaseError(f"{path} is not an SQLite database")
    if "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(
            f"{path} is damaged ({exc}); restore a backup or run 'dossier check'"
        )
    return StoreError(f"{path}: {exc}")


class _Located(Protocol):
    path: Path


P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound=_Located)


def raises_store_errors(fn: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """``fn(store, ...)`` with SQLite's errors raised as :func:`store_error` s: for the store's
    functions the window calls, which then catch :class:`StoreError` and nothing of SQLite."""

    @functools.wraps(fn)
    def wrapper(store: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(store, *args, **kwargs)
        except sqlite3.Error as exc:
            raise store_error(exc, store.path) from exc

    return wrapper
