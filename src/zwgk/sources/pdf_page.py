"""What a PDF page holds for zwgk, read through PDFium (``pypdfium2``): its characters with their boxes,
and the straight horizontal and vertical strokes and edges of its paths — the rulings a table is drawn
with. Positions are in points from the page's top left corner.

A character's box spans its advance and the font size, from the font's descent up, whatever the glyph's
shape, so the characters of one printed line share their top. A character of a vertical-writing font
has its origin at the top centre of its box.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from typing import Any, NamedTuple

_SAME = 0.5
"""Ends of a segment closer than this across its length make it a horizontal or vertical ruling."""
_MAX_FORM_DEPTH = 8
"""How deep forms inside forms are searched for paths."""


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


class Ruling(NamedTuple):
    """A horizontal (``at`` its top, from ``start`` to ``end`` across) or vertical (``at`` its x, from
    ``start`` down to ``end``) ruling."""

    at: float
    start: float
    end: float


class Page(NamedTuple):
    chars: list[Char]
    horizontal: list[Ruling]
    vertical: list[Ruling]


_Matrix = tuple[float, float, float, float, float, float]


def _times(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _chars(raw: Any, text_page: Any, height: float) -> list[Char]:
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    chars = []
    for i in range(raw.FPDFText_CountChars(text_page)):
        if raw.FPDFText_IsGenerated(text_page, i):  # spaces and line ends PDFium infers
            continue
        code = raw.FPDFText_GetUnicode(text_page, i)
        if not raw.FPDFText_GetLooseCharBox(text_page, i, box):
            continue
        raw.FPDFText_GetMatrix(text_page, i, matrix)
        size = raw.FPDFText_GetFontSize(text_page, i) * math.hypot(matrix.c, matrix.d)
        if box.right - box.left > 2 * size + 1:  # a vertical-writing font: PDFium's loose box is unscaled
            raw.FPDFText_GetCharOrigin(text_page, i, x, y)
            x0, top = x.value - size / 2, height - y.value
            chars.append(Char(chr(code), x0, x0 + size, top, top + size))
        else:
            below = height - box.bottom
            chars.append(Char(chr(code), box.left, box.right, below - size, below))
    return chars


def _objects(raw: Any, page: Any) -> Iterator[tuple[Any, _Matrix]]:
    """The page's path objects, each with the matrix from its space to the page's."""
    matrix = raw.FS_MATRIX()

    def own(obj: Any) -> _Matrix:
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)

    def walk(objects: list[Any], outer: _Matrix, depth: int) -> Iterator[tuple[Any, _Matrix]]:
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield obj, _times(own(obj), outer)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                inner = [raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj))]
                yield from walk(inner, _times(own(obj), outer), depth + 1)

    top = [raw.FPDFPage_GetObject(page, k) for k in range(raw.FPDFPage_CountObjects(page))]
    yield from walk(top, (1, 0, 0, 1, 0, 0), 0)


def _painted(raw: Any, path: Any) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(path, fill, stroke)
    return bool(fill.value or stroke.value)


def _segments(raw: Any, path: Any, matrix: _Matrix) -> Iterator[tuple[float, float, float, float]]:
    """The straight segments of ``path`` in page space (bottom-up), a closed subpath's closing one too."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start = last = (0.0, 0.0)
    for k in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, k)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO:
            yield (*last, *point)
        if raw.FPDFPathSegment_GetClose(segment):
            yield (*point, *start)
            point = start
        last = point


def read_page(pdfium: Any, page: Any) -> Page:
    """The characters and rulings of ``page``, a ``pypdfium2.PdfPage``."""
    raw = pdfium.raw
    height = page.get_height()
    text_page = page.get_textpage()
    try:
        chars = _chars(raw, text_page.raw, height)
    finally:
        text_page.close()
    horizontal, vertical = [], []
    for path, matrix in _objects(raw, page.raw):
        if not _painted(raw, path):
            continue
        for x0, y0, x1, y1 in _segments(raw, path, matrix):
            if abs(y1 - y0) < _SAME:
                horizontal.append(Ruling(height - (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) < _SAME:
                vertical.append(Ruling((x0 + x1) / 2, height - max(y0, y1), height - min(y0, y1)))
    return Page(chars, horizontal, vertical)
