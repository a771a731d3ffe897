"""An acknowledged save survives the writer being killed at any moment (SIGKILL)."""

import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from desktop.store.database import open_store

WRITER = """
import sys
from desktop.store.annotations import save_annotation
from desktop.store.database import open_store

store = open_store(sys.argv[1])
targets = ["event:waic-2024", "org:sensetime", "claim:china-leads-genai-patents"]
print("ready", flush=True)
last = None
n = int(sys.argv[2])
while True:
    n += 1
    if last is not None and n % 3 == 0:
        note = save_annotation(store, uuid=last.uuid, target=last.target, body=f"save {n}")
    else:
        note = save_annotation(store, target=targets[n % 3], body=f"save {n}", tags=["t"])
    last = note
    print(note.uuid, n, flush=True)  # only after save_annotation returned (committed)
"""

RUNS = 4


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_acknowledged_saves_survive_sigkill(seeded_path):
    rng = random.Random(20240704)
    acknowledged: list[tuple[str, int]] = []
    started = time.monotonic()
    for run in range(RUNS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(seeded_path), str(run * 1_000_000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            out, _err = proc.communicate(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL
        for line in out.splitlines(keepends=True):
            if line.endswith("\n"):  # a line cut by the kill was never acknowledged
                uid, n = line.split()
                acknowledged.append((uid, int(n)))
        assert time.monotonic() - started < 30
    assert len(acknowledged) > RUNS  # the writer did get to write each time

    conn = sqlite3.connect(seeded_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in conn.execute("SELECT uuid FROM annotations")}
        versions = set(conn.execute("SELECT annotation_uuid, body FROM annotation_versions"))
    finally:
        conn.close()
    for uid, n in acknowledged:
        assert uid in stored
        assert (uid, f"save {n}") in versions
    store = open_store(seeded_path)  # and the file still opens normally
    store.close()
