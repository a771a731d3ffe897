"""The rows of each kind's form, generated from the store's one table of fields
(:data:`desktop.store.edits_fields.FIELDS`: label, hint, how it is entered, in order), and a
new row's starting values (from the open dossier).

A field becomes one row whose widget follows its type (a date, a reference, a choice, a grade)
and how it is entered (one line, several, free text with suggestions, a span of dates). Only
what a form shows differently from the columns is written here: the fields that pick one of
several columns (a claim's claimant and subject, a figure's subject: one "typed" row for
their columns), a citation's target, an event's organizations and, from a dossier, a new
person's role there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.domain.grades import CREDIBILITY, RELIABILITY
from desktop.store import edits_choices as choices
from desktop.store.database import Store
from desktop.store.edits_fields import FIELDS, Field
from desktop.ui.editing.fields import FieldSpec as F
from desktop.ui.field_words import field_text
from desktop.ui.i18n import translate


# Admiralty grades (desktop.domain.grades): 'not graded' first
def _grade_options(grades: dict[Any, str]) -> list[tuple[Any, str]]:
    """'not graded', then 'B — usually reliable' ... in the interface language."""
    return [(None, translate("Dossier", "not graded"))] + [
        (key, f"{key} — {translate('Grades', words)}") for key, words in grades.items()
    ]


Options = list[tuple[Any, str]]


@dataclass(frozen=True)
class Picker:
    """One form row for several columns: a choice among rows of several kinds (``typed``), or a
    citation's target; ``columns`` maps a kind to its column."""

    name: str
    widget: str
    columns: dict[str, str]


# the columns a form shows as one row, by kind (the row takes the first column's place)
PICKERS: dict[str, tuple[Picker, ...]] = {
    "claim": (
        Picker("claimant", "typed", {"org": "claimant_org_id", "person": "claimant_person_id"}),
        Picker(
            "subject",
            "typed",
            {k: f"subject_{k}_id" for k in ("org", "person", "product", "event")},
        ),
    ),
    "metric": (
        Picker("subject", "typed", {"org": "subject_org_id", "product": "subject_product_id"}),
    ),
    "citation": (
        Picker("target", "target", {"target_kind": "target_kind", "target_id": "target_id"}),
    ),
}


class _Options:
    """What the rows of one form offer, read once from the store."""

    def __init__(self, store: Store, kind: str, org_id: int | None) -> None:
        self.store, self.kind, self.org_id = store, kind, org_id
        self.orgs = choices.org_choices(store)

    def suggested(self, name: str) -> Options:
        return [(s, s) for s in choices.suggestions(self.store, self.kind, name)]

    def rows_of(self, table: str) -> Options:
        read: dict[str, Callable[[], list[tuple[int, str]]]] = {
            "organizations": lambda: self.orgs,
            "people": lambda: choices.person_choices(self.store),
            "sources": lambda: choices.source_choices(self.store),
            "products": lambda: choices.product_choices(self.store, self.org_id),
            "events": lambda: (
                choices.event_choices(self.store, self.org_id) if self.org_id is not None else []
            ),
        }
        return list(read[table]())

    def typed(self, columns: dict[str, str]) -> Options:
        tables = {f.name: f.ref for f in FIELDS[self.kind]}
        out: Options = []
        for kind, column in columns.items():
            out += [((kind, i), f"{label} ({kind})") for i, label in self.rows_of(tables[column])]
        return out

    def targets(self) -> Options:
        if self.org_id is None:
            return []
        return [
            ((k, i), label) for k, i, label in choices.citation_targets(self.store, self.org_id)
        ]


def _widget(f: Field) -> str:
    if f.entry == "long":
        return "text"
    if f.entry == "suggest":
        return "suggest"
    if f.type == "date":
        return "range_date" if f.entry == "span" else "date"
    return {
        "ref": "ref",
        "bool": "check",
        "tristate": "tristate",
        "choice": "choice",
        "reliability": "choice",
        "credibility": "choice",
    }.get(f.type, "line")


def _row(f: Field, options: _Options) -> F:
    widget = _widget(f)
    found: Options = []
    if widget == "suggest":
        found = options.suggested(f.name)
    elif f.type == "ref" and f.ref is not None:
        found = options.rows_of(f.ref)
    elif f.type == "choice":
        labels = [field_text(c) for c in f.choice_labels or f.choices]
        found = list(zip(f.choices, labels, strict=True))
    elif f.type == "reliability":
        found = _grade_options(RELIABILITY)
    elif f.type == "credibility":
        found = _grade_options(CREDIBILITY)
    hint = field_text(f.hint) if f.hint else f.hint
    return F(f.name, field_text(f.label or f.name), widget, found, placeholder=hint)


def _picker(p: Picker, label: str, options: _Options) -> F:
    if p.widget == "target":
        return F(p.name, label, "target", options.targets(), {"target": "target"})
    return F(p.name, label, "typed", options.typed(p.columns), p.columns)


def specs_for(store: Store, kind: str, org_id: int | None = None) -> list[F]:
    """Form rows for ``kind``; ``org_id`` is the dossier the form was opened from."""
    if kind not in FIELDS:
        raise ValueError(f"no form for {kind!r}")
    options = _Options(store, kind, org_id)
    pickers = {c: p for p in PICKERS.get(kind, ()) for c in p.columns.values()}
    rows: list[F] = []
    placed: set[str] = set()
    for f in FIELDS[kind]:
        picker = pickers.get(f.name)
        if picker is None:
            rows.append(_row(f, options))
        elif picker.name not in placed:
            placed.add(picker.name)
            rows.append(_picker(picker, field_text(f.label), options))
    if kind == "event":  # its organizations (edits take them as 'orgs') after the place
        at = next(i for i, r in enumerate(rows) if r.name == "place") + 1
        rows.insert(
            at, F("orgs", translate("Editing", "Organizations"), "orgs", list(options.orgs))
        )
    if kind == "person" and org_id is not None:  # a new person's role in this dossier
        titles = [(s, s) for s in choices.suggestions(store, "role", "title")]
        rows.insert(2, F("role_title", translate("Editing", "Role here"), "suggest", titles))

    return rows


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
