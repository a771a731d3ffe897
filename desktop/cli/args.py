"""Command-line values turned into what the commands take (a refusal is a UserError)."""

from __future__ import annotations

from desktop.cli.errors import UserError
from desktop.domain.grades import Grade, GradeError
from desktop.domain.partial_date import DateParseError, PartialDate


def parse_range(values: list[str] | None) -> tuple[float, float] | None:
    """'--range 2024-05 2024-08' -> seconds [start of May, end of August)."""
    if not values:
        return None
    try:
        lo = PartialDate.parse(values[0]).interval()[0]
        hi = PartialDate.parse(values[1]).interval()[1]
    except DateParseError as exc:
        raise UserError(str(exc)) from None
    if hi <= lo:
        raise UserError(f"the range {values[0]} .. {values[1]} ends before it starts")
    return float(lo), float(hi)


def parse_grade(text: str | None) -> Grade:
    """'--min-grade B2' -> Grade('B', 2) (None or '' -> the empty grade, no minimum)."""
    try:
        return Grade.parse(text or "")
    except GradeError as exc:
        raise UserError(f"--min-grade: {exc}") from None


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UserError(f"--size should look like 1600x1000, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise UserError("--size must be between 200x200 and 8000x8000")
    return w, h
