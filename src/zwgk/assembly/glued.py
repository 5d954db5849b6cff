"""Figures printed without separators (``640020470`` for 64 0 0 2 0 4 70), split into cells.

Crawlers and converters that flatten a table drop the boundaries between its cells. What must hold
restores them: a figure has no leading zero, and in tables 三 and 四 each group of cells adds up to
its last (总计). A run is split only where exactly one way satisfies that; several ways or none leave
the cells blank, with the candidates in a warning. Spaces that survived are boundaries. The search is
counted in steps, for each row and for the whole parse (``SplitSearch``): a row it cannot finish is blank
too, and its warning says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from ..catalogue import MAX_FIGURE_DIGITS
from ..codes import Findings
from ..lexing.cells import NUMBER, Cell, cell
from ..lexing.record import Record

_ROW_STEPS = 50_000
"""Steps of the search before a run is declared too long to split."""
PARSE_STEPS = 1_000_000
"""Steps the searches of one parse take together, at most: past them, the glued rows left are not
searched (about a second of work, twenty rows too long to split; no report in the tests takes a
thousand)."""
_SHOWN = 6
_LIMIT = 8
"""Splits found before a row is known to split several ways."""


class Totals(Record):
    """How a row's cells add up: consecutive groups of ``sizes`` cells, the last of each group the sum
    of the others (``summed``), or no rule at all (table 二)."""

    __slots__ = ("sizes", "summed")
    sizes: Final[tuple[int, ...]]
    summed: Final[bool]

    def __init__(self, sizes: tuple[int, ...], summed: bool = True) -> None:
        self.sizes = sizes
        self.summed = summed

    def _values(self) -> tuple[tuple[int, ...], bool]:
        return (self.sizes, self.summed)

    @property
    def width(self) -> int:
        return sum(self.sizes)

    def holds(self, figures: Sequence[Decimal | None]) -> bool | None:
        """Whether ``figures`` add up: ``False`` if a group does not, ``None`` if one cannot be told
        (a blank cell, or no rule)."""
        if not self.summed:
            return None
        verdicts: list[bool | None] = []
        start = 0
        for size in self.sizes:
            group = [f for f in figures[start : start + size] if f is not None]
            start += size
            if len(group) < size:
                verdicts.append(None)
            else:
                *parts, total = group
                verdicts.append(sum(parts, Decimal(0)) == total)
        if False in verdicts:
            return False
        return True if all(verdicts) else None


ROW = Totals((7,))
"""A row of table 三: 自然人 and the five 法人或其他组织 columns add up to 总计."""


Splits = tuple[tuple[int, ...], ...]
"""Ways to split a row: the figures of each."""


class _Enough(Exception):
    """Enough splits are found to know the row splits several ways."""


class _OutOfSteps(Exception):
    """The steps the search may take are taken."""


def _has_leading_zero(found: Sequence[str]) -> bool:
    """Whether a run starts with a zero, which no printed figure does: the sure sign of gluing."""
    return any(len(run) > 1 and run[0] == "0" for run in found)


class SplitSearch:
    """The digit-split search of one parse, within ``steps`` steps in all (``PARSE_STEPS``), so that many
    rows each searched to its own limit cannot add up to a parse without end. Each glued run is searched
    once: a row read again (to test it, then to place it), or printed again, is answered from memory."""

    def __init__(self, steps: int = PARSE_STEPS) -> None:
        self.left = steps
        """Steps not yet taken."""
        self._known: dict[tuple[tuple[str, ...], Totals], tuple[Splits | None, bool]] = {}

    def splits(self, found: Sequence[str], totals: Totals) -> tuple[Splits | None, bool]:
        """The ways (at most ``_LIMIT + 1``) to cut ``found`` into ``totals.width`` figures that satisfy
        ``totals`` (``None`` when they are not known), and whether the search was cut short by the parse's
        steps running out (else ``None`` means there are too many to search)."""
        key = (tuple(found), totals)
        if key not in self._known:
            allowed = min(_ROW_STEPS, self.left)
            options, taken = _search(key[0], totals, allowed) if allowed else (None, 0)
            self.left -= taken
            self._known[key] = options, options is None and allowed < _ROW_STEPS
        return self._known[key]


def _search(found: Sequence[str], totals: Totals, steps: int) -> tuple[Splits | None, int]:
    """``SplitSearch.splits`` searched afresh in at most ``steps`` steps (``None`` if they run out), and the
    steps it took."""
    digits_after = [sum(map(len, found[r + 1 :])) for r in range(len(found))]
    out: list[tuple[int, ...]] = []
    values: list[int] = []
    taken = 0

    def cut(r: int, p: int, group: int, k: int, partial: int) -> None:
        nonlocal taken
        if taken == steps:
            raise _OutOfSteps
        taken += 1
        if group == len(totals.sizes):
            if r == len(found):
                out.append(tuple(values))
                if len(out) > _LIMIT:
                    raise _Enough
            return
        if r == len(found):
            return
        run = found[r]
        cells_left = sum(totals.sizes[group:]) - k
        digits_left = len(run) - p + digits_after[r]
        if not cells_left <= digits_left <= cells_left * MAX_FIGURE_DIGITS:
            return
        size = totals.sizes[group]
        if totals.summed and k == size - 1:
            total = str(partial)
            lengths: Sequence[int] = (len(total),) if run.startswith(total, p) else ()
        else:
            lengths = (1,) if run[p] == "0" else range(1, min(len(run) - p, MAX_FIGURE_DIGITS) + 1)
        for n in lengths:
            value = int(run[p : p + n])
            values.append(value)
            r2, p2 = (r + 1, 0) if p + n == len(run) else (r, p + n)
            if k + 1 == size:
                cut(r2, p2, group + 1, 0, 0)
            else:
                cut(r2, p2, group, k + 1, partial + value)
            values.pop()

    try:
        cut(0, 0, 0, 0, 0)
    except _Enough:
        pass
    except _OutOfSteps:
        return None, taken
    return tuple(out), taken


def _show(values: Sequence[int]) -> str:
    return " ".join(map(str, values))


class Glued(Record):
    """A row's glued runs and the ways they split (``None``: too many to search, or, if ``cut_short``,
    the parse's search ran out of steps before it could tell)."""

    __slots__ = ("cut_short", "line", "options", "runs")
    runs: Final[tuple[str, ...]]
    options: Final[Splits | None]
    line: Final[int]
    cut_short: Final[bool]

    def __init__(
        self, runs: tuple[str, ...], options: Splits | None, line: int, cut_short: bool = False
    ) -> None:
        self.runs = runs
        self.options = options
        self.line = line
        self.cut_short = cut_short

    def _values(self) -> tuple[tuple[str, ...], Splits | None, int, bool]:
        return (self.runs, self.options, self.line, self.cut_short)

    def settled(self, options: Splits) -> Glued:
        """The same runs, known to split only as ``options`` (what else the report says has decided)."""
        return Glued(self.runs, options, self.line, self.cut_short)

    @property
    def text(self) -> str:
        return " ".join(self.runs)


def read(cells: Sequence[Cell], totals: Totals, search: SplitSearch, *, glued: bool = False) -> Glued | None:
    """The glued runs of a row, and their splits as the parse's ``search`` finds them; ``None`` if the
    row is not glued.

    A row is glued when it has fewer cells than columns, each a run of plain digits, with digits
    enough for every column — and, where ``totals`` has no rule, a run starts with 0 or the text is
    known to run figures together (``glued``, or a cell printed against its label). In such text a short row of other figures (signed,
    decimal) cannot be split at all."""
    if not cells or len(cells) >= totals.width:
        return None
    found = tuple(c.key.strip() for c in cells)
    glued = glued or any(c.reading.glued for c in cells)
    plain = all(run.isascii() and run.isdigit() for run in found)
    if (
        plain
        and sum(map(len, found)) >= totals.width
        and (totals.summed or glued or _has_leading_zero(found))
    ):
        options, cut_short = search.splits(found, totals)
        return Glued(found, options, cells[0].line, cut_short)
    if glued and all(c.kind is NUMBER for c in cells):
        return Glued(found, (), cells[0].line)
    return None


def _as_cells(values: Sequence[int], line: int) -> list[Cell | None]:
    """Cells for split figures, found on ``line``."""
    return [cell(str(v), str(v), line) for v in values]


def place(found: Glued, totals: Totals, findings: Findings, where: str, how: str = "") -> list[Cell | None]:
    """The cells of a glued row: its one split (said in an info), or blanks with a warning saying why
    there is no one split. ``how`` names what decided, when it was more than the row's own rule."""
    options = found.options
    if options is not None and len(options) == 1:
        how = how or ("按合计关系" if totals.summed else "按数字不以 0 开头")
        findings.add("ZW228", f"{where}：数字连写“{found.text}”，{how}拆分为 {_show(options[0])}", found.line)
        return _as_cells(options[0], found.line)
    if options is None and found.cut_short:
        why = "的拆分未搜索完（本次解析的拆分搜索已达步数上限）"
    elif options is None:
        why = "可能的拆分过多"
    elif not options:
        why = "没有符合合计关系的拆分" if totals.summed else "无法拆分"
    elif not totals.summed:
        why = "有多种拆分，本表没有可据以判断的合计关系"
    else:
        listed = "；".join(_show(o) for o in options[:_SHOWN]) + ("；…" if len(options) > _SHOWN else "")
        why = f"有多种符合合计关系的拆分（{listed}）"
    findings.add("ZW229", f"{where}：数字连写“{found.text}”{why}，均按空白处理", found.line)
    return [None] * totals.width
