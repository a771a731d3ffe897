"""QSettings for what belongs to this machine: recent files, theme, window layout per database.

Organization and application are both "Dossier" (set in desktop/ui/app.py). Per-database keys
sit under ``databases/<hash of the resolved path>/`` so any path is a valid key.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "recent/files"
RECENT_MAX = 10
THEME_KEY = "view/theme"


def settings() -> QSettings:
    return QSettings("Dossier", "Dossier")


def db_key(path: Path) -> str:
    resolved = str(Path(path).expanduser().resolve())
    return "databases/" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return []


def recent_files() -> list[str]:
    return _as_list(settings().value(RECENT_KEY))[:RECENT_MAX]


def recent_label(path: Path) -> str:
    """'dossier.db — ~/.local/share/Dossier': the name, then the folder (home as ~), so two
    files of the same name can be told apart in File ▸ Open Recent."""
    path = Path(path)
    folder = path.parent
    home = Path.home()
    if folder == home or home in folder.parents:
        shown = "~" if folder == home else "~/" + folder.relative_to(home).as_posix()
    else:
        shown = str(folder)
    return f"{path.name} — {shown}"


def add_recent(path: Path) -> list[str]:
    """Put ``path`` first in the recent list (no duplicates, at most RECENT_MAX)."""
    text = str(Path(path).expanduser().resolve())
    items = [text] + [p for p in recent_files() if p != text]
    items = items[:RECENT_MAX]
    s = settings()
    s.setValue(RECENT_KEY, items)
    s.sync()
    return items


def set_recent(items: list[str]) -> None:
    s = settings()
    s.setValue(RECENT_KEY, items[:RECENT_MAX])
    s.sync()


def theme_choice() -> str:
    value = settings().value(THEME_KEY, "system")
    return value if value in ("system", "light", "dark") else "system"


def set_theme_choice(choice: str) -> None:
    s = settings()
    s.setValue(THEME_KEY, choice)
    s.sync()


def window_layout(path: Path) -> tuple[bytes | None, bytes | None]:
    s = settings()
    key = db_key(path)
    geometry, state = s.value(f"{key}/geometry"), s.value(f"{key}/state")
    return (bytes(geometry) if geometry else None, bytes(state) if state else None)


def save_window_layout(path: Path, geometry: bytes, state: bytes) -> None:
    s = settings()
    key = db_key(path)
    s.setValue(f"{key}/path", str(Path(path).expanduser().resolve()))
    s.setValue(f"{key}/geometry", geometry)
    s.setValue(f"{key}/state", state)
    s.sync()
