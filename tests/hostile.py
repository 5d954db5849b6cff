"""Running hostile input where it cannot hurt: Python code in a child process with a time and memory
cap, so a hang or a blow-up fails a test instead of the test run. Also the long pathological texts
the scaling test and ``benchmarks/bench_parse.py`` time.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
MEMORY_CAP = 2 << 30
"""Bytes of address space a child may use."""


class Capped(Exception):
    """The child ran out of time or memory, or failed."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(code: str, *, seconds: float) -> str:
    """What ``code`` prints, run by a fresh interpreter from the repository's root; raises ``Capped``
    when it takes more than ``seconds``, more than ``MEMORY_CAP`` bytes, or exits with an error."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        raise Capped(f"no result within {seconds} s") from None
    if done.returncode:
        raise Capped(done.stderr.strip()[-2000:])
    return done.stdout


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raises ``Capped`` in this process when the block runs longer than ``seconds``: for code that
    may loop forever in Python (not for memory, nor for C code that holds the interpreter)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Capped(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_REQUESTS = "三、收到和处理政府信息公开申请情况\n"


def _repeat(unit: str, chars: int) -> str:
    return unit * max(1, chars // len(unit))


LONG_INPUTS: dict[str, Callable[[int], str]] = {
    "one line of digits": lambda n: "1" * n,
    "（一）（一）… on one line": lambda n: _repeat("（一）", n),
    "a label, then notes （x）（x）…": lambda n: _REQUESTS + "（三）不予公开" + _repeat("（x）", n),
    "a label, then （（（…": lambda n: _REQUESTS + "（三）不予公开" + "（" * n,
    "heading lines 一、总体情况": lambda n: _repeat("一、总体情况\n", n),
    "headings run together on one line": lambda n: _repeat("一、总体情况二、主动公开政府信息情况", n),
    "a word, digits, a unit: 政111…条": lambda n: _REQUESTS + "政" + "1" * n + "条",
    "a pipe row of dashes |---…x|": lambda n: _REQUESTS + "|" + "-" * n + "x|",
    "a paragraph ending in figures 政 1 1 …": lambda n: "一、总体情况\n政" + _repeat(" 1", n) + " 政",
    "header, then text cells on one line": lambda n: _REQUESTS + "申请人情况\n" + _repeat("政\t", n) + "\n1",
    "unclosed HTML comments <!--<!--…": lambda n: "一、总体情况\n" + _repeat("<!--", n),
    "unclosed Word marks [image:[image:…": lambda n: "一、总体情况\n" + _repeat("[image:", n),
    "one line of pipes": lambda n: _REQUESTS + "|" * n,
    "brackets （（…））": lambda n: _REQUESTS + "（" * (n // 2) + "）" * (n // 2),
    "digits and CJK alternating 1政1政…": lambda n: _REQUESTS + _repeat("1政", n),
}
"""Texts of about ``n`` characters that once took time growing faster than their length."""
