"""Where databases live and how they are made from the seed dossier."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import platformdirs

from desktop.paths import seeds_dir
from desktop.store.database import Store, open_store
from desktop.store.errors import StoreError
from desktop.store.files import check_output, describe_os_error, replacing_database
from desktop.store.seeds import SeedReport, load_seeds

APP_NAME = "Dossier"
T = TypeVar("T")


def default_database_path() -> Path:
    """The user's database in the platform's data folder (``$DOSSIER_DB`` overrides it)."""
    override = os.environ.get("DOSSIER_DB")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "dossier.db"


def _refuse_existing(path: Path, force: bool, hint: str = "") -> None:
    if os.path.lexists(path) and not force:
        raise StoreError(f"{path} already exists{hint}")


def _build(path: Path, fill: Callable[[Store], T]) -> T:
    """Make a database with ``fill`` in a temporary file beside ``path`` and move it into place
    only when complete (one file, no -wal), through :func:`replacing_database`: the target is
    checked first (a regular file or a missing one, not a link or a device), refused while a
    window or another process has it open, and its old ``-wal``/``-shm`` go with it. A failure
    leaves an existing file as it was."""
    # before making any folder: not under /proc, not a link, not a device
    check_output(path, database=True, need_folder=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing_database(path) as tmp:
            try:
                store = open_store(tmp, create=True)
                try:
                    result = fill(store)
                    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    store.conn.execute("PRAGMA journal_mode = DELETE")
                finally:
                    store.close()
            except StoreError as exc:  # name the file asked for, not the temporary one
                raise StoreError(str(exc).replace(str(tmp), str(path))) from None
    except OSError as exc:
        raise StoreError(f"could not create {path}: {describe_os_error(exc)}") from None
    except sqlite3.Error as exc:
        text = "the disk is full" if "full" in str(exc).lower() else str(exc)
        raise StoreError(f"could not create {path}: {text}") from None
    return result


def create_from_seeds(
    path: str | os.PathLike[str], *, force: bool = False, seeds: Path | None = None
) -> tuple[Store, SeedReport]:
    """Build a database at ``path`` from the seed files (see :func:`_build`)."""
    path = Path(path).expanduser()
    _refuse_existing(path, force, "; use --force to replace it")
    report = _build(path, lambda store: load_seeds(store, seeds or seeds_dir()))
    return open_store(path), report


def create_empty(path: str | os.PathLike[str], *, force: bool = False, hint: str = "") -> Store:
    """A new database with Dossier's schema and no data at ``path`` (see :func:`_build`);
    ``dossier init --empty`` and File ▸ New. ``hint`` ends the refusal of an existing file."""
    path = Path(path).expanduser()
    _refuse_existing(path, force, hint)
    _build(path, lambda _store: None)
    return open_store(path)


def open_or_create(path: str | os.PathLike[str] | None = None) -> Store:
    """Open ``path`` (default: the user's database), creating it from seeds if it is missing."""
    target = Path(path).expanduser() if path else default_database_path()
    if not target.exists():
        store, _ = create_from_seeds(target)
        return store
    return open_store(target)
