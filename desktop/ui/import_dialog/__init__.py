"""Importing files in the window: File ▸ Import… and the preview dialog.

``install(window)`` adds the action (idempotent; the controller is ``window.import_ui``);
``ImportDialog(store, path, parent)`` can be opened directly.
"""

from desktop.ui.import_dialog.controller import ImportUI, install
from desktop.ui.import_dialog.dialog import ImportDialog

__all__ = ["ImportDialog", "ImportUI", "install"]
