"""One dossier document, several writers: the pane's HTML and the Markdown export show the same
sections with the same citations, for every organization of the seed dossier."""

import re
from html.parser import HTMLParser

import pytest

from desktop.domain.dossier_build import build_document
from desktop.store.dossier import load_dossier
from desktop.store.io.markdown import render_document_md
from desktop.ui.document.render import render_document

MD_USE = re.compile(r"\[\^(\d+)\](?!:)")
MD_DEF = re.compile(r"^\[\^(\d+)\]: (.+)$", re.M)
HTML_MARK = re.compile(r"\[(\d+)✗?(?:[ \xa0]·[ \xa0][A-F?][1-6?])?\]")  # [3], [3✗], [3 · B2]


class Outline(HTMLParser):
    """Headings (h2) and, per heading, the citation numbers marked under it."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, list[int]]] = [("", [])]
        self.anchors: set[int] = set()
        self._tag: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._tag.append(tag)
        if tag == "h2":
            self.sections.append(("", []))
        if tag in ("br", "img", "hr"):  # void elements: no end tag
            self._tag.pop()
        name = dict(attrs).get("name") or ""
        if tag == "a" and name.startswith("fn"):
            self.anchors.add(int(name[2:]))

    def handle_endtag(self, tag):
        if self._tag:
            self._tag.pop()

    def handle_data(self, data):
        if "h2" in self._tag:
            heading, marks = self.sections[-1]
            self.sections[-1] = (heading + data, marks)
        elif self._tag and self._tag[-1] == "a" and "sup" in self._tag:
            self.sections[-1][1].extend(int(n) for n in HTML_MARK.findall(data))


def md_outline(text: str) -> list[tuple[str, list[int]]]:
    body = MD_DEF.sub("", text)
    out: list[tuple[str, list[int]]] = [("", [])]
    for line in body.splitlines():
        if line.startswith("## "):
            out.append((line[3:], []))
        else:
            out[-1][1].extend(int(n) for n in MD_USE.findall(line))
    return out


def every_org(store):
    return [r[0] for r in store.conn.execute("SELECT id FROM organizations ORDER BY id")]


def test_every_seed_dossier_has_the_same_sections_and_citations_both_ways(mem_seeded):
    ids = every_org(mem_seeded)
    assert len(ids) >= 27
    for org_id in ids:
        d = load_dossier(mem_seeded, org_id, max_events=None)
        doc = build_document(d)
        html = Outline()
        html.feed(render_document(doc))
        md = render_document_md(doc)
        markdown = md_outline(md)
        assert [h for h, _ in html.sections] == [h for h, _ in markdown], d.org.key
        assert [h for h, _ in markdown][1:] == [s.heading for s in doc.sections] + ["Sources"]
        for (heading, a), (_, b) in zip(html.sections, markdown, strict=True):
            assert a == b, (d.org.key, heading)
        # every footnote used is defined, in both, and they are the document's footnotes
        used = {n for _, marks in markdown for n in marks}
        numbers = {f.n for f in doc.footnotes}
        assert used == numbers == {int(n) for n in MD_DEF.findall(md) for n in [n[0]]}
        assert html.anchors == numbers
        assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_a_section_is_a_builder(mem_seeded, monkeypatch):
    """Adding a builder adds a section to every writer, and nothing else is needed."""
    from desktop.domain import dossier_sections
    from desktop.domain.dossier_doc import Item, Run, Section

    def extra(d, ctx):
        return Section("extra", "Extra", "list", (Item(((Run(f"{len(d.events)} events"),),)),))

    monkeypatch.setattr(dossier_sections, "SECTIONS", (*dossier_sections.SECTIONS, extra))
    d = load_dossier(mem_seeded, every_org(mem_seeded)[0])
    doc = build_document(d)
    assert "<h2><span class='h2'>Extra</span></h2>" in render_document(doc)
    assert "## Extra" in render_document_md(doc)


@pytest.mark.parametrize("printed", [False, True])
def test_exact_values_are_tooltips_in_the_pane_and_printed_in_exports(mem_seeded, printed):
    from desktop.store.queries import find_organization

    china = find_organization(mem_seeded, "China")
    doc = build_document(load_dossier(mem_seeded, china.id))
    html = render_document(doc, printed=printed)
    assert "more than CNY 500 billion" in html
    if printed:
        assert "(500,000,000,000 CNY)" in html and "title='500,000,000,000 CNY'" not in html
    else:
        assert "title='500,000,000,000 CNY'" in html
    assert "(500,000,000,000 CNY)" in render_document_md(doc)


def test_the_pane_shows_exact_values_as_tooltips_and_latin_punctuation_in_a_latin_font(window):
    from PySide6.QtGui import QFontDatabase, QTextCursor

    from desktop.store.queries import find_organization
    from desktop.ui.dossier.widget import DossierView

    view = DossierView(window.store, find_organization(window.store, "China").id)
    doc = view.document()
    tips = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            tips.add(it.fragment().charFormat().toolTip())
            it += 1
        block = block.next()
    assert "500,000,000,000 CNY" in tips
    families = doc.defaultFont().families()
    installed = set(QFontDatabase.families())
    assert families and families[0] in installed
    assert "WenQuanYi" not in families[0] and "CJK" not in families[0]
    cursor = doc.find("’")  # a curly apostrophe is drawn by the Latin font, no full-width gap
    assert not cursor.isNull() and isinstance(cursor, QTextCursor)
    view.deleteLater()


def test_event_details_come_from_the_same_writer_with_safe_markdown_notes(window):
    from desktop.store.annotations import save_annotation
    from desktop.ui.event_details.widget import EventDetailsView

    store = window.store
    key = "un-ga-ai-capacity-building-resolution"
    save_annotation(
        store, target=f"event:{key}", body="**Check** <script>x()</script> [UN](https://un.org)"
    )
    event_id = store.conn.execute("SELECT id FROM events WHERE key = ?", (key,)).fetchone()[0]
    view = EventDetailsView(store)
    view.show_event(event_id)
    html, text = view.toHtml(), view.toPlainText()
    assert "A/RES/78/311" in text
    assert "Flanders-China Chamber of Commerce" in text  # the source by its publisher
    assert "<script>" not in html and "**Check**" not in text and "Check" in text
    assert "font-weight:700" in html.replace(" ", "") or "font-weight:600" in html.replace(" ", "")
    view.deleteLater()
