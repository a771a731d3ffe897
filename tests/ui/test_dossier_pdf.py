"""The dossier PDF reads like a printed report: body text of 10–11 pt, every word inside the
page margins, several pages with a footer naming the dossier and numbering the pages."""

import re
import shutil
import statistics
import subprocess

import pytest

from desktop.store.queries import find_organization
from desktop.ui.dossier.export import MARGINS_MM, write_pdf

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
MM = 72 / 25.4
SLACK = 2.0  # points: a glyph's box may reach a little past the line it is set on

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pages_of(pdf):
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h), [(*map(float, m[:4]), m[4]) for m in WORD.findall(body)])
        for w, h, body in PAGE.findall(out)
    ]


def test_alibaba_cloud_pdf_is_readable(seeded_store, tmp_path):
    org = find_organization(seeded_store, "Alibaba Cloud")
    pdf = write_pdf(seeded_store, org.id, tmp_path / "alibaba.pdf")
    pages = pages_of(pdf)
    assert len(pages) >= 2  # the long dossier runs on
    words = [w for _, _, ws in pages for w in ws]
    heights = [y1 - y0 for _, y0, _, y1, _ in words]
    assert 9 <= statistics.median(heights) <= 12
    left, top = MARGINS_MM.left() * MM, MARGINS_MM.top() * MM
    right, bottom = MARGINS_MM.right() * MM, MARGINS_MM.bottom() * MM
    for n, (width, height, ws) in enumerate(pages, 1):
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4
        for x0, y0, x1, y1, text in ws:
            assert x0 >= left - SLACK and x1 <= width - right + SLACK, (n, text, x0, x1)
            assert y0 >= top - SLACK and y1 <= height - bottom + SLACK, (n, text, y0, y1)
        # the footer: the dossier's name and the page number, at the foot of every page
        foot = " ".join(t for _, y0, _, _, t in ws if y0 > height - bottom - 30)
        assert "Alibaba Cloud" in foot and f"Page {n} of {len(pages)}" in foot
    text = " ".join(t for *_, t in words)
    assert "Sources" in text and "flanders-china.be" in text  # footnoted sources at the end
    assert "seed file" not in text
