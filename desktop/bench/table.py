"""Turn ``dossier bench --json`` output into the README's benchmark table.

    dossier bench --json > docs/bench.json
    python -m desktop.bench.table docs/bench.json --readme README.md

rewrites the part of README.md between ``<!-- bench:start -->`` and ``<!-- bench:end -->``;
a test checks the README matches docs/bench.json, so the table cannot drift from what was
measured.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def markdown(doc: dict[str, Any]) -> str:
    head = (
        f"Measured with Dossier {doc['version']}, Python {doc['python']}, Qt {doc['qt']}, "
        f"SQLite {doc['sqlite']}, {doc['cpus']} CPUs ({doc['platform']}), offscreen 1600×900.\n\n"
        "| bench | figure | events | value | target | ok |\n"
        "| --- | --- | ---: | ---: | ---: | --- |"
    )
    rows = [head]
    for r in doc["results"]:
        name = r["name"] + (f" ({r['zoom']})" if r.get("zoom") else "")
        target = "" if r["target"] is None else f"{r['target']:g} {r['unit']}"
        ok = {True: "yes", False: "**no**", None: ""}[r["ok"]]
        rows.append(
            f"| {r['bench']} | {name} | {r['events']:,} | {r['value']:,.1f} {r['unit']} "
            f"| {target} | {ok} |"
        )
    return "\n".join(rows)


def replace_section(text: str, table: str) -> str:
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        raise ValueError(f"README has no {START} marker")
    return f"{before}{START}\n{table}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.table")
    parser.add_argument("json_file")
    parser.add_argument("--readme", help="rewrite this file's benchmark section in place")
    args = parser.parse_args(argv)
    table = markdown(json.loads(Path(args.json_file).read_text(encoding="utf-8")))
    if args.readme:
        path = Path(args.readme)
        path.write_text(replace_section(path.read_text(encoding="utf-8"), table), encoding="utf-8")
    else:
        print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
