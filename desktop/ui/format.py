"""Text for people: dates at their own precision, escaped HTML fragments, numbers."""

from __future__ import annotations

import html

from desktop.domain.text import date_text, number, span_text

# the colour labels of notes (Okabe-Ito where it has one), for badges, swatches and cells
COLOUR_HEX = {
    "red": "#D55E00",
    "orange": "#E69F00",
    "yellow": "#F0E442",
    "green": "#009E73",
    "blue": "#0072B2",
    "purple": "#CC79A7",
    "grey": "#999999",
}

__all__ = ["COLOUR_HEX", "date_text", "esc", "number", "span_text"]


def esc(text: object) -> str:
    """Data is always text: escape it before it goes into any rich-text widget."""
    return html.escape("" if text is None else str(text), quote=True)
