"""A progress bar for batch runs on a terminal, and the summary line that closes them."""

from __future__ import annotations

import os
import shutil
import time
import unicodedata
from typing import TextIO

_BAR = 30
_CUT = "..."


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for wide (CJK) characters, none for combining
    marks, one for the rest (``text`` holds no control characters)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def cut_to_width(text: str, columns: int) -> str:
    """``text``, or its end after ``...`` when it is wider than ``columns``; non-printing characters
    shown as ``?``."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    if display_width(text) <= columns:
        return text
    room, kept = columns - len(_CUT), len(text)
    while kept and display_width(text[kept - 1]) <= room:
        kept -= 1
        room -= display_width(text[kept])
    return _CUT + text[kept:] if columns > len(_CUT) else ""


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return shutil.get_terminal_size().columns


class Progress:
    """Draws ``[#####     ] done/total name`` on ``stream`` as files finish — only when ``stream`` is a
    terminal, so piped or captured output stays clean — within one line of the terminal, the name cut
    to what fits."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.shown = stream.isatty() and total > 1
        self.done = 0
        self.started = time.perf_counter()

    def line(self, name: str, columns: int) -> str:
        """The bar after ``name``, in fewer than ``columns`` columns (the last is left free: writing in
        it makes some terminals wrap)."""
        room = columns - 1
        counts = f" {self.done}/{self.total} "
        width = min(_BAR, max(0, room - len(counts) - 2) // 2)
        filled = width * self.done // self.total
        head = f"[{'#' * filled}{' ' * (width - filled)}]{counts}" if width else counts.lstrip()
        return cut_to_width(head + cut_to_width(name, room - len(head)), room)

    def advance(self, name: str) -> None:
        self.done += 1
        if self.shown:
            self.stream.write(f"\r\x1b[K{self.line(name, _columns(self.stream))}")
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
