"""Copies of an open database (File ▸ Save a copy / Backup).

A copy is made with SQLite's online backup API, so it is consistent even while the window keeps
the database open (WAL included), written to a temporary file beside the target, checked with
``PRAGMA integrity_check`` and only then moved into place by
:func:`desktop.store.files.replacing_database`: the target is checked first (never the open
database or its sidecars, never a link, a folder or a device), refused while a Dossier window
or another process has it open, and an existing target's old ``-wal``/``-shm`` are removed with
it. The copy gets the usual permissions (an existing target's, else ``0666 & ~umask``). A
failure (full disk, read-only folder) leaves any existing target exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.files import describe_os_error, replacing_database


def backup_to(store: Store, target: str | os.PathLike[str]) -> Path:
    """Write a consistent, self-contained copy of ``store`` to ``target`` (replacing it).

    Raises StoreError (target unchanged) when the target is the open database itself or one of
    its sidecars, is not a regular file, is held by another window or process, its folder
    cannot be written, or the copy fails.
    """
    target = Path(target).expanduser()
    try:
        with replacing_database(target, protect=(store.path,)) as tmp:
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
    except sqlite3.Error as exc:
        text = str(exc)
        if "full" in text.lower():
            text = "the disk is full"
        raise StoreError(f"could not write {target}: {text}; nothing was written") from exc
    except OSError as exc:
        raise StoreError(f"could not write {target}: {describe_os_error(exc)}") from exc
    return target
