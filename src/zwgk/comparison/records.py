"""A comparison as data: the JSON document and the long CSV (docs/compare.md describes both).

Counts are numbers, amounts exact decimal strings (as zwgk's report JSON writes them), fractions exact
strings (``11/20``) beside a percentage rounded to two places for reading.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..indicator import exact
from ..serialize.labels import TABLE_NAMES
from .model import CellChange, Compared, Comparison, Value

CSV_COLUMNS = (
    "part",
    "table",
    "row",
    "column",
    "old_row",
    "old_column",
    "name",
    "presence",
    "status",
    "old",
    "new",
    "change",
    "relative",
    "relative_percent",
)
"""The long CSV's columns; ``part`` says what a line is: ``cell``, ``carry_over``, ``indicator``,
``appeared`` or ``disappeared``."""


def _number(value: Value | None) -> int | str | None:
    return format(value, "f") if isinstance(value, Decimal) else value


def _percent(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value * 100), 2)


def _report(report: Compared) -> dict[str, Any]:
    return {
        "organ": report.organ,
        "year": report.year,
        "template": report.template.value,
        "title": report.title,
        "source": report.source,
    }


def cell_record(cell: CellChange) -> dict[str, Any]:
    """One cell: where it stands in each format (``None`` for the format that lacks it), its figures."""
    old, new = cell.old_place, cell.new_place
    return {
        "table": cell.table,
        "row": new.path if new else None,
        "column": new.column.field if new else None,
        "old_row": old.path if old else None,
        "old_column": old.column.field if old else None,
        "name": f"{TABLE_NAMES[cell.table]}.{cell.place.name}",
        "presence": cell.presence.value,
        "old": _number(cell.old),
        "new": _number(cell.new),
        "change": _number(cell.change),
        "relative": exact(cell.relative),
        "relative_percent": _percent(cell.relative),
    }


def _diagnostic(diagnostic: Any) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "paths": list(diagnostic.paths),
    }


def comparison_record(comparison: Comparison, *, everything: bool = False) -> dict[str, Any]:
    """The JSON document: the reports, the notes, the cells (those that changed, or ``everything``),
    the 结转 rule (``null`` when not checked), the diagnostics, the indicators."""
    carry = comparison.carry_over
    return {
        "old": _report(comparison.old),
        "new": _report(comparison.new),
        "same_organ": comparison.same_organ,
        "consecutive": comparison.consecutive,
        "notes": list(comparison.notes),
        "cells": [cell_record(c) for c in comparison.cells if everything or c.changed],
        "carry_over": None
        if carry is None
        else [
            {
                "column": c.column.field,
                "label": c.column.label,
                "carried_forward": c.carried_forward,
                "carried_over": c.carried_over,
                "holds": c.holds,
            }
            for c in carry
        ],
        "appeared": [_diagnostic(d) for d in comparison.appeared],
        "disappeared": [_diagnostic(d) for d in comparison.disappeared],
        "indicators": [
            {
                "name": i.name,
                "label": i.label,
                "formula": i.formula,
                "old": exact(i.old),
                "new": exact(i.new),
                "change": exact(i.change),
                "old_percent": _percent(i.old),
                "new_percent": _percent(i.new),
                "change_percent": _percent(i.change),
            }
            for i in comparison.indicators
        ],
    }


def comparison_json(comparison: Comparison, *, everything: bool = False) -> str:
    return (
        json.dumps(comparison_record(comparison, everything=everything), ensure_ascii=False, indent=2) + "\n"
    )


def _csv_rows(comparison: Comparison, everything: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"part": "cell", **cell_record(c)} for c in comparison.cells if everything or c.changed
    ]
    for c in comparison.carry_over or ():
        rows.append(
            {
                "part": "carry_over",
                "table": "requests",
                "row": "carried_over",
                "column": c.column.field,
                "old_row": "carried_forward",
                "old_column": c.column.field,
                "name": c.column.label,
                "status": {True: "holds", False: "fails", None: "not_checkable"}[c.holds],
                "old": c.carried_forward,
                "new": c.carried_over,
            }
        )
    for i in comparison.indicators:
        rows.append(
            {
                "part": "indicator",
                "row": i.name,
                "name": i.label,
                "old": exact(i.old),
                "new": exact(i.new),
                "change": exact(i.change),
            }
        )
    for part, found in (("appeared", comparison.appeared), ("disappeared", comparison.disappeared)):
        rows += [{"part": part, "row": d.code, "status": d.severity.value, "name": d.message} for d in found]
    return rows


def comparison_csv(comparison: Comparison, *, everything: bool = False) -> str:
    """The long CSV: a line per cell (those that changed, or ``everything``), per column of the 结转
    rule, per indicator and per diagnostic that appeared or disappeared."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_csv_rows(comparison, everything))
    return out.getvalue()
