"""A page's tables from its rulings: the grid of ruled lines, the cells it closes, the tables they make.

Rulings a few points apart (the two edges of a thin filled bar, a line drawn twice) are snapped to one
position, and pieces of one line with small gaps are joined. Wherever a vertical and a horizontal line
cross (or nearly) is a corner; a cell runs from a corner to the nearest corners right of it and below
it that the lines join it to, and closes at the corner they share — so a merged cell, whose inner
lines are missing, is one large cell. Cells that share a corner are one table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import InputTooLargeError
from .pdf_page import Ruling

TOLERANCE = 3.0
"""Points within which rulings snap together, pieces of a line join, and lines cross."""
MAX_CROSSINGS = 250_000
"""The most places a page's horizontal and vertical lines may cross (one count times the other): a
report's page has some hundreds, a page drawn to make the grid search slow millions."""
_SHORTEST = 1.0
"""A ruling shorter than this (the ends of a thin bar) is no line."""

Box = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)``."""
_Point = tuple[float, float]
_Corners = dict[_Point, tuple[set[int], set[int]]]
"""Each corner with the vertical and the horizontal lines (their numbers) through it."""


class Row(NamedTuple):
    top: float
    box: Box
    """The bounds of the cells that start in the row."""
    cells: list[Box | None]
    """One place per column of the table: the cell that starts there, ``None`` where none does."""


class Table(NamedTuple):
    box: Box
    rows: list[Row]


def _snapped(rulings: Iterable[Ruling]) -> list[Ruling]:
    """Rulings whose positions chain within ``TOLERANCE`` moved to their mean position."""
    groups: list[list[Ruling]] = []
    for ruling in sorted(rulings):
        if groups and ruling.at <= groups[-1][-1].at + TOLERANCE:
            groups[-1].append(ruling)
        else:
            groups.append([ruling])
    snapped: list[Ruling] = []
    for group in groups:
        at = sum(r.at for r in group) / len(group)
        snapped.extend(Ruling(at, r.start, r.end) for r in group)
    return snapped


def _joined(rulings: Sequence[Ruling]) -> list[Ruling]:
    """Pieces of one line that overlap or have gaps up to ``TOLERANCE`` as one."""
    lines: list[Ruling] = []
    for ruling in sorted(rulings):
        last = lines[-1] if lines else None
        if last is not None and last.at == ruling.at and ruling.start <= last.end + TOLERANCE:
            lines[-1] = last._replace(end=max(last.end, ruling.end))
        else:
            lines.append(ruling)
    return [line for line in lines if line.end - line.start >= TOLERANCE]


def _lines(rulings: Iterable[Ruling]) -> list[Ruling]:
    return _joined(_snapped(r for r in rulings if r.end - r.start >= _SHORTEST))


def _corners(horizontal: Sequence[Ruling], vertical: Sequence[Ruling]) -> _Corners:
    """Where lines cross, or come within ``TOLERANCE`` of crossing."""
    corners: _Corners = {}
    for v, down in enumerate(vertical):
        for h, across in enumerate(horizontal):
            if (
                down.start - TOLERANCE <= across.at <= down.end + TOLERANCE
                and across.start - TOLERANCE <= down.at <= across.end + TOLERANCE
            ):
                verticals, horizontals = corners.setdefault((down.at, across.at), (set(), set()))
                verticals.add(v)
                horizontals.add(h)
    return corners


def _cells(corners: _Corners) -> list[Box]:
    """From each corner, the smallest cell the lines close: the nearest corner below it on a common
    vertical line and the nearest right of it on a common horizontal one that a fourth corner, joined
    to both, closes."""
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for x, y in sorted(corners):
        by_x[x].append(y)
        by_y[y].append(x)

    def down(p: _Point, q: _Point) -> bool:
        return bool(corners[p][0] & corners[q][0])

    def across(p: _Point, q: _Point) -> bool:
        return bool(corners[p][1] & corners[q][1])

    cells = []
    for x, y in sorted(corners):
        found = next(
            (
                (x, y, right, bottom)
                for bottom in by_x[x]
                if bottom > y and down((x, y), (x, bottom))
                for right in by_y[y]
                if right > x
                and across((x, y), (right, y))
                and (right, bottom) in corners
                and down((right, y), (right, bottom))
                and across((x, bottom), (right, bottom))
            ),
            None,
        )
        if found:
            cells.append(found)
    return cells


def _bounds(boxes: Iterable[Box]) -> Box:
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def _groups(cells: Sequence[Box]) -> list[list[Box]]:
    """Cells joined by shared corners, each group a table."""
    owner: dict[_Point, int] = {}
    parent = list(range(len(cells)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for k, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(k)] = root(owner[corner])
            else:
                owner[corner] = k
    groups: dict[int, list[Box]] = defaultdict(list)
    for k, cell in enumerate(cells):
        groups[root(k)].append(cell)
    return list(groups.values())


def _table(cells: list[Box]) -> Table:
    columns = sorted({cell[0] for cell in cells})
    starts: dict[float, dict[float, Box]] = defaultdict(dict)
    for cell in cells:
        starts[cell[1]][cell[0]] = cell
    rows = [
        Row(top, _bounds(row.values()), [row.get(x) for x in columns]) for top, row in sorted(starts.items())
    ]
    return Table(_bounds(cells), rows)


def tables(horizontal: Iterable[Ruling], vertical: Iterable[Ruling]) -> list[Table]:
    """The tables the rulings draw, top to bottom (then left to right); a lone cell is no table. A page
    whose lines could cross more than ``MAX_CROSSINGS`` times is refused."""
    across, down = _lines(horizontal), _lines(vertical)
    if len(across) * len(down) > MAX_CROSSINGS:
        raise InputTooLargeError(
            f"PDF 页面有 {len(across):,} 条横线、{len(down):,} 条竖线，交叉处超过上限 {MAX_CROSSINGS:,}"
            "（too many ruling lines）"
        )
    cells = _cells(_corners(across, down))
    found = [_table(group) for group in _groups(cells) if len(group) > 1]
    return sorted(found, key=lambda t: min((row.top, row.box[0]) for row in t.rows))
