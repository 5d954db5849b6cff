"""A report as HTML for Jupyter (``Report._repr_html_``): who and when, then tables 二, 三 and 四 as
tables, blank cells as ``·``, and how many diagnostics and unplaced items there are."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..catalogue import SECTIONS
from ..model.common import Severity
from ..model.report import Report
from ..model.review import Review
from .grids import Grid, table_grids
from .text import table_format

_STYLE = "border-collapse:collapse;font-size:12px"
_CELL = "border:1px solid #ccc;padding:1px 6px"


def _table(grid: Grid) -> str:
    head = "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in (grid.corner, *grid.header))
    body = []
    for label, values in grid.rows:
        if not values:
            body.append(
                f'<tr><th colspan="{len(grid.header) + 1}" style="{_CELL};text-align:left">{escape(label)}</th></tr>'
            )
            continue
        cells = "".join(
            f'<td style="{_CELL};text-align:right">{"·" if v is None else escape(str(v))}</td>'
            for v in values
        )
        body.append(
            f'<tr><th style="{_CELL};text-align:left;font-weight:normal">{escape(label)}</th>{cells}</tr>'
        )
    caption = f"<caption style='text-align:left'>{escape(grid.caption)}</caption>" if grid.caption else ""
    return f'<table style="{_STYLE}">{caption}<tr>{head}</tr>{"".join(body)}</table>'


def _section(heading: str, parts: Iterable[str]) -> str:
    return f"<details open><summary><b>{escape(heading)}</b></summary>{''.join(parts)}</details>"


def report_html(report: Report) -> str:
    """The report's tables as HTML, with a line on who, when and in which format."""
    who = f"{report.organ or '?'} · {report.year or '?'} 年 · {report.template.value} 年格式"
    errors = sum(d.severity is Severity.ERROR for d in report.diagnostics)
    said = f"{len(report.diagnostics)} 条诊断（{errors} 条错误），{len(report.unplaced)} 项未归位内容"
    parts = [
        f"<div><b>{escape(report.title or '（无标题）')}</b><br>{escape(who)}<br><small>{said}</small></div>"
    ]
    for section in SECTIONS:
        content = getattr(report, section.field)
        if not section.tabular:
            continue
        if content is None:
            parts.append(_section(section.heading, ["<p>（未找到）</p>"]))
        else:
            shape = "" if isinstance(content, Review) else f"（{table_format(content).value} 年格式）"
            parts.append(_section(section.heading + shape, map(_table, table_grids(content))))
    return "<div>" + "".join(parts) + "</div>"
