"""Throughput of ``zwgk.parse_many`` over a corpus of files, in one process and in several, and the
memory the calling process needs however many files there are.

Copies the real text reports the tests hold (the seeds and the 平潭 series) into a temporary folder
until it holds ``--files`` files, then reads the folder with ``parse_many`` at each ``--jobs`` and
prints files per second and the speed-up over one process (the best of ``--runs`` runs).

With ``--memory N …`` it instead reads N files over two processes with a slow consumer (5 ms per
result), each N in a fresh process, and prints that process's peak resident memory: flat, not growing
with N, when the work in flight is bounded.

    python benchmarks/bench_batch.py [--files 400] [--jobs 1 2] [--runs 3]
    python benchmarks/bench_batch.py --memory 1000 10000
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
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


def _copies(folder: str, count: int) -> list[Path]:
    return [
        Path(shutil.copy(source, Path(folder) / f"{i:05d}_{source.name}"))
        for i, source in enumerate(islice(cycle(SOURCES), count))
    ]


def _slow_consumer(count: int) -> None:
    """Read ``count`` files over two processes, 5 ms per result, and print this process's peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        paths = _copies(folder, count)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        read = 0
        for parsed in zwgk.parse_many(paths, jobs=2):
            read += parsed.ok
            time.sleep(0.005)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"{count:>7,} files: peak memory of the calling process {peak / 1024:.1f} MiB "
        f"({before / 1024:.1f} MiB before the batch), {read:,} read"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", type=int, nargs="+", metavar="N", help="peak memory at N files")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a --memory run, in its own process
    args = parser.parse_args()
    if args.one:
        _slow_consumer(args.one)
        return
    if args.memory:
        for count in args.memory:
            subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)
        return
    with tempfile.TemporaryDirectory() as folder:
        paths = _copies(folder, args.files)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"zwgk {zwgk.__version__}: {len(paths)} files of {size:,.0f} bytes on average")
        base = None
        for jobs in args.jobs:
            best = min(_seconds(paths, jobs) for _ in range(args.runs))
            base = base or best
            print(f"jobs={jobs}: {len(paths) / best:6.0f} files/s  ({best:.2f} s, ×{base / best:.2f})")


if __name__ == "__main__":
    main()
