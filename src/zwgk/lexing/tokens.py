"""The grammar's terminals as the lexer makes them: Lark tokens whose ``value`` is what they stand for."""

from __future__ import annotations

import re

from lark import Token

from .lines import SourceLine, is_escaped, is_unplaced, unescaped

NUMBERED = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])"
)
"""A line opening with numbering of its own: （一）, 一、, 1、 — a subheading, or a numbered paragraph."""
_SUBHEADING_CHARS = 30


def token(type_: str, value: object, line: int) -> Token:
    """A terminal of the grammar standing for ``value``, found on ``line``."""
    made = Token(type_, "", line=line)
    made.value = value
    return made


def prose(line: SourceLine) -> Token:
    """A paragraph, or a short numbered line: a subheading; a line marked unplaced: kept content."""
    if is_unplaced(line.key):
        return token("KEPT", unescaped(line), line.number)
    if is_escaped(line.key):
        return token("PARA", unescaped(line), line.number)
    text = line.text.strip()
    kind = "SUBHEAD" if len(text) <= _SUBHEADING_CHARS and NUMBERED.match(text) else "PARA"
    return token(kind, line, line.number)
