"""A table's tokens from its cells: rows come from the labels, not from the lines the cells stand on.

``layout`` finds each line's cells. Here they are read as one stream: label fragments broken over cells
or lines are joined where together they make a catalogue label, and then

* a label starts a row (a group label and its first row make one: ``（三）不予公开 1.属于国家秘密``);
* the figures after it, up to the next label, header or item, are that row's, on however many lines;
* header cells (and the text among them: a garbled ``本年新``) make a header row; an item makes its own.

Empty cells before a label on its line are nobody's; the others go with the row, for the assembler to
tell a column left empty from the padding some layouts add after a row (``第二十条第(一)项 | |||``).

The tokens are those of ``grammars/report.lark``; ``CUT`` marks a row the end of the text cut short.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from lark import Token

from .. import catalogue
from ..model.common import Template
from .cells import VALUE_KINDS, Cell, CellKind, read
from .labels import index
from .layout import cell_lines
from .lines import SourceLine
from .tokens import prose, token

_MAX_FRAGMENTS = 40  # a vertical label printed one character per line
_HEADERS = (CellKind.HEADER, CellKind.NOTE)
_WORDS = (CellKind.TEXT, CellKind.LABEL, CellKind.HEADER)


class Run(NamedTuple):
    """A row's value cells, and where in them a new line of the source begins."""

    cells: tuple[Cell, ...]
    breaks: tuple[int, ...] = ()


class _Placed(NamedTuple):
    cell: Cell
    row: int
    """The index of the physical line it stood on."""
    starts_row: bool = False
    """The first cell of a Markdown row: a row begins here, whatever came before."""
    after_blank: bool = False
    """On a line after a blank line."""


def join_fragments(cells: list[_Placed]) -> list[_Placed]:
    """Label fragments broken over cells (``(三)不`` ``予公开``; ``商业`` ``企业``; ``本年新`` ``制作数量``;
    ``本年`` ``处理决定数量``, a label itself) joined where the joined text is a catalogue label; nothing
    is joined otherwise."""
    labels = index()
    out: list[_Placed] = []
    i = 0
    while i < len(cells):
        first = cells[i].cell
        joined, end = first, i + 1
        if first.kind in (CellKind.TEXT, CellKind.LABEL, CellKind.HEADER):
            key, text = first.key, first.text
            for j in range(i + 1, min(i + _MAX_FRAGMENTS, len(cells))):
                then = cells[j].cell
                words = then.kind is CellKind.TEXT or (first.kind is CellKind.TEXT and then.kind in _WORDS)
                if not words or cells[j].starts_row:
                    break
                key, text = key + then.key, text + then.text
                reading = read(key)
                if reading.kind not in (CellKind.TEXT, CellKind.BLANK):
                    joined, end = Cell(text, key, first.line, reading.kind, reading), j + 1
                elif not labels.is_prefix(key):
                    break
        out.append(cells[i]._replace(cell=joined))
        i = end
    return out


@cache
def _ancestors() -> dict[str, frozenset[str]]:
    """Table 三 row path → the group rows above it (``"results"`` for 三、本年度办理结果)."""
    found: dict[str, frozenset[str]] = {}
    for template in Template:

        def walk(rows: tuple[catalogue.Row, ...], above: frozenset[str], prefix: str) -> None:
            for row in rows:
                name = f"{prefix}{row.field}" if row.field else "results"
                found[name] = found.get(name, frozenset()) | above
                walk(row.children, above | {name}, f"{name}." if row.field else prefix)

        walk(catalogue.REQUEST_ROWS[template], frozenset(), "")
    return found


def continues_row(first: Cell, then: Cell) -> bool:
    """Whether label ``then`` belongs to the same row as label ``first``: a group label followed by
    one of its rows (``(三)不予公开`` ``1.属于国家秘密``)."""
    above = first.reading.labels[0]
    below = then.reading.labels[0]
    return above.table == below.table == 3 and above.name in _ancestors().get(below.name, frozenset())


class _Rows:
    """Groups a table's cells into the rows its labels make, as tokens."""

    def __init__(self) -> None:
        self.out: list[Token] = []
        self.labels: list[_Placed] = []
        self.run: list[Cell] = []
        self.breaks: list[int] = []
        self.header: list[_Placed] = []
        self.item_row = -1
        """The line of the last item header, while text on that line still joins it."""
        self.held: list[Cell] = []
        """Empty cells on lines after a blank line: the next row's if a figure comes next, else nobody's."""
        self.ended_in_run = False

    def line(self, cells: Sequence[_Placed]) -> None:
        """The cells of one physical line."""
        empties: list[Cell] = []
        starts = True
        row = cells[0].row if cells else -1
        if cells and cells[0].starts_row:
            self.flush()
        if (self.held or (cells and cells[0].after_blank)) and all(
            p.cell.kind is CellKind.BLANK for p in cells
        ):
            self.held += [p.cell for p in cells]  # after a blank line: they open the next row
            return
        for placed in cells:
            kind = placed.cell.kind
            if kind is CellKind.BLANK:
                empties.append(placed.cell)
            elif kind in VALUE_KINDS:
                self._values([*empties, placed.cell], starts)
                empties, starts = [], False
            else:
                empties = []  # empty cells before a label are nobody's
                self._word(placed)
        alone = len(empties) == len(cells)
        if empties and (self.run or self.labels):
            self._values(empties, starts)
        elif empties and (row == self.item_row or (alone and self.item_row >= 0)):
            self.out[-1].value.extend(empties)  # an item header padded with empty cells
        elif empties and self.header and ((alone and len(empties) > 1) or self.header[-1].row == row):
            self.header += (_Placed(c, row) for c in empties)  # a header row padded with empty cells

    def _values(self, cells: list[Cell], starts_line: bool) -> None:
        if self.header:
            self._end_header(figures_follow=True)
        if starts_line and self.run:
            self.breaks.append(len(self.run))
        self.run += [*self.held, *cells]
        self.held = []
        self.ended_in_run = True

    def _word(self, placed: _Placed) -> None:
        found, kind = placed.cell, placed.cell.kind
        self.ended_in_run = False
        self.held = []
        if kind is CellKind.TEXT and placed.row == self.item_row:
            self.out[-1].value.append(found)  # text beside an item header, kept with it
            return
        self.item_row = -1
        if kind is CellKind.ITEM:
            self.flush()
            self.out.append(token("ITEM", [found], found.line))
            self.item_row = placed.row
        elif kind in _HEADERS:
            self._end_row()
            self.header.append(placed)
        elif kind is CellKind.TEXT and self.header:
            self.header.append(placed)  # garbled header text, or the label of a row of figures to come
        else:
            if self.header:
                self._end_header()
            if self.run or (self.labels and not self._same_row(self.labels[-1], placed)):
                self._end_row()
            self.labels.append(placed)

    @staticmethod
    def _same_row(before: _Placed, then: _Placed) -> bool:
        """Whether a label continues the row of the label before it: a group label and one of its rows,
        or cells side by side on one line."""
        if before.cell.kind is CellKind.LABEL and then.cell.kind is CellKind.LABEL:
            return continues_row(before.cell, then.cell)
        return before.row == then.row

    def _end_header(self, *, figures_follow: bool = False) -> None:
        """Emit the header row. Where figures follow, text cells after its last header cell, on a line
        of their own, are the label of their row."""
        cells = self.header
        last = max(i for i, p in enumerate(cells) if p.cell.kind in _HEADERS)
        texts = [i for i in range(last + 1, len(cells)) if cells[i].cell.kind is CellKind.TEXT]
        tail: list[int] = []
        if figures_follow and texts and cells[texts[-1]].row != cells[last].row:
            tail = [i for i in texts if cells[i].row == cells[texts[-1]].row]
        lead = [p.cell for i, p in enumerate(cells) if i not in tail]
        self.out.append(token("HEADER", lead, lead[0].line))
        self.header = []
        self.labels = [cells[i] for i in tail]

    def _end_row(self) -> None:
        run, breaks = self.run, self.breaks
        if self.labels:
            for placed in self.labels:
                kind = "LABEL" if placed.cell.kind is CellKind.LABEL else "TEXT"
                self.out.append(token(kind, placed.cell, placed.cell.line))
            if run:
                self.out.append(token("CELLS", Run(tuple(run), tuple(breaks)), run[0].line))
            else:
                self.out.append(token("EOR", None, self.labels[-1].cell.line))
        elif any(c.kind is not CellKind.BLANK for c in run):
            self.out.append(token("CELLS", Run(tuple(run), tuple(breaks)), run[0].line))
        self.labels, self.run, self.breaks = [], [], []

    def flush(self) -> None:
        if self.header:
            self._end_header()
        self._end_row()


def table_tokens(lines: Sequence[SourceLine], *, ends_text: bool = False) -> Iterator[Token]:
    """The tokens of a table zone's lines. ``ends_text``: the text ends with this zone, so a row still
    open at its end was cut short (``CUT``)."""
    physical = list(cell_lines(lines))
    rows = _Rows()
    stretch: list[_Placed] = []

    def read_stretch() -> None:
        placed = join_fragments(stretch)
        start = 0
        for k in range(1, len(placed) + 1):
            if k == len(placed) or placed[k].row != placed[start].row:
                rows.line(placed[start:k])
                start = k
        stretch.clear()

    for number, line in enumerate(physical):
        if isinstance(line, SourceLine):
            read_stretch()
            rows.flush()
            rows.ended_in_run = False
            rows.out.append(prose(line))
            continue
        stretch += (
            _Placed(c, number, line.delimited and k == 0, line.after_blank) for k, c in enumerate(line.cells)
        )
    read_stretch()
    cut = ends_text and rows.ended_in_run
    rows.flush()
    yield from rows.out
    last = rows.out[-1] if rows.out else None
    if cut and last is not None and last.type == "CELLS":
        yield token("CUT", None, last.value.cells[-1].line)
