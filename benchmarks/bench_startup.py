"""Start-up time of zwgk: what a fresh process pays before its first report is read.

Runs fresh interpreters, interleaved, ``--runs`` times each, and prints the median wall time (and the
spread) of the interpreter alone (``python -c pass``), of ``import zwgk``, and of ``import zwgk`` plus
the first ``zwgk.parse`` of each seed report (and of the first with no cache folder: the grammar
analysed, the patterns and what the classes compile made afresh, as before the cache folder holds them).
Three figures for each: the whole process less the interpreter alone, in wall and CPU time (CPU time,
user + system, moves less with a shared machine's load), and the time the child itself measures from
before ``import zwgk`` to after it (or the parse) returns — the whole process also holds the
interpreter's tearing down, at exit, of what was imported; its least, too, the figure others sharing
the machine move least. The children write and read their bytecode
in a temporary folder (as an installed package has its ``.pyc`` files), whatever
``PYTHONDONTWRITEBYTECODE`` says; the first, untimed run of each command writes it.

    python benchmarks/bench_startup.py [--runs 11] [FILE ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
NO_CACHE = {"ZWGK_CACHE_DIR": ""}  # no cache folder: grammar tables, patterns, class code made in memory


class Run(NamedTuple):
    wall_ms: float
    cpu_ms: float
    inside_ms: float  # what the child measured of its own work; 0 for the interpreter alone


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(code: str, env: dict[str, str]) -> Run:
    cpu = _children_cpu()
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, stdout=subprocess.PIPE, text=True
    )
    wall = (time.perf_counter() - start) * 1000
    return Run(wall, (_children_cpu() - cpu) * 1000, float(child.stdout or 0))


def _timed(work: str) -> str:
    """A child's code that does ``work`` and prints the milliseconds it took."""
    return f"import time; _t = time.perf_counter(); {work}; print((time.perf_counter() - _t) * 1000)"


def _first_parse(path: Path) -> str:
    text = f"open({str(path)!r}, encoding='utf-8-sig').read()"
    return f"_text = {text}; " + _timed("import zwgk; zwgk.parse(_text)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="report text files (default: the seed reports)")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt"))
    commands: dict[str, tuple[str, dict[str, str]]] = {
        "interpreter alone": ("pass", {}),
        "import zwgk": (_timed("import zwgk"), {}),
        **{f"import + first parse of {f.name}": (_first_parse(f), {}) for f in files},
        "the same of the first, no cache folder": (_first_parse(files[0]), NO_CACHE),
    }
    with tempfile.TemporaryDirectory() as bytecode:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = bytecode
        for code, extra in commands.values():  # warm up: bytecode, the grammar cache, the OS's file cache
            _run(code, {**env, **extra})
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so a change in the machine's load touches every figure
            for name, (code, extra) in commands.items():
                runs[name].append(_run(code, {**env, **extra}))
    floor = runs["interpreter alone"]
    floor_wall = statistics.median(r.wall_ms for r in floor)
    floor_cpu = statistics.median(r.cpu_ms for r in floor)
    print(f"Python {sys.version.split()[0]}, median of {args.runs} fresh processes each, in ms")
    print(
        f"  {'':50} {'wall':>6} {'min':>6} {'max':>6} {'cpu':>6}   less the interpreter: wall, cpu;  in-process, min"
    )
    for name, measured in runs.items():
        walls = [r.wall_ms for r in measured]
        wall, cpu = statistics.median(walls), statistics.median(r.cpu_ms for r in measured)
        line = f"  {name:50} {wall:6.1f} {min(walls):6.1f} {max(walls):6.1f} {cpu:6.1f}"
        if measured is not floor:
            inside = [r.inside_ms for r in measured]
            line += f"   {wall - floor_wall:6.1f} {cpu - floor_cpu:6.1f}   {statistics.median(inside):6.1f} {min(inside):6.1f}"
        print(line)


if __name__ == "__main__":
    main()
