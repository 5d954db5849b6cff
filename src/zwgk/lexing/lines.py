"""A report's lines as the lexer sees them, and the escape that makes any line prose."""

from __future__ import annotations

from typing import NamedTuple


class SourceLine(NamedTuple):
    number: int
    """1-based line number in the source."""
    text: str
    """The line as kept for output."""
    key: str
    """The line as read: simplified characters."""


ESCAPE = "\\"
"""A line starting with a backslash is prose whatever it looks like; the backslash is not part of it
(canonical text escapes paragraphs that would otherwise read as headings or table rows)."""


def is_escaped(line: str) -> bool:
    return line.lstrip().startswith(ESCAPE)


def unescaped(line: SourceLine) -> SourceLine:
    """An escaped line without its escape, stripped."""
    text, key = line.text.strip(), line.key.strip()
    return SourceLine(
        line.number, text[1:] if is_escaped(text) else text, key[1:] if is_escaped(key) else key
    )
