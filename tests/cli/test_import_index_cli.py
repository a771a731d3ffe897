"""`dossier import` leaves a fully searchable file; while a big import's index is unfinished
(a crash, a window closed), `dossier search` says how much is indexed and `dossier check`
accepts the file."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.store.database import open_store
from desktop.store.io import apply_import, plan_import
from desktop.store.io.backlog import index_step
from desktop.store.search_backlog import indexed_share


def _big_csv(path, n):
    lines = ["key,title,date"] + [
        f"k{i},Quokka sighting {i},2024-05-01T10:{i % 60:02d}" for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _share(db):
    store = open_store(db)
    try:
        return indexed_share(store)
    finally:
        store.close()


def test_search_and_check_while_indexing_then_import_finishes_it(seeded_path, tmp_path, capsys):
    store = open_store(seeded_path)
    try:
        apply_import(store, plan_import(_big_csv(tmp_path / "a.csv", 2000)), defer_index=True)
        index_step(store, 500)  # stopped after one chunk
    finally:
        store.close()
    assert 0.2 < _share(seeded_path) < 0.3
    assert main(["search", "quokka", "--db", str(seeded_path)]) == 0
    err = capsys.readouterr().err
    assert "25 % indexed" in err
    assert main(["search", "quokka", "--db", str(seeded_path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["indexed_share"] == 0.25 and payload["total"] == 500
    assert main(["check", str(seeded_path)]) == 0
    capsys.readouterr()
    # any import finishes the index before it returns
    small = tmp_path / "b.csv"
    small.write_text("title,date\nOne more quokka,2024\n", encoding="utf-8")
    assert main(["import", str(small), "--db", str(seeded_path)]) == 0
    capsys.readouterr()
    assert _share(seeded_path) is None
    assert main(["search", "quokka", "--db", str(seeded_path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["total"] == 2001 and "indexed_share" not in payload
    assert main(["check", str(seeded_path)]) == 0


def test_a_big_cli_import_is_searchable_when_it_returns(seeded_path, tmp_path, capsys):
    path = _big_csv(tmp_path / "a.csv", 25_000)  # past DEFER_ROWS: the index follows the commit
    assert main(["import", str(path), "--db", str(seeded_path)]) == 0
    assert "created 25,000" in capsys.readouterr().out
    assert _share(seeded_path) is None
    assert main(["search", "quokka sighting 24999", "--db", str(seeded_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["title"] == "Quokka sighting 24999"
    assert main(["check", str(seeded_path)]) == 0
