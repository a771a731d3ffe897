"""Opening a big database after its events changed builds the timeline's column files with a
progress dialog; a reload asked for during the build runs after it, not inside it."""

from __future__ import annotations

import pytest

from desktop.bench.generate import generate
from desktop.store import timeline
from desktop.ui.timeline import model as model_module
from desktop.ui.timeline import preparing
from desktop.ui.timeline.model import TimelineModel


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setattr(timeline, "FILES_FROM", 0)  # a few thousand events stand for millions
    store = generate(tmp_path / "big.db", 3000, n_orgs=20)
    yield store
    store.close()


def test_a_build_shows_its_progress_and_closes_the_dialog(big, qtbot, monkeypatch):
    monkeypatch.setattr(preparing, "SHOW_AFTER_MS", 0)
    seen: list[tuple[int, bool]] = []
    real = preparing.Preparing.__call__

    def watch(self, fraction):
        real(self, fraction)
        seen.append((self.dialog.value(), self.dialog.isVisible()))

    monkeypatch.setattr(preparing.Preparing, "__call__", watch)
    model = TimelineModel(big)
    assert len(model.index) >= 3000
    assert seen and seen[-1][0] == 100 and any(shown for _, shown in seen)
    assert not [w for w in qtbot_top_level() if w.__class__.__name__ == "QProgressDialog"
                and w.isVisible()]  # fmt: skip
    seen.clear()
    TimelineModel(big)  # the files are valid now: nothing built, no dialog
    assert not seen


def test_a_reload_during_the_build_runs_after_it(big, monkeypatch):
    calls: list[str] = []
    real = model_module.timeline_columns

    def columns(store, progress=None):
        calls.append("start")
        if len(calls) == 1:
            model.reload()  # as a timer firing while the dialog lets events through would
        result = real(store, progress=progress)
        calls.append("end")
        return result

    model = TimelineModel.__new__(TimelineModel)
    monkeypatch.setattr(model_module, "timeline_columns", columns)
    model.__init__(big)
    assert calls == ["start", "end", "start", "end"]  # one after the other, never nested


def qtbot_top_level():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
