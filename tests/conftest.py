import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Without a display Qt aborts the whole run; tests always render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's settings, locks or database from tests.
os.environ["DOSSIER_TEST_SCRATCH"] = tempfile.mkdtemp(prefix="dossier-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(os.environ["DOSSIER_TEST_SCRATCH"], "config")
os.environ["DOSSIER_LOCK_DIR"] = os.path.join(os.environ["DOSSIER_TEST_SCRATCH"], "locks")
os.environ.setdefault("DOSSIER_DB", str(Path(__file__).parent / "_no_user_db_in_tests.db"))
# The interface follows the system locale: tests read English unless they ask for a language
# (--lang, View ▸ Language), whatever the machine's own locale is.
os.environ["LC_ALL"] = os.environ["LC_MESSAGES"] = os.environ["LANG"] = "C.UTF-8"
os.environ["LANGUAGE"] = ""

from desktop.paths import seeds_dir
from desktop.store.database import memory_store
from desktop.store.library import create_from_seeds
from desktop.store.seeds import load_seeds

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A database built from seeds/ once per test session (copy it before writing)."""
    path = tmp_path_factory.mktemp("template") / "seed.db"
    store, _ = create_from_seeds(path)
    store.close()
    return path


@pytest.fixture
def seeded_path(seeded_template, tmp_path):
    """A private copy of the seeded database."""
    path = tmp_path / "dossier.db"
    shutil.copy(seeded_template, path)
    return path


@pytest.fixture
def seeded_store(seeded_path):
    from desktop.store.database import open_store

    store = open_store(seeded_path)
    yield store
    store.close()


@pytest.fixture
def empty_store():
    store = memory_store()
    yield store
    store.close()


@pytest.fixture
def mem_seeded():
    store = memory_store()
    load_seeds(store, seeds_dir())
    yield store
    store.close()
