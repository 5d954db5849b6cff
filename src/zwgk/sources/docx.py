"""Word (.docx) documents to text (``zwgk[docx]``): the body's paragraphs and tables in document order.

Each paragraph is a line; each table row is one line (``tables.table_lines``), its merged cells
(``gridSpan``, ``vMerge``, the legacy ``hMerge``) resolved on the table's grid so that a cell's text
stands at the position it starts and the positions it covers are ``None``. A table holding tables is
a layout frame: its cells are read as body, so the innermost tables are the ones read as tables.
Headers, footers (page numbers), footnotes, deleted revisions and text boxes are left out.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from typing import Any

from ..errors import InputTooLargeError, UnsupportedSourceError
from . import require
from .tables import check_size, table_lines

_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""The most a .docx may unpack to: a report is some megabytes (its pictures barely compress), a ZIP bomb
gigabytes."""
_MAX_XML_BYTES = 16 * 1024 * 1024
"""The most its XML may unpack to: a long report's is a megabyte or two, and each byte of it costs
python-docx tens of bytes of memory."""
_CHUNK = 1 << 20
_XML_START = (b"<", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
_TAB, _PTAB, _BR, _CR, _HYPHEN = (_W + t for t in ("tab", "ptab", "br", "cr", "noBreakHyphen"))
_TCPR, _GRID_SPAN, _V_MERGE, _H_MERGE = (_W + t for t in ("tcPr", "gridSpan", "vMerge", "hMerge"))
_GRID_BEFORE, _VAL = f"{_W}trPr/{_W}gridBefore", _W + "val"
_BLOCK_WRAPPERS = frozenset(_W + t for t in ("sdt", "sdtContent", "customXml"))
"""Elements around paragraphs, tables, rows or cells whose content counts as if it stood there."""
_INLINE_WRAPPERS = frozenset(
    _W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple")
)
"""Elements around runs whose text is the paragraph's (deletions, ``w:del``/``w:moveFrom``, are not)."""
_RUN_TEXT = {_TAB: "\t", _PTAB: "\t", _BR: "\n", _CR: "\n", _HYPHEN: "-"}


def text_of(data: bytes) -> str:
    """The text of a .docx report: one line per paragraph, one per table row, body only."""
    body = _body(data)
    lines: list[str] = []
    _blocks(body, lines)
    return "\n".join(lines)


def _body(data: bytes) -> Any:
    """The ``w:body`` element of the document; raises ``UnsupportedSourceError`` for what is not one."""
    docx = require("docx", "docx")
    try:
        document = docx.Document(io.BytesIO(_inflated(data)))
    except InputTooLargeError:
        raise
    except Exception as error:  # a damaged file fails anywhere in zipfile, zlib, lxml or python-docx
        reason = str(error).strip()[:200] or type(error).__name__
        raise UnsupportedSourceError(
            f"无法读取 Word (.docx) 文档：文件已损坏或不是 .docx（{type(error).__name__}: {reason}）"
        ) from None
    body = document.element.find(_W + "body")
    if body is None:
        raise UnsupportedSourceError("Word (.docx) 文档没有正文（no w:body）")
    return body


def _inflated(data: bytes) -> bytes:
    """The .docx stored again uncompressed, for python-docx to read: it inflates each part in one go,
    however much the part turns out to hold. Here the sizes the parts declare are checked first, then
    each is inflated a chunk at a time (``zipfile`` stops a part at the size it declares: one that holds
    more fails its CRC), and the XML among them is counted as it comes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        declared = sum(part.file_size for part in parts)
        if declared > _MAX_UNPACKED_BYTES:
            raise InputTooLargeError(f"Word 文档解压后有 {declared:,} 字节，超过上限 {_MAX_UNPACKED_BYTES:,}")
        stored = io.BytesIO()
        xml = 0
        with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as copy:
            for part in parts:
                with archive.open(part) as source, copy.open(part.filename, "w") as target:
                    chunk = source.read(_CHUNK)
                    counted = chunk.lstrip().startswith(_XML_START)
                    while chunk:
                        xml += len(chunk) if counted else 0
                        if xml > _MAX_XML_BYTES:
                            raise InputTooLargeError(
                                f"Word 文档的 XML 解压后超过上限 {_MAX_XML_BYTES:,} 字节"
                            )
                        target.write(chunk)
                        chunk = source.read(_CHUNK)
    return stored.getvalue()


def _children(parent: Any, tag: str) -> list[Any]:
    """The ``tag`` children of ``parent``, also those inside content controls and custom XML."""
    found = []
    for child in parent.iterchildren(tag, *_BLOCK_WRAPPERS):
        if child.tag == tag:
            found.append(child)
        else:
            found.extend(_children(child, tag))
    return found


def _blocks(parent: Any, lines: list[str]) -> None:
    """The lines of the paragraphs and tables in ``parent`` (the body, a cell), in document order."""
    for child in parent.iterchildren(_P, _TBL, *_BLOCK_WRAPPERS):
        if child.tag == _P:
            lines.append(_paragraph_text(child))
        elif child.tag == _TBL:
            _table(child, lines)
        else:
            _blocks(child, lines)


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    _inline_text(paragraph, parts)
    return "".join(parts)


def _inline_text(parent: Any, parts: list[str]) -> None:
    for child in parent.iterchildren(_R, *_INLINE_WRAPPERS):
        if child.tag == _R:
            for item in child.iterchildren(_T, *_RUN_TEXT):
                parts.append(item.text or "" if item.tag == _T else _RUN_TEXT[item.tag])
        else:
            _inline_text(child, parts)


def _table(table: Any, lines: list[str]) -> None:
    rows = _children(table, _TR)
    if next(table.iterdescendants(_TBL), None) is not None:
        for row in rows:  # a layout frame: its cells are read as body
            for cell in _children(row, _TC):
                _blocks(cell, lines)
        return
    check_size(sum(_width(row) for row in rows))
    lines.extend(table_lines([_row_cells(row) for row in rows]))


def _skipped_columns(row: Any) -> int:
    """The row's ``w:gridBefore``: the grid columns before its first cell."""
    before = row.find(_GRID_BEFORE)
    return _number(before) if before is not None else 0


def _width(row: Any) -> int:
    """The grid columns a row takes up."""
    return _skipped_columns(row) + sum(_grid(cell.find(_TCPR))[0] for cell in _children(row, _TC))


def _row_cells(row: Any) -> list[str | None]:
    """A row on the table's grid: each cell's text at the column it starts, ``None`` where a merge covers
    the position (the columns a cell spans, a vertical merge's continuation) or no cell stands."""
    cells: list[str | None] = [None] * _skipped_columns(row)
    for cell in _children(row, _TC):
        span, continued = _grid(cell.find(_TCPR))
        if continued:
            cells.extend([None] * span)
            continue
        lines: list[str] = []
        _blocks(cell, lines)
        cells.append("\n".join(lines))
        cells.extend([None] * (span - 1))
    return cells


def _grid(properties: Any) -> tuple[int, bool]:
    """A cell's ``w:gridSpan``, and whether it continues a merge: ``<w:vMerge/>`` (``continue`` is the
    default) or the legacy ``<w:hMerge/>``; ``w:val="restart"`` starts one."""
    span, continued = 1, False
    if properties is not None:
        for item in properties.iterchildren(_GRID_SPAN, _V_MERGE, _H_MERGE):
            if item.tag == _GRID_SPAN:
                span = max(_number(item), 1)
            elif item.get(_VAL, "continue") != "restart":
                continued = True
    return span, continued


def _number(element: Any) -> int:
    """The integer ``w:val`` of ``element``, 0 if it has none."""
    try:
        return int(element.get(_VAL))
    except (TypeError, ValueError):
        return 0
