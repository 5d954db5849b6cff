"""From the parsed document to a ``Report``: rows routed to their tables, formats decided per table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from ..catalogue import SECTIONS
from ..codes import Findings, diagnostic
from ..lexing.cells import LABEL, MARKER, NOTE, NUMBER
from ..model.common import Template, TextSection, Unplaced
from ..model.report import Report
from ..structure import (
    DataRow,
    Document,
    HeaderRow,
    ItemRow,
    Kept,
    Prose,
    Row,
    SectionNode,
    Table,
    all_cells,
    text_of,
)
from .active import build_active
from .active import detect_template as active_template
from .glued import SplitSearch
from .labels import header_texts_with_figures, quote_note_figures, unplaced_header_text
from .metadata import organ_and_year, title_of
from .requests import build_requests, rows_of
from .requests import detect_template as requests_template
from .review import build_review

_TABLES: Final = tuple(s.number for s in SECTIONS if s.tabular)
"""Tables are numbered as the sections that hold them: 2, 3, 4."""
_FIELDS: Final = {s.number: s.field for s in SECTIONS}
_TEXT_FIELDS: Final = {s.number: s.field for s in SECTIONS if not s.tabular}
_TABLE_NAMES: Final = {s.number: f"表{s.numeral}" for s in SECTIONS if s.tabular}
_SECTION_ORDER: Final[dict[str | None, int]] = {None: 0, **{s.field: s.number for s in SECTIONS}}
_NO_HEADING: Final = {
    s.number: diagnostic("ZW203", f"未找到第{s.numeral}部分“{s.title}”的标题") for s in SECTIONS
}
_NO_TABLE: Final = {s.number: diagnostic("ZW204", f"未找到“{s.title}”的表格") for s in SECTIONS if s.tabular}
"""The findings of a part missing, made once: most real pages lack several parts."""


def in_section_order(unplaced: Iterable[Unplaced]) -> tuple[Unplaced, ...]:
    """Unplaced content in the order of the sections it was found in (before the first heading first),
    in the order it was found within each: the order canonical text writes it in."""
    return tuple(sorted(unplaced, key=lambda u: _SECTION_ORDER.get(u.section, 0)))


def _table_of(row: Row, current: int | None) -> int | None:
    """Which table (2, 3, 4) a row belongs to: by its labels where it has any, else the current one."""
    if isinstance(row, DataRow):  # the most common row first
        for cell in reversed(row.labels):
            if cell.kind is LABEL:
                return cell.reading.labels[0].table
        return current
    if isinstance(row, ItemRow):
        return 2
    if isinstance(row, HeaderRow):
        names: dict[int, set[str]] = {}
        for cell in row.cells:
            if cell.kind is NOTE:
                names.setdefault(3, set()).add("note")
            for label in cell.reading.labels:
                names.setdefault(label.table, set()).add(label.name)
        if current is None or current in names:
            return current if current in names else min(names, default=None)
        # inside a table, one header word another table shares (其他) does not leave it
        return min((t for t, found in names.items() if len(found) > 1), default=current)
    return current


def _has_figures(table: Table) -> bool:
    for row in table.rows:
        for cells in (row.cells, row.labels) if isinstance(row, DataRow) else (row.cells,):
            for c in cells:
                if c.kind is NUMBER or c.kind is MARKER:
                    return True
    return False


def _lines_of(table: Table) -> list[tuple[int, str]]:
    """A table's text, a line at a time."""
    lines: dict[int, list[str]] = {}
    for row in table.rows:
        for c in all_cells(row):
            if c.text:
                lines.setdefault(c.line, []).append(c.text)
    return [(line, " ".join(texts)) for line, texts in lines.items()]


class _Routed:
    """The report's parts, sorted by where they belong."""

    def __init__(self) -> None:
        self.rows: dict[int, list[Row]] = {table: [] for table in _TABLES}
        self.notes: dict[int, list[str]] = {table: [] for table in _TABLES}
        self.paragraphs: dict[int, list[str]] = {}
        """Section number (0: before the first heading) → its paragraphs."""
        self.unplaced: list[Unplaced] = []
        self.lines: dict[str, int] = {}
        """Where paragraphs and notes stood, by path (``overview.paragraphs.0``)."""

    def paragraph(self, number: int, line: int, text: str) -> None:
        """Add a paragraph of section ``number`` (0: before the first heading)."""
        where = f"{_FIELDS[number]}.paragraphs" if number else "preamble"
        self.lines[f"{where}.{len(self.paragraphs[number])}"] = line
        self.paragraphs[number].append(text)


def _quoted(table: Table, standing: set[int]) -> bool:
    """Whether a table found in a text section is the text quoting one: no figures (a label in a
    sentence), or only rows of tables that have figures in their own sections."""
    if not _has_figures(table):
        return True
    named = {t for row in table.rows if isinstance(row, DataRow) and (t := _table_of(row, None)) is not None}
    return bool(named) and named <= standing


def _route(sections: Sequence[SectionNode], findings: Findings) -> _Routed:
    routed = _Routed()
    standing = {  # tables with figures in their own sections: rows of theirs elsewhere are quoted text
        node.section.number
        for node in sections
        if node.section is not None
        and node.section.number in _TABLES
        and any(isinstance(part, Table) and _has_figures(part) for part in node.parts)
    }
    for node in sections:
        number = node.section.number if node.section else 0
        table = number if number in _TABLES else None
        if table is None:
            routed.paragraphs.setdefault(number, [])
        for part in node.parts:
            if isinstance(part, Kept):  # marked unplaced: it stays so, in this section
                routed.unplaced.append(Unplaced(part.line.text, _FIELDS.get(number), part.line.number))
                continue
            if isinstance(part, Prose):
                text = part.line.text.strip()
                if number in _TABLES:
                    routed.lines[f"{_FIELDS[number]}.notes.{len(routed.notes[number])}"] = part.line.number
                    routed.notes[number].append(text)
                    findings.add("ZW232", f"表格部分的文字“{text[:20]}”作为表格说明保留", part.line.number)
                else:
                    routed.paragraph(number, part.line.number, text)
                continue
            assert isinstance(part, Table)
            if table is None and _quoted(part, standing):
                for line, text in _lines_of(part):  # "一、本年新收…" in 总体情况 stays its paragraph
                    routed.paragraph(number, line, text)
                continue
            for row in part.rows:
                table = _table_of(row, table)
                stray = number not in _TABLES and table in standing  # its table's figures stand elsewhere
                if table is None or stray:
                    cells = all_cells(row)
                    text = text_of(cells)
                    line = cells[0].line
                    name = _TABLE_NAMES[table] if table else ""
                    why = f"是{name}的行，但{name}已在其所在部分给出数字" if table else "不属于任何表格"
                    findings.add("ZW231", f"“{text}”{why}，作为未归位内容保留", line)
                    routed.unplaced.append(Unplaced(text, _TEXT_FIELDS.get(number), line))
                    table = None  # a stray row continues no table
                else:
                    routed.rows[table].append(row)
                    quote_note_figures(row, findings)
                    if isinstance(row, HeaderRow) and table != 2:  # table 二's may name its own columns
                        routed.unplaced += (
                            unplaced_header_text(cell, _FIELDS[table], findings)
                            for cell in header_texts_with_figures(row)
                        )
    return routed


def _default_template(year: int | None) -> Template:
    return Template.V2019 if year is not None and year <= 2020 else Template.V2021


def assemble(document: Document, findings: Findings, *, glued: bool = False) -> Report:
    """The report a parsed document makes; ``glued``: the text ran table figures together."""
    routed = _route(document.sections, findings)
    title = title_of(document.title, findings)
    front = routed.paragraphs.get(0, [])
    organ, year = organ_and_year(title, front, routed.paragraphs.get(1, []), findings)
    present = {node.section.number for node in document.sections if node.section}

    routed.rows[3] = rows_of(routed.rows[3])
    active_format = active_template(routed.rows[2]) if routed.rows[2] else None
    requests_format = requests_template(routed.rows[3]) if routed.rows[3] else None
    template = active_format or requests_format or _default_template(year)
    if active_format and requests_format and active_format is not requests_format:
        findings.add(
            "ZW206",
            f"表二为 {active_format.value} 年格式，表三为 {requests_format.value} 年格式（混合格式）",
        )
    for table, found in ((2, active_format), (3, requests_format)):
        if routed.rows[table] and found is None:
            findings.add(
                "ZW205", f"{_TABLE_NAMES[table]}的格式无法从表中判断，按 {template.value} 年格式读取"
            )

    unplaced = list(routed.unplaced)
    active = requests = review = None
    search = SplitSearch()
    if routed.rows[2] or 2 in present:
        active, extra = build_active(
            routed.rows[2],
            active_format or template,
            tuple(routed.notes[2]),
            findings,
            routed.lines,
            search,
            glued=glued,
            prose=tuple(p for paragraphs in routed.paragraphs.values() for p in paragraphs),
        )
        unplaced += extra
    if routed.rows[3] or 3 in present:
        requests, extra = build_requests(
            routed.rows[3],
            requests_format or template,
            tuple(routed.notes[3]),
            findings,
            routed.lines,
            search,
        )
        unplaced += extra
    if routed.rows[4] or 4 in present:
        review, extra = build_review(routed.rows[4], tuple(routed.notes[4]), findings, routed.lines, search)
        unplaced += extra
    for section in SECTIONS:
        if section.number not in present:
            findings.repeat(_NO_HEADING[section.number])
        if section.tabular and not routed.rows[section.number]:
            findings.repeat(_NO_TABLE[section.number])

    def text(number: int) -> TextSection | None:
        return TextSection(tuple(routed.paragraphs[number])) if number in present else None

    return Report(
        title=title,
        organ=organ,
        year=year,
        template=template,
        preamble=tuple(front),
        overview=text(1),
        active=active,
        requests=requests,
        review=review,
        problems=text(5),
        other_matters=text(6),
        unplaced=in_section_order(unplaced),
        diagnostics=tuple(findings.diagnostics),
        source_lines={"title": document.title[0].number, **routed.lines} if document.title else routed.lines,
    )
