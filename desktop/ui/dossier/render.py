"""A Dossier record as an HTML document for a QTextBrowser (every data string escaped).

The same HTML, with every event listed, is what the PDF export and printing lay out: citation
marks ``[n]`` are footnote numbers and the Sources section at the end is the numbered list.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from desktop.domain.model import Annotation, Citation, Claim, Dossier, Event, Source, contradicted
from desktop.domain.partial_date import DateParseError, PartialDate, format_span
from desktop.domain.text import product_facts
from desktop.store.review import NEW, ReviewChanges
from desktop.ui.format import CitationIndex, date_text, esc, number

STATUS_BADGE = {
    "claimed": '<span class="claimed">claimed</span>',
    "verified": '<span class="verified">✔ verified</span>',
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
.disputedrow { background-color: #fbe9e7; }
.asof { background-color: #fff4ce; color: #5c4400; }
.review { color: #1a5fb4; }
.new { background-color: #1a5fb4; color: white; font-weight: bold; font-size: 8pt; }
.changed { background-color: #e5a50a; color: black; font-weight: bold; font-size: 8pt; }
sup.against a { color: #b3261e; }
td { padding: 2px 8px 2px 0; vertical-align: top; }
.quote { color: #444; font-style: italic; }
"""
# the same classes on a dark base: light text colours, dark backgrounds
DARK_CSS = """
h2 { color: #8fb3e8; }
.zh, .meta { color: #a0a4ab; }
.claimed { color: #e0b84a; }
.verified { color: #6cc788; }
.disputed, sup.against a { color: #ff8a80; }
.disputedrow { background-color: #4a2420; }
.asof { background-color: #4a3f1a; color: #f3e3b0; }
.review { color: #8ab4f8; }
.quote { color: #b8bcc4; }
a { color: #8ab4f8; }
"""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?")


def _date(text: str) -> PartialDate:
    """PartialDate.parse with a fast path for the canonical ISO forms most rows use."""
    m = _ISO.fullmatch(text)
    if m:
        try:
            return PartialDate(*(int(g) if g else None for g in m.groups()))
        except ValueError:
            pass
    return PartialDate.parse(text)


def event_when(event: Event) -> str:
    try:
        return format_span(_date(event.start), _date(event.end) if event.end else None)
    except DateParseError:
        return f"{event.start} – {event.end}" if event.end else event.start


def instant_text(seconds: float) -> str:
    """A moment as a day ('31 May 2024')."""
    try:
        d = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return "?"
    return date_text(d.strftime("%Y-%m-%d"))


def iso_text(stamp: str | None) -> str:
    """An ISO UTC time stamp ('2025-05-03T10:22:01.123Z') as '3 May 2025 10:22'."""
    if not stamp:
        return "never"
    return date_text(stamp[:16]) if len(stamp) >= 16 else stamp


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def badge(state: str | None) -> str:
    if state is None:
        return ""
    if state == NEW:
        return " <span class='new'>&nbsp;NEW&nbsp;</span>"
    return " <span class='changed'>&nbsp;changed&nbsp;</span>"


def contested(citations: tuple[Citation, ...]) -> str:
    """A visible mark for a fact that a cited source contradicts."""
    if contradicted(citations):
        return " <span class='disputed'>⚠ contested</span>"
    return ""


def _claim_html(c: Claim, cites: CitationIndex, state: str | None) -> str:
    who = f"<b>{esc(c.claimant)}</b>: " if c.claimant else ""
    against = (
        f" <span class='meta'>vs {esc(c.measured_against)}</span>" if c.measured_against else ""
    )
    about = f" <span class='meta'>(about {esc(c.subject)})</span>" if c.subject else ""
    when = f" <span class='meta'>{esc(date_text(c.date))}</span>" if c.date else ""
    flag = contested(c.citations)
    text = esc(c.text)
    if c.disputed:
        text = f"<span class='disputed'>{text}</span>"
    return (
        f"<li>{STATUS_BADGE.get(c.status, esc(c.status))} {who}{text}{against}{about}"
        f"{when}{cites.marks(c.citations)}{flag}{badge(state)}</li>"
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
        if s and s.published:
            extra.append(esc(date_text(s.published)))
        if s and s.url:
            extra.append(esc(s.url))
        elif s and s.file:
            extra.append(f"seed file {esc(s.file)}")
        used = cites.quotes.get(key, [])
        # the quotes; for a source cited without any, where in it (e.g. 'company profile')
        quotes = [c for c in used if c.quote] or [c for c in used if c.locator]
        quotes = list({(c.quote, c.locator, c.stance): c for c in quotes}.values())[:4]
        quote_html = "".join(
            (f"<br><span class='quote'>“{esc(c.quote)}”</span>" if c.quote else "<br>")
            + f" <span class='meta'>{esc(c.locator or '')}</span>"
            + (" <span class='disputed'>(against)</span>" if c.stance == "against" else "")
            for c in quotes
        )
        rows.append(
            f"<li><a name='source:{esc(key)}'></a><b>[{n}]</b> {title}"
            f" <span class='meta'>{' · '.join(extra)}</span>{quote_html}</li>"
        )
    return "<ol style='list-style: none'>" + "".join(rows) + "</ol>" if rows else ""


def _header(d: Dossier, cites: CitationIndex, changes: ReviewChanges | None) -> list[str]:
    o = d.org
    parts = []
    zh = f" <span class='zh'>{esc(o.name_zh)}</span>" if o.name_zh else ""
    parts.append(f"<h1>{esc(o.name)}{zh}{cites.marks(d.citations)}</h1>")
    as_of = getattr(d, "as_of", None)
    if as_of is not None:
        parts.append(
            f"<p class='asof'>&nbsp;As known on {esc(instant_text(as_of))}: later metrics,"
            " claims, relationships, products, roles and events are hidden.&nbsp;</p>"
        )
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
    total = max(getattr(d, "event_count", 0), len(d.events))
    glance = [plural(total, "event"), plural(len(d.products), "product")]
    glance.append(plural(len(d.claims), "claim"))
    if d.roles:
        glance.append(plural(len(d.roles), "person", "people"))
    disputed = sum(1 for c in d.claims if c.disputed)
    if disputed:
        glance.append(f"<span class='disputed'>⚠ {disputed} disputed</span>")
    parts.append(f"<p class='meta'>{' · '.join(glance)}</p>")
    if changes is not None:
        parts.append(_review_html(changes))
    return parts


def _review_html(changes: ReviewChanges) -> str:
    if changes.since is None:
        return "<p class='review'>Not reviewed yet.</p>"
    when = esc(iso_text(changes.since))
    if not changes.total:
        return f"<p class='review'>Reviewed {when} UTC; nothing added or edited since.</p>"
    nouns = {"events": "event", "claims": "claim", "metrics": "figure", "notes": "note"}
    nouns |= {"products": "product", "relationships": "relationship"}
    what = ", ".join(plural(n, nouns[k]) for k, n in changes.counts().items() if n)
    if changes.events_checked is not None:
        what += f" (events: of the latest {changes.events_checked:,})"
    return (
        f"<p class='review'>Reviewed {when} UTC; since then added or edited: {esc(what)}"
        f"{badge('changed')}</p>"
    )


def render_dossier(
    d: Dossier,
    changes: ReviewChanges | None = None,
    *,
    max_events: int | None = MAX_EVENTS_LISTED,
    series_names: tuple[str, ...] = (),
    dark: bool = False,
) -> str:
    """The dossier as HTML; ``changes`` marks what was added or edited since the last review;
    ``max_events`` None lists every assembled event (print, PDF); ``series_names`` are the
    figures drawn as charts (images ``chart:0``, ``chart:1`` ... that the caller provides);
    ``dark`` picks colours that read on a dark background."""
    ch = changes or ReviewChanges()
    cites = CitationIndex()
    style = CSS + (DARK_CSS if dark else "")
    parts = [f"<style>{style}</style>", *_header(d, cites, changes)]

    if d.roles:
        parts.append("<h2>People</h2><ul>")
        for r in d.roles:
            zh = f" <span class='zh'>{esc(r.person.name_zh)}</span>" if r.person.name_zh else ""
            since = f" <span class='meta'>since {esc(date_text(r.start))}</span>" if r.start else ""
            parts.append(
                f"<li><b>{esc(r.person.name)}</b>{zh} — {esc(r.title)}{since}"
                f"{cites.marks(r.citations)}{contested(r.citations)}</li>"
            )
        parts.append("</ul>")
    if d.products:
        parts.append("<h2>Products and models</h2><table>")
        for p in d.products:
            parts.append(
                f"<tr><td><b>{esc(p.name)}</b>{cites.marks(p.citations)}"
                f"{contested(p.citations)}{badge(ch.products.get(p.id))}</td>"
                f"<td class='meta'>{esc(product_facts(p))}</td></tr>"
            )
        parts.append("</table>")
    if d.claims:
        parts.append("<h2>Claims</h2><ul>")
        parts += [_claim_html(c, cites, ch.claims.get(c.id)) for c in d.claims]
        parts.append("</ul>")
    if d.metrics:
        parts.append("<h2>Figures</h2><table>")
        for m in d.metrics:
            about = f" <span class='meta'>({esc(m.subject)})</span>" if m.subject else ""
            parts.append(
                f"<tr><td>{esc(m.name)}{about}</td><td><b>{esc(number(m.value, m.unit))}</b></td>"
                f"<td class='meta'>{esc(date_text(m.as_of))}</td>"
                f"<td>{cites.marks(m.citations)}{badge(ch.metrics.get(m.id))}</td></tr>"
            )
        parts.append("</table>")
        for i, name in enumerate(series_names):
            parts.append(f"<p><img src='chart:{i}'><br><span class='meta'>{esc(name)}</span></p>")
    if d.relationships:
        parts.append("<h2>Relationships</h2><ul>")
        for r in d.relationships:
            parts.append(
                f"<li>{esc(r.phrase.removesuffix(r.other_name))}"
                f"<a href='org:{r.other_id}'>{esc(r.other_name)}</a>{cites.marks(r.citations)}"
                f"{badge(ch.relationships.get(r.id))}</li>"
            )
        parts.append("</ul>")
    if d.events:
        parts += _events_html(d, ch, cites, max_events)
    if d.annotations:
        parts += _notes_html(d.annotations, d, ch)
    sources = _sources_html(d.sources, cites)
    if sources:
        parts.append(f"<h2>Sources</h2>{sources}")
    return "".join(parts)


def _events_html(
    d: Dossier, ch: ReviewChanges, cites: CitationIndex, max_events: int | None
) -> list[str]:
    shown = d.events if max_events is None else d.events[-max_events:]
    total = max(getattr(d, "event_count", 0), len(d.events))
    parts = ["<h2>Events</h2>"]
    if total > len(shown):
        parts.append(
            f"<p class='meta'>The latest {len(shown):,} of {total:,}; "
            "the timeline shows them all.</p>"
        )
    flagged = d.contested_events() if hasattr(d, "contested_events") else set()
    event_cites = getattr(d, "event_citations", {})
    # lines, not a table: a table of hundreds of rows is slow to lay out
    parts.append("<p>")
    for e in shown:
        mark = " <span class='disputed'>⚠ contested</span>" if e.id in flagged else ""
        parts.append(
            f"<span class='meta'>{esc(event_when(e))}</span>&nbsp;&nbsp; "
            f"<a href='event:{e.id}'>{esc(e.title)}</a>{cites.marks(event_cites.get(e.id, ()))}"
            f"{mark}{badge(ch.events.get(e.id))}<br>"
        )
    parts.append("</p>")
    return parts


def _notes_html(notes: tuple[Annotation, ...], d: Dossier, ch: ReviewChanges) -> list[str]:
    events = {f"event:{e.key}": e for e in d.events}
    parts = ["<h2>Notes</h2><ul>"]
    for a in notes:
        star = "★ " if a.starred else ""
        tags = f" <span class='meta'>{esc(' '.join('#' + t for t in a.tags))}</span>"
        on = ""
        if a.target.startswith("event:"):
            e = events.get(a.target)
            on = (
                f"<span class='meta'>on </span><a href='event:{e.id}'>{esc(e.title)}</a>: "
                if e
                else f"<span class='meta'>on {esc(a.target)}:</span> "
            )
        parts.append(f"<li>{star}{on}{esc(a.body)}{tags}{badge(ch.notes.get(a.uuid))}</li>")
    parts.append("</ul>")
    return parts
