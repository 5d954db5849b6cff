"""``zwgk fmt``: reports as canonical text — printed, checked (``--check``), shown as a diff
(``--diff``) or written back (``--in-place``). Only text files are ever rewritten, and only when the
canonical text reads back as the same report."""

from __future__ import annotations

import argparse
import difflib
import sys

import attrs

from ..api import file_bytes, parse
from ..errors import UnsupportedSourceError, ZwgkError
from ..serialize.text import to_text
from ..sources import kind_of
from ..sources.decode import decode
from ..sources.web import is_url
from .inputs import STDIN, Batch, failure, sources_in, stdin_bytes
from .output import EXIT_FOUND, EXIT_OK, EXIT_UNUSABLE, Output, write_atomically, write_reports


@attrs.frozen
class Formatted:
    """A text source and its canonical text."""

    source: str
    data: bytes
    text: str
    canonical: str

    @property
    def changed(self) -> bool:
        return self.canonical.encode("utf-8") != self.data


def formatted(source: str, simplify: bool) -> Formatted:
    """The canonical text of a text source; raises for a source that is not text (a PDF, HTML or Word
    file is read, never rewritten) and where the canonical text would not read back the same report."""
    if is_url(source):
        raise UnsupportedSourceError(f"{source} 是网址，fmt 只改写文本文件（a URL: nothing to rewrite）")
    data = stdin_bytes() if source == STDIN else file_bytes(source)
    kind = kind_of(source, data)
    if kind != "text":
        raise UnsupportedSourceError(
            f"{source} 是 {kind.upper()} 文件，不是文本文件，fmt 只改写文本（not a text file; left untouched）"
        )
    text = decode(data).text
    report = parse(text, simplify=simplify)
    canonical = to_text(report)
    if parse(canonical, simplify=simplify) != report:
        raise ZwgkError(
            f"{source} 的规范文本读回后与原报告不同，未改写（canonical text would not read back the same report）"
        )
    return Formatted(source, data, text, canonical)


def _diff(found: Formatted) -> str:
    lines = difflib.unified_diff(
        found.text.splitlines(keepends=True),
        found.canonical.splitlines(keepends=True),
        fromfile=found.source,
        tofile=f"{found.source}（规范文本）",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def run(args: argparse.Namespace) -> int:
    simplify = args.simplify
    out = Output(args.output)
    if not (args.in_place or args.check or args.diff):
        batch = Batch.read(args.files, jobs=args.jobs, simplify=simplify)
        write_reports(out, batch.reports, to_text)
        out.close()
        return EXIT_UNUSABLE if batch.failures else EXIT_OK
    failed = changed = 0
    sources = sources_in(args.files)
    for source in sources:
        try:
            found = formatted(source, simplify)
        except ZwgkError as error:
            failed += 1
            print(failure(source, error), file=sys.stderr)
            continue
        changed += found.changed
        if args.diff and found.changed:
            out.write(_diff(found))
        if args.in_place and source == STDIN:  # nothing to rewrite: the canonical text, as black does
            out.write(found.canonical)
        elif args.in_place and found.changed:
            write_atomically(source, found.canonical.encode("utf-8"))
        if args.check and found.changed and not args.quiet:
            print(f"zwgk: {source}: 不是规范文本（would reformat）", file=sys.stderr)
    out.close()
    if len(sources) > 1 and not args.quiet:
        done = "已改写" if args.in_place else "不是规范文本"
        print(
            f"zwgk fmt: {len(sources)} 个文件，{changed} 个{done}，{failed} 个文件无法读取", file=sys.stderr
        )
    if failed:
        return EXIT_UNUSABLE
    return EXIT_FOUND if args.check and changed else EXIT_OK
