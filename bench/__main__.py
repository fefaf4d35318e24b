"""Run every benchmark module and print one table: ``python -m bench [name ...]``.

Each ``bench/bench_*.py`` defines ``run() -> list[tuple[str, str, str]]`` (measure, value,
target). Benchmarks are not tests: they measure, and the table shows the targets beside.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    rows: list[tuple[str, str, str, str]] = []
    failed = False
    for name in names:
        t0 = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            mod = importlib.import_module(f"bench.{name}")
            if not hasattr(mod, "run"):
                continue
            for measure, value, target in mod.run():
                rows.append((name.removeprefix("bench_"), measure, value, target))
        except Exception:
            failed = True
            traceback.print_exc()
            rows.append((name.removeprefix("bench_"), "FAILED", "see traceback", ""))
        print(f"  {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    widths = [
        max(len(r[i]) for r in [("area", "measure", "value", "target"), *rows]) for i in range(4)
    ]
    line = "  ".join("-" * w for w in widths)
    print(line)
    for r in [("area", "measure", "value", "target"), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
        if r[0] == "area":
            print(line)
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
