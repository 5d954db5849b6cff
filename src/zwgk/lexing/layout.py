"""The cells of a table's lines, whatever the layout: the layout finds cells and empty cells, never rows.

Each line becomes the cells it holds, or stays a line of prose. What separates cells:

* pipes — ``a | b |``, ``| a | b |`` (a leading pipe is a border), one cell per line ending in `` |``,
  or a cell's closing pipe alone on the next line. A pipe with nothing before it is an empty cell:
  ``| |``, a run ``|||``, a line of pipes of its own (after a line already closed);
* tabs — ``a⇥b``; an empty cell between two tabs; a line holding only a tab is an empty cell. Tabs
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

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from .cells import Cell, CellKind, blank, cell, read, split_cell
from .labels import index, wording
from .lines import SourceLine, is_escaped

_MARKDOWN_SEPARATOR = re.compile(r"^[\s|:]*-{3,}[\s|:\-]*$")
_SENTENCE_END = re.compile(r"[。；;！？]")
_SENTENCE_CHARS = 25
_GLUED_FIGURES = re.compile(r"[+-]?\d+(?:\.\d+)?$")
_LONGEST_LABEL = 60
_SEGMENTED = (CellKind.LABEL, CellKind.HEADER, CellKind.NOTE, CellKind.ITEM)


class CellLine(NamedTuple):
    """The cells of one line; ``delimited``: a Markdown row, a row of its own; ``after_blank``: a
    blank line stands before it (in layouts that part rows by blank lines, empty cells there open the
    next row)."""

    cells: list[Cell]
    delimited: bool = False
    after_blank: bool = False


def _cell(line: SourceLine, start: int, end: int) -> Cell:
    """The cell at ``line.key[start:end]``, stripped, with the same span of the output text."""
    key = line.key[start:end].strip()
    if line.text is line.key:
        return cell(key, key, line.number)
    text = line.text[start:end].strip() if len(line.text) == len(line.key) else key
    return cell(text, key, line.number)


def _split_spans(line: SourceLine, separator: str, start: int, end: int) -> list[Cell]:
    """The cells of ``line.key[start:end]`` split at ``separator``, with the same spans of the output text."""
    cells = []
    position = start
    for part in line.key[start:end].split(separator):
        cells.append(_cell(line, position, position + len(part)))
        position += len(part) + len(separator)
    return cells


def is_sentence(found: Cell) -> bool:
    """Whether a lone text cell is a sentence of prose (a note under a table), not a row of its own:
    long or punctuated as a sentence, leaving aside an explanatory note in brackets after its words."""
    if found.kind is not CellKind.TEXT or index().is_prefix(found.key):
        return False
    words = wording(found.key)
    return len(words) >= _SENTENCE_CHARS or _SENTENCE_END.search(words) is not None


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
            if kind in _SEGMENTED and (kind is not CellKind.NOTE or piece[-1] in ")）"):
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
    if found.kind is not CellKind.TEXT:
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
        if part.kind is CellKind.NUMBER:
            part = part._replace(reading=attrs.evolve(part.reading, glued=True))
        out.append(part)
    return out


def expand(cells: list[Cell]) -> list[Cell]:
    """Cells that hold several cells, split: space-separated (``cells.split_cell``) or run together
    (``segment``)."""
    out: list[Cell] = []
    for found in cells:
        if found.kind is not CellKind.TEXT:
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


def _tab_indented(lines: Sequence[SourceLine]) -> bool:
    """Whether the one-cell lines of this table are mostly tab-indented."""
    indented = total = 0
    for line in lines:
        key = line.key
        if "|" in key or "\t" in key.strip():
            continue
        if key.startswith("\t"):
            indented += 1
            total += 1
        elif key.strip():
            total += 1
    return indented * 2 > total


def _is_tab_row(line: str) -> bool:
    """Whether tabs separate cells on this line: a tab after the content begins. Tabs before a line's
    only cell are indentation (one tab-indented cell per line)."""
    return "\t" in line.lstrip()


def _continues(previous: Cell, line: SourceLine) -> bool:
    """Whether an unindented line continues the cell before it (in a tab-indented table)."""
    body = line.key.strip()
    return (
        previous.kind not in (CellKind.NUMBER, CellKind.MARKER, CellKind.BLANK)
        and len(body) < _SENTENCE_CHARS
        and _SENTENCE_END.search(body) is None
    )


def _pipe_cells(line: SourceLine) -> tuple[list[Cell], bool]:
    """The cells of a line with pipes, and whether its last cell is still open (no pipe after it)."""
    key = line.key
    start = key.index("|") + 1 if key.lstrip().startswith("|") else 0  # a leading pipe is a border
    cells = _split_spans(line, "|", start, len(key))
    closed = cells[-1].kind is CellKind.BLANK
    return (cells[:-1] if closed else cells), not closed


def _piped(lines: Sequence[SourceLine]) -> bool:
    """Whether most lines with content in this table end their cells with pipes."""
    piped = total = 0
    for line in lines:
        if line.key.strip():
            total += 1
            piped += "|" in line.key
    return piped * 2 > total


class _Zone:
    """Reads a table zone's lines one at a time, holding back a line whose last cell the next line may
    continue: a tab-indented cell, or, where pipes end cells, a word without its pipe yet (``商业``
    then ``企业 |``)."""

    def __init__(self, lines: Sequence[SourceLine]) -> None:
        self.indented = _tab_indented(lines)
        self.piped = _piped(lines)
        self.held: CellLine | None = None
        self.open_cell = False
        """Whether the last line ended in a cell without its closing pipe."""
        self.after_blank = False
        """Whether a blank line came since the last line of cells."""

    def lines(self, lines: Sequence[SourceLine]) -> Iterator[CellLine | SourceLine]:
        for line in lines:
            yield from self._line(line)
        if self.held is not None:
            yield self.held

    def _cells(self, found: list[Cell], delimited: bool = False) -> CellLine:
        made = CellLine(found, delimited, self.after_blank)
        self.after_blank = False
        return made

    def _line(self, line: SourceLine) -> Iterator[CellLine | SourceLine]:
        key, body = line.key, line.key.strip()
        if self.held is not None:
            if self._continues_held(line):
                if not self.open_cell and not self.indented:  # the joined cell is closed: the line is done
                    yield self.held
                    self.held = None
                return
            if body or "\t" in key:
                yield self.held
                self.held = None
        if not body:
            if "\t" in key:  # "⇥": an empty cell on a line of its own
                yield self._cells([blank(line.number)])
            else:
                self.after_blank = True
            return
        if is_escaped(body):
            yield line
            self.open_cell = self.after_blank = False
            return
        if "|" in body:
            yield from self._pipe_line(line, body)
            return
        self.open_cell = True
        if "\t" in key and _is_tab_row(key):
            found = _split_spans(line, "\t", 0, len(key))
            filled = [c for c in found if c.kind is not CellKind.BLANK]
            if len(filled) == 1 and is_sentence(filled[0]):
                yield line
                self.after_blank = False
                return
            found = expand(found)
        else:
            found = expand([_cell(line, 0, len(key))])
            if len(found) == 1 and is_sentence(found[0]):
                yield line
                self.after_blank = False
                return
        if (self.indented and key[0] == "\t") or (self.piped and found[-1].kind is CellKind.TEXT):
            self.held = self._cells(found)
        else:
            yield self._cells(found)

    def _pipe_line(self, line: SourceLine, body: str) -> Iterator[CellLine]:
        if _MARKDOWN_SEPARATOR.match(body):
            return
        if not body.strip("| \t"):  # pipes alone: empty cells, the first one closing an open cell
            empties = body.count("|") - self.open_cell
            self.open_cell = False
            if empties:
                yield self._cells([blank(line.number)] * empties)
            return
        found, self.open_cell = _pipe_cells(line)
        made = self._cells(expand(found), body[0] == "|" and not self.open_cell)
        if self.open_cell and self.piped and made.cells[-1].kind is CellKind.TEXT:
            self.held = made
        else:
            yield made

    def _continues_held(self, line: SourceLine) -> bool:
        """Whether ``line`` continues the held line's last cell; if so, it is joined to it."""
        assert self.held is not None
        key, body = line.key, line.key.strip()
        last = self.held.cells[-1]
        if not body or body[0] == "|" or is_escaped(body):
            return False
        if self.piped and self.open_cell and last.kind is CellKind.TEXT:
            end = key.find("|")
            piece = key[:end] if end >= 0 else key
            if cell(piece, piece.strip(), line.number).kind is not CellKind.TEXT:
                return False
            rest = SourceLine(line.number, line.text[len(piece) :], key[len(piece) :]) if end >= 0 else None
            self.held.cells[-1] = cell(last.text + piece.strip(), last.key + piece.strip(), last.line)
            if rest is not None:
                more, self.open_cell = _pipe_cells(rest) if rest.key.strip("| \t") else ([], False)
                self.held.cells.extend(expand(more))
            return True
        if key[0] != "\t" and "|" not in body and "\t" not in key and _continues(last, line):
            self.held.cells[-1] = cell(last.text + line.text.strip(), last.key + body, last.line)
            return True
        return False


def cell_lines(lines: Sequence[SourceLine]) -> Iterator[CellLine | SourceLine]:
    """The cells of each line of a table zone, a line at a time; a line of prose as itself."""
    return _Zone(lines).lines(lines)
