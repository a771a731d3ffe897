"""One dossier as Markdown, every citation a footnote (``[^n]``: source title, publisher, date,
URL and the quote). No Qt: the window, the PDF export and ``dossier export markdown`` share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.model import Citation, Dossier, Source, contradicted
from desktop.domain.text import date_text, number, product_facts, span_text
from desktop.store.database import Store
from desktop.store.dossier import event_citations, load_dossier
from desktop.store.errors import StoreError
from desktop.store.files import replacing

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: object) -> str:
    """Data as literal Markdown text: special characters escaped, on one line."""
    value = " ".join(("" if text is None else str(text)).split())
    return _SPECIAL.sub(r"\\\1", value)


@dataclass
class Footnotes:
    """Numbers citations in order of first use; the same source, place and quote share one."""

    sources: dict[str, Source] = field(default_factory=dict)
    order: dict[tuple[str, str, str, str], int] = field(default_factory=dict)

    def marks(self, citations: tuple[Citation, ...]) -> str:
        out = []
        for c in citations:
            key = (c.source_key, c.locator or "", c.quote or "", c.stance)
            n = self.order.setdefault(key, len(self.order) + 1)
            mark = f"[^{n}]"
            if mark not in out:
                out.append(mark)
        return "".join(out)

    def definitions(self) -> list[str]:
        lines = []
        for (key, locator, quote, stance), n in self.order.items():
            s = self.sources.get(key)
            bits = [f"*{md(s.title)}*" if s else md(key)]
            if s and s.publisher:
                bits.append(md(s.publisher))
            if s and s.published:
                bits.append(md(date_text(s.published)))
            if s and s.url:
                bits.append(f"<{s.url}>" if " " not in s.url else md(s.url))
            elif s and s.file:
                bits.append(f"seed file {md(s.file)}")
            text = ", ".join(bits) + "."
            if locator:
                text += f" {md(locator)}."
            if quote:
                text += f" “{md(quote)}”"
            prefix = "**Contradicts this:** " if stance == "against" else ""
            lines.append(f"[^{n}]: {prefix}{text}")
        return lines


def _contested(citations: tuple[Citation, ...]) -> str:
    return " **⚠ contested by a source**" if contradicted(citations) else ""


def _instant(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d")


def dossier_markdown(
    store: Store, org_id: int, as_of: float | None = None, *, max_events: int | None = None
) -> str:
    """The dossier of ``org_id`` as Markdown (as known at ``as_of``; every event unless
    ``max_events``). Raises StoreError for an unknown organization."""
    d = load_dossier(store, org_id, as_of, max_events=max_events)
    if d is None:
        raise StoreError(f"no organization with id {org_id}")
    return render_markdown(d, event_citations(store, d), as_of)


def write_markdown(store: Store, org_id: int, out: str | Path, as_of: float | None = None) -> Path:
    """Write the dossier's Markdown to ``out`` through a temporary file (a failure leaves
    ``out`` as it was)."""
    out = Path(out)
    text = dossier_markdown(store, org_id, as_of)
    with replacing(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return out


def render_markdown(
    d: Dossier,
    event_cites: dict[int, tuple[Citation, ...]],
    as_of: float | None = None,
) -> str:
    """Markdown of an assembled dossier (``event_cites``: citations of its events)."""
    notes = Footnotes({s.key: s for s in d.sources})
    o = d.org
    out = [
        f"# {md(o.name)}" + (f" {md(o.name_zh)}" if o.name_zh else "") + notes.marks(d.citations)
    ]
    out.append("")
    if as_of is not None:
        out += [f"*As known on {_instant(as_of)}: later items are left out.*", ""]
    facts = [md(o.kind)]
    if o.country:
        facts.append(md(o.country))
    if o.hq:
        facts.append(f"HQ {md(o.hq)}")
    if o.founded:
        facts.append(f"founded {md(date_text(o.founded))}")
    out += [" · ".join(facts), ""]
    if o.aliases:
        out += [f"Also known as: {', '.join(md(a) for a in o.aliases)}", ""]
    if d.parent:
        out += [f"Part of {md(d.parent.label)}.", ""]
    if o.summary:
        out += [md(o.summary), ""]
    total = max(getattr(d, "event_count", 0), len(d.events))
    disputed = sum(1 for c in d.claims if c.disputed)
    glance = f"{total:,} events · {len(d.products)} products · {len(d.claims)} claims"
    out += [glance + (f" · **⚠ {disputed} disputed**" if disputed else ""), ""]

    if d.roles:
        out += ["## People", ""]
        for r in d.roles:
            zh = f" {md(r.person.name_zh)}" if r.person.name_zh else ""
            since = f" (since {md(date_text(r.start))})" if r.start else ""
            out.append(
                f"- **{md(r.person.name)}**{zh} — {md(r.title)}{since}{notes.marks(r.citations)}"
                f"{_contested(r.citations)}"
            )
        out.append("")
    if d.products:
        out += ["## Products and models", ""]
        for p in d.products:
            facts = product_facts(p)
            info = f" — {md(facts)}" if facts else ""
            out.append(
                f"- **{md(p.name)}**{info}{notes.marks(p.citations)}{_contested(p.citations)}"
            )
        out.append("")
    if d.claims:
        out += ["## Claims", ""]
        for c in d.claims:
            status = "**⚠ DISPUTED**" if c.disputed else f"*{md(c.status)}*"
            who = f"**{md(c.claimant)}**: " if c.claimant else ""
            extra = f" (measured against {md(c.measured_against)})" if c.measured_against else ""
            about = f" — about {md(c.subject)}" if c.subject else ""
            when = f", {md(date_text(c.date))}" if c.date else ""
            against = " (contested by a source)" if contradicted(c.citations) else ""
            out.append(
                f"- {status} {who}{md(c.text)}{extra}{about}{when}{notes.marks(c.citations)}"
                f"{against}"
            )
        out.append("")
    if d.metrics:
        out += [
            "## Figures",
            "",
            "| Figure | Value | As of | Sources |",
            "| --- | --- | --- | --- |",
        ]
        for m in d.metrics:
            about = f" ({md(m.subject)})" if m.subject else ""
            out.append(
                f"| {md(m.name)}{about} | {md(number(m.value, m.unit))} | {md(date_text(m.as_of))}"
                f" | {notes.marks(m.citations)} |"
            )
        out.append("")
    if d.relationships:
        out += ["## Relationships", ""]
        for r in d.relationships:
            since = f" (since {md(date_text(r.since))})" if r.since else ""
            out.append(f"- {md(r.phrase)}{since}{notes.marks(r.citations)}")
        out.append("")
    if d.events:
        out += ["## Events", ""]
        if total > len(d.events):
            out += [f"*The latest {len(d.events):,} of {total:,}.*", ""]
        for e in d.events:
            cites = event_cites.get(e.id, ())
            out.append(
                f"- {md(span_text(e.start, e.end))} — {md(e.title)}{notes.marks(cites)}"
                f"{_contested(cites)}"
            )
        out.append("")
    if d.annotations:
        out += ["## Notes", ""]
        for a in d.annotations:
            star = "★ " if a.starred else ""
            on = f"*on {md(a.target)}:* " if not a.target.startswith("org:") else ""
            tags = " " + " ".join(f"\\#{md(t)}" for t in a.tags) if a.tags else ""
            out.append(f"- {star}{on}{md(a.body)}{tags}")
        out.append("")
    definitions = notes.definitions()
    if definitions:
        out += ["## Sources", ""] + [x + "\n" for x in definitions]
    return "\n".join(out).rstrip() + "\n"
