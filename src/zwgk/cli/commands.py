"""The commands that read reports and write what they hold: ``parse``, ``convert``, ``check``, ``summary``."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable
from typing import Any

import attrs

from ..check import check, check_series, filter_diagnostics
from ..codes import unknown_codes
from ..model import Diagnostic, Severity
from ..model.report import Report
from ..serialize.csv import to_csv
from ..serialize.dump import dump
from ..serialize.json import converter
from ..serialize.text import to_text
from ..serialize.xlsx import to_xlsx
from ..summary import WRITERS, summarise
from .inputs import Batch, organ_mapping
from .output import EXIT_FOUND, EXIT_OK, EXIT_UNUSABLE, Output, write_atomically, write_reports

_BOM = "\ufeff"
"""Before a spreadsheet CSV: how Excel (on a Chinese Windows too) knows it is UTF-8."""


def _read(args: argparse.Namespace) -> Batch:
    return Batch.read(args.files, jobs=args.jobs, simplify=getattr(args, "simplify", True))


def _close(args: argparse.Namespace, batch: Batch, *more: str) -> None:
    """The closing line on stderr — files, reports, files that failed, ``more``, time — unless one source
    was read or ``--quiet``."""
    if args.quiet or len(batch.sources) <= 1:
        return
    said = [
        f"{len(batch.sources)} 个文件",
        f"{len(batch.reports)} 份报告",
        f"{len(batch.failures)} 个文件无法读取",
    ]
    print(f"zwgk {args.command}: {'，'.join([*said, *more])}，用时 {batch.seconds:.2f} 秒", file=sys.stderr)


def _status(batch: Batch) -> int:
    return EXIT_UNUSABLE if batch.failures else EXIT_OK


def _objects(reports: Iterable[tuple[str, Report]]) -> list[dict[str, Any]]:
    """Each report as a JSON object (its ``source`` among its keys)."""
    return [converter().unstructure(report) for _, report in reports]


def _write_json(out: Output, objects: list[dict[str, Any]], form: str, single: bool) -> None:
    """``json``: one object (``single``) or an array; ``jsonl``: an object a line, whatever their number."""
    if form == "jsonl":
        out.write("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects))
    else:
        out.write(
            json.dumps(objects[0] if single and objects else objects, ensure_ascii=False, indent=2) + "\n"
        )


def _single(args: argparse.Namespace, batch: Batch) -> bool:
    """Whether one report was asked for (one source, not a folder): JSON then prints an object."""
    return len(args.files) == 1 and batch.sources == args.files and len(batch.reports) == 1


def run_parse(args: argparse.Namespace) -> int:
    batch = _read(args)
    out = Output(args.output)
    if args.format == "text":
        write_reports(out, batch.reports, dump)
    else:
        _write_json(out, _objects(batch.reports), args.format, _single(args, batch))
    out.close()
    _close(args, batch)
    return _status(batch)


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``convert`` command's options, if anything."""
    if args.to == "xlsx" and not args.output:
        return "--to xlsx 需要 -o FILE（a workbook is no text for standard output）"
    if args.labels == "zh" and not (args.to == "csv" and args.wide):
        return "--labels zh 只用于 --to csv --wide（only the wide CSV names its columns）"
    return None


def run_convert(args: argparse.Namespace) -> int:
    problem = _usage_error(args)
    if problem:
        print(f"zwgk convert: {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    batch = _read(args)
    reports = [report for _, report in batch.reports]
    if args.to == "xlsx":
        buffer = io.BytesIO()
        to_xlsx(reports, buffer)
        write_atomically(args.output, buffer.getvalue())
        _close(args, batch)
        return _status(batch)
    out = Output(args.output)
    if args.to in ("json", "jsonl"):
        _write_json(out, _objects(batch.reports), args.to, _single(args, batch))
    elif args.to == "csv":
        out.write((_BOM if args.wide else "") + to_csv(reports, wide=args.wide, labels=args.labels))
    else:
        write_reports(out, batch.reports, to_text)
    out.close()
    _close(args, batch)
    return _status(batch)


def codes(values: list[str] | None) -> list[str]:
    """Codes or prefixes given as ``--select ZW301,ZW302 --select ZW31``."""
    return [code.strip().upper() for value in values or () for code in value.split(",") if code.strip()]


def _findings(
    args: argparse.Namespace, reports: list[tuple[str, Report]], organs: dict[str, str] | None
) -> list[list[Diagnostic]]:
    found = [check(report) for _, report in reports]
    if args.series:
        for mine, across in zip(found, check_series([r for _, r in reports], organs), strict=True):
            mine += across
    level = Severity(args.level)
    return [filter_diagnostics(f, codes(args.select), codes(args.ignore), level) for f in found]


def _line(source: str, d: Diagnostic) -> str:
    where = f"{source}:{d.line}" if d.line is not None else source
    return f"{where}: {d.code} {d.severity.value} {d.message}"


def run_check(args: argparse.Namespace) -> int:
    unknown = unknown_codes([*codes(args.select), *codes(args.ignore)])
    if unknown:
        print(
            f"zwgk check: 未知的代码 {', '.join(unknown)}（unknown code; zwgk codes lists them）",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    if args.organs and not args.series:
        print(
            "zwgk check: --organs 只用于 --series（--organs applies to --series only）",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    organs = organ_mapping(args)
    batch = _read(args)
    found = _findings(args, batch.reports, organs)
    findings = sorted(
        (
            (source, d)
            for (source, _), diagnostics in zip(batch.reports, found, strict=True)
            for d in diagnostics
        ),
        key=lambda item: (item[0], item[1].line or 0),
    )
    out = Output(args.output)
    if args.format == "json":
        records: list[dict[str, Any]] = [{"source": s, **converter().unstructure(d)} for s, d in findings]
        records += [{"source": s, "error": str(e), "error_type": type(e).__name__} for s, e in batch.failures]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("".join(_line(source, d) + "\n" for source, d in findings))
    out.close()
    errors = sum(d.severity is Severity.ERROR for _, d in findings)
    _close(args, batch, f"{len(findings)} 条结果", f"其中 {errors} 条错误")
    return _status(batch) or (EXIT_FOUND if errors else EXIT_OK)


def run_summary(args: argparse.Namespace) -> int:
    organs = organ_mapping(args)
    batch = _read(args)
    summary = summarise((attrs.evolve(report, source=source) for source, report in batch.reports), organs)
    if args.plot:  # before the table is written: without matplotlib, nothing is
        from ..plot import plot

        plots = plot(summary, args.plot)
        if not args.quiet:
            named = "、".join(f"{label} = {organ}" for label, organ in plots.organs.items())
            font = (
                f"中文标签，字体 {plots.font}"
                if plots.font
                else f"未找到中文字体，标签用字段名（no CJK font: field names; {named}）"
            )
            print(f"zwgk summary: 图表 {', '.join(map(str, plots.paths))}；{font}", file=sys.stderr)
    out = Output(args.output)
    out.write(WRITERS[args.format](summary))
    out.close()
    _close(args, batch)
    return _status(batch)
