"""What the grammar recognises in a report, before the catalogue gives it meaning.

Named tuples: a report makes a few hundred of them, and they live only while it is read."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NamedTuple

from .catalogue import Section
from .lexing.cells import Cell
from .lexing.lines import SourceLine


class ItemRow(NamedTuple):
    """A 第二十条第（X）项 header; ``cells[0]`` is the item cell, any others stood beside it."""

    cells: tuple[Cell, ...]


class HeaderRow(NamedTuple):
    cells: tuple[Cell, ...]


class Cut(enum.Enum):
    """Where the end of the text (an excerpt, a page cut off) cut a table row short."""

    AFTER = "after"
    """After one of its cells: the cells printed are whole."""
    INSIDE = "inside"
    """Right after the digits of its last figure, which may have lost more."""


class DataRow(NamedTuple):
    """A row with labels: ``labels`` (LABEL or TEXT cells, outermost first), then its value cells;
    ``breaks``: where in them a new line of the source begins; ``cut``: where the end of the text cut
    it short, if it did."""

    labels: tuple[Cell, ...]
    cells: tuple[Cell, ...]
    breaks: tuple[int, ...] = ()
    cut: Cut | None = None


class ValueRow(NamedTuple):
    """A row of value cells with no label (see ``DataRow``)."""

    cells: tuple[Cell, ...]
    breaks: tuple[int, ...] = ()
    cut: Cut | None = None


Row = ItemRow | HeaderRow | DataRow | ValueRow


def all_cells(row: Row) -> tuple[Cell, ...]:
    """A row's cells, its labels first."""
    return row.labels + row.cells if isinstance(row, DataRow) else row.cells


def text_of(cells: Iterable[Cell]) -> str:
    """What cells print, as one line: the text of each that prints any, a space between."""
    return " ".join(cell.text for cell in cells if cell.text)


class Table(NamedTuple):
    rows: tuple[Row, ...]


class Prose(NamedTuple):
    line: SourceLine
    subheading: bool


class Kept(NamedTuple):
    """A line marked as unplaced content, without its mark."""

    line: SourceLine


class SectionNode(NamedTuple):
    """A section: its heading (``None`` for what comes before the first heading) and its parts."""

    section: Section | None
    heading: SourceLine | None
    parts: tuple[Prose | Kept | Table, ...]


class Title(NamedTuple):
    lines: tuple[SourceLine, ...]


class Document(NamedTuple):
    title: tuple[SourceLine, ...]
    sections: tuple[SectionNode, ...]
    """The front matter first (``section`` is ``None``), then the sections in order."""
