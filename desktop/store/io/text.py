"""Saying what is wrong with text that is not what it should be: bytes that are not UTF-8 (the
byte and its offset in the file) and JSON nested deeper than Python's parser goes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any


def first_bad_utf8(path: Path) -> tuple[int, int] | None:
    """The first byte of ``path`` that is not UTF-8, and its offset (read up to it only)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(1 << 20)
            held = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return exc.object[exc.start], offset - held + exc.start
            if not chunk:
                return None
            offset += len(chunk)


def with_offset(reason: str, path: Path) -> str:
    """A row's 'not UTF-8 (byte 0xNN)' with the offset of the file's first such byte, when it
    is that byte."""
    bad = first_bad_utf8(path)
    if bad is None:
        return reason
    said = f"(byte 0x{bad[0]:02X})"
    return reason.replace(said, f"(byte 0x{bad[0]:02X} at offset {bad[1]:,})", 1)


def not_utf8(exc: UnicodeDecodeError, offset: int = 0) -> str:
    """What is wrong with bytes that are not UTF-8: the first bad byte and where it is."""
    byte = exc.object[exc.start] if exc.start < len(exc.object) else 0
    return f"is not UTF-8 text (byte 0x{byte:02X} at offset {offset + exc.start:,})"


class NestedTooDeeply(ValueError):
    """JSON nested deeper than Python's parser goes (a RecursionError, said as such)."""


def loads(raw: bytes | str) -> Any:
    """``json.loads``; a document nested too deeply raises :class:`NestedTooDeeply`."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise NestedTooDeeply("it is nested too deeply to read") from None
