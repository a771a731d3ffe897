"""mypy in the test suite: the packages listed in pyproject's ``[tool.mypy] files`` (the domain
and the store) type-check strictly, so their annotations and any `# type: ignore` are checked
and not just comments."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_checked_packages_are_the_domain_and_the_store():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert {"desktop/domain", "desktop/store"} <= set(config["files"])


def test_mypy_is_clean(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout
