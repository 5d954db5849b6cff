"""The grammar's terminals as the lexer makes them: tokens whose ``value`` is what they stand for."""

from __future__ import annotations

from typing import Any, Final

from ..patterns import regex
from .lines import UNPLACED, SourceLine, is_marked, unescaped
from .record import Record


class Token(Record):
    """A terminal of ``grammars/report.lark``: its name, what it stands for, and its source line."""

    __slots__ = ("line", "type", "value")
    type: str
    value: Any
    line: int

    def __init__(self, type_: str, value: Any, line: int) -> None:
        self.type = type_
        self.value = value
        self.line = line

    def _values(self) -> tuple[str, Any, int]:
        return (self.type, self.value, self.line)


NUMBERED: Final = regex(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])"
)
"""A line opening with numbering of its own: （一）, 一、, 1、 — a subheading, or a numbered paragraph."""
_SUBHEADING_CHARS: Final = 30


def prose(line: SourceLine) -> Token:
    """A paragraph, or a short numbered line: a subheading; a line marked unplaced: kept content."""
    marked = line.key.lstrip()
    if marked.startswith(UNPLACED):  # ``is_unplaced``
        return Token("KEPT", unescaped(line), line.number)
    if is_marked(marked):
        return Token("PARA", unescaped(line), line.number)
    text = line.text.strip()
    kind = "SUBHEAD" if len(text) <= _SUBHEADING_CHARS and NUMBERED.match(text) else "PARA"
    return Token(kind, line, line.number)
