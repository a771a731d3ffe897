"""The store's and the domain's messages in the interface language.

``desktop/store`` and ``desktop/domain`` have no Qt: their refusals, errors, import skip reasons
and notes are one-line English sentences (the command line prints them as they are). Where the
window shows one, :func:`store_text` reads it back with the table below and writes it in the
interface language: each entry is the store's own sentence as a template, its variable parts
named (``{path}``, ``{n}``), marked for pyside6-lupdate under the context "Store" so its Chinese
lives in resources/i18n/dossier_zh_CN.ts like every other message. A template becomes a pattern
(its words literal, each ``{name}`` any text); the longest matching template wins.

The variable parts are kept as they are (paths, numbers, names, the person's data), except:
``{reason}`` (and each "; "-separated part of ``{problems}``) is itself a store message, read
again; ``{kind}``, ``{field}`` and ``{type}`` are words of the store's (an event, a folder, true
/false) translated from :data:`WORDS` when listed. A message no template matches comes back
unchanged: nothing is ever lost. In English every function returns its text unchanged.

tests/ui/test_store_text.py builds real messages through the store and scans desktop/store and
desktop/domain for sentences this table does not know.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.i18n import active_language, translate

CONTEXT = "Store"

# fmt: off
_TEMPLATES = (  # QT_TRANSLATE_NOOP returns its text, typed object
    # -- opening, locking, writing (store/errors.py, database.py, verify.py, lock.py) ---------
    QT_TRANSLATE_NOOP("Store", "the disk is full; nothing was written"),
    QT_TRANSLATE_NOOP("Store", "the disk is full"),
    QT_TRANSLATE_NOOP("Store", "out of memory; nothing was written"),
    QT_TRANSLATE_NOOP("Store", "{path} is locked by another program; close it there and try again"),
    QT_TRANSLATE_NOOP("Store", "{path} cannot be written (read-only file or folder)"),
    QT_TRANSLATE_NOOP("Store", "{path} is not an SQLite database"),
    QT_TRANSLATE_NOOP("Store", "{path} is not an SQLite database; nothing was changed"),
    QT_TRANSLATE_NOOP("Store", "{path} is empty; nothing was changed"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is damaged ({reason}); restore a backup or run 'dossier check'",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is damaged ({reason}); nothing was written: it can only be opened read-only; "
        "restore a backup, or see 'dossier check'",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "the database is damaged ({reason}); run 'dossier check' or restore a backup",
    ),
    QT_TRANSLATE_NOOP("Store", "the database refused: {reason}"),
    QT_TRANSLATE_NOOP("Store", "{path} is not a file"),
    QT_TRANSLATE_NOOP("Store", "{path} does not exist"),
    QT_TRANSLATE_NOOP("Store", "{path} is open read-only"),
    QT_TRANSLATE_NOOP("Store", "{path} cannot be read (permission denied)"),
    QT_TRANSLATE_NOOP("Store", "{path} cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("Store", "cannot create {path}: the folder is not writable"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is read-only; open it with --read-only to browse without changes",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is not as Dossier made it, so nothing was opened or changed ({problems}); drop "
        "what Dossier did not create (with sqlite3 or sqlite-utils) or restore a backup",
    ),
    QT_TRANSLATE_NOOP("Store", "not created by Dossier: {names}"),
    QT_TRANSLATE_NOOP("Store", "changed outside Dossier: {names}"),
    QT_TRANSLATE_NOOP("Store", "missing: {names}"),
    QT_TRANSLATE_NOOP("Store", "damaged: {reason}"),
    QT_TRANSLATE_NOOP("Store", "its header gives an impossible page size ({n})"),
    QT_TRANSLATE_NOOP("Store", "its size ({size} bytes) is not a whole number of {n}-byte pages"),
    QT_TRANSLATE_NOOP("Store", "it is cut short: {n} of its {total} pages are there"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} has an older schema (version {version}) that must be upgraded before it can be "
        "read, which opening it read-only does not allow; open it once for writing (e.g. "
        "'dossier PATH')",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} was written by a newer Dossier (schema {version}; this version knows up to "
        "{known}); update Dossier to open it",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} records schema changes this Dossier does not know ({names}); update Dossier to "
        "open it",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is an empty SQLite database, not a Dossier database; nothing was changed (make "
        "one with 'dossier init')",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is an SQLite database but not a Dossier database; nothing was changed",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is already open in another Dossier window (pid {pid}); switch to that window "
        "or close it first",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is already open in another Dossier window; switch to that window or close it "
        "first",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is open in a Dossier window (pid {pid}); close it before replacing the file",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is open in a Dossier window; close it before replacing the file",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is open in another program or a Dossier command is using it; try again when it "
        "has finished",
    ),
    QT_TRANSLATE_NOOP("Store", "the lock folder {folder} is a symbolic link; not used"),
    QT_TRANSLATE_NOOP("Store", "the lock folder {folder} is not a folder"),
    QT_TRANSLATE_NOOP("Store", "the lock folder {folder} belongs to another user; not used"),
    QT_TRANSLATE_NOOP(
        "Store",
        "the lock folder {folder} can be written by other users; not used (make it private: "
        "chmod 700 {folder})",
    ),
    QT_TRANSLATE_NOOP("Store", "the lock file {path} is not a private file; not used"),
    QT_TRANSLATE_NOOP("Store", "the lock file {path} is a symbolic link; not used"),
    QT_TRANSLATE_NOOP("Store", "cannot make the lock folder {folder}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "cannot use the lock folder {folder}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "cannot open the lock file {path}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "{path} already exists"),
    QT_TRANSLATE_NOOP("Store", "could not create {path}: {reason}"),
    # -- copies, backups and exports (backup.py, files.py, exporters.py) -----------------------
    QT_TRANSLATE_NOOP("Store", "could not write {path}: {reason}; nothing was written"),
    QT_TRANSLATE_NOOP("Store", "could not write {path}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "could not write {path}"),
    QT_TRANSLATE_NOOP("Store", "the copy did not pass its integrity check ({reason})"),
    QT_TRANSLATE_NOOP("Store", "{path} is not a file name"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{path} is the database itself (the open database); choose another file",
    ),
    QT_TRANSLATE_NOOP("Store", "{path} is part of the open database {db}; choose another file"),
    QT_TRANSLATE_NOOP("Store", "cannot write {path}: {folder} is not a folder"),
    QT_TRANSLATE_NOOP("Store", "cannot write {path}: the folder is not a folder"),
    QT_TRANSLATE_NOOP("Store", "cannot write {path}: the folder does not exist"),
    QT_TRANSLATE_NOOP("Store", "cannot write {path}: the folder is not writable"),
    QT_TRANSLATE_NOOP("Store", "cannot write {path}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "{path} is a symbolic link; name the real file"),
    QT_TRANSLATE_NOOP("Store", "{path} is a folder; give a file name"),
    QT_TRANSLATE_NOOP("Store", "{path} is a device, not a file"),
    QT_TRANSLATE_NOOP("Store", "{path} is a pipe (FIFO), not a file"),
    QT_TRANSLATE_NOOP("Store", "{path} is a socket, not a file"),
    QT_TRANSLATE_NOOP("Store", "{path} is not a regular file"),
    QT_TRANSLATE_NOOP("Store", "{path} is a SQLite database; an export never replaces one"),
    QT_TRANSLATE_NOOP("Store", "{path} is under {folder}, a system folder; not written"),
    QT_TRANSLATE_NOOP("Store", "{path} belongs to the database {db}; choose another file"),
    QT_TRANSLATE_NOOP("Store", "{path} is in the cache folder of the database {db}"),
    # -- reading input (errors.py describe, io/text.py) ----------------------------------------
    QT_TRANSLATE_NOOP("Store", "the input is nested too deeply to be read"),
    QT_TRANSLATE_NOOP("Store", "a number or date in the input is out of range ({reason})"),
    QT_TRANSLATE_NOOP("Store", "the input is not UTF-8 text (byte {byte} at offset {offset})"),
    QT_TRANSLATE_NOOP("Store", "the text cannot be encoded or decoded ({reason})"),
    # -- editing (edits.py, edits_fields.py, annotations.py, views.py, filters.py) ------------
    QT_TRANSLATE_NOOP("Store", "{kind} {field}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "is required"),
    QT_TRANSLATE_NOOP("Store", "must be one of {choices}"),
    QT_TRANSLATE_NOOP("Store", "{value} is not a number"),
    QT_TRANSLATE_NOOP("Store", "{value} is not an id"),
    QT_TRANSLATE_NOOP("Store", "no {kind} with id {id}"),
    QT_TRANSLATE_NOOP("Store", "give the {kind} this reason explains"),
    QT_TRANSLATE_NOOP("Store", "is before the start"),
    QT_TRANSLATE_NOOP("Store", "is an organization or a person, not both"),
    QT_TRANSLATE_NOOP("Store", "a claim has one subject"),
    QT_TRANSLATE_NOOP("Store", "give an organization or a product"),
    QT_TRANSLATE_NOOP("Store", "must be another organization"),
    QT_TRANSLATE_NOOP("Store", "an organization cannot be its own parent"),
    QT_TRANSLATE_NOOP("Store", "this person already has that title there"),
    QT_TRANSLATE_NOOP("Store", "events policy must be one of {choices}"),
    QT_TRANSLATE_NOOP("Store", "cannot edit a {kind}"),
    QT_TRANSLATE_NOOP("Store", "cannot restore {kind} {what}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "unknown colour {colour}; choose from {choices}"),
    QT_TRANSLATE_NOOP(
        "Store",
        "annotation target must be event:KEY, org:KEY or claim:KEY, not {target}",
    ),
    QT_TRANSLATE_NOOP("Store", "no {kind} with key {key} (target {target})"),
    QT_TRANSLATE_NOOP("Store", "no annotation {uuid}"),
    QT_TRANSLATE_NOOP("Store", "an annotation's body must be text"),
    QT_TRANSLATE_NOOP("Store", "rename_tag needs two non-empty tags"),
    QT_TRANSLATE_NOOP("Store", "a tag must be text, not {tag}"),
    QT_TRANSLATE_NOOP("Store", "a tag cannot be empty"),
    QT_TRANSLATE_NOOP("Store", "{value} is not a UUID"),
    QT_TRANSLATE_NOOP("Store", "annotation {uuid} has no version {version}"),
    QT_TRANSLATE_NOOP("Store", "annotation {uuid} belongs to {target}, not {other}"),
    QT_TRANSLATE_NOOP("Store", "a saved view needs a name"),
    QT_TRANSLATE_NOOP("Store", "a view's name is limited to {n} characters"),
    QT_TRANSLATE_NOOP("Store", "unknown lane grouping {name}"),
    QT_TRANSLATE_NOOP("Store", "no organization matches {name}"),
    QT_TRANSLATE_NOOP("Store", "no organization with id {id}"),
    # -- dates and grades (domain/partial_date*.py, domain/grades.py, domain/filters.py) ------
    QT_TRANSLATE_NOOP("Store", "cannot read {text} as a date or date range"),
    QT_TRANSLATE_NOOP("Store", "cannot read {text} as a date range: it ends before it starts"),
    QT_TRANSLATE_NOOP("Store", "cannot read {text} as a date: it starts with a dash"),
    QT_TRANSLATE_NOOP(
        "Store",
        "cannot read {text} as a date: before the year 1 or after 9999 a date is known to the "
        "year only",
    ),
    QT_TRANSLATE_NOOP("Store", "cannot read {text} as a date: {reason}"),
    QT_TRANSLATE_NOOP("Store", "cannot read {text} as a date"),
    QT_TRANSLATE_NOOP("Store", "cannot read {text}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "year {year} is outside {low}..{high}"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{year} can only be a year: months, days and qualifiers need a year from 1 to 9999",
    ),
    QT_TRANSLATE_NOOP("Store", "month {month} is outside 1..12"),
    QT_TRANSLATE_NOOP("Store", "hour and minute go together"),
    QT_TRANSLATE_NOOP("Store", "a day needs a month"),
    QT_TRANSLATE_NOOP("Store", "day {day} is outside 1..{last} for that month"),
    QT_TRANSLATE_NOOP("Store", "a time needs a day"),
    QT_TRANSLATE_NOOP("Store", "{time} is not a time of day"),
    QT_TRANSLATE_NOOP("Store", "unknown qualifier {name}"),
    QT_TRANSLATE_NOOP("Store", "a qualifier cannot apply to a day"),
    QT_TRANSLATE_NOOP("Store", "{name} cannot apply to a month"),
    QT_TRANSLATE_NOOP("Store", "a bare number is not a time; write 09:00 or 9am"),
    QT_TRANSLATE_NOOP("Store", "hour {hour} does not fit {ampm}"),
    QT_TRANSLATE_NOOP("Store", "a source's reliability is a letter A–F, not {value}"),
    QT_TRANSLATE_NOOP("Store", "a citation's credibility is a digit 1–6, not {value}"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{value} is not a grade: a letter A–F (the source) and a digit 1–6 (the information), "
        "such as B2",
    ),
    QT_TRANSLATE_NOOP("Store", "a filter's range must end after it starts"),
    # -- importing (io/formats.py, importers.py, readers.py, records.py, jsonl.py, timelinejs.py)
    QT_TRANSLATE_NOOP("Store", "row {n}"),
    QT_TRANSLATE_NOOP("Store", "line {n}"),
    QT_TRANSLATE_NOOP("Store", "row {n}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "line {n}: {reason}"),
    QT_TRANSLATE_NOOP("Store", "a column mapping does not apply to TimelineJS files"),
    QT_TRANSLATE_NOOP("Store", "unknown format {name}; choose from {choices}"),
    QT_TRANSLATE_NOOP("Store", "import of {name} cancelled; nothing was written"),
    # (io/child.py, io/parallel.py: a big import's reading process)
    QT_TRANSLATE_NOOP(
        "Store",
        "the import's scratch files in {path} could not be written ({reason}); is the temporary "
        "folder full? Nothing was written",
    ),
    QT_TRANSLATE_NOOP("Store", "the import's reader process failed: {reason}"),
    QT_TRANSLATE_NOOP("Store", "the import's reader process stopped ({reason})"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: {n} of {total} rows cannot be imported (first: {first}); nothing was written "
        "(fix them, or import the rest with --partial)",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: {n} of {total} rows cannot be imported; nothing was written (fix them, or "
        "import the rest with --partial)",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: a row cannot be imported (first: {first}); the file changed since it was "
        "checked; nothing was written (fix them, or import the rest with --partial)",
    ),
    QT_TRANSLATE_NOOP("Store", "{name} holds no JSON object per line (it has none)"),
    QT_TRANSLATE_NOOP("Store", "{name} holds no JSON object per line: {reason}"),
    QT_TRANSLATE_NOOP("Store", "is {type}, not an object"),
    QT_TRANSLATE_NOOP("Store", "is longer than {n} MB"),
    QT_TRANSLATE_NOOP(
        "Store",
        "is not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8",
    ),
    QT_TRANSLATE_NOOP("Store", "is nested too deeply to read"),
    QT_TRANSLATE_NOOP("Store", "is not valid JSON ({reason})"),
    QT_TRANSLATE_NOOP("Store", "the line {reason}"),
    QT_TRANSLATE_NOOP("Store", "a JSON object is expected, not {type}"),
    QT_TRANSLATE_NOOP("Store", "not in the first object (mapped anyway): {names}"),
    QT_TRANSLATE_NOOP("Store", "the first object has no title field (message, title, ...)"),
    QT_TRANSLATE_NOOP(
        "Store",
        "unknown field {name} in the mapping; fields are {fields} (or '{ignore}' to leave a "
        "column out, '{extra}' to keep it in the summary)",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: no column for the title (columns: {columns}); name one with --map COLUMN=title",
    ),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: no column for the date (columns: {columns}); name one with --map COLUMN=start",
    ),
    QT_TRANSLATE_NOOP("Store", "no date (datetime or timestamp)"),
    QT_TRANSLATE_NOOP("Store", "{name} has no header row naming its columns"),
    QT_TRANSLATE_NOOP("Store", "{name} row {n}: cannot read it as CSV ({reason})"),
    QT_TRANSLATE_NOOP("Store", "{name}: not {encoding} text ({reason})"),
    QT_TRANSLATE_NOOP("Store", "the file has no column {column} (its columns: {columns})"),
    QT_TRANSLATE_NOOP("Store", "both {column} and {other} are mapped to {field}"),
    QT_TRANSLATE_NOOP("Store", "'timestamp' should be microseconds since 1970, not {value}"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name}: the header is not UTF-8 text (byte {byte} at offset {offset}); save as UTF-8",
    ),
    QT_TRANSLATE_NOOP("Store", "{name}: the header is not UTF-8 text; save as UTF-8"),
    QT_TRANSLATE_NOOP("Store", "{name}: cannot read the header as CSV ({reason})"),
    QT_TRANSLATE_NOOP(
        "Store",
        "the time {value} is out of range: in UTC it falls outside the years 1 to 9999",
    ),
    QT_TRANSLATE_NOOP("Store", "the time {value} is out of range: {reason}"),
    QT_TRANSLATE_NOOP("Store", "{n} values, but the header names {width} columns"),
    QT_TRANSLATE_NOOP("Store", "columns kept in the summary's 'extra:' line: {names}"),
    QT_TRANSLATE_NOOP("Store", "'{name}' is not UTF-8 text (byte {byte}); save the file as UTF-8"),
    QT_TRANSLATE_NOOP(
        "Store",
        "'{name}' is not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8",
    ),
    QT_TRANSLATE_NOOP("Store", "'era' should be yes or no, not {value}"),
    QT_TRANSLATE_NOOP("Store", "'{name}' should be text, not {type}"),
    QT_TRANSLATE_NOOP("Store", "'{name}' is {size} kB, more than the {limit} kB limit"),
    QT_TRANSLATE_NOOP("Store", "'{name}' contains a NUL character"),
    QT_TRANSLATE_NOOP("Store", "no start date"),
    QT_TRANSLATE_NOOP("Store", "the end {end} is before the start {start}"),
    QT_TRANSLATE_NOOP("Store", "'{name}' is too long to be a date ({n} characters)"),
    QT_TRANSLATE_NOOP("Store", "the key is longer than {n} characters"),
    QT_TRANSLATE_NOOP("Store", "the key contains control characters"),
    QT_TRANSLATE_NOOP("Store", "no title"),
    QT_TRANSLATE_NOOP("Store", "{where}.{name} should be a whole number, not {value}"),
    QT_TRANSLATE_NOOP("Store", "{where}.{name} should be a number, not true/false"),
    QT_TRANSLATE_NOOP("Store", "no headline, text or media to name the event"),
    QT_TRANSLATE_NOOP("Store", "{where} should be an object with a year"),
    QT_TRANSLATE_NOOP("Store", "{where} has no year"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{where}: the year {year} is as far as Dossier goes (20 billion years either way)",
    ),
    QT_TRANSLATE_NOOP("Store", "{name} is larger than {n} MB"),
    QT_TRANSLATE_NOOP("Store", "{name} is not a TimelineJS file: it has no 'events' list"),
    QT_TRANSLATE_NOOP(
        "Store",
        "{name} is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8",
    ),
    QT_TRANSLATE_NOOP("Store", "{name} is nested too deeply to be TimelineJS"),
    QT_TRANSLATE_NOOP("Store", "{name} is not valid JSON ({reason})"),
    QT_TRANSLATE_NOOP("Store", "{name}: '{field}' should be a list"),
    QT_TRANSLATE_NOOP("Store", "a slide should be an object"),
    QT_TRANSLATE_NOOP("Store", "'text' should be an object with a headline"),
    QT_TRANSLATE_NOOP("Store", "dossier.orgs should be a list of names"),
    QT_TRANSLATE_NOOP("Store", "'{name}' is nested too deeply to keep"),
    QT_TRANSLATE_NOOP("Store", "the title slide is the timeline's title, not an event"),
    QT_TRANSLATE_NOOP("Store", "the title slide ({name}) is the timeline's title, not an event"),
    # what SQLite says most often (inside a message of the store's)
    QT_TRANSLATE_NOOP("Store", "database disk image is malformed"),
    QT_TRANSLATE_NOOP("Store", "file is not a database"),
    QT_TRANSLATE_NOOP("Store", "database is locked"),
    QT_TRANSLATE_NOOP("Store", "disk I/O error"),
    QT_TRANSLATE_NOOP("Store", "attempt to write a readonly database"),
    QT_TRANSLATE_NOOP("Store", "unable to open database file"),
    QT_TRANSLATE_NOOP("Store", "database or disk is full"),
    # the most general last (by length anyway): "PATH: what SQLite or the system said"
    QT_TRANSLATE_NOOP("Store", "{path}: {reason}"),
)

# the store's words that fill a {kind}, {field} or {type}: a kind of row, a field's label
# (edits_fields.py LABELS, in lower case), a JSON value's kind
_WORDS = (
    QT_TRANSLATE_NOOP("Store", "org"), QT_TRANSLATE_NOOP("Store", "organization"),
    QT_TRANSLATE_NOOP("Store", "event"), QT_TRANSLATE_NOOP("Store", "person"),
    QT_TRANSLATE_NOOP("Store", "role"), QT_TRANSLATE_NOOP("Store", "product"),
    QT_TRANSLATE_NOOP("Store", "claim"), QT_TRANSLATE_NOOP("Store", "metric"),
    QT_TRANSLATE_NOOP("Store", "relationship"), QT_TRANSLATE_NOOP("Store", "citation"),
    QT_TRANSLATE_NOOP("Store", "source"), QT_TRANSLATE_NOOP("Store", "annotation"),
    QT_TRANSLATE_NOOP("Store", "name"), QT_TRANSLATE_NOOP("Store", "title"),
    QT_TRANSLATE_NOOP("Store", "start date"), QT_TRANSLATE_NOOP("Store", "end date"),
    QT_TRANSLATE_NOOP("Store", "parent"), QT_TRANSLATE_NOOP("Store", "owner"),
    QT_TRANSLATE_NOOP("Store", "claimant"), QT_TRANSLATE_NOOP("Store", "subject"),
    QT_TRANSLATE_NOOP("Store", "target"), QT_TRANSLATE_NOOP("Store", "target kind"),
    QT_TRANSLATE_NOOP("Store", "founded"), QT_TRANSLATE_NOOP("Store", "released"),
    QT_TRANSLATE_NOOP("Store", "value"), QT_TRANSLATE_NOOP("Store", "date"),
    QT_TRANSLATE_NOOP("Store", "as of"), QT_TRANSLATE_NOOP("Store", "since"),
    QT_TRANSLATE_NOOP("Store", "status"), QT_TRANSLATE_NOOP("Store", "kind"),
    QT_TRANSLATE_NOOP("Store", "reliability"), QT_TRANSLATE_NOOP("Store", "credibility"),
    QT_TRANSLATE_NOOP("Store", "reason for the credibility"),
    QT_TRANSLATE_NOOP("Store", "reason for the reliability"),
    QT_TRANSLATE_NOOP("Store", "a list"), QT_TRANSLATE_NOOP("Store", "a string"),
    QT_TRANSLATE_NOOP("Store", "true/false"), QT_TRANSLATE_NOOP("Store", "null"),
    QT_TRANSLATE_NOOP("Store", "a number"),
)
# fmt: on
TEMPLATES: tuple[str, ...] = tuple(str(t) for t in _TEMPLATES)
WORDS: tuple[str, ...] = tuple(str(w) for w in _WORDS)

NESTED = frozenset({"reason", "first"})  # a store message in its own right
LISTED = frozenset({"problems"})  # store messages joined by "; "
WORDED = frozenset({"kind", "field", "type"})  # one of WORDS
_NUMBER = r"[\d,]+"
NUMBERS = frozenset({"n", "total", "pid", "version", "known", "width", "limit", "size"})  # digits
# a kind is one of WORDS (or quoted) and a field's label a few words, never a path or any
# text: "row x: y" is not a field's error
_KIND = "|".join(re.escape(w) for w in WORDS) + "|'[^']*'"
SHAPES = {name: _NUMBER for name in NUMBERS} | {"kind": f"(?:{_KIND})", "field": r"[\w' ]+?"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def pattern_of(template: str) -> re.Pattern[str]:
    """The template as a pattern: its words literal, each ``{name}`` a named group (its shape
    in SHAPES, else any text; a name used again must repeat its text)."""
    out, seen, at = [], set(), 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[at : m.start()]))
        name = m.group(1)
        if name in seen:
            out.append(f"(?P={name})")
        else:
            seen.add(name)
            out.append(f"(?P<{name}>{SHAPES.get(name, '.+?')})")
        at = m.end()
    out.append(re.escape(template[at:]))
    return re.compile("".join(out), re.S)


@functools.cache
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The templates, the most specific (the most literal text) first."""
    ordered = sorted(TEMPLATES, key=lambda t: -len(_PLACEHOLDER.sub("", t)))
    return tuple((pattern_of(t), t) for t in ordered)


def match(message: str) -> tuple[str, dict[str, str]] | None:
    """The template ``message`` was written from, with its variable parts (None: unknown)."""
    for pattern, template in _table():
        found = pattern.fullmatch(message)
        if found:
            return template, found.groupdict()
    return None


def _part(name: str, value: str) -> str:
    if name in NESTED:
        return store_text(value)
    if name in LISTED:
        return "; ".join(store_text(p) for p in value.split("; "))
    if name in WORDED and value in WORDS:
        return translate(CONTEXT, value)
    return value


def store_text(message: object) -> str:
    """A message of the store's (an exception or its text) in the interface language; a message
    the table does not know comes back as it is."""
    text = str(message)
    if active_language() == "en" or not text:
        return text
    found = match(text)
    if found is None:
        return text
    template, parts = found
    try:
        return translate(CONTEXT, template).format_map(
            {name: _part(name, value) for name, value in parts.items()}
        )
    except (KeyError, IndexError, ValueError):  # a translation with other placeholders
        return text
