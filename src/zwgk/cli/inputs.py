"""What the commands read: files, folders of them, URLs, ``-`` (standard input), as reports.

A file is a report's text, an HTML, PDF or Word document, zwgk's own JSON (``.json``) or long-form CSV
(``.csv``). What cannot be read is kept as a failure with its error, never dropped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import attrs

from ..api import MAX_FILE_BYTES, file_bytes, parse_document, parse_file, parse_url
from ..batch import files_in, map_files
from ..errors import InputTooLargeError, ZwgkError
from ..model.report import Report
from ..organ_mapping import read_organ_mapping
from ..progress import Progress
from ..serialize.csv import from_csv
from ..serialize.json import MAX_JSON_CHARS, from_json
from ..sources.web import is_url

STDIN = "-"
"""The name that stands for standard input."""
MAX_DATA_BYTES = 4 * MAX_JSON_CHARS
"""The largest JSON or CSV file read: as many characters as ``from_json`` takes, four bytes each."""


def sources_in(names: Sequence[str]) -> list[str]:
    """The sources ``names`` stand for: each folder replaced by the report files under it (sorted), a
    file, a URL or ``-`` as given."""
    out: list[str] = []
    for name in names:
        if name == STDIN or is_url(name):
            out.append(name)
        else:
            out += map(str, files_in([name]))
    return out


def failure(source: str, error: ZwgkError) -> str:
    """The line that says a source could not be used, naming it once (most errors name it already)."""
    said = str(error)
    return f"zwgk: {said}" if said.startswith(source) or f" {source}" in said else f"zwgk: {source}: {said}"


def stdin_bytes() -> bytes:
    """Standard input's bytes, refused beyond ``MAX_FILE_BYTES``."""
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLargeError(f"标准输入超过上限 {MAX_FILE_BYTES:,} 字节（input too large）")
    return data


def stdin_report(simplify: bool = True) -> Report:
    """The report on standard input (any kind of document a file may be)."""
    return parse_document(STDIN, stdin_bytes(), simplify=simplify)


def reports_in(name: str, simplify: bool = True) -> list[Report]:
    """The reports a source holds: a report (text or document), zwgk JSON (``.json``) or long-form CSV
    (``.csv``, any number of reports)."""
    if name == STDIN:
        return [stdin_report(simplify)]
    if is_url(name):
        return [parse_url(name, simplify=simplify)]
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".csv"):
        return [parse_file(name, simplify=simplify)]
    try:
        text = file_bytes(name, MAX_DATA_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ZwgkError(f"无法读取 {name}：{error}") from None
    found = [from_json(text)] if suffix == ".json" else from_csv(text)
    return [attrs.evolve(report, source=report.source or name) for report in found]


def add_organs_option(command: argparse.ArgumentParser, use: str) -> None:
    """The ``--organs FILE`` option of a command that tells organs apart (``zwgk.organ_mapping``)."""
    command.add_argument(
        "--organs",
        metavar="FILE",
        help="names of one organ the rules cannot tell apart: a JSON object or a two-column CSV, "
        f"each name as written → its canonical name; {use}",
    )


def organ_mapping(args: argparse.Namespace) -> dict[str, str] | None:
    """The mapping ``--organs`` names, if any; raises ``ZwgkError`` (the file named) when it is unusable."""
    return read_organ_mapping(args.organs) if args.organs else None


@attrs.define
class Batch:
    """The reports of the sources a command was given, read over ``jobs`` processes with progress on a
    terminal; each source that could not be read is kept in ``failures`` with its error."""

    sources: list[str]
    reports: list[tuple[str, Report]] = attrs.Factory(list)
    failures: list[tuple[str, ZwgkError]] = attrs.Factory(list)
    seconds: float = 0.0

    @classmethod
    def read(cls, names: Sequence[str], *, jobs: int = 1, simplify: bool = True) -> Batch:
        batch = cls(sources_in(names))
        progress = Progress(len(batch.sources), sys.stderr)
        read = partial(reports_in, simplify=simplify)
        # standard input is read here, before the files go to other processes
        stdin = dict(map_files(read, [STDIN])) if STDIN in batch.sources else {}
        files = map_files(read, [s for s in batch.sources if s != STDIN], jobs=jobs)
        for source in batch.sources:
            result = stdin[STDIN] if source == STDIN else next(files)[1]
            if isinstance(result, ZwgkError):
                batch.failures.append((source, result))
                progress.note(failure(source, result))
            else:
                batch.reports += [(source, report) for report in result]
            progress.advance(source)
        batch.seconds = progress.close()
        return batch
