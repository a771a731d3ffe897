"""Values as people read them, shared by the window and the exports: dates at their own
precision and numbers with their unit."""

from __future__ import annotations

from desktop.domain.model import Product
from desktop.domain.partial_date import DateParseError, PartialDate, format_span


def date_text(value: str | None) -> str:
    """A stored date as people read it ('2024-05' -> 'May 2024'); unreadable text as it is."""
    if not value:
        return ""
    try:
        return PartialDate.parse(value).display()
    except DateParseError:
        return value


def span_text(start: str, end: str | None) -> str:
    """A start and optional end ('2024-07-04', '2024-07-06' -> '4–6 Jul 2024')."""
    try:
        return format_span(PartialDate.parse(start), PartialDate.parse(end) if end else None)
    except DateParseError:
        return f"{start} – {end}" if end else start


def number(value: float, unit: str | None = None) -> str:
    """1234567 -> '1,234,567'; 12.5 with '%' -> '12.5%'."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if unit in ("%", "percent"):
        return f"{text}%"
    return f"{text} {unit}" if unit else text


def rough_count(n: int) -> str:
    """A count that moves with every pan, steady enough to read (and to cache as drawn text):
    exact below 10,000 ('9,876'), three significant digits above ('12.3k', '457k', '1.23M')."""
    if n < 10_000:
        return f"{n:,}"
    for divisor, unit in ((1e3, "k"), (1e6, "M"), (1e9, "G")):
        value = n / divisor
        if value < 999.5 or unit == "G":
            digits = 2 if value < 9.995 else 1 if value < 99.95 else 0
            return f"{value:.{digits}f}{unit}"
    raise AssertionError("unreachable")


def product_facts(p: Product) -> str:
    """'7 Jun 2024 · 72B · open weights': what a dossier lists beside a product's name."""
    bits = [date_text(p.released)] if p.released else []
    if p.parameters:
        bits.append(p.parameters)
    if p.open_weights is not None:
        bits.append("open weights" if p.open_weights else "closed weights")
    return " · ".join(bits)
