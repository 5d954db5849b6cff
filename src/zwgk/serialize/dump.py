"""A readable dump of a report for a terminal: metadata, tables as grids, text sections abridged.

Blank cells show as ``·`` so they cannot be mistaken for 0. Labels come from the catalogue.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from ..catalogue import SECTIONS
from ..model.common import TextSection
from ..model.report import Report
from .grids import Grid, active_grids, requests_grid, review_grid
from .text import table_format

_EXCERPT = 60
_LABEL = 16


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _cell(value: object) -> str:
    if value is None:
        return "·"
    return str(value)


def _grid(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    rows = [list(r) for r in rows]
    widths = [max(_width(r[i]) for r in [list(header), *rows]) for i in range(len(header))]
    lines = ["  " + "  ".join(_pad(h, w, i > 0) for i, (h, w) in enumerate(zip(header, widths, strict=True)))]
    lines += [
        "  " + "  ".join(_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    return lines


def _text_section(section: TextSection) -> list[str]:
    lines = []
    for paragraph in section.paragraphs:
        excerpt = paragraph if len(paragraph) <= _EXCERPT else paragraph[:_EXCERPT] + "…"
        lines.append(f"  {excerpt}")
    return lines or ["  （无内容）"]


def _label(text: str) -> str:
    return text if len(text) <= _LABEL else text[: _LABEL - 1] + "…"


def _draw(grid: Grid) -> list[str]:
    rows = [
        [_label(label), *(map(_cell, values) if values else [""] * len(grid.header))]
        for label, values in grid.rows
    ]
    return _grid([grid.corner, *grid.header], rows)


def _active(report: Report) -> list[str]:
    active = report.active
    assert active is not None
    lines = [f"  （{table_format(active).value} 年格式）"]
    for grid in active_grids(active):
        lines.append(f"  {grid.caption}")
        lines += ["  " + line for line in _draw(grid)]
    for extra in active.extras:
        lines.append(f"  附加：第（{extra.item}）项 {extra.row} / {extra.column} = {_cell(extra.value)}")
    if getattr(active, "procurement", None) is not None and active.procurement.amount_unit:  # type: ignore[union-attr]
        lines.append(f"  采购总金额单位：{active.procurement.amount_unit}")  # type: ignore[union-attr]
    return lines + [f"  说明：{note}" for note in active.notes]


def _requests(report: Report) -> list[str]:
    requests = report.requests
    assert requests is not None
    lines = [f"  （{table_format(requests).value} 年格式）", *_draw(requests_grid(requests))]
    return lines + [f"  说明：{n}" for n in requests.notes]


def _review(report: Report) -> list[str]:
    review = report.review
    assert review is not None
    return [*_draw(review_grid(review)), *(f"  说明：{n}" for n in review.notes)]


def dump(report: Report) -> str:
    """The report as readable text."""
    lines = [report.title or "（无标题）"]
    lines.append(f"机关：{report.organ or '?'}  年度：{report.year or '?'}  格式：{report.template.value}")
    lines += [f"  {p}" for p in report.preamble]
    builders = {"active": _active, "requests": _requests, "review": _review}
    for section in SECTIONS:
        lines.append("")
        lines.append(section.heading)
        content = getattr(report, section.field)
        if content is None:
            lines.append("  （未找到）")
        elif isinstance(content, TextSection):
            lines += _text_section(content)
        else:
            lines += builders[section.field](report)
    if report.unplaced:
        lines.append("")
        lines.append("未归位内容")
        lines += [f"  第 {u.line} 行：{u.text}" for u in report.unplaced]
    if report.diagnostics:
        lines.append("")
        lines.append("诊断")
        lines += [
            f"  {d.code} {d.severity.value:7} {'' if d.line is None else f'第 {d.line} 行 '}{d.message}"
            for d in report.diagnostics
        ]
    return "\n".join(lines) + "\n"
