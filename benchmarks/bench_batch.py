"""Throughput of ``zwgk.parse_many`` over a corpus of files, in one process and in several.

Copies the real text reports the tests hold (the seeds and the 平潭 series) into a temporary folder
until it holds ``--files`` files, then reads the folder with ``parse_many`` at each ``--jobs`` and
prints files per second and the speed-up over one process (the best of ``--runs`` runs).

    python benchmarks/bench_batch.py [--files 400] [--jobs 1 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import zwgk

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SOURCES = sorted([*(FIXTURES / "seeds").glob("*.txt"), *(FIXTURES / "corpus" / "pingtan").glob("*.txt")])


def _seconds(paths: list[Path], jobs: int) -> float:
    start = time.perf_counter()
    read = sum(1 for parsed in zwgk.parse_many(paths, jobs=jobs) if parsed.ok)
    assert read == len(paths)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, source in enumerate(islice(cycle(SOURCES), args.files)):
            paths.append(Path(shutil.copy(source, Path(folder) / f"{i:05d}_{source.name}")))
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"zwgk {zwgk.__version__}: {len(paths)} files of {size:,.0f} bytes on average")
        base = None
        for jobs in args.jobs:
            best = min(_seconds(paths, jobs) for _ in range(args.runs))
            base = base or best
            print(f"jobs={jobs}: {len(paths) / best:6.0f} files/s  ({best:.2f} s, ×{base / best:.2f})")


if __name__ == "__main__":
    main()
