"""Bounds on the work a crafted document can make a third-party reader do: a deadline for Python code
that might loop for ever (a PDF whose ``/Contents`` refers to itself), and a cap on the bytes inflated
(a Flate stream of a megabyte that inflates to a gigabyte).

Both stop the reader by raising a ``LimitExceeded`` inside it. That is a ``BaseException``, so the
``except Exception`` with which pdfminer and pdfplumber wrap or swallow their own errors lets it through
to the caller, who turns it into a ``ZwgkError``.
"""

from __future__ import annotations

import ctypes
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_CHUNK = 1 << 20
"""Inflated at a time, so that no more than this is inflated past the cap."""


class LimitExceeded(BaseException):
    """The reader did more than it may."""


class TimeLimitExceeded(LimitExceeded):
    """The reader ran past its deadline."""


class InflateLimitExceeded(LimitExceeded):
    """The reader inflated more bytes than it may."""


_set_async_exception = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exception.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the Python code run inside after ``seconds``, raising ``TimeLimitExceeded`` in it (in any
    thread: a timer sets the exception on this one; a call into C finishes first)."""
    thread = threading.get_ident()
    lock = threading.Lock()
    running = [True]

    def interrupt() -> None:
        with lock:
            if running[0]:
                _set_async_exception(thread, TimeLimitExceeded)

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            running[0] = False
        timer.cancel()


class _Budget:
    def __init__(self, limit: int) -> None:
        self.left = limit

    def charge(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise InflateLimitExceeded


_budget: ContextVar[_Budget | None] = ContextVar("zwgk_inflate_budget", default=None)


@contextmanager
def inflate_limit(limit: int) -> Iterator[None]:
    """Let the code run inside inflate at most ``limit`` bytes in all through ``bounded_zlib``, raising
    ``InflateLimitExceeded`` in it beyond."""
    token = _budget.set(_Budget(limit))
    try:
        yield
    finally:
        _budget.reset(token)


class _Inflater:
    """A ``zlib.decompressobj`` whose output is charged to a budget."""

    def __init__(self, budget: _Budget, *args: Any) -> None:
        self.budget = budget
        self.inflater = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self.inflater.decompress(data, max_length)
        self.budget.charge(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inflater, name)


class _BoundedZlib:
    """The ``zlib`` module as a reader sees it: while ``inflate_limit`` is in force, what it inflates is
    charged to the limit, a chunk at a time; otherwise the module itself."""

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    def decompressobj(self, *args: Any) -> Any:
        budget = _budget.get()
        return zlib.decompressobj(*args) if budget is None else _Inflater(budget, *args)

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        budget = _budget.get()
        if budget is None:
            return zlib.decompress(data, wbits, bufsize)
        inflater = zlib.decompressobj(wbits)
        parts = []
        out = inflater.decompress(data, _CHUNK)
        while True:
            budget.charge(len(out))
            parts.append(out)
            if inflater.eof:
                return b"".join(parts)
            if len(out) < _CHUNK and not inflater.unconsumed_tail:
                raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
            out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)


bounded_zlib = _BoundedZlib()
"""Put in place of a reader module's ``zlib`` to bound what it inflates (see ``inflate_limit``)."""
