"""The characters no text entering zwgk may hold, by one rule at every entry (``parse``, ``from_json``,
``from_csv``): a lone surrogate (U+D800–U+DFFF) is refused, never replaced or passed on.

A lone surrogate is no character at all: it is what is left of bytes decoded with ``surrogateescape``,
or of a UTF-16 pair cut in two, and no encoding can write it — the text was decoded wrongly, and only
its producer can decode it right. Serialized reports also hold no control character but tab, line
feed and carriage return: cell separators and line ends, the only ones ``parse`` does not blank.
"""

from __future__ import annotations

from typing import NamedTuple

from .patterns import regex

_SURROGATE = regex("[\ud800-\udfff]")
_NOT_IN_FIELDS = regex("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Place(NamedTuple):
    """Where a refused character stands (1-based) and which it is."""

    line: int
    column: int
    code: int


def lone_surrogate(text: str) -> Place | None:
    """The first lone surrogate of ``text``, or ``None``."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    return Place(text.count("\n", 0, start) + 1, start - line_start + 1, ord(found.group()))


def field_problem(text: str) -> str | None:
    """Why ``text`` cannot be a text field of a serialized report (``a lone surrogate U+D800 at
    character 2``), or ``None`` when it can."""
    found = _NOT_IN_FIELDS.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"{what} U+{code:04X} at character {found.start() + 1}"
