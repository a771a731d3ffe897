"""``dossier import`` and ``dossier export``: the command-line side of :mod:`desktop.store.io`.

Import reads and checks the whole file before it opens the database, so a bad file changes
nothing; a file with bad rows is refused (exit 1, the rows listed) unless ``--partial``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.args import parse_grade, parse_range
from desktop.cli.errors import UserError
from desktop.domain.filters import EventFilter
from desktop.store.database import Store, open_store
from desktop.store.files import check_output
from desktop.store.filters import org_ids_by_names
from desktop.store.io import ImportPlan, ImportReport, apply_import, plan_import
from desktop.store.io.backlog import ALONE_SECONDS, index_backlog
from desktop.store.io.formats import EXPORT_FORMATS, EXPORTS, FORMATS, IMPORTS
from desktop.store.io.importers import check_plan
from desktop.store.library import default_database_path, open_or_create
from desktop.store.timeline import prepare_timeline

IMAGE_FORMATS = ("png", "svg")
DOSSIER_FORMATS = ("markdown", "md", "pdf")
SHOW_SKIPPED = 20

SubFactory = Callable[[Any, str, str], argparse.ArgumentParser]


def add_parsers(subs: Any, sub_factory: SubFactory) -> None:
    """Add the ``import`` and ``export`` subcommands (``sub_factory`` is the CLI's ``_sub``)."""
    p = sub_factory(
        subs,
        "import",
        "import events from "
        + ", ".join(f.label for f in IMPORTS[:-1])
        + f" or {IMPORTS[-1].label}",
    )
    p.add_argument("file", metavar="FILE", help="the file to import")
    p.add_argument("--format", choices=FORMATS, help="the file's format (default: guessed)")
    p.add_argument("--db", help="database file (default: your database)")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="read COLUMN as FIELD (key, title, summary, kind, start, end, orgs, place, era;"
        " '-' leaves it out; 'extra' keeps it in the summary's extra line); repeatable",
    )
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--partial", action="store_true", help="import the good rows, skip the bad")

    p = sub_factory(
        subs,
        "export",
        "export events as " + ", ".join(f.label for f in EXPORTS) + " or a timeline image,"
        " or one dossier as Markdown or PDF",
    )
    p.add_argument(
        "format",
        metavar="FORMAT",
        help=", ".join((*EXPORT_FORMATS, *IMAGE_FORMATS, "markdown")) + " or pdf",
    )
    p.add_argument("out", metavar="OUT", help="file to write ('-' for standard output)")
    p.add_argument("--db", help="database file (default: your database)")
    p.add_argument("--org", action="append", default=[], help="only this organization's events")
    p.add_argument("--kind", action="append", default=[], help="only events of this kind")
    p.add_argument("--tag", action="append", default=[], help="only events with this note tag")
    p.add_argument("--range", nargs=2, metavar=("START", "END"), help="only events in this span")
    p.add_argument(
        "--min-grade",
        metavar="GRADE",
        help="only events (markdown/pdf: facts) with a supporting source graded at least GRADE"
        " on the Admiralty scale, e.g. B2 (source A-F, information 1-6); ungraded ones are"
        " left out",
    )
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="markdown/pdf: the dossier as known at DATE ('May 2024', '2024-07-04')",
    )


def _refuse(message: str) -> Exception:
    return UserError(message)


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``["Headline=title", "When=start"]`` -> ``{"Headline": "title", "When": "start"}``."""
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, fld = item.rpartition("=")
        if not sep or not column:
            raise _refuse(f"--map takes COLUMN=FIELD, not {item!r}")
        mapping[column] = fld
    return mapping


class _Counter:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.tty:
            return
        of = f" / {total:,}" if total else ""
        sys.stderr.write(f"\r{self.label}: {done:,}{of} rows")
        sys.stderr.flush()
        self.shown = True

    def share(self, done: float) -> None:
        if self.tty:
            sys.stderr.write(f"\r{self.label} {int(done * 100)} %")
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def _open_db(db: str | None) -> Store:
    return open_or_create(None) if db is None else open_store(db)


def _print_skipped(skipped: list[Any], count: int) -> None:
    if not count:
        return
    print("skipped rows:")
    for item in skipped[:SHOW_SKIPPED]:
        print(f"  {item}")
    if count > SHOW_SKIPPED:
        print(f"  ... and {count - SHOW_SKIPPED:,} more")


def _print_report(plan: ImportPlan, report: ImportReport) -> None:
    verb = "would import" if report.dry_run else "imported"
    print(
        f"{verb} {plan.path.name} ({plan.fmt}): created {report.created:,},"
        f" updated {report.updated:,}, unchanged {report.unchanged:,},"
        f" skipped {report.skipped:,}"
    )
    if report.duplicates:
        if plan.fmt == "timesketch":
            print(
                f"duplicates dropped: {report.duplicates:,} rows identical in every column"
                " to an earlier row"
            )
        else:
            print(
                f"duplicates dropped: {report.duplicates:,} rows repeating an earlier row's"
                " key and fields"
            )
    if report.orgs_created:
        created = report.orgs_created
        more = f", ... {len(created) - 10:,} more" if len(created) > 10 else ""
        print(f"organizations created: {len(created):,} ({', '.join(created[:10])}{more})")
    _print_skipped(report.skipped_rows, report.skipped)
    if report.dry_run:
        print("dry run: nothing was written")


def cmd_import(args: argparse.Namespace) -> int:
    mapping = parse_mapping(args.map)
    counter = _Counter(f"reading {Path(args.file).name}")
    try:
        plan = plan_import(args.file, args.format, mapping, progress=counter)
    finally:
        counter.clear()
    for note in plan.notes:
        print(f"note: {note}", file=sys.stderr)
    if plan.skipped_count and not (args.partial or args.dry_run):
        _print_skipped(plan.skipped, plan.skipped_count)
        check_plan(plan)  # refuses before the database is even opened
    if not plan.valid and not plan.skipped_count:
        print(f"{plan.path.name}: no events to import")
        return 0
    store = _open_db(args.db)
    counter = _Counter("importing")
    try:
        partial = args.partial or args.dry_run
        report = apply_import(store, plan, partial=partial, progress=counter, dry_run=args.dry_run)
        counter.clear()
        if not args.dry_run:  # committed; the search index follows, and is whole on exit
            counter = _Counter("indexing")
            index_backlog(store, progress=counter.share, chunk_seconds=ALONE_SECONDS)
            counter.clear()
            # and the timeline's column files, so that the window opens without building them
            counter = _Counter("preparing the timeline")
            prepare_timeline(store, progress=counter.share)
    finally:
        counter.clear()
        store.close()
    _print_report(plan, report)
    if args.dry_run and plan.skipped_count and not args.partial:
        print(f"without --partial the import would be refused: {plan.skipped_count:,} bad rows")
    return 0


def build_filter(args: argparse.Namespace, store: Store | None = None) -> EventFilter:
    """The one event filter of ``--org``, ``--kind``, ``--tag``, ``--range`` and
    ``--min-grade``; organizations are looked up by name in ``store`` (without a store the
    filter has none: the values are only checked)."""
    orgs = org_ids_by_names(store, args.org or ()) if store is not None else frozenset()
    return EventFilter(
        orgs=orgs,
        kinds=frozenset(args.kind or ()),
        tags=frozenset(args.tag or ()),
        range=parse_range(args.range),
        min_grade=parse_grade(args.min_grade),
    )


def _export_image(store: Store, out: str, fmt: str, filters: EventFilter) -> int:
    """The timeline of the filtered events as PNG or SVG (drawn offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.timeline.export import export_timeline_image

    if out == "-":
        raise _refuse(f"export to {fmt} needs a file name, not '-'")
    return export_timeline_image(store, out, fmt, filters, filters.range)


def _check_out(args: argparse.Namespace) -> Path:
    """The database to read; first OUT is checked (:func:`desktop.store.files.check_output`),
    so a refused output leaves every file as it was and nothing is opened or drawn."""
    db = Path(args.db).expanduser() if args.db else default_database_path()
    if args.out != "-":
        check_output(args.out, protect=(db,))
    return db


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.format.lower()
    if fmt in DOSSIER_FORMATS:
        return cmd_export_dossier(args, fmt)
    if args.as_of:
        raise _refuse("--as-of applies to markdown and pdf exports only")
    known = (*EXPORT_FORMATS, *IMAGE_FORMATS, *DOSSIER_FORMATS)
    if fmt not in known:
        raise _refuse(f"unknown export format {args.format!r}; choose {', '.join(known)}")
    build_filter(args)  # a bad range or grade is refused before any file is looked at
    db = _check_out(args)
    store = open_store(db, readonly=True)
    try:
        filters = build_filter(args, store)
        left_out: list[str] = []
        if fmt in IMAGE_FORMATS:
            count = _export_image(store, args.out, fmt, filters)
        else:  # a format that cannot hold BCE and deep time says what it left out
            form = EXPORT_FORMATS[fmt]
            extra = {"left_out": left_out} if form.cannot_hold else {}
            count = form.write(store, args.out, filters, **extra)
    finally:
        store.close()
    where = "standard output" if args.out == "-" else args.out
    print(f"exported {count:,} events to {where}", file=sys.stderr if args.out == "-" else None)
    if left_out:
        names = ", ".join(left_out[:3]) + (", ..." if len(left_out) > 3 else "")
        what = EXPORT_FORMATS[fmt].cannot_hold
        print(f"note: {len(left_out):,} events left out: {what} cannot hold dates before"
              f" the year 1 or after 9999 ({names})", file=sys.stderr)  # fmt: skip
    return 0


def cmd_export_dossier(args: argparse.Namespace, fmt: str) -> int:
    """``dossier export markdown|pdf OUT --org NAME [--as-of DATE]``: one dossier with its
    citations as footnotes. Written to a temporary file and renamed: a failure leaves OUT as
    it was."""
    from desktop.domain.partial_date import DateParseError
    from desktop.store.dossier import as_of_seconds
    from desktop.store.io.markdown import dossier_markdown, write_markdown
    from desktop.store.queries import find_organization

    if len(args.org) != 1:
        raise _refuse(f"export {fmt} takes exactly one --org NAME")
    if args.kind or args.tag or args.range:
        raise _refuse(f"export {fmt} takes --org, --as-of and --min-grade only")
    min_grade = parse_grade(args.min_grade)
    try:
        as_of = as_of_seconds(args.as_of or "")
    except DateParseError as exc:
        raise _refuse(f"--as-of: {exc}") from None
    if fmt == "pdf" and args.out == "-":
        raise _refuse("a PDF cannot be written to standard output; give a file name")
    store = open_store(_check_out(args), readonly=True)
    try:
        org = find_organization(store, args.org[0])
        if org is None:
            raise _refuse(f"no organization named {args.org[0]!r}")
        if fmt == "pdf":
            from desktop.ui.dossier.export import write_pdf

            write_pdf(store, org.id, args.out, as_of, min_grade=min_grade)
        elif args.out == "-":
            sys.stdout.write(dossier_markdown(store, org.id, as_of, min_grade=min_grade))
        else:
            write_markdown(store, org.id, args.out, as_of, min_grade=min_grade)
    finally:
        store.close()
    if args.out != "-":
        print(f"exported the {org.name} dossier to {args.out}")
    return 0
