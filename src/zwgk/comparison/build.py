"""Building a comparison of two reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from ..catalogue import SECTIONS, Place
from ..check import check
from ..check.series import carry_over
from ..indicator import INDICATORS, indicators
from ..model import Diagnostic, Report, Requests, Template
from ..model.active import Active2019, Active2021
from ..organs import organ_key
from ..serialize.cells import at_path
from ..serialize.text import table_format
from .matching import matched
from .model import CellChange, Compared, Comparison, IndicatorChange, Value

_TABLES = tuple(section for section in SECTIONS if section.tabular)


def _format(report: Report, table: str) -> Template:
    """The format one table of a report is in (a report may mix them); table 四 is the same in both."""
    found = getattr(report, table)
    if isinstance(found, Active2019 | Active2021 | Requests):
        return table_format(found)
    return report.template


def _value(report: Report, place: Place | None) -> Value | None:
    table = getattr(report, place.table) if place is not None else None
    if place is None or table is None:
        return None
    value: Value | None = getattr(at_path(table, place.path), place.column.field)
    return value


def _cells(old: Report, new: Report) -> Iterator[CellChange]:
    for section in _TABLES:
        formats = _format(old, section.field), _format(new, section.field)
        for old_place, new_place in matched(section.field, *formats):
            yield CellChange(old_place, new_place, _value(old, old_place), _value(new, new_place))


def _only_in(these: Iterable[Diagnostic], those: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics of ``these`` that ``those`` lack, by code and message, as often as they lack them."""
    left = Counter((d.code, d.message) for d in those)
    found = []
    for diagnostic in these:
        key = (diagnostic.code, diagnostic.message)
        if left[key]:
            left[key] -= 1
        else:
            found.append(diagnostic)
    return tuple(found)


def _indicators(old: Report, new: Report) -> tuple[IndicatorChange, ...]:
    before, after = indicators(old), indicators(new)
    return tuple(
        IndicatorChange(i.name, i.label, i.formula, before[i.name], after[i.name]) for i in INDICATORS
    )


def _same_organ(old: Report, new: Report, organs: Mapping[str, str] | None) -> bool:
    return bool(old.organ and new.organ) and organ_key(old.organ or "", organs) == organ_key(
        new.organ or "", organs
    )


def _notes(old: Report, new: Report, same_organ: bool, consecutive: bool) -> Iterator[str]:
    if not same_organ:
        yield f"两份报告不是同一机关：{old.organ or '（未知机关）'} / {new.organ or '（未知机关）'}"
    if not consecutive:
        yield f"两份报告不是相邻年度：{old.year or '（未知年度）'} / {new.year or '（未知年度）'}，不核对跨年度结转"
    for section in _TABLES:
        formats = _format(old, section.field), _format(new, section.field)
        if any(None in pair for pair in matched(section.field, *formats)):
            yield (
                f"{section.table}格式不同：{formats[0].value} 年格式 → {formats[1].value} 年格式，"
                "两种格式中含义相同的单元格对应比较，其余单列为仅见于一种格式"
            )
        for report, which in ((old, "旧"), (new, "新")):
            if getattr(report, section.field) is None:
                yield f"{which}报告没有{section.table}，其单元格均为空白"


def compare(old: Report, new: Report, *, organs: Mapping[str, str] | None = None) -> Comparison:
    """The ``new`` report against the ``old`` one: every cell of tables 二, 三 and 四 side by side (across
    the 2019 and 2021 formats where a cell counts the same thing, ``catalogue.same_cells``), the 结转
    rule between them when ``new`` is of the next year, the diagnostics of ``zwgk.check`` that appear
    and disappear, the indicators. Reports of two organs (``organ_key``, with ``organs`` mapping names
    to canonical ones) or of years not consecutive are compared all the same, with a note."""
    same_organ = _same_organ(old, new, organs)
    consecutive = old.year is not None and new.year == old.year + 1
    carried = None
    if consecutive and old.requests is not None and new.requests is not None:
        carried = carry_over(old.requests, new.requests)
    found_old, found_new = check(old), check(new)
    return Comparison(
        old=Compared.of(old),
        new=Compared.of(new),
        cells=tuple(_cells(old, new)),
        carry_over=carried,
        appeared=_only_in(found_new, found_old),
        disappeared=_only_in(found_old, found_new),
        indicators=_indicators(old, new),
        same_organ=same_organ,
        consecutive=consecutive,
        notes=tuple(_notes(old, new, same_organ, consecutive)),
    )
