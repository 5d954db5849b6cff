"""The ``zwgk`` command line: ``parse``, ``fmt``, ``convert``, ``check``, ``compare``, ``summary``, ``codes``,
``schema``.

Every command that reads reports takes files, folders (searched for report files), URLs and ``-``
(standard input); writes to standard output or ``-o FILE``; closes with a line on stderr when it read more than one
file (``-q`` drops it). Exit status: 0 done, 1 ``check`` found an error (``fmt --check``: a file is not
canonical), 2 something could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .. import __version__
from ..codes import document
from ..errors import ZwgkError
from ..model import Severity
from ..samples import sample_path
from ..serialize.labels import LABELS
from ..serialize.schema import json_schema
from . import compare, fmt
from .commands import run_check, run_convert, run_parse, run_summary
from .inputs import add_organs_option
from .output import EXIT_OK, EXIT_UNUSABLE, writing_output


def _list_codes(args: argparse.Namespace) -> int:
    print(document(), end="")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _inputs(command: argparse.ArgumentParser, what: str) -> None:
    """The sources a command reads, over how many processes, and where its output goes."""
    command.add_argument(
        "files",
        nargs="*",
        metavar="FILE_OR_DIR",
        help=f"{what}; a folder: every report file in it; a URL (zwgk[web]); -: standard input",
    )
    command.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="read over N processes (0: one per core)"
    )
    command.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    command.add_argument("-q", "--quiet", action="store_true", help="no closing line on stderr")


def _sample(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument("--sample", action="store_true", help=f"{what} the bundled sample report")


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zwgk", description="政府信息公开工作年度报告 → typed, checked data."
    )
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="read reports and print them as a readable dump or JSON")
    _inputs(parse, "report files")
    parse.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="output: a readable dump (default), JSON (an object, or an array for several), JSON Lines",
    )
    _sample(parse, "read")
    parse.set_defaults(run=run_parse)

    fmt_ = commands.add_parser("fmt", help="print reports as canonical text (a formatter for reports)")
    _inputs(fmt_, "report files")
    fmt_.add_argument(
        "--in-place", action="store_true", help="rewrite each text file as canonical text (never other files)"
    )
    fmt_.add_argument(
        "--check", action="store_true", help="exit 1 if a file is not canonical text; change nothing"
    )
    fmt_.add_argument("--diff", action="store_true", help="print what would change, as a unified diff")
    fmt_.add_argument(
        "--simplify", action="store_true", help="convert traditional characters to simplified (default: keep)"
    )
    fmt_.set_defaults(run=fmt.run)

    convert = commands.add_parser(
        "convert",
        help="convert reports (text, .json, long-form .csv) to canonical text, JSON, CSV or an Excel workbook",
    )
    _inputs(convert, "report, .json or .csv files")
    convert.add_argument(
        "--to",
        choices=("text", "json", "jsonl", "csv", "xlsx"),
        required=True,
        help="output format (xlsx: a workbook, a sheet per table, needs -o and zwgk[excel])",
    )
    convert.add_argument(
        "--wide", action="store_true", help="CSV: one row per report, with a UTF-8 BOM (for spreadsheets)"
    )
    convert.add_argument(
        "--labels",
        choices=LABELS,
        default="en",
        help="wide CSV: columns named by the model's fields (en, default) or the report's labels (zh)",
    )
    convert.set_defaults(run=run_convert)

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
        "--level",
        choices=[s.value for s in Severity][::-1],
        default="warning",
        help="the least severity shown (default: warning; info: every finding)",
    )
    check_.add_argument(
        "--series", action="store_true", help="also check carrying over across the years of the files given"
    )
    add_organs_option(check_, "with --series, which reports are of one organ")
    _sample(check_, "check")
    check_.set_defaults(run=run_check)

    compare.add(commands)
    summary = commands.add_parser(
        "summary", help="a row per report (totals, indicators, errors) and each indicator's distribution"
    )
    _inputs(summary, "report, .json or .csv files")
    summary.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="output: an aligned table (default), CSV, JSON (shares as exact fractions)",
    )
    summary.add_argument(
        "--plot", metavar="DIR", help="also draw the charts into DIR as PNG files (zwgk[plot])"
    )
    add_organs_option(summary, "the canonical_organ column, and the organs the charts draw")
    summary.set_defaults(run=run_summary)

    codes = commands.add_parser("codes", help="print every diagnostic code as a Markdown table")
    codes.set_defaults(run=_list_codes)

    schema = commands.add_parser("schema", help="print the JSON Schema of zwgk's report JSON")
    schema.set_defaults(run=_schema)
    return parser


def _has_inputs(args: argparse.Namespace) -> bool:
    """Whether a command that reads reports was given some (the bundled sample with ``--sample``)."""
    if getattr(args, "sample", False):
        args.files = [str(sample_path())]
    if "files" not in args or args.files:
        return True
    hint = "，或用 --sample 读取内置样例（or --sample）" if "sample" in args else ""
    print(f"zwgk {args.command}: 请给出报告文件（give report files）{hint}", file=sys.stderr)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    if not _has_inputs(args):
        return EXIT_UNUSABLE
    try:
        with writing_output():
            code: int = args.run(args)
            sys.stdout.flush()  # what is still buffered fails here, not at exit
    except BrokenPipeError:  # `zwgk … | head`
        sys.stderr.close()
        return EXIT_OK
    except ZwgkError as error:  # an --organs file unusable, the output could not be written or encoded
        print(f"zwgk {args.command}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    return code
