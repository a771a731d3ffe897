"""Forms to create, edit and delete every kind of fact, each save an undoable command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.editing.controller import EditingController
from desktop.ui.feature import install_once

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

__all__ = ["EditingController", "install"]


def install(window: WindowContext) -> EditingController:
    """Add the edit actions to ``window`` (idempotent); the controller is ``window.editing``."""
    return install_once(window, "editing", EditingController, lambda: EditingController(window))
