"""`dossier init --empty PATH`: Dossier's schema and no data, made all-or-nothing like File ▸ New,
refused over an existing file unless --force, and ready to import into."""

import hashlib
import sqlite3

from desktop.cli import main
from desktop.store.database import open_store


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(path):
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "organizations", "people", "products")
        }
    finally:
        conn.close()


def test_init_empty_makes_an_empty_dossier_database(tmp_path, capsys):
    db = tmp_path / "mine.db"
    assert main(["init", "--empty", str(db)]) == 0
    assert "empty" in capsys.readouterr().out
    assert set(counts(db).values()) == {0}
    open_store(db, readonly=True).close()  # a Dossier database: its schema verifies
    assert not (tmp_path / "mine.db-wal").exists()


def test_init_empty_refuses_an_existing_file_then_force_replaces_it(tmp_path, capsys):
    db = tmp_path / "seeded.db"
    assert main(["init", str(db)]) == 0
    assert counts(db)["events"] > 0
    before = digest(db)
    capsys.readouterr()
    assert main(["init", "--empty", str(db)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert digest(db) == before
    assert main(["init", "--empty", "--force", str(db)]) == 0
    assert set(counts(db).values()) == {0}


def test_an_import_fills_the_empty_database(tmp_path, capsys):
    db = tmp_path / "mine.db"
    assert main(["init", "--empty", str(db)]) == 0
    csv = tmp_path / "t.csv"
    csv.write_text("date,title\n2024-05-01,First thing\n2024-06-02,Second thing\n")
    assert main(["import", str(csv), "--db", str(db)]) == 0
    assert counts(db)["events"] == 2
