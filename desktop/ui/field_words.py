"""The edit forms' words: the labels, hints and choice labels of the store's table of fields
(desktop/store/edits_fields.py FIELDS, which has no Qt), marked here for pyside6-lupdate and
translated where a form shows them (:func:`field_text`). tests/ui/test_i18n.py fails when a field
is added to the store without its words here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.i18n import translate

FIELD_WORDS = (
    QT_TRANSLATE_NOOP("Fields", "Name"),
    QT_TRANSLATE_NOOP("Fields", "Chinese name"),
    QT_TRANSLATE_NOOP("Fields", "Aliases"),
    QT_TRANSLATE_NOOP("Fields", "comma-separated: Qwen, 通义千问"),
    QT_TRANSLATE_NOOP("Fields", "Kind"),
    QT_TRANSLATE_NOOP("Fields", "Country"),
    QT_TRANSLATE_NOOP("Fields", "HQ"),
    QT_TRANSLATE_NOOP("Fields", "Founded"),
    QT_TRANSLATE_NOOP("Fields", "Parent"),
    QT_TRANSLATE_NOOP("Fields", "Summary"),
    QT_TRANSLATE_NOOP("Fields", "Title"),
    QT_TRANSLATE_NOOP("Fields", "Start"),
    QT_TRANSLATE_NOOP("Fields", "e.g. early May 2024, or 4–6 Jul 2024"),
    QT_TRANSLATE_NOOP("Fields", "End"),
    QT_TRANSLATE_NOOP("Fields", "optional"),
    QT_TRANSLATE_NOOP("Fields", "Place"),
    QT_TRANSLATE_NOOP("Fields", "Era"),
    QT_TRANSLATE_NOOP("Fields", "shade as a period on the timeline"),
    QT_TRANSLATE_NOOP("Fields", "Person"),
    QT_TRANSLATE_NOOP("Fields", "Organization"),
    QT_TRANSLATE_NOOP("Fields", "comma-separated"),
    QT_TRANSLATE_NOOP("Fields", "Owner"),
    QT_TRANSLATE_NOOP("Fields", "Released"),
    QT_TRANSLATE_NOOP("Fields", "Size"),
    QT_TRANSLATE_NOOP("Fields", "e.g. 72B"),
    QT_TRANSLATE_NOOP("Fields", "Open weights"),
    QT_TRANSLATE_NOOP("Fields", "Claim"),
    QT_TRANSLATE_NOOP("Fields", "Claimant"),
    QT_TRANSLATE_NOOP("Fields", "About"),
    QT_TRANSLATE_NOOP("Fields", "Measured against"),
    QT_TRANSLATE_NOOP("Fields", "Status"),
    QT_TRANSLATE_NOOP("Fields", "Date"),
    QT_TRANSLATE_NOOP("Fields", "e.g. Qwen downloads"),
    QT_TRANSLATE_NOOP("Fields", "Value"),
    QT_TRANSLATE_NOOP("Fields", "a number, e.g. 40000000"),
    QT_TRANSLATE_NOOP("Fields", "Unit"),
    QT_TRANSLATE_NOOP("Fields", "As of"),
    QT_TRANSLATE_NOOP("Fields", "Of"),
    QT_TRANSLATE_NOOP("Fields", "Note"),
    QT_TRANSLATE_NOOP("Fields", "From"),
    QT_TRANSLATE_NOOP("Fields", "Relationship"),
    QT_TRANSLATE_NOOP("Fields", "To"),
    QT_TRANSLATE_NOOP("Fields", "Since"),
    QT_TRANSLATE_NOOP("Fields", "Source"),
    QT_TRANSLATE_NOOP("Fields", "Cites for"),
    QT_TRANSLATE_NOOP("Fields", "Where"),
    QT_TRANSLATE_NOOP("Fields", "page, paragraph, timestamp"),
    QT_TRANSLATE_NOOP("Fields", "Quote"),
    QT_TRANSLATE_NOOP("Fields", "Stance"),
    QT_TRANSLATE_NOOP("Fields", "supports"),
    QT_TRANSLATE_NOOP("Fields", "contradicts"),
    QT_TRANSLATE_NOOP("Fields", "Credibility"),
    QT_TRANSLATE_NOOP("Fields", "Why"),
    QT_TRANSLATE_NOOP("Fields", "one line: why this grade"),
    QT_TRANSLATE_NOOP("Fields", "Publisher"),
    QT_TRANSLATE_NOOP("Fields", "URL"),
    QT_TRANSLATE_NOOP("Fields", "Published"),
    QT_TRANSLATE_NOOP("Fields", "Reliability"),
)

# the kinds of row an edit names ('Edit event “WAIC 2024”'), desktop/ui/editing/commands.py
KIND_WORDS = (
    QT_TRANSLATE_NOOP("Fields", "organization"),
    QT_TRANSLATE_NOOP("Fields", "event"),
    QT_TRANSLATE_NOOP("Fields", "person"),
    QT_TRANSLATE_NOOP("Fields", "role"),
    QT_TRANSLATE_NOOP("Fields", "product"),
    QT_TRANSLATE_NOOP("Fields", "claim"),
    QT_TRANSLATE_NOOP("Fields", "metric"),
    QT_TRANSLATE_NOOP("Fields", "relationship"),
    QT_TRANSLATE_NOOP("Fields", "citation"),
    QT_TRANSLATE_NOOP("Fields", "source"),
)


def field_text(text: str) -> str:
    """A field's label, hint or choice label (or a kind's name) in the interface language."""
    return translate("Fields", text) if text else text
