"""Filters and saved views for the timeline: ``install(window)`` adds the filter bar, the
View ▸ Saved views menu and keeps the organization counts following the filter."""

from __future__ import annotations

from desktop.ui.context import WindowContext
from desktop.ui.feature import install_once
from desktop.ui.filters.controller import FilterController

__all__ = ["FilterController", "install"]


def install(window: WindowContext) -> FilterController:
    """Add the filter bar above the timeline (idempotent); kept as ``window.filters_ui``."""
    return install_once(window, "filters_ui", FilterController, lambda: FilterController(window))
