"""Where the commands write: standard output or ``-o FILE``, files rewritten whole or not at all, and the
exit status."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ZwgkError
from ..model.report import Report

EXIT_OK, EXIT_FOUND, EXIT_UNUSABLE = 0, 1, 2
"""Done; ``check`` found an error (``fmt --check``: a file is not canonical); something was unusable."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """``data`` as the file at ``path``: written to a temporary file beside it, then renamed over it, so
    the file is never left half-written; an existing file keeps its permissions."""
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            if mode is not None:
                os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise ZwgkError(f"无法写入 {path}：{error.strerror or error}") from None


@contextmanager
def writing_output() -> Iterator[None]:
    """Errors of writing to standard output as a ``ZwgkError`` that says why: an encoding that cannot
    write a character (a terminal set to ASCII), a full disk. A closed pipe is left to the caller."""
    try:
        yield
    except BrokenPipeError:
        raise
    except UnicodeEncodeError as error:
        unwritable = error.object[error.start : error.end]
        raise ZwgkError(  # in English first: a terminal that cannot show the report cannot show Chinese
            f"standard output's encoding {error.encoding} cannot write {unwritable!r}: set "
            "PYTHONIOENCODING=utf-8 or write to a file with -o FILE（标准输出的编码无法写出报告的文字）"
        ) from None
    except OSError as error:
        raise ZwgkError(f"无法写入标准输出：{error.strerror or error}") from None


class Output:
    """A command's output: to standard output as it comes, or with ``path`` gathered and written to
    that file when the command ends (atomically)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._buffer = io.StringIO() if path else None

    def write(self, text: str) -> None:
        (self._buffer or sys.stdout).write(text)

    def close(self) -> None:
        if self.path and self._buffer is not None:
            write_atomically(self.path, self._buffer.getvalue().encode("utf-8"))


def write_reports(out: Output, reports: list[tuple[str, Report]], render: Callable[[Report], str]) -> None:
    """Each report rendered, under a ``==> source <==`` line when there are several (as ``tail`` does)."""
    for i, (source, report) in enumerate(reports):
        if len(reports) > 1:
            out.write(f"{'' if i == 0 else chr(10)}==> {source} <==\n")
        out.write(render(report))
