"""Filter masks over the timeline columns, filter choices, the CLI filter bridge, saved views."""

import json

import numpy as np
import pytest

from desktop.domain.filters import EventFilter
from desktop.store import views
from desktop.store.annotations import save_annotation
from desktop.store.errors import ValidationError
from desktop.store.filters import (
    _member,
    filter_choices,
    filter_mask,
    org_ids_by_names,
)
from desktop.store.queries import find_organization
from desktop.store.timeline import timeline_columns

JUL_2024 = (1719792000.0, 1722470400.0)  # [1 Jul, 1 Aug) 2024 UTC


def _keys(store, cols, mask):
    ids = sorted({int(i) for i in cols["id"][mask]})
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(f"SELECT key FROM events WHERE id IN ({marks})", ids)
    return {r[0] for r in rows}


def _mask(store, f):
    cols = timeline_columns(store)
    return cols, filter_mask(store, cols, f, [str(k) for k in cols["kind_names"]])


def _org(store, key):
    return find_organization(store, key).id


def test_empty_filter_keeps_everything(mem_seeded):
    assert _mask(mem_seeded, EventFilter())[1] is None


def test_org_filter_keeps_only_that_organizations_rows(mem_seeded):
    sensetime = _org(mem_seeded, "sensetime")
    cols, mask = _mask(mem_seeded, EventFilter(orgs={sensetime}))
    assert set(cols["org"][mask]) == {sensetime}
    expected = {
        r[0]
        for r in mem_seeded.conn.execute(
            "SELECT e.key FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
            " WHERE eo.org_id = ?",
            (sensetime,),
        )
    }
    assert _keys(mem_seeded, cols, mask) == expected and len(expected) == 5


def test_kind_country_and_range_facets_combine(mem_seeded):
    cols, mask = _mask(mem_seeded, EventFilter(kinds={"POLICY"}))
    assert _keys(mem_seeded, cols, mask) == {
        "new-generation-ai-development-plan",
        "openai-api-cutoff-announcement",
        "un-ga-ai-capacity-building-resolution",
        "openai-api-cutoff",
    }
    cols, mask = _mask(mem_seeded, EventFilter(kinds={"policy"}, range=JUL_2024))
    assert _keys(mem_seeded, cols, mask) == {
        "un-ga-ai-capacity-building-resolution",
        "openai-api-cutoff",
    }
    cols, mask = _mask(mem_seeded, EventFilter(kinds={"policy"}, countries={"united states"}))
    assert _keys(mem_seeded, cols, mask) == {
        "openai-api-cutoff-announcement",
        "openai-api-cutoff",
        "un-ga-ai-capacity-building-resolution",  # the United States co-sponsored it
    }
    kept_orgs = set(cols["org"][mask].tolist())
    countries = {
        r[0]
        for r in mem_seeded.conn.execute(
            f"SELECT country FROM organizations WHERE id IN ({','.join(map(str, kept_orgs))})"
        )
    }
    assert countries == {"United States"}
    lo, hi = JUL_2024
    cols, mask = _mask(mem_seeded, EventFilter(range=JUL_2024))
    assert ((cols["lo"][mask] < hi) & (cols["hi"][mask] > lo)).all()
    assert not ((cols["lo"][~mask] < hi) & (cols["hi"][~mask] > lo)).any()


def test_tag_and_star_facets_follow_notes(mem_seeded):
    cols, mask = _mask(mem_seeded, EventFilter(tags={"watch"}))
    assert not mask.any()
    save_annotation(mem_seeded, target="event:openai-api-cutoff", tags=["Watch"], starred=True)
    save_annotation(mem_seeded, target="event:waic-2024", tags=["other"])
    cols, mask = _mask(mem_seeded, EventFilter(tags={"watch"}))
    assert _keys(mem_seeded, cols, mask) == {"openai-api-cutoff"}
    cols, mask = _mask(mem_seeded, EventFilter(starred=True))
    assert _keys(mem_seeded, cols, mask) == {"openai-api-cutoff"}
    cols, mask = _mask(mem_seeded, EventFilter(tags={"watch", "other"}))
    assert _keys(mem_seeded, cols, mask) == {"openai-api-cutoff", "waic-2024"}
    cols, mask = _mask(mem_seeded, EventFilter(starred=True, kinds={"release"}))
    assert not mask.any()


def test_member_matches_isin():
    rng = np.random.default_rng(1)
    column = rng.integers(-1, 500, 2000)
    for values in ([], [-1], [3, 7, 499], list(range(0, 500, 3)), [10**12]):
        assert (_member(column, values) == np.isin(column, values)).all()


def test_choices_list_every_facet(mem_seeded):
    save_annotation(mem_seeded, target="event:waic-2024", tags=["中国"])
    choices = filter_choices(mem_seeded)
    releases = mem_seeded.conn.execute("SELECT count(*) FROM events WHERE kind = 'release'")
    assert ("release", releases.fetchone()[0]) in choices.kinds
    assert ("中国", 1) in choices.tags
    assert [c for c, _ in choices.countries] == ["China", "International", "United States"]
    assert any(label.startswith("SenseTime") and n == 5 for _, label, n in choices.orgs)


def test_org_ids_by_names(mem_seeded):
    ids = org_ids_by_names(mem_seeded, ("SenseTime", "商汤", "deepseek"))
    assert ids == {_org(mem_seeded, "sensetime"), _org(mem_seeded, "deepseek")}
    with pytest.raises(ValidationError, match="no organization matches 'Nobody'"):
        org_ids_by_names(mem_seeded, ("Nobody",))


# -- saved views -----------------------------------------------------------------------------
def test_saved_view_round_trip(seeded_store):
    f = EventFilter(orgs={2}, kinds={"release"}, tags={"中国"}, starred=True, range=JUL_2024)
    view = views.SavedView("  China   releases ", f, (1.0e9, 1.7e9), "kind")
    saved = views.save_view(seeded_store, view)
    assert saved.name == "China releases"
    assert views.get_view(seeded_store, "China releases") == saved
    row = seeded_store.conn.execute(
        "SELECT value FROM app_state WHERE key = 'view:China releases'"
    ).fetchone()
    assert json.loads(row[0])["group_by"] == "kind"
    views.save_view(seeded_store, views.SavedView("a view", EventFilter()))
    assert [v.name for v in views.list_views(seeded_store)] == ["a view", "China releases"]
    # replacing keeps one record
    views.save_view(seeded_store, views.SavedView("a view", EventFilter(starred=True)))
    assert views.get_view(seeded_store, "a view").filter.starred
    assert len(views.list_views(seeded_store)) == 2
    assert views.delete_view(seeded_store, "a view")
    assert not views.delete_view(seeded_store, "a view")
    assert [v.name for v in views.list_views(seeded_store)] == ["China releases"]


def test_saved_view_validation_and_malformed_records(seeded_store):
    with pytest.raises(ValidationError):
        views.save_view(seeded_store, views.SavedView("   ", EventFilter()))
    with pytest.raises(ValidationError):
        views.save_view(seeded_store, views.SavedView("x" * 81, EventFilter()))
    with pytest.raises(ValidationError):
        views.save_view(seeded_store, views.SavedView("x", EventFilter(), group_by="people"))
    with seeded_store.write() as db:
        db.execute("INSERT INTO app_state (key, value, updated_at) VALUES ('view:bad', '{', '')")
        db.execute(
            "INSERT INTO app_state (key, value, updated_at) VALUES ('view:worse', ?, '')",
            (json.dumps({"filter": {"range": [3, 1]}}),),
        )
    assert views.list_views(seeded_store) == []
    assert views.get_view(seeded_store, "bad") is None


# -- the grade filter and the one tag rule ---------------------------------------------------
def _grade_citations(store, source, letter, digit):
    with store.write() as db:
        db.execute("UPDATE sources SET reliability = ? WHERE key = ?", (letter, source))
        db.execute(
            "UPDATE citations SET credibility = ? WHERE source_id = (SELECT id FROM sources"
            " WHERE key = ?)",
            (digit, source),
        )


def test_min_grade_keeps_events_with_a_supporting_citation_that_passes(mem_seeded):
    conn = mem_seeded.conn
    with mem_seeded.write() as db:
        db.execute("UPDATE sources SET reliability = NULL")
        db.execute("UPDATE citations SET credibility = NULL")
    assert _mask(mem_seeded, EventFilter(min_grade="F6"))[1].sum() == 0  # nothing graded
    _grade_citations(mem_seeded, "public-record", "A", 1)
    _grade_citations(mem_seeded, "waic-2024-article", "C", 3)
    cols, mask = _mask(mem_seeded, EventFilter(min_grade="B2"))
    cited = {
        r[0]
        for r in conn.execute(
            "SELECT e.key FROM events e JOIN citations c ON c.target_kind = 'event'"
            " AND c.target_id = e.id JOIN sources s ON s.id = c.source_id"
            " WHERE s.key = 'public-record' AND c.stance = 'for'"
        )
    }
    assert cited and _keys(mem_seeded, cols, mask) == cited
    cols, mask = _mask(mem_seeded, EventFilter(min_grade="C3"))
    assert _keys(mem_seeded, cols, mask) > cited
    # a citation against the event does not count for it
    with mem_seeded.write() as db:
        db.execute("UPDATE citations SET stance = 'against' WHERE target_kind = 'event'")
    assert _mask(mem_seeded, EventFilter(min_grade="F6"))[1].sum() == 0


def test_the_timeline_and_the_exports_keep_the_same_events(mem_seeded, tmp_path):
    from desktop.store.io.exporters import select_events

    _grade_citations(mem_seeded, "public-record", "A", 2)
    save_annotation(mem_seeded, target="event:waic-2024", tags=["Straße"])
    save_annotation(mem_seeded, target="event:waic-2018", tags=[" strasse "])
    sensetime = _org(mem_seeded, "sensetime")
    for f in (
        EventFilter(tags={"STRASSE"}),
        EventFilter(kinds={" Release "}),
        EventFilter(min_grade="A2"),
        EventFilter(min_grade="A1"),
        EventFilter(min_grade="A"),
        EventFilter(orgs={sensetime}, countries={"china"}, range=JUL_2024),
        EventFilter(min_grade="B", kinds={"conference"}),
    ):
        cols, mask = _mask(mem_seeded, f)
        assert {e.key for e in select_events(mem_seeded, f)} == _keys(mem_seeded, cols, mask), f
    cols, mask = _mask(mem_seeded, EventFilter(tags={"STRASSE"}))
    assert _keys(mem_seeded, cols, mask) == {"waic-2024", "waic-2018"}  # one rule: casefold


def test_the_notes_list_matches_tags_by_the_same_rule(mem_seeded):
    from desktop.store.annotations import list_annotations

    save_annotation(mem_seeded, target="event:waic-2024", tags=["Straße"])
    save_annotation(mem_seeded, target="org:sensetime", tags=["other"])
    listed = {a.target for a in list_annotations(mem_seeded, tag="STRASSE")}
    assert listed == {"event:waic-2024"}
    cols, mask = _mask(mem_seeded, EventFilter(tags={"strasse"}))
    assert _keys(mem_seeded, cols, mask) == {"waic-2024"}
