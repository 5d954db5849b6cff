"""``zwgk compare OLD NEW``: two reports side by side, as text, JSON, CSV or an HTML page."""

from __future__ import annotations

import argparse
import sys

from ..comparison import compare
from ..comparison.html import comparison_html
from ..comparison.records import comparison_csv, comparison_json
from ..comparison.text import comparison_text
from ..errors import ZwgkError
from ..model.report import Report
from .inputs import add_organs_option, failure, organ_mapping, reports_in
from .output import EXIT_OK, EXIT_UNUSABLE, Output

RENDERERS = {"text": comparison_text, "json": comparison_json, "csv": comparison_csv, "html": comparison_html}


def _one_report(source: str) -> Report:
    """The report a source holds; a source of several (a long CSV) is refused: which one is meant?"""
    reports = reports_in(source)
    if len(reports) != 1:
        raise ZwgkError(f"{source} 含 {len(reports)} 份报告，compare 需要一份（one report per file）")
    return reports[0]


def run(args: argparse.Namespace) -> int:
    organs = organ_mapping(args)
    reports = []
    for source in (args.old, args.new):
        try:
            reports.append(_one_report(source))
        except ZwgkError as error:
            print(failure(source, error), file=sys.stderr)
            return EXIT_UNUSABLE
    out = Output(args.output)
    out.write(RENDERERS[args.format](compare(*reports, organs=organs), everything=args.all))
    out.close()
    return EXIT_OK


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``compare`` subcommand."""
    command = commands.add_parser(
        "compare",
        help="compare two reports (an organ's, year over year): the cells that changed, the 结转 rule, "
        "the diagnostics and the indicators",
    )
    command.add_argument("old", metavar="OLD", help="the earlier report (a file, a URL, .json, or -)")
    command.add_argument("new", metavar="NEW", help="the later report")
    command.add_argument(
        "--format",
        choices=tuple(RENDERERS),
        default="text",
        help="text (default), JSON, a long CSV, or one self-contained HTML page",
    )
    command.add_argument("--all", action="store_true", help="every cell, not only those that changed")
    add_organs_option(command, "whether both are of one organ")
    command.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    command.set_defaults(run=run)
