"""Figures a report restates in its text sections, against its tables.

Prose is looser than a table, so a figure is accepted when any plausible reading of the table gives it
(applications "received" may mean 本年新收 alone or with those carried over); a figure that no reading
gives is a warning naming the sentence and the table's figures. 信息处理费 has no table of its own; the
one contradiction checked is more cases of 逾期未按收费通知要求缴纳费用 than fee notices the text says
were sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from ..catalogue import REQUEST_COLUMNS, SECTIONS
from ..model import Diagnostic, OtherHandling, Report, RequestRow, Requests
from .tables import Term, finding

_CLAUSE = r"[^。；，,;：:\d]"
_FIGURE = r"(\d+)\s*件"


@attrs.frozen
class _Claim:
    """A kind of figure reports restate, and the table readings that would agree with it."""

    code: str
    what: str
    pattern: re.Pattern[str]
    readings: Callable[[Requests], Sequence[tuple[str, tuple[Term, ...]]]]


def _cell(requests: Requests, row: str, column: str) -> Term:
    value: RequestRow = getattr(requests, row)
    return Term(f"requests.{row}.{column}", row, getattr(value, column))


def _received(column: str) -> Callable[[Requests], Sequence[tuple[str, tuple[Term, ...]]]]:
    def readings(requests: Requests) -> Sequence[tuple[str, tuple[Term, ...]]]:
        new, over = _cell(requests, "new_received", column), _cell(requests, "carried_over", column)
        return (("本年新收", (new,)), ("本年新收与上年结转之和", (new, over)))

    return readings


def _organisations(requests: Requests) -> Sequence[tuple[str, tuple[Term, ...]]]:
    columns = [c.field for c in REQUEST_COLUMNS[1:-1]]
    new = tuple(_cell(requests, "new_received", c) for c in columns)
    over = tuple(_cell(requests, "carried_over", c) for c in columns)
    return (("本年新收的法人或其他组织申请", new), ("本年新收与上年结转的法人或其他组织申请", new + over))


_CLAIMS = (
    _Claim(
        "ZW311",
        "收到的申请",
        re.compile(rf"(?:收到|受理|新收){_CLAUSE}{{0,12}}?申请{_CLAUSE}{{0,12}}?{_FIGURE}"),
        _received("total"),
    ),
    _Claim(
        "ZW312",
        "办结的申请",
        re.compile(rf"办结{_CLAUSE}{{0,12}}?{_FIGURE}"),
        lambda r: (("（七）总计", (_cell(r, "total", "total"),)),),
    ),
    _Claim(
        "ZW313",
        "结转下年度的申请",
        re.compile(
            rf"(?<!上年)(?<!上一年)结转(?:至|到)?(?:下一?年度?)?{_CLAUSE}{{0,8}}?{_FIGURE}|{_FIGURE}结转"
        ),
        lambda r: (("结转下年度继续办理", (_cell(r, "carried_forward", "total"),)),),
    ),
    _Claim(
        "ZW314",
        "自然人的申请",
        re.compile(rf"自然人(?:申请|提出)?{_CLAUSE}{{0,4}}?{_FIGURE}"),
        _received("natural_person"),
    ),
    _Claim(
        "ZW314",
        "法人或其他组织的申请",
        re.compile(rf"法人(?:或其他组织)?(?:申请|提出)?{_CLAUSE}{{0,4}}?{_FIGURE}"),
        _organisations,
    ),
)
_NO_FEE_NOTICE = re.compile(
    r"未(?:发出|出具|开具|发送)(?:任何)?(?:信息处理费)?收费通知|收费通知(?:书)?\s*0\s*件"
)
_FEE_NOTICES = re.compile(r"(?:发出|出具|开具|发送)(?:信息处理费)?收费通知(?:书)?\s*(\d+)\s*件")


def _paragraphs(report: Report) -> Iterator[tuple[str, str, str]]:
    """``(path, where, text)`` of every paragraph of prose."""
    for i, text in enumerate(report.preamble):
        yield f"preamble.{i}", "前言", text
    for section in SECTIONS:
        content = getattr(report, section.field)
        if content is not None and not section.tabular:
            for i, text in enumerate(content.paragraphs):
                yield f"{section.field}.paragraphs.{i}", section.title, text


_SENTENCE_END = re.compile(r"[。；;！？!?]")
_LONGEST_EXCERPT = 80


def _excerpt(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, or a window of it if the sentence is long."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    right = stop.end() if stop else len(text)
    if right - left > _LONGEST_EXCERPT:
        left, right = max(left, start - 10), min(right, end + 10)
    return text[left:right].strip()


def restated_figures(report: Report) -> Iterator[Diagnostic]:
    """ZW311–ZW314: figures of table 三 the text restates differently."""
    requests = report.requests
    if requests is None:
        return
    for path, where, text in _paragraphs(report):
        for claim in _CLAIMS:
            for match in claim.pattern.finditer(text):
                said = int(next(g for g in match.groups() if g is not None))
                readings = claim.readings(requests)
                known = [(name, terms) for name, terms in readings if all(t.value is not None for t in terms)]
                if not known or any(sum(t.value or 0 for t in terms) == said for _, terms in known):
                    continue  # blank cells: nothing to compare; or a reading agrees
                shown = "，".join(f"{name}为 {sum(t.value or 0 for t in terms)}" for name, terms in known)
                message = (
                    f"{where}中写“{_excerpt(text, *match.span())}”（{claim.what} {said} 件），但表三{shown}"
                )
                yield finding(report, claim.code, message, [t for _, ts in known for t in ts], at=path)


def fee_notices(report: Report) -> Iterator[Diagnostic]:
    """ZW315: more applications dropped for an unpaid 信息处理费 than fee notices the text says were sent."""
    requests = report.requests
    if requests is None or not isinstance(requests.other_handling, OtherHandling):
        return
    overdue = requests.other_handling.overdue_fee.total
    if not overdue:
        return
    for path, where, text in _paragraphs(report):
        sent = _FEE_NOTICES.search(text)
        notices = 0 if _NO_FEE_NOTICE.search(text) else int(sent.group(1)) if sent else None
        if notices is not None and notices < overdue:
            message = f"{where}中写发出收费通知 {notices} 件，但表三“逾期未按收费通知要求缴纳费用”的申请有 {overdue} 件"
            term = Term("requests.other_handling.overdue_fee.total", "overdue_fee", overdue)
            yield finding(report, "ZW315", message, (term,), at=path)


RULES = (restated_figures, fee_notices)
