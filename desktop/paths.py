"""Where Dossier's own files are: the seed dossier and the resources (icons, styles).

Works from a source checkout (editable install) and from a PyInstaller bundle, which puts
``seeds/`` and ``resources/`` beside the package in ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return app_root() / "seeds"


def resources_dir() -> Path:
    return app_root() / "resources"
