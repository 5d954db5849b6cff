"""Running a hostile input in a process of its own, capped in time and memory, so that a hang or a
blow-up fails the one test that meets it instead of the whole run; and the long pathological texts the
scaling test and ``benchmarks/bench_parse.py`` time (``LONG_INPUTS``).

``run_capped(code)`` runs Python ``code`` (which may import zwgk and anything the tests use) in a fresh
interpreter with this checkout's ``src`` first on the path, and reports how it ended: what it raised,
how long it took, the most memory it held.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import attrs

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
_MARK = "zwgk-hostile-outcome:"
_HARNESS = f"""
import json, resource, sys, traceback
import zwgk
outcome = {{"error": None, "message": "", "zwgk": False, "traceback": ""}}
try:
    exec(compile(sys.argv[1], "<hostile>", "exec"), {{}})
except BaseException as error:
    outcome.update(
        error=type(error).__name__,
        message=str(error)[:4000],
        zwgk=isinstance(error, zwgk.ZwgkError),
        traceback=traceback.format_exc()[-4000:],
    )
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("{_MARK}" + json.dumps(outcome), flush=True)
"""


@attrs.frozen
class Outcome:
    """How a capped run ended. ``error`` is the class name of what ``code`` raised (``None`` when it
    returned); ``ended`` is ``"done"``, ``"timeout"`` or ``"killed"`` (the process died, as when the memory
    cap stops it in native code)."""

    ended: str
    seconds: float
    error: str | None = None
    message: str = ""
    zwgk: bool = False
    """Whether what was raised is a ``zwgk.ZwgkError``."""
    peak_mb: float = 0.0
    traceback: str = ""
    output: str = ""
    printed: str = ""
    """What ``code`` printed on standard output."""

    def raised(self, name: str) -> bool:
        """Whether the run finished raising a ``ZwgkError`` of class ``name``."""
        return self.ended == "done" and self.zwgk and self.error == name


def run_capped(code: str, *, seconds: float = 30, megabytes: int = 1024) -> Outcome:
    """Run ``code`` in a subprocess stopped after ``seconds`` and refused more than ``megabytes`` of
    address space."""

    def cap() -> None:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _HARNESS, code],
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=cap,
            env=env,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return Outcome("timeout", time.monotonic() - start)
    took = time.monotonic() - start
    lines = done.stdout.splitlines()
    printed = "\n".join(line for line in lines if not line.startswith(_MARK))
    for line in lines:
        if line.startswith(_MARK):
            found = json.loads(line[len(_MARK) :])
            return Outcome("done", took, **found, output=done.stderr[-4000:], printed=printed)
    return Outcome("killed", took, output=(done.stdout + done.stderr)[-4000:])


class Capped(Exception):
    """The block ran out of time."""


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
