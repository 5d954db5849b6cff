"""The ``zwgk`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .api import parse_file
from .errors import ZwgkError
from .model.report import Report
from .samples import sample_path
from .serialize.csv import from_csv, to_csv
from .serialize.dump import dump
from .serialize.json import converter, from_json
from .serialize.schema import json_schema
from .serialize.text import to_text

EXIT_OK, EXIT_UNUSABLE = 0, 2


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


def _read(paths: Sequence[Path]) -> tuple[list[tuple[Path, Report]], int]:
    """The reports of ``paths``; a file that cannot be used is reported on stderr and skipped."""
    reports: list[tuple[Path, Report]] = []
    failed = 0
    for path in paths:
        try:
            reports.extend((path, report) for report in _reports_in(path))
        except ZwgkError as error:
            failed += 1
            print(f"zwgk: {path}: {error}", file=sys.stderr)
    return reports, failed


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
    reports, failed = _read(paths)
    if args.format == "json":
        print(_json(reports, single=len(paths) == 1))
    else:
        _texts(reports, dump, many=len(reports) > 1)
    return EXIT_UNUSABLE if failed else EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    failed = 0
    if args.in_place:
        for path in paths:
            try:
                path.write_text(to_text(parse_file(path)), encoding="utf-8")
            except ZwgkError as error:
                failed += 1
                print(f"zwgk: {path}: {error}", file=sys.stderr)
    else:
        reports, failed = _read(paths)
        _texts(reports, to_text, many=len(reports) > 1)
    return EXIT_UNUSABLE if failed else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if not paths:
        return EXIT_UNUSABLE
    reports, failed = _read(paths)
    if args.to == "json":
        print(_json(reports, single=len(reports) == 1))
    elif args.to == "csv":
        keys = [
            f"{path}#{i}" if len(reports) > len(paths) else str(path)
            for i, (path, _) in enumerate(reports, 1)
        ]
        print(to_csv([r for _, r in reports], wide=args.wide, keys=keys), end="")
    else:
        _texts(reports, to_text, many=len(reports) > 1)
    return EXIT_UNUSABLE if failed else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政府信息公开工作年度报告 → typed, checked data."
    )
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="read reports and print them as a readable dump or JSON")
    parse.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report files")
    parse.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    parse.add_argument("--sample", action="store_true", help="read the bundled sample report")
    parse.set_defaults(run=_parse)

    fmt = commands.add_parser("fmt", help="print reports as canonical text (a formatter for reports)")
    fmt.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report files")
    fmt.add_argument("--in-place", action="store_true", help="rewrite each file as canonical text")
    fmt.set_defaults(run=_fmt)

    convert = commands.add_parser(
        "convert", help="convert reports (text, .json, long-form .csv) to canonical text, JSON or CSV"
    )
    convert.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report, .json or .csv files")
    convert.add_argument("--to", choices=("text", "json", "csv"), required=True, help="output format")
    convert.add_argument("--wide", action="store_true", help="CSV: one row per report (for spreadsheets)")
    convert.set_defaults(run=_convert)

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
