import pytest

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
