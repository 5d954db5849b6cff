"""The ``zwgk`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from . import __version__
from .api import parse_file
from .batch import files_in, map_files
from .check import check, check_series, filter_diagnostics
from .codes import document
from .errors import ZwgkError
from .model import Diagnostic, Severity
from .model.report import Report
from .progress import Progress
from .samples import sample_path
from .serialize.csv import from_csv, to_csv
from .serialize.dump import dump
from .serialize.json import converter, from_json
from .serialize.schema import json_schema
from .serialize.text import to_text

EXIT_OK, EXIT_FOUND_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def _reports_in(path: Path) -> list[Report]:
    """The reports a file holds: a report's text, zwgk JSON (``.json``) or long-form CSV (``.csv``)."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        return [parse_file(path)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ZwgkError(f"无法读取 {path}：{error}") from None
    return [from_json(text)] if suffix == ".json" else from_csv(text)


@attrs.define
class _Batch:
    """The reports of the files a command was given, read over ``--jobs`` processes with progress on a
    terminal; what could not be read is reported on stderr and skipped."""

    command: str
    files: int
    reports: list[tuple[Path, Report]] = attrs.Factory(list)
    failed: int = 0
    seconds: float = 0.0

    @classmethod
    def read(cls, args: argparse.Namespace, paths: Sequence[Path]) -> _Batch:
        files = files_in(paths)
        batch = cls(args.command, len(files))
        progress = Progress(len(files), sys.stderr)
        for path, found in map_files(_reports_in, files, jobs=args.jobs):
            if isinstance(found, ZwgkError):
                batch.failed += 1
                progress.note(f"zwgk: {path}: {found}")
            else:
                batch.reports.extend((path, report) for report in found)
            progress.advance(str(path))
        batch.seconds = progress.close()
        return batch

    def summary(self, *more: str) -> None:
        """The closing line on stderr: files, reports, files that failed, ``more``, time."""
        said = [f"{self.files} 个文件", f"{len(self.reports)} 份报告", f"{self.failed} 个文件无法读取", *more]
        print(f"zwgk {self.command}: {'，'.join(said)}，用时 {self.seconds:.2f} 秒", file=sys.stderr)

    @property
    def status(self) -> int:
        return EXIT_UNUSABLE if self.failed else EXIT_OK


def _json(reports: list[tuple[Path, Report]], single: bool) -> str:
    data = [converter().unstructure(report) for _, report in reports]
    return json.dumps(data[0] if single and data else data, ensure_ascii=False, indent=2)


def _texts(reports: list[tuple[Path, Report]], render: Callable[[Report], str], many: bool) -> None:
    for i, (path, report) in enumerate(reports):
        if many:
            print(f"{'' if i == 0 else chr(10)}==> {path} <==")
        print(render(report), end="")


def _paths(args: argparse.Namespace) -> list[Path]:
    paths: list[Path] = [sample_path()] if getattr(args, "sample", False) else args.files
    if not paths:
        hint = "，或用 --sample 读取内置样例（or --sample）" if hasattr(args, "sample") else ""
        print(f"zwgk {args.command}: 请给出报告文件（give report files）{hint}", file=sys.stderr)
    return paths


def _parse(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    batch = _Batch.read(args, paths)
    if args.format == "json":
        print(_json(batch.reports, single=len(paths) == 1 and not paths[0].is_dir()))
    else:
        _texts(batch.reports, dump, many=len(batch.reports) > 1)
    batch.summary()
    return batch.status


def _fmt(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    failed = 0
    if args.in_place:
        for path in files_in(paths):
            try:
                path.write_text(to_text(parse_file(path)), encoding="utf-8")
            except ZwgkError as error:
                failed += 1
                print(f"zwgk: {path}: {error}", file=sys.stderr)
    else:
        batch = _Batch.read(args, paths)
        _texts(batch.reports, to_text, many=len(batch.reports) > 1)
        failed = batch.failed
    return EXIT_UNUSABLE if failed else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    batch = _Batch.read(args, paths)
    reports = batch.reports
    if args.to == "json":
        print(_json(reports, single=len(reports) == 1))
    elif args.to == "csv":
        named = [str(path) for path, _ in reports]
        keys = named if len(set(named)) == len(named) else [f"{n}#{i}" for i, n in enumerate(named, 1)]
        print(to_csv([r for _, r in reports], wide=args.wide, keys=keys), end="")
    else:
        _texts(reports, to_text, many=len(reports) > 1)
    batch.summary()
    return batch.status


def _codes(values: list[str] | None) -> list[str]:
    """Codes or prefixes given as ``--select ZW301,ZW302 --select ZW31``."""
    return [code.strip().upper() for value in values or () for code in value.split(",") if code.strip()]


def _findings(args: argparse.Namespace, reports: list[tuple[Path, Report]]) -> list[list[Diagnostic]]:
    found = [check(report) for _, report in reports]
    if args.series:
        for mine, across in zip(found, check_series([r for _, r in reports]), strict=True):
            mine += across
    level = Severity(args.level)
    return [filter_diagnostics(f, _codes(args.select), _codes(args.ignore), level) for f in found]


def _line(path: Path, d: Diagnostic) -> str:
    where = f"{path}:{d.line}" if d.line is not None else str(path)
    return f"{where}: {d.code} {d.severity.value} {d.message}"


def _check(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    batch = _Batch.read(args, paths)
    reports = batch.reports
    found = _findings(args, reports)
    if args.format == "json":
        records = [
            {"path": str(path), **converter().unstructure(d)}
            for (path, _), diagnostics in zip(reports, found, strict=True)
            for d in diagnostics
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for (path, _), diagnostics in zip(reports, found, strict=True):
            for d in diagnostics:
                print(_line(path, d))
    errors = sum(d.severity is Severity.ERROR for f in found for d in f)
    batch.summary(f"{sum(map(len, found))} 条结果", f"其中 {errors} 条错误")
    return batch.status or (EXIT_FOUND_ERRORS if errors else EXIT_OK)


def _list_codes(args: argparse.Namespace) -> int:
    print(document(), end="")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _inputs(command: argparse.ArgumentParser, what: str) -> None:
    """The files a command reads, folders searched for them, and over how many processes."""
    command.add_argument(
        "files", nargs="*", type=Path, metavar="FILE_OR_DIR", help=f"{what}; a folder: every such file in it"
    )
    command.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="read over N processes (0: one per core)"
    )


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政府信息公开工作年度报告 → typed, checked data."
    )
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="read reports and print them as a readable dump or JSON")
    _inputs(parse, "report files")
    parse.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    parse.add_argument("--sample", action="store_true", help="read the bundled sample report")
    parse.set_defaults(run=_parse)

    fmt = commands.add_parser("fmt", help="print reports as canonical text (a formatter for reports)")
    _inputs(fmt, "report files")
    fmt.add_argument("--in-place", action="store_true", help="rewrite each file as canonical text")
    fmt.set_defaults(run=_fmt)

    convert = commands.add_parser(
        "convert", help="convert reports (text, .json, long-form .csv) to canonical text, JSON or CSV"
    )
    _inputs(convert, "report, .json or .csv files")
    convert.add_argument("--to", choices=("text", "json", "csv"), required=True, help="output format")
    convert.add_argument("--wide", action="store_true", help="CSV: one row per report (for spreadsheets)")
    convert.set_defaults(run=_convert)

    check_ = commands.add_parser(
        "check", help="check reports: the 勾稽 rules, the text against the tables, the structure"
    )
    _inputs(check_, "report, .json or .csv files")
    check_.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    check_.add_argument(
        "--select", action="append", metavar="CODES", help="only these codes or prefixes, e.g. ZW3,ZW231"
    )
    check_.add_argument("--ignore", action="append", metavar="CODES", help="not these codes or prefixes")
    check_.add_argument(
        "--level", choices=[s.value for s in Severity][::-1], default="info", help="the least severity shown"
    )
    check_.add_argument(
        "--series", action="store_true", help="also check carrying over across the years of the files given"
    )
    check_.add_argument("--sample", action="store_true", help="check the bundled sample report")
    check_.set_defaults(run=_check)

    codes = commands.add_parser("codes", help="print every diagnostic code as a Markdown table")
    codes.set_defaults(run=_list_codes)

    schema = commands.add_parser("schema", help="print the JSON Schema of zwgk's report JSON")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:  # `zwgk … | head`
        sys.stderr.close()
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
