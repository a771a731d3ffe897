"""`dossier import` and `dossier export`: counts, skipped rows, refusals that change nothing,
filters, and 'not available yet' for the formats that are not ours.
"""

import hashlib
import json
import sqlite3

import pytest

from desktop.cli import main


def run(argv):
    """Exit code of ``dossier ARGV``."""
    return main(argv)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def events(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            'SELECT key, title, start, "end", kind FROM events ORDER BY key'
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def good_csv(tmp_path):
    path = tmp_path / "good.csv"
    path.write_text(
        "Headline,When,Type,Organization\n"
        "Imported launch,May 2024,release,SenseTime\n"
        "Imported summit,4-6 Jul 2024,conference,新公司\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", ["import", "export"])
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        run([command, "--help"])
    assert exc.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_import_prints_counts_and_is_idempotent(seeded_path, good_csv, capsys):
    argv = ["import", str(good_csv), "--db", str(seeded_path), "--map", "When=start"]
    assert run(argv) == 0
    out = capsys.readouterr()
    assert "created 2, updated 0, unchanged 0, skipped 0" in out.out
    assert "organizations created: 1 (新公司)" in out.out
    assert "\r" not in out.err  # no progress line when stderr is not a terminal
    added = [e for e in events(seeded_path) if e[1].startswith("Imported")]
    assert sorted(e[2:4] for e in added) == [("2024-05", None), ("2024-07-04", "2024-07-06")]
    assert run(argv) == 0
    assert "created 0, updated 0, unchanged 2" in capsys.readouterr().out


def test_dry_run_writes_nothing(seeded_path, good_csv, capsys):
    before = events(seeded_path)
    argv = ["import", str(good_csv), "--db", str(seeded_path), "--map", "When=start", "--dry-run"]
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert "would import good.csv (csv): created 2" in out and "nothing was written" in out
    assert events(seeded_path) == before


def test_bad_rows_refuse_and_list_the_first_twenty(seeded_path, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    rows = ["title,date", "Fine,2024-05-01"] + [f"Bad {i},someday {i}" for i in range(25)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = digest(seeded_path)
    assert run(["import", str(path), "--db", str(seeded_path)]) == 1
    out, err = capsys.readouterr()
    assert "row 3: cannot read 'someday 0'" in out
    assert "... and 5 more" in out
    assert out.count("someday") == 20
    assert err.count("\n") == 1 and err.startswith("dossier: bad.csv: 25 of 26 rows")
    assert "--partial" in err and "Traceback" not in err
    assert digest(seeded_path) == before

    assert run(["import", str(path), "--db", str(seeded_path), "--partial"]) == 0
    out = capsys.readouterr().out
    assert "created 1, updated 0, unchanged 0, skipped 25" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "When"], "COLUMN=FIELD"),
        (["--map", "When=bogus"], "unknown field"),
        (["--format", "timelinejs"], "not valid JSON"),
    ],
)
def test_import_refusals_are_one_line(seeded_path, good_csv, capsys, argv, message):
    before = digest(seeded_path)
    assert run(["import", str(good_csv), "--db", str(seeded_path), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert digest(seeded_path) == before


def test_import_missing_file_and_database(tmp_path, good_csv, capsys):
    assert run(["import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "x.db")]) == 1
    assert "not a file" in capsys.readouterr().err
    assert (
        run(["import", str(good_csv), "--map", "When=start", "--db", str(tmp_path / "x.db")]) == 1
    )
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_export_formats_round_trip(seeded_path, tmp_path, capsys):
    before = events(seeded_path)
    for fmt, name in (("csv", "out.csv"), ("timelinejs", "out.json"), ("ics", "out.ics")):
        assert run(["export", fmt, str(tmp_path / name), "--db", str(seeded_path)]) == 0
        assert f"exported {len(before)} events" in capsys.readouterr().out
    assert events(seeded_path) == before
    assert (tmp_path / "out.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(doc["events"]) + len(doc["eras"]) == len(before)
    # the CSV goes back into an empty copy unchanged
    conn = sqlite3.connect(seeded_path)
    conn.execute("DELETE FROM events")
    conn.commit()
    conn.close()
    assert run(["import", str(tmp_path / "out.csv"), "--db", str(seeded_path)]) == 0
    assert events(seeded_path) == before


def test_export_filters(seeded_path, tmp_path, capsys):
    out = tmp_path / "july.csv"
    argv = ["export", "csv", str(out), "--db", str(seeded_path), "--range", "2024-07", "2024-07"]
    assert run([*argv, "--kind", "conference"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "waic-2024" in text and "release" not in text


def test_export_to_stdout(seeded_path, capsys):
    assert run(["export", "csv", "-", "--db", str(seeded_path), "--kind", "policy"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("\ufeffkey,title,start") and "exported" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["png", "x.png", "--org", "Nobody Inc"], "no organization matches 'Nobody Inc'"),
        (["markdown", "x.md", "--org", "Nobody Inc"], "no organization named 'Nobody Inc'"),
        (["pdf", "x.pdf"], "export pdf takes exactly one --org NAME"),
        (["markdown", "x.md", "--org", "SenseTime", "--as-of", "someday"], "--as-of"),
        (["csv", "x.csv", "--as-of", "2024"], "--as-of applies to markdown and pdf"),
        (["xml", "x.xml"], "unknown export format"),
        (["csv", "x.csv", "--org", "Nobody Inc"], "no organization matches 'Nobody Inc'"),
        (["csv", "x.csv", "--range", "2024-08", "2024-01"], "ends before it starts"),
    ],
)
def test_export_refusals(seeded_path, tmp_path, capsys, argv, message):
    argv[1] = str(tmp_path / argv[1])
    assert run(["export", *argv, "--db", str(seeded_path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))


def test_export_timeline_images(seeded_path, tmp_path, capsys):
    from xml.etree import ElementTree

    from PySide6.QtGui import QImage

    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    before = digest(seeded_path)
    assert run(["export", "png", str(png), "--db", str(seeded_path), "--org", "SenseTime"]) == 0
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 1600
    assert run(["export", "svg", str(svg), "--db", str(seeded_path), "--kind", "conference"]) == 0
    texts = " ".join(t.text or "" for t in ElementTree.parse(svg).iter() if t.tag.endswith("text"))
    assert "WAIC" in texts
    assert "exported" in capsys.readouterr().out
    assert run(["export", "png", "-", "--db", str(seeded_path)]) == 1
    assert digest(seeded_path) == before


def test_export_dossier_markdown_and_pdf(seeded_path, tmp_path):
    md, pdf = tmp_path / "sensetime.md", tmp_path / "sensetime.pdf"
    before = digest(seeded_path)
    assert run(["export", "markdown", str(md), "--db", str(seeded_path), "--org", "SenseTime"]) == 0
    text = md.read_text(encoding="utf-8")
    assert "商汤" in text and "SenseNova 5.5" in text and "[^1]:" in text
    argv = ["export", "pdf", str(pdf), "--db", str(seeded_path), "--org", "商汤科技"]
    assert run([*argv, "--as-of", "2024-05"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert digest(seeded_path) == before
