"""The things a dossier is made of, as plain immutable records (no Qt, no SQL).

The store returns these; the UI shows them. ``id`` is the database row id, ``key`` the stable
name that seeds, annotations and the command line use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.domain.grades import Grade


@dataclass(frozen=True)
class Citation:
    source_key: str
    source_title: str
    locator: str | None = None
    quote: str | None = None
    stance: str = "for"  # 'for' or 'against'
    source_file: str | None = None
    source_kind: str = "article"
    reliability: str | None = None  # the source's grade, A-F (desktop.domain.grades)
    credibility: int | None = None  # this citation's grade, 1-6
    credibility_reason: str | None = None

    @property
    def grade(self) -> Grade:
        return Grade(self.reliability, self.credibility)


def contradicted(citations: Iterable[Citation]) -> bool:
    """Whether any of these sources contradicts the fact it is cited for."""
    return any(c.stance == "against" for c in citations)


@dataclass(frozen=True)
class Organization:
    id: int
    key: str
    name: str
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "company"
    country: str | None = None
    hq: str | None = None
    founded: str | None = None
    summary: str | None = None
    parent_id: int | None = None

    @property
    def label(self) -> str:
        """Name with the Chinese name, as lists and lane headers show it."""
        return f"{self.name} {self.name_zh}" if self.name_zh else self.name


@dataclass(frozen=True)
class OrgSummary:
    """One row of the organization list."""

    id: int
    key: str
    name: str
    name_zh: str | None
    kind: str
    event_count: int

    @property
    def label(self) -> str:
        return f"{self.name} {self.name_zh}" if self.name_zh else self.name


@dataclass(frozen=True)
class Person:
    id: int
    key: str
    name: str
    name_zh: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Role:
    person: Person
    title: str
    org_id: int | None
    org_name: str | None
    start: str | None = None
    end: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Product:
    id: int
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    owner_id: int | None = None
    owner_name: str | None = None
    kind: str = "model"
    released: str | None = None
    parameters: str | None = None
    open_weights: bool | None = None
    summary: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Event:
    id: int
    key: str
    title: str
    start: str
    kind: str = "event"
    summary: str | None = None
    end: str | None = None
    start_lo: int | None = None
    start_hi: int | None = None
    end_lo: int | None = None
    end_hi: int | None = None
    place: str | None = None
    era: bool = False

    @property
    def lo(self) -> int | None:
        return self.start_lo

    @property
    def hi(self) -> int | None:
        return self.end_hi if self.end_hi is not None else self.start_hi


@dataclass(frozen=True)
class EventOrg:
    org_id: int
    key: str
    name: str
    name_zh: str | None
    role: str


@dataclass(frozen=True)
class Claim:
    id: int
    key: str
    text: str
    status: str  # claimed, verified, disputed
    claimant: str | None = None  # display name of the person or organization
    subject: str | None = None  # display name of what the claim is about
    subject_ref: str | None = None  # 'org:KEY', 'product:KEY', 'event:KEY', 'person:KEY'
    measured_against: str | None = None
    date: str | None = None
    citations: tuple[Citation, ...] = ()
    claimant_ref: str | None = None  # 'person:KEY' or 'org:KEY'
    spoke_for: tuple[str, ...] = ()  # organizations a person claimant spoke for at the date

    @property
    def disputed(self) -> bool:
        return self.status == "disputed"


@dataclass(frozen=True)
class Metric:
    id: int
    key: str
    name: str
    value: float
    unit: str | None = None
    as_of: str | None = None
    subject: str | None = None
    note: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Relationship:
    id: int
    key: str
    kind: str
    other_id: int
    other_key: str
    other_name: str
    outgoing: bool  # True: this organization -> other ('backs'); False: other -> this
    since: str | None = None
    summary: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def phrase(self) -> str:
        """'backs OpenAI' or 'backed by Microsoft'-style wording from this side."""
        if self.outgoing:
            return f"{self.kind} {self.other_name}"
        passive = {
            "backs": "backed by",
            "parent of": "child of",
            "regulates": "regulated by",
            "restricts": "restricted by",
            "benchmarks against": "benchmarked against by",
        }
        return f"{passive.get(self.kind, self.kind)} {self.other_name}"


@dataclass(frozen=True)
class Source:
    id: int
    key: str
    title: str
    kind: str = "article"
    publisher: str | None = None
    file: str | None = None
    url: str | None = None
    published: str | None = None
    summary: str | None = None
    reliability: str | None = None  # A-F (desktop.domain.grades)
    reliability_reason: str | None = None


@dataclass(frozen=True)
class Annotation:
    uuid: str
    target: str
    body: str = ""
    tags: tuple[str, ...] = ()
    starred: bool = False
    colour: str | None = None
    author: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None


@dataclass(frozen=True)
class EventDetail:
    event: Event
    orgs: tuple[EventOrg, ...] = ()
    people: tuple[Person, ...] = ()
    products: tuple[Product, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    @property
    def disputed(self) -> bool:
        return contradicted(self.citations) or any(c.disputed for c in self.claims)


@dataclass(frozen=True)
class Dossier:
    """Everything known about one organization, assembled by the store."""

    org: Organization
    parent: Organization | None = None
    roles: tuple[Role, ...] = ()
    products: tuple[Product, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    metrics: tuple[Metric, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    citations: tuple[Citation, ...] = ()  # on the organization itself
    annotations: tuple[Annotation, ...] = ()
    sources: tuple[Source, ...] = field(default=())  # every source cited anywhere above
    event_count: int = 0  # related events up to as_of, of which ``events`` are the latest
    as_of: float | None = None  # seconds: the dossier as known then (None: everything)
    event_citations: dict[int, tuple[Citation, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )  # citations of the assembled events, by event id

    def contested_events(self) -> set[int]:
        """Assembled events that a source contradicts or a disputed claim is about."""
        out = {i for i, cs in self.event_citations.items() if contradicted(cs)}
        by_key = {f"event:{e.key}": e.id for e in self.events}
        out.update(
            by_key[c.subject_ref] for c in self.claims if c.disputed and c.subject_ref in by_key
        )
        return out
