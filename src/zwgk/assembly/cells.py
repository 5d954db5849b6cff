"""From cells to typed values: fitting a row's cells to its columns, and reading each value.

Fitting never guesses. A row with more cells than columns is trimmed only of cells at its ends; if the
trims that fit disagree on the values, the table's own rule (a row's columns add up to its 总计)
decides, and when it cannot the cells are left blank with a warning listing the candidates. A row
with fewer cells whose figures were printed without separators is split (``glued``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..catalogue import Column, Kind
from ..codes import Findings
from ..lexing.cells import Cell, CellKind
from .glued import Totals
from .glued import place as place_glued
from .glued import read as read_glued


def figure(cell: Cell | None) -> Decimal | None:
    return cell.reading.number if cell is not None and cell.kind is CellKind.NUMBER else None


_SHOWN = 20
_MAX_DROPPED = 2
"""At most this many figures too many in a row are dropped to fit it; a row with more is not a row
of the table at all."""


def _show(cells: Sequence[Cell | None]) -> str:
    shown = " ".join(c.text if c is not None and c.text else "□" for c in cells[:_SHOWN])
    return shown + (" …" if len(cells) > _SHOWN else "")


def _blank_run(cells: Iterable[Cell]) -> int:
    """How many blank cells ``cells`` starts with."""
    count = 0
    for cell in cells:
        if cell.kind is not CellKind.BLANK:
            break
        count += 1
    return count


def fit(
    cells: Sequence[Cell],
    width: int,
    findings: Findings,
    where: str,
    totals: Totals | None = None,
    *,
    glued: bool = False,
) -> list[Cell | None]:
    """``cells`` placed in ``width`` columns (``None``: nothing to place there). ``totals``: how the
    row adds up, if it does; ``glued``: the text ran figures together (see ``glued.read``)."""
    count = len(cells)
    if count == width:
        return list[Cell | None](cells)
    line = cells[0].line if cells else None
    if count < width:
        rule = totals or Totals((width,), summed=False)
        runs = read_glued(cells, rule, glued=glued)
        if runs is not None:
            return place_glued(runs, rule, findings, where)
        if any(c.kind is not CellKind.BLANK for c in cells):  # which columns they belong to is unknown
            findings.add(
                "ZW223",
                f"{where}：只有 {count} 个单元格，应有 {width} 个，无法确定各属哪一列，均按空白处理（{_show(cells)}）",
                line,
            )
        return [None] * width
    excess = count - width
    lead, tail = _blank_run(cells), _blank_run(reversed(cells))
    if excess <= lead + tail:  # only blank cells need to go
        trims = range(max(0, excess - tail), min(lead, excess) + 1)
    elif excess <= _MAX_DROPPED:
        trims = range(excess + 1)
    else:
        findings.add(
            "ZW224",
            f"{where}：{count} 个单元格远多于 {width} 列，无法对应，均按空白处理（{_show(cells)}）",
            line,
        )
        return [None] * width
    candidates = [list[Cell | None](cells[a : count - (excess - a)]) for a in trims]
    distinct = {tuple((c and c.kind, figure(c)) for c in cand): cand for cand in candidates}
    if len(distinct) > 1 and totals is not None:
        holding = [cand for cand in distinct.values() if totals.holds([figure(c) for c in cand])]
        if len(holding) == 1:
            findings.add(
                "ZW222",
                f"{where}：{count} 个单元格多于 {width} 列，按合计关系取 {_show(holding[0])}（原为 {_show(cells)}）",
                line,
            )
            return holding[0]
    if len(distinct) > 1:
        options = "；".join(_show(c) for c in distinct.values())
        findings.add(
            "ZW224", f"{where}：{count} 个单元格放入 {width} 列有多种可能（{options}），均按空白处理", line
        )
        return [None] * width
    chosen = next(iter(distinct.values()))
    if excess > lead + tail:
        findings.add(
            "ZW222", f"{where}：{count} 个单元格多于 {width} 列，去掉两端多余单元格后为 {_show(chosen)}", line
        )
    return chosen


def _blank_or_marker(cell: Cell | None, findings: Findings, path: str) -> bool:
    """Whether the cell holds no figure: blank, or a marker (said in a diagnostic)."""
    if cell is None or cell.kind is CellKind.BLANK:
        return True
    if cell.kind is CellKind.MARKER:
        findings.add(
            "ZW221", f"单元格为“{cell.text}”，按空白处理（marker read as blank）", cell.line, (path,)
        )
        return True
    return False


def count(cell: Cell | None, column: Column, findings: Findings, row: str) -> int | None:
    """A cell of a count column of the row at path ``row``: a whole number (signed in 本年增/减 columns),
    ``None`` for a blank or a marker, or for what is no whole number (said in a diagnostic)."""
    if cell is not None and (integer := cell.reading.integer) is not None:
        if integer < 0 and column.kind is Kind.COUNT:
            findings.add("ZW227", f"计数为负数：{cell.text}", cell.line, (f"{row}.{column.field}",))
        return integer
    path = f"{row}.{column.field}"
    if not _blank_or_marker(cell, findings, path):
        assert cell is not None
        findings.add("ZW225", f"“{cell.text}”不是整数计数，按空白处理", cell.line, (path,))
    return None


def amount(cell: Cell | None, column: Column, findings: Findings, row: str) -> Decimal | None:
    """A cell of an amount column: a ``Decimal`` in the column's unit (元 converted to 万元)."""
    path = f"{row}.{column.field}"
    if _blank_or_marker(cell, findings, path):
        return None
    assert cell is not None
    number = cell.reading.number
    if number is None:
        findings.add("ZW225", f"单元格“{cell.text}”不是数字，按空白处理", cell.line, (path,))
        return None
    if column.unit == "万元" and cell.reading.unit == "元":
        converted = number / 10000
        findings.add("ZW226", f"金额“{cell.text}”以元计，已换算为 {converted} 万元", cell.line, (path,))
        return converted
    return number


def value(cell: Cell | None, column: Column, findings: Findings, row: str) -> int | Decimal | None:
    """``count`` or ``amount``, as the column holds."""
    return (amount if column.kind is Kind.AMOUNT else count)(cell, column, findings, row)


def counts(
    cells: Sequence[Cell | None], columns: Sequence[Column], findings: Findings, row: str
) -> list[int | None]:
    """``count`` of each cell; a row of plain non-negative whole numbers (the common case) is read
    without the per-cell checks."""
    integers = [c.reading.integer if c is not None else None for c in cells]
    if all(i is not None and i >= 0 for i in integers):
        return integers
    return [count(cell, column, findings, row) for cell, column in zip(cells, columns, strict=True)]


def record_lines(
    lines: dict[str, int],
    row: str,
    label: int | None,
    columns: Sequence[Column],
    cells: Sequence[Cell | None],
) -> None:
    """Note in ``lines`` where a row (its label) and each of its cells stood in the source."""
    if label is not None:
        lines[row] = label
    for column, cell in zip(columns, cells, strict=True):
        if cell is not None:
            lines[f"{row}.{column.field}"] = cell.line
