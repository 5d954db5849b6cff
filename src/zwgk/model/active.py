"""Table 二: 主动公开政府信息情况 — the 《条例》第二十条 items, in each format's own columns."""

from __future__ import annotations

from decimal import Decimal

import attrs

from .common import constraints


@attrs.frozen
class ExtraCell:
    """A cell a report prints beyond its format: an extra row (其他主动公开文件) or an extra column.

    ``item`` is the 第二十条 item the cell stood under (``"一"``, ``"五"`` …), ``row`` and ``column`` its
    labels as written.
    """

    item: str = attrs.field(metadata=constraints(pattern="^[一二三四五六七八九十]{0,3}$"))
    row: str
    column: str
    value: Decimal | None = None


@attrs.frozen
class Documents2021:
    """规章 / 行政规范性文件 in the 2021 format."""

    issued: int | None = None
    repealed: int | None = None
    in_force: int | None = None


@attrs.frozen
class Decisions:
    """行政许可 / 行政处罚 / 行政强制 in the 2021 format: 本年处理决定数量."""

    decisions: int | None = None


@attrs.frozen
class FeeAmount:
    """行政事业性收费 in the 2021 format: 本年收费金额, in 万元."""

    amount: Decimal | None = None


@attrs.frozen
class Active2021:
    """Table 二 in the 2021 format."""

    regulations: Documents2021 = Documents2021()
    normative_documents: Documents2021 = Documents2021()
    licensing: Decisions = Decisions()
    punishment: Decisions = Decisions()
    coercion: Decisions = Decisions()
    fees: FeeAmount = FeeAmount()
    extras: tuple[ExtraCell, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen
class Documents2019:
    """规章 / 规范性文件 in the 2019 format."""

    made: int | None = None
    published: int | None = None
    total_published: int | None = None


@attrs.frozen
class Items2019:
    """行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 in the 2019 format. ``change`` keeps its sign."""

    previous: int | None = None
    change: int | None = None
    decisions: int | None = None


@attrs.frozen
class FeeItems2019:
    """行政事业性收费 in the 2019 format: counts of fee items, no amount."""

    previous: int | None = None
    change: int | None = None


@attrs.frozen
class Procurement2019:
    """政府集中采购 (2019 format only). The format prints no unit; ``amount_unit`` is the one the report gave."""

    projects: int | None = None
    amount: Decimal | None = None
    amount_unit: str | None = attrs.field(default=None, metadata=constraints(enum=["元", "万元"]))


@attrs.frozen
class Active2019:
    """Table 二 in the 2019 format."""

    regulations: Documents2019 = Documents2019()
    normative_documents: Documents2019 = Documents2019()
    licensing: Items2019 = Items2019()
    other_services: Items2019 = Items2019()
    punishment: Items2019 = Items2019()
    coercion: Items2019 = Items2019()
    fees: FeeItems2019 = FeeItems2019()
    procurement: Procurement2019 = Procurement2019()
    extras: tuple[ExtraCell, ...] = ()
    notes: tuple[str, ...] = ()


Active = Active2019 | Active2021
