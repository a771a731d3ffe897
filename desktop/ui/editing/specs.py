"""The rows of each kind's form, and a new row's starting values (from the open dossier)."""

from __future__ import annotations

from typing import Any

from desktop.domain.grades import CREDIBILITY, RELIABILITY, credibility_label, reliability_label
from desktop.store import edits_choices as choices
from desktop.store.database import Store
from desktop.ui.editing.fields import FieldSpec as F

# Admiralty grades (desktop.domain.grades): 'not graded' first
RELIABILITY_OPTIONS: list[tuple[Any, str]] = [(None, "not graded")] + [
    (letter, reliability_label(letter)) for letter in RELIABILITY
]
CREDIBILITY_OPTIONS: list[tuple[Any, str]] = [(None, "not graded")] + [
    (digit, credibility_label(digit)) for digit in CREDIBILITY
]
REASON_HINT = "one line: why this grade"


def _v(items: list[tuple[int, str]]) -> list[tuple[Any, str]]:
    return list(items)


def _typed(kind: str, items: list[tuple[int, str]]) -> list[tuple[Any, str]]:
    return [((kind, i), f"{label} ({kind})") for i, label in items]


def specs_for(store: Store, kind: str, org_id: int | None = None) -> list[F]:
    """Form rows for ``kind``; ``org_id`` is the dossier the form was opened from."""
    orgs = choices.org_choices(store)
    sug = lambda field: [(s, s) for s in choices.suggestions(store, kind, field)]  # noqa: E731
    if kind == "org":
        return [
            F("name", "Name"),
            F("name_zh", "Chinese name"),
            F("aliases", "Aliases", placeholder="comma-separated: Qwen, 通义千问"),
            F("kind", "Kind", "suggest", sug("kind")),
            F("country", "Country", "suggest", sug("country")),
            F("hq", "HQ"),
            F("founded", "Founded", "date"),
            F("parent_id", "Parent", "ref", _v(orgs)),
            F("summary", "Summary", "text"),
        ]
    if kind == "event":
        return [
            F("title", "Title"),
            F("kind", "Kind", "suggest", sug("kind")),
            F("start", "Start", "range_date", placeholder="e.g. early May 2024, or 4–6 Jul 2024"),
            F("end", "End", "date", placeholder="optional"),
            F("place", "Place"),
            F("orgs", "Organizations", "orgs", _v(orgs)),
            F("summary", "Summary", "text"),
            F("era", "Era", "check", placeholder="shade as a period on the timeline"),
        ]
    if kind == "person":
        specs = [F("name", "Name"), F("name_zh", "Chinese name"), F("summary", "Summary", "text")]
        if org_id is not None:
            specs.insert(
                2,
                F(
                    "role_title",
                    "Role here",
                    "suggest",
                    [(s, s) for s in choices.suggestions(store, "role", "title")],
                ),
            )
        return specs
    if kind == "role":
        return [
            F("person_id", "Person", "ref", _v(choices.person_choices(store))),
            F("org_id", "Organization", "ref", _v(orgs)),
            F("title", "Title", "suggest", sug("title")),
            F("start", "Start", "date"),
            F("end", "End", "date"),
        ]
    if kind == "product":
        return [
            F("name", "Name"),
            F("aliases", "Aliases", placeholder="comma-separated"),
            F("owner_id", "Owner", "ref", _v(orgs)),
            F("kind", "Kind", "suggest", sug("kind")),
            F("released", "Released", "date"),
            F("parameters", "Size", placeholder="e.g. 72B"),
            F("open_weights", "Open weights", "tristate"),
            F("summary", "Summary", "text"),
        ]
    people = choices.person_choices(store)
    products = choices.product_choices(store, org_id)
    if kind == "claim":
        who = _typed("org", orgs) + _typed("person", people)
        about = who + _typed("product", products)
        if org_id is not None:
            about += _typed("event", choices.event_choices(store, org_id))
        return [
            F("text", "Claim", "text"),
            F("claimant", "Claimant", "typed", who,
              {"org": "claimant_org_id", "person": "claimant_person_id"}),
            F("subject", "About", "typed", about,
              {k: f"subject_{k}_id" for k in ("org", "person", "product", "event")}),
            F("measured_against", "Measured against"),
            F("status", "Status", "choice",
              [("claimed", "claimed"), ("verified", "verified"), ("disputed", "disputed")]),
            F("date", "Date", "date"),
        ]  # fmt: skip
    if kind == "metric":
        return [
            F("name", "Name", placeholder="e.g. Qwen downloads"),
            F("value", "Value", placeholder="a number, e.g. 40000000"),
            F("unit", "Unit", "suggest", sug("unit")),
            F("as_of", "As of", "date"),
            F("subject", "Of", "typed", _typed("org", orgs) + _typed("product", products),
              {"org": "subject_org_id", "product": "subject_product_id"}),
            F("note", "Note", "text"),
        ]  # fmt: skip
    if kind == "relationship":
        return [
            F("source_id", "From", "ref", _v(orgs)),
            F("kind", "Relationship", "suggest", sug("kind")),
            F("target_id", "To", "ref", _v(orgs)),
            F("since", "Since", "date"),
            F("summary", "Summary", "text"),
        ]
    if kind == "citation":
        targets = choices.citation_targets(store, org_id) if org_id is not None else []
        return [
            F("source_id", "Source", "ref", _v(choices.source_choices(store))),
            F("target", "Cites for", "target", [((k, i), label) for k, i, label in targets],
              {"target": "target"}),
            F("locator", "Where", placeholder="page, paragraph, timestamp"),
            F("quote", "Quote", "text"),
            F("stance", "Stance", "choice", [("for", "supports"), ("against", "contradicts")]),
            F("credibility", "Credibility", "choice", CREDIBILITY_OPTIONS),
            F("credibility_reason", "Why", placeholder=REASON_HINT),
        ]  # fmt: skip
    if kind == "source":
        return [
            F("title", "Title"),
            F("publisher", "Publisher", "suggest", sug("publisher")),
            F("kind", "Kind", "suggest", sug("kind")),
            F("url", "URL"),
            F("published", "Published", "date"),
            F("summary", "Summary", "text"),
            F("reliability", "Reliability", "choice", RELIABILITY_OPTIONS),
            F("reliability_reason", "Why", placeholder=REASON_HINT),
        ]
    raise ValueError(f"no form for {kind!r}")


def defaults_for(kind: str, org_id: int | None) -> dict[str, Any]:
    """Starting values of a new row added from an organization's dossier."""
    if org_id is None:
        return {"era": False} if kind == "event" else {}
    return {
        "event": {"orgs": [(org_id, "involved")], "kind": "event"},
        "org": {"kind": "company"},
        "role": {"org_id": org_id},
        "product": {"owner_id": org_id, "kind": "model"},
        "claim": {"claimant_org_id": org_id, "subject_org_id": org_id, "status": "claimed"},
        "metric": {"subject_org_id": org_id},
        "relationship": {"source_id": org_id},
        "citation": {"target_kind": "org", "target_id": org_id, "stance": "for"},
        "source": {"kind": "article"},
    }.get(kind, {})
