"""The dossier document's own words in the interface language.

``desktop/domain`` writes the document in English and has no Qt; its fixed words (section
titles, "Part of ", "Not reviewed yet."), the sentences it fills in ("Also known as: {names}")
and its dates ("4–6 Jul 2024", "early May 2024") are translated here, where the document is
written for the window, the PDF and print. Data (names, titles, quotes, summaries) is left as it
is: only whole texts listed here, or matching a listed sentence, are translated, and dates are
read back with the domain's own parser before QLocale writes them.

In English (the source language) every function returns its text unchanged.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale

from desktop.domain.partial_date import DateParseError, PartialDate, parse_span
from desktop.ui.i18n import active_language, translate

CONTEXT = "Dossier"

# section titles (dossier_sections, dossier_event) and the document's fixed texts
FIXED = frozenset(
    {
        QT_TRANSLATE_NOOP("Dossier", "People"),
        QT_TRANSLATE_NOOP("Dossier", "Products and models"),
        QT_TRANSLATE_NOOP("Dossier", "Claims"),
        QT_TRANSLATE_NOOP("Dossier", "Figures"),
        QT_TRANSLATE_NOOP("Dossier", "Relationships"),
        QT_TRANSLATE_NOOP("Dossier", "Events"),
        QT_TRANSLATE_NOOP("Dossier", "Notes"),
        QT_TRANSLATE_NOOP("Dossier", "Attributes"),
        QT_TRANSLATE_NOOP("Dossier", "Sources"),
        QT_TRANSLATE_NOOP("Dossier", "Part of "),
        QT_TRANSLATE_NOOP("Dossier", "Not reviewed yet."),
        QT_TRANSLATE_NOOP("Dossier", " (former)"),
        QT_TRANSLATE_NOOP("Dossier", "claimed"),
        QT_TRANSLATE_NOOP("Dossier", "✔ verified"),
        QT_TRANSLATE_NOOP("Dossier", "⚠ disputed"),
        QT_TRANSLATE_NOOP("Dossier", "Organizations: "),
        QT_TRANSLATE_NOOP("Dossier", "People: "),
        QT_TRANSLATE_NOOP("Dossier", "Products: "),
        QT_TRANSLATE_NOOP("Dossier", "⚠ Some of this is disputed: see the sources marked ✗."),
        QT_TRANSLATE_NOOP("Dossier", "on "),
        QT_TRANSLATE_NOOP("Dossier", "NEW"),
        QT_TRANSLATE_NOOP("Dossier", "changed"),
        QT_TRANSLATE_NOOP("Dossier", "⚠ contested"),
        QT_TRANSLATE_NOOP("Dossier", "(contradicts the fact)"),
        QT_TRANSLATE_NOOP("Dossier", "not graded"),
        QT_TRANSLATE_NOOP("Dossier", "open weights"),
        # the filter bar's summary of the active filter (desktop/domain/filters.py describe)
        QT_TRANSLATE_NOOP("Dossier", "All events"),
        QT_TRANSLATE_NOOP("Dossier", "Starred"),
        QT_TRANSLATE_NOOP("Dossier", "closed weights"),
    }
)

# sentences with data in them: (the domain's sentence as a pattern, its translatable template)
_N = r"[\d,]+"
SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), template)
    for pattern, template in (
        (r"Also known as: (?P<names>.+)", QT_TRANSLATE_NOOP("Dossier", "Also known as: {names}")),
        (r"HQ (?P<place>.+)", QT_TRANSLATE_NOOP("Dossier", "HQ {place}")),
        (r"founded (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", "founded {date}")),
        (rf"(?P<n>{_N}) events?", QT_TRANSLATE_NOOP("Dossier", "{n} events")),
        (rf"(?P<n>{_N}) products?", QT_TRANSLATE_NOOP("Dossier", "{n} products")),
        (rf"(?P<n>{_N}) claims?", QT_TRANSLATE_NOOP("Dossier", "{n} claims")),
        (rf"(?P<n>{_N}) (?:people|person)", QT_TRANSLATE_NOOP("Dossier", "{n} people")),
        (rf"(?P<n>{_N}) figures?", QT_TRANSLATE_NOOP("Dossier", "{n} figures")),
        (rf"(?P<n>{_N}) notes?", QT_TRANSLATE_NOOP("Dossier", "{n} notes")),
        (rf"(?P<n>{_N}) relationships?", QT_TRANSLATE_NOOP("Dossier", "{n} relationships")),
        (rf"⚠ (?P<n>{_N}) disputed", QT_TRANSLATE_NOOP("Dossier", "⚠ {n} disputed")),
        (
            r"As known on (?P<date>.+?): later metrics, claims, relationships, products, roles"
            r" and events are hidden\.",
            QT_TRANSLATE_NOOP(
                "Dossier",
                "As known on {date}: later metrics, claims, relationships, products, roles"
                " and events are hidden.",
            ),
        ),
        (
            r"Only facts with a source graded at least (?P<grade>\S+): facts graded lower, or"
            r" not graded, are left out\.",
            QT_TRANSLATE_NOOP(
                "Dossier",
                "Only facts with a source graded at least {grade}: facts graded lower, or not"
                " graded, are left out.",
            ),
        ),
        (
            r"Reviewed (?P<date>.+?) UTC; nothing added or edited since\.",
            QT_TRANSLATE_NOOP("Dossier", "Reviewed {date} UTC; nothing added or edited since."),
        ),
        (
            r"Reviewed (?P<date>.+?) UTC; since then added or edited: (?P<what>.+)",
            QT_TRANSLATE_NOOP("Dossier", "Reviewed {date} UTC; since then added or edited: {what}"),
        ),
        (
            rf"The latest (?P<shown>{_N}) of (?P<total>{_N}); the timeline shows them all\.",
            QT_TRANSLATE_NOOP(
                "Dossier", "The latest {shown} of {total}; the timeline shows them all."
            ),
        ),
        (r"Organizations: (?P<names>.+)", QT_TRANSLATE_NOOP("Dossier", "Organizations: {names}")),
        (r"Kinds: (?P<names>.+)", QT_TRANSLATE_NOOP("Dossier", "Kinds: {names}")),
        (r"Tags: (?P<names>.+)", QT_TRANSLATE_NOOP("Dossier", "Tags: {names}")),
        (r"Country: (?P<names>.+)", QT_TRANSLATE_NOOP("Dossier", "Country: {names}")),
        (r"Dates: until (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", "Dates: until {date}")),
        (r"Dates: from (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", "Dates: from {date}")),
        (r"Dates: (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", "Dates: {date}")),
        (
            r"Sources graded at least (?P<grade>\S+) \(ungraded left out\)",
            QT_TRANSLATE_NOOP("Dossier", "Sources graded at least {grade} (ungraded left out)"),
        ),
        # an edit form's date hint (desktop/ui/editing/date_hint.py, which has no Qt)
        (
            r"understood: from (?P<start>.+) to (?P<end>.+)",
            QT_TRANSLATE_NOOP("Dossier", "understood: from {start} to {end}"),
        ),
        (r"understood: (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", "understood: {date}")),
        (r" — (?P<title>.+)", " — {title}"),  # a role: its title is data
        (r", since (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", ", since {date}")),
        (r", until (?P<date>.+)", QT_TRANSLATE_NOOP("Dossier", ", until {date}")),
        (r", (?P<date>.+)", ", {date}"),  # a role's span
        (r" \(since (?P<date>.+)\)", QT_TRANSLATE_NOOP("Dossier", " (since {date})")),
        (r" vs (?P<what>.+)", QT_TRANSLATE_NOOP("Dossier", " vs {what}")),
        (r" \(about (?P<what>.+)\)", QT_TRANSLATE_NOOP("Dossier", " (about {what})")),
        (r" \(for (?P<orgs>.+)\)", QT_TRANSLATE_NOOP("Dossier", " (for {orgs})")),
        (r"on (?P<target>\S+): ", QT_TRANSLATE_NOOP("Dossier", "on {target}: ")),
        (
            r"Graded (?P<letter>[A-F]) — (?P<label>[a-z ]+)(?P<why>: .*)?",
            QT_TRANSLATE_NOOP("Dossier", "Graded {letter} — {label}{why}"),
        ),
        (
            r"(?P<what>.+) \(events: of the latest (?P<n>[\d,]+)\)",
            QT_TRANSLATE_NOOP("Dossier", "{what} (events: of the latest {n})"),
        ),
    )
)

# the Admiralty grades' words (desktop/domain/grades.py RELIABILITY and CREDIBILITY)
GRADE_WORDS = (
    QT_TRANSLATE_NOOP("Grades", "completely reliable"),
    QT_TRANSLATE_NOOP("Grades", "usually reliable"),
    QT_TRANSLATE_NOOP("Grades", "fairly reliable"),
    QT_TRANSLATE_NOOP("Grades", "not usually reliable"),
    QT_TRANSLATE_NOOP("Grades", "unreliable"),
    QT_TRANSLATE_NOOP("Grades", "reliability cannot be judged"),
    QT_TRANSLATE_NOOP("Grades", "confirmed by other sources"),
    QT_TRANSLATE_NOOP("Grades", "probably true"),
    QT_TRANSLATE_NOOP("Grades", "possibly true"),
    QT_TRANSLATE_NOOP("Grades", "doubtful"),
    QT_TRANSLATE_NOOP("Grades", "improbable"),
    QT_TRANSLATE_NOOP("Grades", "truth cannot be judged"),
    QT_TRANSLATE_NOOP("Dossier", ": {why}"),
)

# the dates of desktop/domain/partial_date.py's display() and format_span()
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_ONE = (
    rf"(?:c\. )?(?:(?:early|mid|late|Q[1-4]|H[12]) )?(?:\d{{1,2}} )?{_MON} \d{{4}}(?: \d\d:\d\d)?"
)
_QUALIFIED_YEAR = r"(?:c\. )?(?:early|mid|late|Q[1-4]|H[12]) \d{4}"
DATES = re.compile(
    rf"(?:\d{{1,2}}|early|mid|late|{_MON}|\d{{1,2}} {_MON})(?:–| – )(?:{_ONE})"
    rf"|{_ONE}(?: – {_ONE})?"
    rf"|{_QUALIFIED_YEAR}(?:(?:–| – ){_QUALIFIED_YEAR})?"
)


def _english() -> bool:
    return active_language() == "en"


def text(value: str, meta: bool = False) -> str:
    """A text of the document in the interface language: a fixed text or a known sentence
    translated (its data kept, its dates rewritten); a ``meta`` text (dates, facts at a glance)
    in parts joined by ' · ', each on its own, its dates rewritten. Anything else (data: a
    summary, a claim, a quote) as it is."""
    if _english() or not value:
        return value
    if value in FIXED:
        return translate(CONTEXT, value)
    if meta and " · " in value:
        return " · ".join(text(part, meta) for part in value.split(" · "))
    for pattern, template in SENTENCES:
        match = pattern.fullmatch(value)
        if match:
            parts = {k: _approximate(dates(v or "")) for k, v in match.groupdict().items()}
            if "label" in parts:  # a grade's words (desktop/domain/grades.py)
                parts["label"] = translate("Grades", parts["label"])
            if parts.get("why"):
                parts["why"] = translate(CONTEXT, ": {why}").format(why=parts["why"][2:])
            if "what" in parts:
                comma = translate("Dossier", ", ")  # between the counts of a list
                parts["what"] = comma.join(text(p, meta) for p in parts["what"].split(", "))
            return translate(CONTEXT, template).format(**parts)
    return dates(value) if meta else value


def _approximate(value: str) -> str:
    mark = " (approximate)"
    if value.endswith(mark):
        return value.removesuffix(mark) + translate("Dossier", " (approximate)")
    return value


def dates(value: str) -> str:
    """Every date the domain wrote in ``value`` ('4–6 Jul 2024', 'early May 2024', 'Q2 2024')
    written the interface language's way (QLocale patterns; '2024年7月4日–6日')."""
    if _english() or not value:
        return value
    return DATES.sub(lambda m: _span(m.group(0)), value)


def _span(written: str) -> str:
    try:
        start, end = parse_span(written)
    except (DateParseError, ValueError):
        return written
    if end is None or end == start:
        return day(start)
    first, last = day(start), day(end)
    if start.year == end.year and start.month == end.month and start.day and end.day:
        # 4–6 Jul 2024: the end's day alone ('6' in English, '6日' in Chinese)
        only_day = translate("Dates", "d", "the end of a range of days in one month")
        last = QLocale().toString(QDate(end.year, end.month, end.day), only_day)
    return translate("Dates", "{start}–{end}").format(start=first, end=last)


PATTERNS = {
    "day": QT_TRANSLATE_NOOP("Dates", "d MMM yyyy"),
    "month": QT_TRANSLATE_NOOP("Dates", "MMM yyyy"),
    "year": QT_TRANSLATE_NOOP("Dates", "yyyy"),
}
PARTS = {
    "early": QT_TRANSLATE_NOOP("Dates", "early {date}"),
    "mid": QT_TRANSLATE_NOOP("Dates", "mid {date}"),
    "late": QT_TRANSLATE_NOOP("Dates", "late {date}"),
    "Q1": QT_TRANSLATE_NOOP("Dates", "Q1 {date}"),
    "Q2": QT_TRANSLATE_NOOP("Dates", "Q2 {date}"),
    "Q3": QT_TRANSLATE_NOOP("Dates", "Q3 {date}"),
    "Q4": QT_TRANSLATE_NOOP("Dates", "Q4 {date}"),
    "H1": QT_TRANSLATE_NOOP("Dates", "H1 {date}"),
    "H2": QT_TRANSLATE_NOOP("Dates", "H2 {date}"),
}


def day(d: PartialDate) -> str:
    """One partial date through QLocale: '2024年7月4日', '2024年5月上旬', '2024年第二季度'."""
    if not 1 <= d.year <= 9999:
        return d.display()  # deep time: as the domain writes it
    loc = QLocale()
    if d.day is not None and d.month is not None:
        out = loc.toString(QDate(d.year, d.month, d.day), translate("Dates", PATTERNS["day"]))
        if d.hour is not None and d.minute is not None:
            out += f" {d.hour:02d}:{d.minute:02d}"
    elif d.month is not None:
        out = loc.toString(QDate(d.year, d.month, 1), translate("Dates", PATTERNS["month"]))
    else:
        out = loc.toString(QDate(d.year, 1, 1), translate("Dates", PATTERNS["year"]))
    if d.part is not None and d.part in PARTS:
        if d.month is None and d.part in YEAR_PARTS:
            out = translate("Dates", YEAR_PARTS[d.part]).format(date=out)
        else:
            out = translate("Dates", PARTS[d.part]).format(date=out)
    if d.approximate:
        out = translate("Dates", "c. {date}").format(date=out)
    return out


# year qualifiers (early 2024 is 2024年初, not a month's 上旬)
YEAR_PARTS = {
    "early": QT_TRANSLATE_NOOP("Dates", "early year {date}"),
    "mid": QT_TRANSLATE_NOOP("Dates", "mid year {date}"),
    "late": QT_TRANSLATE_NOOP("Dates", "late year {date}"),
}


# -- the timeline axis's labels (desktop/domain/tick_forms.py) --------------------------------
_MONTHS3 = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_WORD = "|".join(_MONTH_NAMES + _MONTHS3)
_TICK = re.compile(
    rf"(?:(?P<weekday>{'|'.join(_WEEKDAYS)}) )?(?:(?P<day>\d{{1,2}}) )?(?P<month>{_MONTH_WORD})"
    rf"(?: (?P<year>\d{{4}}|'\d\d))?(?: (?P<time>\d\d:\d\d))?"
)
_WEEKDAY_DAY = re.compile(rf"(?P<weekday>{'|'.join(_WEEKDAYS)}) (?P<day>\d{{1,2}})")
WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("Dates", "Mon"),
    QT_TRANSLATE_NOOP("Dates", "Tue"),
    QT_TRANSLATE_NOOP("Dates", "Wed"),
    QT_TRANSLATE_NOOP("Dates", "Thu"),
    QT_TRANSLATE_NOOP("Dates", "Fri"),
    QT_TRANSLATE_NOOP("Dates", "Sat"),
    QT_TRANSLATE_NOOP("Dates", "Sun"),
)
TICK_PATTERNS = {
    "month": QT_TRANSLATE_NOOP("Dates", "MMM"),
    "day month": QT_TRANSLATE_NOOP("Dates", "d MMM"),
}
_cache: dict[tuple[str, str], str] = {}


def tick(label: str) -> str:
    """An axis label ('April 2024', '1 Apr', 'Mon 1', 'Apr '24') in the interface language
    ('2024年4月', '4月1日', '周一 1日'): months and days through QLocale; years, quarters,
    times and anything else as they are."""
    if _english() or not label:
        return label
    key = (active_language(), label)
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = _tick(label)
        if len(_cache) > 4096:
            _cache.clear()
    return found


def _tick(label: str) -> str:
    loc = QLocale()
    m = _WEEKDAY_DAY.fullmatch(label)
    if m:
        weekday = translate("Dates", WEEKDAY_NAMES[_WEEKDAYS.index(m["weekday"])])
        only_day = translate("Dates", "d", "the end of a range of days in one month")
        return f"{weekday} {loc.toString(QDate(2000, 1, int(m['day'])), only_day)}"
    m = _TICK.fullmatch(label)
    if not m:
        return label
    word = m["month"]
    month = (_MONTH_NAMES.index(word) if word in _MONTH_NAMES else _MONTHS3.index(word)) + 1
    year = m["year"]
    full_year = int(year) if year and not year.startswith("'") else 2000
    if m["day"]:
        date = QDate(full_year, month, int(m["day"]))
        pattern = PATTERNS["day"] if year else TICK_PATTERNS["day month"]
    else:
        date = QDate(full_year, month, 1)
        pattern = PATTERNS["month"] if year else TICK_PATTERNS["month"]
    out = loc.toString(date, translate("Dates", pattern))
    if year and year.startswith("'") and not m["day"]:
        out = loc.toString(date, translate("Dates", TICK_PATTERNS["month"])) + f" {year}"
    if m["weekday"]:
        out = translate("Dates", WEEKDAY_NAMES[_WEEKDAYS.index(m["weekday"])]) + " " + out
    if m["time"]:
        out += f" {m['time']}"
    return out
