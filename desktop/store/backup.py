"""Copies of an open database (File ▸ Save a copy / Backup).

A copy is made with SQLite's online backup API, so it is consistent even while the window keeps
the database open (WAL included), written to a temporary file beside the target, checked with
``PRAGMA integrity_check`` and only then moved into place: a failure (full disk, read-only
folder) leaves any existing target exactly as it was and nothing half-written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from desktop.store.database import Store
from desktop.store.errors import StoreError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _temp_beside(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(name)


def _cleanup(tmp: Path) -> None:
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def backup_to(store: Store, target: str | os.PathLike[str]) -> Path:
    """Write a consistent, self-contained copy of ``store`` to ``target`` (replacing it).

    Raises StoreError (target unchanged) when the target is the open database itself, its folder
    cannot be written, or the copy fails.
    """
    target = Path(target).expanduser()
    if target.resolve() == store.path.resolve() or _same_file(target, store.path):
        raise StoreError(f"{target} is the open database; choose another file for the copy")
    if target.exists() and not target.is_file():
        raise StoreError(f"{target} is not a file")
    if not target.parent.is_dir():
        raise StoreError(f"cannot write {target}: the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise StoreError(f"cannot write {target}: the folder is not writable")
    try:
        tmp = _temp_beside(target)
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        dest = sqlite3.connect(tmp)
        try:
            store.conn.backup(dest)
            # a single self-contained file: no -wal beside it
            dest.execute("PRAGMA journal_mode = DELETE")
            verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if verdict != "ok":
            raise StoreError(f"the copy did not pass its integrity check ({verdict})")
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        text = str(exc)
        if "full" in text.lower():
            text = "the disk is full"
        raise StoreError(f"could not write {target}: {text}; nothing was written") from exc
    except OSError as exc:
        raise StoreError(f"could not write {target}: {exc.strerror or exc}") from exc
    finally:
        _cleanup(tmp)
    return target
