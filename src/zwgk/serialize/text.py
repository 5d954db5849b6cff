"""Canonical text: a report in the official layout of its own format (specified in docs/canonical-text.md).

The title line; then each section the report has, under its official numbered heading; tables with
their official labels, one row per line, cells separated by tabs, blank cells empty; text as written.
A paragraph that would otherwise be read back as something else (a heading, a table row, a title) is
escaped with a leading backslash; unplaced content ends its section, each item marked ``未归位：``.
``parse(to_text(r)) == r``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from ..catalogue import (
    ACTIVE_BLOCKS,
    ACTIVE_LABEL_HEADER,
    REQUEST_COLUMNS,
    REQUEST_HEADER_LABELS,
    REQUEST_NOTE,
    REQUEST_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    REVIEW_HEADER_LABELS,
    SECTIONS,
    Block,
    walk_rows,
)
from ..lexing.lexer import reads_back
from ..lexing.lines import ESCAPE, UNPLACED
from ..model.active import Active2019, Active2021, ExtraCell
from ..model.common import Template, TextSection
from ..model.report import Report
from ..model.requests import OtherHandling, Requests
from ..model.review import Review

_TAB = "\t"


def _paragraph(text: str, *, tabular: bool = False, opening: bool = False, outside: bool = False) -> str:
    return text if reads_back(text, tabular=tabular, opening=opening, outside=outside) else ESCAPE + text


def _figure(value: int | Decimal | None, unit: str | None = None) -> str:
    if value is None:
        return ""
    shown = format(value, "f") if isinstance(value, Decimal) else str(value)
    return shown + (unit or "")


def table_format(table: Active2019 | Active2021 | Requests) -> Template:
    """The format a table is in, as its type shows."""
    if isinstance(table, Requests):
        return Template.V2021 if isinstance(table.other_handling, OtherHandling) else Template.V2019
    return Template.V2019 if isinstance(table, Active2019) else Template.V2021


Cells = tuple[str, ...]


def _active_block(active: Active2019 | Active2021, block: Block) -> Iterator[Cells]:
    extras = [e for e in active.extras if e.item == block.item]
    catalogue_rows = {row.label for row in block.rows}
    own_columns = {c.label for c in block.columns}
    extra_columns = list(dict.fromkeys(e.column for e in extras if e.column not in own_columns))
    extra_rows = list(dict.fromkeys(e.row for e in extras if e.row not in catalogue_rows))
    by_place: dict[tuple[str, str], ExtraCell] = {(e.row, e.column): e for e in extras}

    def extra(row: str, column: str) -> str:
        found = by_place.get((row, column))
        return _figure(found.value) if found is not None else ""

    yield (f"第二十条第（{block.item}）项",)
    yield (ACTIVE_LABEL_HEADER, *(c.label for c in block.columns), *extra_columns)
    for row in block.rows:
        values: Any = getattr(active, row.field or "")
        unit = getattr(values, "amount_unit", None)
        cells = [
            _figure(getattr(values, c.field), unit if c.field == "amount" else None) for c in block.columns
        ]
        yield (row.label, *cells, *(extra(row.label, column) for column in extra_columns))
    for label in extra_rows:
        columns = [*(c.label for c in block.columns), *extra_columns]
        yield (label, *(extra(label, column) for column in columns))


def _active(active: Active2019 | Active2021) -> Iterator[Cells]:
    for block in ACTIVE_BLOCKS[table_format(active)]:
        yield from _active_block(active, block)


def _requests(requests: Requests) -> Iterator[Cells]:
    yield (REQUEST_NOTE, REQUEST_HEADER_LABELS[0])
    natural, *organisations, total = (c.label for c in REQUEST_COLUMNS)
    yield ("", natural, REQUEST_HEADER_LABELS[1], "", "", "", "", total)
    yield ("", "", *organisations, "")
    for path, row, _ in walk_rows(REQUEST_ROWS[table_format(requests)]):
        if path is None or row.children:
            yield (row.label,)
            continue
        values: Any = requests
        for part in path.split("."):
            values = getattr(values, part)
        yield (row.label, *(_figure(getattr(values, c.field)) for c in REQUEST_COLUMNS))


def _review(review: Review) -> Iterator[Cells]:
    first, *litigation = (g.label for g in REVIEW_GROUPS)
    columns = [c.label for c in REVIEW_COLUMNS]
    yield (first, "", "", "", "", REVIEW_HEADER_LABELS[0])
    yield (*columns, litigation[0], "", "", "", "", litigation[1])
    yield ("", "", "", "", "", *columns, *columns)
    groups = (getattr(review, g.field or "") for g in REVIEW_GROUPS)
    yield tuple(_figure(getattr(group, c.field)) for group in groups for c in REVIEW_COLUMNS)


def table_rows(table: Active2019 | Active2021 | Requests | Review) -> list[Cells]:
    """The rows of a table in the canonical layout, each as its cells."""
    if isinstance(table, Requests):
        return list(_requests(table))
    if isinstance(table, Review):
        return list(_review(table))
    return list(_active(table))


def _paragraphs(texts: Sequence[str], *, tabular: bool = False) -> Iterator[str]:
    return (_paragraph(text, tabular=tabular) for text in texts)


def unplaced_lines(report: Report, section: str | None) -> list[str]:
    """The lines of the unplaced content found in ``section`` (``None``: before the first heading)."""
    return [UNPLACED + u.text for u in report.unplaced if u.section == section]


def _section_lines(
    content: TextSection | Active2019 | Active2021 | Requests | Review | None,
) -> Iterator[str]:
    if isinstance(content, TextSection):
        yield from _paragraphs(content.paragraphs)
    elif content is not None:
        yield from (_TAB.join(cells) for cells in table_rows(content))
        yield from _paragraphs(content.notes, tabular=True)


def to_text(report: Report) -> str:
    """The report as canonical text."""
    lines: list[str] = []
    if report.title is not None:
        lines.append(report.title)
    lines += (_paragraph(p, opening=report.title is None, outside=True) for p in report.preamble)
    lines += unplaced_lines(report, None)
    for section in SECTIONS:
        content = getattr(report, section.field)
        kept = unplaced_lines(report, section.field)
        if content is None and not kept:
            continue
        lines.append(section.heading)
        lines += _section_lines(content)
        lines += kept
    return "\n".join(lines) + "\n"
