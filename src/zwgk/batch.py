"""Many report files at once: in input order, over several processes, a bad file never stopping the rest."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

import attrs

from .api import parse_file
from .errors import ZwgkError
from .model.report import Report

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
"""The report documents a folder is searched for. Other files (Markdown, zwgk's own JSON and CSV) are
read when named, never picked up from a folder, where they are usually notes and outputs."""

_T = TypeVar("_T")


@attrs.frozen
class Parsed:
    """What reading one file gave: its report, or why there is none."""

    path: str
    report: Report | None = None
    error: str | None = None
    """Why the file could not be read (unreadable, binary, a missing extra …); ``None`` if it was."""

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


def _attempt(read: Callable[[Path], _T], path: Path) -> _T | ZwgkError:
    """``read(path)``, or the error that says why the file cannot be read. A failure inside zwgk itself
    is reported the same way, naming its type, so that one file cannot stop a batch."""
    try:
        return read(path)
    except ZwgkError as error:
        return error
    except Exception as error:
        return ZwgkError(f"内部错误（internal error）{type(error).__name__}: {error}")


def map_files(
    read: Callable[[Path], _T], paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1
) -> Iterator[tuple[Path, _T | ZwgkError]]:
    """``(path, read(path) or its error)`` for each path, in input order; ``jobs`` processes (1: this
    one; 0 or less: one per core). ``read`` must be a module-level function, so processes can run it."""
    files = [Path(p) for p in paths]
    workers = _workers(jobs)
    if workers == 1 or len(files) < 2:
        yield from ((path, _attempt(read, path)) for path in files)
        return
    chunk = max(1, min(16, len(files) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
        yield from zip(files, pool.map(partial(_attempt, read), files, chunksize=chunk), strict=True)


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
            yield Parsed(str(path), error=str(found))
        else:
            yield Parsed(str(path), found)
