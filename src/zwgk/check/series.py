"""The rule across years: 结转下年度继续办理 of year N is 上年结转 of year N+1, per column."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import attrs

from ..catalogue import REQUEST_COLUMNS, Column
from ..model import Diagnostic, Report, Requests
from ..organs import organ_key
from .tables import Term, finding


def _written(report: Report) -> str:
    """The organ as findings name it: as the report writes it, without spaces."""
    return "".join((report.organ or "").split())


def carried_over(
    reports: Sequence[Report], organs: Mapping[str, str] | None = None
) -> list[list[Diagnostic]]:
    """ZW305 (and ZW390 where it cannot be checked) for each report, in the order given: each finding
    belongs to the later of the two years it compares. Reports are of the same organ when their names
    have the same ``organ_key`` (``organs`` maps names to the canonical names they stand for)."""
    found: list[list[Diagnostic]] = [[] for _ in reports]
    years: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, report in enumerate(reports):
        if not _written(report) or report.year is None:
            message = "跨年度结转无法核对：未能确定报告的机关或年度（not checkable）"
            found[i].append(finding(report, "ZW390", message))
        else:
            years[organ_key(_written(report), organs)][report.year].append(i)
    for by_year in years.values():
        for year, indices in by_year.items():
            following = by_year.get(year + 1, [])
            if len(indices) > 1 or len(following) > 1:
                for i in following:
                    organ = _written(reports[i])
                    message = f"{organ} 有不止一份 {year} 或 {year + 1} 年的报告，跨年度结转无法核对（not checkable）"
                    found[i].append(finding(reports[i], "ZW390", message))
                continue
            for i in following:
                found[i] += _compare(_written(reports[i]), year, reports[indices[0]], reports[i])
    return found


def _compare(organ: str, year: int, earlier: Report, later: Report) -> list[Diagnostic]:
    if earlier.requests is None or later.requests is None:
        return []
    found, blank = [], []
    for carried in carry_over(earlier.requests, later.requests):
        label = carried.column.label
        now = Term(f"requests.carried_over.{carried.column.field}", label, carried.carried_over)
        if carried.holds is None:
            blank.append(label)
        elif not carried.holds:
            message = (
                f"{organ} {year} 年表三“结转下年度继续办理”“{label}”为 {carried.carried_forward}，"
                f"{year + 1} 年“上年结转”为 {now.value}"
            )
            found.append(finding(later, "ZW305", message, (now,)))
    if blank:
        message = f"{organ} {year}→{year + 1} 年跨年度结转无法核对：{'、'.join(blank)}列有空白单元格（not checkable）"
        found.append(finding(later, "ZW390", message))
    return found


@attrs.frozen
class Carried:
    """One column of table 三 across two years: 结转下年度继续办理 of the earlier, 上年结转 of the later."""

    column: Column
    carried_forward: int | None
    carried_over: int | None

    @property
    def holds(self) -> bool | None:
        """Whether the two are equal; ``None`` when either is blank (not checkable)."""
        if self.carried_forward is None or self.carried_over is None:
            return None
        return self.carried_forward == self.carried_over


def carry_over(earlier: Requests, later: Requests) -> tuple[Carried, ...]:
    """The rule per column, the earlier year's table 三 against the later one's."""
    return tuple(
        Carried(
            column,
            getattr(earlier.carried_forward, column.field),
            getattr(later.carried_over, column.field),
        )
        for column in REQUEST_COLUMNS
    )
