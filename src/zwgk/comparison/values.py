"""How a comparison's figures print: the same in the text, the CSV and the page."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .. import indicator as shares
from ..catalogue import SECTIONS
from ..model import Diagnostic, Severity
from .model import Compared, Presence, Value

BLANK = "·"
"""What a blank cell prints as (as ``Report._repr_html_`` prints it)."""
TABLE_HEADINGS = {
    section.field: f"{section.table} {section.title}" for section in SECTIONS if section.tabular
}
PRESENCE_NOTES = {
    Presence.OLD_ONLY: "仅见于旧报告的格式",
    Presence.NEW_ONLY: "仅见于新报告的格式",
}


def figure(value: Value | None) -> str:
    return BLANK if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)


def signed(value: Value | None) -> str:
    if value is None:
        return BLANK
    return ("+" if value > 0 else "") + figure(value)


def percent(value: Fraction | None, sign: bool = False) -> str:
    """A fraction as a percentage rounded for reading (``indicator.percent``); ``None`` as the blank mark."""
    return BLANK if value is None else shares.percent(value, sign=sign)


def who(report: Compared) -> str:
    """``平潭综合实验区 2021 年（2021 年格式）``."""
    year = f"{report.year} 年" if report.year is not None else "（未知年度）"
    return f"{report.organ or '（未知机关）'} {year}（{report.template.value} 年格式）"


def points(change: Fraction | None) -> str:
    """A share's change in percentage points: ``+11.6 个百分点``, ``不变``."""
    if change is None:
        return BLANK
    return "不变" if change == 0 else f"{percent(change, sign=True).removesuffix('%')} 个百分点"


def shown_diagnostics(found: tuple[Diagnostic, ...], everything: bool) -> tuple[list[Diagnostic], int]:
    """The diagnostics a reader is shown — warnings and errors, or ``everything`` — and how many
    informational ones are left out."""
    if everything:
        return list(found), 0
    shown = [d for d in found if d.severity is not Severity.INFO]
    return shown, len(found) - len(shown)
