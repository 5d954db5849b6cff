"""A report's lines as the lexer sees them, and the marks that make any line prose."""

from __future__ import annotations

from typing import Final

from ..normalize import is_page_footer
from ..patterns import regex
from .record import Record


class SourceLine(Record):
    """A line of a report's text (see ``record``: the lexer reads the fields of thousands of lines)."""

    __slots__ = ("key", "number", "text")
    number: int
    """1-based line number in the source."""
    text: str
    """The line as kept for output."""
    key: str
    """The line as read: simplified characters."""

    def __init__(self, number: int, text: str, key: str) -> None:
        self.number = number
        self.text = text
        self.key = key

    def _values(self) -> tuple[int, str, str]:
        return (self.number, self.text, self.key)


def source_lines(text: str, key: str) -> tuple[list[SourceLine], list[int]]:
    """A text's lines, shown as ``text`` and read as ``key`` (its simplified copy, or ``text`` itself),
    without the page footers; and the numbers of the footers dropped."""
    keys = key.split("\n")
    shown = keys if text is key else text.split("\n")
    footed = "页" in key or "-" in key or "—" in key
    """Whether the text may have page footers."""
    lines: list[SourceLine] = []
    footers: list[int] = []
    for i, line_key in enumerate(keys):
        if footed and is_page_footer(line_key):
            footers.append(i + 1)
        else:
            lines.append(SourceLine(i + 1, shown[i], line_key))
    return lines, footers


ESCAPE: Final = "\\"
"""A line starting with a backslash is prose whatever it looks like; the backslash is not part of it
(canonical text escapes paragraphs that would otherwise read as headings or table rows)."""

UNPLACED: Final = "未归位："
"""A line starting with this mark is unplaced content of the section it stands in, whatever it looks
like; the mark is not part of it (canonical text writes a report's unplaced content so)."""

MARKS: Final = (ESCAPE, UNPLACED)
"""What ``is_escaped`` looks for at a line's start (``is_marked`` names the two: a loop over this tuple
cost compiled code 2M instructions a pass over the pages)."""
_MARKDOWN_HEADING: Final = regex(r"^\s*#{1,6}\s*")


def is_escaped(line: str) -> bool:
    """Whether a line is taken as it is, whatever it looks like: escaped, or marked unplaced."""
    return is_marked(line.lstrip())


def is_marked(stripped: str) -> bool:
    """``is_escaped`` of a line already stripped: a prefix test for each mark, where compiled code builds
    the tuple of ``startswith(MARKS)`` anew at each call."""
    return stripped.startswith(ESCAPE) or stripped.startswith(UNPLACED)


def is_unplaced(line: str) -> bool:
    return line.lstrip().startswith(UNPLACED)


def unescaped(line: SourceLine) -> SourceLine:
    """An escaped or marked line without its mark, stripped."""
    text, key = line.text.strip(), line.key.strip()
    mark = next((m for m in MARKS if key.startswith(m)), "")
    return SourceLine(line.number, text[len(mark) :], key[len(mark) :])


def without_heading_mark(line: str) -> str:
    """A line without the Markdown heading mark (``## ``) it may open with."""
    return _MARKDOWN_HEADING.sub("", line) if "#" in line else line
