"""The command line: exit codes, messages, refusals that leave files unchanged."""

import hashlib
import json
import sqlite3

import pytest

from desktop.cli import main
from desktop.store import migrations


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("dossier ")


@pytest.mark.parametrize("command", ["init", "screenshot", "search", "check", "bench", "open"])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["search"])
    assert exc.value.code == 2


def test_init_then_refuse_overwrite(tmp_path, capsys):
    path = tmp_path / "w.db"
    assert main(["init", str(path)]) == 0
    assert "events" in capsys.readouterr().out
    before = digest(path)
    assert main(["init", str(path)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err
    assert digest(path) == before
    assert main(["init", str(path), "--force"]) == 0


def test_search_json_keys(seeded_path, capsys):
    assert main(["search", "千问", "--db", str(seeded_path), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert any(h["key"] == "product:qwen" for h in hits)
    assert all({"kind", "key", "title", "snippet"} <= set(h) for h in hits)


def test_search_does_not_modify_the_file(seeded_path):
    before = digest(seeded_path)
    main(["search", "SenseTime", "--db", str(seeded_path)])
    assert digest(seeded_path) == before


def test_check_ok_and_problem(seeded_path, capsys):
    assert main(["check", str(seeded_path)]) == 0
    assert "ok" in capsys.readouterr().out
    conn = sqlite3.connect(seeded_path)
    conn.execute("DROP TRIGGER events_search_ai")
    conn.execute("DROP TRIGGER events_search_au")
    conn.execute("INSERT INTO events (key, title, start) VALUES ('zz', 'ZZ', '2024')")
    conn.commit()
    conn.close()
    assert main(["check", str(seeded_path)]) == 1
    assert "search index" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["check", "search"])
def test_refusals_exit_1_with_one_line(tmp_path, capsys, command):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 10)
    args = [command, str(bad)] if command == "check" else [command, "x", "--db", str(bad)]
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not an SQLite database" in err
    assert bad.read_bytes() == b"not a database" * 10


def test_newer_schema_refused(seeded_path, capsys):
    conn = sqlite3.connect(seeded_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(seeded_path)
    assert main(["search", "x", "--db", str(seeded_path)]) == 1
    assert "newer Dossier" in capsys.readouterr().err
    assert digest(seeded_path) == before


def test_debug_shows_traceback(tmp_path):
    with pytest.raises(Exception, match="does not exist"):
        main(["--debug", "check", str(tmp_path / "missing.db")])


def test_screenshot(seeded_path, tmp_path, capsys):
    out = tmp_path / "shot.png"
    args = ["screenshot", str(out), "--db", str(seeded_path), "--org", "DeepSeek"]
    assert main([*args, "--range", "2023-09", "2024-08", "--size", "1200x800"]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    conn = sqlite3.connect(seeded_path)  # a screenshot records no layout or open tabs
    try:
        assert conn.execute("SELECT count(*) FROM app_state WHERE key LIKE 'ui:%'").fetchone() == (
            0,
        )
    finally:
        conn.close()


def test_screenshot_unknown_org(seeded_path, tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert main(["screenshot", str(out), "--db", str(seeded_path), "--org", "Nobody Inc"]) == 1
    assert "no organization" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--range", "2024", "Mayy"], "Mayy"), (["--size", "big"], "--size")],
)
def test_screenshot_bad_arguments(seeded_path, tmp_path, capsys, args, message):
    assert main(["screenshot", str(tmp_path / "s.png"), "--db", str(seeded_path), *args]) == 1
    assert message in capsys.readouterr().err
