"""Where databases live and how they are made from the seed dossier."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import platformdirs

from desktop.paths import seeds_dir
from desktop.store.database import Store, open_store
from desktop.store.errors import StoreError
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
    if path.exists() and not force:
        raise StoreError(f"{path} already exists{hint}")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a file")


def _build(path: Path, fill: Callable[[Store], T]) -> T:
    """Make a database with ``fill`` in a temporary file beside ``path`` and move it into place
    only when complete (one file, no -wal), so a failure leaves an existing file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        store = open_store(tmp, create=True)
        try:
            result = fill(store)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            store.conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            store.close()
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"could not create {path}: {exc.strerror or exc}") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return result


def create_from_seeds(
    path: str | os.PathLike[str], *, force: bool = False, seeds: Path | None = None
) -> tuple[Store, SeedReport]:
    """Build a database at ``path`` from the seed files (see :func:`_build`)."""
    path = Path(path).expanduser()
    _refuse_existing(path, force, "; use --force to replace it")
    report = _build(path, lambda store: load_seeds(store, seeds or seeds_dir()))
    return open_store(path), report


def create_empty(path: str | os.PathLike[str], *, force: bool = False) -> Store:
    """A new database with Dossier's schema and no data at ``path`` (see :func:`_build`)."""
    path = Path(path).expanduser()
    _refuse_existing(path, force)
    _build(path, lambda _store: None)
    return open_store(path)


def open_or_create(path: str | os.PathLike[str] | None = None) -> Store:
    """Open ``path`` (default: the user's database), creating it from seeds if it is missing."""
    target = Path(path).expanduser() if path else default_database_path()
    if not target.exists():
        store, _ = create_from_seeds(target)
        return store
    return open_store(target)
