"""A report's tables as grids of labels and values, in the catalogue's order: what the terminal dump
and the Jupyter view both draw."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ..catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, walk_rows
from ..model.active import Active2019, Active2021
from ..model.requests import Requests
from ..model.review import Review
from .cells import at_path
from .text import table_format

Value = int | Any | None
"""A cell's value: a whole number, a ``Decimal`` amount, or ``None`` for a blank."""


@attrs.frozen
class Grid:
    """One table (or one 第二十条 item of table 二): column headers, then rows of a label and values.
    A group row (（三）不予公开) has no values."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Value, ...]], ...]
    corner: str = ""
    """The header over the labels."""


def active_grids(active: Active2019 | Active2021) -> Iterator[Grid]:
    """Table 二, a grid per 第二十条 item."""
    for block in ACTIVE_BLOCKS[table_format(active)]:
        yield Grid(
            f"第二十条第（{block.item}）项",
            tuple(c.label for c in block.columns),
            tuple(
                (row.label, tuple(getattr(getattr(active, row.field or ""), c.field) for c in block.columns))
                for row in block.rows
            ),
            "信息内容",
        )


def requests_grid(requests: Requests) -> Grid:
    """Table 三, group rows included."""
    rows = []
    for path, row, _ in walk_rows(REQUEST_ROWS[table_format(requests)]):
        if path is None or row.children:
            rows.append((row.label, ()))
        else:
            values = at_path(requests, path)
            rows.append((row.label, tuple(getattr(values, c.field) for c in REQUEST_COLUMNS)))
    return Grid("", tuple(c.label for c in REQUEST_COLUMNS), tuple(rows))


def review_grid(review: Review) -> Grid:
    """Table 四, a row per group (行政复议, 未经复议直接起诉, 复议后起诉)."""
    return Grid(
        "",
        tuple(c.label for c in REVIEW_COLUMNS),
        tuple(
            (group.label, tuple(getattr(getattr(review, group.field or ""), c.field) for c in REVIEW_COLUMNS))
            for group in REVIEW_GROUPS
        ),
    )


def table_grids(table: Active2019 | Active2021 | Requests | Review) -> list[Grid]:
    """The grids of any of the three tables."""
    if isinstance(table, Requests):
        return [requests_grid(table)]
    if isinstance(table, Review):
        return [review_grid(table)]
    return list(active_grids(table))
