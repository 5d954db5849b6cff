"""Parse throughput against the floor, peak memory and scaling of ``zwgk.parse``.

Parses each set of reports (the seeds and the real pages, or the files given) round-robin on one core
for a fixed time per run, several runs, and prints the median reports per second (and the spread);
then the same for the floor — the least work any reader of them must do: OpenCC's t2s conversion, the
converter reused, plus one regular-expression scan for figures — and the ratio of the two. Then the
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


def _rate(read: Callable[[str], object], texts: list[str], runs: int, seconds: float) -> float:
    for text in texts:  # warm up: grammar, label index, caches
        read(text)
    rates = [_one_run(read, texts, seconds) for _ in range(runs)]
    print(
        f"  {statistics.median(rates):9,.0f} reports/s median of {runs} runs "
        f"(min {min(rates):,.0f}, max {max(rates):,.0f})",
        end="",
    )
    return statistics.median(rates)


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
        print("  zwgk.parse", end="")
        parsed = _rate(zwgk.parse, texts, args.runs, args.seconds)
        print(f", {1000 / parsed:.2f} ms per report")
        print("  floor     ", end="")
        least = _rate(floor, texts, args.runs, args.seconds)
        print(f"\n  zwgk.parse takes {least / parsed:.1f}x the floor's time")
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
