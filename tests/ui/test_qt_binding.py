"""The Qt binding must survive many void painter calls (PySide6 6.12.0 on Python 3.11 does not:
each call drops a reference to None until the interpreter aborts)."""

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
app = QApplication([])
image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
p = QPainter(image)
for _ in range(200_000):
    p.save()
    p.fillRect(QRectF(0, 0, 4, 4), QColor("red"))
    p.restore()
p.end()
print("survived")
"""


def test_many_void_painter_calls_do_not_crash():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-500:]
