"""Dossier panes in the window: as of, review badges, tab restore, history, highlight, export."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence

from desktop.store.queries import find_organization
from desktop.store.review import last_reviewed
from desktop.ui.dossier.controller import install
from desktop.ui.dossier.widget import DossierView


def ts(y, m, d):
    return datetime(y, m, d, tzinfo=UTC).timestamp()


def section(text, heading):
    """The text of one section of a dossier (up to the next heading)."""
    headings = ("People", "Products and models", "Claims", "Figures", "Relationships")
    headings += ("Events", "Notes", "Sources")
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i] in headings), len(lines))
    return "\n".join(lines[start:end])


def org(window, name):
    return find_organization(window.store, name)


@pytest.fixture
def ui(window):
    return install(window)


def test_install_is_idempotent(window, ui):
    assert install(window) is ui
    go = [a.text() for a in window.menus["go"].actions()]
    assert go.count("&Back") == 1 and go.count("&Forward") == 1
    file_actions = [a.objectName() for a in window.menus["file"].actions()]
    assert file_actions.count("exportDossierPdf") == 1


def test_as_of_hides_later_items(window, ui, qtbot):
    view = window.dossiers.open_org(org(window, "SenseTime").id)
    assert "SenseNova 5.5" in view.toPlainText()
    page = window.dossiers.currentWidget()
    page.bar.edit.setText("May 2024")
    page.bar.edit.editingFinished.emit()
    assert view.as_of == ts(2024, 6, 1) - 1  # the last second of May
    text = view.toPlainText()
    products = section(text, "Products and models")
    assert "SenseNova 5.5" not in products and "SenseNova 5.0" in products
    assert "SenseNova 5.5" not in section(text, "Events")
    assert "As known on 31 May 2024" in text
    # every open dossier shares the date, and a newly opened one gets it too
    other = window.dossiers.open_org(org(window, "DeepSeek").id)
    assert other.as_of == view.as_of
    page.bar.edit.setText("")
    page.bar.edit.editingFinished.emit()
    assert view.as_of is None
    assert "SenseNova 5.5" in section(view.toPlainText(), "Products and models")


def test_as_of_rejects_text_that_is_not_a_date(window, ui):
    view = window.dossiers.open_org(org(window, "SenseTime").id)
    page = window.dossiers.currentWidget()
    page.bar.edit.setText("the day after never")
    page.bar.edit.editingFinished.emit()
    assert view.as_of is None and page.bar.error.text() == "?"


def test_as_of_follows_the_timeline_cursor(window, ui, qtbot):
    view = window.dossiers.open_org(org(window, "SenseTime").id)
    page = window.dossiers.currentWidget()
    assert page.bar.follow.isEnabled()
    page.bar.follow.setChecked(True)
    canvas = window.timeline.canvas
    canvas.set_range(ts(2024, 5, 1), ts(2024, 6, 1), animate=False)
    centre = (ts(2024, 5, 1) + ts(2024, 6, 1)) / 2
    qtbot.waitUntil(lambda: view.as_of is not None and abs(view.as_of - centre) < 1, timeout=2000)
    assert "SenseNova 5.5" not in section(view.toPlainText(), "Products and models")
    assert page.bar.edit.isReadOnly() and "May 2024" in page.bar.edit.text()
    page.bar.follow.setChecked(False)
    canvas.set_range(ts(2024, 8, 1), ts(2024, 9, 1), animate=False)
    qtbot.wait(300)
    assert abs(view.as_of - centre) < 1  # no longer following


def test_mark_reviewed_and_changed_badges(window, ui, qtbot):
    sensetime = org(window, "SenseTime")
    view = window.dossiers.open_org(sensetime.id)
    assert "Not reviewed yet" in view.toPlainText()
    page = window.dossiers.currentWidget()
    qtbot.mouseClick(page.bar.review, Qt.MouseButton.LeftButton)
    assert last_reviewed(window.store, sensetime.id) is not None
    assert "nothing added or edited since" in view.toPlainText()
    reviewed = datetime.fromisoformat(last_reviewed(window.store, sensetime.id))
    later = (reviewed + timedelta(milliseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    with window.store.write() as db:
        db.execute(
            "UPDATE products SET parameters = '600B', updated_at = ? WHERE key = 'sensenova-5-5'",
            (later,),
        )
        db.execute(
            "INSERT INTO annotations (uuid, target, body, created_at, updated_at) VALUES"
            " ('n-1', 'org:sensetime', 'Check the figures', ?, ?)",
            (later, later),
        )
    view.reload()
    text = view.toPlainText()
    assert "1 product, 1 note" in text
    assert "changed" in text and "NEW" in text
    line = next(x for x in text.splitlines() if "Check the figures" in x)
    assert "NEW" in line
    qtbot.mouseClick(page.bar.review, Qt.MouseButton.LeftButton)
    assert "NEW" not in window.dossiers.current_view().toPlainText()


def test_open_tabs_are_restored_by_a_second_window(window, ui, qtbot):
    from desktop.ui.main_window import MainWindow

    names = ["DeepSeek", "SenseTime", "Alibaba Cloud"]
    window.dossiers.close_all()
    for name in names:
        window.open_org(org(window, name).id)
    window.dossiers.tabBar().moveTab(2, 0)  # reorderable; the order is kept
    expected = ["alibaba-cloud", "deepseek", "sensetime"]
    assert window.dossiers.open_org_keys() == expected
    second = MainWindow(window.store)
    qtbot.addWidget(second)
    install(second)
    assert second.dossiers.open_org_keys() == expected
    assert second.dossiers.isMovable() and second.dossiers.tabsClosable()
    # closing is remembered too
    second.dossiers.tabCloseRequested.emit(1)
    third = MainWindow(window.store)
    qtbot.addWidget(third)
    install(third)
    assert third.dossiers.open_org_keys() == ["alibaba-cloud", "sensetime"]


def test_the_dossier_in_front_comes_back_in_front(window, ui, qtbot):
    from desktop.ui.main_window import MainWindow

    window.dossiers.close_all()
    for name in ("DeepSeek", "SenseTime", "Alibaba Cloud"):
        window.open_org(org(window, name).id)
    window.dossiers.setCurrentIndex(1)
    second = MainWindow(window.store)
    qtbot.addWidget(second)
    assert second.dossiers.current_view().dossier.org.key == "sensetime"


def test_back_and_forward(window, ui, qtbot):
    history = window.dossier_history
    assert QKeySequence("Alt+Left") in history.back_action.shortcuts()
    assert QKeySequence("Alt+Right") in history.forward_action.shortcuts()
    ids = [org(window, n).id for n in ("SenseTime", "DeepSeek", "Alibaba Cloud")]
    for i in ids:
        window.open_org(i)
    current = window.dossiers.current_view
    history.back_action.trigger()
    assert current().org_id == ids[1]
    window.activateWindow()
    qtbot.keyClick(current(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current().org_id == ids[0]
    assert history.forward_action.isEnabled()
    history.forward_action.trigger()
    assert current().org_id == ids[1]
    # a closed dossier comes back when history reaches it
    index = window.dossiers.open_org_ids().index(ids[2])
    window.dossiers.tabCloseRequested.emit(index)
    window.open_org(ids[1])
    history.forward_action.trigger()
    assert current().org_id == ids[2]
    # opening something new drops the forward entries
    history.back_action.trigger()
    window.open_org(org(window, "Baidu").id)
    assert not history.forward_action.isEnabled()


def test_selecting_an_event_highlights_the_dossiers_it_touches(window, ui):
    tabs = window.dossiers
    tabs.close_all()
    sensetime, deepseek = org(window, "SenseTime"), org(window, "DeepSeek")
    window.open_org(sensetime.id)
    window.open_org(deepseek.id)
    view = tabs.views()[0]
    event = next(e for e in view.dossier.events if "SenseNova 5.5" in e.title)
    window.timeline.canvas.select_event(event.id)
    ids = tabs.open_org_ids()
    assert tabs.is_highlighted(ids.index(sensetime.id))
    assert not tabs.is_highlighted(ids.index(deepseek.id))
    window.timeline.canvas.select_event(None)
    assert not tabs.is_highlighted(ids.index(sensetime.id))


def test_pdf_and_markdown_export(window, ui, tmp_path):
    window.open_org(org(window, "DeepSeek").id)
    export = window.dossier_export
    assert export.pdf_action.isEnabled()
    pdf = export.export("pdf", tmp_path / "deepseek.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5000
    md = export.export("md", tmp_path / "deepseek.md")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# DeepSeek 深度求索") and "[^1]:" in text


def test_print_document_has_every_section(window, ui):
    from desktop.ui.dossier.export import dossier_document

    doc = dossier_document(window.store, org(window, "Alibaba Cloud").id)
    text = doc.toPlainText()
    for heading in ("People", "Products and models", "Claims", "Figures", "Relationships"):
        assert heading in text
    assert "阿里云" in text and "Sources" in text and "⚠ disputed" in text


def test_a_view_alone_still_works(window):
    """Without install (the bench opens bare views), a dossier view renders."""
    view = DossierView(window.store, org(window, "DeepSeek").id)
    assert "深度求索" in view.toPlainText()
    assert "⚠ disputed" in view.toPlainText()
    view.deleteLater()


def test_figures_over_time_get_a_chart(window, ui, qtbot):
    alibaba = org(window, "Alibaba Cloud")
    with window.store.write() as db:
        for i, (when, value) in enumerate((("2024-03", 7e6), ("2024-05", 1e7), ("2024-07", 2e7))):
            db.execute(
                "INSERT INTO metrics (key, subject_org_id, name, value, unit, as_of)"
                " VALUES (?, ?, 'Qwen downloads (test)', ?, 'downloads', ?)",
                (f"qwen-test-{i}", alibaba.id, value, when),
            )
    view = window.dossiers.open_org(alibaba.id)
    assert [s.name for s in view.series] == ["Qwen downloads (test) (Alibaba Cloud)"]
    assert [v for _, v in view.series[0].points] == [7e6, 1e7, 2e7]
    assert "chart:0" in view.toHtml()
    image = view.loadResource(2, QUrl("chart:0"))
    assert not image.isNull() and image.width() > 100
    # as of April only one point is known: no chart
    window.dossiers.set_as_of(ts(2024, 4, 30))
    assert view.series == []


def test_a_change_rereads_the_dossier_in_front_and_the_others_when_shown(window, ui):
    from desktop.store import edits

    tabs = window.dossiers
    sense = tabs.open_org(find_organization(window.store, "SenseTime").id)
    ali = tabs.open_org(find_organization(window.store, "Alibaba Cloud").id)
    assert tabs.current_view() is ali
    before = {sense: sense.renders, ali: ali.renders}
    # an edit (not a note): the dossier in front is read at once, the other when shown
    edits.update(window.store, "org", sense.org_id, {"summary": "sits behind Alibaba"})
    assert (sense.renders, ali.renders) == (before[sense], before[ali] + 1) and sense.stale
    tabs.setCurrentIndex(tabs.indexOf(tabs.pages()[tabs.views().index(sense)]))
    assert sense.renders == before[sense] + 1 and not sense.stale
    assert "sits behind Alibaba" in sense.toPlainText()
