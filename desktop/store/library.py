"""Where databases live and how they are made from the seed dossier."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from desktop.paths import seeds_dir
from desktop.store.database import Store, open_store
from desktop.store.errors import StoreError
from desktop.store.seeds import SeedReport, load_seeds

APP_NAME = "Dossier"


def default_database_path() -> Path:
    """The user's database in the platform's data folder (``$DOSSIER_DB`` overrides it)."""
    override = os.environ.get("DOSSIER_DB")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "dossier.db"


def create_from_seeds(
    path: str | os.PathLike[str], *, force: bool = False, seeds: Path | None = None
) -> tuple[Store, SeedReport]:
    """Build a database at ``path`` from the seed files.

    The database is built in a temporary file beside ``path`` and moved into place only when
    complete, so a failure (or a refusal) leaves any existing file exactly as it was.
    """
    path = Path(path).expanduser()
    if path.exists() and not force:
        raise StoreError(f"{path} already exists; use --force to replace it")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        store = open_store(tmp, create=True)
        try:
            report = load_seeds(store, seeds or seeds_dir())
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            store.conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            store.close()
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    return open_store(path), report


def open_or_create(path: str | os.PathLike[str] | None = None) -> Store:
    """Open ``path`` (default: the user's database), creating it from seeds if it is missing."""
    target = Path(path).expanduser() if path else default_database_path()
    if not target.exists():
        store, _ = create_from_seeds(target)
        return store
    return open_store(target)
