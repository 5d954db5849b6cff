"""A document's table, its merged cells resolved, as the lines zwgk's text parser reads.

HTML, Word and PDF tables all come down to a matrix: the text of each cell where the cell starts,
``None`` where a merged cell (rowspan, colspan, a vertical merge) covers the position. Each row
becomes one tab-separated line — the labels that start in it, then every cell of the figure columns,
an empty cell kept empty — so the positions the document gives are the positions zwgk reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..lexing.cells import CellKind, read

_SPACE_IN_WORD = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SPACES = re.compile(r"\s+")

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


def spans_to_matrix(rows: Iterable[Sequence[tuple[str, int, int]]]) -> list[list[str | None]]:
    """The matrix of a table given as rows of ``(text, rowspan, colspan)``, as HTML and Word give it:
    each cell placed at the first column its row leaves free, covering ``rowspan`` × ``colspan``."""
    matrix: list[list[str | None]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        out: list[str | None] = []
        column = 0
        for text, rowspan, colspan in row:
            while covered.pop((r, column), False):
                out.append(None)
                column += 1
            out.append(text)
            out.extend([None] * (colspan - 1))
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    covered[(r + dr, column + dc)] = True
            column += colspan
        while covered.pop((r, column), False):
            out.append(None)
            column += 1
        matrix.append(out)
    return matrix
