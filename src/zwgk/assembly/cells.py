"""From cells to typed values: fitting a row's cells to its columns, and reading each value.

Fitting never guesses (see ``fit``). A row with more figures than columns is trimmed only at its ends;
if the trims that fit disagree on the values, the table's own rule (a row's columns add up to its 总计)
decides, and when it cannot the cells are left blank with a warning listing the candidates. A row
with fewer cells whose figures were printed without separators is split (``glued``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Final

from ..catalogue import MAX_DECIMAL_PLACES, MAX_FIGURE, Column, Kind
from ..codes import Findings
from ..lexing.cells import BLANK, MARKER, NUMBER, UNREAD, Cell
from ..structure import Cut, DataRow, HeaderRow, ItemRow, ValueRow
from .glued import SplitSearch, Totals
from .glued import place as place_glued
from .glued import read as read_glued


def figure(cell: Cell | None) -> Decimal | None:
    return cell.reading.number if cell is not None and cell.kind is NUMBER else None


_COUNT: Final = Kind.COUNT
_AMOUNT: Final = Kind.AMOUNT
"""The column kinds as constants of this module (an enum's member looked up on its class is slow before
Python 3.12)."""
_SHOWN: Final = 20
_MAX_DROPPED: Final = 2
"""At most this many figures too many in a row are dropped to fit it; a row with more is not a row
of the table at all."""


def _show(cells: Sequence[Cell | None]) -> str:
    shown = " ".join(c.text if c is not None and c.text else "□" for c in cells[:_SHOWN])
    return shown + (" …" if len(cells) > _SHOWN else "")


def _blank_run(cells: Iterable[Cell]) -> int:
    """How many blank cells ``cells`` starts with."""
    count = 0
    for cell in cells:
        if cell.kind is not BLANK:
            break
        count += 1
    return count


def _printed(cells: Sequence[Cell]) -> list[Cell]:
    return [c for c in cells if c.kind is not BLANK]


def _printed_count(cells: Sequence[Cell]) -> int:
    """``len(_printed(cells))``, without making the list."""
    count = 0
    for cell in cells:
        count += cell.kind is not BLANK
    return count


def _without_trailing_blanks(cells: Sequence[Cell]) -> list[Cell]:
    return list(cells[: len(cells) - _blank_run(reversed(cells))])


_PADDING: Final = 2
"""Empty cells after a row's last cell that show padding (one may be a real empty column, or a
separator left at the end of the line)."""


def pads(cells: Sequence[Cell], width: int) -> bool:
    """Whether a row shows that its layout pads rows with empty cells: a figure in every column, and
    empty cells after them."""
    return _blank_run(reversed(cells)) >= _PADDING and _printed_count(cells) == width


def headers_pad(rows: Iterable[ItemRow | HeaderRow | DataRow | ValueRow]) -> bool:
    """Whether a table's item or header rows show that its layout pads rows with empty cells: an item
    header followed by some on its line (``第二十条第(一)项 | |||``), or a header row by several."""
    for row in rows:
        if isinstance(row, ItemRow) and any(c.kind is BLANK for c in row.cells):
            return True
        if isinstance(row, HeaderRow) and _blank_run(reversed(row.cells)) >= _PADDING:
            return True
    return False


def dropped(cells: Sequence[Cell], fitted: Sequence[Cell | None]) -> list[Cell]:
    """The printed cells of a row that ``fit`` (or a glued split) placed in no column: for the caller
    to keep as unplaced content. None where the row's cells were split into others (a glued row)."""
    if len(fitted) == len(cells) and all(placed is cells[i] for i, placed in enumerate(fitted)):
        return []  # the common case: each in its column
    placed = {id(c) for c in fitted if c is not None}
    if placed and not placed <= {id(c) for c in cells}:
        return []
    return [c for c in cells if c.kind is not BLANK and id(c) not in placed]


def fit(
    cells: Sequence[Cell],
    width: int,
    findings: Findings,
    where: str,
    totals: Totals | None = None,
    *,
    search: SplitSearch,
    glued: bool = False,
    cut: Cut | None = None,
    padded: bool = False,
) -> list[Cell | None]:
    """``cells`` placed in ``width`` columns (``None``: nothing to place there). ``totals``: how the
    row adds up, if it does; ``search``: the parse's split search for a glued row; ``glued``: the text ran
    figures together (see ``glued.read``); ``cut``: where
    the end of the text cut the row short; ``padded``: the layout pads rows with empty cells (``pads``), so
    those after a row's last figure stand for no column.

    A figure's column is certain when the row prints as many figures as it has columns (empty cells
    among them are layout), or when empty cells before and between the figures fill the row to its
    width; a row cut short fills its columns from the left. Otherwise the row is blank, with a warning."""
    if padded:
        cells = _without_trailing_blanks(cells)
    count = len(cells)
    if cut is Cut.INSIDE and 0 < count <= width and not _confirmed(cells, width, totals):
        findings.add(  # its last figure may have lost digits: not legible
            "ZW233",
            f"{where}：文本在数字“{cells[-1].text}”处中断，该数字可能不全，按空白处理；"
            f"之前印出的数字按从左到右读取（{_show(cells)}）",
            cells[-1].line,
        )
        return [*cells[:-1], *[None] * (width - count + 1)]
    if count == width:
        return list(cells)
    printed = _printed(cells)
    if len(printed) == width:
        return list(printed)
    line = cells[0].line if cells else None
    if len(printed) > width:
        return _trimmed(printed, width, findings, where, totals, list(cells))
    if count > width:
        return _trimmed_blanks(list(cells), width, findings, where)
    rule = totals or Totals((width,), summed=False)
    runs = read_glued(cells, rule, search, glued=glued)
    if runs is not None:
        return place_glued(runs, rule, findings, where)
    if cut is Cut.AFTER:
        if printed:
            findings.add(
                "ZW233",
                f"{where}：文本在此行中断，已印出的 {len(printed)} 个数字按从左到右读取，其余 {width - count} 列按空白处理（{_show(cells)}）",
                line,
            )
        return [*cells, *[None] * (width - count)]
    if printed:  # which columns they belong to is unknown
        findings.add(
            "ZW223",
            f"{where}：印出 {len(printed)} 个数字，应有 {width} 列，无法确定各属哪一列，均按空白处理（{_show(cells)}）",
            line,
        )
    return [None] * width


def _confirmed(cells: Sequence[Cell], width: int, totals: Totals | None) -> bool:
    """Whether a row's own rule confirms its figures whole: all its columns printed, and adding up."""
    return len(cells) == width and totals is not None and totals.holds([figure(c) for c in cells]) is True


def _trimmed_blanks(cells: list[Cell], width: int, findings: Findings, where: str) -> list[Cell | None]:
    """A row with fewer figures than columns but more cells: empty cells at its ends dropped, where
    only one way to drop them leaves the figures in their columns; else blank."""
    count = len(cells)
    excess = count - width
    lead, tail = _blank_run(cells), _blank_run(reversed(cells))
    fits = [cells[a : count - (excess - a)] for a in range(max(0, excess - tail), min(lead, excess) + 1)]
    if len(fits) == 1:
        return list(fits[0])
    if fits:
        options = "；".join(_show(c) for c in fits)
        findings.add(
            "ZW224",
            f"{where}：{count} 个单元格放入 {width} 列有多种可能（{options}），均按空白处理",
            cells[0].line,
        )
    else:
        findings.add(
            "ZW224",
            f"{where}：{count} 个单元格多于 {width} 列，空白单元格不在两端，无法对应，均按空白处理（{_show(cells)}）",
            cells[0].line,
        )
    return [None] * width


def _trimmed(
    printed: list[Cell],
    width: int,
    findings: Findings,
    where: str,
    totals: Totals | None,
    cells: list[Cell],
) -> list[Cell | None]:
    """A row with more figures than columns: at most two dropped at its ends, where only one way to
    drop them gives one reading (or the row's rule picks one); else blank."""
    count = len(printed)
    line = printed[0].line
    excess = count - width
    if excess > _MAX_DROPPED:
        findings.add(
            "ZW224",
            f"{where}：{count} 个数字远多于 {width} 列，无法对应，均按空白处理（{_show(cells)}）",
            line,
        )
        return [None] * width
    candidates = [list[Cell | None](printed[a : count - (excess - a)]) for a in range(excess + 1)]
    distinct = {tuple((c and c.kind, figure(c)) for c in cand): cand for cand in candidates}
    if len(distinct) > 1 and totals is not None:
        holding = [cand for cand in distinct.values() if totals.holds([figure(c) for c in cand])]
        if len(holding) == 1:
            findings.add(
                "ZW222",
                f"{where}：{count} 个数字多于 {width} 列，按合计关系取 {_show(holding[0])}（原为 {_show(cells)}）",
                line,
            )
            return holding[0]
    if len(distinct) > 1:
        options = "；".join(_show(c) for c in distinct.values())
        findings.add(
            "ZW224", f"{where}：{count} 个数字放入 {width} 列有多种可能（{options}），均按空白处理", line
        )
        return [None] * width
    chosen = next(iter(distinct.values()))
    findings.add(
        "ZW222", f"{where}：{count} 个数字多于 {width} 列，去掉两端多余数字后为 {_show(chosen)}", line
    )
    return chosen


def split_run(cells: Sequence[Cell], breaks: Sequence[int], width: int) -> list[tuple[Cell, ...]]:
    """A row's run of value cells cut where the layout ends rows, when it holds more than one row's (a
    label, then rows that lost theirs, or stray figures after it). A line of several figures is a row;
    a line of one figure continues the row before it until that row is complete. Where figures stand
    one per line and empty cells end rows (``0 | |``), a run with more figures than columns is cut at
    those instead. The run whole where nothing marks a row end."""
    if not breaks or (len(cells) == len(breaks) + 1 and len(cells) <= width):  # a cell a line, a row's worth
        return [tuple(cells)]
    lines = _lines(cells, breaks)
    figures = [_printed_count(line) for line in lines]
    one_a_line = all(count <= 1 for count in figures)
    if one_a_line and len(cells) <= width:  # a cell a line, and no more than a row holds
        return [tuple(cells)]
    if one_a_line and _printed_count(cells) > width and _ends_marked(cells):
        return _split_at_empties(cells)
    rows: list[list[Cell]] = [[]]
    for i, line in enumerate(lines):
        count = figures[i]
        complete = len(rows[-1]) >= width or _printed_count(rows[-1]) >= width
        if rows[-1] and count and (count > 1 or complete):
            rows.append([])
        rows[-1].extend(line)
    return [tuple(row) for row in rows]


def _lines(cells: Sequence[Cell], breaks: Sequence[int]) -> list[list[Cell]]:
    """A run's cells cut at each break (where a new line of the source begins)."""
    lines = []
    start = 0
    for end in breaks:
        lines.append(list(cells[start:end]))
        start = end
    lines.append(list(cells[start:]))
    return lines


def _ends_marked(cells: Sequence[Cell]) -> bool:
    """Whether empty cells stand between figures."""
    seen = pending = False
    for found in cells:
        if found.kind is BLANK:
            pending = seen
        elif pending:
            return True
        else:
            seen = True
    return False


def _split_at_empties(cells: Sequence[Cell]) -> list[tuple[Cell, ...]]:
    """Cells cut into rows at each run of empty cells after a figure (the run dropped)."""
    last = max(i for i, c in enumerate(cells) if c.kind is not BLANK)
    rows: list[list[Cell]] = [[]]
    figures = False
    """Whether the row being gathered has a figure yet."""
    for i, found in enumerate(cells):
        if found.kind is BLANK and figures and i < last:
            rows.append([])
            figures = False
        elif found.kind is not BLANK or i > last:
            rows[-1].append(found)
            figures = figures or found.kind is not BLANK
    return [tuple(row) for row in rows]


def no_figure(cell: Cell | None, findings: Findings, path: str) -> bool:
    """Whether the cell holds no figure its column takes: blank, a marker, a figure out of range, or one
    approximate or of another unit (each but a blank said in a diagnostic, quoting the cell)."""
    if cell is None or cell.kind is BLANK:
        return True
    if cell.kind is MARKER:
        findings.add(
            "ZW221", f"单元格为“{cell.text}”，按空白处理（marker read as blank）", cell.line, (path,)
        )
        return True
    if cell.reading.out_of_range:
        findings.add(
            "ZW234",
            f"单元格“{cell.text}”超出报告数字的范围（绝对值至多 {MAX_FIGURE}，小数至多 {MAX_DECIMAL_PLACES} 位），按空白处理",
            cell.line,
            (path,),
        )
        return True
    if cell.kind is UNREAD:
        findings.add(
            "ZW225",
            f"单元格“{cell.text}”是约数或别的单位的数字，不是本列的数，按空白处理",
            cell.line,
            (path,),
        )
        return True
    return False


def note_reading(cell: Cell | None, findings: Findings, path: str) -> None:
    """Say that a figure was read from Chinese numerals, or from beside a note, if it was."""
    if cell is None:
        return
    reading = cell.reading
    if reading.numerals:
        findings.add("ZW220", f"单元格“{cell.text}”按中文数字读作 {reading.number}", cell.line, (path,))
    if reading.note is not None:
        findings.add(
            "ZW235",
            f"单元格“{cell.text}”的数字后附有说明“{reading.note}”，按 {reading.number} 读取",
            cell.line,
            (path,),
        )


def count(cell: Cell | None, column: Column, findings: Findings, row: str) -> int | None:
    """A cell of a count column of the row at path ``row``: a whole number (signed in 本年增/减 columns),
    ``None`` for a blank, a marker, a figure out of range or what is no whole number (said in a
    diagnostic)."""
    if cell is not None and (integer := cell.reading.integer) is not None:
        negative = integer < 0 and column.kind is _COUNT
        if negative or cell.reading.numerals or cell.reading.note is not None:  # something to say
            note_reading(cell, findings, f"{row}.{column.field}")
            if negative:
                findings.add("ZW227", f"计数为负数：{cell.text}", cell.line, (f"{row}.{column.field}",))
        return integer
    path = f"{row}.{column.field}"
    if not no_figure(cell, findings, path):
        assert cell is not None
        findings.add("ZW225", f"“{cell.text}”不是整数计数，按空白处理", cell.line, (path,))
    return None


def amount(cell: Cell | None, column: Column, findings: Findings, row: str) -> Decimal | None:
    """A cell of an amount column: a ``Decimal`` in the column's unit (元 converted to 万元)."""
    path = f"{row}.{column.field}"
    if no_figure(cell, findings, path):
        return None
    assert cell is not None
    number = cell.reading.number
    if number is None:
        findings.add("ZW225", f"单元格“{cell.text}”不是数字，按空白处理", cell.line, (path,))
        return None
    note_reading(cell, findings, path)
    if column.unit == "万元" and cell.reading.unit == "元":
        converted = number / 10000
        findings.add("ZW226", f"金额“{cell.text}”以元计，已换算为 {converted} 万元", cell.line, (path,))
        return converted
    return number


def value(cell: Cell | None, column: Column, findings: Findings, row: str) -> int | Decimal | None:
    """``count`` or ``amount``, as the column holds (each called by name: a native call in compiled code)."""
    if column.kind is _AMOUNT:
        return amount(cell, column, findings, row)
    return count(cell, column, findings, row)


def counts(
    cells: Sequence[Cell | None], columns: Sequence[Column], findings: Findings, row: str
) -> list[int | None]:
    """``count`` of each cell; a row of plain non-negative whole numbers in Arabic digits (the common
    case) is read without the per-cell checks."""
    integers: list[int | None] = []
    for c in cells:
        reading = c.reading if c is not None else None
        if reading is None or reading.integer is None or reading.integer < 0:
            break
        if reading.numerals or reading.note is not None:
            break
        integers.append(reading.integer)
    else:
        return integers
    return [count(cell, column, findings, row) for cell, column in zip(cells, columns, strict=True)]


@cache
def cell_paths(row: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The path of each cell of the row at path ``row``, by its column's field: made once per row."""
    return tuple(f"{row}.{field}" for field in fields)


def record_lines(
    lines: dict[str, int],
    row: str,
    label: int | None,
    fields: tuple[str, ...],
    cells: Sequence[Cell | None],
) -> None:
    """Note in ``lines`` where a row (its label) and each of its cells (by its column's field) stood in
    the source."""
    if label is not None:
        lines[row] = label
    for path, cell in zip(cell_paths(row, fields), cells, strict=True):
        if cell is not None:
            lines[path] = cell.line
