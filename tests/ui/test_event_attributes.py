"""An imported Timesketch row's attributes in the event-details pane: listed under
"Attributes", one per line, escaped, and not shown as the raw ``extra:`` JSON line."""

from desktop.store.io import apply_import, plan_import


def test_details_pane_lists_the_attributes(qapp, tmp_path, empty_store):
    from desktop.ui.event_details.widget import EventDetailsView

    path = tmp_path / "s.csv"
    path.write_text(
        "message,datetime,timestamp_desc,hostname,note\n"
        "Login,2024-05-01T10:54:56.123456+00:00,Event Recorded,web1,<b>x</b> & y\n"
    )
    apply_import(empty_store, plan_import(path))
    (event_id,) = empty_store.conn.execute("SELECT id FROM events").fetchone()
    view = EventDetailsView(empty_store)
    view.show_event(event_id)
    text, html = view.toPlainText(), view.toHtml()
    assert "Attributes" in text and "hostname: web1" in text
    assert "datetime: 2024-05-01T10:54:56.123456+00:00" in text
    assert "note: <b>x</b> & y" in text and "<b>x</b>" not in html
    assert "extra:" not in text
    view.deleteLater()
