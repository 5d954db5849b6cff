"""Many report files at once: in input order, over several processes, a bad file never stopping the rest."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

import attrs

from .api import parse_file
from .errors import ZwgkError
from .model.report import Report

REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
"""The report documents a folder is searched for (Markdown too: converters write reports as it).
zwgk's own JSON and CSV are read when named, never picked up from a folder, where they are usually
outputs."""

_S = TypeVar("_S")
_T = TypeVar("_T")


def _same_error(error: ZwgkError | None) -> tuple[type, str] | None:
    """What makes two errors the same: their type and message (exceptions compare by identity)."""
    return None if error is None else (type(error), str(error))


@attrs.frozen
class Parsed:
    """What reading one file gave: its report, or why there is none."""

    path: str
    report: Report | None = None
    error: ZwgkError | None = attrs.field(default=None, eq=_same_error)
    """Why the file could not be read, ``None`` if it was: the exception, whose type tells a missing
    extra (``MissingExtraError``) from a broken file or one that is no report (``NotAReportError``), and
    whose message says why."""

    @property
    def ok(self) -> bool:
        return self.error is None


def files_in(
    paths: Iterable[str | os.PathLike[str]], suffixes: Iterable[str] = REPORT_SUFFIXES
) -> list[Path]:
    """``paths`` with each folder replaced by the files under it whose suffix is one of ``suffixes``,
    sorted; files named directly are kept whatever their suffix."""
    wanted = tuple(s.lower() for s in suffixes)
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
        else:
            found.append(path)
    return found


def _attempt(read: Callable[[_S], _T], item: _S) -> _T | ZwgkError:
    """``read(item)``, or the error that says why it cannot be read. A failure inside zwgk itself is
    reported the same way, naming its type, so that one file cannot stop a batch."""
    try:
        return read(item)
    except ZwgkError as error:
        return error
    except Exception as error:
        return ZwgkError(f"内部错误（internal error）{type(error).__name__}: {error}")


_IN_FLIGHT = 4
"""Chunks of work submitted per process ahead of the consumer: enough to keep the processes busy, few
enough that memory stays flat however many items there are and however slowly they are consumed."""


def _attempt_all(read: Callable[[_S], _T], items: list[_S]) -> list[_T | ZwgkError]:
    return [_attempt(read, item) for item in items]


def map_files(
    read: Callable[[_S], _T], items: Iterable[_S], *, jobs: int = 1
) -> Iterator[tuple[_S, _T | ZwgkError]]:
    """``(item, read(item) or its error)`` for each item (a path, a URL …), in input order; ``jobs``
    processes (1: this one; 0 or less: one per core). ``read`` must be a module-level function (or a
    ``partial`` of one), so processes can run it. Only a bounded window of work is in flight at a
    time, so memory does not grow with the number of items or with a slow consumer."""
    items = list(items)
    workers = min(_workers(jobs), len(items))
    if workers <= 1:
        yield from ((item, _attempt(read, item)) for item in items)
        return
    size = max(1, min(16, len(items) // (workers * 4)))
    chunks = iter([items[i : i + size] for i in range(0, len(items), size)])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[tuple[list[_S], Future[list[_T | ZwgkError]]]] = deque()
        for chunk in islice(chunks, workers * _IN_FLIGHT):
            window.append((chunk, pool.submit(_attempt_all, read, chunk)))
        while window:
            chunk, future = window.popleft()
            for more in islice(chunks, 1):
                window.append((more, pool.submit(_attempt_all, read, more)))
            yield from zip(chunk, future.result(), strict=True)


def _workers(jobs: int) -> int:
    return jobs if jobs > 0 else os.cpu_count() or 1


def parse_many(
    paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, simplify: bool = True
) -> Iterator[Parsed]:
    """Read many report files (any kind ``parse_file`` reads), yielding a ``Parsed`` per file in input
    order, over ``jobs`` processes (0: one per core). A file that cannot be read yields a ``Parsed``
    whose ``error`` says why, and the batch goes on."""
    read = parse_file if simplify else partial(parse_file, simplify=False)
    for path, found in map_files(read, paths, jobs=jobs):
        if isinstance(found, ZwgkError):
            yield Parsed(os.fspath(path), error=found)
        else:
            yield Parsed(os.fspath(path), found)
