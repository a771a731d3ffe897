"""`dossier bench --json` prints the documented schema (small N; figures are not asserted)."""

import json
import subprocess
import sys


def test_bench_json_schema(tmp_path):
    env_cache = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    import os

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "bench",
            "timeline",
            "search",
            "import",
            "--events",
            "500",
            "--json",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **env_cache},
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-800:]
    doc = json.loads(proc.stdout)
    assert {"version", "python", "qt", "sqlite", "platform", "cpus", "results"} <= set(doc)
    names = {(r["bench"], r["name"]) for r in doc["results"]}
    for expected in [
        ("timeline", "open_to_first_paint"),
        ("timeline", "frame_p50"),
        ("timeline", "frame_p95"),
        ("timeline", "zoom_step_p95"),
        ("timeline", "pan_step_p95"),
        ("timeline", "zoom_sweep_p95"),
        ("timeline", "pan_sweep_p95"),
        ("timeline", "peak_rss"),
        ("search", "search_p95"),
        ("search", "count_p95"),
        ("search", "filter_redraw_p95"),
        ("import", "import_csv_rate"),
        ("import", "peak_rss"),
    ]:
        assert expected in names
    for r in doc["results"]:
        assert {"bench", "name", "value", "unit", "events", "target", "ok"} <= set(r)
        assert r["events"] == 500
        if r["target"] is None:
            assert r["ok"] is None
        else:
            rate = r["unit"].endswith("/s")  # a rate must reach its target, a cost stay under
            assert r["ok"] == (r["value"] >= r["target"] if rate else r["value"] <= r["target"])
    zooms = [r["zoom"] for r in doc["results"] if r["name"] == "frame_p95"]
    assert len(zooms) == 10 and zooms[0] == "all" and zooms[-1] == "1 hour"


def test_bench_rejects_unknown_benchmark(capsys):
    from desktop.cli import main

    assert main(["bench", "nonsense"]) == 1
    assert "unknown benchmark" in capsys.readouterr().err
