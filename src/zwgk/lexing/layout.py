"""The cells of a table's lines, whatever the layout: the layout finds cells and empty cells, never rows.

Each line becomes the cells it holds, or stays a line of prose. What separates cells:

* pipes — ``a | b |``, ``| a | b |`` (a leading pipe is a border), one cell per line ending in `` |``,
  or a cell's closing pipe alone on the next line. A pipe with nothing before it is an empty cell:
  ``| |``, a run ``|||``, a line of pipes of its own (after a line already closed);
* tabs — ``a⇥b``; an empty cell between two tabs; a line holding only a tab is an empty cell; where
  most lines hold one cell closed by a tab (``0⇥``, cells joined by tabs and line breaks), that tab is
  no empty cell. Tabs
  before a line's only cell are indentation: where cells are tab-indented, a line without the indent
  continues the cell before it (a label broken over lines);
* spaces, as PDF text layers give rows — ``行政许可 97`` (``cells.split_cell``);
* nothing at all — ``规章000``, ``信息内容本年制发件数…``: a cell that is labels run together, with the
  figures of the row after them, is cut at the catalogue's labels (the figures keep the mark ``glued``).

Which row a cell belongs to is for the labels to say (``table``), not for the line it stands on — except
that a Markdown row (``| … |``, a pipe at both ends) is a row of its own: no label outside it owns its
figures (a converter's tables, whose labels a PDF may have set apart from them).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from ..patterns import regex
from .cells import (
    BLANK,
    HEADER,
    ITEM,
    LABEL,
    MARKER,
    NOTE,
    NUMBER,
    TEXT,
    VALUE_KINDS,
    Cell,
    blank,
    cell,
    cells_of,
    has_text,
    read,
    split_cell,
)
from .labels import index, wording
from .lines import SourceLine, is_marked

_MARKDOWN_SEPARATOR: Final = regex(r"^[\s|:]*+-{3,}+[\s|:\-]*+$")
"""Possessive (``*+``): backtracking cannot help, and made a long run of dashes quadratic."""
_SENTENCE_END: Final = regex(r"[。；;！？]")
_SENTENCE_CHARS: Final = 25
_GLUED_FIGURES: Final = regex(r"[+-]?\d+(?:\.\d+)?$")
_LONGEST_LABEL: Final = 60
_SEGMENTED: Final = (LABEL, HEADER, NOTE, ITEM)


class Stretch:
    """The cells of consecutive lines of a table zone, up to a line of prose, in one list: the ``k``-th
    line's cells begin at ``starts[k]``; ``markdown``: the lines that are Markdown rows (each a row of its
    own); ``after_blank``: the lines a blank line stands before (in layouts that part rows by blank
    lines, empty cells there open the next row). Filled in place as its lines are read."""

    __slots__ = ("after_blank", "cells", "markdown", "starts")
    cells: list[Cell]
    starts: list[int]
    markdown: set[int]
    after_blank: set[int]

    def __init__(self, markdown: set[int] | None = None, after_blank: set[int] | None = None) -> None:
        self.cells = []
        self.starts = []
        self.markdown = set() if markdown is None else markdown
        self.after_blank = set() if after_blank is None else after_blank


def _cell(line: SourceLine, start: int, end: int) -> Cell:
    """The cell at ``line.key[start:end]``, stripped, with the same span of the output text."""
    key = line.key[start:end].strip()
    if line.text is line.key:
        return cell(key, key, line.number)
    text = line.text[start:end].strip() if len(line.text) == len(line.key) else key
    return cell(text, key, line.number)


def _split_spans(line: SourceLine, separator: str, start: int, end: int) -> list[Cell]:
    """The cells of ``line.key[start:end]`` split at ``separator``, with the same spans of the output text."""
    parts = line.key[start:end].split(separator)
    if line.text is line.key:
        return cells_of(parts, line.number)
    cells = []
    position = start
    for part in parts:
        cells.append(_cell(line, position, position + len(part)))
        position += len(part) + len(separator)
    return cells


def is_sentence(found: Cell) -> bool:
    """Whether a lone text cell is a sentence of prose (a note under a table), not a row of its own:
    long or punctuated as a sentence, leaving aside an explanatory note in brackets after its words."""
    if found.kind is not TEXT or index().is_prefix(found.key):
        return False
    words = wording(found.key)
    return len(words) >= _SENTENCE_CHARS or _SENTENCE_END.search(words) is not None


@lru_cache(maxsize=4096)
def _segments(text: str) -> list[tuple[int, int]] | None:
    """Where ``text`` is catalogue labels run together (then perhaps a run of figures), the span of each;
    ``None`` where it is anything else."""
    labels = index()
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        figures = _GLUED_FIGURES.match(text, i)
        if spans and figures is not None and figures.end() == n:
            return [*spans, (i, n)]
        end = -1
        for j in range(i + 1, min(n, i + _LONGEST_LABEL) + 1):
            piece = text[i:j]
            kind = read(piece).kind
            if kind in _SEGMENTED and (kind is not NOTE or piece[-1] in ")）"):
                end = j
            elif not labels.is_prefix(piece) and "(" not in piece and "（" not in piece:
                break
        if end < 0:
            return None
        spans.append((i, end))
        i = end
    return spans if len(spans) > 1 else None


def segment(found: Cell) -> list[Cell]:
    """A text cell that is several cells printed without separators, cut into them (``规章000``:
    ``规章`` and a glued ``000``); any other cell as it is."""
    if found.kind is not TEXT:
        return [found]
    spans = _segments(found.key)
    if spans is None:
        return [found]
    same = len(found.text) == len(found.key)
    out = []
    for start, end in spans:
        piece = found.key[start:end].strip()
        shown = found.text[start:end].strip() if same else piece
        part = cell(shown, piece, found.line)
        if part.kind is NUMBER:
            part = Cell(part.text, part.key, part.line, part.kind, part.reading.as_glued())
        out.append(part)
    return out


def expand(cells: list[Cell]) -> list[Cell]:
    """Cells that hold several cells, split: space-separated (``cells.split_cell``) or run together
    (``segment``)."""
    if not has_text(cells):
        return cells
    out: list[Cell] = []
    for found in cells:
        if found.kind is not TEXT:
            out.append(found)
            continue
        parts = split_cell(found.key) if " " in found.key.strip() else [found.key]
        if len(parts) == 1:
            out += segment(found)
            continue
        words = found.key.split()
        texts = found.text.split() if len(found.text.split()) == len(words) else words
        position = 0
        for part in parts:
            count = len(part.split())
            out += segment(cell(" ".join(texts[position : position + count]), part, found.line))
            position += count
    return out


def _layout(lines: Sequence[SourceLine]) -> tuple[bool, bool, bool]:
    """Whether the one-cell lines of this table are mostly tab-indented, whether most lines with
    content end their cells with pipes, and whether most hold one cell closed by a tab (``0⇥``)."""
    indented = single = piped = closed = filled = 0
    for line in lines:
        key = line.key
        stripped = key.strip()
        if not stripped:
            continue
        filled += 1
        if "|" in key:
            piped += 1
        elif "\t" not in stripped:
            single += 1
            indented += key[0] == "\t"
            closed += key.rstrip(" ")[-1] == "\t"
    return indented * 2 > single, piped * 2 > filled, closed * 2 > filled


def _is_tab_row(line: str) -> bool:
    """Whether tabs separate cells on this line: a tab after the content begins. Tabs before a line's
    only cell are indentation (one tab-indented cell per line)."""
    return "\t" in line.lstrip()


def _continues(previous: Cell, line: SourceLine) -> bool:
    """Whether an unindented line continues the cell before it (in a tab-indented table)."""
    body = line.key.strip()
    return (
        previous.kind not in (NUMBER, MARKER, BLANK)
        and len(body) < _SENTENCE_CHARS
        and _SENTENCE_END.search(body) is None
    )


def _pipe_cells(line: SourceLine) -> tuple[list[Cell], bool]:
    """The cells of a line with pipes, and whether its last cell is still open (no pipe after it)."""
    key = line.key
    start = key.index("|") + 1 if key.lstrip().startswith("|") else 0  # a leading pipe is a border
    cells = _split_spans(line, "|", start, len(key))
    closed = cells[-1].kind is BLANK
    return (cells[:-1] if closed else cells), not closed


class _Zone:
    """Reads a table zone's lines one at a time into stretches of cells. A line may continue the last
    cell of the line before it: where cells are tab-indented, an unindented line; where pipes end
    cells, a word without its pipe yet (``商业`` then ``企业 |``)."""

    def __init__(self, lines: Sequence[SourceLine]) -> None:
        self.indented, self.piped, self.tab_closed = _layout(lines)
        self.out: list[Stretch | SourceLine] = []
        self.stretch = Stretch()
        self.continuable = False
        """Whether the next line may continue the last cell."""
        self.open_cell = False
        """Whether the last line ended in a cell without its closing pipe."""
        self.after_blank = False
        """Whether a blank line came since the last line of cells."""

    def read(self, lines: Sequence[SourceLine]) -> list[Stretch | SourceLine]:
        for line in lines:
            self._line(line)
        if self.stretch.cells:
            self.out.append(self.stretch)
        return self.out

    def _add(self, found: list[Cell], delimited: bool = False, continuable: bool = False) -> None:
        """A line's cells."""
        stretch = self.stretch
        if delimited:
            stretch.markdown.add(len(stretch.starts))
        if self.after_blank:
            stretch.after_blank.add(len(stretch.starts))
            self.after_blank = False
        stretch.starts.append(len(stretch.cells))
        stretch.cells += found
        self.continuable = continuable

    def _prose(self, line: SourceLine) -> None:
        if self.stretch.cells:
            self.out.append(self.stretch)
            self.stretch = Stretch()
        self.out.append(line)
        self.after_blank = self.continuable = False

    def _line(self, line: SourceLine) -> None:
        key = line.key
        body = key.strip()
        if self.continuable and body and self._continues(line, body):
            return
        if not body:
            if "\t" in key:  # "⇥": an empty cell on a line of its own
                self._add([blank(line.number)])
            else:
                self.after_blank = True
            return
        if is_marked(body):
            self._prose(line)
            self.open_cell = False
            return
        if "|" in body:
            self._pipe_line(line, body)
            return
        self.open_cell = True
        if " " not in body and "\t" not in key.lstrip():  # the commonest line: one cell, nothing else
            lone = cell(body, body, line.number) if line.text is key else _cell(line, 0, len(key))
            if lone.kind is not TEXT:
                stretch = self.stretch
                if self.after_blank:
                    stretch.after_blank.add(len(stretch.starts))
                    self.after_blank = False
                stretch.starts.append(len(stretch.cells))
                stretch.cells.append(lone)
                self.continuable = key[0] == "\t" and lone.kind not in VALUE_KINDS and self.indented
                return
            found = segment(lone)
            if len(found) == 1 and is_sentence(lone):
                self._prose(line)
                return
        elif "\t" in key and _is_tab_row(key):
            found = _split_spans(line, "\t", 0, len(key))
            filled = [c for c in found if c.kind is not BLANK]
            if len(filled) == 1 and is_sentence(filled[0]):
                self._prose(line)
                return
            if self.tab_closed and len(filled) == 1 and found[-2] is filled[0]:  # "0⇥": closed, not two
                found.pop()
            found = expand(found)
        else:
            lone = cell(body, body, line.number) if line.text is key else _cell(line, 0, len(key))
            found = expand([lone]) if lone.kind is TEXT else [lone]
            if len(found) == 1 and is_sentence(found[0]):
                self._prose(line)
                return
        last = found[-1].kind
        indented = key[0] == "\t" and last not in VALUE_KINDS and self.indented
        self._add(found, continuable=indented or (last is TEXT and self.piped))

    def _pipe_line(self, line: SourceLine, body: str) -> None:
        if not body.strip("| \t"):  # pipes alone: empty cells, the first one closing an open cell
            empties = body.count("|") - self.open_cell
            self.open_cell = self.continuable = False
            if empties:
                self._add([blank(line.number)] * empties)
            return
        if "-" in body and _MARKDOWN_SEPARATOR.match(body):
            return
        # "0 |": one cell, closed (its one pipe the last character; the first found, not all counted)
        if body[-1] == "|" and line.text is line.key and body.find("|") == len(body) - 1:
            lone = body[:-1].rstrip()
            self.open_cell = False
            found = [cell(lone, lone, line.number)]
            self._add(expand(found) if found[0].kind is TEXT else found)
            return
        found, self.open_cell = _pipe_cells(line)
        found = expand(found)
        continuable = self.open_cell and found[-1].kind is TEXT and self.piped
        self._add(found, body[0] == "|" and not self.open_cell, continuable)

    def _continues(self, line: SourceLine, body: str) -> bool:
        """Whether ``line`` continues the last cell; if so, it is joined to it."""
        stretch = self.stretch
        key = line.key
        last = stretch.cells[-1]
        if body[0] == "|" or is_marked(body):
            return False
        if self.open_cell and last.kind is TEXT and self.piped:
            end = key.find("|")
            piece = key[:end] if end >= 0 else key
            if cell(piece, piece.strip(), line.number).kind is not TEXT:
                return False
            stretch.cells[-1] = cell(last.text + piece.strip(), last.key + piece.strip(), last.line)
            if end >= 0:  # the rest of the line
                rest = SourceLine(line.number, line.text[len(piece) :], key[len(piece) :])
                more, self.open_cell = _pipe_cells(rest) if rest.key.strip("| \t") else ([], False)
                more = expand(more)
                stretch.cells += more  # on the continued cell's line
                self.continuable = self.open_cell and bool(more) and more[-1].kind is TEXT
            return True
        if (
            self.indented
            and key[0] != "\t"
            and "|" not in body
            and "\t" not in key
            and _continues(last, line)
        ):
            stretch.cells[-1] = cell(last.text + line.text.strip(), last.key + body, last.line)
            return True
        return False


def stretches(lines: Sequence[SourceLine]) -> list[Stretch | SourceLine]:
    """The cells of a table zone's lines, a stretch of them up to each line of prose."""
    return _Zone(lines).read(lines)
