"""Grouping the lines of a table into rows of cells, whatever the layout.

Layouts met in real copies (each line may use any of them):

* tab rows — one row per line, cells separated by tabs, ragged leading and trailing tabs;
* pipe cells — one cell per line ending in `` |``; extra pipes (`` | ||``) end the row;
* Markdown rows — ``| a | b |``, separator lines ignored;
* one cell per line — rows end at a blank line. Where cells are tab-indented, a line without the
  indent continues the cell before it (a label broken over lines), even across a blank line;
* space-separated rows from PDF text layers — ``行政许可 97`` — split by ``cells.split_cell``.

Rows found this way are then reshaped: where one physical row holds several logical ones (a label
after figures, a header after a label) it is split, and label fragments broken over cells
(``(三)不`` + ``予公开``) are joined when together they make a catalogue label.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise

from .. import catalogue
from ..model.common import Template
from .cells import VALUE_KINDS, Cell, CellKind, blank, cell, read, shape, split_cell
from .labels import index
from .lines import ESCAPE, SourceLine

_PIPE_CELL = re.compile(r"^(.*?)[ \t]*\|([ \t|]*)$")
_MARKDOWN_SEPARATOR = re.compile(r"^[\s|:\-]+$")
_SENTENCE_END = re.compile(r"[。；;！？]")
_SENTENCE_CHARS = 25
_MAX_FRAGMENTS = 40  # a vertical label printed one character per line


def _cell(line: SourceLine, start: int, end: int) -> Cell:
    """The cell at ``line.key[start:end]``, stripped, with the same span of the output text."""
    key = line.key[start:end].strip()
    if line.text is line.key:
        return cell(key, key, line.number)
    text = line.text[start:end].strip() if len(line.text) == len(line.key) else key
    return cell(text, key, line.number)


def _split_spans(line: SourceLine, separator: str, start: int = 0, end: int | None = None) -> list[Cell]:
    """The cells of ``line.key[start:end]`` split at ``separator``, with the same spans of the output text."""
    end = len(line.key) if end is None else end
    parts = line.key[start:end].split(separator)
    if line.text is line.key:
        return [cell(key, key, line.number) for key in map(str.strip, parts)]
    cells = []
    position = start
    for part in parts:
        cells.append(_cell(line, position, position + len(part)))
        position += len(part) + len(separator)
    return cells


def expand(cells: list[Cell]) -> list[Cell]:
    """Cells that hold several space-separated cells, split (see ``cells.split_cell``)."""
    out: list[Cell] = []
    for found in cells:
        if found.kind is not CellKind.TEXT or " " not in found.key.strip():
            out.append(found)
            continue
        parts = split_cell(found.key)
        if len(parts) == 1:
            out.append(found)
            continue
        words = found.key.split()
        texts = found.text.split() if len(found.text.split()) == len(words) else words
        position = 0
        for part in parts:
            count = len(part.split())
            out.append(cell(" ".join(texts[position : position + count]), part, found.line))
            position += count
    return out


def _is_sentence(found: Cell) -> bool:
    """Whether a lone cell is really a paragraph of prose (a note under a table)."""
    if found.kind is not CellKind.TEXT or index().is_prefix(found.key):
        return False
    return len(found.key) >= _SENTENCE_CHARS or _SENTENCE_END.search(found.key) is not None


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
    """Whether tabs separate cells on this line: a tab after the content begins, or two or more before
    it. One leading tab alone is indentation (one tab-indented cell per line)."""
    return line.count("\t") > 1 or not line.lstrip(" \u3000").startswith("\t")


def _continues(previous: Cell, line: SourceLine) -> bool:
    """Whether an unindented line continues the cell before it (in a tab-indented table)."""
    body = line.key.strip()
    return (
        previous.kind not in (CellKind.NUMBER, CellKind.MARKER)
        and len(body) < _SENTENCE_CHARS
        and _SENTENCE_END.search(body) is None
    )


def _joined(previous: Cell, line: SourceLine) -> Cell:
    text = previous.text + line.text.strip()
    key = previous.key + line.key.strip()
    return cell(text, key, previous.line)


def physical_rows(lines: Sequence[SourceLine]) -> Iterator[list[Cell] | SourceLine]:
    """The rows of a table zone as the layout delimits them; a line of prose comes out as itself."""
    indented = _tab_indented(lines)
    row: list[Cell] = []
    pending_break = False
    for line in lines:
        body = line.key.strip()
        if not body:
            if indented and "\t" in line.key:  # "⇥": an empty cell on a line of its own
                if pending_break and row:
                    yield row
                    row = []
                row.append(blank(line.number))
                pending_break = False
            else:
                pending_break = True
            continue
        key = line.key
        if key[0] == "\t" and key.count("\t") == 1 and "|" not in body and body[0] != ESCAPE:
            # the commonest line of all: one tab-indented cell; text takes the general path below
            lone = cell(body, body, line.number) if line.text is key else _cell(line, 0, len(key))
            if lone.kind is not CellKind.TEXT:
                if pending_break and row:
                    yield row
                    row = []
                row.append(lone)
                pending_break = False
                continue
        if body.startswith(ESCAPE):
            if row:
                yield row
                row = []
            yield line
            pending_break = False
            continue
        if body.startswith("|") and body.strip("| \t"):  # Markdown; " | |" is a blank pipe cell
            if row:
                yield row
                row = []
            if not _MARKDOWN_SEPARATOR.match(body):
                first = line.key.index("|") + 1
                last = line.key.rindex("|")
                yield _split_spans(line, "|", first, last if last >= first else None)
            pending_break = False
            continue
        pipe = _PIPE_CELL.match(line.key) if "|" in body else None
        if pipe is not None:
            if pending_break and row:
                yield row
                row = []
            row.append(_cell(line, 0, pipe.end(1)))
            if pipe.group(2).count("|"):
                yield row
                row = []
            pending_break = False
            continue
        if "\t" in line.key and _is_tab_row(line.key):
            if row:
                yield row
                row = []
            cells = _split_spans(line, "\t")
            filled = [c for c in cells if c.kind is not CellKind.BLANK]
            yield line if len(filled) == 1 and _is_sentence(filled[0]) else cells
            pending_break = False
            continue
        if indented and row and key[0] != "\t" and _continues(row[-1], line):
            row[-1] = _joined(row[-1], line)
            pending_break = False
            continue
        lone = _cell(line, 0, len(line.key))
        found = expand([lone]) if lone.kind is CellKind.TEXT and " " in lone.key else [lone]  # "行政许可 97"
        if len(found) == 1 and found[0].kind is CellKind.TEXT and _is_sentence(found[0]):
            if row:
                yield row
                row = []
            yield line
        else:
            # a new row after a blank line, or where a line of several cells follows figures
            # ("行政许可 97" after "规章 0 0 0"); a label's first fragment still joins the rest
            starts_row = len(found) > 1 and any(c.kind in (CellKind.NUMBER, CellKind.MARKER) for c in row)
            if (pending_break or starts_row) and row:
                yield row
                row = []
            row.extend(found)
            if len(found) > 1:  # a line of several cells is a row; what follows starts the next
                yield row
                row = []
        pending_break = False
    if row:
        yield row


# ---------------------------------------------------------------------------------------------------
# Reshaping


def join_fragments(cells: list[Cell]) -> list[Cell]:
    """Label fragments broken over cells (``(三)不`` ``予公开``; ``商业`` ``企业``) joined where the
    joined text is a catalogue label; nothing is joined otherwise."""
    labels = index()
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        first = cells[i]
        joined, end = first, i + 1
        if first.kind in (CellKind.TEXT, CellKind.LABEL, CellKind.HEADER):
            key, text = first.key, first.text
            for j in range(i + 1, min(i + _MAX_FRAGMENTS, len(cells))):
                if cells[j].kind is not CellKind.TEXT:
                    break
                key, text = key + cells[j].key, text + cells[j].text
                reading = read(key)
                if reading.kind not in (CellKind.TEXT, CellKind.BLANK):
                    joined, end = Cell(text, key, first.line, reading.kind, reading), j + 1
                elif not labels.is_prefix(key):
                    break
        out.append(joined)
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


def _continues_row(first: Cell, then: Cell) -> bool:
    """Whether label ``then`` belongs to the same row as label ``first``: a group label followed by
    one of its rows (``(三)不予公开`` ``1.属于国家秘密``)."""
    above = first.reading.labels[0]
    below = then.reading.labels[0]
    return above.table == below.table == 3 and above.name in _ancestors().get(below.name, frozenset())


# Rows that are one logical row as they stand (letters: see ``CellKind``): an item header, header
# cells, labels then values, values alone. Anything else goes through ``_split``.
_WHOLE_ROW = re.compile(r"b*(?:i[bt]*|[ho][hotb]*|l[lbt]*[bnm]*|t[tb]*[bnm]*|[bnm]+)")


def _labels_continue(cells: list[Cell]) -> bool:
    labels = [c for c in cells if c.kind is CellKind.LABEL]
    return all(_continues_row(a, b) for a, b in pairwise(labels))


def reshape(cells: list[Cell]) -> Iterator[list[Cell]]:
    """One physical row as logical rows of one shape each: an item header; header cells; labels then
    figures; or figures alone. Blank cells stay with the row before a split. Cells holding several
    cells are split first, and label fragments joined."""
    kinds = shape(cells)
    if CellKind.TEXT in kinds:
        cells = join_fragments(expand(cells))
        kinds = shape(cells)
    if _WHOLE_ROW.fullmatch(kinds) and (kinds.count(CellKind.LABEL) < 2 or _labels_continue(cells)):
        yield cells
    else:
        yield from _split(cells)


class _State(enum.Enum):
    LEAD = 0
    ITEM = 1
    HEADERS = 2
    LABELS = 3
    VALUES = 4


def _split(cells: list[Cell]) -> Iterator[list[Cell]]:
    """The logical rows of a physical row that holds several (see ``reshape``)."""
    current: list[Cell] = []
    state = _State.LEAD
    last_label: Cell | None = None
    for found in cells:
        kind = found.kind
        if kind is CellKind.BLANK:
            current.append(found)
            continue
        split = False
        if kind in VALUE_KINDS:
            split = state in (_State.ITEM, _State.HEADERS)
            state = _State.VALUES
        elif kind is CellKind.LABEL:
            split = state in (_State.ITEM, _State.HEADERS, _State.VALUES) or (
                state is _State.LABELS and last_label is not None and not _continues_row(last_label, found)
            )
            state, last_label = _State.LABELS, found
        elif kind is CellKind.TEXT:
            split = state is _State.VALUES
            if state in (_State.LEAD, _State.VALUES):
                state = _State.LABELS
        elif kind is CellKind.ITEM:
            split = state is not _State.LEAD
            state = _State.ITEM
        else:  # HEADER, NOTE
            split = state not in (_State.LEAD, _State.HEADERS)
            state = _State.HEADERS
        if split and current:
            yield current
            current = []
        current.append(found)
    if current:
        yield current
