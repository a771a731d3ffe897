"""Fonts of dossier text: a Latin family first and a CJK family second, so Latin punctuation
(curly apostrophes and quotes) is drawn by the Latin font and Chinese names by the CJK one.

A generic family such as 'Sans Serif' may resolve to a CJK font whose punctuation is full width
("Alibaba’ s"); a real Latin family is put in front of it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

LATIN_FAMILIES = (
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Noto Sans",
    "DejaVu Sans",
    "Liberation Sans",
    "Cantarell",
    "Ubuntu",
    "Nimbus Sans",
    "Helvetica",
)
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Droid Sans Fallback",
)


def _is_cjk(family: str) -> bool:
    return family in CJK_FAMILIES or any(
        s in family for s in ("CJK", "WenQuanYi", "Hei", "Han Sans", "Droid Sans Fallback")
    )


def latin_first(base: QFont, point_size: float | None = None) -> QFont:
    """``base`` with the family list [Latin, CJK]: the family it resolves to when that is a
    Latin font, else the first installed Latin family; then the first installed CJK family."""
    installed = set(QFontDatabase.families())
    resolved = QFontInfo(base).family()
    latin = resolved if resolved in installed and not _is_cjk(resolved) else None
    latin = latin or next((f for f in LATIN_FAMILIES if f in installed), None)
    cjk = next((f for f in CJK_FAMILIES if f in installed), None)
    font = QFont(base)
    families = [f for f in (latin, cjk) if f]
    if families:
        font.setFamilies(families)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
