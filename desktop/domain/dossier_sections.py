"""The builders of a dossier document's heading and sections, in the order they are shown.

Each builder turns one part of an assembled :class:`Dossier` into a :class:`Section` (None when
there is nothing to show); citations are numbered as the builders run, in this order.
"""

from __future__ import annotations

from desktop.domain.dossier_doc import (
    ASOF,
    CLAIMED,
    DISPUTED,
    FORMER,
    META,
    NOTE,
    PLAIN,
    REVIEW,
    STRONG,
    VERIFIED,
    ZH,
    Builder,
    Context,
    Item,
    Mark,
    Run,
    Section,
    instant_text,
    iso_text,
    plural,
)
from desktop.domain.dossier_facts import figure_text, role_is_former, role_span, with_unit
from desktop.domain.dossier_review import CHANGED, ReviewChanges
from desktop.domain.model import Citation, Claim, Dossier, contradicted
from desktop.domain.text import date_text, product_facts, span_text

STATUS = {
    "claimed": Run("claimed", CLAIMED),
    "verified": Run("✔ verified", VERIFIED),
    "disputed": Run("⚠ disputed", DISPUTED),
}


def _para(*runs: Run, tone: str = "") -> Item:
    return Item((tuple(runs),), tone=tone)


def header(
    d: Dossier, ctx: Context, changes: ReviewChanges | None
) -> tuple[tuple[Run, ...], tuple[Mark, ...], tuple[Item, ...]]:
    """The heading (name, Chinese name), its marks, and the paragraphs under it."""
    o = d.org
    heading = (Run(o.name),) + ((Run(" "), Run(o.name_zh, ZH)) if o.name_zh else ())
    marks = ctx.notes.marks(d.citations)
    lead: list[Item] = []
    if d.as_of is not None:
        lead.append(
            _para(
                Run(
                    f"As known on {instant_text(d.as_of)}: later metrics, claims, relationships,"
                    " products, roles and events are hidden."
                ),
                tone=ASOF,
            )
        )
    if ctx.min_grade:
        lead.append(
            _para(
                Run(
                    f"Only facts with a source graded at least {ctx.min_grade}: facts graded"
                    " lower, or not graded, are left out."
                ),
                tone=ASOF,
            )
        )
    facts = [o.kind] + ([o.country] if o.country else []) + ([f"HQ {o.hq}"] if o.hq else [])
    if o.founded:
        facts.append(f"founded {date_text(o.founded)}")
    lead.append(_para(Run(" · ".join(facts), META)))
    if o.aliases:
        lead.append(_para(Run(f"Also known as: {', '.join(o.aliases)}", META)))
    if d.parent:
        lead.append(_para(Run("Part of "), Run(d.parent.label, link=f"org:{d.parent.id}")))
    if o.summary:
        lead.append(_para(Run(" ".join(o.summary.split()))))
    total = max(d.event_count, len(d.events))
    glance = [plural(total, "event"), plural(len(d.products), "product")]
    glance.append(plural(len(d.claims), "claim"))
    if d.roles:
        glance.append(plural(len(d.roles), "person", "people"))
    runs = [Run(" · ".join(glance), META)]
    disputed = sum(1 for c in d.claims if c.disputed)
    if disputed:
        runs += [Run(" · ", META), Run(f"⚠ {disputed} disputed", DISPUTED)]
    lead.append(_para(*runs))
    if changes is not None:
        lead.append(_review(changes))
    return heading, marks, tuple(lead)


def _review(changes: ReviewChanges) -> Item:
    if changes.since is None:
        return _para(Run("Not reviewed yet."), tone=REVIEW)
    when = iso_text(changes.since)
    if not changes.total:
        return _para(Run(f"Reviewed {when} UTC; nothing added or edited since."), tone=REVIEW)
    nouns = {"events": "event", "claims": "claim", "metrics": "figure", "notes": "note"}
    nouns |= {"products": "product", "relationships": "relationship"}
    what = ", ".join(plural(n, nouns[k]) for k, n in changes.counts().items() if n)
    if changes.events_checked is not None:
        what += f" (events: of the latest {changes.events_checked:,})"
    text = f"Reviewed {when} UTC; since then added or edited: {what}"
    return Item(((Run(text),),), badge=CHANGED, tone=REVIEW)


def people(d: Dossier, ctx: Context) -> Section | None:
    """Roles with their start and end; ended roles marked former (as of the dossier's date)."""
    if not d.roles:
        return None
    roles = sorted(d.roles, key=lambda r: (role_is_former(r.end, d.as_of), r.person.name))
    items = []
    for r in roles:
        runs = [Run(r.person.name, STRONG)]
        if r.person.name_zh:
            runs += [Run(" "), Run(r.person.name_zh, ZH)]
        runs.append(Run(f" — {r.title}"))
        span = role_span(r.start, r.end)
        if span:
            runs.append(Run(f", {span}", META))
        if role_is_former(r.end, d.as_of):
            runs.append(Run(" (former)", FORMER))
        marks = ctx.notes.marks(r.citations)
        items.append(
            Item((tuple(runs),), marks, contested=contradicted(r.citations), ref=r.person.key)
        )
    return Section("people", "People", "list", tuple(items))


def _cited(
    ctx: Context,
    cells: tuple[tuple[Run, ...], ...],
    citations: tuple[Citation, ...],
    badge: str | None,
    ref: str,
) -> Item:
    """An item of a fact with its sources: footnote marks, the review badge, and whether a
    cited source contradicts it."""
    return Item(cells, ctx.notes.marks(citations), badge, contradicted(citations), ref=ref)


def products(d: Dossier, ctx: Context) -> Section | None:
    if not d.products:
        return None
    items = tuple(
        _cited(
            ctx,
            ((Run(p.name, STRONG),), (Run(product_facts(p), META),)),
            p.citations,
            ctx.changes.products.get(p.id),
            f"product:{p.key}",
        )
        for p in d.products
    )
    columns = ("Product", "Released · size · weights")
    return Section("products", "Products and models", "table", items, columns=columns)


def claimant_runs(c: Claim) -> list[Run]:
    """'Yan Junjie (MiniMax): ' — a person with the organization they spoke for; several
    organizations when the claim's date does not settle it."""
    if not c.claimant:
        return []
    runs = [Run(c.claimant, STRONG)]
    if c.spoke_for:
        orgs = " or ".join(c.spoke_for) if len(c.spoke_for) > 1 else c.spoke_for[0]
        runs.append(Run(f" ({'for ' if len(c.spoke_for) > 1 else ''}{orgs})", META))
    return [*runs, Run(": ")]


def claims(d: Dossier, ctx: Context) -> Section | None:
    if not d.claims:
        return None
    items = []
    for c in d.claims:
        runs = [STATUS.get(c.status, Run(c.status)), Run(" "), *claimant_runs(c)]
        runs.append(Run(" ".join(c.text.split()), DISPUTED if c.disputed else PLAIN))
        if c.measured_against:
            runs.append(Run(f" vs {c.measured_against}", META))
        if c.subject and c.subject != d.org.name:  # not "about" the dossier's own subject
            runs.append(Run(f" (about {c.subject})", META))
        if c.date:
            runs.append(Run(f" {date_text(c.date)}", META))
        items.append(
            _cited(
                ctx,
                (tuple(runs),),
                c.citations,
                ctx.changes.claims.get(c.id),
                f"claim:{c.key}",
            )
        )
    return Section("claims", "Claims", "list", tuple(items))


def figures(d: Dossier, ctx: Context) -> Section | None:
    """Figures as written: the qualifier and readable value, the exact value as a tip."""
    if not d.metrics:
        return None
    items = []
    for m in d.metrics:
        f = figure_text(m)
        name = [Run(m.name, tip=" ".join(m.note.split()) if m.note else None)]
        if m.subject and m.subject != d.org.name:
            name.append(Run(f" ({m.subject})", META))
        exact = f.exact if f.exact != with_unit(m.value, m.unit) else None
        value = [Run(f.value, STRONG, tip=exact)]
        if f.tags:
            value.append(Run(f" · {', '.join(f.tags)}", META))
        items.append(
            _cited(
                ctx,
                (tuple(name), tuple(value), (Run(date_text(m.as_of), META),)),
                m.citations,
                ctx.changes.metrics.get(m.id),
                f"metric:{m.key}",
            )
        )
    return Section(
        "figures", "Figures", "table", tuple(items), columns=("Figure", "Value", "As of")
    )


def relationships(d: Dossier, ctx: Context) -> Section | None:
    if not d.relationships:
        return None
    items = []
    for r in d.relationships:
        runs = [
            Run(r.phrase.removesuffix(r.other_name)),
            Run(r.other_name, link=f"org:{r.other_id}"),
        ]
        if r.since:
            runs.append(Run(f" (since {date_text(r.since)})", META))
        items.append(
            _cited(
                ctx,
                (tuple(runs),),
                r.citations,
                ctx.changes.relationships.get(r.id),
                f"relationship:{r.key}",
            )
        )
    return Section("relationships", "Relationships", "list", tuple(items))


def events(d: Dossier, ctx: Context) -> Section | None:
    if not d.events:
        return None
    shown = d.events if ctx.max_events is None else d.events[-ctx.max_events :]
    total = max(d.event_count, len(d.events))
    intro: tuple[Run, ...] = ()
    if total > len(shown):
        intro = (
            Run(f"The latest {len(shown):,} of {total:,}; the timeline shows them all.", META),
        )
    flagged = d.contested_events()
    items = tuple(
        Item(
            ((Run(span_text(e.start, e.end), META),), (Run(e.title, link=f"event:{e.id}"),)),
            ctx.notes.marks(d.event_citations.get(e.id, ())),
            ctx.changes.events.get(e.id),
            e.id in flagged,
            ref=f"event:{e.key}",
        )
        for e in shown
    )
    return Section("events", "Events", "lines", items, intro)


def notes(d: Dossier, ctx: Context) -> Section | None:
    if not d.annotations:
        return None
    events_by_key = {f"event:{e.key}": e for e in d.events}
    items = []
    for a in d.annotations:
        runs = [Run("★ ")] if a.starred else []
        if a.target.startswith("event:"):
            e = events_by_key.get(a.target)
            if e is not None:
                runs += [Run("on ", META), Run(e.title, link=f"event:{e.id}"), Run(": ")]
            else:
                runs.append(Run(f"on {a.target}: ", META))
        runs.append(Run(a.body, NOTE))
        if a.tags:
            runs.append(Run(" " + " ".join("#" + t for t in a.tags), META))
        items.append(Item((tuple(runs),), badge=ctx.changes.notes.get(a.uuid), ref=a.uuid))
    return Section("notes", "Notes", "list", tuple(items))


SECTIONS: tuple[Builder, ...] = (
    people,
    products,
    claims,
    figures,
    relationships,
    events,
    notes,
)
"""The sections of a dossier, in order: a new section is one builder added here."""

__all__ = ["SECTIONS", "STATUS", "claimant_runs", "header"]
