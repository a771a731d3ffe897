"""Benchmark results and the ``--json`` document that programs read."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop import __version__


@dataclass
class Result:
    bench: str
    name: str
    value: float
    unit: str
    events: int
    target: float | None = None
    higher_is_better: bool = False
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("higher_is_better")
        out.pop("context")
        out["value"] = round(self.value, 3)
        out["ok"] = self.ok
        out.update(self.context)
        return out


def environment() -> dict[str, Any]:
    try:
        from PySide6 import __version__ as qt_version
    except ImportError:  # pragma: no cover - Qt is a dependency
        qt_version = None
    return {
        "version": __version__,
        "python": platform.python_version(),
        "qt": qt_version,
        "sqlite": sqlite3.sqlite_version,
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpus": os.cpu_count(),
    }


def document(results: list[Result]) -> dict[str, Any]:
    return {**environment(), "results": [r.as_json() for r in results]}


def print_table(results: list[Result], out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    print(
        f"{'bench':<10} {'name':<24} {'events':>9} {'value':>11} {'unit':<9} {'target':>8}  ok",
        file=out,
    )
    for r in results:
        extra = " ".join(f"{k}={v}" for k, v in r.context.items())
        target = "" if r.target is None else f"{r.target:g}"
        ok = {True: "yes", False: "NO", None: ""}[r.ok]
        print(
            f"{r.bench:<10} {r.name:<24} {r.events:>9,} {r.value:>11.2f} {r.unit:<9} {target:>8}"
            f"  {ok} {extra}",
            file=out,
        )
