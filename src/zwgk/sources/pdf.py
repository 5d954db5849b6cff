"""PDF files (``zwgk[pdf]``, PDFium through pypdfium2): tables from the ruling lines on the page, text
around them.

A table's cells are placed by the ruled grid (``pdf_grid``), so a column keeps its place even where
a cell is empty; a merged cell (a label printed vertically down a group of rows, a label over two
columns) covers its grid positions. A row holding one cell across the whole table — the frame some
reports draw around every page — is text. Text lines wrapped at the right margin are joined back into
paragraphs; page numbers are dropped later, with every other source's.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, NamedTuple, TypeVar

from ..errors import InputTooLargeError, UnsupportedSourceError, ZwgkError
from ..lexing.cells import CellKind, read
from ..lexing.headings import candidate
from ..lexing.tokens import NUMBERED
from ..normalize import is_page_footer
from . import require
from .limits import InflateLimitExceeded, TimeLimitExceeded, check_inflated, time_limit
from .pdf_grid import Box, Table, tables
from .pdf_lines import text_lines
from .pdf_page import Char, Page, read_page
from .tables import cell_text, table_lines

PAGE_SECONDS = 10.0
"""The longest a page may take to read (so may opening the file): a real report's page takes a fraction
of a second, a crafted one for ever (a ``/Contents`` that refers to itself)."""
MAX_INFLATED_BYTES = 128 * 1024 * 1024
"""The most a PDF's compressed streams may inflate to in all: a real report's inflate to some five times
the file, a Flate bomb to a thousand times."""
MAX_PAGES = 2000
"""The most pages a PDF may have: a report has some ten, a crafted page tree claims millions."""

_CLOSING = "，。、；：？！）》」』”’,.;:?!)"
"""Punctuation no line of a paragraph starts with: a line starting with one continues the last."""
_CHARS_PER_LINE = 28
"""About how many characters a line of an A4 report holds: sets the tolerance of the margins."""
_T = TypeVar("_T")
_ONE_AT_A_TIME = threading.Lock()
"""PDFium may not be called from two threads at once: documents are read one after another."""


class _Line(NamedTuple):
    text: str
    x0: float
    x1: float
    frame: object = None
    """What holds the line — the page, or one table — whose margins it is measured against."""


class _Item(NamedTuple):
    top: float
    lines: list[_Line]
    prose: bool
    """Lines of running text (joined into paragraphs where they wrap), else table rows."""


def _opens_block(text: str) -> bool:
    """Whether a line starts something of its own: a heading, a numbered item, a table label."""
    return bool(NUMBERED.match(text) or candidate(0, text) or read(text).kind is not CellKind.TEXT)


_Placed = tuple[float, float, Char]
"""A character with the height and the x of its centre."""


def _centred_in(placed: Sequence[_Placed], box: Box) -> list[_Placed]:
    x0, top, x1, bottom = box
    return [p for p in placed if top <= p[0] < bottom and x0 <= p[1] < x1]


def _cell_text(placed: Sequence[_Placed], box: Box) -> str:
    """The text of the characters centred in ``box``, a line each."""
    return "\n".join(line.text for line in text_lines([c for _, _, c in _centred_in(placed, box)]))


def _matrix(table: Table, chars: Sequence[Char]) -> list[list[str | None]]:
    """The text of each cell of ``table`` (``None`` where no cell starts), of the characters centred in it."""
    placed = sorted(((c.top + c.bottom) / 2, (c.x0 + c.x1) / 2, c) for c in chars)
    heights = [height for height, _, _ in placed]
    matrix = []
    for row in table.rows:
        near = placed[bisect_left(heights, row.box[1]) : bisect_left(heights, row.box[3])]
        in_row = _centred_in(near, row.box)
        matrix.append([None if box is None else _cell_text(in_row, box) for box in row.cells])
    return matrix


def _extent(chars: Sequence[Char], box: Box) -> tuple[float, float]:
    x0, top, x1, bottom = box
    inside = [c for c in chars if x0 <= c.x0 and c.x1 <= x1 and top <= c.top and c.bottom <= bottom]
    return (min(c.x0 for c in inside), max(c.x1 for c in inside)) if inside else (x0, x0)


def _table_items(table: Table, chars: Sequence[Char], frame: object) -> Iterator[_Item]:
    """A found table's rows: runs of real rows as table lines, one-cell rows as text."""
    run: list[Sequence[str | None]] = []
    run_top = 0.0
    for row, cells in zip(table.rows, _matrix(table, chars), strict=True):
        present = [(c, box) for c, box in zip(cells, row.cells, strict=True) if c is not None and box]
        if len(present) == 1:
            if run:
                yield _Item(run_top, [_Line(t, 0, 0) for t in table_lines(run)], prose=False)
                run = []
            text, box = present[0]
            if text := cell_text(text):
                yield _Item(row.top, [_Line(text, *_extent(chars, box), frame)], prose=True)
            continue
        if not run:
            run_top = row.top
        run.append(cells)
    if run:
        yield _Item(run_top, [_Line(t, 0, 0) for t in table_lines(run)], prose=False)


def _page_items(number: int, page: Page) -> list[_Item]:
    found = tables(page.horizontal, page.vertical)
    boxes = [t.box for t in found]

    def outside(char: Char) -> bool:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items = [item for k, table in enumerate(found) for item in _table_items(table, page.chars, (number, k))]
    for line in text_lines([c for c in page.chars if outside(c)]):
        text = line.text.strip()
        if text and not is_page_footer(text):  # dropped here so a paragraph joins across the page
            items.append(_Item(line.top, [_Line(text, line.x0, line.x1)], prose=True))
    return sorted(items, key=lambda item: item.top)


def _mode(values: Sequence[float]) -> float:
    """The commonest of ``values``, rounded; positions a damaged page gives as NaN or infinity are left
    out (0 when there is no other)."""
    finite = Counter(round(v) for v in values if math.isfinite(v))
    return finite.most_common(1)[0][0] if finite else 0.0


def _paragraphs(items: Sequence[_Item]) -> list[str]:
    """The document's lines, a wrapped paragraph's lines joined: a line that reaches the right margin
    runs on into a next line that starts at the left margin and opens no block of its own."""
    frames: dict[object, list[_Line]] = {}
    for item in items:
        if item.prose:
            for line in item.lines:
                frames.setdefault(line.frame, []).append(line)
    margins = {
        frame: (_mode([ln.x0 for ln in lines]), _mode([ln.x1 for ln in lines]))
        for frame, lines in frames.items()
    }
    out: list[str] = []
    reached_right = False
    for item in items:
        for line in item.lines:
            if item.prose:
                left, right = margins[line.frame]
                slack = (right - left) / _CHARS_PER_LINE
                continues = reached_right and line.x0 <= left + slack and not _opens_block(line.text)
                if out and (continues or line.text[0] in _CLOSING):
                    out[-1] += line.text
                    reached_right = line.x1 >= right - 1.5 * slack
                    continue
                reached_right = line.x1 >= right - 1.5 * slack
            else:
                reached_right = False
            out.append(line.text)
    return out


def _in_time(step: str, read: Callable[[], _T]) -> _T:
    """What ``read`` returns, refused if it takes longer than ``PAGE_SECONDS``."""
    try:
        with time_limit(PAGE_SECONDS):
            return read()
    except TimeLimitExceeded:
        raise UnsupportedSourceError(
            f"PDF {step}用时超过 {PAGE_SECONDS:g} 秒，文件结构异常，不再读取（reading the PDF took too long）"
        ) from None


def _items(pdfium: Any, data: bytes) -> list[_Item]:
    """The items of every page, each page (and opening the file) in its time."""
    document = _in_time("打开文件", lambda: pdfium.PdfDocument(data))
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise InputTooLargeError(f"PDF 有 {count:,} 页，超过上限 {MAX_PAGES:,} 页（too many pages）")
        return [
            item
            for number in range(1, count + 1)
            for item in _in_time(f"第 {number} 页", partial(_read_page, pdfium, document, number))
        ]
    finally:
        document.close()


def _read_page(pdfium: Any, document: Any, number: int) -> list[_Item]:
    page = document[number - 1]
    try:
        return _page_items(number, read_page(pdfium, page))
    finally:
        page.close()


def text_of(data: bytes) -> str:
    """The text of a PDF report: its pages' text and tables in reading order, a line per paragraph and
    per table row (cells tab-separated). The file's Flate streams may inflate to at most
    ``MAX_INFLATED_BYTES`` in all, it may have at most ``MAX_PAGES`` pages, and each page must read
    within ``PAGE_SECONDS``."""
    pdfium = require("pypdfium2", "pdf")
    try:
        check_inflated(data, MAX_INFLATED_BYTES)
        with _ONE_AT_A_TIME:
            items = _items(pdfium, data)
    except ZwgkError:
        raise
    except InflateLimitExceeded:
        raise InputTooLargeError(
            f"PDF 的压缩数据解压后超过上限 {MAX_INFLATED_BYTES:,} 字节（compressed streams too large）"
        ) from None
    except Exception as error:  # PdfiumError for a damaged or encrypted file, and what a damaged page gives
        raise UnsupportedSourceError(f"无法读取该 PDF 文件（unreadable PDF）：{error}") from None
    if not any(line.text.strip() for item in items for line in item.lines):
        raise UnsupportedSourceError("PDF 没有文字层，可能是扫描件，需要先做文字识别（OCR）")
    return "\n".join(_paragraphs(items)) + "\n"
