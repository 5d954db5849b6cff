"""Table 二 from its rows: blocks by 第二十条 item, columns by the report's own header row.

A cell whose row or column the format lacks (其他主动公开文件; a 处理决定数量 column under 第（八）项)
is kept as an ``ExtraCell``, never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from ..catalogue import ACTIVE_BLOCKS, ACTIVE_LABEL_HEADER, Block, Column, Row
from ..codes import Findings
from ..lexing.cells import BLANK, LABEL, TEXT, Cell
from ..lexing.labels import Role
from ..lexing.lexer import reads_back_as_row
from ..model.active import Active2019, Active2021, ExtraCell
from ..model.common import Template, Unplaced
from ..structure import DataRow, HeaderRow, ItemRow, ValueRow, all_cells, text_of
from ..structure import Row as TableRow
from .cells import dropped, figure, fit, headers_pad, no_figure, note_reading, pads, split_run, value
from .glued import SplitSearch, Totals
from .glued import place as place_glued
from .glued import read as read_glued
from .labels import header_texts_with_figures, note_label, unplaced_header_text
from .stated import corroborated, stated_figures

_CLASSES: dict[Template, type[Active2019] | type[Active2021]] = {
    Template.V2019: Active2019,
    Template.V2021: Active2021,
}
_VALUE_COUNTS = {  # row → {number of figures: format}
    "licensing": {3: Template.V2019, 1: Template.V2021},
    "punishment": {3: Template.V2019, 1: Template.V2021},
    "coercion": {3: Template.V2019, 1: Template.V2021},
    "fees": {2: Template.V2019},
}


def _row_label(row: DataRow) -> Cell | None:
    for cell in reversed(row.labels):
        if cell.kind is LABEL and cell.reading.labels[0].table == 2:
            return cell
    return None


def _columns_of(cell: Cell) -> list[Any]:
    return [label for label in cell.reading.labels if label.table == 2 and label.role is Role.COLUMN]


def detect_template(rows: Sequence[TableRow]) -> Template | None:
    """The format table 二 follows, from its column headers (本年制发件数 … or 本年新制作数量 …), else
    from rows only 2019 has, else from how many figures its rows carry. ``None`` if nothing tells."""
    votes: Counter[Template] = Counter()
    for row in rows:
        if isinstance(row, HeaderRow):
            for cell in row.cells:
                for column in cell.reading.labels:  # a column of table 二 that one format alone prints
                    if len(column.templates) == 1 and column.table == 2 and column.role is Role.COLUMN:
                        votes[next(iter(column.templates))] += 1
    if not votes:
        for row in rows:
            if isinstance(row, DataRow) and (label := _row_label(row)) is not None:
                name = label.reading.labels[0].name
                if name in ("other_services", "procurement"):
                    votes[Template.V2019] += 1
                figures = sum(c.kind is not BLANK for c in row.cells)
                counted = _VALUE_COUNTS.get(name, {}).get(figures)
                if counted is not None:
                    votes[counted] += 1
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


_Paths = tuple[str, dict[str, str]]
"""A row's path, and the path of each of its cells by its column's field."""


@cache
def _blocks(
    template: Template,
) -> tuple[dict[str, Block], dict[str, Block], dict[str, Row], dict[str, _Paths]]:
    """The format's blocks by item; the block of each row, the row, and its paths, by the row's field
    (each field is one row's)."""
    blocks = {block.item: block for block in ACTIVE_BLOCKS[template]}
    rows = [(row.field or "", row, block) for block in blocks.values() for row in block.rows]
    paths = {
        field: (f"active.{field}", {c.field: f"active.{field}.{c.field}" for c in block.columns})
        for field, _, block in rows
    }
    return blocks, {field: block for field, _, block in rows}, {field: row for field, row, _ in rows}, paths


@cache
def _rows(template: Template) -> tuple[tuple[str, type], ...]:
    """The fields of table 二's class in ``template`` that hold a row, and the row's class: the class of
    the field's default, the empty row (read so, not from the annotations, whose evaluation cost the
    first parse 0.3 ms)."""
    found = []
    for field in attrs.fields(_CLASSES[template]):
        if field.name not in ("extras", "notes"):
            assert attrs.has(type(field.default))
            found.append((field.name, type(field.default)))
    return tuple(found)


def _header_cells(row: HeaderRow) -> list[Cell]:
    """A header row's column headers: its cells without 信息内容 and the empty ones."""
    return [
        c
        for c in row.cells
        if c.kind is not BLANK and not any(label.name == ACTIVE_LABEL_HEADER for label in c.reading.labels)
    ]


def _header_of(block: Block, header: tuple[list[Cell], str | None] | None) -> list[Cell] | None:
    """The header that heads a block's rows: the last one, if it stood under that block's item."""
    return header[0] if header is not None and header[1] in (None, block.item) else None


def _column_names(template: Template, cell: Cell) -> set[str]:
    """The columns of ``template`` a header cell may name, by field."""
    return {label.name for label in _columns_of(cell) if template in label.templates}


def _header_columns(block: Block, header: list[Cell], names: list[set[str]]) -> list[Column | Cell] | None:
    """The columns a header names (``names``: the ``_column_names`` of each of its cells), in its order:
    a catalogue column, or the header cell of a column the format lacks. ``None`` where it does not name
    each of the block's columns once (garbled or cut short): the rows are read in the format's own
    column order."""
    named = [_named_column(block, found) for found in names]
    found = [c for c in named if c is not None]
    if len(found) == len(block.columns) == len({id(c) for c in found}):  # a block's columns are distinct
        return [c if c is not None else header[i] for i, c in enumerate(named)]
    return None


def _named_column(block: Block, names: set[str]) -> Column | None:
    """The first of a block's columns whose field is among ``names``."""
    for column in block.columns:
        if column.field in names:
            return column
    return None


def _unit_from(cells: Sequence[Cell | None], header: Cell | None) -> str | None:
    for cell in cells:
        if cell is not None and cell.reading.unit:
            return "万元" if cell.reading.unit.startswith("万") else cell.reading.unit
    note = header.reading.note if header is not None else None
    if note:
        return "万元" if "万元" in note else "元" if "元" in note else None
    return None


class _Builder:
    def __init__(
        self,
        template: Template,
        findings: Findings,
        lines: dict[str, int],
        glued: bool,
        prose: tuple[str, ...],
        search: SplitSearch,
    ) -> None:
        self.template = template
        self.findings = findings
        self.lines = lines
        self.glued = glued
        self.prose = prose
        """The report's paragraphs, which may state the figures a glued row ran together."""
        self.search = search
        self.blocks, self.block_of, self.row_of, self.paths = _blocks(template)
        self.item: str | None = None
        self.header: tuple[list[Cell], str | None] | None = None
        """The last header row's cells, and the item it stood under."""
        self.header_said = False
        """Whether it was said that the last header row does not name its columns."""
        self.headers: dict[int, list[Cell]] = {}
        """Each header row's column headers (``_header_cells``), by the row's id: made once, for ``pads``
        and for the rows."""
        self.header_names: dict[int, list[set[str]]] = {}
        """The ``_column_names`` of each cell of each of ``headers``, by its id."""
        self.named: dict[tuple[int, str], list[Column | Cell] | None] = {}
        """The columns each header names for each block (``_header_columns``), by the header's id and the
        block's item."""
        self.padded = False
        """The layout pads rows with empty cells (see ``cells.pads``)."""
        self.values: dict[str, dict[str, Any]] = {}
        self.extras: list[ExtraCell] = []
        self.unplaced: list[Unplaced] = []
        self.header_texts: list[Cell] = []
        """Header text with figures in it: kept as the name of a column of extra cells, or as unplaced."""

    def _header_cells(self, row: HeaderRow) -> list[Cell]:
        key = id(row)
        if key not in self.headers:
            cells = self.headers[key] = _header_cells(row)
            self.header_names[id(cells)] = [_column_names(self.template, cell) for cell in cells]
        return self.headers[key]

    def _columns(self, block: Block, header: list[Cell] | None) -> list[Column | Cell] | None:
        """``_header_columns`` of a header (one ``_header_cells`` made) for a block, worked out once."""
        if not header:
            return None
        key = (id(header), block.item)
        if key not in self.named:
            self.named[key] = _header_columns(block, header, self.header_names[id(header)])
        return self.named[key]

    def pads(self, rows: Sequence[TableRow]) -> bool:
        """Whether the table's layout pads rows with empty cells (``cells.headers_pad``), or a row with all
        its figures shows it does."""
        if headers_pad(rows):
            return True
        item: str | None = None
        header: tuple[list[Cell], str | None] | None = None
        widths: dict[str, int] = {}
        """The width of each block under the current header."""
        for row in rows:
            if isinstance(row, ItemRow):
                item, header, widths = row.cells[0].reading.item, None, {}
            elif isinstance(row, HeaderRow):
                header, widths = (self._header_cells(row), item), {}
            elif isinstance(row, DataRow) and (label := _row_label(row)) is not None:
                block = self.block_of.get(label.reading.labels[0].name)
                if block is None:
                    continue
                if block.item not in widths:
                    columns = self._columns(block, _header_of(block, header))
                    widths[block.item] = len(columns) if columns else len(block.columns)
                if pads(row.cells, widths[block.item]):
                    return True
        return False

    def item_row(self, row: ItemRow) -> None:
        self.item = row.cells[0].reading.item
        self.header = None
        for cell in row.cells[1:]:
            if cell.text:
                self._unplace(cell.text, cell.line, "与条款标题同行的内容")

    def header_row(self, row: HeaderRow) -> None:
        self.header = (self._header_cells(row), self.item)
        self.header_texts += header_texts_with_figures(row)
        self.header_said = False

    def data_row(self, row: DataRow) -> None:
        label = _row_label(row)
        block = self.block_of.get(label.reading.labels[0].name) if label is not None else None
        if label is not None and block is None:  # a row of the other format
            other = next(
                (
                    b
                    for blocks in ACTIVE_BLOCKS.values()
                    for b in blocks
                    for r in b.rows
                    if r.field == label.reading.labels[0].name
                ),
                None,
            )
            self._extras(row, other.item if other else self.item, label.text, other)
            return
        if block is None:
            written = " ".join(c.text for c in row.labels)
            if reads_back_as_row(written):
                self._extras(row, self.item, written, self.blocks.get(self.item or ""))
            else:
                text = text_of(all_cells(row))
                self._unplace(text, row.labels[0].line, "行名写出后会读作别的标签")
            return
        assert label is not None
        for cell in row.labels:
            if cell.kind is TEXT:
                self._unplace(cell.text, cell.line, "与行标签同行的文字")
        field = label.reading.labels[0].name
        catalogue_row = self.row_of[field]
        row_path = self.paths[field][0]
        note_label(label, catalogue_row.label, self.findings, row_path)
        if field in self.values:
            self.findings.add("ZW215", f"表二“{label.text}”行重复出现，后者未采用", label.line, (row_path,))
            self._unplace(text_of(all_cells(row)), label.line, "重复的行")
            return
        self.lines[row_path] = label.line
        self._place(row, block, catalogue_row, _header_of(block, self.header))

    def _place(self, row: DataRow, block: Block, catalogue_row: Row, header: list[Cell] | None) -> None:
        field = catalogue_row.field or ""
        row_path, cell_paths = self.paths[field]
        columns = self._columns(block, header)
        if header and columns is None and not self.header_said:
            self.header_said = True
            shown = " ".join(c.text for c in header)
            self.findings.add(
                "ZW217",
                f"表二第（{block.item}）项的表头“{shown}”未能全部识别，按格式的列顺序读取",
                header[0].line,
            )
        width = len(columns) if columns else len(block.columns)
        where = f"表二“{catalogue_row.label}”行"
        cells, *rest = split_run(row.cells, row.breaks, width)
        for other in rest:
            self.value_row(ValueRow(other))
        cut = None if rest else row.cut
        fitted = self._split_as_stated(cells, width, catalogue_row, where) or fit(
            cells,
            width,
            self.findings,
            where,
            search=self.search,
            glued=self.glued,
            cut=cut,
            padded=self.padded,
        )
        self._keep_dropped(cells, fitted)
        found: dict[str, Any] = {}
        order = columns or block.columns
        for i, cell in enumerate(fitted):
            column = order[i]
            if not isinstance(column, Column):
                self._extra(block.item, catalogue_row.label, column.text, cell)
                continue
            name = column.field
            path = cell_paths[name]
            if columns and header:
                note_label(header[i], column.label, self.findings, path)
            found[name] = value(cell, column, self.findings, row_path)
            if cell is not None:
                self.lines[path] = cell.line
            if field == "procurement" and name == "amount" and found["amount"] is not None:
                found["amount_unit"] = _unit_from([cell], header[i] if columns and header else None)
        self.values[field] = found

    def _split_as_stated(
        self, cells: Sequence[Cell], width: int, row: Row, where: str
    ) -> list[Cell | None] | None:
        """A glued row's cells, split the one way the report's prose states; ``None`` if it does not."""
        if len(cells) >= width:  # no glued row (``glued.read``)
            return None
        rule = Totals((width,), summed=False)
        found = read_glued(cells, rule, self.search, glued=self.glued)
        if found is None or found.options is None or len(found.options) < 2:
            return None
        chosen = corroborated(found.options, stated_figures(self.prose, (row.label, *row.aliases)))
        if len(chosen) != 1:
            return None
        return place_glued(found.settled(chosen), rule, self.findings, where, "按正文所述的数字")

    def value_row(self, row: ValueRow) -> None:
        """Figures without a label: table 二 has no rule to tell whose they are, so they are kept aside."""
        text = text_of(row.cells)
        if text:
            self._unplace(text, row.cells[0].line, "无行标签的数字")

    def _extras(self, row: DataRow, item: str | None, label: str, block: Block | None) -> None:
        """A row the format lacks: its figures kept as extra cells, under the names of the columns its
        header gives (or, where the header does not name them, its block's). A row without a figure, or
        one a row of the same name already gave, or one under no item of the format, is kept as unplaced."""
        text = text_of(all_cells(row))
        if (item or "") not in self.blocks:
            self._unplace(text, row.labels[0].line, "不在本格式任何一项之下的行")
            return
        if not any(figure(c) is not None for c in row.cells):
            for found in row.cells:
                no_figure(found, self.findings, "active.extras")
            self._unplace(text, row.labels[0].line, "不属于本格式且无数字的行")
            return
        if any(e.item == (item or "") and e.row == label for e in self.extras):
            self._unplace(text, row.labels[0].line, "重复的行")
            return
        header = _header_of(block, self.header) if block else self.header[0] if self.header else None
        mapped = self._columns(block, header) if block else None
        if mapped:
            header_texts = [c.label if isinstance(c, Column) else c.text for c in mapped]
        elif block:
            header_texts = [c.label for c in block.columns]
        else:
            header_texts = [c.text for c in header or ()]
        width = len(header_texts) or len(row.cells)
        cells, *rest = split_run(row.cells, row.breaks, width)
        for other in rest:
            self.value_row(ValueRow(other))
        fitted = fit(
            cells,
            width,
            self.findings,
            f"表二“{label}”行",
            search=self.search,
            glued=self.glued,
            cut=None if rest else row.cut,
            padded=self.padded,
        )
        self._keep_dropped(cells, fitted)
        kept = len(self.extras)
        for i, cell in enumerate(fitted):
            column = header_texts[i] if i < len(header_texts) else f"第{i + 1}列"
            self._extra(item or "", label, column, cell)
        if len(self.extras) == kept:  # no cell of it kept a figure: its name is kept as it is
            self._unplace(label, row.labels[0].line, "不属于本格式且其数字均未能采用的行")

    def _extra(self, item: str, row: str, column: str, cell: Cell | None) -> None:
        """A figure in a row or column the format lacks, as an extra cell (a cell without one: nothing to
        keep but what ``no_figure`` says)."""
        path = f"active.extras.{len(self.extras)}"
        number: Decimal | None = figure(cell)
        if cell is None or number is None:
            no_figure(cell, self.findings, path)
            return
        note_reading(cell, self.findings, path)
        self.lines[f"{path}.value"] = cell.line
        row, column = " ".join(row.split()), " ".join(column.split())  # one cell of a line, as written back
        self.extras.append(ExtraCell(item, row, column, number))
        self.findings.add(
            "ZW216",
            f"表二第（{item}）项“{row}”行“{column}”列不在本格式中，作为附加单元格保留",
            cell.line,
        )

    def _keep_dropped(self, cells: Sequence[Cell], fitted: Sequence[Cell | None]) -> None:
        """The figures of a row that fit placed in no column (its diagnostic said why), kept as unplaced."""
        if left := dropped(cells, fitted):
            self.unplaced.append(Unplaced(text_of(left), "active", left[0].line))

    def _unplace(self, text: str, line: int, why: str) -> None:
        text = text.strip()
        self.findings.add("ZW231", f"表二中的“{text}”为{why}，作为未归位内容保留", line)
        self.unplaced.append(Unplaced(text, "active", line))

    def build(self, notes: tuple[str, ...]) -> Active2019 | Active2021:
        cls = _CLASSES[self.template]
        missing = [
            row.label for block in self.blocks.values() for row in block.rows if row.field not in self.values
        ]
        if missing and len(missing) < len(self.block_of):
            self.findings.add("ZW214", "表二缺少以下行，按空白处理：" + "、".join(missing))
        fields = {
            name: row_class(**self.values[name])
            for name, row_class in _rows(self.template)
            if name in self.values
        }
        named = {e.column for e in self.extras}
        for cell in self.header_texts:
            if " ".join(cell.text.split()) not in named:
                self.unplaced.append(unplaced_header_text(cell, "active", self.findings))
        if not self.extras:
            return cls(**fields, notes=notes)
        order = _as_written(self.extras, self.blocks)
        stood = [self.lines.pop(f"active.extras.{i}.value") for i in order]
        self.lines.update({f"active.extras.{k}.value": line for k, line in enumerate(stood)})
        return cls(**fields, extras=tuple(self.extras[i] for i in order), notes=notes)


def build_active(
    rows: Sequence[TableRow],
    template: Template,
    notes: tuple[str, ...],
    findings: Findings,
    lines: dict[str, int],
    search: SplitSearch,
    *,
    glued: bool = False,
    prose: tuple[str, ...] = (),
) -> tuple[Active2019 | Active2021, list[Unplaced]]:
    """Table 二 in ``template`` from its rows; where each cell stood goes into ``lines``. ``glued``:
    the text ran figures together, so a row of too few figures is split (by the parse's ``search``), not
    placed from the left — as ``prose`` (the report's paragraphs) states it where the split is otherwise
    open."""
    builder = _Builder(template, findings, lines, glued, prose, search)
    builder.padded = builder.pads(rows)
    for row in rows:
        if isinstance(row, ItemRow):
            builder.item_row(row)
        elif isinstance(row, HeaderRow):
            builder.header_row(row)
        elif isinstance(row, DataRow):
            builder.data_row(row)
        elif isinstance(row, ValueRow):
            builder.value_row(row)
    return builder.build(notes), builder.unplaced


def _as_written(extras: Sequence[ExtraCell], blocks: dict[str, Block]) -> list[int]:
    """The order of ``extras`` (their indexes) in which canonical text writes them, and so reads them
    back: by block; in a block, the format's rows in order, then the report's own as they came; in a
    row, the block's columns, then the others in the order they first appear."""
    items = list(blocks)
    first: dict[tuple[str, str], int] = {}
    for i, extra in enumerate(extras):
        first.setdefault((extra.item, extra.row), i)
    rows: list[tuple[int, int]] = []
    """Each cell's row: its block, and its place in the block."""
    for extra in extras:
        labels = [row.label for row in blocks[extra.item].rows]
        at = labels.index(extra.row) if extra.row in labels else len(labels) + first[(extra.item, extra.row)]
        rows.append((items.index(extra.item), at))
    by_row = sorted(range(len(extras)), key=rows.__getitem__)
    columns: dict[tuple[str, str], int] = {}
    for i in by_row:
        extra = extras[i]
        own = [column.label for column in blocks[extra.item].columns]
        at = own.index(extra.column) if extra.column in own else len(own) + len(columns)
        columns.setdefault((extra.item, extra.column), at)
    return sorted(by_row, key=lambda i: (rows[i], columns[(extras[i].item, extras[i].column)]))
