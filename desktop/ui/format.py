"""Text for people: dates at their own precision, escaped HTML fragments, numbers."""

from __future__ import annotations

import html

from desktop.domain.model import Citation, Event
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

__all__ = ["COLOUR_HEX", "CitationIndex", "date_text", "esc", "event_when", "number", "span_text"]


def event_when(event: Event) -> str:
    return span_text(event.start, event.end)


def esc(text: object) -> str:
    """Data is always text: escape it before it goes into any rich-text widget."""
    return html.escape("" if text is None else str(text), quote=True)


class CitationIndex:
    """Numbers sources in order of first citation, for footnote markers."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}
        self.quotes: dict[str, list[Citation]] = {}

    def marks(self, citations: tuple[Citation, ...]) -> str:
        out = []
        seen: set[tuple[str, str]] = set()
        for c in citations:
            if (c.source_key, c.stance) in seen:  # one mark per source and stance
                self.quotes.setdefault(c.source_key, []).append(c)
                continue
            seen.add((c.source_key, c.stance))
            n = self.order.setdefault(c.source_key, len(self.order) + 1)
            self.quotes.setdefault(c.source_key, []).append(c)
            cls = "against" if c.stance == "against" else "cite"
            label = f"{n}✗" if c.stance == "against" else str(n)
            out.append(
                f'<sup class="{cls}"><a href="source:{esc(c.source_key)}">[{label}]</a></sup>'
            )
        return "".join(out)
