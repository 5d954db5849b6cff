"""Parse throughput against the floor, peak memory and scaling of ``zwgk.parse``.

Parses each set of reports (the seeds and the real pages, or the files given) round-robin on one core
for a fixed time per run, and so does the floor — the least work any reader of them must do: OpenCC's
t2s conversion, the converter reused, plus one regular-expression scan for figures. The two run back
to back in each of several rounds (each first in turn), so that a round's ratio compares them at one
moment of a shared machine; it prints the median reports per second of each and the median of the
rounds' ratios, each with its range. Then the
peak memory of one parse, and how parse time grows with input size (1x, 4x, 16x) for ordinary and
adversarial inputs: linear growth shows as a constant time per character.

    python benchmarks/bench_parse.py [--runs 7] [--seconds 2] [--no-scaling] [FILE ...]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import zwgk

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"
sys.path.insert(0, str(ROOT))
from tests.hostile import LONG_INPUTS  # noqa: E402  (the pathological texts the scaling test times)

_FIGURES = re.compile(r"\d+(?:\.\d+)?")


def _floor() -> Callable[[str], object]:
    """The least a reader of a report must do: convert it to simplified characters and find its figures."""
    import opencc

    convert = opencc.OpenCC("t2s").convert
    return lambda text: _FIGURES.findall(convert(text))


def _one_run(read: Callable[[str], object], texts: list[str], seconds: float) -> float:
    """Reports per second read in one run of about ``seconds``."""
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for text in texts:
            read(text)
        done += len(texts)
    return done / (time.perf_counter() - start)


def _rounds(
    reads: list[Callable[[str], object]], texts: list[str], runs: int, seconds: float
) -> list[list[float]]:
    """Reports per second of each reader in each of ``runs`` rounds. Within a round the readers run back
    to back, each first in turn, so that a ratio compares them at one moment of a shared machine."""
    for read in reads:  # warm up: grammar, label index, caches
        for text in texts:
            read(text)
    rounds = []
    for run in range(runs):
        order = range(len(reads)) if run % 2 == 0 else reversed(range(len(reads)))
        rates = {i: _one_run(reads[i], texts, seconds) for i in order}
        rounds.append([rates[i] for i in range(len(reads))])
    return rounds


def _spread(values: list[float], unit: str, digits: int = 0) -> str:
    """The median of ``values`` with its unit, and their range."""
    low, mid, high = (f"{v:,.{digits}f}" for v in (min(values), statistics.median(values), max(values)))
    return f"{mid}{unit} (median of {len(values)}; min {low}, max {high})"


def _peak_bytes(text: str) -> int:
    tracemalloc.start()
    zwgk.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


SCALING_INPUTS = {
    "seed reports, concatenated": lambda texts, k: "\n".join(texts) * k,
    "one row of 10,000 figures": lambda texts, k: (
        "三、收到和处理政府信息公开申请情况\n" + " ".join(["1"] * 10_000 * k)
    ),
    "5,000 broken label lines": lambda texts, k: (
        "三、收到和处理政府信息公开申请情况\n" + "（三）不\n" * 5_000 * k
    ),
    "one line of 20,000 pipes": lambda texts, k: "|" * 20_000 * k,
    **{
        f"{name} (25,000 chars)": lambda texts, k, make=make: make(25_000 * k)
        for name, make in LONG_INPUTS.items()
    },
}


def _scaling(texts: list[str]) -> None:
    print("scaling (time per character at 1x, 4x, 16x the input):")
    for name, make in SCALING_INPUTS.items():
        per_char = []
        for k in (1, 4, 16):
            text = make(texts, k)
            start = time.perf_counter()
            with contextlib.suppress(zwgk.ZwgkError):  # not a report: timed all the same
                zwgk.parse(text)
            per_char.append((time.perf_counter() - start) / len(text) * 1e6)
        print(f"  {name:48} " + " → ".join(f"{p:.2f}" for p in per_char) + " µs/char")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="report text files (default: the seed reports)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling measurement")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    sets = (
        {"files given": args.files}
        if args.files
        else {"seeds": sorted(SEEDS.glob("*.txt")), "real pages": sorted(PAGES.glob("*.txt"))}
    )
    floor = _floor()
    build = "compiled with mypyc" if zwgk.compiled else "pure Python"
    print(f"zwgk {zwgk.__version__} ({build}), Python {sys.version.split()[0]}, one core")
    for name, files in sets.items():
        texts = [f.read_text(encoding="utf-8-sig") for f in files]
        chars = sum(len(t) for t in texts) / len(texts)
        print(f"{name}: {len(texts)} reports of {chars:,.0f} characters on average")
        rounds = _rounds([zwgk.parse, floor], texts, args.runs, args.seconds)
        parsed = [zwgk_rate for zwgk_rate, _ in rounds]
        print(
            f"  zwgk.parse {_spread(parsed, ' reports/s')}, {1000 / statistics.median(parsed):.2f} ms per report"
        )
        print(f"  floor      {_spread([floor_rate for _, floor_rate in rounds], ' reports/s')}")
        ratios = [floor_rate / zwgk_rate for zwgk_rate, floor_rate in rounds]
        print(
            f"  zwgk.parse takes {_spread(ratios, 'x', 1)} the floor's time (each round's two rates measured back to back)"
        )
        peaks = [_peak_bytes(text) for text in texts]
        print(
            f"  peak memory per parse: {max(peaks) / 1024:,.0f} KiB max, "
            f"{statistics.mean(peaks) / 1024:,.0f} KiB mean (tracemalloc)"
        )
    seeds = [f.read_text(encoding="utf-8-sig") for f in next(iter(sets.values()))]
    if not args.no_scaling:
        _scaling(seeds)


if __name__ == "__main__":
    main()
