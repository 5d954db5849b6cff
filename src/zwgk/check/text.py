"""Figures a report restates in its text sections, against its tables.

Prose is looser than a table, so a figure is accepted when any plausible reading of the table gives it
(applications "received" may mean 本年新收 alone or with those carried over); a figure that no reading
gives is a warning naming the sentence and the table's figures. A figure (``103 件``, ``十二件``) is what
the phrase governing it in its own clause says it is: ``含上年度结转申请 34 件`` counts applications
carried in, ``另有 103 件顺延到下年度`` those carried forward. 信息处理费 has no table of its own; the one
contradiction checked is more cases of 逾期未按收费通知要求缴纳费用 than fee notices the text says were
sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

import attrs

from ..catalogue import MAX_FIGURE_DIGITS, REQUEST_COLUMNS, SECTIONS
from ..model import Diagnostic, OtherHandling, Report, RequestRow, Requests
from ..numerals import DIGITS, chinese_integer
from .tables import Term, finding

_BOUNDARIES = "。；;，,：:（）()！？!?\n"
_CLAUSE = re.compile(f"[^{_BOUNDARIES}]+")
"""A clause: a figure is bound to a phrase of its own clause only."""
_FIGURE = re.compile(rf"(?<![\d{DIGITS}])(\d{{1,{MAX_FIGURE_DIGITS}}}|[{DIGITS}]+)\s*件")
"""A count the prose states; a longer run of digits is none (``catalogue.MAX_FIGURE``)."""


@attrs.frozen
class _Claim:
    """A kind of figure reports restate: the phrase that governs it, and the table readings that would
    agree with it."""

    code: str
    what: str
    phrase: re.Pattern[str]
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


_LAST_YEAR = r"上一?年度?"
_CLAIMS = (
    _Claim(
        "ZW311",
        "收到的申请",
        re.compile(rf"(?:收到|受理|新收)(?=[^{_BOUNDARIES}\d]{{0,12}}?申请)"),
        _received("total"),
    ),
    _Claim(
        "ZW312",
        "办结的申请",
        re.compile("办结"),
        lambda r: (("（七）总计", (_cell(r, "total", "total"),)),),
    ),
    _Claim(
        "ZW313",
        "结转下年度的申请",
        re.compile(
            r"(?<!上年)(?<!上一年)(?<!上年度)(?<!上一年度)结转(?!自?上)(?:至|到)?(?:下一?年度?)?|顺延"
        ),
        lambda r: (("结转下年度继续办理", (_cell(r, "carried_forward", "total"),)),),
    ),
    _Claim("ZW314", "自然人的申请", re.compile("自然人"), _received("natural_person")),
    _Claim("ZW314", "法人或其他组织的申请", re.compile("法人(?:或其他组织)?"), _organisations),
    _Claim(  # phrases governing figures no check compares: a figure they govern is no other claim's
        "",
        "",
        re.compile(rf"{_LAST_YEAR}结转|结转自?{_LAST_YEAR}|复议|诉讼|予以公开|部分公开|不予公开|无法提供"),
        lambda r: (),
    ),
)
_NO_FEE_NOTICE = re.compile(
    r"未(?:发出|出具|开具|发送)(?:任何)?(?:信息处理费)?收费通知|收费通知(?:书)?\s*[0０零]\s*件"
)
_FEE_NOTICES = re.compile(rf"(?:发出|出具|开具|发送)(?:信息处理费)?收费通知(?:书)?\s*{_FIGURE.pattern}")


class _Figure(NamedTuple):
    """A count of applications in the text (``3050 件``, ``十二件``): where it stands, and as written."""

    start: int
    end: int
    written: str

    @property
    def numerals(self) -> bool:
        """Whether it is written in Chinese numerals (digits are ASCII or full width, ``３０５０``)."""
        return not self.written.isdecimal()

    @property
    def value(self) -> int | None:
        """What it counts; ``None`` for characters that make no numeral. Asked only of figures that a
        phrase governs: a report's ``一件大事`` never loads cn2an."""
        return chinese_integer(self.written) if self.numerals else int(self.written)


def _figure(match: re.Match[str]) -> _Figure:
    return _Figure(match.start(), match.end(), match.group(match.lastindex or 0))


class _Phrase(NamedTuple):
    """Where a phrase that governs figures (``结转下年度``) stands, and the claim it makes of them."""

    start: int
    end: int
    claim: _Claim


def _bound(text: str, clause: re.Match[str]) -> Iterator[tuple[_Phrase, _Figure]]:
    """Each figure of a clause with the phrase that governs it: the last phrase before it with no other
    figure between (``办结 700 件``), or else the phrase right after it that governs no figure of its own
    (``另有 103 件顺延到下年度``)."""
    start, end = clause.span()
    phrases = [
        _Phrase(m.start(), m.end(), claim)
        for claim in _CLAIMS
        for m in claim.phrase.finditer(text, start, end)
    ]
    figures = [_figure(m) for m in _FIGURE.finditer(text, start, end)]
    items: list[_Phrase | _Figure] = sorted([*phrases, *figures], key=lambda item: item.start)
    governs: dict[_Figure, _Phrase] = {}
    recent: _Phrase | None = None
    for item in items:
        if isinstance(item, _Phrase):
            recent = item
        elif recent is not None:
            governs[item], recent = recent, None
    taken = set(governs.values())
    for item, after in pairwise(items):
        if (
            isinstance(item, _Figure)
            and item not in governs
            and isinstance(after, _Phrase)
            and after not in taken
        ):
            governs[item] = after
            taken.add(after)
    for figure in figures:
        if figure in governs:
            yield governs[figure], figure


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
_CLAUSE_END = re.compile(f"[{_BOUNDARIES}]")
_LONGEST_EXCERPT = 80


def _around(text: str, start: int, end: int, bounds: re.Pattern[str], left: int = 0) -> tuple[int, int]:
    """The span of the ``bounds``-delimited stretch of ``text`` holding ``text[start:end]``, from ``left``
    on, with the mark that ends it if that is a sentence's end."""
    left = max((m.end() for m in bounds.finditer(text, left, start)), default=left)
    stop = bounds.search(text, end)
    if stop is None:
        return left, len(text)
    return left, stop.end() if _SENTENCE_END.fullmatch(stop.group()) else stop.start()


def _in_word(text: str, i: int) -> bool:
    """Whether ``i`` falls inside a number or a Latin word (``30|50``)."""
    return 0 < i < len(text) and all(c.isascii() and c.isalnum() for c in text[i - 1 : i + 1])


def _excerpt(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``; if it is long, the clauses of it that hold the span; if
    they are long too, a window of them that cuts no number or Latin word."""
    left, right = _around(text, start, end, _SENTENCE_END)
    if right - left > _LONGEST_EXCERPT:
        left, right = _around(text, start, end, _CLAUSE_END, left)
    if right - left > _LONGEST_EXCERPT:
        left, right = max(left, start - 10), min(right, end + 10)
        while _in_word(text, left):
            left -= 1
        while _in_word(text, right):
            right += 1
    return text[left:right].strip()


def _claims(text: str) -> Iterator[tuple[_Phrase, _Figure]]:
    """Every figure of ``text`` that a phrase governs, with that phrase."""
    for clause in _CLAUSE.finditer(text):
        if text.find("件", *clause.span()) >= 0:  # most clauses count nothing
            yield from _bound(text, clause)


def restated_figures(report: Report) -> Iterator[Diagnostic]:
    """ZW311–ZW314: figures of table 三 the text restates differently."""
    requests = report.requests
    if requests is None:
        return
    for path, where, text in _paragraphs(report):
        for phrase, figure in _claims(text):
            claim = phrase.claim
            readings = claim.readings(requests)
            known = [(name, terms) for name, terms in readings if all(t.value is not None for t in terms)]
            if not known or (said := figure.value) is None:
                continue  # blank cells or nothing checked: nothing to compare; or no numeral
            if any(sum(t.value or 0 for t in terms) == said for _, terms in known):
                continue  # a reading agrees
            shown = "，".join(f"{name}为 {sum(t.value or 0 for t in terms)}" for name, terms in known)
            read = f"，由中文数字“{figure.written}”读出" if figure.numerals else ""
            quoted = _excerpt(text, phrase.start, figure.end)
            message = f"{where}中写“{quoted}”（{claim.what} {said} 件{read}），但表三{shown}"
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
        notices = 0 if _NO_FEE_NOTICE.search(text) else _figure(sent).value if sent else None
        if notices is not None and notices < overdue:
            message = f"{where}中写发出收费通知 {notices} 件，但表三“逾期未按收费通知要求缴纳费用”的申请有 {overdue} 件"
            term = Term("requests.other_handling.overdue_fee.total", "overdue_fee", overdue)
            yield finding(report, "ZW315", message, (term,), at=path)


RULES = (restated_figures, fee_notices)
