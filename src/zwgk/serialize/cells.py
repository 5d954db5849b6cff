"""Every cell of tables 二, 三 and 四 as ``(row, column, value)``, in the catalogue's order: what the long
CSV and the DataFrames are made of. Rows are paths into the model (``withheld.state_secret``), columns
its field names (``natural_person``); a blank cell's value is ``None``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from ..catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, Kind, request_leaves
from ..model.active import Active2019, Active2021
from ..model.requests import Requests
from ..model.review import Review
from .text import table_format

Cell = tuple[str, str, int | Decimal | None]


def at_path(obj: Any, path: str) -> Any:
    """The part of ``obj`` a dotted path names."""
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def active_cells(active: Active2019 | Active2021) -> Iterator[Cell]:
    for block in ACTIVE_BLOCKS[table_format(active)]:
        for row in block.rows:
            values = getattr(active, row.field or "")
            for column in block.columns:
                yield row.field or "", column.field, getattr(values, column.field)


@cache
def active_kinds() -> dict[tuple[str, str], Kind]:
    """What each ``(row, column)`` of table 二 holds, in either format (tables 三 and 四 hold counts)."""
    return {
        (row.field or "", column.field): column.kind
        for blocks in ACTIVE_BLOCKS.values()
        for block in blocks
        for row in block.rows
        for column in block.columns
    }


def extra_cells(active: Active2019 | Active2021) -> Iterator[Cell]:
    """Table 二's cells the format lacks: the row as ``（item）row``, the column as the report wrote it."""
    for extra in active.extras:
        yield f"（{extra.item}）{extra.row}", extra.column, extra.value


def request_cells(requests: Requests) -> Iterator[Cell]:
    for leaf in request_leaves(table_format(requests)):
        values = at_path(requests, leaf.path)
        for column in REQUEST_COLUMNS:
            yield leaf.path, column.field, getattr(values, column.field)


def review_cells(review: Review) -> Iterator[Cell]:
    for group in REVIEW_GROUPS:
        values = getattr(review, group.field or "")
        for column in REVIEW_COLUMNS:
            yield group.field or "", column.field, getattr(values, column.field)


TABLE_CELLS: dict[str, Callable[[Any], Iterator[Cell]]] = {
    "active": active_cells,
    "requests": request_cells,
    "review": review_cells,
}
"""The report attribute of each table → its cells."""
EXTRA_TABLE = "active.extra"
"""The ``table`` of ``extra_cells``."""
