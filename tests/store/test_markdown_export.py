"""A dossier as Markdown: every cited fact carries a footnote that is defined."""

import re
from datetime import UTC, datetime

from desktop.store.dossier import load_dossier
from desktop.store.io.markdown import dossier_markdown, md
from desktop.store.queries import find_organization

FOOTNOTE_USE = re.compile(r"\[\^(\d+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^(\d+)\]: (.+)$", re.M)


def export(store, name, as_of=None):
    org = find_organization(store, name)
    return org, dossier_markdown(store, org.id, as_of)


def test_every_cited_fact_has_a_defined_footnote(mem_seeded):
    for name in ("SenseTime", "Alibaba Cloud", "DeepSeek"):
        org, text = export(mem_seeded, name)
        used = set(FOOTNOTE_USE.findall(text))
        defined = dict(FOOTNOTE_DEF.findall(text))
        assert used and used == set(defined), name
        d = load_dossier(mem_seeded, org.id, max_events=None)
        lines = text.splitlines()
        cited = [c for c in d.claims if c.citations]
        for c in cited:  # each claim's line has its footnotes
            line = next(x for x in lines if md(c.text) in x)
            assert FOOTNOTE_USE.search(line), c.key
        for m in d.metrics:
            line = next(x for x in lines if x.startswith(f"| {md(m.name)}"))
            assert FOOTNOTE_USE.search(line), m.key
        for p in d.products:
            line = next(x for x in lines if x.startswith(f"| **{md(p.name)}**"))
            assert FOOTNOTE_USE.search(line), p.key
        for r in d.relationships:
            line = next(x for x in lines if x.startswith(f"- {md(r.phrase)}"))  # 'competes with X'

            assert FOOTNOTE_USE.search(line), r.key


def test_footnotes_hold_source_and_quote(mem_seeded):
    _, text = export(mem_seeded, "SenseTime")
    defs = dict(FOOTNOTE_DEF.findall(text))
    quoted = [v for v in defs.values() if "“" in v]
    assert quoted, "no quotes in the footnotes"
    assert not any("seed file" in v for v in defs.values())  # sources by title, not file name
    assert any("<http" in v for v in defs.values())
    assert any("Jul 2024" in v for v in defs.values())  # the source's date


def test_chinese_names_and_disputed_marked(mem_seeded):
    _, text = export(mem_seeded, "SenseTime")
    assert text.startswith("# SenseTime 商汤科技")
    assert "徐立" in text  # Xu Li
    _, text = export(mem_seeded, "DeepSeek")
    assert "深度求索" in text
    disputed = [x for x in text.splitlines() if "⚠ disputed" in x]
    assert disputed and "May" in disputed[0]
    assert "**Contradicts this:**" in text  # a source against a fact is said so
    _, text = export(mem_seeded, "Baidu")
    assert "百度" in text and "⚠" in text  # "Baidu USA CEO Robin Li"


def test_as_of_export_leaves_later_items_out(mem_seeded):
    cut = datetime(2024, 6, 1, tzinfo=UTC).timestamp()
    _, full = export(mem_seeded, "SenseTime")
    _, then = export(mem_seeded, "SenseTime", cut)
    assert "SenseNova 5.5" in full and "**SenseNova 5.5**" not in then
    assert "As known on 1 Jun 2024" in then


def test_data_is_escaped(mem_seeded):
    org = find_organization(mem_seeded, "DeepSeek")
    with mem_seeded.write() as db:
        db.execute(
            "UPDATE organizations SET summary = '[link](http://x) *bold* <b>' WHERE id = ?",
            (org.id,),
        )
    text = dossier_markdown(mem_seeded, org.id)
    assert r"\[link\](http://x) \*bold\* \<b\>" in text


def test_write_markdown_is_all_or_nothing(mem_seeded, tmp_path):
    import pytest

    from desktop.store.errors import StoreError
    from desktop.store.io.markdown import write_markdown

    out = tmp_path / "dossier.md"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(StoreError):
        write_markdown(mem_seeded, 999_999, out)
    assert out.read_text(encoding="utf-8") == "old"
    org = find_organization(mem_seeded, "SenseTime")
    write_markdown(mem_seeded, org.id, out)
    assert out.read_text(encoding="utf-8").startswith("# SenseTime 商汤科技")
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.md"]
