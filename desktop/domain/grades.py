"""Admiralty (NATO) grades: how reliable a source is and how credible one piece of its
information is (no Qt, no SQL).

A source's reliability is a letter, A (completely reliable) to F (reliability cannot be judged);
a citation's credibility is a digit, 1 (confirmed by other sources) to 6 (truth cannot be
judged). Together they grade one cited fact: "B2" is a usually reliable source giving
information that is probably true. Either part may be missing (not graded yet): it is written
"?" ("B?", "?2"), and an item graded in neither part has the empty grade "".

Order: A is the best letter and F the worst, 1 the best digit and 6 the worst. F and 6 mean
"cannot be judged" rather than "bad", but a filter has to put them somewhere, and for a reader
who asks for facts "at least" as good as some bar, a source nobody could judge is no better than
an unreliable one; so they come last.

"At least B2" (:meth:`Grade.at_least`) holds for a grade whose letter is A or B *and* whose digit
is 1 or 2. A bar may give one part only ("B": the source at least B, whatever the digit). A
part the bar asks about must be there: an ungraded source or citation never passes a minimum
grade (the filter bar and ``--min-grade`` say so). A fact passes when any citation supporting it
passes (:func:`meets`); a source cited against the fact does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
LETTERS = tuple(RELIABILITY)
DIGITS = tuple(CREDIBILITY)
UNKNOWN = "?"

_GRADE = re.compile(r"^\s*([A-Fa-f?])?\s*[-/·.]?\s*([1-6?])?\s*$")


class GradeError(ValueError):
    """Text that is not a grade."""


def parse_reliability(value: object) -> str | None:
    """A source's letter from 'b', ' B ', None or '' (None: not graded); GradeError else."""
    if value is None:
        return None
    text = str(value).strip().upper()
    if not text:
        return None
    if text not in RELIABILITY:
        raise GradeError(f"a source's reliability is a letter A–F, not {value!r}")
    return text


def parse_credibility(value: object) -> int | None:
    """A citation's digit from 2, '2', None or '' (None: not graded); GradeError else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise GradeError(f"a citation's credibility is a digit 1–6, not {value!r}")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise GradeError(f"a citation's credibility is a digit 1–6, not {value!r}") from None
    if number not in CREDIBILITY or str(value).strip() not in ("1", "2", "3", "4", "5", "6"):
        raise GradeError(f"a citation's credibility is a digit 1–6, not {value!r}")
    return number


@dataclass(frozen=True)
class Grade:
    """A letter (A–F) and a digit (1–6), either of which may be missing (None)."""

    reliability: str | None = None
    credibility: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "reliability", parse_reliability(self.reliability))
        object.__setattr__(self, "credibility", parse_credibility(self.credibility))

    @classmethod
    def parse(cls, text: str | None) -> Grade:
        """'B2', 'b2', 'B-2', 'B', '2', 'B?', '?2' or '' (nothing graded); GradeError else."""
        m = _GRADE.match(text or "")
        if m is None:
            raise GradeError(
                f"{text!r} is not a grade: a letter A–F (the source) and a digit 1–6"
                " (the information), such as B2"
            )
        letter, digit = m.group(1), m.group(2)
        return cls(
            None if letter in (None, UNKNOWN) else letter,
            None if digit in (None, UNKNOWN) else int(digit),
        )

    @property
    def is_empty(self) -> bool:
        return self.reliability is None and self.credibility is None

    @property
    def is_complete(self) -> bool:
        return self.reliability is not None and self.credibility is not None

    def __str__(self) -> str:
        """'B2', 'B?', '?2', or '' when neither part is graded."""
        if self.is_empty:
            return ""
        letter = self.reliability or UNKNOWN
        digit = UNKNOWN if self.credibility is None else str(self.credibility)
        return letter + digit

    def rank(self) -> tuple[int, int]:
        """Sort key, best first: A1 < A2 < ... < F6 < ungraded parts."""
        letter = LETTERS.index(self.reliability) if self.reliability else len(LETTERS)
        digit = self.credibility if self.credibility is not None else len(DIGITS) + 1
        return letter, digit

    def at_least(self, bar: Grade) -> bool:
        """Whether this grade is as good as ``bar`` or better in every part ``bar`` gives (a
        missing part here fails; an empty bar passes everything)."""
        if bar.reliability is not None:
            if self.reliability is None:
                return False
            if LETTERS.index(self.reliability) > LETTERS.index(bar.reliability):
                return False
        return bar.credibility is None or (
            self.credibility is not None and self.credibility <= bar.credibility
        )

    def label(self) -> str:
        """'B2: usually reliable source, information probably true' (what is graded)."""
        parts = []
        if self.reliability:
            parts.append(f"{RELIABILITY[self.reliability]} source")
        else:
            parts.append("source not graded")
        if self.credibility is not None:
            parts.append(f"information {CREDIBILITY[self.credibility]}")
        else:
            parts.append("information not graded")
        return f"{self} — {', '.join(parts)}" if not self.is_empty else "not graded"


def reliability_label(letter: str | None) -> str:
    """'B — usually reliable' ('not graded' for None)."""
    return f"{letter} — {RELIABILITY[letter]}" if letter else "not graded"


def credibility_label(digit: int | None) -> str:
    """'2 — probably true' ('not graded' for None)."""
    return f"{digit} — {CREDIBILITY[digit]}" if digit is not None else "not graded"


def meets(grades: Iterable[Grade], bar: Grade) -> bool:
    """Whether a fact supported by citations of these grades passes ``bar``: any one passing
    is enough; no grades at all never passes a bar that asks for something."""
    if bar.is_empty:
        return True
    return any(g.at_least(bar) for g in grades)


def best(grades: Iterable[Grade]) -> Grade:
    """The best of these grades (by :meth:`Grade.rank`), the empty grade when there are none."""
    return min(grades, key=Grade.rank, default=Grade())


def letters_at_least(bar: Grade) -> tuple[str, ...]:
    """The letters that pass ``bar`` (every letter when it gives none)."""
    if bar.reliability is None:
        return LETTERS
    return LETTERS[: LETTERS.index(bar.reliability) + 1]
