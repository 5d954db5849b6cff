"""A comparison as readable text: what changed (or, ``everything``, every cell), the 结转 rule, the
diagnostics that appeared and disappeared, the indicators."""

from __future__ import annotations

from collections.abc import Iterator

from .model import CellChange, Comparison, Presence
from .values import PRESENCE_NOTES, TABLE_HEADINGS, figure, percent, points, shown_diagnostics, signed, who


def cell_name(cell: CellChange) -> str:
    """The cell as a reader names it — the 第二十条 item, the row, the column — and the old format's
    name where it differs: ``第（一）项 行政规范性文件.本年制发件数（旧：规范性文件.本年新制作数量）``."""
    place = cell.place
    item = f"第（{place.block.item}）项 " if place.block else ""
    old = cell.old_place
    renamed = f"（旧：{old.name}）" if old and cell.new_place and old.name != place.name else ""
    return f"{item}{place.name}{renamed}"


def _cell_line(cell: CellChange) -> str:
    if cell.presence is not Presence.BOTH:
        value = cell.old if cell.presence is Presence.OLD_ONLY else cell.new
        return f"  {cell_name(cell)}：{figure(value)}（{PRESENCE_NOTES[cell.presence]}）"
    line = f"  {cell_name(cell)}：{figure(cell.old)} → {figure(cell.new)}"
    if cell.change is not None and cell.change != 0:
        relative = f"，{percent(cell.relative, sign=True)}" if cell.relative is not None else ""
        line += f"（{signed(cell.change)}{relative}）"
    return line


def _cells(comparison: Comparison, everything: bool) -> Iterator[str]:
    for table, name in TABLE_HEADINGS.items():
        cells = [c for c in comparison.table(table) if everything or c.changed]
        yield name + ("" if cells else "：无变化")
        yield from map(_cell_line, cells)


def _carry_over(comparison: Comparison) -> Iterator[str]:
    if comparison.carry_over is None:
        yield "跨年度结转：不核对（两份报告不是相邻年度，或缺少表三）"
        return
    yield f"跨年度结转：{comparison.old.year} 年“结转下年度继续办理” → {comparison.new.year} 年“上年结转”"
    for carried in comparison.carry_over:
        verdict = {True: "一致", False: "不一致", None: "无法核对（空白）"}[carried.holds]
        yield (
            f"  {carried.column.label}：{figure(carried.carried_forward)} → {figure(carried.carried_over)}"
            f"  {verdict}"
        )


def _diagnostics(comparison: Comparison, everything: bool) -> Iterator[str]:
    for title, found in (("新出现的诊断", comparison.appeared), ("消失的诊断", comparison.disappeared)):
        shown, left_out = shown_diagnostics(found, everything)
        yield f"{title}：{len(found)} 条" + (
            f"（另有 {left_out} 条提示未列出，--all 列出）" if left_out else ""
        )
        yield from (f"  {d.code} {d.severity.value} {d.message}" for d in shown)


def _indicators(comparison: Comparison) -> Iterator[str]:
    yield "指标"
    for indicator in comparison.indicators:
        moved = "" if indicator.change is None else f"（{points(indicator.change)}）"
        yield f"  {indicator.label}：{percent(indicator.old)} → {percent(indicator.new)}{moved}"


def comparison_text(comparison: Comparison, *, everything: bool = False) -> str:
    """The comparison as text: only the cells that changed, or ``everything``."""
    lines = [f"比较：{who(comparison.old)} → {who(comparison.new)}"]
    lines += [f"注意：{note}" for note in comparison.notes]
    lines += [
        *_cells(comparison, everything),
        *_carry_over(comparison),
        *_diagnostics(comparison, everything),
        *_indicators(comparison),
    ]
    return "\n".join(lines) + "\n"
