"""A comparison's cells as grids to draw: a grid per table (per 第二十条 item for table 二), rows and
columns as the two formats have them together, each cell a ``CellChange`` or ``None`` where neither
format has that row and column together."""

from __future__ import annotations

import attrs

from ..catalogue import Column
from .model import CellChange, Comparison, Presence

ColumnKey = tuple[str | None, str | None]
"""A column as (old format's field, new format's field): ``("made", "issued")``; ``None`` where one lacks it."""


@attrs.frozen
class Heading:
    """A row's or column's label in the new format, and the old format's where it differs."""

    label: str
    old_label: str | None
    presence: Presence


@attrs.frozen
class GridRow:
    key: str
    """The row's path (``withheld.state_secret``)."""
    heading: Heading
    group: str | None
    """The label of the group the row stands under (（三）不予公开), if any."""
    cells: tuple[CellChange | None, ...]

    @property
    def changed(self) -> bool:
        return any(cell is not None and cell.changed for cell in self.cells)


@attrs.frozen
class Grid:
    caption: str
    """第二十条第（一）项 for a part of table 二; empty otherwise."""
    columns: tuple[Heading, ...]
    rows: tuple[GridRow, ...]


def _column_keys(cells: list[CellChange]) -> list[ColumnKey]:
    """Each cell's column: (old field, new field) where both formats have the cell; a cell of one format
    only stands in the column of a cell of both with its field (2019's （六）其他处理 under 自然人), else
    in a column of its own."""
    old_field = [cell.old_place.column.field if cell.old_place else None for cell in cells]
    new_field = [cell.new_place.column.field if cell.new_place else None for cell in cells]
    both = {pair for pair in zip(old_field, new_field, strict=True) if None not in pair}
    by_old = {old: (old, new) for old, new in both}
    by_new = {new: (old, new) for old, new in both}
    return [
        (old, new) if old and new else by_old.get(old, (old, None)) if old else by_new.get(new, (None, new))
        for old, new in zip(old_field, new_field, strict=True)
    ]


def _column(old: Column | None, new: Column | None) -> Heading:
    shown = new or old
    assert shown is not None
    presence = Presence.BOTH if old and new else Presence.NEW_ONLY if new else Presence.OLD_ONLY
    return Heading(shown.label, old.label if old and new and old.label != new.label else None, presence)


def _row_heading(cells: list[CellChange]) -> Heading:
    old = next((c.old_place.row for c in cells if c.old_place), None)
    new = next((c.new_place.row for c in cells if c.new_place), None)
    presences = {cell.presence for cell in cells}
    presence = presences.pop() if len(presences) == 1 else Presence.BOTH
    shown = new or old
    assert shown is not None
    return Heading(shown.label, old.label if old and new and old.label != new.label else None, presence)


def _grid(caption: str, cells: list[CellChange]) -> Grid:
    columns: dict[ColumnKey, Heading] = {}
    rows: dict[str, dict[ColumnKey, CellChange]] = {}
    for cell, key in zip(cells, _column_keys(cells), strict=True):
        if key not in columns or cell.presence is Presence.BOTH:
            columns[key] = _column(
                cell.old_place.column if cell.old_place else None,
                cell.new_place.column if cell.new_place else None,
            )
        rows.setdefault(cell.place.path, {})[key] = cell
    grid_rows = []
    for path, by_column in rows.items():
        row_cells = list(by_column.values())
        group = row_cells[0].place.group
        grid_rows.append(
            GridRow(
                path,
                _row_heading(row_cells),
                group.label if group else None,
                tuple(by_column.get(key) for key in columns),
            )
        )
    return Grid(caption, tuple(columns.values()), tuple(grid_rows))


def grids(comparison: Comparison, table: str) -> list[Grid]:
    """The grids of one table (``active``, ``requests``, ``review``)."""
    parts: dict[str, list[CellChange]] = {}
    for cell in comparison.table(table):
        block = cell.place.block
        parts.setdefault(f"第二十条第（{block.item}）项" if block else "", []).append(cell)
    return [_grid(caption, cells) for caption, cells in parts.items()]
