"""Search: the Ctrl+F box with its results dock and the Ctrl+K quick-open palette.

``install(window)`` adds them to the main window (idempotent; the controller is
``window.search_ui``).
"""

from desktop.ui.search.controller import SearchUI, install

__all__ = ["SearchUI", "install"]
