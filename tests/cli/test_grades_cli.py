"""Grades in exports: the CSV column, Markdown footnotes "[3 · B2]", and --min-grade on event
exports and dossier exports (the grades set here, so the tests do not depend on the seeds')."""

import csv
import io
import re
import sqlite3

import pytest

from desktop.cli import main

FOOTNOTE_USE = re.compile(r"\[\^(\d+)\](?:·([A-F?][1-6?]))?(?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^(\d+)\]: (.+)$", re.M)


def grade(path, source, letter, digit, reason=None):
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE sources SET reliability = ? WHERE key = ?", (letter, source))
        conn.execute(
            "UPDATE citations SET credibility = ?, credibility_reason = ?"
            " WHERE source_id = (SELECT id FROM sources WHERE key = ?)",
            (digit, reason, source),
        )
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def graded(seeded_path):
    """Every seed source ungraded, then public-record A1 and the WAIC article C3."""
    conn = sqlite3.connect(seeded_path)
    conn.execute("UPDATE sources SET reliability = NULL, reliability_reason = NULL")
    conn.execute("UPDATE citations SET credibility = NULL, credibility_reason = NULL")
    conn.commit()
    conn.close()
    grade(seeded_path, "public-record", "A", 1, "the official record itself")
    grade(seeded_path, "waic-2024-article", "C", 3)
    return seeded_path


def rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def expected_grades(path):
    """event key -> best grade of its supporting citations, worked out here in Python."""
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT e.key, s.reliability, c.credibility FROM events e JOIN citations c"
            " ON c.target_kind = 'event' AND c.target_id = e.id AND c.stance = 'for'"
            " JOIN sources s ON s.id = c.source_id"
        ).fetchall()
    finally:
        conn.close()
    out = {}
    for key, letter, digit in found:
        if letter is None and digit is None:
            continue
        text = (letter or "?") + (str(digit) if digit else "?")
        rank = ("ABCDEF?".index(text[0]), "123456?".index(text[1]))
        if key not in out or rank < out[key][0]:
            out[key] = (rank, text)
    return {k: v[1] for k, v in out.items()}


def test_csv_has_the_best_grade_of_each_event(graded, tmp_path):
    out = tmp_path / "all.csv"
    assert main(["export", "csv", str(out), "--db", str(graded)]) == 0
    got = {r["key"]: r["grade"] for r in rows(out)}
    want = expected_grades(graded)
    assert "A1" in want.values() and "C3" in want.values()
    assert {k: g for k, g in got.items() if g} == want
    assert any(not g for g in got.values())  # events cited by the ungraded article


def test_csv_export_reads_back_without_the_grade(graded, tmp_path):
    from desktop.store.io import plan_import

    out = tmp_path / "all.csv"
    assert main(["export", "csv", str(out), "--db", str(graded)]) == 0
    plan = plan_import(out)
    assert plan.preview and not any(e.extra for e in plan.preview)
    assert not any("extra" in n for n in plan.notes)


def test_min_grade_on_event_exports(graded, tmp_path, capsys):
    out = tmp_path / "b2.csv"
    assert main(["export", "csv", str(out), "--db", str(graded), "--min-grade", "B2"]) == 0
    want = {k for k, g in expected_grades(graded).items() if g == "A1"}
    assert want and {r["key"] for r in rows(out)} == want
    assert main(["export", "csv", str(out), "--db", str(graded), "--min-grade", "c"]) == 0
    assert {r["key"] for r in rows(out)} == set(expected_grades(graded))


@pytest.mark.parametrize("bad", ["G2", "B9", "best"])
def test_a_bad_grade_is_one_line(graded, tmp_path, capsys, bad):
    out = tmp_path / "x.csv"
    assert main(["export", "csv", str(out), "--db", str(graded), "--min-grade", bad]) == 1
    err = capsys.readouterr().err
    assert "--min-grade" in err and "not a grade" in err and err.count("\n") == 1
    assert not out.exists()


def test_markdown_footnotes_carry_the_grade(graded, tmp_path):
    md = tmp_path / "s.md"
    assert main(["export", "markdown", str(md), "--db", str(graded), "--org", "SenseTime"]) == 0
    text = md.read_text(encoding="utf-8")
    uses = FOOTNOTE_USE.findall(text)
    defined = dict(FOOTNOTE_DEF.findall(text))
    assert {n for n, _ in uses} == set(defined)
    for n, g in uses:  # the grade beside the mark is the one its footnote gives
        if g:
            assert re.match(rf"\*\*\[{n}✗? · {g}\]\*\*", defined[n]), defined[n]
        else:
            assert not defined[n].startswith("**[")
    assert any(g == "A1" for _, g in uses) and any(g == "C3" for _, g in uses)
    assert any(not g for _, g in uses)  # the other article is not graded
    assert "the official record itself" in text  # the citation's reason
    assert "Graded A — completely reliable" in text  # the source's grade


def test_markdown_min_grade_keeps_the_facts_that_pass(graded, tmp_path):
    full, cut = tmp_path / "full.md", tmp_path / "cut.md"
    argv = ["export", "markdown", "--db", str(graded), "--org", "SenseTime"]
    assert main([*argv[:2], str(full), *argv[2:]]) == 0
    assert main([*argv[:2], str(cut), *argv[2:], "--min-grade", "B2"]) == 0
    full_text, cut_text = full.read_text(), cut.read_text()
    assert "Only facts with a source graded at least B2" in cut_text

    def facts(text):  # list items and table rows with marks, before the sources
        body = text.split("## Sources")[0]
        lines = [x for x in body.splitlines() if x.startswith(("- ", "| "))]
        return {x: [g for _, g in FOOTNOTE_USE.findall(x)] for x in lines if "[^" in x}

    kept, every = facts(cut_text), facts(full_text)
    assert kept and len(kept) < len(every)
    assert all("A1" in grades for grades in kept.values())
    only_c3 = [x for x, grades in every.items() if "A1" not in grades]
    assert only_c3 and not any(x in cut_text for x in only_c3)


def test_pdf_min_grade(graded, tmp_path):
    pdf = tmp_path / "s.pdf"
    argv = ["export", "pdf", str(pdf), "--db", str(graded), "--org", "SenseTime"]
    assert main([*argv, "--min-grade", "A1"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_grade_column_in_another_programs_csv_is_kept(tmp_path):
    from desktop.store.io import plan_import

    path = tmp_path / "theirs.csv"
    path.write_text("title,date,grade\nExam day,2024-06-01,A+\n", encoding="utf-8")
    plan = plan_import(path)
    assert [e.extra for e in plan.preview] == [{"grade": "A+"}]
