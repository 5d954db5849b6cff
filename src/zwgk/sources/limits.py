"""Bounds on the work a crafted document can make a reader do: a deadline for Python code that might
run for ever or nearly (a PDF page drawn with a million characters), and a cap on the bytes a PDF's
streams inflate to (a Flate stream of a megabyte that inflates to a gigabyte), checked before PDFium —
C code, which no deadline interrupts — reads the file.

Both raise a ``LimitExceeded``. That is a ``BaseException``, so no ``except Exception`` in a reader's
own code swallows it on its way to the caller, who turns it into a ``ZwgkError``.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

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


_STREAM = re.compile(rb"stream\r?\n")


def check_inflated(data: bytes, limit: int) -> None:
    """Raise ``InflateLimitExceeded`` if the zlib streams of a PDF's bytes inflate to more than ``limit``
    bytes in all — for a reader in C, whose own inflating nothing here can bound, checked before it
    reads the file. Every ``stream … endstream`` is tried, whatever its dictionary says; what is no zlib
    data stops at once."""
    left = limit
    view = memoryview(data)
    at = 0
    while match := _STREAM.search(data, at):
        end = data.find(b"endstream", match.end())
        end = len(data) if end < 0 else end
        inflater = zlib.decompressobj()
        with contextlib.suppress(zlib.error):
            out = inflater.decompress(view[match.end() : end], _CHUNK)
            while True:
                left -= len(out)
                if left < 0:
                    raise InflateLimitExceeded
                if inflater.eof or (len(out) < _CHUNK and not inflater.unconsumed_tail):
                    break
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        at = end + len(b"endstream")
