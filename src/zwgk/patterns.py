"""The regular expressions a parse imports, compiled once per Python and read back from the cache folder.

``re`` compiles a pattern in Python, and a class of CJK characters costs it a step per character
(``[\\u4e00-\\u9fff]`` alone some 1.5 ms): compiling the modules' patterns took ~15 ms of each start-up.
``regex`` keeps what sre makes of each pattern — the code ``_sre.compile`` takes — in one file per
Python build (see ``cache``), so a later process makes its patterns from that code directly. The file
is written by ``keep``, once ``import zwgk`` has compiled what it compiles. A missing, cut short or
damaged file, or a Python whose ``re`` is laid out otherwise, and the patterns are compiled as usual.
"""

from __future__ import annotations

import importlib
import re
import sys
from contextlib import suppress
from functools import cache
from typing import Any

from .cache import read_kept, write_kept

_sre: Any = importlib.import_module("_sre")
_NEW_RE = sys.version_info >= (3, 11)  # sre_compile and sre_parse became re._compiler and re._parser
_compiler: Any = importlib.import_module("re._compiler" if _NEW_RE else "sre_compile")
_parser: Any = importlib.import_module("re._parser" if _NEW_RE else "sre_parse")

_Made = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes after the pattern: its flags, its code, its number of groups less one,
its group names to numbers and back."""
_fresh: dict[tuple[str, int], _Made] = {}
"""Patterns this process compiled that the file does not hold."""


def _build() -> str:
    """This Python's build and sre's layout of code: a file made under others is never read."""
    return f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXGROUPS}"


@cache
def _kept() -> dict[tuple[str, int], _Made]:
    """The file's patterns; none when there is no file, or it is another build's or damaged."""
    return read_kept("patterns", _build())


def _make(text: str, flags: int) -> _Made:
    """What ``re`` itself does to compile ``text`` (``re._compiler.compile``), up to ``_sre.compile``."""
    parsed = _parser.parse(text, flags)
    code = [
        int(word) for word in _compiler._code(parsed, flags)
    ]  # opcodes are an int subclass marshal refuses
    names: list[str | None] = [None] * parsed.state.groups
    for name, number in parsed.state.groupdict.items():
        names[number] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        dict(parsed.state.groupdict),
        tuple(names),
    )


def regex(text: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)``, from the code kept for it when the cache folder holds it."""
    flags = int(flags)  # a RegexFlag is an int that marshal cannot write
    made = _kept().get((text, flags))
    if made is not None:
        with suppress(
            RuntimeError, TypeError, ValueError, OverflowError
        ):  # code sre refuses (a damaged file)
            return _sre.compile(text, *made)  # type: ignore[no-any-return]
    try:
        made = _make(text, flags)
        compiled = _sre.compile(text, *made)
    except (AttributeError, TypeError):  # re laid out otherwise than this module knows: compiled as usual
        return re.compile(text, flags)
    _fresh[text, flags] = made
    return compiled  # type: ignore[no-any-return]


def keep() -> None:
    """Write the file again, with the patterns compiled afresh, if there are any."""
    if not _fresh:
        return
    kept = _kept()
    kept.update(_fresh)
    _fresh.clear()
    write_kept("patterns", _build(), kept)
