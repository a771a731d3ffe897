"""Dossier ▸ Export ▸ Markdown from a Chinese window writes the dossier's own words in Chinese
(section titles, the tables' columns, dates, "Sources", the grades' words) and every fact, name,
source and footnote the English export has; in English it is the store's Markdown unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.store.io.markdown import dossier_markdown
from desktop.ui import i18n
from desktop.ui.dossier.export import dossier_markdown_shown, install

CJK = re.compile(r"[\u4e00-\u9fff]")


def _org(store, key: str) -> int:
    return store.conn.execute("SELECT id FROM organizations WHERE key = ?", (key,)).fetchone()[0]


def _both(store, org_id: int) -> tuple[str, str]:
    """The dossier's Markdown exported from an English window and from a Chinese one."""
    english = dossier_markdown(store, org_id)
    i18n.install("zh_CN")
    try:
        return english, dossier_markdown_shown(store, org_id)
    finally:
        i18n.install("en")


def test_english_markdown_is_the_stores_own(qapp, seeded_store) -> None:
    assert i18n.active_language() == "en"
    for key in ("sensetime", "alibaba-cloud"):
        org_id = _org(seeded_store, key)
        assert dossier_markdown_shown(seeded_store, org_id) == dossier_markdown(
            seeded_store, org_id
        )


@pytest.mark.parametrize("key", ["sensetime", "alibaba-cloud", "deepseek"])
def test_chinese_markdown_keeps_everything_and_says_its_own_words_in_chinese(
    qapp, seeded_store, key: str
) -> None:
    org_id = _org(seeded_store, key)
    english, chinese = _both(seeded_store, org_id)
    assert chinese != english
    headings = [line for line in chinese.splitlines() if line.startswith("## ")]
    assert len(headings) == english.count("\n## ") and headings
    assert all(CJK.search(h) for h in headings), headings
    tables = [line for line in chinese.splitlines() if line.startswith("| ") and "---" not in line]
    header_rows = [t for t in tables if t.endswith("| 来源 |")]
    assert len(header_rows) == len(re.findall(r"\| Sources \|$", english, re.M))
    assert all(not re.search(r"[A-Za-z]{2,}", row) for row in header_rows), header_rows
    for writer_words in ("## Sources", "Contradicts this:", "contested by a source", "Graded "):
        assert writer_words not in chinese
    # nothing lost: every footnote, link, citation mark and name is still there
    assert re.findall(r"^\[\^\d+\]:", chinese, re.M) == re.findall(r"^\[\^\d+\]:", english, re.M)
    assert re.findall(r"<https?://[^>]+>", chinese) == re.findall(r"<https?://[^>]+>", english)
    assert re.findall(r"\[\^\d+\]·\w+", chinese) == re.findall(r"\[\^\d+\]·\w+", english)
    assert chinese.splitlines()[0] == english.splitlines()[0]  # the name and its marks


def test_the_window_exports_markdown_in_chinese(chinese, window, tmp_path: Path) -> None:
    export = install(window)
    window.open_org(_org(window.store, "sensetime"))
    out = export.export("md", tmp_path / "商汤.md")
    assert out is not None
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# SenseTime 商汤科技")
    assert "\n## 人物\n" in text and "\n## 来源\n" in text and "2024年7月5日" in text


def test_chinese_markdown_lists_every_event_as_the_english_one_does(qapp, seeded_store) -> None:
    """The pane lists the newest 300 events; an export lists them all, in either language."""
    from desktop.store.dossier import MAX_EVENTS

    org_id = _org(seeded_store, "sensetime")
    with seeded_store.write():
        for i in range(MAX_EVENTS + 5):
            cur = seeded_store.conn.execute(
                "INSERT INTO events (key, title, start, start_lo, start_hi, kind)"
                " VALUES (?, ?, '2020-01-02', 1577923200, 1578009600, 'release')",
                (f"many-{i}", f"Many event {i}"),
            )
            seeded_store.conn.execute(
                "INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)", (cur.lastrowid, org_id)
            )
    english, chinese = _both(seeded_store, org_id)
    assert english.count("Many event ") == MAX_EVENTS + 5
    assert chinese.count("Many event ") == MAX_EVENTS + 5
