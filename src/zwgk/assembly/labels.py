"""Diagnostics for labels a report spells differently from the format."""

from __future__ import annotations

from functools import cache

from ..catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS
from ..codes import Findings
from ..lexing.cells import Cell
from ..lexing.labels import wording
from ..structure import HeaderRow


def note_label(cell: Cell, canonical: str, findings: Findings, path: str) -> None:
    """Say so when ``cell`` named its row or column through an alias or with other numbering."""
    if wording(cell.key) != wording(canonical):
        findings.add("ZW211", f"“{cell.text}”按“{canonical}”的变体识别（alias）", cell.line, (path,))
    elif cell.reading.renumbered:
        findings.add("ZW212", f"“{cell.text}”的编号与格式不同，按“{canonical}”识别", cell.line, (path,))


@cache
def _header_labels() -> dict[tuple[int, str], str]:
    """(table, name) → the official wording of the header cells of tables 三 and 四."""
    found = {(3, column.field): column.label for column in REQUEST_COLUMNS}
    found.update({(4, column.field): column.label for column in REVIEW_COLUMNS})
    found.update({(4, group.field or ""): group.label for group in REVIEW_GROUPS})
    return found


def note_headers(row: HeaderRow, table: int, findings: Findings) -> None:
    """``note_label`` for every header cell of ``table`` in a header row."""
    for cell in row.cells:
        for label in cell.reading.labels:
            canonical = _header_labels().get((label.table, label.name))
            if label.table == table and canonical is not None:
                note_label(cell, canonical, findings, "")
