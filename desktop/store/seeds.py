"""Loading the seed dossier (``seeds/*.toml``) into a database.

Idempotent: rows are matched by ``key`` and updated only where a field differs (so
``updated_at`` moves only for real changes); links and citations of seeded rows are replaced;
annotations are never touched. Everything happens in one transaction: a seed file with an error
changes nothing and the message names the file and the record.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.domain.grades import GradeError, parse_credibility, parse_reliability
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store import clock
from desktop.store.database import Store
from desktop.store.errors import ValidationError
from desktop.store.migrations import CREATED_TABLES

SEED_FILES = (
    ("sources", "source"),
    ("organizations", "organization"),
    ("people", "person"),
    ("products", "product"),
    ("events", "event"),
    ("claims", "claim"),
    ("metrics", "metric"),
    ("relationships", "relationship"),
)


@dataclass
class SeedReport:
    counts: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n} {name}" for name, n in self.counts.items())


def read_seeds(seeds_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Read every seed file into lists of records (``{'organizations': [...], ...}``)."""
    data: dict[str, list[dict[str, Any]]] = {}
    for name, item in SEED_FILES:
        path = seeds_dir / f"{name}.toml"
        if not path.exists():
            data[name] = []
            continue
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError(f"{path}: {exc}") from exc
        records = doc.get(item, [])
        for rec in records:
            if "key" not in rec:
                raise ValidationError(f"{path}: a [[{item}]] record has no key")
        data[name] = records
    return data


def _date(value: Any, where: str) -> tuple[str | None, int | None, int | None]:
    """Canonical text and [lo, hi) of a partial date field (None stays None)."""
    if value in (None, ""):
        return None, None, None
    try:
        d = PartialDate.parse(str(value))
    except DateParseError as exc:
        raise ValidationError(f"{where}: {exc}") from exc
    lo, hi = d.interval()
    return d.canonical(), lo, hi


def _canonical(value: Any, where: str) -> str | None:
    return _date(value, where)[0]


def _reason(value: Any, grade: object, where: str) -> str | None:
    """A grade's one-line reason (None when absent); a reason without a grade is refused."""
    text = " ".join(str(value).split()) if value is not None else ""
    if text and grade is None:
        raise ValidationError(f"{where}: a grade's reason is given but not the grade")
    return text or None


class _Loader:
    def __init__(self, db: sqlite_utils.Database, data: dict[str, list[dict[str, Any]]]) -> None:
        self.db = db
        self.data = data
        self.ids: dict[tuple[str, str], int] = {}

    # -- helpers ---------------------------------------------------------------------------
    def upsert(self, table: str, kind: str, record: dict[str, Any]) -> int:
        """Insert or update by key; change the row only where a value differs."""
        cols = list(record)
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        if table in CREATED_TABLES:  # set on insert only: an upsert that updates keeps it
            names += ", created_at"
            marks += f", {clock.SQL_NOW}"
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "key")
        differs = " OR ".join(f'"{c}" IS NOT excluded."{c}"' for c in cols if c != "key")
        self.db.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(key) DO UPDATE SET "
            f"{updates}, updated_at = {clock.SQL_NOW} WHERE {differs}",
            [record[c] for c in cols],
        )
        row_id = self.db.execute(f"SELECT id FROM {table} WHERE key = ?", [record["key"]])
        rid = int(row_id.fetchone()[0])
        self.ids[(kind, record["key"])] = rid
        return rid

    def ref(self, kind: str, key: str | None, where: str) -> int | None:
        if key in (None, ""):
            return None
        try:
            return self.ids[(kind, str(key))]
        except KeyError:
            raise ValidationError(f"{where}: unknown {kind} '{key}'") from None

    def typed_ref(self, value: str | None, where: str) -> tuple[str | None, int | None]:
        """'org:KEY' / 'person:KEY' / 'product:KEY' / 'event:KEY' -> (kind, id)."""
        if not value:
            return None, None
        kind, _, key = str(value).partition(":")
        if kind not in ("org", "person", "product", "event") or not key:
            raise ValidationError(f"{where}: '{value}' should look like org:KEY or person:KEY")
        return kind, self.ref(kind, key, where)

    def cite(self, kind: str, target_id: int, cites: Iterable[dict[str, Any]], where: str) -> None:
        self.db.execute(
            "DELETE FROM citations WHERE target_kind = ? AND target_id = ?", [kind, target_id]
        )
        for c in cites or ():
            source = self.ref("source", c.get("source"), where)
            try:
                credibility = parse_credibility(c.get("credibility"))
            except GradeError as exc:
                raise ValidationError(f"{where}: {exc}") from None
            self.db.execute(
                "INSERT INTO citations (source_id, target_kind, target_id, locator, quote, stance,"
                " credibility, credibility_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    source,
                    kind,
                    target_id,
                    c.get("locator"),
                    c.get("quote"),
                    c.get("stance", "for"),
                    credibility,
                    _reason(c.get("credibility_reason"), credibility, where),
                ],
            )

    # -- tables ----------------------------------------------------------------------------
    def load(self) -> SeedReport:
        report = SeedReport()
        for name, _item in SEED_FILES:
            for rec in self.data.get(name, []):
                getattr(self, f"_{name}")(rec, f"seeds/{name}.toml [{rec['key']}]")
            report.counts[name] = len(self.data.get(name, []))
        # organizations' parents, once every organization has an id
        for rec in self.data.get("organizations", []):
            where = f"seeds/organizations.toml [{rec['key']}]"
            parent = self.ref("org", rec.get("parent"), where)
            self.db.execute(
                "UPDATE organizations SET parent_id = ? WHERE id = ? AND parent_id IS NOT ?",
                [parent, self.ids[("org", rec["key"])], parent],
            )
        return report

    def _sources(self, r: dict[str, Any], where: str) -> None:
        fields = ("key", "title", "publisher", "kind", "file", "url", "summary")
        rec = {k: r.get(k) for k in fields}
        try:
            rec["reliability"] = parse_reliability(r.get("reliability"))
        except GradeError as exc:
            raise ValidationError(f"{where}: {exc}") from None
        rec["reliability_reason"] = _reason(r.get("reliability_reason"), rec["reliability"], where)
        rec["kind"] = rec["kind"] or "article"
        rec["published"] = _canonical(r.get("published"), where)
        self.upsert("sources", "source", rec)

    def _organizations(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "name", "name_zh", "country", "hq", "summary")}
        rec["kind"] = r.get("kind", "company")
        rec["aliases"] = json.dumps(list(r.get("aliases", [])), ensure_ascii=False)
        rec["founded"] = _canonical(r.get("founded"), where)
        oid = self.upsert("organizations", "org", rec)
        self.cite("org", oid, r.get("cite", ()), where)

    def _people(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "name", "name_zh", "summary")}
        pid = self.upsert("people", "person", rec)
        self.cite("person", pid, r.get("cite", ()), where)
        for role in r.get("roles", []):
            org = self.ref("org", role.get("org"), where)
            start = _canonical(role.get("start"), where)
            end = _canonical(role.get("end"), where)
            self.db.execute(
                'INSERT INTO roles (person_id, org_id, title, start, "end") VALUES (?, ?, ?, ?, ?)'
                " ON CONFLICT (person_id, org_id, title) DO UPDATE SET start = excluded.start,"
                ' "end" = excluded."end"',
                [pid, org, role["title"], start, end],
            )
            rid = self.db.execute(
                "SELECT id FROM roles WHERE person_id = ? AND org_id IS ? AND title = ?",
                [pid, org, role["title"]],
            ).fetchone()[0]
            self.cite("role", rid, role.get("cite", ()), where)

    def _products(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "name", "parameters", "summary")}
        rec["kind"] = r.get("kind", "model")
        rec["aliases"] = json.dumps(list(r.get("aliases", [])), ensure_ascii=False)
        rec["owner_id"] = self.ref("org", r.get("owner"), where)
        rec["released"] = _canonical(r.get("released"), where)
        ow = r.get("open_weights")
        rec["open_weights"] = None if ow is None else int(bool(ow))
        pid = self.upsert("products", "product", rec)
        self.cite("product", pid, r.get("cite", ()), where)

    def _events(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "title", "summary", "place")}
        rec["kind"] = r.get("kind", "event")
        rec["era"] = int(bool(r.get("era", False)))
        if not r.get("start"):
            raise ValidationError(f"{where}: an event needs a start date")
        rec["start"], rec["start_lo"], rec["start_hi"] = _date(r["start"], where)
        rec["end"], rec["end_lo"], rec["end_hi"] = _date(r.get("end"), where)
        if rec["end_hi"] is not None and rec["end_hi"] < rec["start_lo"]:
            raise ValidationError(f"{where}: the end {r['end']} is before the start {r['start']}")
        eid = self.upsert("events", "event", rec)
        self.db.execute("DELETE FROM event_orgs WHERE event_id = ?", [eid])
        for link in r.get("orgs", []):
            org = self.ref("org", link.get("org"), where)
            self.db.execute(
                "INSERT OR REPLACE INTO event_orgs (event_id, org_id, role) VALUES (?, ?, ?)",
                [eid, org, link.get("role", "involved")],
            )
        self.db.execute("DELETE FROM event_people WHERE event_id = ?", [eid])
        for key in r.get("people", []):
            self.db.execute(
                "INSERT OR IGNORE INTO event_people VALUES (?, ?)",
                [eid, self.ref("person", key, where)],
            )
        self.db.execute("DELETE FROM event_products WHERE event_id = ?", [eid])
        for key in r.get("products", []):
            self.db.execute(
                "INSERT OR IGNORE INTO event_products VALUES (?, ?)",
                [eid, self.ref("product", key, where)],
            )
        self.cite("event", eid, r.get("cite", ()), where)

    def _claims(self, r: dict[str, Any], where: str) -> None:
        rec: dict[str, Any] = {k: r.get(k) for k in ("key", "text", "measured_against")}
        rec["status"] = r.get("status", "claimed")
        if rec["status"] not in ("claimed", "verified", "disputed"):
            raise ValidationError(f"{where}: status must be claimed, verified or disputed")
        rec["date"] = _canonical(r.get("date"), where)
        for col in ("claimant_org_id", "claimant_person_id", "subject_org_id"):
            rec[col] = None
        rec |= {"subject_person_id": None, "subject_product_id": None, "subject_event_id": None}
        kind, cid = self.typed_ref(r.get("claimant"), where)
        if kind in ("org", "person"):
            rec[f"claimant_{kind}_id"] = cid
        elif kind:
            raise ValidationError(f"{where}: a claimant is an org: or person: key")
        kind, sid = self.typed_ref(r.get("subject"), where)
        if kind:
            rec[f"subject_{kind}_id"] = sid
        claim_id = self.upsert("claims", "claim", rec)
        self.cite("claim", claim_id, r.get("cite", ()), where)

    def _metrics(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "name", "unit", "note")}
        try:
            rec["value"] = float(r["value"])
        except (KeyError, TypeError, ValueError):
            raise ValidationError(f"{where}: a metric needs a numeric value") from None
        rec["as_of"] = _canonical(r.get("as_of"), where)
        rec["subject_org_id"] = rec["subject_product_id"] = None
        kind, sid = self.typed_ref(r.get("subject"), where)
        if kind not in ("org", "product"):
            raise ValidationError(f"{where}: a metric's subject is an org: or product: key")
        rec[f"subject_{kind}_id"] = sid
        mid = self.upsert("metrics", "metric", rec)
        self.cite("metric", mid, r.get("cite", ()), where)

    def _relationships(self, r: dict[str, Any], where: str) -> None:
        rec = {k: r.get(k) for k in ("key", "kind", "summary")}
        rec["source_id"] = self.ref("org", r.get("source"), where)
        rec["target_id"] = self.ref("org", r.get("target"), where)
        if rec["source_id"] is None or rec["target_id"] is None or not rec["kind"]:
            raise ValidationError(f"{where}: a relationship needs source, kind and target")
        rec["since"] = _canonical(r.get("since"), where)
        rid = self.upsert("relationships", "relationship", rec)
        self.cite("relationship", rid, r.get("cite", ()), where)


def load_seeds(store: Store, seeds_dir: Path) -> SeedReport:
    """Load (or reload) the seed dossier in one transaction; annotations are left alone."""
    data = read_seeds(seeds_dir)
    with store.write() as db:
        report = _Loader(db, data).load()
        store.changed("all", "reload")
    return report
