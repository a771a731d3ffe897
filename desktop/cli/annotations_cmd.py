"""``dossier annotate`` and ``dossier annotations export|import``.

Every input is checked (against the database opened read-only) before the database is opened
for writing, so a refused command leaves every file as it was. Output comes only after the
commit: ``annotate`` prints the note's UUID, ``import`` its counts, ``export`` how many notes.

Thread: the main thread (command line).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.cli.errors import UserError
from desktop.store import annotations as notes
from desktop.store import bundle
from desktop.store.database import Store, open_store
from desktop.store.errors import ValidationError
from desktop.store.files import check_output
from desktop.store.library import default_database_path

SubFactory = Callable[[argparse._SubParsersAction, str, str], argparse.ArgumentParser]


def add_parsers(subs: argparse._SubParsersAction, sub_factory: SubFactory) -> None:
    """Declare ``annotate`` and ``annotations`` on the main parser's subcommands."""
    p = sub_factory(
        subs, "annotate", "add a note to an event, organization or claim, or change one"
    )
    p.add_argument("target", help="event:KEY, org:KEY or claim:KEY (keys: dossier search --json)")
    text = p.add_mutually_exclusive_group()
    text.add_argument("--note", metavar="TEXT", help="the note's text (Markdown)")
    text.add_argument("--note-file", metavar="FILE", help="read the text from FILE ('-': stdin)")
    p.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeat; replaces tags)")
    star = p.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    p.add_argument("--colour", metavar="NAME", help=f"{', '.join(notes.COLOURS)} or none")
    p.add_argument("--uuid", help="change this note (or create it with this UUID)")
    p.add_argument("--author", default=None, help="who wrote the text (default $DOSSIER_AUTHOR)")
    p.add_argument("--db", help="database file (default: your database)")

    p = sub_factory(subs, "annotations", "export notes to a bundle file, or import and merge one")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write notes (and deletions) to a bundle",
        description="Write notes, deleted ones included as tombstones, to a JSON bundle.",
    )
    export.add_argument("bundle", metavar="BUNDLE", help="bundle file to write")
    export.add_argument("--tag", action="append", metavar="T", help="only notes with this tag")
    export.add_argument("--starred", action="store_true", help="only starred notes")
    export.add_argument("--db", help="database file (default: your database)")
    merge = actions.add_parser(
        "import",
        help="merge a bundle into the database",
        description="Merge a bundle: newest change per field wins; conflicting texts are kept.",
    )
    merge.add_argument("bundle", metavar="BUNDLE", help="bundle file to read")
    merge.add_argument("--db", help="database file (default: your database)")


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_database_path()


def _note_text(args: argparse.Namespace) -> str | None:
    if args.note is not None:
        return str(args.note)
    if args.note_file is None:
        return None
    if args.note_file == "-":
        return sys.stdin.read()
    try:
        return Path(args.note_file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{args.note_file} is not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"cannot read {args.note_file}: {exc.strerror or exc}") from None


def _precheck(path: Path, check: Callable[[Store], None]) -> None:
    """Run ``check`` (reads only) before anything is written: the file is opened without
    upgrading it and closed without ``PRAGMA optimize``, so a refusal leaves the database and
    its folder exactly as they were (a read-only connection would leave WAL files behind)."""
    store = open_store(path, migrate=False)
    try:
        check(store)
    finally:
        store.conn.close()


def cmd_annotate(args: argparse.Namespace) -> int:
    """Create or change a note; prints its UUID once saved."""
    body = _note_text(args)
    tags = notes.normalize_tags(args.tag) if args.tag is not None else None
    colour = args.colour
    if colour is not None:
        notes.normalize_colour(colour)
    if body is None and tags is None and args.starred is None and colour is None:
        raise UserError("nothing to save: give --note, --note-file, --tag, --star or --colour")
    uid = notes.normalize_uuid(args.uuid) if args.uuid else None
    target = args.target.strip()
    notes.parse_target(target)

    def check(store: Store) -> None:
        existing = notes.get_annotation(store, uid) if uid else None
        if existing is None:
            notes.check_target(store, target)
        elif existing.target != target:
            raise ValidationError(f"annotation {uid} belongs to {existing.target}, not {target}")

    path = _db_path(args)
    _precheck(path, check)
    store = open_store(path)
    try:
        note = notes.save_annotation(
            store,
            uuid=uid,
            target=target,
            body=body,
            tags=tags,
            starred=args.starred,
            colour=colour,
            author=args.author or os.environ.get("DOSSIER_AUTHOR") or None,
        )
    finally:
        store.close()
    print(note.uuid)
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    """``annotations export BUNDLE`` or ``annotations import BUNDLE``."""
    path = _db_path(args)
    target = Path(args.bundle).expanduser()
    if args.action == "export":
        check_output(target, protect=(path,))  # before the database is opened
        store = open_store(path, readonly=True)
        try:
            count = bundle.export_bundle(
                store, target, tag=args.tag, starred=True if args.starred else None
            )
        finally:
            store.close()
        print(f"exported {count} annotation{'s' * (count != 1)} to {target}")
        return 0
    states = bundle.read_bundle(target)
    _precheck(path, lambda store: bundle.check_states(store, states))
    store = open_store(path)
    try:
        report = bundle.merge_states(store, states)
    finally:
        store.close()
    print(report)
    return 0
