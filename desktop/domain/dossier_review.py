"""What was added or edited in a dossier since it was last reviewed (the store finds it; the
dossier document badges it)."""

from __future__ import annotations

from dataclasses import dataclass, field

NEW, CHANGED = "new", "changed"


@dataclass(frozen=True)
class ReviewChanges:
    """What was added or edited since ``since``: row id (uuid for notes) -> 'new'/'changed'."""

    since: str | None = None
    events: dict[int, str] = field(default_factory=dict)
    claims: dict[int, str] = field(default_factory=dict)
    metrics: dict[int, str] = field(default_factory=dict)
    products: dict[int, str] = field(default_factory=dict)
    relationships: dict[int, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    events_checked: int | None = None  # only these many (the assembled) events were looked at

    @property
    def total(self) -> int:
        return sum(self.counts().values())

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events),
            "claims": len(self.claims),
            "metrics": len(self.metrics),
            "products": len(self.products),
            "relationships": len(self.relationships),
            "notes": len(self.notes),
        }
