"""Building one dossier document: the heading, then each builder of
``desktop.domain.dossier_sections`` in order, with one citation numbering.

Kept apart from ``dossier_doc`` (the document's vocabulary, which the builders import) so that
the builders and the document types do not import each other.
"""

from __future__ import annotations

from desktop.domain import dossier_sections
from desktop.domain.dossier_doc import Context, DossierDoc, Footnotes
from desktop.domain.dossier_grade import graded_at_least
from desktop.domain.dossier_review import ReviewChanges
from desktop.domain.grades import Grade
from desktop.domain.model import Dossier


def build_document(
    d: Dossier,
    changes: ReviewChanges | None = None,
    *,
    max_events: int | None = None,
    min_grade: Grade | None = None,
) -> DossierDoc:
    """The dossier as a document; ``changes`` (None: no review line) badges what was added or
    edited since the last review; ``max_events`` lists only the latest events; ``min_grade``
    keeps only the facts graded at least that (and says so under the heading)."""
    bar = min_grade or Grade()
    d = graded_at_least(d, bar)
    ctx = Context(Footnotes(), changes or ReviewChanges(), max_events, str(bar))
    heading, marks, lead = dossier_sections.header(d, ctx, changes)
    sections = tuple(s for build in dossier_sections.SECTIONS if (s := build(d, ctx)) is not None)
    return DossierDoc(d.org.label, heading, marks, lead, sections, ctx.notes.entries(d.sources))
