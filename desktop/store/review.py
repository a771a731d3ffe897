"""When an organization's dossier was last reviewed, and what was added or edited since.

The review mark is kept per database in ``app_state`` under ``review:<org key>`` (an ISO UTC
time, the format of every ``updated_at``). What changed since is read from the ``updated_at``
columns of events, claims, metrics, products, relationships and annotations (notes), which
Dossier's writers move on every real change. Whether a row is *new* rather than edited needs a
``created_at`` column: annotations have one; for the other tables it is used when present
(migration 0004) and otherwise everything after the mark counts as "changed".
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.dossier_review import CHANGED, NEW, ReviewChanges
from desktop.store import app_state, clock
from desktop.store.batches import id_batches
from desktop.store.database import Store
from desktop.store.dossier import CLAIMS_SCOPE, METRICS_SCOPE, dossier_claim_ids

REVIEW_KEY = "review:"
__all__ = ["CHANGED", "NEW", "ReviewChanges", "changes_since", "last_reviewed", "mark_reviewed"]


def utc_now() -> str:
    return clock.now_text()


def _org_key(store: Store, org_id: int) -> str | None:
    row = store.conn.execute("SELECT key FROM organizations WHERE id = ?", (org_id,)).fetchone()
    return row[0] if row else None


def last_reviewed(store: Store, org_id: int) -> str | None:
    """The ISO UTC time the organization's dossier was last marked reviewed (None: never)."""
    key = _org_key(store, org_id)
    if key is None:
        return None
    return app_state.get_value(store, REVIEW_KEY + key) or None


def mark_reviewed(store: Store, org_id: int, at: str | None = None) -> str:
    """Record that the dossier was reviewed now (or ``at``); returns the time recorded."""
    key = _org_key(store, org_id)
    if key is None:
        raise KeyError(f"no organization with id {org_id}")
    at = at or utc_now()
    with store.write():
        app_state.put_value(store, REVIEW_KEY + key, at, at)
    return at


def _has_created_at(store: Store, table: str) -> bool:
    return any(r[1] == "created_at" for r in store.conn.execute(f"PRAGMA table_info({table})"))


def _changed(
    store: Store, table: str, alias: str, sql_from: str, params: Sequence[object], since: str
) -> dict[int, str]:
    created = f"{alias}.created_at" if _has_created_at(store, table) else "NULL"
    rows = store.conn.execute(
        f"SELECT {alias}.id, {created} FROM {sql_from} AND {alias}.updated_at > ?",
        (*params, since),
    ).fetchall()
    return {r[0]: NEW if r[1] is not None and r[1] > since else CHANGED for r in rows}


def changes_since(
    store: Store,
    org_id: int,
    since: str | None = None,
    event_ids: Sequence[int] | None = None,
) -> ReviewChanges:
    """Items of the organization's dossier added or edited after ``since`` (default: its last
    review; nothing when it was never reviewed). ``event_ids`` limits the events looked at
    (a pane showing the latest few hundred of 10,000 checks those: one lookup each)."""
    since = since or last_reviewed(store, org_id)
    key = _org_key(store, org_id)
    if since is None or key is None:
        return ReviewChanges(since=since)
    products = "products p WHERE p.owner_id = ?"
    ids: list[int] = []
    if event_ids is None:
        events = _changed(
            store,
            "events",
            "e",
            "event_orgs eo JOIN events e ON e.id = eo.event_id WHERE eo.org_id = ?",
            (org_id,),
            since,
        )
    else:
        events = {}
        ids = list(event_ids)
        for chunk, marks in id_batches(ids):
            events |= _changed(
                store, "events", "e", f"events e WHERE e.id IN ({marks})", chunk, since
            )
    claims = _changed(
        store, "claims", "c", f"claims c WHERE ({CLAIMS_SCOPE})", (org_id,) * 5, since
    )
    if claims:  # only those the dossier shows (a claim goes with its speaker's role in time)
        shown = dossier_claim_ids(store, org_id)
        claims = {k: v for k, v in claims.items() if k in shown}
    metrics = _changed(
        store, "metrics", "m", f"metrics m WHERE ({METRICS_SCOPE})", (org_id,) * 2, since
    )
    rels = _changed(
        store,
        "relationships",
        "r",
        "relationships r WHERE (r.source_id = ? OR r.target_id = ?)",
        (org_id, org_id),
        since,
    )
    notes = {
        r[0]: NEW if r[1] > since else CHANGED
        for r in store.conn.execute(
            "SELECT a.uuid, a.created_at FROM annotations a WHERE a.updated_at > ?"
            " AND a.deleted_at IS NULL AND (a.target = ? OR (a.target LIKE 'event:%' AND"
            " EXISTS (SELECT 1 FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
            " WHERE e.key = substr(a.target, 7) AND eo.org_id = ?)))",
            (since, f"org:{key}", org_id),
        )
    }
    return ReviewChanges(
        since=since,
        events=events,
        claims=claims,
        metrics=metrics,
        products=_changed(store, "products", "p", products, (org_id,), since),
        relationships=rels,
        notes=notes,
        events_checked=None if event_ids is None else len(ids),
    )
