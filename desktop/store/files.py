"""Writing a file all or nothing: into a temporary file beside it, moved into place only when
the whole of it was written, so a failure (bad data, a full disk, a crash) leaves the old file
exactly as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder; when the block ends without an error it
    replaces ``path`` (with the usual permissions, not the temporary file's private ones),
    otherwise it is removed. Raises OSError when the folder cannot be written."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
