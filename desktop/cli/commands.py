"""Subcommand handlers. Each calls the same store/ui functions the window uses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.annotations_cmd import cmd_annotate, cmd_annotations  # noqa: F401 (by name)
from desktop.cli.args import parse_range, parse_size
from desktop.cli.errors import UserError
from desktop.cli.io_cmd import cmd_export, cmd_import  # noqa: F401 (by name)
from desktop.domain.deep_time import iso_utc
from desktop.domain.partial_date import DateParseError, PartialDate, format_span
from desktop.store.check import check_store
from desktop.store.database import open_store, room_beside
from desktop.store.files import check_output
from desktop.store.library import (
    create_empty,
    create_from_seeds,
    default_database_path,
    open_or_create,
)
from desktop.store.search_count import event_times, search_page


def take_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` / ``--lang=X`` taken out of the command line wherever it stands (it is a
    global option: ``dossier --lang zh_CN screenshot out.png``), and the rest. A ``--lang``
    with no value gives '' (refused by :func:`use_lang`). Nothing after ``--`` is looked at."""
    lang: str | None = None
    rest: list[str] = []
    items = iter(argv)
    for item in items:
        if item == "--":
            rest.append(item)
            rest.extend(items)
        elif item == "--lang":
            lang = next(items, "")
        elif item.startswith("--lang="):
            lang = item.partition("=")[2]
        else:
            rest.append(item)
    return lang, rest


def use_lang(lang: str | None) -> None:
    """The interface language for this run (the window, screenshots, PDF exports), checked:
    an unknown one is refused with one line. Without ``--lang``, Qt is not even imported."""
    if lang is None:
        return
    from desktop.ui import i18n

    try:
        i18n.set_override(lang)
    except i18n.UnknownLanguage as exc:
        raise UserError(str(exc)) from None
    if i18n.QCoreApplication.instance() is not None:  # already running (called in-process)
        i18n.install()


def cmd_open(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_app

    if args.db and not Path(args.db).exists():
        raise UserError(f"{args.db} does not exist; create it with 'dossier init {args.db}'")
    path = Path(args.db) if args.db else default_database_path()
    if not path.exists():
        create_from_seeds(path)[0].close()
    # the window opens it under the one-window-per-database lock, refusing hostile files
    return run_app(path=path, readonly=args.read_only)


def cmd_init(args: argparse.Namespace) -> int:
    if args.empty:  # the same all-or-nothing build as File ▸ New
        create_empty(args.db, force=args.force, hint="; use --force to replace it").close()
        print(f"created {args.db}: empty")
        return 0
    store, report = create_from_seeds(args.db, force=args.force)
    store.close()
    print(f"created {args.db}: {report}")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from desktop.ui.screenshot import render_screenshot

    size = parse_size(args.size)
    span = parse_range(args.range)
    # the output is checked before the database is opened (or made) and anything is drawn
    check_output(args.out, protect=(Path(args.db) if args.db else default_database_path(),))
    if args.layout:
        check_output(args.layout, protect=(Path(args.db) if args.db else default_database_path(),))
    # the screenshot only reads: opened read-only (your database is made first if missing)
    db = Path(args.db) if args.db else default_database_path()
    if args.db is None and not db.exists():
        open_or_create(db).close()
    store = open_store(db, readonly=True)
    try:
        out = render_screenshot(
            store,
            Path(args.out),
            size=size,
            org=args.org,
            span=span,
            theme=args.theme,
            focus=args.focus,
            layout=Path(args.layout) if args.layout else None,
        )
    finally:
        store.close()
    print(out)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    store = open_store(args.db or default_database_path(), readonly=True)
    try:
        page = search_page(store, args.query, limit=args.limit)
        hits = page.hits
        times = event_times(store, [h.id for h in hits if h.kind == "event"])
    finally:
        store.close()
    if args.json:
        results = []
        for h in hits:
            item: dict[str, object] = {"kind": h.kind, "key": h.ref, "id": h.id}
            item |= {"title": h.title, "snippet": h.snippet_plain(), "start": None, "end": None}
            if h.kind == "event" and h.id in times:
                start, end, lo, hi = times[h.id]
                item |= {"start": _iso(lo), "end": _iso(hi), "date": _as_written(start, end)}
            results.append(item)
        payload = {"query": args.query, "total": page.total, "results": results}
        if not page.count.exact:
            payload["total_is_estimate"] = True
        if page.indexed is not None:  # a big import is still being indexed
            payload["indexed_share"] = round(page.indexed, 3)
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for h in hits:
            print(f"{h.ref:<40} {h.title}")
            print(f"{'':<40} {h.snippet_plain()}")
        if not hits:
            print("no matches", file=sys.stderr)
        else:
            about = "" if page.count.exact else "about "
            noun = "match" if page.total == 1 else "matches"
            print(f"{len(hits):,} of {about}{page.total:,} {noun}", file=sys.stderr)
        if page.indexed is not None:
            print(f"{int(page.indexed * 100)} % indexed: the latest import's events are still"
                  " being indexed (dossier import finishes it)", file=sys.stderr)  # fmt: skip
    return 0


def _iso(seconds: int | None) -> str | None:
    """Seconds since 1970 as ISO 8601 UTC ('2024-07-01T00:00:00Z')."""
    if seconds is None:
        return None
    return iso_utc(seconds)  # any year: "-3499-01-01T00:00:00Z" for 3500 BCE


def _as_written(start: str | None, end: str | None) -> str | None:
    """The event's date as the app shows it ('Jul 2024', '4–6 Jul 2024'); the stored text
    when it is not a date Dossier reads."""
    if not start:
        return None
    try:
        return format_span(PartialDate.parse(start), PartialDate.parse(end) if end else None)
    except DateParseError:
        return f"{start}–{end}" if end else start


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.db)
    # writable only where closing the connection cannot fold a waiting log into the file
    writable = room_beside(path.absolute()) and not Path(f"{path}-wal").exists()
    # Opened for inspection: no upgrade, nothing committed (writable only so FTS5's
    # integrity-check can run); damage and foreign schema objects are reported, not refused.
    store = open_store(path, readonly=not writable, migrate=False, inspect=True)
    try:
        report = check_store(store)
    finally:
        store.close()
    print(f"schema version {report.schema_version}")
    for problem in report.problems:
        print(f"problem: {problem}")
    if report.ok:
        print("ok: integrity, foreign keys, citations and search index all hold")
        return 0
    return 1


def cmd_bench(args: argparse.Namespace) -> int:
    from desktop.bench.runner import BenchError, run_benchmarks

    try:
        return run_benchmarks(args.what, sizes=args.events, db=args.db, as_json=args.json)
    except BenchError as exc:
        raise UserError(str(exc)) from None
