"""The timeline's columns: every dated event once per organization it involves, by start time.

Reading ten million rows out of SQLite takes many seconds, so the columns are kept as numpy
``.npy`` files in a folder beside the database (``NAME.db.dossier-cache/``, see README) and
memory-mapped: a column nobody reads stays on disk, and the operating system may drop the
pages of one that was read. The files are only a copy, made again from the database whenever
they do not match it:

* a build reads the rows (``store.timeline_read``), sorts them by start, writes every file
  into a fresh ``build-TOKEN`` folder and renames it ``columns-TOKEN`` only when complete;
  then the database's ``timeline_cache`` table records ``TOKEN`` with the ``generations``
  counter (moved by triggers on ``events`` and ``event_orgs``, whichever client writes);
* an open uses ``columns-TOKEN`` only when the database names that token at its current
  generation and every file has the recorded length and type; anything else (a stale
  generation, another database's folder, a truncated or damaged file) is a rebuild;
* a database opened read-only, or beside a folder that cannot be written, gets the columns
  built in memory (nothing written); one opened read-only still uses valid files.

The cache never feeds anything back into the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import time
from pathlib import Path

import numpy as np

from desktop.store import timeline_read
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.files import CACHE_SUFFIX
from desktop.store.timeline_read import COLUMNS, DTYPES, Progress

FORMAT = 2
TOKEN_ROW = "columns-files"  # timeline_cache row naming the valid column files
OLD_ROWS = ("columns-v1",)  # the .npz blob of format 1, no longer written
README = (
    "Dossier's timeline cache for {name}: the events' dates, kinds and organizations as\n"
    "column files, made again from the database whenever needed. Safe to delete; never\n"
    "needed to restore anything (back up {name} itself).\n"
)


def cache_dir(db_path: Path) -> Path:
    """The folder of column files beside the database ``db_path``."""
    return db_path.with_name(db_path.name + CACHE_SUFFIX)


#: Below this many events the columns are read from the rows on every open (a few hundred
#: milliseconds at most) and no cache folder is made beside the database.
FILES_FROM = 50_000


def _on_disk(store: Store) -> bool:
    """A database in a file (not ``:memory:``): it can have cache files beside it."""
    return str(store.path) != ":memory:" and store.path.is_file()


def _worth_files(store: Store) -> bool:
    """Whether the events are many enough for cache files (the highest id, read from the
    table's b-tree without a scan, stands for their number)."""
    row = store.conn.execute("SELECT max(id) FROM events").fetchone()
    return bool(row and row[0] is not None and row[0] >= FILES_FROM)


def _generation(store: Store) -> int:
    row = store.conn.execute("SELECT value FROM generations WHERE name = 'timeline'").fetchone()
    return int(row[0]) if row else -1


def _max_org(store: Store) -> int:
    row = store.conn.execute("SELECT max(id) FROM organizations").fetchone()
    return int(row[0]) if row and row[0] is not None else -1


def _recorded(store: Store) -> tuple[int, str] | None:
    row = store.conn.execute(
        "SELECT generation, data FROM timeline_cache WHERE name = ?", (TOKEN_ROW,)
    ).fetchone()
    if row is None or not isinstance(row[1], bytes):
        return None
    token = row[1].decode("ascii", "replace")
    return (int(row[0]), token) if token.isalnum() else None


# -- reading valid files -----------------------------------------------------------------------
def _load(
    folder: Path, token: str, generation: int, max_org: int | None = None
) -> dict[str, np.ndarray] | None:
    """The memory-mapped columns of ``columns-TOKEN`` when they are exactly what its manifest
    and the database say; None when anything is missing, different or unreadable."""
    where = folder / f"columns-{token}"
    if folder.is_symlink() or where.is_symlink():
        return None
    try:
        manifest = json.loads((where / "manifest.json").read_text(encoding="utf-8"))
        if (
            manifest.get("format") != FORMAT
            or manifest.get("token") != token
            or manifest.get("generation") != generation
        ):
            return None
        n = int(manifest["rows"])
        out: dict[str, np.ndarray] = {}
        for name in COLUMNS:
            col = np.load(where / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            if col.shape != (n,) or col.dtype != np.dtype(manifest["dtypes"][name]):
                return None
            out[name] = col
        kinds = manifest["kind_names"]
        if not all(isinstance(k, str) for k in kinds):
            return None
        stamp = (str(where), generation, max_org, _stamps(where))
        if stamp not in _SOUND:  # checked once per process while the files are unchanged
            if not _sound(out, len(kinds), max_org):
                return None
            _SOUND.add(stamp)
        out["kind_names"] = np.array(kinds, dtype=str)
        return out
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


_SOUND: set[tuple[object, ...]] = set()


def _stamps(where: Path) -> tuple[tuple[int, int], ...]:
    return tuple(
        (st.st_size, st.st_mtime_ns) for st in (os.stat(where / f"{n}.npy") for n in COLUMNS)
    )


def _sound(cols: dict[str, np.ndarray], n_kinds: int, max_org: int | None) -> bool:
    """What the timeline relies on holds (a file whose bytes were lost, say zeros after a
    power cut, must not stop the window): starts sorted and finite, every end after its
    start, kind codes, era flags and organization ids in range. A few passes over columns
    that the first frame reads anyway."""
    lo, hi = cols["lo"], cols["hi"]
    if not len(lo):
        return True
    kind, org = cols["kind"], cols["org"]
    return bool(
        np.isfinite(lo[0])
        and np.isfinite(hi).all()
        and (lo[1:] >= lo[:-1]).all()
        and (hi > lo).all()
        and kind.min() >= 0
        and kind.max() < n_kinds
        and cols["era"].max() <= 1
        and org.min() >= -1
        and (max_org is None or org.max() <= max_org)
    )


# -- building ----------------------------------------------------------------------------------
class _Columns:
    """Chunks collected per column: appended to raw files in ``folder``, or kept in memory."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.parts: dict[str, list[np.ndarray]] = {name: [] for name in COLUMNS}
        self.files = {
            name: open(folder / f"{name}.raw", "wb") for name in COLUMNS  # noqa: SIM115
        } if folder else {}  # fmt: skip
        self.n = 0

    def reset(self) -> None:
        """Forget what was added (to read again another way)."""
        self.close()
        self.__init__(self.folder)  # type: ignore[misc]

    def add(self, chunk: dict[str, np.ndarray]) -> None:
        self.n += len(chunk["id"])
        for name in COLUMNS:
            if self.folder:
                chunk[name].tofile(self.files[name])
            else:
                self.parts[name].append(chunk[name])

    def column(self, name: str) -> np.ndarray:
        if self.folder is None:
            parts = self.parts[name]
            joined = np.concatenate(parts) if parts else np.zeros(0, DTYPES[name])
            self.parts[name] = [joined]
            return joined
        self.files[name].close()
        path = self.folder / f"{name}.raw"
        if not self.n:
            return np.zeros(0, DTYPES[name])
        return np.memmap(path, dtype=DTYPES[name], mode="r", shape=(self.n,))

    def close(self) -> None:
        for f in self.files.values():
            f.close()


def _read(store: Store, sink: _Columns, progress: Progress | None) -> tuple[int, list[str]]:
    """Read every column into ``sink`` in one read transaction: (generation, kind names)."""
    conn = store.conn
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        generation = _generation(store)
        kinds = timeline_read.Kinds()
        try:
            told = (lambda f: progress(0.9 * f)) if progress else None  # then sorting: 10 %
            for chunk in timeline_read.read_chunks(store, generation, kinds, told):
                sink.add(chunk)
            names = kinds.names
        except timeline_read.TooManyKinds:
            sink.reset()  # start again, row by row
            cols, names = timeline_read.read_rows_slowly(store)
            sink.add(cols)
    finally:
        if began:
            conn.execute("COMMIT")
    return generation, names


def _sorted_into(
    sink: _Columns, out: Path | None, progress: Progress | None = None
) -> dict[str, np.ndarray]:
    """Every column sorted by start (stable), written to ``out/NAME.npy`` or in memory."""
    lo = sink.column("lo")
    n = len(lo)
    presorted = n < 2 or bool((lo[1:] >= lo[:-1]).all())
    order = None if presorted else np.argsort(lo, kind="stable")
    del lo
    cols: dict[str, np.ndarray] = {}
    step = 1 << 20
    for name in COLUMNS:
        src = sink.column(name)
        dtype = _narrowest(src) if name == "org" else np.dtype(DTYPES[name])
        if out is None:
            cols[name] = (src if order is None else src[order]).astype(dtype, copy=False)
            continue
        dst = np.lib.format.open_memmap(out / f"{name}.npy", "w+", dtype, (n,))
        for i in range(0, n, step):  # a gather a chunk at a time: little memory
            dst[i : i + step] = src[i : i + step] if order is None else src[order[i : i + step]]
        dst.flush()
        del dst, src
        with open(out / f"{name}.npy", "rb+") as f:
            os.fsync(f.fileno())  # on disk before the folder is named valid
        (sink.folder / f"{name}.raw").unlink()  # type: ignore[operator]
        if progress:
            progress(0.9 + 0.1 * (COLUMNS.index(name) + 1) / len(COLUMNS))
    return cols


def _stored_dtype(folder: Path, name: str) -> str:
    return str(np.load(folder / f"{name}.npy", mmap_mode="r").dtype.str)


def _narrowest(org: np.ndarray) -> np.dtype:
    """int32 for organization ids that fit (half the memory), else int64."""
    fits = not len(org) or (int(org.min()) >= -(2**31) and int(org.max()) < 2**31)
    return np.dtype(np.int32 if fits else np.int64)


def _remove_others(folder: Path, keep: str) -> None:
    """Older column folders, and build folders abandoned over an hour ago (a crash)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            stale = entry.name.startswith("columns-") and entry.name != keep
            if entry.name.startswith("build-"):
                with contextlib.suppress(OSError):
                    stale = time.time() - entry.stat().st_mtime > 3600
            if stale:
                shutil.rmtree(entry, ignore_errors=True)


def _build_files(store: Store, progress: Progress | None) -> dict[str, np.ndarray] | None:
    """Build the column files beside the database; None when they cannot be written there
    (the caller builds in memory)."""
    folder = cache_dir(store.path)
    token = secrets.token_hex(8)
    work = folder / f"build-{token}"
    if folder.is_symlink():  # never written through a link (README, "one rule")
        return None
    try:
        folder.mkdir(exist_ok=True)
        readme = folder / "README.txt"
        if not readme.exists():
            readme.write_text(README.format(name=store.path.name), encoding="utf-8")
        work.mkdir()
    except OSError:
        return None
    sink = _Columns(work)
    try:
        generation, kinds = _read(store, sink, progress)
        _sorted_into(sink, work, progress)
        manifest = {
            "format": FORMAT,
            "token": token,
            "generation": generation,
            "rows": sink.n,
            "dtypes": {name: _stored_dtype(work, name) for name in COLUMNS},
            "kind_names": kinds,
        }
        (work / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        final = folder / f"columns-{token}"
        os.rename(work, final)
    except OSError:  # a full disk...: the columns are still needed, in memory
        shutil.rmtree(work, ignore_errors=True)
        return None
    except BaseException:  # nothing half-built is left behind
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        sink.close()
    if _record(store, generation, token):
        _remove_others(folder, final.name)
    # else (the file is locked...): used this once, removed by the next build
    return _load(folder, token, generation)


def _record(store: Store, generation: int, token: str) -> bool:
    """Name ``token`` valid at ``generation`` in the database, if nothing changed since."""
    if store.conn.in_transaction:
        return False
    try:
        with store.write() as db:
            if _generation(store) != generation:
                return False
            db.execute(
                "INSERT OR REPLACE INTO timeline_cache (name, generation, data) VALUES (?, ?, ?)",
                (TOKEN_ROW, generation, token.encode("ascii")),
            )
            for name in OLD_ROWS:
                db.execute("DELETE FROM timeline_cache WHERE name = ?", (name,))
    except StoreError:  # locked...: a cache that can't be named is only slower
        return False
    return True


def _build_in_memory(store: Store, progress: Progress | None) -> dict[str, np.ndarray]:
    sink = _Columns(None)
    _generation_read, kinds = _read(store, sink, progress)
    cols = _sorted_into(sink, None)
    for col in cols.values():
        col.flags.writeable = False  # as the memory-mapped files are
    cols["kind_names"] = np.array(kinds, dtype=str)
    return cols


def timeline_columns(store: Store, progress: Progress | None = None) -> dict[str, np.ndarray]:
    """Columns id, lo, hi (half-open), start_hi (end of the start's uncertainty), kind (code
    into ``kind_names``), era, org (-1: none); one row per (event, organization), sorted by
    ``lo``. Read-only arrays, memory-mapped from the cache files when they are valid (else
    built first; ``progress`` is told the fraction done, 0..1)."""
    recorded = _recorded(store) if _on_disk(store) else None
    if recorded and recorded[0] == _generation(store):
        cols = _load(cache_dir(store.path), recorded[1], recorded[0], _max_org(store))
        if cols is not None:
            return cols
    if (
        not (store.readonly or store.conn.in_transaction)
        and _on_disk(store)
        and _worth_files(store)
    ):
        cols = _build_files(store, progress)
        if cols is not None:
            return cols
    return _build_in_memory(store, progress)


def prepare_timeline(store: Store, progress: Progress | None = None) -> bool:
    """Build the column files now if a window would have to (a database big enough for them,
    written since they were made): after an import, so the next open is quick. True when
    files were built."""
    if store.readonly or not _on_disk(store) or not _worth_files(store) or columns_ready(store):
        return False
    return _build_files(store, progress) is not None


def columns_ready(store: Store) -> bool:
    """Whether :func:`timeline_columns` would answer from valid files (no build)."""
    recorded = _recorded(store) if _on_disk(store) else None
    return bool(
        recorded
        and recorded[0] == _generation(store)
        and _load(cache_dir(store.path), recorded[1], recorded[0], _max_org(store)) is not None
    )
