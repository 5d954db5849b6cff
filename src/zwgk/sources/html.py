"""HTML pages to text (``zwgk[html]``, selectolax): the report's paragraphs one per line, each table row
one line built from the ``<table>`` markup (rowspan and colspan honoured), the site around it left out.

The report is the lowest element holding its section headings (``一、总体情况`` …) and its tables; a
title printed above it is kept. Without those, the whole body is read, the site's obvious chrome
(navigation, headers, footers, share links) left out.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from ..errors import DecodingError, InputTooLargeError, UnsupportedSourceError
from ..lexing.headings import candidate
from . import require
from .decode import decode_declared
from .outline import Outline, children
from .tables import cell_text, spans_to_matrix, table_lines

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode as Node

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)""", re.IGNORECASE)


def _names(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIPPED = _names(
    "head script style noscript template iframe frame object embed svg math canvas select option "
    "button input textarea nav -comment"
)
_CHROME = frozenset({"header", "footer", "aside", "form"})
_CHROME_NAME = re.compile(r"nav|menu|breadcrumb|crumb|share|footer|header|copyright|sidebar|toolbar", re.I)
_BLOCKS = _names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu ol p pre section "
    "summary table tbody td tfoot th thead tr ul"
)
_ROW_PARTS = frozenset({"thead", "tbody", "tfoot", "tr"})
_TEXT_HOLDERS = (_BLOCKS - _ROW_PARTS - {"table", "html", "body"}) | {"span", "font", "strong", "b"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE = re.compile(r"\S{2,60}?政府信息公开(?:工作)?年度?报告")
_REPORT_TABLE = re.compile(r"第二十条|信息内容|本年新收|申请人情况|行政复议|行政诉讼|勾稽关系")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")

MAX_NESTING = 4096
"""The deepest a page's elements may nest. A page nests some 30 deep; the parser takes time quadratic in
the depth (0.3 s for 10,000 nested ``<div>``, half a minute for 100,000)."""
_TAGS = re.compile(
    r"<!--(?:.*?-->|.*)|<(script|style|textarea|title|xmp|svg|math)\b(?:.*?</\1\s*>|.*)|<(/?)([a-z][a-z0-9]*)",
    re.IGNORECASE | re.DOTALL,
)
"""A comment, an element whose content opens no elements of the page (unclosed: to the end, as the parser
reads it), or a start or end tag."""
_NEVER_NESTED = _names(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen "
    "html head body p li dt dd rb rt rtc rp optgroup option colgroup caption thead tbody tfoot tr td th"
)
"""Elements that hold nothing, or that the parser closes when the next one like them starts."""


def page_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>``, ``<meta http-equiv>``)."""
    declared = _CHARSET.search(data[:4096])
    return declared.group(1).decode("ascii") if declared else None


def _skipped(node: Node) -> bool:
    if node.tag in _SKIPPED:
        return True
    attributes = node.attributes
    style = attributes.get("style") or ""
    return "hidden" in attributes or _HIDDEN.search(style) is not None


def _layout_tables(tables: list[Node], page: Outline) -> set[int]:
    """The tables among ``tables`` (all of a page's, in document order) that hold another table: the
    first one they hold comes right after them."""
    return {t.mem_id for t, after in pairwise(tables) if page.contains(t, after)}


def _rows(table: Node) -> list[Node]:
    """The ``<tr>`` of ``table`` itself (directly or under thead/tbody/tfoot), not of tables inside it."""
    rows = []
    for child in children(table):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(c for c in children(child) if c.tag == "tr")
    return rows


def _span(value: str | None, limit: int) -> int:
    """A rowspan or colspan: 1 when missing or garbled, 0 (HTML's "to the end") and more than ``limit``
    as ``limit``."""
    try:
        number = int((value or "1").strip().rstrip(";"))
    except ValueError:
        return 1
    return limit if number == 0 or number > limit else max(number, 1)


class _Reader:
    """Walks the report's elements, collecting its lines."""

    def __init__(self, layout: set[int], strip_chrome: bool) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.layout = layout
        """The tables (``mem_id``) that hold tables: read as text, not as tables."""
        self.strip_chrome = strip_chrome

    def flush(self) -> None:
        line = cell_text("".join(self.parts))
        if line:
            self.lines.append(line)
        self.parts = []

    def read(self, node: Node) -> None:
        """Collect the lines of what is below ``node`` (iteratively: pages nest elements deeply)."""
        stack: list[Node | None] = [*reversed([*children(node)])]  # None: the end of a block
        while stack:
            child = stack.pop()
            if child is None:
                self.flush()
            elif child.tag == "-text":
                self.parts.append(_SPACES.sub(" ", child.text_content or ""))
            elif _skipped(child) or (self.strip_chrome and _is_chrome(child)):
                continue
            elif child.tag == "br":
                self.flush()
            elif child.tag == "table" and child.mem_id not in self.layout and _rows(child):
                self.flush()
                self.table(child)
            else:
                if child.tag in _BLOCKS:
                    self.flush()
                    stack.append(None)
                stack.extend(reversed([*children(child)]))

    def table(self, table: Node) -> None:
        rows = _rows(table)
        spans = []
        for index, row in enumerate(rows):
            cells = [c for c in children(row) if c.tag in {"td", "th"} and not _skipped(c)]
            spans.append(
                [
                    (
                        self.cell(c),
                        _span(c.attributes.get("rowspan"), len(rows) - index),
                        _span(c.attributes.get("colspan"), 1000),
                    )
                    for c in cells
                ]
            )
        if sum(len(r) for r in spans) <= 1:  # a frame around text, not a table
            self.read(table)
            self.flush()
            return
        self.lines.extend(table_lines(spans_to_matrix(spans)))

    def cell(self, cell: Node) -> str:
        """A cell's text: its paragraphs, spans and line breaks joined (``商业</p><p>企业`` is 商业企业)."""
        reader = _Reader(self.layout, strip_chrome=False)
        reader.read(cell)
        reader.flush()
        return "\n".join(reader.lines)


def _is_chrome(node: Node) -> bool:
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''} {attributes.get('role') or ''}"
    return node.tag in _CHROME or _CHROME_NAME.search(names) is not None


def _report(body: Node) -> tuple[Node | None, Node | None, set[int]]:
    """The element holding the report (``None`` if nothing identifies it), the report's title element when
    it stands outside that element, and the page's layout tables."""
    page = Outline(body, _skipped, _REPORT_TABLE, _TEXT_HOLDERS | {"table"})
    headings: list[Node] = []
    all_tables: list[Node] = []
    titles: list[Node] = []
    for node in page.shown:
        if node.tag == "table":
            all_tables.append(node)
        elif node.tag in _TEXT_HOLDERS:
            sketch = page.sketches[node.mem_id]
            text = sketch.whole
            if text and len(text) <= 60 and not sketch.has_link:
                if candidate(0, text) is not None:
                    headings.append(node)
                elif _TITLE.fullmatch(text):
                    titles.append(node)
    layout = _layout_tables(all_tables, page)
    tables = [t for t in all_tables if t.mem_id not in layout and page.sketches[t.mem_id].has_word]
    headings = page.innermost(headings)
    if len(headings) < 2 and not tables:
        return None, None, layout
    root = page.common_ancestor(headings + tables)
    while root.parent is not None and (
        root.tag not in _BLOCKS
        or root.tag in _ROW_PARTS
        or (root.tag == "table" and root.mem_id not in layout)
    ):
        root = root.parent
    if any(page.contains(root, t) for t in titles):
        return root, None, layout
    before = [t for t in page.innermost(titles) if page.precedes(t, root)]
    return root, before[-1] if before else None, layout


def _nesting(text: str) -> int:
    """About how deep the elements of ``text`` nest: the most tags open at once, counting neither those
    that hold nothing nor those the parser closes by itself (a ``<p>`` left open at the next)."""
    depth = deepest = 0
    for tag in _TAGS.finditer(text):
        name = tag.group(3)
        if name is None or name.lower() in _NEVER_NESTED:
            continue
        depth = max(depth - 1, 0) if tag.group(2) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def text_of(page: bytes | str) -> str:
    """The text of an HTML report page, in the lines zwgk's text parser reads."""
    lexbor = require("selectolax.lexbor", "html")
    if isinstance(page, bytes):
        text = decode_declared(page, page_charset(page)).text
    elif isinstance(page, str):
        text = page
    else:
        raise UnsupportedSourceError(f"HTML 页面应为 str 或 bytes，而不是 {type(page).__name__}")
    if "\x00" in text:
        raise DecodingError("HTML 页面含有 NUL 字符：不是文本（binary data, not an HTML page）")
    if _nesting(text) > MAX_NESTING:
        raise InputTooLargeError(f"HTML 页面的元素嵌套超过 {MAX_NESTING:,} 层（elements nested too deep）")
    tree = lexbor.LexborHTMLParser(text)
    body: Node | None = tree.body or tree.root
    if body is None:
        raise UnsupportedSourceError("HTML 页面中没有正文")
    root, title, layout = _report(body)
    reader = _Reader(layout, strip_chrome=root is None)
    if title is not None:
        reader.lines.append(cell_text(title.text(deep=True, separator="")))
    reader.read(root or body)
    reader.flush()
    if not reader.lines:
        raise UnsupportedSourceError("HTML 页面中没有可读的文字（no text in the HTML page）")
    return "\n".join(reader.lines) + "\n"
