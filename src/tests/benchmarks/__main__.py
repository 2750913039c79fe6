"""python -m src.tests.benchmarks [--scale demo|medium|large] [--repeat N] [--json]

Builds (or reuses, in bench-data/) the dataset of the scale and prints, per operation, the
median time over repeated runs and the SQL statements one run takes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

from src.tests.benchmarks.measure import Measurement
from src.tests.benchmarks.operations import DATA_DIR, run_benchmarks
from src.tests.benchmarks.scales import SCALES


def _table(scale: str, results: list[Measurement]) -> str:
    lines = [f"Bake Tracker benchmarks, scale '{scale}' ({os.cpu_count()} cores, "
             f"Python {platform.python_version()})", "",
             f"{'operation':<44} {'median':>10} {'SQL':>5} {'rows/s':>10}  target"]  # fmt: skip
    for m in results:
        statements = "-" if m.statements is None else str(m.statements)
        rate = "" if m.rows_per_second is None else f"{m.rows_per_second:,.0f}"
        lines.append(f"{m.name:<44} {m.median_ms:>8.1f}ms {statements:>5} {rate:>10}  {m.target}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m src.tests.benchmarks", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
    parser.add_argument("--repeat", type=int, default=5, help="runs per operation (median)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--no-startup", action="store_true", help="skip the app start-up run")
    parser.add_argument(
        "--data-dir", type=Path, default=DATA_DIR, help="where generated datasets are kept"
    )
    args = parser.parse_args(argv)
    with_startup = not args.no_startup and bool(os.environ.get("DISPLAY"))
    results = run_benchmarks(SCALES[args.scale], args.repeat, with_startup, args.data_dir)
    if args.json:
        print(
            json.dumps({"scale": args.scale, "results": [m.as_json() for m in results]}, indent=2)
        )
    else:
        print(_table(args.scale, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
