"""An imported event's attributes: the columns no field took (every Timesketch column but the
message and its description), kept as the summary's last line ``extra: {"column": "value"}``
(JSON, in file order). :func:`split_attributes` reads them back for the details pane and the
exports; :func:`join_attributes` writes them."""

from __future__ import annotations

import json

EXTRA_PREFIX = "extra: "


def join_attributes(summary: str | None, attributes: dict[str, str]) -> str | None:
    """The summary with the attributes appended as its last line."""
    if not attributes:
        return summary
    line = EXTRA_PREFIX + json.dumps(attributes, ensure_ascii=False)
    return f"{summary}\n\n{line}" if summary else line


def split_attributes(summary: str | None) -> tuple[str | None, dict[str, str]]:
    """(the summary without its attributes line, the attributes). A last line that is not a
    JSON object after ``extra: `` is left in the text."""
    if not summary:
        return summary, {}
    head, sep, last = summary.rpartition("\n")
    if not last.startswith(EXTRA_PREFIX):
        return summary, {}
    try:
        value = json.loads(last[len(EXTRA_PREFIX) :])
    except ValueError:
        return summary, {}
    if not isinstance(value, dict):
        return summary, {}
    attributes = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}
    text = head.rstrip() if sep else ""
    return text or None, attributes
