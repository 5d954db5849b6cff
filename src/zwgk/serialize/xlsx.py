"""Reports as an Excel workbook (``zwgk[excel]``, written with openpyxl), labelled as the reports print.

Sheets: ``报告`` lists the reports (key, title, organ, year, format); ``表二``, ``表三`` and ``表四`` hold
the tables, their rows and columns labelled with the official labels of the catalogue.

Tables 二 and 三 are a block per report, each under a line naming the report: the table as the report
prints it, rows down and columns across (表二 a grid per 第二十条 item, then any cells the format lacks;
表三 its 25 rows under the two header rows of applicants). Spread over one row per report, table 三
would be 175 columns no one can read in Excel; as blocks, each report reads like its own table.
Table 四 is printed as headers over a single row of figures, so its sheet is that header once with a
row per report below it, and reports compare down the columns.

A blank cell is an empty cell, never 0. Counts and amounts are numbers (amounts exact as printed);
an amount's header carries its unit (``本年收费金额（单位：万元）``; 采购总金额 the unit the report gave).
Text is never a formula, and control characters that a workbook cannot hold are dropped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import IO, Any

from ..catalogue import (
    ACTIVE_BLOCKS,
    ACTIVE_LABEL_HEADER,
    REPORT_LABELS,
    REQUEST_COLUMNS,
    REQUEST_HEADER_LABELS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    REVIEW_HEADER_LABELS,
    Kind,
)
from ..errors import MissingExtraError
from ..model.active import Active2019, Active2021
from ..model.report import Report
from ..model.requests import Requests
from .csv import report_keys
from .grids import Value, active_grids, requests_grid
from .labels import TABLE_NAMES
from .text import table_format

REPORTS_SHEET = "报告"
_REPORT_FIELDS = ("report", "title", "organ", "year", "template")
_EXTRA_HEADER = ("第二十条", ACTIVE_LABEL_HEADER, "列", "数值")
"""The header of table 二's cells the format lacks: the item, the row and the column as written."""
NOTES_LABEL = "说明"
"""The header of table 四's notes (the tables' notes are the lines under them)."""
_LABEL_WIDTH = 60
_FIGURE_WIDTH = 12


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError(
            'Excel 需要可选依赖 openpyxl：pip install "zwgk[excel]"（missing extra zwgk[excel]）'
        ) from None
    return openpyxl


class _Sheet:
    """A worksheet written row by row."""

    def __init__(self, openpyxl: Any, sheet: Any, title: str) -> None:
        self.sheet, self._openpyxl = sheet, openpyxl
        self.sheet.title = title
        self.row = 0

    def put(self, column: int, value: Value | str, *, bold: bool = False) -> None:
        """A cell of the current row (columns from 1): a blank stays empty, text stays text."""
        if value is None:
            return
        cell = self.sheet.cell(self.row, column)
        if isinstance(value, str):
            cell.value = self._openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.data_type = "s"  # never a formula, whatever it starts with
        else:
            cell.value = value
        if bold:
            cell.font = self._openpyxl.styles.Font(bold=True)

    def line(self, values: Iterable[Value | str], *, bold: bool = False, start: int = 1) -> None:
        """The next row."""
        self.row += 1
        for column, value in enumerate(values, start):
            self.put(column, value, bold=bold)

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        self.sheet.merge_cells(
            start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column
        )

    def widths(self, *widths: int) -> None:
        """Column widths from column A; the last one for every column after."""
        for i in range(1, 1 + max(self.sheet.max_column, len(widths))):
            letter = self._openpyxl.utils.get_column_letter(i)
            self.sheet.column_dimensions[letter].width = widths[min(i, len(widths)) - 1]


def _heading(name: str, report: Report) -> str:
    """The line naming a report above its block: ``1　梁园区王楼乡人民政府　2020年``."""
    year = f"{report.year}年" if report.year is not None else None
    return "　".join(part for part in (name, report.organ, year) if part)


def _active(sheet: _Sheet, heading: str, active: Active2019 | Active2021) -> None:
    sheet.line([heading], bold=True)
    unit = getattr(getattr(active, "procurement", None), "amount_unit", None)  # 采购总金额's, 2019 only
    for block, grid in zip(ACTIVE_BLOCKS[table_format(active)], active_grids(active), strict=True):
        sheet.line([grid.caption])
        header = [
            f"{c.label}（{unit}）" if c.kind is Kind.AMOUNT and c.unit is None and unit else c.label
            for c in block.columns
        ]
        sheet.line([grid.corner, *header], bold=True)
        for label, values in grid.rows:
            sheet.line([label, *values])
    if active.extras:
        sheet.line(_EXTRA_HEADER, bold=True)
        for extra in active.extras:
            sheet.line([f"（{extra.item}）", extra.row, extra.column, extra.value])
    _notes(sheet, active.notes)


def _requests(sheet: _Sheet, heading: str, requests: Requests) -> None:
    sheet.line([heading], bold=True)
    natural, *organisations, total = (c.label for c in REQUEST_COLUMNS)
    sheet.line(
        [None, natural, REQUEST_HEADER_LABELS[1], *[None] * (len(organisations) - 1), total], bold=True
    )
    sheet.line(organisations, bold=True, start=3)
    top, last = sheet.row - 1, len(REQUEST_COLUMNS) + 1
    sheet.merge(top, 2, top + 1, 2)
    sheet.merge(top, 3, top, last - 1)
    sheet.merge(top, last, top + 1, last)
    for label, values in requests_grid(requests).rows:
        sheet.line([label, *values])
    _notes(sheet, requests.notes)


def _notes(sheet: _Sheet, notes: Sequence[str]) -> None:
    """The notes printed under a table, a line each, then the empty line that ends the block."""
    for note in notes:
        sheet.line([note])
    sheet.row += 1


def _review_header(sheet: _Sheet) -> None:
    """The printed header of table 四 (three rows), after the columns naming the report."""
    leading = [REPORT_LABELS[field] for field in ("report", "organ", "year")]
    columns = [c.label for c in REVIEW_COLUMNS]
    width, first = len(columns), len(leading) + 1
    reconsideration, *litigation = (g.label for g in REVIEW_GROUPS)
    sheet.line([*leading, reconsideration, *[None] * (width - 1), REVIEW_HEADER_LABELS[0]], bold=True)
    sheet.put(first + 3 * width, NOTES_LABEL, bold=True)
    sheet.line(columns, bold=True, start=first)
    sheet.put(first + width, litigation[0], bold=True)
    sheet.put(first + 2 * width, litigation[1], bold=True)
    sheet.line(columns * 2, bold=True, start=first + width)
    for column in (*range(1, first), first + 3 * width):
        sheet.merge(1, column, 3, column)
    sheet.merge(1, first, 1, first + width - 1)
    sheet.merge(1, first + width, 1, first + 3 * width - 1)
    for column in range(first, first + width):
        sheet.merge(2, column, 3, column)
    sheet.merge(2, first + width, 2, first + 2 * width - 1)
    sheet.merge(2, first + 2 * width, 2, first + 3 * width - 1)
    sheet.sheet.freeze_panes = sheet.sheet.cell(4, first)


def to_xlsx(
    reports: Iterable[Report],
    path_or_file: str | os.PathLike[str] | IO[bytes],
    *,
    keys: Sequence[str] | None = None,
) -> None:
    """Write the reports as an Excel workbook (``.xlsx``) to a path or a binary file: a sheet listing
    them, then a sheet per table labelled as the reports print. ``keys`` name the reports (default
    ``1``, ``2``, …). Raises ``zwgk.MissingExtraError`` without ``zwgk[excel]``."""
    openpyxl = _openpyxl()
    reports = list(reports)
    names = report_keys(reports, keys)
    workbook = openpyxl.Workbook()
    listing = _Sheet(openpyxl, workbook.active, REPORTS_SHEET)
    active, requests, review = (
        _Sheet(openpyxl, workbook.create_sheet(), TABLE_NAMES[table])
        for table in ("active", "requests", "review")
    )
    listing.line([REPORT_LABELS[field] for field in _REPORT_FIELDS], bold=True)
    for name, report in zip(names, reports, strict=True):
        listing.line([name, report.title, report.organ, report.year, report.template.value])
    listing.widths(24, 48, 24, 8)
    listing.sheet.freeze_panes = "A2"
    _review_header(review)
    for name, report in zip(names, reports, strict=True):
        if report.active is not None:
            _active(active, _heading(name, report), report.active)
        if report.requests is not None:
            _requests(requests, _heading(name, report), report.requests)
        if report.review is not None:
            groups = (getattr(report.review, g.field or "") for g in REVIEW_GROUPS)
            figures = [getattr(group, c.field) for group in groups for c in REVIEW_COLUMNS]
            review.line([name, report.organ, report.year, *figures, "\n".join(report.review.notes) or None])
    active.widths(_LABEL_WIDTH, _FIGURE_WIDTH)
    requests.widths(_LABEL_WIDTH, _FIGURE_WIDTH)
    review.widths(24, 24, 8, _FIGURE_WIDTH)
    workbook.save(path_or_file)
