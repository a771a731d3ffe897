"""The note editor's text history (pure Python): word and pause steps, undo/redo round trips."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.annotations.text_history import TextHistory, diff


def typed(history, start, text, now=0.0, step=0.05):
    current = start
    for ch in text:
        current += ch
        now += step
        history.record(current, len(current), now)
    return current, now


def test_words_are_steps():
    h = TextHistory()
    typed(h, "", "see the API docs")
    texts = []
    while (snap := h.undo()) is not None:
        texts.append(snap.text)
    assert texts == ["see the API ", "see the ", "see ", ""]


def test_a_pause_or_a_seal_starts_a_step():
    h = TextHistory(pause=1.0)
    text, now = typed(h, "", "abc")
    text, now = typed(h, text, "def", now + 5)  # a pause inside a word
    h.seal()
    typed(h, text, "ghi", now)
    assert h.undo().text == "abcdef"
    assert h.undo().text == "abc"


def test_typing_then_deleting_are_two_steps():
    h = TextHistory()
    h.record("hello", 5, 0.0)
    h.record("hell", 4, 0.1)
    h.record("hel", 3, 0.2)
    assert h.undo().text == "hello"
    assert h.redo().text == "hel"


def test_an_edit_after_undo_drops_redo():
    h = TextHistory()
    typed(h, "", "one two")
    h.undo()
    h.record("one three", 9, 10.0)
    assert not h.can_redo()
    assert h.undo().text == "one "


@given(st.lists(st.text(max_size=6), max_size=25))
def test_undo_all_then_redo_all_round_trips(edits):
    h = TextHistory("start")
    seen = ["start"]
    for i, text in enumerate(edits):
        h.record(text, len(text), i * 0.3)
        if text != seen[-1]:
            seen.append(text)
    final = h.text
    assert final == seen[-1]
    back = [final]
    while (snap := h.undo()) is not None:
        assert snap.text != back[-1]
        back.append(snap.text)
    assert back[-1] == "start"
    assert all(t in seen for t in back)  # only texts that were there; steps may merge
    while h.redo() is not None:
        pass
    assert h.text == final


@given(st.text(max_size=20), st.text(max_size=20))
def test_diff_rebuilds_the_new_text(before, after):
    e = diff(before, after)
    assert before[: e.pos] + e.inserted + before[e.pos + len(e.removed) :] == after
