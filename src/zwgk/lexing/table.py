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

from collections.abc import Sequence
from functools import cache
from typing import Final

from .. import catalogue
from ..model.common import Template
from ..numerals import DIGITS
from ..structure import Cut
from .cells import (
    BLANK,
    HEADER,
    ITEM,
    LABEL,
    MARKER,
    NOTE,
    NUMBER,
    TEXT,
    UNREAD,
    VALUE_KINDS,
    Cell,
    read,
)
from .labels import index
from .layout import Stretch, stretches
from .lines import SourceLine
from .record import Record
from .tokens import Token, prose

_MAX_FRAGMENTS: Final = 40  # a vertical label printed one character per line
_HEADERS: Final = (HEADER, NOTE)
_WORDS: Final = (TEXT, LABEL, HEADER)
_FIGURES: Final = (NUMBER, MARKER, UNREAD)


class Run(Record):
    """A row's value cells, and where in them a new line of the source begins."""

    __slots__ = ("breaks", "cells")
    cells: tuple[Cell, ...]
    breaks: tuple[int, ...]

    def __init__(self, cells: tuple[Cell, ...], breaks: tuple[int, ...] = ()) -> None:
        self.cells = cells
        self.breaks = breaks

    def _values(self) -> tuple[tuple[Cell, ...], tuple[int, ...]]:
        return (self.cells, self.breaks)


def join_fragments(stretch: Stretch) -> Stretch:
    """Label fragments broken over cells or lines (``(三)不`` ``予公开``; ``商业`` ``企业``; ``本年新``
    ``制作数量``; ``本年`` ``处理决定数量``, a label itself) joined where the joined text is a catalogue
    label, the joined cell on the first fragment's line; nothing is joined otherwise, nor into a
    Markdown row from outside it."""
    cells = stretch.cells
    texts = [i for i, c in enumerate(cells) if c.kind is TEXT]
    if not texts:
        return stretch
    opens = {stretch.starts[k] for k in stretch.markdown}
    """Where a Markdown row begins."""
    labels = index()
    joined: dict[int, tuple[Cell, int]] = {}
    """Index of a first fragment → the joined cell and the index after its last fragment."""
    done = 0
    """Cells before this are decided."""
    for t in texts:  # text is a join's first or second fragment
        for i in (t - 1, t):
            first = cells[i] if i >= done else None
            if first is None or first.kind not in _WORDS or (i < t and first.kind is TEXT):
                continue
            key, text = first.key, first.text
            for j in range(i + 1, min(i + _MAX_FRAGMENTS, len(cells))):
                then = cells[j]
                words = then.kind is TEXT or (first.kind is TEXT and then.kind in _WORDS)
                if not words or j in opens:
                    break
                key, text = key + then.key, text + then.text
                reading = read(key)
                if reading.kind not in (TEXT, BLANK):
                    joined[i] = (Cell(text, key, first.line, reading.kind, reading), j + 1)
                elif not labels.is_prefix(key):
                    break
            if i in joined:
                done = joined[i][1]
                break
            done = max(done, i + 1)
    if not joined:
        return stretch
    out = Stretch(markdown=stretch.markdown, after_blank=stretch.after_blank)
    starts = iter([*stretch.starts[1:], len(cells)])
    next_line = next(starts)
    i = 0
    out.starts.append(0)
    while i < len(cells):
        while i >= next_line:  # the lines fragments were joined from stay, empty
            out.starts.append(len(out.cells))
            next_line = next(starts)
        found, i = joined.get(i, (cells[i], i + 1))
        out.cells.append(found)
    out.starts += [len(out.cells)] * (len(stretch.starts) - len(out.starts))
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


_Placed = tuple[Cell, int]
"""A cell, and the index of the physical line it stood on."""


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
        self.row = 0
        """Lines read so far."""

    def read(self, stretch: Stretch) -> None:
        """The cells of a stretch of lines, a line at a time."""
        cells, starts, markdown, after_blank = (
            stretch.cells,
            stretch.starts,
            stretch.markdown,
            stretch.after_blank,
        )
        ends = [*starts[1:], len(cells)]
        for k, start in enumerate(starts):
            end = ends[k]
            if end - start == 1 and k not in markdown:
                self._one(cells[start], self.row + k, k in after_blank)
            elif end > start:
                self.line(cells[start:end], self.row + k, k in markdown, k in after_blank)
        self.row += len(starts)

    def _one(self, found: Cell, row: int, after_blank: bool) -> None:
        """A line of one cell, the commonest line of all."""
        kind = found.kind
        if kind in _FIGURES:
            if self.header:
                self._end_header(figures_follow=True)
            if self.run:
                self.breaks.append(len(self.run))
            if self.held:
                self.run += self.held
                self.held = []
            self.run.append(found)
            self.ended_in_run = True
        elif kind is not BLANK:
            self._word(found, row)
        else:
            self.line([found], row, False, after_blank)

    def line(self, cells: list[Cell], row: int, markdown: bool, after_blank: bool) -> None:
        """The cells of one physical line, the ``row``-th of the table; ``markdown``: a Markdown row."""
        if markdown:
            self.flush()
        empties: list[Cell] = []
        values: list[Cell] = []
        """Value cells and the empty cells among them, given to the row at once."""
        starts = True
        for found in cells:
            kind = found.kind
            if kind is BLANK:
                empties.append(found)
            elif kind in VALUE_KINDS:
                values += empties
                values.append(found)
                empties = []
            else:
                if values:
                    self._values(values, starts)
                    values, starts = [], False
                empties = []  # empty cells before a label are nobody's
                self._word(found, row)
        if values:
            self._values(values, starts)
        if not empties:
            return
        alone = len(empties) == len(cells)
        if alone and (self.held or after_blank):
            self.held += empties  # after a blank line: they open the next row
        elif self.run or self.labels:
            self._values(empties, alone)
        elif (row == self.item_row or (alone and self.item_row >= 0)) and self.out[-1].type == "ITEM":
            self.out[-1].value.extend(empties)  # an item header padded with empty cells
        elif self.header and ((alone and len(empties) > 1) or self.header[-1][1] == row):
            self.header += ((c, row) for c in empties)  # a header row padded with empty cells

    def _values(self, cells: list[Cell], starts_line: bool) -> None:
        if self.header:
            self._end_header(figures_follow=True)
        if starts_line and self.run:
            self.breaks.append(len(self.run))
        self.run += [*self.held, *cells]
        self.held = []
        self.ended_in_run = True

    def _word(self, found: Cell, row: int) -> None:
        kind = found.kind
        self.ended_in_run = False
        self.held = []
        if kind is TEXT and row == self.item_row:
            self.out[-1].value.append(found)  # text beside an item header, kept with it
            return
        self.item_row = -1
        if kind is ITEM:
            self.flush()
            self.out.append(Token("ITEM", [found], found.line))
            self.item_row = row
        elif kind in _HEADERS:
            self._end_row()
            self.header.append((found, row))
        elif kind is TEXT and self.header:
            self.header.append((found, row))  # garbled header text, or the label of a row of figures to come
        else:
            if self.header:
                self._end_header()
            if self.run or (self.labels and not self._same_row(self.labels[-1], (found, row))):
                self._end_row()
            self.labels.append((found, row))

    @staticmethod
    def _same_row(before: _Placed, then: _Placed) -> bool:
        """Whether a label continues the row of the label before it: a group label and one of its rows,
        or cells side by side on one line."""
        if before[0].kind is LABEL and then[0].kind is LABEL:
            return continues_row(before[0], then[0])
        return before[1] == then[1]

    def _end_header(self, *, figures_follow: bool = False) -> None:
        """Emit the header row. Where figures follow, text cells after its last header cell, on a line
        of their own, are the label of their row."""
        cells = self.header
        last = len(cells) - 1
        while cells[last][0].kind not in _HEADERS:  # the last header cell, looked for from the end
            last -= 1
        tail: list[int] = []
        if figures_follow:
            texts = [i for i in range(last + 1, len(cells)) if cells[i][0].kind is TEXT]
            if texts and cells[texts[-1]][1] != cells[last][1]:
                tail = [i for i in texts if cells[i][1] == cells[texts[-1]][1]]
        if tail:
            taken = set(tail)
            lead = [c for i, (c, _) in enumerate(cells) if i not in taken]
        else:
            lead = [c for c, _ in cells]
        self.out.append(Token("HEADER", lead, lead[0].line))
        self.header = []
        self.labels = [cells[i] for i in tail]

    def _end_row(self) -> None:
        run, breaks = self.run, self.breaks
        if not run and not self.labels:  # no row open (and so no breaks)
            return
        if self.labels:
            for found, _ in self.labels:
                self.out.append(Token("LABEL" if found.kind is LABEL else "TEXT", found, found.line))
            if run:
                self.out.append(Token("CELLS", Run(tuple(run), tuple(breaks)), run[0].line))
            else:
                self.out.append(Token("EOR", None, self.labels[-1][0].line))
        elif run and any(c.kind is not BLANK for c in run):
            self.out.append(Token("CELLS", Run(tuple(run), tuple(breaks)), run[0].line))
        self.labels, self.run, self.breaks = [], [], []

    def flush(self) -> None:
        if self.header:
            self._end_header()
        self._end_row()


def table_tokens(lines: Sequence[SourceLine], *, ends_text: bool = False) -> list[Token]:
    """The tokens of a table zone's lines. ``ends_text``: the text ends with this zone, so a row still
    open at its end was cut short (``CUT``)."""
    if not lines:
        return []
    rows = _Rows()
    for part in stretches(lines):
        if isinstance(part, Stretch):
            rows.read(join_fragments(part))
        else:
            rows.flush()
            rows.ended_in_run = False
            rows.out.append(prose(part))
    cut = ends_text and rows.ended_in_run
    rows.flush()
    out = rows.out
    last = out[-1] if out else None
    if cut and last is not None and last.type == "CELLS":
        final = last.value.cells[-1]
        out.append(Token("CUT", _cut(final, lines[-1]), final.line))
    return out


_DIGITS: Final = frozenset("0123456789" + DIGITS)
_ZEROS: Final = ("0", "零", "〇")


def _cut(final: Cell, line: SourceLine) -> Cut:
    """Where the end of the text cut a row whose last cell is ``final`` and last line ``line``: right
    after the digits of a figure (unless it is a 0: no figure goes on after a leading 0; nor after 零),
    Arabic or Chinese (``二百`` may have been ``二百一十七``), or after a whole cell."""
    key = line.key
    inside = (
        final.kind is NUMBER
        and final.line == line.number
        and key == key.rstrip()
        and key.endswith(final.key)
        and final.key[-1] in _DIGITS
        and final.key not in _ZEROS
    )
    return Cut.INSIDE if inside else Cut.AFTER
