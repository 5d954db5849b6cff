"""The lexer: a report's lines → the token stream ``grammars/report.lark`` parses.

Tokens are structural, not per character: a title line, a section heading, a paragraph, a subheading,
and inside tables an item header, a run of header cells, a label, a run of value cells, the end of a
row. Each token's ``value`` carries what it stands for (a ``SourceLine``, a ``Cell`` or a list of
cells); ``line`` is its source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lark import Token

from ..catalogue import ACTIVE_LABEL_HEADER, Section
from ..normalize import is_page_footer
from .cells import VALUE_KINDS, VALUE_LETTERS, Cell, CellKind, read, shape
from .headings import candidate, find_headings, find_title
from .lines import SourceLine, is_escaped, unescaped
from .rows import physical_rows, reshape

NUMBERED = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])"
)
"""A line opening with numbering of its own: （一）, 一、, 1、 — a subheading, or a numbered paragraph."""
_SUBHEADING_CHARS = 30
_ANCHOR_HEADERS = frozenset(
    {"申请人情况", "direct_litigation", "post_reconsideration_litigation", ACTIVE_LABEL_HEADER}
)
_TRAILING_FIGURES = re.compile(r"\s+-?\d[\d.,]*(?:\s+-?\d[\d.,]*)*\s*$")


def _token(type_: str, value: object, line: int) -> Token:
    token = Token(type_, "", line=line)
    token.value = value
    return token


def _opens_table(first: str) -> bool:
    reading = read(first)
    if reading.kind in (CellKind.ITEM, CellKind.NOTE):
        return True
    names = {label.name for label in reading.labels}
    return (reading.kind is CellKind.LABEL and "new_received" in names) or bool(names & _ANCHOR_HEADERS)


def _is_anchor(line: SourceLine) -> bool:
    """Whether a line in a text section is the start of a table (its heading was lost or misplaced):
    a line that only a table has, or a labelled row of figures."""
    if is_escaped(line.key):
        return False
    first = next((c for c in line.key.replace("|", "\t").split("\t") if c.strip()), "").strip()
    figures = _TRAILING_FIGURES.search(first)
    if figures is not None and read(first[: figures.start()]).kind is CellKind.LABEL:
        return True
    return _opens_table(first) or _opens_table(first.split(" ", 1)[0])


def _prose(line: SourceLine) -> Token:
    if is_escaped(line.key):
        return _token("PARA", unescaped(line), line.number)
    text = line.text.strip()
    kind = "SUBHEAD" if len(text) <= _SUBHEADING_CHARS and NUMBERED.match(text) else "PARA"
    return _token(kind, line, line.number)


def _row_tokens(cells: list[Cell]) -> Iterator[Token]:
    """The tokens of one logical row (see ``rows.reshape``)."""
    kinds = shape(cells)
    lead = len(kinds) - len(kinds.lstrip(CellKind.BLANK))
    if lead == len(kinds):
        return
    first = cells[lead]
    if not kinds[lead:].strip(CellKind.TEXT):  # text and no cells after it: prose among the rows
        texts = [c for c in cells if c.kind is CellKind.TEXT]
        prose = SourceLine(first.line, " ".join(c.text for c in texts), " ".join(c.key for c in texts))
        yield _prose(prose)
    elif first.kind is CellKind.ITEM:
        yield _token("ITEM", [c for c in cells if c.kind is not CellKind.BLANK], first.line)
    elif first.kind in (CellKind.HEADER, CellKind.NOTE):
        yield _token("HEADER", [c for c in cells if c.kind is not CellKind.BLANK], first.line)
    elif first.kind in VALUE_KINDS:
        yield _token("CELLS", cells, first.line)
    else:
        values_from = len(kinds.rstrip(VALUE_LETTERS))
        for label in cells[lead:values_from]:
            if label.kind is not CellKind.BLANK:
                yield _token("LABEL" if label.kind is CellKind.LABEL else "TEXT", label, label.line)
        if values_from < len(cells):
            yield _token("CELLS", cells[values_from:], cells[values_from].line)
        else:
            yield _token("EOR", None, first.line)


def _table_tokens(lines: Sequence[SourceLine]) -> Iterator[Token]:
    for row in physical_rows(lines):
        if isinstance(row, SourceLine):
            yield _prose(row)
            continue
        for shaped in reshape(row):
            yield from _row_tokens(shaped)


def _body_tokens(lines: Sequence[SourceLine], section: Section | None) -> Iterator[Token]:
    """The tokens of a section's body: prose, and tables from the first table line on."""
    table_from = 0 if section is not None and section.tabular else len(lines)
    for i, line in enumerate(lines[:table_from]):
        if line.key.strip() and _is_anchor(line):
            table_from = i
            break
    for line in lines[:table_from]:
        if line.key.strip():
            yield _prose(line)
    yield from _table_tokens(lines[table_from:])


def tokens(lines: Sequence[SourceLine]) -> list[Token]:
    """The whole report as tokens."""
    keys = [line.key for line in lines]
    headings = find_headings(keys)
    first_heading = min(headings, default=len(lines))
    title = find_title(keys, first_heading)
    out = [_token("TITLE", lines[i], lines[i].number) for i in title]
    if title:  # a page marker above the title (正文) is kept, as the preamble's first paragraph
        out += [_prose(line) for line in lines[: title[0]] if line.key.strip()]
    starts = sorted(headings)
    bounds = zip(
        [title[-1] + 1 if title else 0, *(s + 1 for s in starts)], [*starts, len(lines)], strict=True
    )
    for k, (start, end) in enumerate(bounds):
        section = headings[starts[k - 1]] if k else None
        if section is not None:
            heading = lines[starts[k - 1]]
            out.append(_token("HEADING", (section, heading), heading.number))
        out.extend(_body_tokens(lines[start:end], section))
    return out


def reads_back(text: str, *, tabular: bool, opening: bool = False) -> bool:
    """Whether ``text`` on a line of its own is read back as a paragraph with that very text: in a
    section with a table (``tabular``), or among the opening lines where a title is looked for."""
    if not text or text != text.strip() or "\n" in text or is_escaped(text) or is_page_footer(text):
        return False
    if candidate(0, text) is not None or (opening and find_title([text], 1)):
        return False
    line = SourceLine(1, text, text)
    if not tabular:
        return not _is_anchor(line)
    # In a table a line is prose whatever its neighbours only where the lexer takes it as prose by
    # itself (a sentence); short text would join the cells of the lines around it.
    return list(physical_rows([line])) == [line]
