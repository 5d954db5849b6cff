"""Running a hostile input in a process of its own, capped in time and memory, so that a hang or a
blow-up fails the one test that meets it instead of the whole run.

``run_capped(code)`` runs Python ``code`` (which may import zwgk and anything the tests use) in a fresh
interpreter with this checkout's ``src`` first on the path, and reports how it ended: what it raised,
how long it took, the most memory it held.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import attrs

SRC = Path(__file__).resolve().parents[1] / "src"
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
        )
    except subprocess.TimeoutExpired:
        return Outcome("timeout", time.monotonic() - start)
    took = time.monotonic() - start
    for line in done.stdout.splitlines():
        if line.startswith(_MARK):
            return Outcome("done", took, **json.loads(line[len(_MARK) :]), output=done.stderr[-4000:])
    return Outcome("killed", took, output=(done.stdout + done.stderr)[-4000:])
