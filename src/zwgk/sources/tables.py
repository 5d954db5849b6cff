"""A document's table, its merged cells resolved, as the lines zwgk's text parser reads.

HTML, Word and PDF tables all come down to a matrix: the text of each cell where the cell starts,
``None`` where a merged cell (rowspan, colspan, a vertical merge) covers the position. Each row
becomes one tab-separated line — the labels that start in it, then every cell of the figure columns,
an empty cell kept empty — so the positions the document gives are the positions zwgk reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputTooLargeError
from ..lexing.cells import CellKind, read

_SPACE_IN_WORD = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SPACES = re.compile(r"\s+")

MAX_TABLE_CELLS = 1_000_000
"""The most positions a table's cells may cover (rows × columns, a merged cell counted by all it
covers): an official table has some 300, a page's largest tables some thousands, a span bomb billions."""

Matrix = Sequence[Sequence[str | None]]
"""Rows of cells: the cell's text where it starts, ``None`` where a merged cell covers it."""


def cell_text(raw: str) -> str:
    """A cell's text on one line: a label printed vertically or wrapped (``商 业 企\\n业``) joined,
    spaces between figures kept."""
    return _SPACES.sub(" ", _SPACE_IN_WORD.sub("", raw.replace("\xa0", " "))).strip()


def is_figure(text: str) -> bool:
    """A figure, or a marker or a figure no column takes printed in its place (``-``, ``无``, ``约5``), as
    the lexer reads cells."""
    return read(text).kind in (CellKind.NUMBER, CellKind.MARKER, CellKind.UNREAD)


def _first_figure(row: Sequence[str | None]) -> int | None:
    return next((i for i, c in enumerate(row) if c and is_figure(c)), None)


def table_lines(matrix: Matrix) -> list[str]:
    """One line per row of ``matrix``: the labels of the row, then every cell of the figure columns
    (from the first column any row has a figure in), empty ones kept, tab-separated. A row nothing
    starts in gives no line."""
    rows = [[cell_text(c) if c is not None else None for c in row] for row in matrix]
    data_start = min((i for row in rows if (i := _first_figure(row)) is not None), default=0)
    lines = []
    for row in rows:
        labels = [c for c in row[:data_start] if c]
        data = [c for c in row[data_start:] if c is not None]
        if labels or any(data):
            lines.append("\t".join([*labels, *data]))
    return lines


def check_size(positions: int) -> None:
    """Refuse a table whose cells cover more than ``MAX_TABLE_CELLS`` positions of its grid."""
    if positions > MAX_TABLE_CELLS:
        raise InputTooLargeError(
            f"表格的单元格覆盖 {positions:,} 个位置，超过上限 {MAX_TABLE_CELLS:,}（table too large）"
        )


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Column ranges ``[start, end)`` as their union: sorted, apart."""
    union: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if union and start <= union[-1][1]:
            union[-1] = (union[-1][0], max(union[-1][1], end))
        else:
            union.append((start, end))
    return union


def spans_to_matrix(rows: Sequence[Sequence[tuple[str, int, int]]]) -> list[list[str | None]]:
    """The matrix of a table given as rows of ``(text, rowspan, colspan)``, as HTML gives it: each cell
    placed at the first column its row leaves free, covering ``rowspan`` × ``colspan``. Time and memory
    go with the positions the cells cover (``check_size``)."""
    check_size(sum(rowspan * colspan for row in rows for _, rowspan, colspan in row))
    matrix: list[list[str | None]] = []
    below: dict[int, list[tuple[int, int]]] = {}  # row → the column ranges cells above cover in it
    for r, row in enumerate(rows):
        covered = _union(below.pop(r, []))
        out: list[str | None] = []
        i = 0
        for cell in [*row, None]:  # None: the row's end, where covered positions still count
            while i < len(covered) and covered[i][1] <= len(out):
                i += 1
            if i < len(covered) and covered[i][0] <= len(out):
                out.extend([None] * (covered[i][1] - len(out)))
                i += 1
            if cell is None:
                break
            text, rowspan, colspan = cell
            columns = (len(out), len(out) + colspan)
            for lower in range(r + 1, r + rowspan):
                below.setdefault(lower, []).append(columns)
            out.append(text)
            out.extend([None] * (colspan - 1))
        matrix.append(out)
    return matrix
