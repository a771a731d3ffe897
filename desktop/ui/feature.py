"""What every feature's ``install(window)`` shares: install once, keep the controller on the
window under a known name, and return the one already there on a second call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def install_once(window: Any, attribute: str, kind: type[T], make: Callable[[], T]) -> T:
    """``window.<attribute>`` if it is already a ``kind``, else ``make()`` stored there."""
    existing = getattr(window, attribute, None)
    if isinstance(existing, kind):
        return existing
    controller = make()
    setattr(window, attribute, controller)
    return controller
