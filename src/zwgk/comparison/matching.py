"""The cells of two formats laid side by side: each cell of the old format with the cell of the new one
that counts the same thing (``catalogue.same_cells``), and those only one format has, in order."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import cache
from typing import TypeVar

from ..catalogue import Place, places, same_cells
from ..model import Template

Pair = tuple[Place | None, Place | None]
Key = TypeVar("Key", bound=Hashable)


def _merged(
    olds: Sequence[Key], news: Sequence[Key], same: dict[Key, Key]
) -> list[tuple[Key | None, Key | None]]:
    """``olds`` in order, each with its counterpart in ``news`` (``same``), and each of ``news`` that has
    none just before the next one that has."""
    position = {key: i for i, key in enumerate(news)}
    paired = {same[key] for key in olds if key in same}
    out: list[tuple[Key | None, Key | None]] = []
    taken = 0
    for key in [*olds, None]:
        counterpart = same.get(key) if key is not None else None
        stop = len(news) if key is None else position[counterpart] if counterpart is not None else taken
        out += [(None, new) for new in news[taken:stop] if new not in paired]
        taken = max(taken, stop + (counterpart is not None))
        if key is not None:
            out.append((key, counterpart))
    return out


def _rows(cells: Sequence[Place]) -> dict[str, list[Place]]:
    rows: dict[str, list[Place]] = {}
    for place in cells:
        rows.setdefault(place.path, []).append(place)
    return rows


@cache
def matched(table: str, old: Template, new: Template) -> tuple[Pair, ...]:
    """The cells of ``table`` (``active``, ``requests``, ``review``) in formats ``old`` and ``new`` as
    ``(old place, new place)``, ``None`` for the format that lacks one: row by row in the old format's
    order, a row only the new format has placed before the next row both have (2019's （六）其他处理
    row comes before 2021's three sub-rows, and all before （七）总计), and so the cells within a row.
    A row is in both formats when a cell of it is, or when both name it alike (行政事业性收费, none of
    whose cells is in both)."""
    same = same_cells(old, new)
    olds = _rows([place for place in places(old) if place.table == table])
    news = _rows([place for place in places(new) if place.table == table])
    same_rows = {path: path for path in olds if path in news}  # a row of both (行政事业性收费)
    same_rows |= {p.path: same[p.key][1] for cells in olds.values() for p in cells if p.key in same}
    out: list[Pair] = []
    for old_row, new_row in _merged(list(olds), list(news), same_rows):
        old_cells = {p.key: p for p in olds.get(old_row or "", [])}
        new_cells = {p.key: p for p in news.get(new_row or "", [])}
        for old_key, new_key in _merged(list(old_cells), list(new_cells), same):
            out.append(
                (old_cells.get(old_key) if old_key else None, new_cells.get(new_key) if new_key else None)
            )
    return tuple(out)
