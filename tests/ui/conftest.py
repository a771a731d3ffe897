import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from desktop.ui import i18n
from desktop.ui.app import ensure_app


@pytest.fixture
def qapp_cls():
    return None


@pytest.fixture(scope="session")
def qapp():
    """pytest-qt's app, configured as Dossier configures it (fonts, style)."""
    return ensure_app()


@pytest.fixture
def window(qtbot, seeded_store):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(seeded_store)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def chinese(qapp):
    """The window's language is Simplified Chinese for the test (then what it was)."""
    before = i18n.active_language()
    assert i18n.install("zh_CN") == "zh_CN", "resources/i18n/dossier_zh_CN.qm did not load"
    yield
    i18n.install(before)


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """QSettings in a temporary folder: tests never touch the user's preferences."""
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield
    default = QStandardPaths.StandardLocation.GenericConfigLocation
    QSettings.setPath(fmt, scope, QStandardPaths.writableLocation(default))
