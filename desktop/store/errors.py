"""Errors the store raises for a file it will not open or write.

Each carries a one-line message meant for a person; the command line prints it as is and the
window shows it in a dialog. None of them is raised after anything was written.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the database was refused or a write failed; the file is unchanged."""


class NotADatabaseError(StoreError):
    """The file is not SQLite at all (or is empty)."""


class CorruptDatabaseError(StoreError):
    """SQLite reports the file as damaged."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Dossier whose schema this version does not know."""


class ReadOnlyError(StoreError):
    """The file (or its folder) cannot be written."""


class LockedError(StoreError):
    """Another program holds a write lock on the file."""


class MissingDatabaseError(StoreError):
    """No file at that path."""


class ValidationError(StoreError):
    """A value given for a write is not acceptable (bad date, unknown key, ...)."""
