"""The filter bar's "Graded ≥ …" cuts the open dossiers as ``dossier export --min-grade`` cuts
the document (one function: desktop.domain.dossier_grade), says what it left out, and only a
change of grade re-renders them."""

from __future__ import annotations

from desktop.domain.dossier_grade import fact_count, graded_at_least, left_out, supported
from desktop.domain.grades import Grade
from desktop.store.io.markdown import dossier_markdown
from desktop.store.queries import list_organizations

B2 = Grade("B", 2)
LEAD = "Only facts with a source graded at least B2"
# a seed claim whose one citation is graded F2 (source cannot be judged): B2 leaves it out
LOW = "Qwen 72B is the best open model available."


def _org(window, name):
    return next(o for o in list_organizations(window.store) if o.name == name)


def _choose(bar, grade):
    bar.grade.setCurrentIndex(bar.grade.findData(grade))


def test_the_filter_grade_cuts_every_open_dossier_and_clearing_restores_it(window):
    dossiers, bar = window.dossiers, window.filters_ui.bar
    behind = dossiers.current_view()  # the busiest organization's, opened with the window
    window.open_org(_org(window, "Alibaba Cloud").id)
    front = dossiers.current_view()
    assert front is not behind
    low = next(c for c in front.dossier.claims if c.text == LOW)
    assert not supported(low.citations, B2)  # the seed grades it low: the test means something
    kept = [c.text for c in front.dossier.claims if supported(c.citations, B2)]
    cut = [c.text for c in front.dossier.claims if c.text not in kept]
    assert kept and LOW in cut
    full = front.toPlainText()
    assert LOW in full and LEAD not in full and all(t in full for t in kept)
    before = (front.renders, behind.renders)

    _choose(bar, "B2")
    text = front.toPlainText()
    assert LOW not in text and not any(t in text for t in cut)
    assert all(t in text for t in kept)
    assert f"{LEAD}: facts graded lower, or not graded, are left out." in text
    # the same cut as the export: the claims the Markdown keeps are the ones the pane shows
    md = dossier_markdown(window.store, front.org_id, min_grade=B2)
    assert LEAD in md and LOW not in md and all(t in md for t in kept)
    assert front.renders == before[0] + 1
    # the strip above it counts what the grade hides
    hidden, total = left_out(front.dossier, B2)
    assert hidden >= len(cut) and total == fact_count(front.dossier)
    strip = front.parent().graded
    assert strip.text() == f"Graded ≥ B2: {hidden} of {total} facts hidden"
    assert strip.isVisible()
    # the dossier behind renders when it comes to the front, cut the same way
    assert behind.renders == before[1] and behind.stale
    shown = graded_at_least(behind.dossier, B2).events
    dropped = [e.title for e in behind.dossier.events if e not in shown]
    assert dropped and dropped[0] in behind.toPlainText()  # still the old rendering
    dossiers.setCurrentIndex(dossiers.indexOf(behind.parent()))
    assert behind.renders == before[1] + 1
    assert LEAD in behind.toPlainText() and dropped[0] not in behind.toPlainText()
    # a dossier opened while the filter is on is cut too
    other = _org(window, "People's Republic of China")
    window.open_org(other.id)
    assert LEAD in dossiers.current_view().toPlainText()

    bar.clear()
    assert window.filters_ui.filter.min_grade.is_empty
    assert LEAD not in dossiers.current_view().toPlainText()
    dossiers.setCurrentIndex(dossiers.indexOf(front.parent()))
    assert front.toPlainText() == full  # the whole dossier again
    assert not strip.isVisible() and strip.text() == ""


def test_only_a_change_of_grade_re_renders_the_dossiers(window):
    dossiers, bar = window.dossiers, window.filters_ui.bar
    for name in ("Alibaba Cloud", "OpenAI"):
        window.open_org(_org(window, name).id)
    views = dossiers.views()
    counts = [v.renders for v in views]
    bar.date_from.setText("2024")  # only the date range: the timeline changes, not the dossiers
    bar.date_from.editingFinished.emit()
    assert window.filters_ui.filter.range is not None
    assert [v.renders for v in views] == counts and not any(v.stale for v in views)
    _choose(bar, "B2")
    front = dossiers.current_view()
    assert [v.renders for v in views] == [
        n + (v is front) for v, n in zip(views, counts, strict=True)
    ]
    assert all(v.stale for v in views if v is not front)
    counts = [v.renders for v in views]
    bar.date_from.setText("2023")  # the dates again, the grade kept: nothing re-rendered
    bar.date_from.editingFinished.emit()
    assert [v.renders for v in views] == counts
    assert LEAD in front.toPlainText()


def test_the_filter_grade_cuts_the_event_details_too(window):
    from desktop.store.queries import event_detail

    details, bar = window.details, window.filters_ui.bar
    ids = [r[0] for r in window.store.conn.execute("SELECT id FROM events ORDER BY id")]
    claims = {i: event_detail(window.store, i).claims for i in ids}
    # a seed event whose claims C3 leaves out (graded F4), and one whose claims it keeps
    c3 = Grade("C", 3)
    low = next(
        i for i, cs in claims.items() if cs and not any(supported(c.citations, c3) for c in cs)
    )
    high = next(i for i, cs in claims.items() if cs and all(supported(c.citations, c3) for c in cs))

    def shown(event_id):
        details.show_event(event_id)
        text = details.toPlainText()
        return text, [c for c in claims[event_id] if " ".join(c.text.split()) in text]

    full_low, before = shown(low)
    assert before == list(claims[low])
    _choose(bar, "C3")
    text, after = shown(low)
    assert after == [] and f"Graded ≥ C3: {len(before)} of {len(before)} facts hidden" in text
    text, kept = shown(high)
    assert kept == list(claims[high]) and f"Graded ≥ C3: 0 of {len(kept)} facts hidden" in text
    details.show_event(low)
    bar.clear()  # the event shown follows the filter at once
    assert details.toPlainText() == full_low
