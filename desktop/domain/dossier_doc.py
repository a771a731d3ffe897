"""One dossier as a document: a typed list of sections built once from an assembled
:class:`Dossier`, which thin writers turn into the pane's HTML, Markdown and the PDF.

Every writer shows the same sections with the same citation numbers: a citation is a footnote
numbered in order of first use (the same source, place, quote, stance and grade share one
number), its mark carries its Admiralty grade ("[3 · B2]", see ``desktop.domain.grades``), and
the footnotes, grouped under their graded sources, end the document. A section is one builder in
``desktop.domain.dossier_sections`` and nothing else; ``desktop.domain.dossier_build`` runs them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.domain.deep_time import year_of, year_text
from desktop.domain.dossier_facts import source_parts
from desktop.domain.dossier_review import ReviewChanges
from desktop.domain.grades import reliability_label
from desktop.domain.model import Citation, Dossier, Source

# run styles: the HTML writer maps them to classes, Markdown to emphasis (or nothing)
PLAIN, STRONG, EM, META, ZH, QUOTE = "", "strong", "em", "meta", "zh", "quote"
CLAIMED, VERIFIED, DISPUTED, FORMER, NOTE = "claimed", "verified", "disputed", "former", "note"

# item tones (a paragraph's or row's look)
ASOF, REVIEW, DISPUTED_ROW = "asof", "review", "disputedrow"


@dataclass(frozen=True)
class Run:
    """A piece of text with one style, maybe a link ('org:12', 'event:3') and a tip (the exact
    value behind a readable one: a tooltip in the pane, printed in exports)."""

    text: str
    style: str = PLAIN
    link: str | None = None
    tip: str | None = None


@dataclass(frozen=True)
class Mark:
    """A footnote mark: number ``n``; ``against`` when the source contradicts the fact;
    ``grade`` the citation's Admiralty grade ('B2', 'B?'; '' when not graded)."""

    n: int
    against: bool = False
    grade: str = ""

    @property
    def label(self) -> str:
        """'3', '3✗', '3 · B2', '3✗ · C4': the mark as every writer shows it."""
        text = f"{self.n}{'✗' if self.against else ''}"
        return f"{text} · {self.grade}" if self.grade else text


@dataclass(frozen=True)
class Item:
    """A list item, a table row (several cells) or a paragraph, with its footnote marks."""

    cells: tuple[tuple[Run, ...], ...]
    marks: tuple[Mark, ...] = ()
    badge: str | None = None  # 'new' or 'changed' since the last review
    contested: bool = False  # a cited source contradicts it
    tone: str = ""
    ref: str = ""  # what it shows ('claim:KEY', 'role:KEY@ORG'), for tests and anchors

    @property
    def text(self) -> str:
        return " ".join("".join(r.text for r in cell) for cell in self.cells)


@dataclass(frozen=True)
class Section:
    """``layout``: 'list' (items), 'table' (rows of cells) or 'lines' (one line each)."""

    kind: str
    heading: str
    layout: str
    items: tuple[Item, ...]
    intro: tuple[Run, ...] = ()
    columns: tuple[str, ...] = ()  # a table's column names


@dataclass(frozen=True)
class Footnote:
    n: int
    source_key: str
    locator: str | None = None
    quote: str | None = None
    against: bool = False
    grade: str = ""  # 'B2' ('' when not graded)
    credibility_reason: str | None = None  # why the information got its digit

    @property
    def label(self) -> str:
        return Mark(self.n, self.against, self.grade).label


@dataclass(frozen=True)
class SourceEntry:
    """A cited source named in full, with the footnotes that cite it."""

    key: str
    title: str
    parts: tuple[str, ...]  # publisher, date, URL (what is known)
    kind: str = "article"
    footnotes: tuple[Footnote, ...] = ()
    reliability: str | None = None  # the source's letter, A-F
    reliability_reason: str | None = None

    @property
    def grade_text(self) -> str:
        """'Graded B — usually reliable: official record.' ('' when not graded)."""
        if not self.reliability:
            return ""
        why = f": {self.reliability_reason}" if self.reliability_reason else ""
        return f"Graded {reliability_label(self.reliability)}{why}"


@dataclass(frozen=True)
class DossierDoc:
    title: str  # the organization's name (and Chinese name): headers, PDF footers
    heading: tuple[Run, ...]
    heading_marks: tuple[Mark, ...]
    lead: tuple[Item, ...]  # paragraphs under the heading: as of, facts, summary, review
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...] = ()

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(sorted((f for s in self.sources for f in s.footnotes), key=lambda f: f.n))

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


@dataclass
class Footnotes:
    """Numbers citations in order of first use; the same source, place, quote, stance and grade
    share one number."""

    order: dict[tuple[str, str, str, bool, str], int] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)

    def marks(self, citations: Iterable[Citation]) -> tuple[Mark, ...]:
        out: list[Mark] = []
        for c in citations:
            against = c.stance == "against"
            grade = str(c.grade)
            key = (c.source_key, c.locator or "", c.quote or "", against, grade)
            mark = Mark(self.order.setdefault(key, len(self.order) + 1), against, grade)
            if c.credibility_reason:
                self.reasons.setdefault(mark.n, c.credibility_reason)
            if mark not in out:
                out.append(mark)
        return tuple(out)

    def entries(self, sources: Iterable[Source]) -> tuple[SourceEntry, ...]:
        """The cited sources in order of first citation, each with its footnotes."""
        known = {s.key: s for s in sources}
        by_source: dict[str, list[Footnote]] = {}
        for (key, locator, quote, against, grade), n in self.order.items():
            reason = self.reasons.get(n)
            note = Footnote(n, key, locator or None, quote or None, against, grade, reason)
            by_source.setdefault(key, []).append(note)
        out = []
        for key, notes in by_source.items():
            s = known.get(key)
            title = s.title if s else key
            parts = source_parts(s) if s else ()
            kind = s.kind if s else "article"
            reliability = s.reliability if s else None
            why = s.reliability_reason if s else None
            out.append(SourceEntry(key, title, parts, kind, tuple(notes), reliability, why))
        return tuple(out)


@dataclass
class Context:
    """What a section builder needs besides the dossier."""

    notes: Footnotes
    changes: ReviewChanges
    max_events: int | None = None
    min_grade: str = ""  # the dossier keeps only facts graded at least this ('B2')


def instant_text(seconds: float) -> str:
    """A moment as a day ('31 May 2024')."""
    try:
        d = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return year_text(year_of(seconds)) if math.isfinite(seconds) else "?"  # "3500 BCE"
    return f"{d.day} {d:%b %Y}"


def iso_text(stamp: str | None) -> str:
    """An ISO UTC time stamp ('2025-05-03T10:22:01.123Z') as '3 May 2025 10:22'."""
    if not stamp:
        return "never"
    try:
        d = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return f"{d.day} {d:%b %Y %H:%M}"


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


Builder = Callable[[Dossier, Context], Section | None]
