"""The 勾稽 rules within a report's tables (official-format.md §5).

Each rule compares figures exactly (they are counts). A rule any of whose cells is blank cannot be
checked: it is said once per rule and table (ZW390), never passed and never failed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, request_leaves
from ..codes import CODES
from ..model import Diagnostic, Report, Requests, Review
from ..serialize.text import table_format

_ENDPOINTS = ("new_received", "carried_over", "total", "carried_forward")
_SIX = REQUEST_COLUMNS[:-1]


@attrs.frozen
class Term:
    """One cell a rule reads: its path, its label for messages, its value."""

    path: str
    label: str
    value: int | None


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def finding(
    report: Report,
    code: str,
    message: str,
    terms: Sequence[Term] = (),
    *,
    at: str | None = None,
    line: int | None = None,
) -> Diagnostic:
    """A diagnostic about ``terms`` (and the part at path ``at``, first), placed at ``line`` or else at
    the first source line of those paths."""
    paths = tuple(dict.fromkeys((*([at] if at else []), *(t.path for t in terms))))  # each once, in order
    if line is None:
        line = next((report.source_lines[p] for p in paths if p in report.source_lines), None)
    return Diagnostic(code, CODES[code].severity, message, line, paths)


@attrs.define
class _Blanks:
    """The checks a rule could not make, to be said once per rule (ZW390)."""

    rule: str
    what: str
    where: list[str] = attrs.Factory(list)
    terms: list[Term] = attrs.Factory(list)

    def add(self, where: str, terms: Sequence[Term]) -> None:
        self.where.append(where)
        self.terms += [t for t in terms if t.value is None]

    def report(self, report: Report) -> Iterator[Diagnostic]:
        if self.where:
            places = "、".join(self.where[:3]) + (f"等 {len(self.where)} 处" if len(self.where) > 3 else "")
            message = f"{self.rule}（{self.what}）无法核对：{places}有空白单元格（not checkable）"
            yield finding(report, "ZW390", message, self.terms)


def _sum(terms: Sequence[Term]) -> int:
    return sum(t.value or 0 for t in terms)


def _request(requests: Requests, row: str, column: str, label: str) -> Term:
    return Term(f"requests.{row}.{column}", label, getattr(_get(requests, row), column))


def _row_labels(requests: Requests) -> dict[str, str]:
    return {leaf.path: leaf.row.label for leaf in request_leaves(table_format(requests))}


def balance(report: Report) -> Iterator[Diagnostic]:
    """ZW301: per column of table 三, 一 + 二 = （七）总计 + 四 (the rule printed in the form)."""
    requests = report.requests
    if requests is None:
        return
    labels = _row_labels(requests)
    blanks = _Blanks("ZW301", "第一项加第二项之和等于第三项加第四项之和")
    for column in REQUEST_COLUMNS:
        new, over, total, forward = (_request(requests, row, column.field, labels[row]) for row in _ENDPOINTS)
        terms = (new, over, total, forward)
        if any(t.value is None for t in terms):
            blanks.add(f"“{column.label}”列", terms)
        elif _sum((new, over)) != _sum((total, forward)):
            message = (
                f"表三“{column.label}”列：本年新收 {new.value} + 上年结转 {over.value} = {_sum((new, over))}，"
                f"但（七）总计 {total.value} + 结转下年度 {forward.value} = {_sum((total, forward))}"
            )
            yield finding(report, "ZW301", message, terms)
    yield from blanks.report(report)


def results_total(report: Report) -> Iterator[Diagnostic]:
    """ZW302: per column of table 三, （七）总计 = the sum of every result row (（六） as its format has it)."""
    requests = report.requests
    if requests is None:
        return
    labels = _row_labels(requests)
    results = [path for path in labels if path not in _ENDPOINTS]
    blanks = _Blanks("ZW302", "（七）总计等于各项办理结果之和")
    for column in REQUEST_COLUMNS:
        parts = [_request(requests, path, column.field, labels[path]) for path in results]
        total = _request(requests, "total", column.field, labels["total"])
        if any(t.value is None for t in (*parts, total)):
            blanks.add(f"“{column.label}”列", (*parts, total))
        elif _sum(parts) != total.value:
            message = f"表三“{column.label}”列：各项办理结果之和为 {_sum(parts)}，（七）总计为 {total.value}"
            yield finding(report, "ZW302", message, (total, *parts))
    yield from blanks.report(report)


def row_totals(report: Report) -> Iterator[Diagnostic]:
    """ZW303: per row of table 三, 自然人 + the five 法人或其他组织 columns = 总计."""
    requests = report.requests
    if requests is None:
        return
    blanks = _Blanks("ZW303", "各类申请人之和等于总计")
    for path, label in _row_labels(requests).items():
        parts = [_request(requests, path, column.field, label) for column in _SIX]
        total = _request(requests, path, "total", label)
        if any(t.value is None for t in (*parts, total)):
            blanks.add(f"“{label}”行", (*parts, total))
        elif _sum(parts) != total.value:
            message = f"表三“{label}”行：自然人至其他六列之和为 {_sum(parts)}，总计为 {total.value}"
            line = report.source_lines.get(f"requests.{path}")  # the row's label
            yield finding(report, "ZW303", message, (total, *parts), line=line)
    yield from blanks.report(report)


def review_totals(report: Report) -> Iterator[Diagnostic]:
    """ZW304: per group of table 四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    review: Review | None = report.review
    if review is None:
        return
    blanks = _Blanks("ZW304", "四项结果之和等于总计")
    for group in REVIEW_GROUPS:
        outcomes = getattr(review, group.field or "")
        terms = [
            Term(f"review.{group.field}.{c.field}", c.label, getattr(outcomes, c.field))
            for c in REVIEW_COLUMNS
        ]
        *parts, total = terms
        if any(t.value is None for t in terms):
            blanks.add(f"“{group.label}”", terms)
        elif _sum(parts) != total.value:
            message = f"表四“{group.label}”：结果维持、结果纠正、其他结果、尚未审结之和为 {_sum(parts)}，总计为 {total.value}"
            yield finding(report, "ZW304", message, (total, *parts))
    yield from blanks.report(report)


RULES = (balance, results_total, row_totals, review_totals)
