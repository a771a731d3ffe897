"""Project rules: layers, lint, and a README that documents every command."""

import re
import subprocess
import sys
from pathlib import Path

from desktop.cli import EXAMPLES, build_parser

ROOT = Path(__file__).parent.parent


def test_layers_import_contract():
    """domain and store import no Qt; imports flow cli > bench > ui > store > domain."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint_and_format():
    ruff = [sys.executable, "-m", "ruff"]
    for args in (["check", "desktop", "tests"], ["format", "--check", "desktop", "tests"]):
        result = subprocess.run([*ruff, *args], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    subs = next(a for a in parser._actions if a.dest == "command")
    for name in subs.choices:
        assert re.search(rf"dossier {name}\b", readme), f"README lacks 'dossier {name}'"
        assert name in EXAMPLES


def test_readme_benchmark_table_matches_measured_json():
    import json

    from desktop.bench.table import END, START, markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    doc = json.loads((ROOT / "docs" / "bench.json").read_text(encoding="utf-8"))
    section = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert section == markdown(doc).strip()
