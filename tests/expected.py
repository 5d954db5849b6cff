"""Cells of real reports as a person read them (``*.expected.json`` beside a fixture), against zwgk's.

An expectation file gives the report's format and, per table, each row's cells as one string in the
table's column order: ``"64 0 0 2 0 4 70"``; ``?`` for a cell the source does not make legible.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from zwgk import Report, Template
from zwgk.catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REVIEW_COLUMNS, Column

ILLEGIBLE = "?"


class Verdict(enum.Enum):
    RIGHT = "right"
    WRONG = "wrong"
    MISSED = "missed"
    """Left blank where the source is legible."""
    BLANK = "blank"
    """Left blank where the source is not legible: right, too."""
    GUESSED = "guessed"
    """A value where the source is not legible."""


@attrs.frozen
class Expectation:
    template: Template
    cells: dict[str, int | Decimal | None]
    """Cell path → its value as read; ``None`` where the source is not legible."""


def _value(text: str) -> int | Decimal | None:
    if text == ILLEGIBLE:
        return None
    return Decimal(text) if "." in text else int(text)


def _row(prefix: str, text: str, columns: tuple[Column, ...]) -> dict[str, int | Decimal | None]:
    values = text.split()
    assert len(values) == len(columns), f"{prefix}: {len(values)} figures for {len(columns)} columns"
    return {f"{prefix}.{c.field}": _value(v) for c, v in zip(columns, values, strict=True)}


def source_of(expected: Path) -> Path:
    """The document an expectation file was read off: the file beside it with the same stem."""
    stem = expected.name.removesuffix(".expected.json")
    found = [p for p in expected.parent.glob(f"{stem}.*") if not p.name.endswith(".json")]
    if len(found) != 1:
        raise ValueError(f"{expected}: expected one source file named {stem}.*, found {len(found)}")
    return found[0]


def load(path: Path) -> Expectation:
    data = json.loads(path.read_text(encoding="utf-8"))
    template = Template(data["template"])
    cells: dict[str, int | Decimal | None] = {}
    blocks = {row.field: block.columns for block in ACTIVE_BLOCKS[template] for row in block.rows}
    for row, text in data.get("active", {}).items():
        cells |= _row(f"active.{row}", text, blocks[row])
    for row, text in data.get("requests", {}).items():
        cells |= _row(f"requests.{row}", text, REQUEST_COLUMNS)
    for group, text in data.get("review", {}).items():
        cells |= _row(f"review.{group}", text, REVIEW_COLUMNS)
    return Expectation(template, cells)


def cell(report: Report, path: str) -> Any:
    value: Any = report
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def verdict(expected: int | Decimal | None, got: Any) -> Verdict:
    """The verdict on one cell: what a person read (``None``: not legible) against what zwgk read."""
    if expected is None:
        return Verdict.BLANK if got is None else Verdict.GUESSED
    if got is None:
        return Verdict.MISSED
    return Verdict.RIGHT if got == expected else Verdict.WRONG


def verdicts(report: Report, expectation: Expectation) -> dict[str, Verdict]:
    """Each expected cell's verdict on what zwgk read."""
    return {path: verdict(expected, cell(report, path)) for path, expected in expectation.cells.items()}


def tally(found: dict[str, Verdict]) -> Counter[Verdict]:
    return Counter(found.values())
