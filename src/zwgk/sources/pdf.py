"""PDF files (``zwgk[pdf]``, pdfplumber): tables from the ruling lines on the page, text around them.

A table's cells are placed by the ruled grid pdfplumber finds, so a column keeps its place even where
a cell is empty; a merged cell (a label printed vertically down a group of rows, a label over two
columns) covers its grid positions. A row holding one cell across the whole table — the frame some
reports draw around every page — is text. Text lines wrapped at the right margin are joined back into
paragraphs; page numbers are dropped later, with every other source's.
"""

from __future__ import annotations

import io
import math
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
from .limits import InflateLimitExceeded, TimeLimitExceeded, bounded_zlib, inflate_limit, time_limit
from .tables import cell_text, table_lines

PAGE_SECONDS = 10.0
"""The longest a page may take to read (so may opening the file): a real report's page takes a fraction
of a second, a crafted one for ever (a ``/Contents`` that refers to itself)."""
MAX_INFLATED_BYTES = 128 * 1024 * 1024
"""The most a PDF's compressed streams may inflate to in all: a real report's inflate to some five times
the file, a Flate bomb to a thousand times."""

_CLOSING = "，。、；：？！）》」』”’,.;:?!)"
"""Punctuation no line of a paragraph starts with: a line starting with one continues the last."""
_CHARS_PER_LINE = 28
"""About how many characters a line of an A4 report holds: sets the tolerance of the margins."""
_T = TypeVar("_T")


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


def _extent(chars: Sequence[dict[str, Any]], box: Sequence[float]) -> tuple[float, float]:
    x0, top, x1, bottom = box
    inside = [
        c for c in chars if x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom
    ]
    return (min(c["x0"] for c in inside), max(c["x1"] for c in inside)) if inside else (x0, x0)


def _table_items(table: Any, chars: Sequence[dict[str, Any]], frame: object) -> Iterator[_Item]:
    """A found table's rows: runs of real rows as table lines, one-cell rows as text."""
    matrix: list[Sequence[str | None]] = table.extract()
    run: list[Sequence[str | None]] = []
    run_top = 0.0
    for row, cells in zip(table.rows, matrix, strict=True):
        present = [(c, box) for c, box in zip(cells, row.cells, strict=True) if c is not None]
        if len(present) == 1:
            if run:
                yield _Item(run_top, [_Line(t, 0, 0) for t in table_lines(run)], prose=False)
                run = []
            text, box = present[0]
            if text := cell_text(text):
                yield _Item(row.bbox[1], [_Line(text, *_extent(chars, box), frame)], prose=True)
            continue
        if not run:
            run_top = row.bbox[1]
        run.append(cells)
    if run:
        yield _Item(run_top, [_Line(t, 0, 0) for t in table_lines(run)], prose=False)


def _page_items(page: Any) -> list[_Item]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items = [
        item
        for k, table in enumerate(tables)
        for item in _table_items(table, page.chars, (page.page_number, k))
    ]
    for line in page.filter(outside).extract_text_lines():
        text = line["text"].strip()
        if text and not is_page_footer(text):  # dropped here so a paragraph joins across the page
            items.append(_Item(line["top"], [_Line(text, line["x0"], line["x1"])], prose=True))
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


def _items(pdfplumber: Any, data: bytes) -> list[_Item]:
    """The items of every page, each page (and opening the file) in its time. The PDF is not closed:
    closing lists its pages again, outside any limit, and an in-memory file holds nothing to release."""
    pdf = _in_time("打开文件", lambda: pdfplumber.open(io.BytesIO(data)))
    pages = _in_time("列出页面", lambda: pdf.pages)
    return [
        item for page in pages for item in _in_time(f"第 {page.page_number} 页", partial(_page_items, page))
    ]


def text_of(data: bytes) -> str:
    """The text of a PDF report: its pages' text and tables in reading order, a line per paragraph and
    per table row (cells tab-separated). Each page must read within ``PAGE_SECONDS`` and the file's
    streams inflate to at most ``MAX_INFLATED_BYTES``."""
    pdfplumber = require("pdfplumber", "pdf")
    pdftypes: Any = require("pdfminer.pdftypes", "pdf")
    pdftypes.zlib = bounded_zlib  # the one place pdfminer inflates
    try:
        with inflate_limit(MAX_INFLATED_BYTES):
            items = _items(pdfplumber, data)
    except ZwgkError:
        raise
    except InflateLimitExceeded:
        raise InputTooLargeError(
            f"PDF 的压缩数据解压后超过上限 {MAX_INFLATED_BYTES:,} 字节（compressed streams too large）"
        ) from None
    except Exception as error:  # pdfminer raises many kinds for damaged or encrypted files
        raise UnsupportedSourceError(f"无法读取该 PDF 文件（unreadable PDF）：{error}") from None
    if not any(line.text.strip() for item in items for line in item.lines):
        raise UnsupportedSourceError("PDF 没有文字层，可能是扫描件，需要先做文字识别（OCR）")
    return "\n".join(_paragraphs(items)) + "\n"
