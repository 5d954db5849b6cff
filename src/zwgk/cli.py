"""The ``zwgk`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import parse_file
from .errors import ZwgkError
from .model.report import Report
from .samples import sample_path
from .serialize.dump import dump
from .serialize.json import converter

EXIT_OK, EXIT_UNUSABLE = 0, 2


def _read(paths: Sequence[Path]) -> tuple[list[tuple[Path, Report]], int]:
    """The reports of ``paths``; a file that cannot be read is reported on stderr and skipped."""
    reports, failed = [], 0
    for path in paths:
        try:
            reports.append((path, parse_file(path)))
        except ZwgkError as error:
            failed += 1
            print(f"zwgk: {path}: {error}", file=sys.stderr)
    return reports, failed


def _parse(args: argparse.Namespace) -> int:
    paths = [sample_path()] if args.sample else args.files
    if not paths:
        print(
            "zwgk parse: 请给出报告文件，或用 --sample 读取内置样例（give files, or --sample）",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    reports, failed = _read(paths)
    if args.format == "json":
        data = [converter().unstructure(report) for _, report in reports]
        print(json.dumps(data[0] if len(paths) == 1 and data else data, ensure_ascii=False, indent=2))
    else:
        for i, (path, report) in enumerate(reports):
            if len(paths) > 1:
                print(f"{'' if i == 0 else chr(10)}==> {path} <==")
            print(dump(report), end="")
    return EXIT_UNUSABLE if failed else EXIT_OK


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政府信息公开工作年度报告 → typed, checked data."
    )
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="read reports and print them as text or JSON")
    parse.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report files (text)")
    parse.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parse.add_argument("--sample", action="store_true", help="read the bundled sample report")
    parse.set_defaults(run=_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:  # `zwgk parse … | head`
        sys.stderr.close()
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
