"""Reports as CSV: the long form (one record per cell; ``from_csv`` reads it back) and the wide form
(one row per report, one column per cell, for spreadsheets).

Long form columns: ``report, organ, year, template, table, row, column, value``.

=================  ==================  =====================  ==========================
table              row                 column                 value
=================  ==================  =====================  ==========================
report             title                                      the title (empty: none)
preamble           paragraph           1, 2, …                a paragraph
overview …         paragraph           1, 2, …                a paragraph (a section with
                                                              no paragraph: one record
                                                              with row and column empty)
active             format                                     2019 or 2021
active             licensing …         decisions …            a cell (empty: blank)
active.extra       （五）其他…          the column as written  a cell the format lacks
requests           withheld.state…     natural_person …       a cell
review             reconsideration …   upheld …               a cell
active, requests,  notes               1, 2, …                a note under the table
review
unplaced           section (or empty)  source line            the content as found
=================  ==================  =====================  ==========================

The wide form names its columns ``table.row.column`` (``requests.new_received.natural_person``), or
with ``labels="zh"`` by the catalogue's labels (``表三.本年新收.自然人``, see ``labels.py``); it is not
read back.

Text that a spreadsheet would run as a formula (starting with ``=`` ``+`` ``-`` ``@``, a tab or a
carriage return) is written with a leading ``'``; so is text that starts with ``'``. The long form
reads such cells back unchanged. Diagnostics are not written (the JSON carries them).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from ..catalogue import (
    ACTIVE_BLOCKS,
    REQUEST_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    Kind,
    request_leaves,
)
from ..characters import field_problem
from ..errors import InvalidCsvError
from ..model.common import Template, TextSection
from ..model.report import Report
from .cells import EXTRA_TABLE, TABLE_CELLS, active_kinds, extra_cells
from .json import FORMAT_KEY, converter, problems
from .labels import check_labels, zh_name
from .text import table_format

COLUMNS = ("report", "organ", "year", "template", "table", "row", "column", "value")
AMOUNT = "amount"
"""The column a DataFrame of table 二 adds for its amounts; ``from_csv`` reads it as the value."""
_TEXT_SECTIONS = ("overview", "problems", "other_matters")
_TABLES = ("active", "requests", "review")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
EXTRA_TABLE_ROW = re.compile(r"^（([一二三四五六七八九十]{0,3})）(.*)$", re.DOTALL)
_INTEGER = re.compile(r"^-?[0-9]{1,16}$")
"""A whole number that fits an ``int`` of zwgk's JSON (``SAFE_INTEGER`` has 16 digits)."""


def _safe(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _figure(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _records(report: Report) -> Iterator[tuple[str, str, str, str]]:
    """``(table, row, column, value)`` for every part of a report; text values made spreadsheet-safe."""
    yield "report", "title", "", _safe(report.title or "")
    for i, paragraph in enumerate(report.preamble, 1):
        yield "preamble", "paragraph", str(i), _safe(paragraph)
    for name in _TEXT_SECTIONS:
        section: TextSection | None = getattr(report, name)
        if section is not None:
            if not section.paragraphs:
                yield name, "", "", ""
            for i, paragraph in enumerate(section.paragraphs, 1):
                yield name, "paragraph", str(i), _safe(paragraph)
    for name, cells in TABLE_CELLS.items():
        table = getattr(report, name)
        if table is None:
            continue
        if name == "active":
            yield "active", FORMAT_KEY, "", table_format(table).value
        for row, column, value in cells(table):
            yield name, row, column, _figure(value)
    if report.active is not None:
        procurement = getattr(report.active, "procurement", None)
        if procurement is not None:
            yield "active", "procurement", "amount_unit", _safe(procurement.amount_unit or "")
        for row, column, value in extra_cells(report.active):
            yield EXTRA_TABLE, _safe(row), _safe(column), _figure(value)
    for name in _TABLES:
        table = getattr(report, name)
        for i, note in enumerate(table.notes if table is not None else (), 1):
            yield name, "notes", str(i), _safe(note)
    for unplaced in report.unplaced:
        yield "unplaced", _safe(unplaced.section or ""), str(unplaced.line or ""), _safe(unplaced.text)


def report_keys(reports: Sequence[Report], keys: Sequence[str] | None = None) -> list[str]:
    """What names each report in a table of many: ``keys`` if given (each used once), else each
    report's ``source`` (its path), else its number (``1``, ``2``, …); a name that would repeat (two
    reports of one file) gets ``#`` and the report's number."""
    if keys is not None:
        if len(keys) != len(reports) or len(set(keys)) != len(keys):
            raise ValueError("keys must name each report once")
        return list(keys)
    names = [report.source or str(i) for i, report in enumerate(reports, 1)]
    repeated = {name for name, times in Counter(names).items() if times > 1}
    return [f"{name}#{i}" if name in repeated else name for i, name in enumerate(names, 1)]


def to_csv(
    reports: Iterable[Report],
    *,
    wide: bool = False,
    keys: Sequence[str] | None = None,
    labels: str = "en",
) -> str:
    """The reports as CSV: the long form (one record per cell), or with ``wide=True`` one row per
    report and one column per cell. ``keys`` name the reports (default: their source paths, else
    ``1``, ``2``, …; see ``report_keys``). ``labels="zh"`` names the wide form's columns by the
    catalogue's labels (``表三.本年新收.自然人``) instead of the model's fields
    (``requests.new_received.natural_person``); the long form's columns are fixed."""
    check_labels(labels)
    reports = list(reports)
    names = report_keys(reports, keys)
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # RFC 4180: "\r\n", so a field holding "\r" is quoted too
    if wide:
        header = _wide_header()
        writer.writerow(header if labels == "en" else [zh_name(column) for column in header])
        for name, report in zip(names, reports, strict=True):
            found = _wide_values(report)
            writer.writerow([_safe(name), *(found.get(column, "") for column in header[1:])])
        return out.getvalue()
    writer.writerow(COLUMNS)
    for name, report in zip(names, reports, strict=True):
        meta = (_safe(name), _safe(report.organ or ""), str(report.year or ""), report.template.value)
        writer.writerows((*meta, *record) for record in _records(report))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# Reading the long form


def _number(value: str, kind: Kind, where: str) -> int | str | None:
    if not value:
        return None
    if kind is Kind.AMOUNT:
        return value  # checked as a decimal by the converter
    if not _INTEGER.match(value):
        raise InvalidCsvError([f"{where}: expected a whole number, got {value!r}"[:200]])
    return int(value)


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _report(rows: list[tuple[int, dict[str, str]]]) -> dict[str, Any]:
    """The JSON-shaped dictionary of one report's records."""
    first = rows[0][1]
    data: dict[str, Any] = {
        "organ": _unsafe(first["organ"]) or None,
        "year": int(first["year"]) if _INTEGER.match(first["year"]) else first["year"] or None,
        "template": first["template"],
        "unplaced": [],
    }
    kinds = active_kinds()
    for number, record in rows:
        where = f"CSV line {number}"
        table, row, column, value = record["table"], record["row"], record["column"], record["value"]
        if table == "report" and row == "title":
            data["title"] = _unsafe(value) or None
        elif table == "preamble":
            data.setdefault("preamble", []).append(_unsafe(value))
        elif table in _TEXT_SECTIONS:
            section = data.setdefault(table, {"paragraphs": []})
            if row:
                section["paragraphs"].append(_unsafe(value))
        elif table in _TABLES and row == "notes":
            data.setdefault(table, {}).setdefault("notes", []).append(_unsafe(value))
        elif table == "active" and row == FORMAT_KEY:
            data.setdefault("active", {})[FORMAT_KEY] = value
        elif table == "active" and column == "amount_unit":
            _put(data, f"active.{row}.{column}", _unsafe(value) or None)
        elif table == "active":
            _put(data, f"active.{row}.{column}", _number(value, kinds.get((row, column), Kind.COUNT), where))
        elif table == EXTRA_TABLE:
            match = EXTRA_TABLE_ROW.match(_unsafe(row))
            if match is None:
                raise InvalidCsvError([f"{where}: an extra cell's row must start with （item）, got {row!r}"])
            extra = {"item": match[1], "row": match[2], "column": _unsafe(column), "value": value or None}
            data.setdefault("active", {}).setdefault("extras", []).append(extra)
        elif table in ("requests", "review"):
            _put(data, f"{table}.{row}.{column}", _number(value, Kind.COUNT, where))
        elif table == "unplaced":
            line = int(column) if _INTEGER.match(column) else None
            data["unplaced"].append({"text": _unsafe(value), "section": _unsafe(row) or None, "line": line})
        else:
            raise InvalidCsvError([f"{where}: unknown table {table!r} with row {row!r}"])
    if "active" in data:  # records of table 二 without its format record (a DataFrame's): the report's
        data["active"].setdefault(FORMAT_KEY, data["template"])
    return data


def _check_text(record: dict[str, str], line: int) -> None:
    """Refuse a record holding what no text field may (``zwgk.characters``)."""
    for column, value in record.items():
        problem = field_problem(value)
        if problem is not None:
            raise InvalidCsvError([f"CSV line {line}, column {column}: the text holds {problem}"])


def from_csv(text: str) -> list[Report]:
    """The reports of a long-form CSV (as ``to_csv`` writes it, or a tidy DataFrame's, whose table 二
    has an ``amount`` column). Raises ``zwgk.InvalidCsvError`` listing what is wrong, with CSV line
    numbers or JSON-style paths."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    fields = tuple(reader.fieldnames or ())
    if fields not in (COLUMNS, (*COLUMNS, AMOUNT)):
        raise InvalidCsvError([f"CSV line 1: the columns must be {', '.join(COLUMNS)} (and {AMOUNT})"])
    grouped: dict[str, list[tuple[int, dict[str, str]]]] = {}
    try:
        for record in reader:
            if None in record or any(v is None for v in record.values()):
                raise InvalidCsvError([f"CSV line {reader.line_num}: expected {len(fields)} fields"])
            _check_text(record, reader.line_num)
            amount = record.pop(AMOUNT, "")
            if amount and record["value"]:
                raise InvalidCsvError(
                    [f"CSV line {reader.line_num}: a cell holds a value or an amount, not both"]
                )
            record["value"] = record["value"] or amount
            grouped.setdefault(_unsafe(record["report"]), []).append((reader.line_num, record))
    except csv.Error as error:
        raise InvalidCsvError([f"CSV line {reader.line_num}: {error}"]) from None
    reports = []
    for key, rows in grouped.items():
        try:
            reports.append(converter().structure(_report(rows), Report))
        except InvalidCsvError:
            raise
        except Exception as error:
            raise InvalidCsvError([f"report {key!r}: {p}" for p in problems(error)]) from None
    return reports


# ---------------------------------------------------------------------------------------------------
# The wide form


def _wide_header() -> list[str]:
    columns = ["report", "title", "organ", "year", "template", "active.format"]
    for template in Template:
        for block in ACTIVE_BLOCKS[template]:
            for row in block.rows:
                columns += [f"active.{row.field}.{c.field}" for c in block.columns]
                if row.field == "procurement":
                    columns.append("active.procurement.amount_unit")
    for template in (Template.V2021, Template.V2019):
        for leaf in request_leaves(template):
            columns += [f"requests.{leaf.path}.{c.field}" for c in REQUEST_COLUMNS]
    for group in REVIEW_GROUPS:
        columns += [f"review.{group.field}.{c.field}" for c in REVIEW_COLUMNS]
    columns += ["preamble", *_TEXT_SECTIONS]
    return list(dict.fromkeys(columns))  # a cell both formats have appears once


def _wide_values(report: Report) -> dict[str, str]:
    found = {
        "title": _safe(report.title or ""),
        "organ": _safe(report.organ or ""),
        "year": str(report.year or ""),
        "template": report.template.value,
        "preamble": _safe("\n".join(report.preamble)),
    }
    for name in _TEXT_SECTIONS:
        section = getattr(report, name)
        if section is not None:
            found[name] = _safe("\n".join(section.paragraphs))
    for table, row, column, value in _records(report):
        if table == "active" and row == FORMAT_KEY:
            found["active.format"] = value
        elif table in _TABLES and row != "notes":
            found[f"{table}.{row}.{column}"] = value
    return found
