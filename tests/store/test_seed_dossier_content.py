"""The seed dossier's content: quotes word for word in the paragraph they cite, the corrections
and additions of issue 14, and the UN resolution's symbol found by search."""

import re
import tomllib
from pathlib import Path

import pytest

from desktop.paths import seeds_dir
from desktop.store.queries import counts
from desktop.store.search import search

ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def paragraphs(source: dict) -> list[str]:
    """¶N as sources.toml counts them: blank-line paragraphs in 000_…, lines in 003_…."""
    text = (ARTICLES / source["file"]).read_text(encoding="utf-8")
    if source["file"].startswith("000_"):
        return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return text.splitlines()


def citations(node):
    if isinstance(node, dict):
        if "source" in node and "locator" in node:
            yield node
        for v in node.values():
            yield from citations(v)
    elif isinstance(node, list):
        for v in node:
            yield from citations(v)


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the seed articles are not beside the repo")
def test_every_quote_is_verbatim_in_the_paragraph_it_cites():
    sources = tomllib.loads((seeds_dir() / "sources.toml").read_text(encoding="utf-8"))
    articles = {s["key"]: paragraphs(s) for s in sources["source"] if s.get("file")}
    checked = 0
    for path in seeds_dir().glob("*.toml"):
        for c in citations(tomllib.loads(path.read_text(encoding="utf-8"))):
            if c["source"] not in articles or "quote" not in c:
                continue
            n = int(re.fullmatch(r"¶(\d+)", c["locator"])[1])
            assert c["quote"] in articles[c["source"]][n - 1], (path.name, c)
            checked += 1
    assert checked >= 240


def test_at_least_45_events_and_release_events_for_dated_products(mem_seeded):
    assert counts(mem_seeded)["events"] >= 45
    for product in ("chatgpt", "gpt-4", "gpt-4-turbo", "llama", "llama-2", "claude", "claude-2",
                    "grok-1", "qwen", "kuae", "deepseek-v2", "sora"):  # fmt: skip
        rows = mem_seeded.query(
            "SELECT e.kind FROM events e JOIN event_products ep ON ep.event_id = e.id"
            " JOIN products p ON p.id = ep.product_id WHERE p.key = ?",
            (product,),
        )
        assert any(r["kind"] == "release" for r in rows), product


def one(store, sql, *params):
    rows = store.query(sql, params)
    assert len(rows) == 1, (sql, params)
    return rows[0]


def test_corrections(mem_seeded):
    plan = one(
        mem_seeded,
        "SELECT start, summary FROM events WHERE key = ?",
        "new-generation-ai-development-plan",
    )
    assert plan["start"] == "2017-07-08" and "20 July" in plan["summary"]
    kuae = one(mem_seeded, "SELECT start FROM events WHERE key = ?", "moore-threads-kuae-upgrade")
    assert kuae["start"] == "2024-07-03"
    demo = "sensetime-gpt-4o-style-demo"
    linked = mem_seeded.query(
        "SELECT p.key FROM event_products ep JOIN products p ON p.id = ep.product_id"
        " JOIN events e ON e.id = ep.event_id WHERE e.key = ?",
        (demo,),
    )
    assert "sensenova-5-5" not in {r["key"] for r in linked}
    disputed = mem_seeded.query(
        "SELECT c.status FROM claims c JOIN events e ON e.id = c.subject_event_id WHERE e.key = ?",
        (demo,),
    )
    assert {"disputed"} <= {r["status"] for r in disputed}
    aliases = one(mem_seeded, "SELECT aliases FROM organizations WHERE key = 'alibaba-cloud'")
    assert "Tongyi" not in aliases["aliases"] and "通义" not in aliases["aliases"]
    tongyi = one(mem_seeded, "SELECT start FROM events WHERE key = 'tongyi-model-series-launch'")
    assert tongyi["start"] == "2022-09-02"
    llama = one(mem_seeded, "SELECT claimant_person_id, claimant_org_id FROM claims WHERE key = ?",
                "yi-draws-on-llama")  # fmt: skip
    assert llama == {"claimant_person_id": None, "claimant_org_id": None}  # the article's voice
    rel = mem_seeded.query(
        "SELECT c.quote FROM citations c JOIN relationships r ON r.id = c.target_id"
        " WHERE c.target_kind = 'relationship' AND r.key = ?",
        ("alibaba-cloud-benchmarks-against-openai",),
    )
    assert "challenging ChatGPT-4" not in {r["quote"] for r in rel}


@pytest.mark.parametrize("query", ["78/311", "A/RES/78/311", "capacity-building of artificial"])
def test_the_un_resolution_is_found_by_its_symbol_and_title(mem_seeded, query):
    refs = {h.ref for h in search(mem_seeded, query)}
    assert "event:un-ga-ai-capacity-building-resolution" in refs


def test_tongyi_names_the_model_brand(mem_seeded):
    for query in ("Tongyi", "通义"):
        refs = [h.ref for h in search(mem_seeded, query)]
        assert "product:qwen" in refs  # the model brand (no longer an alias of Alibaba Cloud)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Guofa", "event:new-generation-ai-development-plan"),  # only in a citation's locator
        ("HKEX", "org:sensetime"),
        ("arXiv:2405", "product:deepseek-v2"),
    ],
)
def test_citation_locators_are_searchable_with_what_they_are_cited_for(mem_seeded, query, expected):
    assert expected in {h.ref for h in search(mem_seeded, query)}


def test_locator_index_follows_citation_writes(mem_seeded):
    from desktop.store.check import check_store

    event = one(mem_seeded, "SELECT id FROM events WHERE key = 'waic-2018'")["id"]
    source = one(mem_seeded, "SELECT id FROM sources WHERE key = 'public-record'")["id"]
    assert "event:waic-2018" not in {h.ref for h in search(mem_seeded, "Zhangjiang")}
    with mem_seeded.write() as db:
        db.execute(
            "INSERT INTO citations (source_id, target_kind, target_id, locator)"
            " VALUES (?, 'event', ?, 'Zhangjiang venue list')",
            (source, event),
        )
    assert "event:waic-2018" in {h.ref for h in search(mem_seeded, "Zhangjiang")}
    with mem_seeded.write() as db:
        db.execute("DELETE FROM citations WHERE locator = 'Zhangjiang venue list'")
    assert "event:waic-2018" not in {h.ref for h in search(mem_seeded, "Zhangjiang")}
    assert check_store(mem_seeded).problems == []
