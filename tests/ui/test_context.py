"""Features receive a WindowContext, and the main window is one."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.ui.context import WindowContext

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def test_the_main_window_has_every_member_of_the_context(window):
    assert isinstance(window, WindowContext)
    members = [n for n in vars(WindowContext) if not n.startswith("_")]
    missing = [n for n in members if not hasattr(window, n)]
    assert not missing
    assert window.qt is window and window.bus.store is window.store


def test_the_context_imports_no_feature():
    tree = ast.parse((UI / "context.py").read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }
    features = ("annotations", "dossier", "editing", "filters", "search", "timeline", "shell")
    assert not [m for m in imported if m.startswith(tuple(f"desktop.ui.{f}" for f in features))]
    assert "desktop.ui.main_window" not in imported


def test_features_reach_the_window_without_type_ignores():
    """The filters, editing and annotations features take the context; no attribute of the
    window needs a `type: ignore[attr-defined]` there any more."""
    for name in ("filters/controller.py", "editing/controller.py", "annotations/__init__.py"):
        text = (UI / name).read_text(encoding="utf-8")
        assert "WindowContext" in text, name
        assert "ignore[attr-defined]" not in text, name


def test_a_status_message_goes_through_the_context(window):
    window.show_status("hello from a feature", 1000)
    assert window.statusBar().currentMessage() == "hello from a feature"


def test_the_window_lifecycle_is_its_own_module(window, tmp_path):
    """Opening, replacing and releasing a database and the saved state live in
    desktop/ui/shell/lifecycle.py; the shell keeps the menus and hands them over."""
    from desktop.ui.shell.lifecycle import Lifecycle, lifecycle_of

    life = lifecycle_of(window)
    assert isinstance(life, Lifecycle) and window.shell.lifecycle is life
    assert window.shell.store is life.store is window.store
    state = life.timeline_state()
    assert set(state) == {"range", "group", "order"}
    assert life.is_current(window.store.path) and not life.is_current(tmp_path / "other.db")
    for name in ("shell/__init__.py", "shell/lifecycle.py"):
        assert "ignore[attr-defined]" not in (UI / name).read_text(encoding="utf-8"), name


def test_the_feature_independence_contract_has_no_exceptions():
    import tomllib

    config = tomllib.loads((UI.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "independence"
    ]
    assert "desktop.ui.filters" in contract["modules"]
    assert "desktop.ui.timeline" in contract["modules"]
    assert not contract.get("ignore_imports")
