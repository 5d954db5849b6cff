"""A progress bar for batch runs on a terminal, and the summary line that closes them."""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 30


class Progress:
    """Draws ``[#####     ] done/total name`` on ``stream`` as files finish — only when ``stream`` is a
    terminal, so piped or captured output stays clean."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.shown = stream.isatty() and total > 1
        self.done = 0
        self.started = time.perf_counter()

    def advance(self, name: str) -> None:
        self.done += 1
        if self.shown:
            filled = _WIDTH * self.done // self.total
            bar = "#" * filled + " " * (_WIDTH - filled)
            self.stream.write(f"\r\x1b[K[{bar}] {self.done}/{self.total} {name[-40:]}")
            self.stream.flush()

    def note(self, message: str) -> None:
        """A line of its own on the stream, above the bar."""
        self.stream.write(("\r\x1b[K" if self.shown else "") + message + "\n")

    def close(self) -> float:
        """Clear the bar; the seconds since the start."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        return time.perf_counter() - self.started
