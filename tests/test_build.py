"""The PyInstaller bundle (build.spec) builds, and the built ``dossier`` runs.

PyInstaller comes with the test extra (``pip install -e '.[test]'``); about 45 s.
See docs/packaging.md.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller not installed (pip install -e '.[build]')")

from PySide6.QtGui import QImage

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build the one-folder bundle once; return the path of its ``dossier`` executable."""
    base = tmp_path_factory.mktemp("pyinstaller")
    dist, work = base / "dist", base / "build"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")]
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    exe = dist / "dossier" / ("dossier.exe" if sys.platform == "win32" else "dossier")
    assert exe.is_file()
    return exe


def run(exe: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )


def test_bundle_has_seeds_and_resources(bundle):
    internal = bundle.parent / "_internal"
    assert (internal / "seeds" / "organizations.toml").is_file()
    assert (internal / "resources" / "icons" / "dossier.svg").is_file()
    assert (internal / "resources" / "i18n" / "dossier_zh_CN.qm").is_file()  # the Chinese UI


def test_bundle_init_screenshot_search(bundle, tmp_path):
    db, png = tmp_path / "w.db", tmp_path / "shot.png"

    version = run(bundle, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("dossier ")

    init = run(bundle, "init", str(db))
    assert init.returncode == 0, init.stderr
    assert db.is_file()

    shot = run(bundle, "screenshot", str(png), "--db", str(db))
    assert shot.returncode == 0, shot.stderr
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 1000)

    zh = tmp_path / "zh.png"  # the bundle carries the translation and Qt's own
    shot = run(bundle, "--lang", "zh_CN", "screenshot", str(zh), "--db", str(db))
    assert shot.returncode == 0, shot.stderr
    assert QImage(str(zh)) != image

    found = run(bundle, "search", "商汤", "--db", str(db))
    assert found.returncode == 0, found.stderr
    assert "org:sensetime" in found.stdout


def test_bundle_exports_and_refuses_a_damaged_file(bundle, tmp_path):
    db, pdf, bad = tmp_path / "w.db", tmp_path / "s.pdf", tmp_path / "bad.db"
    assert run(bundle, "init", str(db)).returncode == 0
    export = run(bundle, "export", "pdf", str(pdf), "--db", str(db), "--org", "SenseTime")
    assert export.returncode == 0, export.stderr
    assert pdf.read_bytes().startswith(b"%PDF")

    bad.write_bytes(b"not a database")
    check = run(bundle, "check", str(bad))
    assert check.returncode == 1 and "not an SQLite database" in check.stderr
    assert bad.read_bytes() == b"not a database"
