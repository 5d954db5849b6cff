"""What the grammar recognises in a report, before the catalogue gives it meaning.

Plain classes with slots: a report makes a few hundred of them, and they live only while it is read.
Compiled with the parse (hatch_build.py), they are native classes, which the grammar builds and
assembly reads without a Python call or a dictionary lookup."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from .catalogue import Section
from .lexing.cells import Cell
from .lexing.lines import SourceLine


class ItemRow:
    """A 第二十条第（X）项 header; ``cells[0]`` is the item cell, any others stood beside it."""

    __slots__ = ("cells",)

    def __init__(self, cells: tuple[Cell, ...]) -> None:
        self.cells = cells


class HeaderRow:
    __slots__ = ("cells",)

    def __init__(self, cells: tuple[Cell, ...]) -> None:
        self.cells = cells


class Cut(enum.Enum):
    """Where the end of the text (an excerpt, a page cut off) cut a table row short."""

    AFTER = "after"
    """After one of its cells: the cells printed are whole."""
    INSIDE = "inside"
    """Right after the digits of its last figure, which may have lost more."""


class DataRow:
    """A row with labels: ``labels`` (LABEL or TEXT cells, outermost first), then its value cells;
    ``breaks``: where in them a new line of the source begins; ``cut``: where the end of the text cut
    it short, if it did."""

    __slots__ = ("breaks", "cells", "cut", "labels")

    def __init__(
        self,
        labels: tuple[Cell, ...],
        cells: tuple[Cell, ...],
        breaks: tuple[int, ...] = (),
        cut: Cut | None = None,
    ) -> None:
        self.labels = labels
        self.cells = cells
        self.breaks = breaks
        self.cut = cut


class ValueRow:
    """A row of value cells with no label (see ``DataRow``)."""

    __slots__ = ("breaks", "cells", "cut")

    def __init__(self, cells: tuple[Cell, ...], breaks: tuple[int, ...] = (), cut: Cut | None = None) -> None:
        self.cells = cells
        self.breaks = breaks
        self.cut = cut


Row = ItemRow | HeaderRow | DataRow | ValueRow


def all_cells(row: Row) -> tuple[Cell, ...]:
    """A row's cells, its labels first."""
    return row.labels + row.cells if isinstance(row, DataRow) else row.cells


def text_of(cells: Iterable[Cell]) -> str:
    """What cells print, as one line: the text of each that prints any, a space between."""
    return " ".join(cell.text for cell in cells if cell.text)


class Table:
    __slots__ = ("rows",)

    def __init__(self, rows: tuple[Row, ...]) -> None:
        self.rows = rows


class Prose:
    __slots__ = ("line", "subheading")

    def __init__(self, line: SourceLine, subheading: bool) -> None:
        self.line = line
        self.subheading = subheading


class Kept:
    """A line marked as unplaced content, without its mark."""

    __slots__ = ("line",)

    def __init__(self, line: SourceLine) -> None:
        self.line = line


class SectionNode:
    """A section: its heading (``None`` for what comes before the first heading) and its parts."""

    __slots__ = ("heading", "parts", "section")

    def __init__(
        self, section: Section | None, heading: SourceLine | None, parts: tuple[Prose | Kept | Table, ...]
    ) -> None:
        self.section = section
        self.heading = heading
        self.parts = parts


class Title:
    __slots__ = ("lines",)

    def __init__(self, lines: tuple[SourceLine, ...]) -> None:
        self.lines = lines


class Document:
    __slots__ = ("sections", "title")

    def __init__(self, title: tuple[SourceLine, ...], sections: tuple[SectionNode, ...]) -> None:
        self.title = title
        self.sections = sections
        """The front matter first (``section`` is ``None``), then the sections in order."""
