"""What the grammar recognises in a report, before the catalogue gives it meaning."""

from __future__ import annotations

import attrs

from .catalogue import Section
from .lexing.cells import Cell
from .lexing.rows import SourceLine


@attrs.frozen
class ItemRow:
    """A 第二十条第（X）项 header; ``cells[0]`` is the item cell, any others stood beside it."""

    cells: tuple[Cell, ...]


@attrs.frozen
class HeaderRow:
    cells: tuple[Cell, ...]


@attrs.frozen
class DataRow:
    """A row with labels: ``labels`` (LABEL or TEXT cells, outermost first), then its value cells."""

    labels: tuple[Cell, ...]
    cells: tuple[Cell, ...]


@attrs.frozen
class ValueRow:
    """A row of value cells with no label."""

    cells: tuple[Cell, ...]


Row = ItemRow | HeaderRow | DataRow | ValueRow


@attrs.frozen
class Table:
    rows: tuple[Row, ...]


@attrs.frozen
class Prose:
    line: SourceLine
    subheading: bool


@attrs.frozen
class SectionNode:
    """A section: its heading (``None`` for what comes before the first heading) and its parts."""

    section: Section | None
    heading: SourceLine | None
    parts: tuple[Prose | Table, ...]


@attrs.frozen
class Document:
    title: tuple[SourceLine, ...]
    sections: tuple[SectionNode, ...]
    """The front matter first (``section`` is ``None``), then the sections in order."""
