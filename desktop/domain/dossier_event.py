"""One event (the event-details pane) as a dossier document: the same runs, marks and
footnoted sources as a dossier, so the same writer shows both."""

from __future__ import annotations

from desktop.domain.attributes import split_attributes
from desktop.domain.dossier_doc import (
    DISPUTED,
    META,
    NOTE,
    PLAIN,
    STRONG,
    ZH,
    DossierDoc,
    Footnotes,
    Item,
    Run,
    Section,
)
from desktop.domain.dossier_sections import STATUS, claimant_runs
from desktop.domain.model import EventDetail, Source
from desktop.domain.text import span_text


def _para(*runs: Run, tone: str = "") -> Item:
    return Item((tuple(runs),), tone=tone)


def event_document(d: EventDetail, sources: tuple[Source, ...] = ()) -> DossierDoc:
    """The event: date, kind and place, summary, organizations (links), people, products,
    attributes (an imported row's other columns), claims, notes and the sources cited (named
    from ``sources`` where given)."""
    notes = Footnotes()
    e = d.event
    marks = notes.marks(d.citations)
    meta = [span_text(e.start, e.end), e.kind] + ([e.place] if e.place else [])
    lead = [_para(Run(" · ".join(meta), META))]
    if d.disputed:
        lead.append(_para(Run("⚠ Some of this is disputed: see the sources marked ✗.", DISPUTED)))
    summary, attributes = split_attributes(e.summary)
    if summary:
        lead.append(_para(Run(" ".join(summary.split()))))
    if d.orgs:
        runs = [Run("Organizations: ", STRONG)]
        for i, o in enumerate(d.orgs):
            label = f"{o.name} {o.name_zh}" if o.name_zh else o.name
            runs += [Run(", ")] if i else []
            runs += [Run(label, link=f"org:{o.org_id}"), Run(f" ({o.role})", META)]
        lead.append(_para(*runs))
    if d.people:
        runs = [Run("People: ", STRONG)]
        for i, p in enumerate(d.people):
            runs += [Run(", ")] if i else []
            runs += [Run(p.name)] + ([Run(f" {p.name_zh}", ZH)] if p.name_zh else [])
        lead.append(_para(*runs))
    if d.products:
        lead.append(_para(Run("Products: ", STRONG), Run(", ".join(p.name for p in d.products))))
    sections = []
    if attributes:  # an imported row's other columns (Timesketch attributes), in file order
        items = tuple(
            _para(Run(f"{name}: ", STRONG), Run(" ".join(value.split())))
            for name, value in attributes.items()
        )
        sections.append(Section("attributes", "Attributes", "list", items))
    if d.claims:
        items = tuple(
            Item(
                (
                    (
                        STATUS.get(c.status, Run(c.status)),
                        Run(" "),
                        *claimant_runs(c),
                        Run(" ".join(c.text.split()), DISPUTED if c.disputed else PLAIN),
                    ),
                ),
                notes.marks(c.citations),
                ref=f"claim:{c.key}",
            )
            for c in d.claims
        )
        sections.append(Section("claims", "Claims", "list", items))
    if d.annotations:
        items = tuple(
            Item(((*([Run("★ ")] if a.starred else []), Run(a.body, NOTE)),), ref=a.uuid)
            for a in d.annotations
        )
        sections.append(Section("notes", "Notes", "list", items))
    known = list(sources) or [
        Source(0, c.source_key, c.source_title, c.source_kind, reliability=c.reliability)
        for c in (*d.citations, *(x for c in d.claims for x in c.citations))
    ]
    return DossierDoc(
        e.title, (Run(e.title),), marks, tuple(lead), tuple(sections), notes.entries(known)
    )
