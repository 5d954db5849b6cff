"""The Chinese names of wide columns, made from the catalogue's labels: ``表三.本年新收.自然人``.

A cell is named by its table (表二, 表三, 表四), its row as a reader names it (with its group where it has
one: ``不予公开.属于国家秘密``) and its column. A cell both formats have is named by the first format
that has it, as the English header names it once.
"""

from __future__ import annotations

from functools import cache

from ..catalogue import REPORT_LABELS, SECTIONS, UNIT_LABEL, places
from ..model.common import Template

LABELS = ("en", "zh")
"""How wide columns are named: ``en``, by the model's fields (``requests.new_received.natural_person``);
``zh``, by the catalogue's labels (``表三.本年新收.自然人``)."""

TABLE_NAMES = {section.field: section.table for section in SECTIONS if section.tabular}
"""``active`` → 表二, ``requests`` → 表三, ``review`` → 表四."""


def check_labels(labels: str) -> None:
    """Refuse a ``labels`` that is not one of ``LABELS``."""
    if labels not in LABELS:
        raise ValueError(f"labels must be one of {', '.join(LABELS)}, not {labels!r}")


@cache
def cell_names() -> dict[tuple[str, str, str], str]:
    """``(table, row path, column field)`` → the cell's Chinese name within its table: ``本年新收.自然人``."""
    names: dict[tuple[str, str, str], str] = {}
    for template in Template:
        for place in places(template):
            names.setdefault(place.key, place.name)
    return names


@cache
def _whole_names() -> dict[str, str]:
    """The wide CSV's columns that are no cell, by their English names."""
    return {
        **REPORT_LABELS,
        **{section.field: section.title for section in SECTIONS if not section.tabular},
        "active.format": f"{TABLE_NAMES['active']}.{REPORT_LABELS['template']}",
        "active.procurement.amount_unit": (
            f"{TABLE_NAMES['active']}.{cell_names()[('active', 'procurement', 'amount')]}{UNIT_LABEL}"
        ),
    }


def zh_name(column: str) -> str:
    """The Chinese name of a wide CSV column named ``table.row.column`` (or ``organ``, ``overview`` …)."""
    whole = _whole_names().get(column)
    if whole is not None:
        return whole
    table, *row, field = column.split(".")
    return f"{TABLE_NAMES[table]}.{cell_names()[(table, '.'.join(row), field)]}"
