"""The code zwgk's class definitions compile, compiled once per Python and read back from the cache folder.

attrs writes each class's ``__init__``, ``__eq__``, ``__repr__``, ``__hash__`` … as Python source and
``compile``s it, and ``typing.NamedTuple`` compiles each field's annotation (a string, under
``from __future__ import annotations``) into a ``ForwardRef``: ~17 ms and ~0.5 ms of each
``import zwgk``, and ~5 ms more for attrs' own classes where zwgk's import is what imports attrs.
Within ``kept()`` (around zwgk's own imports) the ``compile`` of ``attr._make`` and of ``typing``
answers a source it was given before with the code object kept for it (one file per Python build, see
``cache``); anything else is compiled as usual. attrs not imported yet, ``attr._make`` is loaded with
that ``compile`` in place from the start, for the classes attrs makes of its own as it loads.

A source hits only byte for byte, but for one number: the ``__hash__`` attrs writes starts from
``hash()`` of the class's name, which differs from process to process. It is blanked in the key; the
code is kept once, with a ``__hash__`` for each width of number met (the columns of its code table
follow the width), and this process's number is put in the one of its width, held by one constant,
else the source is compiled. Other modules' attrs classes (but attrs' own), a library that does not
call ``compile`` where this module knows, another Python, a damaged or missing file or no cache folder:
everything is compiled as usual.
"""

from __future__ import annotations
import __future__

import importlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from types import CodeType, ModuleType
from typing import Any

from .cache import read_kept, write_kept

_KIND = "class-code"
_HOOKS = (("attr._make", "_compile_and_eval"), ("typing", "ForwardRef.__init__"))
"""Where attrs and typing call ``compile``: the modules whose ``compile`` is this module's within ``kept``."""
_OWN = ("zwgk.", "attr.")
"""The modules whose classes' code is kept: zwgk's, and attrs' own where zwgk's import loads attrs."""
_ATTRS = "<attrs generated "
"""How attrs names the file of what it writes: ``<attrs generated methods zwgk.model.report.Report>``."""
_ANNOTATION = "<string>"
"""How typing names the file of an annotation it compiles (mode ``eval``)."""

_FUTURE = sum(getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
"""The flags of ``from __future__`` imports, which ``compile`` takes from the module that calls it."""

_Key = tuple[str, int, str]
"""A source's file name, the ``__future__`` flags of the module that compiles it, and its text with the
hash's number put as ``#``."""
_Hashes = dict[int, tuple[int, CodeType]]
_Kept = tuple[CodeType, _Hashes]
"""The code of a source, and by width of the hash's number (none for a source without), the number and
the code of ``__hash__`` compiled with it."""
_fresh: dict[_Key, _Kept] = {}
"""Sources this process compiled that the file does not hold, or not for this width."""
_seen: set[_Key] = set()
"""The sources this process asked for."""


_LAYOUT = 2
"""The layout of the file's entries: a file of another layout is never read."""


def _build() -> str:
    """This Python's build and bytecode, and the layout: a file made under others is never read."""
    return f"{sys.version}|{sys.implementation.cache_tag}|{importlib.util.MAGIC_NUMBER.hex()}|{_LAYOUT}"


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


def _hash_function(code: CodeType) -> int | None:
    """Where ``code`` (a source attrs wrote) holds its ``__hash__``, if it holds one."""
    found = [i for i, c in enumerate(code.co_consts) if isinstance(c, CodeType) and c.co_name == "__hash__"]
    return found[0] if len(found) == 1 else None


def _entry(kept: object) -> _Kept | None:
    """A kept entry as this module writes them; ``None`` for one of a damaged file."""
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return None
    code, hashes = kept
    return (code, hashes) if isinstance(code, CodeType) and isinstance(hashes, dict) else None


def _reused(kept: _Kept | None, number: int, width: int) -> CodeType | None:
    """The kept code, with the ``__hash__`` of ``width`` given ``number``; ``None`` for a width not
    met yet, or a number that is not one constant of its own."""
    if kept is None or not width:
        return None if kept is None else kept[0]
    code, hashes = kept
    held, place = hashes.get(width), _hash_function(code)
    if not (isinstance(held, tuple) and len(held) == 2 and place is not None):
        return None
    was, function = held
    if type(was) is not int or not isinstance(function, CodeType):
        return None
    if was == number and function is code.co_consts[place]:  # the code as compiled for this number
        return code
    if was != number:
        constants = list(_int_constants(function))
        if constants.count(was) != 1 or number in constants:
            return None
        function = _renumbered(function, was, number)
    return code.replace(co_consts=(*code.co_consts[:place], function, *code.co_consts[place + 1 :]))


def _keep(key: _Key, kept: _Kept | None, code: CodeType, number: int, width: int) -> None:
    """Keep ``code``, compiled afresh: whole, or only its ``__hash__`` where the source is kept for
    another width. A number held elsewhere than by its ``__hash__``, and the source is not kept."""
    whole, hashes = kept or (code, {})
    if width:
        place = _hash_function(code)
        if place is None or list(_int_constants(code)).count(number) != 1:
            return
        function = code.co_consts[place]
        if list(_int_constants(function)).count(number) != 1:
            return
        hashes = {**hashes, width: (number, function)}
    _fresh[key] = (whole, hashes)


def _hash_number(source: str, filename: str, mode: str) -> int | None:
    """The number to blank in ``source`` (0: none), or ``None`` for a source not to keep: one attrs
    wrote for a class of zwgk's (or attrs' own), or an annotation typing compiles."""
    if mode == "eval" and filename == _ANNOTATION:
        return 0
    _, _, name = filename.removeprefix(_ATTRS).removesuffix(">").partition(" ")
    if not (mode == "exec" and filename.startswith(_ATTRS) and name.startswith(_OWN)):
        return None
    number = hash(f"{_ATTRS}hash {name}>")  # what attrs' __hash__ for the class starts from
    return number if source.count(str(number)) == 1 else 0


def _compile(
    source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1
) -> Any:
    """``compile``, from the code kept for a source of zwgk's classes."""
    if not dont_inherit:  # the caller's own compile would inherit its module's __future__ imports
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE
    plain = flags & ~_FUTURE == 0 and optimize == -1 and isinstance(source, str) and isinstance(filename, str)
    number = _hash_number(source, filename, mode) if plain else None
    if number is None:
        return compile(source, filename, mode, flags, True, optimize)
    digits = str(number) if number else ""
    key = (filename, flags, source.replace(digits, "#") if digits else source)
    _seen.add(key)
    kept = _entry(_fresh.get(key) or _kept().get(key))
    code = _reused(kept, number, len(digits))
    if code is None:
        code = compile(source, filename, mode, flags, True)
        _keep(key, kept, code, number, len(digits))
    return code


class _Loading(importlib.machinery.SourceFileLoader):
    """Loads a module of ``_HOOKS`` with ``compile`` this module's before its body runs (attrs makes its
    own classes as it loads), then leaves it a loader as Python's own."""

    def exec_module(self, module: ModuleType) -> None:
        module.compile = _compile  # type: ignore[attr-defined]
        try:
            super().exec_module(module)
        finally:
            plain = importlib.machinery.SourceFileLoader(self.name, self.path)
            module.__loader__ = plain
            if module.__spec__ is not None:
                module.__spec__.loader = plain


class _Finder:
    """Finds a module of ``_HOOKS`` not imported yet as the finders after it would, to be loaded by
    ``_Loading`` where they find its source file."""

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
        if name not in dict(_HOOKS):
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not cls else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                loader = spec.loader
                if type(loader) is importlib.machinery.SourceFileLoader:
                    spec.loader = _Loading(loader.name, loader.path)
                return spec
        return None


def _hookable(name: str, function: str) -> ModuleType | None:
    """The module, if its ``function`` calls the builtin ``compile`` and no one else hooks it; loaded
    by ``_Loading``, the ``compile`` it was given is taken back where ``function`` does not call it."""
    module = importlib.import_module(name)
    found: object = module
    for part in function.split("."):
        found = getattr(found, part, None)
    calls = "compile" in getattr(getattr(found, "__code__", None), "co_names", ())
    given = vars(module).get("compile")
    if given is _compile and not calls:
        del module.compile
    return module if calls and given in (None, _compile) else None


@contextmanager
def kept() -> Iterator[None]:
    """Within, attrs and typing compile what zwgk's classes need from the cache folder; on leaving,
    the file is written again if anything was compiled afresh, less the sources of classes this
    zwgk writes otherwise (another version's), keeping other classes' (the compiled build makes some
    natively) and every width a class's hash number had."""
    sys.meta_path.insert(0, _Finder)
    try:
        hooked = [m for m in (_hookable(name, function) for name, function in _HOOKS) if m is not None]
    finally:
        sys.meta_path.remove(_Finder)
    for module in hooked:
        module.compile = _compile  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in hooked:
            del module.compile
    if _fresh:  # less the sources of classes this process's zwgk writes otherwise (another version's)
        asked = {(name, flags) for name, flags, _ in _seen if name != _ANNOTATION}
        written = {k: v for k, v in {**_kept(), **_fresh}.items() if k in _seen or k[:2] not in asked}
        _fresh.clear()
        write_kept(_KIND, _build(), written)
