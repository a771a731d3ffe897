"""One dossier as Markdown: the dossier document (``desktop.domain.dossier_doc``) written with
every citation a footnote (``[^n]``, followed by its grade: ``[^3]·B2``; the footnote reads
``[3 · B2]`` then the source's title, publisher, date, URL, where, the quote and why the
information got its grade).
No Qt: the window and ``dossier export markdown`` share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from desktop.domain.dossier_build import build_document
from desktop.domain.dossier_doc import (
    ASOF,
    CLAIMED,
    DISPUTED,
    EM,
    FORMER,
    QUOTE,
    STRONG,
    VERIFIED,
    DossierDoc,
    Item,
    Mark,
    Run,
    Section,
)
from desktop.domain.grades import Grade
from desktop.domain.model import Dossier
from desktop.store.database import Store
from desktop.store.dossier import dossier_or_refuse
from desktop.store.files import replacing

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: object) -> str:
    """Data as literal Markdown text: special characters escaped, on one line."""
    value = " ".join(("" if text is None else str(text)).split())
    return _SPECIAL.sub(r"\\\1", value)


def _run(r: Run) -> str:
    """A run; a tip (the exact value, a figure's note) follows it in brackets."""
    lead, core, tail = _split(" ".join(r.text.split("\n")))
    core = md(core)
    if r.style in (STRONG, DISPUTED, CLAIMED, VERIFIED) and core:
        core = f"**{core}**"
    elif r.style in (EM, QUOTE, FORMER) and core:
        core = f"*{core}*"
    tip = f" ({md(r.tip)})" if r.tip else ""
    return lead + core + tip + tail


def _split(text: str) -> tuple[str, str, str]:
    """Leading and trailing spaces apart (emphasis must hug its text)."""
    core = text.strip()
    start = text.index(core[0]) if core else 0
    return text[:start], core, text[start + len(core) :]


def runs_md(runs: Iterable[Run]) -> str:
    return "".join(_run(r) for r in runs)


def marks_md(marks: Iterable[Mark]) -> str:
    """Footnote references, each followed by its grade ('[^3]·B2'; nothing when ungraded)."""
    return "".join(f"[^{m.n}]" + (f"·{m.grade}" if m.grade else "") for m in marks)


def _flags(item: Item) -> str:
    flag = " **⚠ contested by a source**" if item.contested else ""
    badge = f" *({item.badge})*" if item.badge else ""
    return f"{marks_md(item.marks)}{flag}{badge}"


def _section(s: Section) -> list[str]:
    out = [f"## {s.heading}", ""]
    if s.intro:
        out += [runs_md(s.intro), ""]
    if s.layout == "table":
        columns = s.columns or tuple("" for _ in s.items[0].cells)
        out.append("| " + " | ".join((*columns, "Sources")) + " |")
        out.append("|" + " --- |" * (len(columns) + 1))
        for it in s.items:
            cells = [runs_md(c) for c in it.cells]
            out.append("| " + " | ".join((*cells, _flags(it).strip())) + " |")
    else:
        sep = " — " if s.layout == "lines" else " "
        out += [f"- {sep.join(runs_md(c) for c in it.cells)}{_flags(it)}" for it in s.items]
    out.append("")
    return out


def _link(part: str) -> str:
    return f"<{part}>" if part.startswith(("http://", "https://")) and " " not in part else md(part)


def _footnotes(doc: DossierDoc) -> list[str]:
    by_key = {s.key: s for s in doc.sources}
    lines = []
    for f in doc.footnotes:
        s = by_key[f.source_key]
        bits = [f"*{md(s.title)}*"]
        bits += [_link(p) for p in s.parts]
        text = ", ".join(bits) + "."
        if f.locator:
            text += f" {md(f.locator)}."
        if f.quote:
            text += f" “{md(f.quote)}”"
        prefix = "**Contradicts this:** " if f.against else ""
        grade = f"**[{f.label}]** " if f.grade else ""
        if f.credibility_reason:
            text += f" — {md(f.credibility_reason)}"
        lines.append(f"[^{f.n}]: {grade}{prefix}{text}")
    return lines


def render_document_md(doc: DossierDoc) -> str:
    out = [f"# {runs_md(doc.heading)}{marks_md(doc.heading_marks)}", ""]
    for it in doc.lead:
        text = runs_md(it.cells[0])
        out += [f"*{text.strip()}*" if it.tone == ASOF else f"{text}{_flags(it)}", ""]
    for s in doc.sections:
        out += _section(s)
    if doc.sources:
        out += ["## Sources", ""]
        for src in doc.sources:
            about = ", ".join(_link(p) for p in src.parts)
            graded = f". {md(src.grade_text)}" if src.grade_text else ""
            out += [f"- *{md(src.title)}*" + (f", {about}" if about else "") + graded, ""]
        out += [x + "\n" for x in _footnotes(doc)]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(d: Dossier, min_grade: Grade | None = None) -> str:
    """Markdown of an assembled dossier (every assembled event; only the facts graded at least
    ``min_grade`` when given)."""
    return render_document_md(build_document(d, min_grade=min_grade))


def dossier_markdown(
    store: Store,
    org_id: int,
    as_of: float | None = None,
    *,
    max_events: int | None = None,
    min_grade: Grade | None = None,
) -> str:
    """The dossier of ``org_id`` as Markdown (as known at ``as_of``; every event unless
    ``max_events``; the facts graded at least ``min_grade``). Raises StoreError for an unknown
    organization."""
    d = dossier_or_refuse(store, org_id, as_of, max_events=max_events)
    return render_markdown(d, min_grade)


def write_markdown(
    store: Store,
    org_id: int,
    out: str | Path,
    as_of: float | None = None,
    *,
    min_grade: Grade | None = None,
) -> Path:
    """Write the dossier's Markdown to ``out`` through a temporary file (a failure leaves
    ``out`` as it was)."""
    return save_markdown(dossier_markdown(store, org_id, as_of, min_grade=min_grade), out)


def save_markdown(text: str, out: str | Path) -> Path:
    """Write ``text`` to ``out`` through a temporary file (checked as every output is; a
    failure leaves ``out`` as it was)."""
    out = Path(out)
    with replacing(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return out
