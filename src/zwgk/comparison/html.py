"""A comparison as one self-contained HTML page a disclosure office can send on: both reports named,
tables 二, 三 and 四 side by side with the changed cells marked, the 结转 rule, the diagnostics that
appeared and disappeared, the indicators. Inline CSS; no script, no image, nothing fetched.

Each figure cell carries ``data-cell`` (``requests.new_received.natural_person``, the new format's path,
else the old one's) and ``data-old`` / ``data-new``, so that a page can be checked as well as read.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from .grid import Grid, Heading, grids
from .model import CellChange, Comparison, Presence
from .values import (
    BLANK,
    PRESENCE_NOTES,
    TABLE_HEADINGS,
    figure,
    percent,
    points,
    shown_diagnostics,
    signed,
    who,
)

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em; color: #222; font-size: 14px; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 1.6em; border-bottom: 2px solid #345; }
h3 { font-size: 15px; margin-bottom: .3em; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #bbb; padding: 3px 7px; vertical-align: top; }
th { background: #f1f3f5; font-weight: normal; text-align: left; }
thead th { text-align: center; font-weight: bold; }
td.figure { text-align: right; white-space: nowrap; }
td.changed { background: #fff3bf; }
td.changed del { color: #868e96; } td.changed ins { text-decoration: none; font-weight: bold; }
.delta { display: block; font-size: 12px; color: #495057; }
.old-only { background: #e7f5ff; } .new-only { background: #ebfbee; }
td.none { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 4px, #eee 4px, #eee 8px); }
tr.group th { font-weight: bold; background: #e9ecef; }
small, .aside { color: #666; font-size: 12px; }
.fails { color: #c92a2a; font-weight: bold; } .holds { color: #2b8a3e; }
.notes li { color: #a61e4d; }
.legend span { display: inline-block; padding: 1px 6px; margin-right: 8px; border: 1px solid #bbb; }
"""


def _heading(heading: Heading) -> str:
    old = f"<br><small>旧格式：{escape(heading.old_label)}</small>" if heading.old_label else ""
    only = (
        f"<br><small>{PRESENCE_NOTES[heading.presence]}</small>"
        if heading.presence is not Presence.BOTH
        else ""
    )
    return f"{escape(heading.label)}{old}{only}"


_PRESENCE_CLASS = {Presence.OLD_ONLY: "old-only", Presence.NEW_ONLY: "new-only"}


def _cell(cell: CellChange | None) -> str:
    if cell is None:
        return '<td class="none"></td>'
    place = cell.place
    data = (
        f'data-cell="{escape(f"{place.table}.{place.path}.{place.column.field}")}" '
        f'data-old="{figure(cell.old)}" data-new="{figure(cell.new)}"'
    )
    if cell.presence is not Presence.BOTH:
        value = cell.old if cell.presence is Presence.OLD_ONLY else cell.new
        return f'<td class="figure {_PRESENCE_CLASS[cell.presence]}" {data}>{figure(value)}</td>'
    if not cell.changed:
        return f'<td class="figure" {data}>{figure(cell.new)}</td>'
    delta = ""
    if cell.change is not None:
        relative = f"，{percent(cell.relative, sign=True)}" if cell.relative is not None else ""
        delta = f'<span class="delta">{signed(cell.change)}{relative}</span>'
    return (
        f'<td class="figure changed" {data}><del>{figure(cell.old)}</del> → '
        f"<ins>{figure(cell.new)}</ins>{delta}</td>"
    )


def _grid(grid: Grid, everything: bool) -> str:
    rows = [row for row in grid.rows if everything or row.changed]
    caption = f"<h3>{escape(grid.caption)}</h3>" if grid.caption else ""
    if not rows:
        return f"{caption}<p class='aside'>无变化</p>"
    head = "".join(f"<th>{_heading(column)}</th>" for column in grid.columns)
    body, group = [], None
    for row in rows:
        if row.group != group and row.group is not None:
            body.append(
                f'<tr class="group"><th colspan="{len(grid.columns) + 1}">{escape(row.group)}</th></tr>'
            )
        group = row.group
        label_class = (
            f' class="{_PRESENCE_CLASS[row.heading.presence]}"'
            if row.heading.presence in _PRESENCE_CLASS
            else ""
        )
        cells = "".join(_cell(cell) for cell in row.cells)
        body.append(f"<tr><th{label_class}>{_heading(row.heading)}</th>{cells}</tr>")
    return f"{caption}<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _tables(comparison: Comparison, everything: bool) -> Iterator[str]:
    for table, name in TABLE_HEADINGS.items():
        yield f"<h2>{escape(name)}</h2>"
        yield from (_grid(grid, everything) for grid in grids(comparison, table))


def _carry_over(comparison: Comparison) -> str:
    title = "<h2>跨年度结转</h2>"
    if comparison.carry_over is None:
        return f"{title}<p>不核对：两份报告不是相邻年度，或缺少表三。</p>"
    verdicts = {True: ("holds", "一致"), False: ("fails", "不一致"), None: ("", "无法核对（空白）")}
    rows = []
    for carried in comparison.carry_over:
        css, verdict = verdicts[carried.holds]
        rows.append(
            f"<tr><th>{escape(carried.column.label)}</th><td class='figure'>{figure(carried.carried_forward)}</td>"
            f"<td class='figure'>{figure(carried.carried_over)}</td><td class='{css}'>{verdict}</td></tr>"
        )
    head = (
        f"<tr><th></th><th>{comparison.old.year} 年“结转下年度继续办理”</th>"
        f"<th>{comparison.new.year} 年“上年结转”</th><th>结果</th></tr>"
    )
    return f"{title}<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _diagnostics(comparison: Comparison, everything: bool) -> Iterator[str]:
    yield "<h2>诊断的变化</h2>"
    for title, found in (
        ("新报告新出现的", comparison.appeared),
        ("旧报告有、新报告消失的", comparison.disappeared),
    ):
        shown, left_out = shown_diagnostics(found, everything)
        yield f"<h3>{title}（{len(found)} 条）</h3>"
        if left_out:
            yield f"<p class='aside'>另有 {left_out} 条提示（info）未列出。</p>"
        if shown:
            items = "".join(
                f"<li><code>{d.code}</code> {d.severity.value}：{escape(d.message)}</li>" for d in shown
            )
            yield f"<ul>{items}</ul>"


def _indicators(comparison: Comparison) -> str:
    rows = "".join(
        f"<tr><th>{escape(i.label)}<br><small>{escape(i.formula)}</small></th>"
        f"<td class='figure'>{percent(i.old)}</td><td class='figure'>{percent(i.new)}</td>"
        f"<td class='figure'>{points(i.change)}</td></tr>"
        for i in comparison.indicators
    )
    head = "<tr><th>指标</th><th>旧</th><th>新</th><th>变化</th></tr>"
    return f"<h2>指标</h2><table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def _reports(comparison: Comparison) -> str:
    rows = "".join(
        f"<tr><th>{which}</th><td>{escape(who(report))}<br><small>{escape(report.title or '（无标题）')}"
        f"{'<br>' + escape(report.source) if report.source else ''}</small></td></tr>"
        for which, report in (("旧报告", comparison.old), ("新报告", comparison.new))
    )
    return f"<table>{rows}</table>"


def comparison_html(comparison: Comparison, *, everything: bool = False) -> str:
    """The page: the rows of tables 二, 三 and 四 that changed (or ``everything``), all else whole."""
    title = f"政府信息公开工作年度报告比较：{who(comparison.old)} → {who(comparison.new)}"
    notes = "".join(f"<li>{escape(note)}</li>" for note in comparison.notes)
    shown = "全部单元格" if everything else "只列出有变化的行"
    legend = (
        "<p class='legend'><span class='changed' style='background:#fff3bf'>旧 → 新（变化）</span>"
        "<span class='old-only'>仅见于旧报告的格式</span><span class='new-only'>仅见于新报告的格式</span>"
        f"<span>{BLANK} 空白单元格</span>{shown}；相对变化以旧值为基数，旧值为 0 或空白时不计。</p>"
    )
    body = [
        f"<h1>{escape(title)}</h1>",
        _reports(comparison),
        f"<ul class='notes'>{notes}</ul>" if notes else "",
        legend,
        *_tables(comparison, everything),
        _carry_over(comparison),
        *_diagnostics(comparison, everything),
        _indicators(comparison),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
