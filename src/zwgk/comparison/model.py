"""What a comparison of two reports holds, typed and frozen."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction

import attrs

from ..catalogue import Place
from ..check.series import Carried
from ..model import Diagnostic, Report, Template

Value = int | Decimal
"""A figure: a count, or an amount of money."""


class Presence(enum.Enum):
    """Which of the two formats has a cell."""

    BOTH = "both"
    OLD_ONLY = "old_only"
    """Only the old report's format has it (其他处理 as one row, compared with a 2021 report)."""
    NEW_ONLY = "new_only"


@attrs.frozen
class Compared:
    """One of the two reports: who, when, in which format, read from where."""

    organ: str | None
    year: int | None
    template: Template
    title: str | None
    source: str | None

    @classmethod
    def of(cls, report: Report) -> Compared:
        return cls(report.organ, report.year, report.template, report.title, report.source)


def _shown(value: Value | None) -> str:
    return "·" if value is None else str(value)


@attrs.frozen(repr=False)
class CellChange:
    """One cell of table 二, 三 or 四 in both reports: where it stands in each report's format (``None``:
    that format has no such cell) and its figure in each (``None``: blank, or no such cell)."""

    old_place: Place | None
    new_place: Place | None
    old: Value | None
    new: Value | None

    @property
    def place(self) -> Place:
        """Where the cell stands: in the new report's format, else the old one's."""
        place = self.new_place or self.old_place
        assert place is not None  # a cell stands in at least one format
        return place

    @property
    def table(self) -> str:
        return self.place.table

    @property
    def presence(self) -> Presence:
        if self.old_place is None:
            return Presence.NEW_ONLY
        return Presence.OLD_ONLY if self.new_place is None else Presence.BOTH

    @property
    def change(self) -> Value | None:
        """New minus old; ``None`` when either is blank (a blank is no 0)."""
        if self.old is None or self.new is None:
            return None
        return self.new - self.old

    @property
    def relative(self) -> Fraction | None:
        """The change as an exact fraction of the old figure; ``None`` when either is blank or the old
        figure is 0 (0 → 5 is no percentage)."""
        change = self.change
        if change is None or not self.old:
            return None
        return Fraction(change) / Fraction(self.old)

    @property
    def changed(self) -> bool:
        """Whether the cell differs: its figures, or which formats have it."""
        return self.presence is not Presence.BOTH or self.old != self.new

    def __repr__(self) -> str:
        """One short line: ``CellChange(requests 本年新收.自然人: 20 → 64)``; a cell one format lacks shows
        as ``(none)`` on that side, a blank as ``·``."""
        old = _shown(self.old) if self.old_place else "(none)"
        new = _shown(self.new) if self.new_place else "(none)"
        return f"CellChange({self.table} {self.place.name}: {old} → {new})"


@attrs.frozen
class IndicatorChange:
    """One indicator of each report (``zwgk.indicators``) and its change."""

    name: str
    label: str
    formula: str
    old: Fraction | None
    new: Fraction | None

    @property
    def change(self) -> Fraction | None:
        """New minus old (a share's change is in points of the share); ``None`` when either is ``None``."""
        return None if self.old is None or self.new is None else self.new - self.old


def _named(report: Compared) -> str:
    return f"{report.organ or '?'} {report.year or '?'} ({report.template.value})"


@attrs.frozen(repr=False)
class Comparison:
    """Two reports side by side (``zwgk.compare``): every cell of tables 二, 三 and 四, the 结转 rule
    between them, the diagnostics one has and the other not, the indicators, and notes on what makes
    them less comparable (another organ, years not consecutive, a table missing, the format change)."""

    old: Compared
    new: Compared
    cells: tuple[CellChange, ...]
    carry_over: tuple[Carried, ...] | None
    """Per column of table 三, old's 结转下年度继续办理 against new's 上年结转; ``None`` unless the new
    report is of the year after the old one's and both have table 三."""
    appeared: tuple[Diagnostic, ...]
    """What ``zwgk.check`` finds in the new report and not in the old (by code and message)."""
    disappeared: tuple[Diagnostic, ...]
    """What it finds in the old report and not in the new."""
    indicators: tuple[IndicatorChange, ...]
    same_organ: bool
    """Whether both name the same organ (``zwgk.organ_key``); ``False`` when either names none."""
    consecutive: bool
    """Whether the new report's year is the one after the old one's."""
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> tuple[CellChange, ...]:
        """The cells that differ."""
        return tuple(cell for cell in self.cells if cell.changed)

    def table(self, table: str) -> tuple[CellChange, ...]:
        """The cells of one table: ``active``, ``requests`` or ``review``."""
        return tuple(cell for cell in self.cells if cell.table == table)

    def __repr__(self) -> str:
        """A line whatever the reports' size: who and when on each side, how many cells changed."""
        return (
            f"Comparison({_named(self.old)} → {_named(self.new)}, cells={len(self.cells)},"
            f" changed={len(self.changed)}, appeared={len(self.appeared)},"
            f" disappeared={len(self.disappeared)}, notes={len(self.notes)})"
        )
