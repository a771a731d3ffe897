"""A Dossier record as an HTML document for a QTextBrowser (every data string escaped)."""

from __future__ import annotations

from desktop.domain.model import Claim, Dossier, Source
from desktop.ui.format import CitationIndex, date_text, esc, event_when, number

STATUS_BADGE = {
    "claimed": '<span class="claimed">claimed</span>',
    "verified": '<span class="verified">verified</span>',
    "disputed": '<span class="disputed">⚠ disputed</span>',
}

MAX_EVENTS_LISTED = 300  # a rich-text table of 10,000 rows takes seconds to lay out

CSS = """
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; color: #3b5b8c; }
.zh { color: #555; }
.meta { color: #555; }
.claimed { color: #8a6d00; font-weight: bold; }
.verified { color: #1d7a35; font-weight: bold; }
.disputed { color: #b3261e; font-weight: bold; }
sup.against a { color: #b3261e; }
td { padding: 2px 8px 2px 0; vertical-align: top; }
.quote { color: #444; font-style: italic; }
"""


def _claim_html(c: Claim, cites: CitationIndex) -> str:
    who = f"<b>{esc(c.claimant)}</b>: " if c.claimant else ""
    against = (
        f" <span class='meta'>vs {esc(c.measured_against)}</span>" if c.measured_against else ""
    )
    about = f" <span class='meta'>(about {esc(c.subject)})</span>" if c.subject else ""
    when = f" <span class='meta'>{esc(date_text(c.date))}</span>" if c.date else ""
    return (
        f"<li>{STATUS_BADGE.get(c.status, esc(c.status))} {who}{esc(c.text)}{against}{about}"
        f"{when}{cites.marks(c.citations)}</li>"
    )


def _sources_html(sources: tuple[Source, ...], cites: CitationIndex) -> str:
    by_key = {s.key: s for s in sources}
    rows = []
    for key, n in sorted(cites.order.items(), key=lambda kv: kv[1]):
        s = by_key.get(key)
        title = esc(s.title) if s else esc(key)
        extra = []
        if s and s.publisher:
            extra.append(esc(s.publisher))
        if s and s.file:
            extra.append(f"seed file {esc(s.file)}")
        quotes = [c for c in cites.quotes.get(key, []) if c.quote][:4]
        quote_html = "".join(
            f"<br><span class='quote'>“{esc(c.quote)}”</span>"
            f" <span class='meta'>{esc(c.locator or '')}</span>"
            for c in quotes
        )
        rows.append(
            f"<li><a name='source:{esc(key)}'></a><b>[{n}]</b> {title}"
            f" <span class='meta'>{' · '.join(extra)}</span>{quote_html}</li>"
        )
    return "<ol style='list-style: none'>" + "".join(rows) + "</ol>" if rows else ""


def render_dossier(d: Dossier) -> str:
    cites = CitationIndex()
    o = d.org
    parts = [f"<style>{CSS}</style>"]
    zh = f" <span class='zh'>{esc(o.name_zh)}</span>" if o.name_zh else ""
    parts.append(f"<h1>{esc(o.name)}{zh}{cites.marks(d.citations)}</h1>")
    facts = [esc(o.kind)]
    if o.country:
        facts.append(esc(o.country))
    if o.hq:
        facts.append(f"HQ {esc(o.hq)}")
    if o.founded:
        facts.append(f"founded {esc(date_text(o.founded))}")
    parts.append(f"<p class='meta'>{' · '.join(facts)}</p>")
    if o.aliases:
        parts.append(f"<p class='meta'>Also known as: {esc(', '.join(o.aliases))}</p>")
    if d.parent:
        parts.append(f"<p>Part of <a href='org:{d.parent.id}'>{esc(d.parent.label)}</a></p>")
    if o.summary:
        parts.append(f"<p>{esc(o.summary)}</p>")
    glance = [f"{len(d.events)} events", f"{len(d.products)} products", f"{len(d.claims)} claims"]
    disputed = sum(1 for c in d.claims if c.disputed)
    if disputed:
        glance.append(f"<span class='disputed'>{disputed} disputed</span>")
    parts.append(f"<p class='meta'>{' · '.join(glance)}</p>")

    if d.roles:
        parts.append("<h2>People</h2><ul>")
        for r in d.roles:
            zh = f" <span class='zh'>{esc(r.person.name_zh)}</span>" if r.person.name_zh else ""
            parts.append(
                f"<li><b>{esc(r.person.name)}</b>{zh} — {esc(r.title)}"
                f"{cites.marks(r.citations)}</li>"
            )
        parts.append("</ul>")
    if d.products:
        parts.append("<h2>Products and models</h2><table>")
        for p in d.products:
            bits = [date_text(p.released)] if p.released else []
            if p.parameters:
                bits.append(p.parameters)
            if p.open_weights is not None:
                bits.append("open weights" if p.open_weights else "closed weights")
            parts.append(
                f"<tr><td><b>{esc(p.name)}</b>{cites.marks(p.citations)}</td>"
                f"<td class='meta'>{esc(' · '.join(bits))}</td></tr>"
            )
        parts.append("</table>")
    if d.claims:
        parts.append("<h2>Claims</h2><ul>")
        parts += [_claim_html(c, cites) for c in d.claims]
        parts.append("</ul>")
    if d.metrics:
        parts.append("<h2>Figures</h2><table>")
        for m in d.metrics:
            parts.append(
                f"<tr><td>{esc(m.name)}</td><td><b>{esc(number(m.value, m.unit))}</b></td>"
                f"<td class='meta'>{esc(date_text(m.as_of))}</td>"
                f"<td>{cites.marks(m.citations)}</td></tr>"
            )
        parts.append("</table>")
    if d.relationships:
        parts.append("<h2>Relationships</h2><ul>")
        for r in d.relationships:
            parts.append(
                f"<li>{esc(r.phrase.removesuffix(r.other_name))}"
                f"<a href='org:{r.other_id}'>{esc(r.other_name)}</a>{cites.marks(r.citations)}</li>"
            )
        parts.append("</ul>")
    if d.events:
        shown = d.events[-MAX_EVENTS_LISTED:]
        more = len(d.events) - len(shown)
        parts.append("<h2>Events</h2>")
        if more:
            parts.append(
                f"<p class='meta'>The latest {len(shown):,} of {len(d.events):,}; "
                "the timeline shows them all.</p>"
            )
        parts.append("<table>")
        for e in shown:
            parts.append(
                f"<tr><td class='meta'>{esc(event_when(e))}</td>"
                f"<td><a href='event:{e.id}'>{esc(e.title)}</a></td></tr>"
            )
        parts.append("</table>")
    if d.annotations:
        parts.append("<h2>Notes</h2><ul>")
        for a in d.annotations:
            star = "★ " if a.starred else ""
            tags = f" <span class='meta'>{esc(' '.join('#' + t for t in a.tags))}</span>"
            parts.append(f"<li>{star}{esc(a.body)}{tags}</li>")
        parts.append("</ul>")
    sources = _sources_html(d.sources, cites)
    if sources:
        parts.append(f"<h2>Sources</h2>{sources}")
    return "".join(parts)
