"""The note editor's own text undo history, in small steps (pure Python, no Qt).

Qt's text document merges every contiguous keystroke into one undo step and loses its history
whenever the text is set again, so one Ctrl+Z could take back a whole paragraph typed over
several autosaves, with no redo. :class:`TextHistory` keeps snapshots of the text instead:

- a step is a word: typing a letter or digit after a space or punctuation starts a new step
  (the space after a word belongs to that word);
- a pause longer than :data:`PAUSE_S` starts a new step, and so does :meth:`TextHistory.seal`
  (the editor seals on every save, so saving never merges edits on either side of it);
- switching between typing and deleting, moving the cursor elsewhere, pasting, or typing a
  new line starts a new step;
- undo and redo move through the snapshots; an edit after an undo drops the redo steps, as
  every editor does. Nothing else ever removes a snapshot except the :data:`LIMIT`.
"""

from __future__ import annotations

from dataclasses import dataclass

PAUSE_S = 1.0
LIMIT = 1000  # snapshots kept per note


@dataclass(frozen=True)
class Snapshot:
    text: str
    cursor: int  # the cursor position after the step


@dataclass(frozen=True)
class Edit:
    """What changed between two texts: ``removed`` at ``pos`` replaced by ``inserted``."""

    pos: int
    removed: str
    inserted: str

    @property
    def kind(self) -> str:
        if self.inserted and not self.removed:
            return "insert"
        if self.removed and not self.inserted:
            return "delete"
        return "replace"


def diff(before: str, after: str) -> Edit:
    """The single replaced span that turns ``before`` into ``after`` (common ends kept)."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return Edit(start, before[start : len(before) - end], after[start : len(after) - end])


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class TextHistory:
    """Snapshots of one text; ``states[index]`` is the text as it is now."""

    def __init__(self, text: str = "", cursor: int = 0, *, pause: float = PAUSE_S) -> None:
        self.pause = pause
        self.reset(text, cursor)

    def reset(self, text: str, cursor: int = 0) -> None:
        """Forget every step: ``text`` is the starting point (a note just opened)."""
        self.states = [Snapshot(text, cursor)]
        self.index = 0
        self._open = False  # the top step can still grow
        self._last: Edit | None = None
        self._last_time = 0.0

    @property
    def text(self) -> str:
        return self.states[self.index].text

    def can_undo(self) -> bool:
        return self.index > 0

    def can_redo(self) -> bool:
        return self.index < len(self.states) - 1

    def seal(self) -> None:
        """The next change starts a new step."""
        self._open = False

    def record(self, text: str, cursor: int, now: float) -> None:
        """The text became ``text`` (by typing, pasting, or any change not made by undo/redo)."""
        current = self.states[self.index]
        if text == current.text:
            return
        edit = diff(current.text, text)
        merge = self._open and self._continues(edit, now)
        del self.states[self.index + 1 :]  # an edit after undo: the redo steps are gone
        snapshot = Snapshot(text, cursor)
        if merge:
            self.states[self.index] = snapshot
        else:
            self.states.append(snapshot)
            self.index += 1
            if len(self.states) > LIMIT:
                del self.states[0]
                self.index -= 1
        self._open = edit.kind in ("insert", "delete") and "\n" not in edit.inserted
        self._last = edit
        self._last_time = now

    def _continues(self, edit: Edit, now: float) -> bool:
        last = self._last
        if last is None or now - self._last_time > self.pause or edit.kind != last.kind:
            return False
        if edit.kind == "insert":
            if len(edit.inserted) != 1 or edit.pos != last.pos + len(last.inserted):
                return False
            previous = last.inserted[-1]
            # a new word starts a new step; the spaces and punctuation after a word stay with it
            return not (is_word_char(edit.inserted) and not is_word_char(previous))
        if edit.kind == "delete":
            backspace = edit.pos + len(edit.removed) == last.pos
            forward = edit.pos == last.pos
            return len(edit.removed) == 1 and (backspace or forward)
        return False

    def undo(self) -> Snapshot | None:
        """The text one step back (None when there is none)."""
        if not self.can_undo():
            return None
        self.index -= 1
        self._open = False
        return self.states[self.index]

    def redo(self) -> Snapshot | None:
        """The text one step forward again (None when there is none)."""
        if not self.can_redo():
            return None
        self.index += 1
        self._open = False
        return self.states[self.index]
