"""The dossier document (``desktop.domain.dossier_doc``) as HTML for a QTextBrowser, the PDF and
printing: a thin writer, every data string escaped.

Citation marks ``[n]`` (``[n · B2]`` with the citation's grade) link to the numbered footnotes,
which end the document under their sources (title, publisher, date, URL, grade). ``printed``
writes tips (exact values) into the text, as a page cannot show a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop.domain.dossier_build import build_document
from desktop.domain.dossier_doc import (
    META,
    NOTE,
    DossierDoc,
    Item,
    Mark,
    Run,
    Section,
    SourceEntry,
    instant_text,
)
from desktop.domain.dossier_review import NEW, ReviewChanges
from desktop.domain.grades import Grade
from desktop.domain.model import Dossier
from desktop.ui.document import words
from desktop.ui.format import esc

__all__ = ["CSS", "DARK_CSS", "instant_text", "render_document", "render_dossier", "runs_html"]

MAX_EVENTS_LISTED = 300  # a rich-text table of 10,000 rows takes seconds to lay out

CSS = """
h1 { margin: 0; }
h2 { margin-top: 14px; margin-bottom: 4px; color: #3b5b8c; }
.h1 { font-size: 17pt; }
.h2 { font-size: 12pt; }
.strong { font-weight: bold; }
.em { font-style: italic; }
.zh { color: #555; }
.meta { color: #555; }
.former { color: #555; font-style: italic; }
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
.zh, .meta, .former { color: #a0a4ab; }
.claimed { color: #e0b84a; }
.verified { color: #6cc788; }
.disputed, sup.against a { color: #ff8a80; }
.disputedrow { background-color: #4a2420; }
.asof { background-color: #4a3f1a; color: #f3e3b0; }
.review { color: #8ab4f8; }
.quote { color: #b8bcc4; }
a { color: #8ab4f8; }
"""
# printed: black on white, headings a little larger than the 10 pt body
PRINT_CSS = """
.h1 { font-size: 18pt; }
.h2 { font-size: 12.5pt; }
h2 { margin-top: 12pt; color: #1f3b66; }
.new, .changed { font-size: 8.5pt; }
"""


def badge(state: str | None) -> str:
    if state is None:
        return ""
    if state == NEW:
        return f" <span class='new'>&nbsp;{esc(words.text('NEW'))}&nbsp;</span>"
    return f" <span class='changed'>&nbsp;{esc(words.text('changed'))}&nbsp;</span>"


def marks_html(marks: Iterable[Mark]) -> str:
    out = []
    for m in marks:
        cls = "against" if m.against else "cite"
        label = esc(m.label).replace(" ", "&nbsp;")  # '[3 · B2]' never split across lines
        out.append(f'<sup class="{cls}"><a href="#fn{m.n}">[{label}]</a></sup>')
    return "".join(out)


def runs_html(
    runs: Iterable[Run], printed: bool = False, note: Callable[[str], str] | None = None
) -> str:
    out = []
    for r in runs:
        if r.style == NOTE and note is not None:
            out.append(_inline(note(r.text)))
            continue
        # the document's own words in the interface language (data as it is: desktop/ui/document
        # /words.py); a link's text is a name or a title
        text = esc(r.text if r.link else words.text(r.text, meta=r.style == META))
        if r.link:
            text = f"<a href='{esc(r.link)}'>{text}</a>"
        if r.tip and not printed:
            text = f"<span title='{esc(r.tip)}'>{text}</span>"
        if r.style:
            text = f"<span class='{r.style}'>{text}</span>"
        if r.tip and printed and r.tip != r.text:
            text += f" <span class='meta'>({esc(r.tip)})</span>"
        out.append(text)
    return "".join(out)


def _inline(html: str) -> str:
    """A note of one paragraph without its paragraph (so its badge follows on the line)."""
    body = html.strip()
    if body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
        return body[3:-4]
    return body


def _h2(text: str) -> str:
    # the size on a span: Qt sizes a heading's text by its level, whatever the h2 rule says
    return f"<h2><span class='h2'>{esc(words.text(text))}</span></h2>"


def _flags(item: Item) -> str:
    contested = esc(words.text("⚠ contested"))
    flag = f" <span class='disputed'>{contested}</span>" if item.contested else ""
    return f"{marks_html(item.marks)}{flag}{badge(item.badge)}"


def _section(s: Section, printed: bool, note: Callable[[str], str] | None) -> list[str]:
    parts = [_h2(s.heading)]
    if s.intro:
        parts.append(f"<p>{runs_html(s.intro, printed)}</p>")
    if printed and s.layout != "list":  # pages break between blocks, never inside a table
        for it in s.items:
            cells = [h for c in it.cells if (h := runs_html(c, printed, note))]
            joint = " · " if s.layout == "table" else "&nbsp;&nbsp; "
            parts.append(f"<p style='margin: 0 0 3px 0'>{joint.join(cells)}{_flags(it)}</p>")
    elif s.layout == "table":
        parts.append("<table>")
        for it in s.items:
            cells = [runs_html(c, printed, note) for c in it.cells]
            cells[0] += _flags(it)
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    elif s.layout == "lines":  # lines, not a table: hundreds of rows lay out fast
        parts.append("<p>")
        for it in s.items:
            cells = [runs_html(c, printed, note) for c in it.cells]
            parts.append("&nbsp;&nbsp; ".join(cells) + _flags(it) + "<br>")
        parts.append("</p>")
    else:
        parts.append("<ul>")
        for it in s.items:
            body = " ".join(runs_html(c, printed, note) for c in it.cells)
            parts.append(f"<li>{body}{_flags(it)}</li>")
        parts.append("</ul>")
    return parts


def _source_html(s: SourceEntry) -> str:
    about = " · ".join(esc(words.dates(p)) for p in s.parts)
    grade = words.text(s.grade_text)
    rows = [f"<p><b>{esc(s.title)}</b> <span class='meta'>{about}</span></p>"]
    if s.grade_text:  # a block of its own: pages break between blocks
        rows.append(f"<p class='meta'>{esc(grade)}</p>")
    rows.append("<ul>")
    for f in s.footnotes:
        where = f" <span class='meta'>{esc(f.locator)}</span>" if f.locator else ""
        quote = f" <span class='quote'>“{esc(f.quote)}”</span>" if f.quote else ""
        contradicts = esc(words.text("(contradicts the fact)"))
        against = f" <span class='disputed'>{contradicts}</span>" if f.against else ""
        why = (
            f" <span class='meta'>— {esc(f.credibility_reason)}</span>"
            if f.credibility_reason
            else ""
        )
        rows.append(
            f"<li><a name='fn{f.n}'></a><b>[{esc(f.label)}]</b>{where}{quote}{against}{why}</li>"
        )
    rows.append("</ul>")
    return "".join(rows)


def render_document(
    doc: DossierDoc,
    *,
    series_names: tuple[str, ...] = (),
    dark: bool = False,
    printed: bool = False,
    note: Callable[[str], str] | None = None,
    css: str = "",
) -> str:
    """HTML of a dossier document; ``note`` turns a note's Markdown into safe HTML (None:
    plain text); ``css`` is added to the style sheet."""
    style = CSS + (DARK_CSS if dark else "") + (PRINT_CSS if printed else "") + css
    parts = [f"<style>{style}</style>"]
    heading = f"{runs_html(doc.heading)}{marks_html(doc.heading_marks)}"
    parts.append(f"<h1><span class='h1'>{heading}</span></h1>")
    for it in doc.lead:
        cls = f" class='{it.tone}'" if it.tone else ""
        body = runs_html(it.cells[0], printed)
        if it.tone == "asof":
            body = f"&nbsp;{body}&nbsp;"
        parts.append(f"<p{cls}>{body}{_flags(it)}</p>")
    for s in doc.sections:
        parts += _section(s, printed, note)
        if s.kind == "figures":
            for i, name in enumerate(series_names):
                parts.append(
                    f"<p><img src='chart:{i}'><br><span class='meta'>{esc(name)}</span></p>"
                )
    if doc.sources:
        parts.append(_h2("Sources"))
        parts += [_source_html(s) for s in doc.sources]
    return "".join(parts)


def render_dossier(
    d: Dossier,
    changes: ReviewChanges | None = None,
    *,
    max_events: int | None = MAX_EVENTS_LISTED,
    series_names: tuple[str, ...] = (),
    dark: bool = False,
    printed: bool = False,
    note: Callable[[str], str] | None = None,
    min_grade: Grade | None = None,
) -> str:
    """The dossier as HTML (only the facts graded at least ``min_grade``, when given);
    ``changes`` marks what was added or edited since the last review;
    ``max_events`` None lists every assembled event (print, PDF); ``series_names`` are the
    figures drawn as charts (images ``chart:0``, ``chart:1`` ... that the caller provides);
    ``dark`` picks colours that read on a dark background; ``printed`` writes for paper."""
    doc = build_document(d, changes, max_events=max_events, min_grade=min_grade)
    return render_document(doc, series_names=series_names, dark=dark, printed=printed, note=note)
