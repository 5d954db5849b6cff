"""Characters as printed lines: characters whose tops are within ``TOLERANCE`` of the next (a chain) make
one line, read left to right; a blank, a gap wider than ``TOLERANCE`` or a step back ends a word, and
words are joined by one space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .pdf_page import Char

TOLERANCE = 3.0
"""Points: how far apart two characters' tops, or one's end and the next one's start, may be and still
be of one line, one word."""


class TextLine(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float


def _rows(chars: Sequence[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    last = float("-inf")
    for char in sorted(chars, key=lambda c: c.top):
        if rows and char.top <= last + TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
        last = char.top
    return rows


def _line(row: list[Char]) -> TextLine | None:
    words: list[list[Char]] = []
    previous: Char | None = None
    for char in sorted(row, key=lambda c: c.x0):
        if char.text.isspace():
            previous = None
            continue
        if (
            previous is None
            or char.x0 < previous.x0
            or char.x0 > previous.x1 + TOLERANCE
            or abs(char.top - previous.top) > TOLERANCE
        ):
            words.append([])
        words[-1].append(char)
        previous = char
    if not words:
        return None
    inked = [c for word in words for c in word]
    return TextLine(
        " ".join("".join(c.text for c in word) for word in words),
        min(c.x0 for c in inked),
        max(c.x1 for c in inked),
        min(c.top for c in inked),
    )


def text_lines(chars: Sequence[Char]) -> list[TextLine]:
    """The printed lines of ``chars``, top to bottom; a line of blanks only is none."""
    return [line for row in _rows(chars) if (line := _line(row)) is not None]
