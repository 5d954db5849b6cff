"""Start-up time of zwgk: what a fresh process pays before its first report is read.

Runs fresh interpreters, interleaved, ``--runs`` times each, and prints the median wall time (and the
spread) of the interpreter alone (``python -c pass``), of ``import zwgk``, and of ``import zwgk`` plus
the first ``zwgk.parse`` of each seed report (and of the first with no cache folder: the grammar
analysed, the patterns and what the classes compile made afresh, as before the cache folder holds them); each figure also less the interpreter alone, which is what zwgk
itself costs. The children write and read their bytecode in a temporary folder (as an
installed package has its ``.pyc`` files), whatever ``PYTHONDONTWRITEBYTECODE`` says; the first,
untimed run of each command writes it. CPU time (user + system) is printed beside wall time: on a
shared machine it moves less with the load.

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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(code: str, env: dict[str, str]) -> Run:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return Run((time.perf_counter() - start) * 1000, (_children_cpu() - cpu) * 1000)


def _first_parse(path: Path) -> str:
    return f"import zwgk; zwgk.parse(open({str(path)!r}, encoding='utf-8-sig').read())"


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
        "import zwgk": ("import zwgk", {}),
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
    print(f"  {'':50} {'wall':>6} {'min':>6} {'max':>6} {'cpu':>6}   less the interpreter: wall, cpu")
    for name, measured in runs.items():
        walls = [r.wall_ms for r in measured]
        wall, cpu = statistics.median(walls), statistics.median(r.cpu_ms for r in measured)
        line = f"  {name:50} {wall:6.1f} {min(walls):6.1f} {max(walls):6.1f} {cpu:6.1f}"
        if measured is not floor:
            line += f"   {wall - floor_wall:6.1f} {cpu - floor_cpu:6.1f}"
        print(line)


if __name__ == "__main__":
    main()
