"""A bounded, seeded fuzz run: the real fixtures mutated, each mutant held to zwgk's promises.

Every input is a real report (the seeds, the corpus, the 67 pages, the HTML pages) changed by a few
random edits — spans deleted, doubled or moved, lines repeated or joined, text cut, characters of the
format inserted (labels, headings, pipes, tabs, brackets, figures, huge figures, Chinese numerals,
surrogates, control characters), bytes flipped before decoding. Each is read and then checked,
written as canonical text, JSON, CSV, the dump and the HTML view. The promises held:

* **only ``ZwgkError``** — anything else raised is a failure;
* **bounded time and memory** — each input within ``--timeout`` seconds, workers within ``--memory`` MiB;
* **nothing lost** — every figure of a text input in a cell, a diagnostic, unplaced content or the
  text it stands in (``tests/figures.py``; not for flipped bytes or HTML, whose text is not the input's);
* **canonical text reads back** — ``parse(to_text(r)) == r`` for every report read.

Inputs are made from ``(seed, index)`` alone, so a failure is reproduced with ``--show INDEX``.

    python benchmarks/fuzz.py [--inputs 100000] [--seed 0] [--jobs 2] [--timeout 10] [--memory 2048]
    python benchmarks/fuzz.py --show 4711     # print input 4711 of seed 0
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path

import zwgk
from zwgk.api import parse_document
from zwgk.sources import kind_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.figures import lost_figures

from zwgk.serialize.dump import dump
from zwgk.serialize.html import report_html

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
_CHUNK = 250
"""Inputs a worker makes and reads per task."""
_INSERTS = (
    "规章",
    "行政许可",
    "（七）总计",
    "一、本年新收政府信息公开申请数量",
    "第二十条第（一）项",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "信息内容",
    "本年制发件数",
    "自然人",
    "总计",
    "结果维持",
    "（三）不予公开",
    "1.属于国家秘密",
    "（五）不予处理",
    "\t",
    "|",
    " | ",
    "||",
    "\n",
    "\n\n",
    "（",
    "）",
    "(",
    ")",
    "0",
    "1",
    "12",
    "1,113",
    "增15",
    "减4",
    "--253",
    "1646.5万元",
    "/",
    "-",
    "—",
    "无",
    "未增未减",
    "9" * 40,
    "1" * 5000,
    "二百一十七",
    "十二件",
    "零",
    "約5",
    "5人",
    "12%",
    "\ud800",
    "\x00",
    "\x07",
    "\u3000",
    "\xa0",
    "<td>",
    "</td><td>",
    "<table>",
    "&nbsp;",
    "規(guī)章",
    "未归位：",
    "\\",
    "2023年",
    "结转下年度继续办理",
    "上年结转",
)
_MUTATIONS = (
    "delete",
    "double",
    "move",
    "repeat_line",
    "join_lines",
    "cut",
    "insert",
    "insert",
    "insert",
    "digits",
)


@cache
def _sources() -> list[tuple[str, bytes]]:
    """The real fixtures a run mutates: text reports and HTML pages, as their bytes."""
    paths = [
        *sorted((FIXTURES / "seeds").glob("*.txt")),
        *sorted((FIXTURES / "pages").glob("*.txt")),
        *sorted(
            p
            for p in (FIXTURES / "corpus").rglob("*")
            if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
        ),
        *sorted((FIXTURES / "html").glob("*.html")),
    ]
    return [(p.name, p.read_bytes()) for p in paths]


def _mutated_text(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        a = rng.randrange(n + 1)
        b = min(n, a + rng.choice((1, 3, 10, 50, 300)))
        kind = rng.choice(_MUTATIONS)
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "double":
            text = text[:b] + text[a:b] + text[b:]
        elif kind == "move":
            piece, rest = text[a:b], text[:a] + text[b:]
            at = rng.randrange(len(rest) + 1)
            text = rest[:at] + piece + rest[at:]
        elif kind == "repeat_line":
            lines = text.split("\n")
            k = rng.randrange(len(lines))
            lines[k:k] = [lines[k]] * rng.choice((1, 5, 200))
            text = "\n".join(lines)
        elif kind == "join_lines":
            text = text[:a] + text[a:].replace("\n", "", rng.randint(1, 20))
        elif kind == "cut":
            text = text[:a]
        elif kind == "digits":
            text = text[:a] + str(rng.randrange(10 ** rng.randint(1, 15))) + text[a:]
        else:
            text = text[:a] + rng.choice(_INSERTS) + text[a:]
    return text


def make_input(seed: int, index: int) -> tuple[str, bytes, bool]:
    """Input ``index`` of a run with ``seed``: a fixture's name, its mutated bytes, and whether they
    were flipped as bytes (else edited as text)."""
    rng = random.Random(f"{seed}:{index}")
    name, data = rng.choice(_sources())
    if rng.random() < 0.1:  # bytes flipped: the decoders' turn
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        return name, bytes(mutable), True
    text = _mutated_text(data.decode("utf-8", "replace"), rng)
    return name, text.encode("utf-8", "surrogatepass"), False


class _Timeout(BaseException):  # not an Exception: no `except Exception` in the code under test swallows it
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _limit_memory(mebibytes: int) -> None:
    limit = mebibytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)


_STEPS: tuple[Callable[[zwgk.Report], object], ...] = (
    zwgk.check,
    zwgk.to_text,
    zwgk.to_json,
    lambda r: zwgk.to_csv([r]),
    lambda r: zwgk.to_csv([r], wide=True),
    dump,
    report_html,
)


def _held(name: str, data: bytes, flipped: bool) -> tuple[str, str] | None:
    """Which promise the input breaks, and how (``None``: none)."""
    try:
        report = parse_document(name, data)
    except zwgk.ZwgkError:
        return None
    for step in _STEPS:
        step(report)
    if not flipped and kind_of(name, data) == "text":  # an HTML page's text is not the input's
        lost = lost_figures(data.decode("utf-8"), report)
        if lost:
            return "lost figure", f"{name}: line {lost[0][0]}: {lost[0][1]}"
    if zwgk.parse(zwgk.to_text(report)) != report:
        return "round trip", f"{name}: parse(to_text(r)) != r"
    return None


def _run_chunk(seed: int, start: int, count: int, timeout: float) -> list[tuple[int, str, str]]:
    """Inputs ``start`` … ``start + count - 1``: the failures, as (index, kind, what)."""
    failures = []
    for index in range(start, start + count):
        name, data, flipped = make_input(seed, index)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            broken = _held(name, data, flipped)
        except _Timeout:
            failures.append((index, "timeout", f"{name}: more than {timeout} s"))
            continue
        except MemoryError:
            failures.append((index, "memory", f"{name}: MemoryError"))
            continue
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            failures.append(
                (index, type(error).__name__, f"{name}: {error!s:.200} at {where.filename}:{where.lineno}")
            )
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if broken:
            failures.append((index, *broken))
    return failures


def _chunks(total: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, _CHUNK):
        yield start, min(_CHUNK, total - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds an input may take")
    parser.add_argument("--memory", type=int, default=2048, help="MiB a worker may use")
    parser.add_argument("--show", type=int, metavar="INDEX", help="print one input (its text) and stop")
    args = parser.parse_args()
    if args.show is not None:
        name, data, _ = make_input(args.seed, args.show)
        print(f"# {name}", file=sys.stderr)
        sys.stdout.buffer.write(data)
        return 0
    started = time.perf_counter()
    failures: list[tuple[int, str, str]] = []
    pending = list(_chunks(args.inputs))
    while pending:
        with ProcessPoolExecutor(args.jobs, initializer=_limit_memory, initargs=(args.memory,)) as pool:
            futures = [(chunk, pool.submit(_run_chunk, args.seed, *chunk, args.timeout)) for chunk in pending]
            pending = []
            for (start, count), future in futures:
                try:
                    failures += future.result()
                except BrokenProcessPool:  # a worker died: its chunk is retried input by input
                    if count == 1:
                        failures.append((start, "crash", "the worker process died"))
                    else:
                        pending += [(i, 1) for i in range(start, start + count)]
        print(f"… {args.inputs - sum(c for _, c in pending):,} inputs", file=sys.stderr)
    seconds = time.perf_counter() - started
    kinds = Counter(kind for _, kind, _ in failures)
    print(
        f"zwgk {zwgk.__version__}: {args.inputs:,} inputs (seed {args.seed}) in {seconds:.0f} s, "
        f"{args.inputs / seconds:,.0f} inputs/s over {args.jobs} processes"
    )
    print(f"failures: {len(failures)}" + "".join(f"\n  {kind}: {n}" for kind, n in kinds.most_common()))
    for kind in kinds:
        for index, _, what in sorted(f for f in failures if f[1] == kind)[:10]:
            print(f"  #{index} {kind}: {what}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
