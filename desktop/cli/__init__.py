"""The ``dossier`` command: the window and scriptable subcommands over the same functions.

Exit codes: 0 success, 1 refused or failed (bad file, bad input, newer schema, locked), 2 usage.
Errors are one line on stderr; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import textwrap
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.errors import UserError
from desktop.store.errors import DISK_FULL, StoreError, describe, is_disk_full

EXAMPLES = {
    "open": "dossier ~/analysis.db",
    "init": "dossier init ~/waic.db",
    "screenshot": "dossier screenshot shot.png --org SenseTime --range 2024-05 2024-08",
    "search": "dossier search 千问 --json",
    "check": "dossier check ~/waic.db",
    "bench": "dossier bench timeline --events 100000 --json",
    "annotate": "dossier annotate event:waic-2024 --note 'Ask about the 2025 dates' --tag todo",
    "annotations": "dossier annotations export notes.json --tag todo",
    "import": "dossier import events.csv --map Headline=title --map When=start --dry-run",
    "export": "dossier export ics waic.ics --org SenseTime --range 2024-05 2024-08",
}


def _sub(subs: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    return subs.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"example:\n  {EXAMPLES[name]}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="A timeline of events beside per-organization dossiers, in one SQLite file.",
        epilog=textwrap.dedent(
            """\
            Run 'dossier' alone to open the window on your database (created from the seed
            dossier on first run), or 'dossier PATH.db' to open that file.
            example:
              dossier init ~/waic.db && dossier ~/waic.db"""
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument(
        "--lang", metavar="LANG", help="interface language: en or zh_CN (default: View ▸ Language)"
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _sub(subs, "open", "open the window (the default command)")
    p.add_argument("db", nargs="?", help="database file (default: your database)")
    p.add_argument("--read-only", action="store_true", help="browse without changing the file")

    p = _sub(subs, "init", "create a database from the seed dossier (or an empty one)")
    p.add_argument("db", help="database file to create")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("--empty", action="store_true", help="no seed dossier: schema only, no data")

    p = _sub(subs, "screenshot", "render the main window offscreen to a PNG and exit")
    p.add_argument("out", help="PNG file to write")
    p.add_argument("--db", help="database file (default: your database)")
    p.add_argument("--org", help="open this organization's dossier (name, Chinese name or key)")
    p.add_argument("--range", nargs=2, metavar=("START", "END"), help="visible time range")
    p.add_argument("--size", default="1600x1000", help="window size WxH (default 1600x1000)")
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme")
    p.add_argument("--focus", metavar="event:KEY", help="show this event as 'go to event' does")
    p.add_argument("--layout", metavar="FILE.json", help="also write what the timeline drew")

    p = _sub(subs, "search", "print the best matches (names first) and how many there are")
    p.add_argument("query")
    p.add_argument("--db", help="database file (default: your database)")
    p.add_argument("--json", action="store_true", help="print JSON: query, total, results")
    p.add_argument("--limit", type=int, default=50, help="results to print (default 50)")

    p = _sub(subs, "check", "check a database: schema, integrity, links, search index")
    p.add_argument("db")

    p = _sub(subs, "bench", "print benchmark figures")
    p.add_argument(
        "what", nargs="*", help="timeline, dossier, annotations, search, import (default: all)"
    )
    p.add_argument("--events", type=int, action="append", help="generated events (repeatable)")
    p.add_argument("--db", help="measure on this database instead of generated data")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    from desktop.cli.annotations_cmd import add_parsers as add_annotation_parsers

    add_annotation_parsers(subs, _sub)
    from desktop.cli.io_cmd import add_parsers as add_io_parsers

    add_io_parsers(subs, _sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli.commands import take_lang

    lang, args_list = take_lang(args_list)  # a global option, before or after the command
    commands = {
        "open",
        "init",
        "screenshot",
        "search",
        "check",
        "bench",
        "annotate",
        "annotations",
        "import",
        "export",
    }
    # `dossier PATH.db` and bare `dossier` mean `dossier open ...`
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help", "--version") for a in args_list)
    if (first is None or first not in commands) and not wants_help:
        args_list = (
            [a for a in args_list if a == "--debug"]
            + ["open"]
            + [a for a in args_list if a != "--debug"]
        )
    parser = build_parser()
    args = parser.parse_args(args_list)
    args.lang = lang
    from desktop.cli import commands as cmds

    handler = getattr(cmds, f"cmd_{args.command}")
    try:
        cmds.use_lang(lang)
        return int(handler(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("dossier: interrupted", file=sys.stderr)
        return 1
    except (StoreError, UserError, *UNEXPECTED) as exc:
        if args.debug:
            raise
        print(f"dossier: {one_line(exc, args)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a fault in Dossier itself: still one line, --debug tells where
        if args.debug:
            raise
        what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        print(f"dossier: internal error ({what}); run with --debug for details", file=sys.stderr)
        return 1


# the one error boundary: whatever a command meets becomes one line on stderr and exit 1
UNEXPECTED = (sqlite3.Error, OSError, RecursionError, OverflowError, UnicodeError, MemoryError)


def one_line(exc: BaseException, args: argparse.Namespace) -> str:
    """The message for ``exc``: a refusal's own, or one said in terms of the input; "the disk
    is full" when a full disk is the cause, whatever SQLite says about it."""
    from desktop.store.library import default_database_path

    places = [getattr(args, name, None) for name in ("db", "out", "file", "bundle")]
    places = [p for p in places if isinstance(p, str) and p != "-"]
    places += [default_database_path(), tempfile.gettempdir(), "."]
    if is_disk_full(exc, places) or (isinstance(exc, StoreError) and DISK_FULL in str(exc)):
        return DISK_FULL
    text = str(exc) if isinstance(exc, (StoreError, UserError)) else describe(exc, places)
    return " ".join(text.split()) or type(exc).__name__
