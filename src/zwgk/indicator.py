"""The standard indicators of one report: shares of table 三's outcomes, 纠错率 of table 四 — each defined
once, as data.

An indicator is a ratio of sums of cells, named by their paths (``requests.granted.total``). A path to a
group row (``requests.withheld.total``: （三）不予公开) stands for the sum of its sub-rows, the figure the
format prints no cell for. Shares of outcomes are over （七）总计, so the outcome shares of a report whose
table adds up sum to 1, and a reason's share (``withheld_state_secret_share``) is comparable between
reports whatever their other outcomes. Values are exact ``Fraction``s; an indicator is ``None`` when its
table is missing, a cell it needs is blank (never read as 0) or its denominator is 0.

(The module is ``indicator``, not ``indicators``, so that importing it never hides the function
``zwgk.indicators`` behind a module of the same name.)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

import attrs

from .catalogue import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Column, Row, walk_rows
from .model import Report, RequestRow, ReviewOutcomes, Template

_TABLES = {"requests": "表三", "review": "表四"}


@attrs.frozen
class Indicator:
    """One indicator: ``sum(numerator) / sum(denominator)``, each a tuple of cell paths."""

    name: str
    """snake_case, the key of ``indicators``' result and the summary's column."""
    label: str
    """Chinese, as a reader names it."""
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    note: str = ""
    """What the formula leaves to words: why these cells."""

    @property
    def formula(self) -> str:
        """The formula in the catalogue's labels: ``表三（总计列）：（“（一）予以公开” + “（二）部分公开”）÷ “（七）总计”``."""
        paths = (*self.numerator, *self.denominator)
        tables = {p.split(".", 1)[0] for p in paths}
        columns = {_column(p).name for p in paths}
        where = "、".join(_TABLES[t] for t in sorted(tables, key=list(_TABLES).index))
        if len(columns) == 1:
            where += f"（{columns.pop()}列）"
        return f"{where}：{_sum_text(self.numerator)} ÷ {_sum_text(self.denominator)}"

    def of(self, report: Report) -> Fraction | None:
        """The indicator of ``report``."""
        numerator, denominator = _sum(report, self.numerator), _sum(report, self.denominator)
        if numerator is None or not denominator:
            return None
        return Fraction(numerator, denominator)


def exact(value: Fraction | None) -> str | None:
    """An indicator's value as an exact fraction, ``"35/69"`` (``"0"`` when whole); ``None`` stays ``None``."""
    return None if value is None else str(value)


def percent(value: Fraction, places: int = 1, sign: bool = False) -> str:
    """An indicator's value as a percentage rounded for reading: ``50.7%`` (``+11.6%`` with ``sign``)."""
    shown = round(Decimal(value.numerator) / Decimal(value.denominator) * 100, places)
    return f"{'+' if sign and shown > 0 else ''}{shown}%"


def figure(report: Report, path: str) -> int | None:
    """The figure of the cell at ``path``; a group row's (``requests.withheld.total``) is the sum of its
    sub-rows'. ``None`` where the table is missing or a cell is blank."""
    table, *rows, column = path.split(".")
    found: Any = getattr(report, table)
    for part in rows:
        found = getattr(found, part, None) if found is not None else None
    if isinstance(found, RequestRow | ReviewOutcomes):
        value: int | None = getattr(found, column)
        return value
    if found is None:
        return None
    return _sum_of_values(getattr(row, column) for row in attrs.astuple(found, recurse=False))


def _sum_of_values(values: Iterator[int | None]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _sum(report: Report, paths: tuple[str, ...]) -> int | None:
    return _sum_of_values(figure(report, path) for path in paths)


# ---------------------------------------------------------------------------------------------------
# The formulas in words


@cache
def _request_rows() -> dict[str, tuple[Row, Row | None, frozenset[Template]]]:
    """Table 三's rows by path: the row, its group, and the formats in which it has sub-rows."""
    found: dict[str, tuple[Row, Row | None, frozenset[Template]]] = {}
    for template in Template:
        for path, row, parent in walk_rows(REQUEST_ROWS[template]):
            if path is not None:
                grouped = found.get(path, (row, parent, frozenset()))[2]
                found[path] = (row, parent, grouped | ({template} if row.children else set()))
    return found


def _numbered(row: Row) -> str:
    """The label with its number, without its note: ``（二）部分公开``."""
    return row.label[: row.label.index(row.name) + len(row.name)]


def _column(path: str) -> Column:
    table, *_, column = path.split(".")
    return next(c for c in (REQUEST_COLUMNS if table == "requests" else REVIEW_COLUMNS) if c.field == column)


def _term_text(path: str) -> str:
    """A cell as the formula names it: its row (``不予公开·属于国家秘密``), and its column in table 四."""
    table, *rows, _ = path.split(".")
    if table == "review":
        group = next(g for g in REVIEW_GROUPS if g.field == rows[0])
        return f"“{group.label}·{_column(path).name}”"
    row, parent, grouped = _request_rows()[".".join(rows)]
    if parent is not None and parent.field:
        text = f"{parent.name}·{row.name}"  # a reason within its group
    else:
        text = _numbered(row) if parent is not None else row.name
    if grouped:
        only = "".join(f"{t.value} 格式：" for t in grouped) if grouped != frozenset(Template) else ""
        text += f"（{only}各项之和）"
    return f"“{text}”"


def _sum_text(paths: tuple[str, ...]) -> str:
    terms = " + ".join(_term_text(p) for p in paths)
    return f"（{terms}）" if len(paths) > 1 else terms


# ---------------------------------------------------------------------------------------------------
# The indicators

_OUTCOMES = "requests.total.total"


def _outcome_share(row: str, label: str, note: str = "", name: str | None = None) -> Indicator:
    name = name or f"{row.replace('.', '_')}_share"
    return Indicator(name, label, (f"requests.{row}.total",), (_OUTCOMES,), note)


def _withheld_reasons() -> tuple[Indicator, ...]:
    withheld = _request_rows()["withheld"][0]
    return tuple(
        _outcome_share(f"withheld.{reason.field}", f"{withheld.name}（{reason.name}）占比")
        for reason in withheld.children
    )


def _reviewed(groups: tuple[str, ...], *columns: str) -> tuple[str, ...]:
    return tuple(f"review.{group}.{column}" for group in groups for column in columns)


_CONCLUDED = ("upheld", "corrected", "other")
"""The cases concluded: 结果维持, 结果纠正, 其他结果 (not 尚未审结)."""


_LITIGATION = ("direct_litigation", "post_reconsideration_litigation")

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "granted_share",
        "予以公开及部分公开占比",
        ("requests.granted.total", "requests.partially_granted.total"),
        (_OUTCOMES,),
        "申请办结后全部或部分公开的占比。",
    ),
    _outcome_share("withheld", "不予公开占比"),
    *_withheld_reasons(),
    _outcome_share("unavailable", "无法提供占比"),
    _outcome_share(
        "unavailable.not_held", "本机关不掌握相关政府信息占比", "答复“信息不存在”的占比。", "not_held_share"
    ),
    _outcome_share("not_processed", "不予处理占比"),
    _outcome_share("other_handling", "其他处理占比"),
    Indicator(
        "carried_forward_share",
        "结转下年度继续办理占比",
        ("requests.carried_forward.total",),
        ("requests.new_received.total", "requests.carried_over.total"),
        "本年应办理的申请（新收与上年结转）中未办结、结转下年度的占比。",
    ),
    Indicator(
        "reconsideration_correction_rate",
        "复议纠错率",
        _reviewed(("reconsideration",), "corrected"),
        _reviewed(("reconsideration",), *_CONCLUDED),
        "纠正的案件占已审结案件（结果维持、结果纠正、其他结果）的比例；尚未审结的不计。",
    ),
    Indicator(
        "litigation_correction_rate",
        "诉讼纠错率",
        _reviewed(_LITIGATION, "corrected"),
        _reviewed(_LITIGATION, *_CONCLUDED),
        "行政诉讼两组（未经复议直接起诉、复议后起诉）合计，占已审结案件的比例；尚未审结的不计。",
    ),
)
"""The standard indicators, in the order ``indicators`` gives them."""

OUTCOME_SHARES: tuple[str, ...] = (
    "granted_share",
    "withheld_share",
    "unavailable_share",
    "not_processed_share",
    "other_handling_share",
)
"""The indicators that part （七）总计 among the outcomes: where table 三 adds up, they sum to 1."""


def indicators(report: Report) -> dict[str, Fraction | None]:
    """Each of ``INDICATORS`` of ``report``, by name, in order: an exact ``Fraction``, or ``None`` where
    the table is missing, a cell it needs is blank or its denominator is 0."""
    return {indicator.name: indicator.of(report) for indicator in INDICATORS}
