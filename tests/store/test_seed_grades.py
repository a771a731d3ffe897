"""The seed dossier is graded: every source and every citation, each with a one-line reason;
the loader refuses a grade that is not one, and a reason without its grade."""

from __future__ import annotations

import shutil

import pytest

from desktop.paths import seeds_dir
from desktop.store.database import memory_store
from desktop.store.errors import ValidationError
from desktop.store.seeds import load_seeds


def test_every_seed_source_and_citation_is_graded_with_a_reason(mem_seeded):
    sources = mem_seeded.conn.execute(
        "SELECT key, reliability, reliability_reason FROM sources"
    ).fetchall()
    assert sources and all(r[1] in "ABCDEF" and r[2] and "\n" not in r[2] for r in sources)
    assert {k: g for k, g, _ in sources}["public-record"] == "A"
    cites = mem_seeded.conn.execute(
        "SELECT credibility, credibility_reason, stance FROM citations"
    ).fetchall()
    assert len(cites) >= 300
    assert all(1 <= c <= 6 and why and "\n" not in why for c, why, _ in cites)
    used = {c for c, _, _ in cites}
    assert {1, 2, 3, 4, 5} <= used  # graded, not stamped with one value


def test_disputed_article_claims_are_graded_low(mem_seeded):
    rows = mem_seeded.conn.execute(
        "SELECT cl.key, c.credibility FROM claims cl JOIN citations c ON c.target_kind = 'claim'"
        " AND c.target_id = cl.id JOIN sources s ON s.id = c.source_id"
        " WHERE cl.status = 'disputed' AND c.stance = 'for'"
    ).fetchall()
    assert rows and all(grade >= 4 for _, grade in rows), rows


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('reliability = "C"', 'reliability = "G"', "reliability is a letter A–F"),
        ('reliability = "C"', "reliability_x = 1", "reason is given but not the grade"),
        ("credibility = 2,", "credibility = 9,", "credibility is a digit 1–6"),
    ],
)
def test_the_loader_refuses_bad_grades(tmp_path, old, new, message):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    name = "sources.toml" if "reliability" in old else "claims.toml"
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    store = memory_store()
    try:
        with pytest.raises(ValidationError, match=message):
            load_seeds(store, folder)
        assert store.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    finally:
        store.close()
