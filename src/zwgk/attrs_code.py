"""The methods attrs writes for zwgk's classes, compiled once per Python and read back from the cache folder.

attrs writes each class's ``__init__``, ``__eq__``, ``__repr__``, ``__hash__`` … as Python source and
``compile``s it: for zwgk's ~41 classes that was ~17 ms of each ``import zwgk``. Within ``kept()``
(around zwgk's own imports) the ``compile`` of ``attr._make`` answers a source of zwgk's it was given
before with the code object kept for it (one file per Python build, see ``cache``), and compiles
anything else as usual. A source hits only byte for byte, but for one number: the ``__hash__`` attrs
writes starts from ``hash()`` of the class's name, which differs from process to process; it is
blanked in the key, and the kept code gets this process's number in its place — only for a number as
wide (so the code's table of columns is the same too) and held by one constant, else the source is
compiled. Other modules' classes, an attrs that does not call ``compile`` from ``attr._make``,
another Python, a damaged or missing file or no cache folder: everything is compiled as usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from types import CodeType
from typing import Any

from .cache import read_kept, write_kept

_KIND = "attrs-code"
_PREFIX = "<attrs generated "
"""How attrs names the file of what it writes: ``<attrs generated methods zwgk.model.report.Report>``."""

_Key = tuple[str, str, int]
"""A source's file name, its text with the hash's number put as ``#``, and the number's width (0: none)."""
_Kept = tuple[int, CodeType]
"""The number the code was compiled with (0: none), and the code."""
_fresh: dict[_Key, _Kept] = {}
"""Sources this process compiled that the file does not hold."""
_seen: set[tuple[str, str]] = set()
"""The file names and marked texts this process asked for: what the file is written again with."""


def _build() -> str:
    """This Python's build and bytecode: a file made under others is never read."""
    return f"{sys.version}|{sys.implementation.cache_tag}|{importlib.util.MAGIC_NUMBER.hex()}"


@cache
def _kept() -> dict[_Key, _Kept]:
    return read_kept(_KIND, _build())


def _int_constants(code: CodeType) -> Iterator[int]:
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _int_constants(constant)
        elif type(constant) is int:
            yield constant


def _renumbered(code: CodeType, was: int, now: int) -> CodeType:
    constants = tuple(
        _renumbered(c, was, now) if isinstance(c, CodeType) else now if type(c) is int and c == was else c
        for c in code.co_consts
    )
    return code.replace(co_consts=constants)


def _reused(kept: object, number: int) -> CodeType | None:
    """The kept code, with ``number`` where it was compiled with another; ``None`` for an entry of a
    damaged file, or where the number is not one constant of its own."""
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return None
    was, code = kept
    if type(was) is not int or not isinstance(code, CodeType):
        return None
    if was == number:
        return code
    constants = list(_int_constants(code))
    if constants.count(was) != 1 or number in constants:
        return None
    return _renumbered(code, was, number)


def _compile(source: object, filename: object, mode: str, *args: Any, **kwargs: Any) -> Any:
    """``compile``, from the code kept for a source attrs wrote for one of zwgk's classes."""
    if args or kwargs or mode != "exec" or not isinstance(source, str) or not isinstance(filename, str):
        return compile(source, filename, mode, *args, **kwargs)  # type: ignore[call-overload]
    _, _, name = filename.removeprefix(_PREFIX).removesuffix(">").partition(" ")
    if not (filename.startswith(_PREFIX) and name.startswith("zwgk.")):
        return compile(source, filename, mode)
    number = hash(f"{_PREFIX}hash {name}>")  # what attrs' __hash__ for the class starts from
    digits = str(number)
    if source.count(digits) != 1:
        number, digits = 0, ""
    marked = source.replace(digits, "#") if digits else source
    key = (filename, marked, len(digits))
    _seen.add(key[:2])
    kept = _kept().get(key)
    code = None if kept is None else _reused(kept, number)
    if code is None:
        code = compile(source, filename, mode)
        _fresh[key] = (number, code)
    return code


@contextmanager
def kept() -> Iterator[None]:
    """Within, attrs compiles zwgk's methods from the cache folder; on leaving, the file is written
    again, if anything was compiled afresh, with what this process asked for."""
    make: Any = importlib.import_module("attr._make")
    evaluate = getattr(make, "_compile_and_eval", None)
    names = getattr(getattr(evaluate, "__code__", None), "co_names", ())
    if "compile" not in names or "compile" in vars(make):  # attrs compiles otherwise, or another hooks it
        yield
        return
    make.compile = _compile
    try:
        yield
    finally:
        del make.compile
    if _fresh:
        written = {k: v for k, v in {**_kept(), **_fresh}.items() if k[:2] in _seen}
        _fresh.clear()
        write_kept(_KIND, _build(), written)
