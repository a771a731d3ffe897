"""The CLI's refusal: one line on stderr and exit 1 (``desktop.cli.main`` is the boundary).

Its own module so that the command modules can raise it without importing ``desktop.cli``,
which imports them.
"""

from __future__ import annotations


class UserError(Exception):
    """A refusal with a one-line message (exit 1)."""
