"""Table 四 from its rows: fifteen figures, five per group, after the header rows."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import REVIEW_COLUMNS, REVIEW_GROUPS
from ..codes import Findings
from ..lexing.cells import Cell
from ..model.common import Unplaced
from ..model.review import Review, ReviewOutcomes
from ..structure import DataRow, HeaderRow, Row, ValueRow, all_cells, text_of
from .cells import counts, dropped, fit, record_lines
from .glued import SplitSearch, Totals
from .labels import note_headers

_TOTALS = Totals((len(REVIEW_COLUMNS),) * len(REVIEW_GROUPS))
"""Each group's four results add up to its 总计."""
_FIELDS = tuple(column.field for column in REVIEW_COLUMNS)


def build_review(
    rows: Sequence[Row],
    notes: tuple[str, ...],
    findings: Findings,
    lines: dict[str, int],
    search: SplitSearch,
) -> tuple[Review, list[Unplaced]]:
    """Table 四 from its rows: every figure after the headers, in order (glued figures split by the parse's
    ``search``); where each stood goes into ``lines``."""
    cells: list[Cell] = []
    unplaced: list[Unplaced] = []
    for row in rows:
        if isinstance(row, ValueRow):
            cells.extend(row.cells)
        elif isinstance(row, HeaderRow):
            note_headers(row, 4, findings)
        elif isinstance(row, DataRow):
            text = text_of(all_cells(row))
            line = row.labels[0].line
            findings.add("ZW231", f"“{text}”不属于表四，作为未归位内容保留", line)
            unplaced.append(Unplaced(text, "review", line))
    fitted = fit(cells, _TOTALS.width, findings, "表四", _TOTALS, search=search)
    if left := dropped(cells, fitted):  # the figures no column took, as the diagnostic said
        unplaced.append(Unplaced(text_of(left), "review", left[0].line))
    groups = {}
    for g, group in enumerate(REVIEW_GROUPS):
        part = fitted[g * len(REVIEW_COLUMNS) : (g + 1) * len(REVIEW_COLUMNS)]
        record_lines(lines, f"review.{group.field}", None, _FIELDS, part)
        groups[group.field or ""] = ReviewOutcomes(
            *counts(part, REVIEW_COLUMNS, findings, f"review.{group.field}")
        )
    return Review(**groups, notes=notes), unplaced
