"""Table 三 from its rows: each row placed by its label, or by its position where the label was lost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from itertools import pairwise, product
from math import prod
from typing import Final

import attrs

from ..catalogue import REQUEST_COLUMNS, REQUEST_ROWS, Leaf, request_leaves, walk_rows
from ..codes import Findings
from ..lexing.cells import BLANK, LABEL, TEXT, Cell
from ..lexing.record import Record
from ..model.common import Template, Unplaced
from ..model.requests import NotProcessed, OtherHandling, RequestRow, Requests, Unavailable, Withheld
from ..structure import Cut, DataRow, HeaderRow, Row, ValueRow, all_cells
from . import glued
from .cells import counts, dropped, fit, headers_pad, pads, record_lines, split_run
from .glued import ROW, SplitSearch
from .labels import note_headers, note_label

_OTHER: Final = "other_handling"
_ENDPOINTS: Final = ("new_received", "carried_over", "total", "carried_forward")
_MAX_COMBINATIONS: Final = 4096
_FIELDS: Final = tuple(column.field for column in REQUEST_COLUMNS)
_NO_ROW: Final = RequestRow()
"""A row the table lacks: all blank (frozen, so one serves every such row)."""


@lru_cache(maxsize=1024)
def _request_row(values: tuple[int | None, ...]) -> RequestRow:
    """The row of ``values``: frozen, so rows of the same figures (rows of 0s above all) are one instance,
    made once."""
    return RequestRow(*values)


def _label(row: DataRow) -> Cell | None:
    """The row's own label: the last table-三 label (a group label may come first)."""
    for cell in reversed(row.labels):
        if cell.kind is LABEL and cell.reading.labels[0].table == 3:
            return cell
    return None


def _name(cell: Cell) -> str:
    return next(label.name for label in cell.reading.labels if label.table == 3)


def _where(leaf: Leaf) -> str:
    return f"表三“{leaf.row.label}”行"


def _kept(cells: Sequence[Cell], line: int) -> Unplaced:
    """Cells that fit nowhere in table 三, kept as unplaced content."""
    return Unplaced(" ".join(c.text.strip() for c in cells if c.text.strip()), "requests", line)


def _has_figures(cells: Sequence[Cell]) -> bool:
    return any(c.kind is not BLANK for c in cells)


def rows_of(rows: Sequence[Row]) -> list[Row]:
    """The table's rows, with a labelled row whose figures run on over the next rows' lines (those rows
    lost their labels) cut into it and those rows (see ``cells.split_run``)."""
    out: list[Row] = []
    for row in rows:
        if not isinstance(row, DataRow | ValueRow) or not row.breaks:
            out.append(row)
            continue
        first, *rest = split_run(row.cells, row.breaks, len(REQUEST_COLUMNS))
        if not rest:
            out.append(row)
            continue
        out.append(DataRow(row.labels, first) if isinstance(row, DataRow) else ValueRow(first))
        out += [ValueRow(cells, (), row.cut if k == len(rest) - 1 else None) for k, cells in enumerate(rest)]
    return out


def detect_template(rows: Sequence[Row]) -> Template | None:
    """The format table 三 follows, from （六）其他处理: three sub-rows (2021), labelled or not, or one
    row (2019). ``None`` when the table does not show it. ``rows`` as ``rows_of`` gives them."""
    labelled = [
        (i, _name(label)) for i, row in enumerate(rows) if isinstance(row, DataRow) and (label := _label(row))
    ]
    if any(name.startswith(f"{_OTHER}.") for _, name in labelled):
        return Template.V2021
    for i, name in labelled:
        if name == _OTHER:
            unlabelled = 0
            for later in rows[i + 1 :]:
                if isinstance(later, ValueRow):
                    unlabelled += 1
                elif isinstance(later, DataRow) and _label(later) is not None:
                    break
            return Template.V2021 if unlabelled else Template.V2019
    return None


@cache
def _result_paths(template: Template) -> tuple[str, ...]:
    """The paths of table 三's leaves that ``total`` sums: every leaf but the four ends of the count."""
    return tuple(leaf.path for leaf in request_leaves(template) if leaf.path not in _ENDPOINTS)


@cache
def _slots(template: Template) -> tuple[dict[str, int], dict[str, int]]:
    """Leaf path → its index among the leaves; group row name → index of its first leaf (``results``
    for 三、本年度办理结果)."""
    slot = {leaf.path: i for i, leaf in enumerate(request_leaves(template))}
    starts: dict[str, int] = {}
    for path, row, _ in walk_rows(REQUEST_ROWS[template]):
        if row.children:
            first = next(
                p for p, r, _ in walk_rows(row.children, f"{path}." if path else "") if not r.children
            )
            starts[path or "results"] = slot[first or ""]
    return slot, starts


class _Bare(Record):
    """A row of figures without a label, and where it stood among the labelled rows."""

    __slots__ = ("cells", "cut", "following", "gap", "line")
    cells: Final[tuple[Cell, ...]]
    line: Final[int]
    cut: Final[Cut | None]
    """Where the end of the text cut it short, if it did."""
    following: Final[int]
    """The slot it takes if it follows on from the last label: that label's slot plus the unlabelled
    rows between them."""
    gap: Final[int]
    """How many labelled rows of figures stood before it: it belongs between the last of them and the next."""

    def __init__(self, cells: tuple[Cell, ...], line: int, cut: Cut | None, following: int, gap: int) -> None:
        self.cells = cells
        self.line = line
        self.cut = cut
        self.following = following
        self.gap = gap

    def _values(self) -> tuple[tuple[Cell, ...], int, Cut | None, int, int]:
        return (self.cells, self.line, self.cut, self.following, self.gap)


def _figures(cells: Sequence[Cell], search: SplitSearch) -> tuple[int | None, ...]:
    """A row's values as they would be read, without saying anything (a glued row that splits several
    ways: unknown)."""
    found = glued.read(cells, ROW, search)
    if found is not None and found.options is not None and len(found.options) > 1:
        return (None,) * len(REQUEST_COLUMNS)
    quiet = Findings()
    fitted = fit(cells, len(REQUEST_COLUMNS), quiet, "", ROW, search=search)
    return tuple(counts(fitted, REQUEST_COLUMNS, quiet, ""))


_Plan = list[int | None]
"""The slot of each unlabelled row (``None``: none)."""


class _Placer:
    """Places labelled rows in the format's leaves as they come, and the unlabelled rows once every
    label is known."""

    def __init__(
        self, template: Template, findings: Findings, lines: dict[str, int], search: SplitSearch
    ) -> None:
        self.lines = lines
        self.search = search
        self.leaves = request_leaves(template)
        self.results = _result_paths(template)
        self.slot, self.group_start = _slots(template)
        self.rows: dict[str, RequestRow] = {}
        self.values: dict[str, tuple[int | None, ...]] = {}
        """The figures of each row in ``rows``."""
        self.cursor = -1
        """The slot of the last label."""
        self.run = 0
        """How many unlabelled rows have followed it."""
        self.findings = findings
        self.unplaced: list[Unplaced] = []
        self.pending: dict[str, glued.Glued] = {}
        self.figureless: dict[str, Unplaced | None] = {}
        """Rows placed from a label without figures (or with figures that fit no column: kept here), which
        a later row with figures replaces."""
        self.anchors: list[int] = []
        """The slots of the labelled rows of figures, in document order."""
        self.bare: list[_Bare] = []
        self.padded = False
        """The layout pads rows with empty cells (see ``cells.pads``)."""

    def data_row(self, row: DataRow) -> None:
        label = _label(row)
        if label is None:
            self._unplace(all_cells(row), "不属于表三的行")
            return
        name = _name(label)
        if name in self.group_start:
            if not _has_figures(row.cells):
                self.cursor, self.run = self.group_start[name] - 1, 0
                self._keep_texts(row.labels)
                return
            slot = self.group_start[name]
            self.findings.add(
                "ZW213",
                f"表三“{label.text}”行后直接为数字，推定为“{self.leaves[slot].row.label}”行",
                label.line,
                (f"requests.{self.leaves[slot].path}",),
            )
        elif name in self.slot:
            slot = self.slot[name]
            note_label(label, self.leaves[slot].row.label, self.findings, f"requests.{name}")
        else:  # a row of the other format: （六）'s sub-rows in a 2019 table
            self._unplace(all_cells(row), "不属于本格式的行")
            return
        if self._place(slot, row.cells, label.line, row.cut, row.labels):
            self._keep_texts(row.labels)
            self.cursor, self.run = slot, 0
            if self.leaves[slot].path not in self.figureless:
                self.anchors.append(slot)

    def value_row(self, row: ValueRow) -> None:
        self.bare.append(
            _Bare(tuple(row.cells), row.cells[0].line, row.cut, self.cursor + 1 + self.run, len(self.anchors))
        )
        self.run += 1

    def _place(
        self, slot: int, cells: Sequence[Cell], line: int, cut: Cut | None = None, labels: Sequence[Cell] = ()
    ) -> bool:
        """Put a row (its value cells, after its ``labels``) in ``slot``; ``False`` if the slot already
        holds one: the row is then kept, labels and all, as unplaced."""
        leaf: Leaf = self.leaves[slot]
        if leaf.path in self.figureless:  # a label printed alone, then again on its row of figures
            del self.rows[leaf.path], self.values[leaf.path]
            if (kept := self.figureless.pop(leaf.path)) is not None:
                self.unplaced.append(kept)
        if leaf.path in self.rows or leaf.path in self.pending:
            self.findings.add(
                "ZW215", f"表三“{leaf.row.label}”行重复出现，后者未采用", line, (f"requests.{leaf.path}",)
            )
            self.unplaced.append(_kept([*labels, *cells], line))
            return False
        found = glued.read(cells, ROW, self.search)
        if found is not None and found.options is not None and len(found.options) > 1:
            self.pending[leaf.path] = found  # the columns' rules may tell, once every row is in
            return True
        fitted = fit(
            cells,
            len(REQUEST_COLUMNS),
            self.findings,
            _where(leaf),
            ROW,
            search=self.search,
            cut=cut,
            padded=self.padded,
        )
        self._store(leaf, fitted, line)
        left = dropped(cells, fitted)  # figures no column took, as fit's diagnostic said: kept
        if left:
            self.unplaced.append(_kept(left, left[0].line))
        explicitly_blank = bool(cells) and not _has_figures(cells)  # a row of empty cells, as printed
        if not explicitly_blank and all(v is None for v in self.values[leaf.path]):
            keep = _has_figures(cells) and not left
            self.figureless[leaf.path] = _kept([*labels, *cells], line) if keep else None
        return True

    def _store(self, leaf: Leaf, fitted: Sequence[Cell | None], line: int) -> None:
        path = f"requests.{leaf.path}"
        values = tuple(counts(fitted, REQUEST_COLUMNS, self.findings, path))
        self.values[leaf.path] = values
        self.rows[leaf.path] = _request_row(values)
        record_lines(self.lines, path, line, _FIELDS, fitted)

    def place_bare(self) -> None:
        """The unlabelled rows, each in the slot its position gives: following on from the last label
        (the usual case), or else, where the labels came apart from their rows, filling in order the
        empty slots between the labelled rows around them when there are as many rows as slots. A
        placement that the labelled rows or the columns' rules contradict is not made."""
        if not self.bare:
            return
        values = [_figures(b.cells, self.search) for b in self.bare]
        following: _Plan = [b.following if b.following < len(self.leaves) else None for b in self.bare]
        why = self._conflict(following, values)
        if why is None and None not in following:
            self._commit(following, "按位置推定")
            return
        between = self._between()
        if (
            between is not None
            and self._conflict(between, values) is None
            and (why is not None or all(f is None or f == b for f, b in zip(following, between, strict=True)))
        ):
            self._commit(between, "按前后带标签行之间的位置推定")
        elif why is None:
            self._commit(following, "按位置推定")
        else:
            kept = [_kept(b.cells, b.line) for b in self.bare]
            self.unplaced += kept
            self.findings.add(
                "ZW230",
                f"表三无行标签的行与行标签对不上（{why}），这 {len(kept)} 行均无法归位，作为未归位内容保留",
                kept[0].line,
            )

    def _between(self) -> _Plan | None:
        """Each unlabelled row in the empty slots between the labelled rows around it, in order, where
        they are as many as the slots; ``None`` if the labelled rows are themselves out of order."""
        anchors = [-1, *self.anchors, len(self.leaves)]
        if any(a >= b for a, b in pairwise(anchors)):
            return None
        plan: _Plan = []
        for gap in sorted({b.gap for b in self.bare}):
            count = sum(1 for b in self.bare if b.gap == gap)
            free = list(range(anchors[gap] + 1, anchors[gap + 1]))
            plan += free if len(free) == count else [None] * count
        return plan

    def _conflict(self, plan: _Plan, values: Sequence[tuple[int | None, ...]]) -> str | None:
        """What shows ``plan`` wrong: a slot a labelled row holds or two rows share, or the columns'
        rules; ``None`` if nothing does."""
        taken = set(self.anchors) | {self.slot[path] for path in self.pending}
        chosen: dict[str, tuple[int | None, ...]] = {}
        for slot, figures in zip(plan, values, strict=True):
            if slot is None:
                continue
            label = self.leaves[slot].row.label
            if slot in taken:
                return f"“{label}”行另有带标签的行"
            if self.leaves[slot].path in chosen:
                return f"“{label}”行对应了两行"
            chosen[self.leaves[slot].path] = figures
        return None if self._columns_hold(chosen) else "各列的合计关系不成立"

    def _commit(self, plan: _Plan, how: str) -> None:
        for bare, slot in zip(self.bare, plan, strict=True):
            if slot is None:
                self._unplace(bare.cells, "无行标签且无法推定所属行")
                continue
            leaf = self.leaves[slot]
            self.findings.add(
                "ZW213",
                f"表三此行无行标签，{how}为“{leaf.row.label}”行",
                bare.line,
                (f"requests.{leaf.path}",),
            )
            self._place(slot, bare.cells, bare.line, bare.cut)

    def settle(self) -> None:
        """Rows whose glued figures split several ways, split the one way the columns' rules (一 + 二 =
        （七） + 四; （七） = the results) allow together with every other row, or left blank."""
        paths = list(self.pending)
        options = [self.pending[path].options or () for path in paths]
        surviving: list[tuple[tuple[int, ...], ...]] = []
        if prod(map(len, options)) <= _MAX_COMBINATIONS:
            surviving = [c for c in product(*options) if self._columns_hold(dict(zip(paths, c, strict=True)))]
        for i, path in enumerate(paths):
            found = self.pending[path]
            leaf = self.leaves[self.slot[path]]
            agreed = {combination[i] for combination in surviving}
            if len(agreed) == 1:
                found = found.settled(tuple(agreed))
            fitted = glued.place(found, ROW, self.findings, _where(leaf), "按本行及各列的合计关系")
            self._store(leaf, fitted, found.line)
        self.pending.clear()

    def _columns_hold(self, chosen: Mapping[str, tuple[int | None, ...]]) -> bool:
        rows = {**self.values, **chosen}
        ends = [rows.get(path) for path in _ENDPOINTS]
        results = [rows.get(path) for path in self.results]
        parts_known = None not in results  # a result row missing: no column's results can be summed
        for c in range(len(REQUEST_COLUMNS)):
            new, over, total, forward = column = [row[c] if row is not None else None for row in ends]
            if None not in column and new + over != total + forward:  # type: ignore[operator]
                return False
            if total is not None and parts_known:
                parts = [row[c] for row in results]  # type: ignore[index]
                if None not in parts and sum(parts) != total:  # type: ignore[arg-type]
                    return False
        return True

    def _unplace(self, cells: Sequence[Cell], why: str) -> None:
        kept = _kept(cells, cells[0].line)
        self.findings.add("ZW231", f"表三中的“{kept.text}”{why}，作为未归位内容保留", kept.line)
        self.unplaced.append(kept)

    def _keep_texts(self, labels: Sequence[Cell]) -> None:
        """The text cells beside a placed row's label (the label is the format's own; they are not)."""
        for cell in labels:
            if cell.kind is TEXT:
                self._unplace([cell], "是与行标签同行的文字")

    def unplace_header(self, row: HeaderRow) -> None:
        if cells := [c for c in row.cells if c.text]:
            self._unplace(cells, "是行之间的表头文字")

    def missing(self) -> list[Leaf]:
        return [leaf for leaf in self.leaves if leaf.path not in self.rows and leaf.path not in self.pending]


@cache
def _group_paths(cls: type, prefix: str) -> tuple[tuple[str, str], ...]:
    """Each field of a group of rows, and its row's path: ``prefix.field``."""
    return tuple((f.name, f"{prefix}.{f.name}") for f in attrs.fields(cls))


def build_requests(
    rows: Sequence[Row],
    template: Template,
    notes: tuple[str, ...],
    findings: Findings,
    lines: dict[str, int],
    search: SplitSearch,
) -> tuple[Requests, list[Unplaced]]:
    """Table 三 in ``template`` from its rows (as ``rows_of`` gives them), glued figures split by the parse's
    ``search``; where each cell stood goes into ``lines``."""
    placer = _Placer(template, findings, lines, search)
    placer.padded = headers_pad(rows) or any(
        isinstance(row, DataRow | ValueRow) and pads(row.cells, len(REQUEST_COLUMNS)) for row in rows
    )
    for row in rows:
        if isinstance(row, DataRow):
            placer.data_row(row)
        elif isinstance(row, ValueRow):
            placer.value_row(row)
        elif isinstance(row, HeaderRow) and placer.rows:  # a header among the rows: no header of the table
            placer.unplace_header(row)
        elif isinstance(row, HeaderRow):
            note_headers(row, 3, findings)
    placer.place_bare()
    placer.settle()
    missing = placer.missing()
    if missing and len(missing) < len(placer.leaves):
        findings.add(
            "ZW214",
            "表三缺少以下行，按空白处理：" + "、".join(leaf.row.label for leaf in missing),
            None,
            tuple(f"requests.{leaf.path}" for leaf in missing),
        )
    found = placer.rows

    def group(cls: type, prefix: str) -> object:
        return cls(**{name: found.get(path, _NO_ROW) for name, path in _group_paths(cls, prefix)})

    other = group(OtherHandling, _OTHER) if template is Template.V2021 else found.get(_OTHER, _NO_ROW)
    requests = Requests(
        new_received=found.get("new_received", _NO_ROW),
        carried_over=found.get("carried_over", _NO_ROW),
        granted=found.get("granted", _NO_ROW),
        partially_granted=found.get("partially_granted", _NO_ROW),
        withheld=group(Withheld, "withheld"),  # type: ignore[arg-type]
        unavailable=group(Unavailable, "unavailable"),  # type: ignore[arg-type]
        not_processed=group(NotProcessed, "not_processed"),  # type: ignore[arg-type]
        other_handling=other,  # type: ignore[arg-type]
        total=found.get("total", _NO_ROW),
        carried_forward=found.get("carried_forward", _NO_ROW),
        notes=notes,
    )
    return requests, placer.unplaced
