"""`dossier search QUERY --json [--limit N]`: the true total, ranked results, and event hits
placed in time (ISO 8601 UTC instants and the date as written)."""

import json

import pytest

from desktop.cli import main


def run_json(capsys, *args):
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_shape_total_and_limit(seeded_path, capsys):
    out = run_json(capsys, "WAIC", "--db", str(seeded_path), "--limit", "3")
    assert set(out) == {"query", "total", "results"}
    assert out["query"] == "WAIC"
    assert len(out["results"]) == 3
    everything = run_json(capsys, "WAIC", "--db", str(seeded_path), "--limit", "1000")
    assert out["total"] == everything["total"] == len(everything["results"]) > 3
    for hit in everything["results"]:
        assert {"kind", "key", "id", "title", "snippet", "start", "end"} <= set(hit)
        assert hit["key"].startswith(hit["kind"] + ":")


def test_event_hits_carry_their_dates(seeded_path, capsys):
    out = run_json(capsys, "WAIC 2024", "--db", str(seeded_path), "--limit", "50")
    waic = next(h for h in out["results"] if h["key"] == "event:waic-2024")
    assert waic["start"] == "2024-07-04T00:00:00Z"  # 4–6 Jul 2024, half-open: ends on the 7th
    assert waic["end"] == "2024-07-07T00:00:00Z"
    assert waic["date"] == "4–6 Jul 2024"
    others = [h for h in out["results"] if h["kind"] != "event"]
    assert others and all(h["start"] is None and "date" not in h for h in others)


def test_a_month_is_written_as_a_month(seeded_path, capsys):
    import sqlite3

    conn = sqlite3.connect(seeded_path)
    conn.execute(
        "INSERT INTO events (key, title, start) VALUES ('zz-month', 'Zyzzyva summit', '2024-07')"
    )
    conn.commit()
    conn.close()
    out = run_json(capsys, "Zyzzyva", "--db", str(seeded_path))
    assert out["total"] == 1
    (hit,) = out["results"]
    assert (hit["start"], hit["end"], hit["date"]) == (
        "2024-07-01T00:00:00Z",
        "2024-08-01T00:00:00Z",
        "Jul 2024",
    )


def test_the_organization_comes_first(seeded_path, capsys):
    out = run_json(capsys, "DeepSeek", "--db", str(seeded_path))
    assert out["results"][0]["key"] == "org:deepseek"


def test_text_output_says_how_many_of_how_many(seeded_path, capsys):
    assert main(["search", "WAIC", "--db", str(seeded_path), "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 4  # two hits, two lines each
    total = run_json(capsys, "WAIC", "--db", str(seeded_path))["total"]
    assert captured.err.strip() == f"2 of {total} matches"


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_bad_limit_is_one_line(seeded_path, capsys, limit):
    assert main(["search", "WAIC", "--db", str(seeded_path), "--limit", limit]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--limit" in err and "Traceback" not in err
