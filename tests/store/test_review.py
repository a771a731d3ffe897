"""'Changed since last review': the review mark per organization and what moved after it."""

import pytest

from desktop.store.queries import find_organization
from desktop.store.review import (
    CHANGED,
    NEW,
    changes_since,
    last_reviewed,
    mark_reviewed,
)

LATER = "2999-01-01T00:00:00.000Z"  # an edit made 'after' the review, whatever the clock


@pytest.fixture
def sensetime(mem_seeded):
    return find_organization(mem_seeded, "SenseTime")


def test_never_reviewed_reports_nothing(mem_seeded, sensetime):
    assert last_reviewed(mem_seeded, sensetime.id) is None
    changes = changes_since(mem_seeded, sensetime.id)
    assert changes.since is None and changes.total == 0


def test_mark_reviewed_is_kept_in_app_state(mem_seeded, sensetime):
    at = mark_reviewed(mem_seeded, sensetime.id)
    assert last_reviewed(mem_seeded, sensetime.id) == at
    row = mem_seeded.query("SELECT value FROM app_state WHERE key = 'review:sensetime'")
    assert row == [{"value": at}]
    assert changes_since(mem_seeded, sensetime.id).total == 0
    other = find_organization(mem_seeded, "DeepSeek")
    assert last_reviewed(mem_seeded, other.id) is None


def test_edits_after_the_review_are_reported(mem_seeded, sensetime):
    mark_reviewed(mem_seeded, sensetime.id)  # now: after the seeds were loaded
    with mem_seeded.write() as db:
        event = db.execute(
            "SELECT e.id FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
            " WHERE eo.org_id = ? LIMIT 1",
            (sensetime.id,),
        ).fetchone()[0]
        db.execute(
            "UPDATE events SET title = 'Edited', updated_at = ? WHERE id = ?", (LATER, event)
        )
        claim = db.execute(
            "SELECT id FROM claims WHERE claimant_org_id = ? LIMIT 1", (sensetime.id,)
        ).fetchone()[0]
        db.execute(
            "UPDATE claims SET status = 'disputed', updated_at = ? WHERE id = ?", (LATER, claim)
        )
        db.execute(
            "INSERT INTO metrics (key, subject_org_id, name, value, updated_at)"
            " VALUES ('new-metric', ?, 'Staff', 5000, ?)",
            (sensetime.id, LATER),
        )
        db.execute(
            "INSERT INTO annotations (uuid, target, body, created_at, updated_at)"
            " VALUES ('u-1', 'org:sensetime', 'note', ?, ?)",
            (LATER, LATER),
        )
        # a change to another organization is not reported here
        db.execute(
            "UPDATE claims SET updated_at = ? WHERE claimant_org_id != ? AND subject_org_id != ?",
            (LATER, sensetime.id, sensetime.id),
        )
    changes = changes_since(mem_seeded, sensetime.id)
    assert changes.events == {event: CHANGED}
    assert changes.claims == {claim: CHANGED}
    metric = mem_seeded.query("SELECT id FROM metrics WHERE key = 'new-metric'")[0]["id"]
    # inserted by another program, without created_at: reported, as 'changed'
    assert changes.metrics == {metric: CHANGED}
    assert changes.notes == {"u-1": NEW}  # notes know when they were created
    assert changes.total == 4
    mark_reviewed(mem_seeded, sensetime.id, at=LATER)
    assert changes_since(mem_seeded, sensetime.id).total == 0


def test_unknown_organization(mem_seeded):
    with pytest.raises(KeyError):
        mark_reviewed(mem_seeded, 999_999)
    assert changes_since(mem_seeded, 999_999).total == 0


def test_events_can_be_limited_to_those_shown(mem_seeded, sensetime):
    mark_reviewed(mem_seeded, sensetime.id)
    ids = [
        r["event_id"]
        for r in mem_seeded.query(
            "SELECT event_id FROM event_orgs WHERE org_id = ? ORDER BY event_id", (sensetime.id,)
        )
    ]
    with mem_seeded.write() as db:
        db.execute("UPDATE events SET updated_at = ? WHERE id = ?", (LATER, ids[0]))
    assert changes_since(mem_seeded, sensetime.id).events == {ids[0]: CHANGED}
    shown = changes_since(mem_seeded, sensetime.id, event_ids=ids[1:])
    assert shown.events == {} and shown.events_checked == len(ids) - 1
    shown = changes_since(mem_seeded, sensetime.id, event_ids=ids[:1])
    assert shown.events == {ids[0]: CHANGED}


def test_rows_added_through_dossier_are_new_and_edits_changed(mem_seeded, sensetime):
    from desktop.store import edits

    mark_reviewed(mem_seeded, sensetime.id, at="2000-01-01T00:00:00.000Z")
    with mem_seeded.write() as db:  # the seeds predate that review: make them older still
        for table in ("events", "claims", "metrics", "products", "relationships"):
            db.execute(f"UPDATE {table} SET created_at = '1999', updated_at = '1999'")
    metric = edits.create(
        mem_seeded, "metric", {"name": "Staff", "value": "5000", "subject_org_id": sensetime.id}
    )
    product = mem_seeded.query(
        "SELECT id FROM products WHERE owner_id = ? LIMIT 1", (sensetime.id,)
    )[0]["id"]
    edits.update(mem_seeded, "product", product, {"parameters": "600B"})
    changes = changes_since(mem_seeded, sensetime.id)
    assert changes.metrics == {metric: NEW}
    assert changes.products == {product: CHANGED}
