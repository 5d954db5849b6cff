"""Table 三 from its rows: each row placed by its label, or by its position where the label was lost."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import product
from math import prod

import attrs

from ..catalogue import REQUEST_COLUMNS, REQUEST_ROWS, Leaf, request_leaves, walk_rows
from ..codes import Findings
from ..lexing.cells import Cell, CellKind
from ..model.common import Template, Unplaced
from ..model.requests import NotProcessed, OtherHandling, RequestRow, Requests, Unavailable, Withheld
from ..structure import DataRow, HeaderRow, Row, ValueRow, all_cells
from . import glued
from .cells import counts, fit, record_lines
from .glued import ROW
from .labels import note_headers, note_label

_OTHER = "other_handling"
_ENDPOINTS = ("new_received", "carried_over", "total", "carried_forward")
_MAX_COMBINATIONS = 4096


def _label(row: DataRow) -> Cell | None:
    """The row's own label: the last table-三 label (a group label may come first)."""
    for cell in reversed(row.labels):
        if cell.kind is CellKind.LABEL and cell.reading.labels[0].table == 3:
            return cell
    return None


def _name(cell: Cell) -> str:
    return next(label.name for label in cell.reading.labels if label.table == 3)


def _where(leaf: Leaf) -> str:
    return f"表三“{leaf.row.label}”行"


def _kept(cells: Sequence[Cell], line: int) -> Unplaced:
    """Cells that fit nowhere in table 三, kept as unplaced content."""
    return Unplaced(" ".join(c.text for c in cells if c.text), "requests", line)


def _has_figures(cells: Sequence[Cell]) -> bool:
    return any(c.kind is not CellKind.BLANK for c in cells)


def detect_template(rows: Sequence[Row]) -> Template | None:
    """The format table 三 follows, from （六）其他处理: three sub-rows (2021), labelled or not, or one
    row (2019). ``None`` when the table does not show it."""
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


class _Placer:
    """Places rows in the format's leaves, keeping a cursor at the last row placed."""

    def __init__(self, template: Template, findings: Findings, lines: dict[str, int]) -> None:
        self.lines = lines
        self.leaves = request_leaves(template)
        self.slot, self.group_start = _slots(template)
        self.rows: dict[str, RequestRow] = {}
        self.cursor = -1
        self.findings = findings
        self.unplaced: list[Unplaced] = []
        self.pending: dict[str, glued.Glued] = {}
        self.inferred: dict[str, Unplaced] = {}
        """Rows placed by position (an unlabelled row after the last row placed), with their figures."""
        self.figureless: set[str] = set()
        """Rows placed from a label without figures, which a later row with figures replaces."""
        self.withdrawn: dict[str, Unplaced] = {}
        """Rows placed by position whose slot a labelled row then claimed: the sign they are out of step."""
        """Why the rows placed by position cannot be trusted, once something shows it."""

    def data_row(self, row: DataRow) -> None:
        label = _label(row)
        if label is None:
            self._unplace(row, "不属于表三的行")
            return
        name = _name(label)
        where = f"表三“{label.text}”行"
        if name in self.group_start:
            if not _has_figures(row.cells):
                self.cursor = self.group_start[name] - 1
                return
            slot = self.group_start[name]
            self.findings.add(
                "ZW213",
                f"{where}后直接为数字，推定为“{self.leaves[slot].row.label}”行",
                label.line,
                (f"requests.{self.leaves[slot].path}",),
            )
        elif name in self.slot:
            slot = self.slot[name]
            note_label(label, self.leaves[slot].row.label, self.findings, f"requests.{name}")
        else:  # a row of the other format: （六）'s sub-rows in a 2019 table
            self._unplace(row, "不属于本格式的行")
            return
        self._place(slot, row.cells, label.line)

    def value_row(self, row: ValueRow) -> None:
        slot = self.cursor + 1
        if slot >= len(self.leaves) or self.leaves[slot].path in self.rows:
            self._unplace(row, "无行标签且无法推定所属行")
            return
        line = row.cells[0].line
        self.findings.add(
            "ZW213",
            f"表三此行无行标签，按位置推定为“{self.leaves[slot].row.label}”行",
            line,
            (f"requests.{self.leaves[slot].path}",),
        )
        self._place(slot, row.cells, line)
        self.inferred[self.leaves[slot].path] = _kept(row.cells, line)

    def _place(self, slot: int, cells: Sequence[Cell], line: int) -> None:
        leaf: Leaf = self.leaves[slot]
        path = f"requests.{leaf.path}"
        if leaf.path in self.inferred:  # a labelled row where one was placed by position: that one goes
            self.rows.pop(leaf.path, None)
            self.pending.pop(leaf.path, None)
            self.withdrawn[leaf.path] = self.inferred.pop(leaf.path)
        if leaf.path in self.figureless:  # a label printed alone, then again on its row of figures
            self.figureless.discard(leaf.path)
            del self.rows[leaf.path]
        if leaf.path in self.rows or leaf.path in self.pending:
            self.findings.add("ZW215", f"表三“{leaf.row.label}”行重复出现，后者未采用", line, (path,))
            self.unplaced.append(_kept(cells, line))
            return
        self.cursor = slot
        if not _has_figures(cells):
            self.figureless.add(leaf.path)
        found = glued.read(cells, ROW)
        if found is not None and found.options is not None and len(found.options) > 1:
            self.pending[leaf.path] = found  # the columns' rules may tell, once every row is in
            return
        self._store(leaf, fit(cells, len(REQUEST_COLUMNS), self.findings, _where(leaf), ROW), line)

    def _store(self, leaf: Leaf, fitted: Sequence[Cell | None], line: int) -> None:
        path = f"requests.{leaf.path}"
        self.rows[leaf.path] = RequestRow(*counts(fitted, REQUEST_COLUMNS, self.findings, path))
        record_lines(self.lines, path, line, REQUEST_COLUMNS, fitted)

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
                found = attrs.evolve(found, options=tuple(agreed))
            fitted = glued.place(found, ROW, self.findings, _where(leaf), "按本行及各列的合计关系")
            self._store(leaf, fitted, found.line)
        self.pending.clear()

    def withdraw_inferred(self) -> None:
        """Rows placed by position, withdrawn where a labelled row or the columns' rules show them out
        of step with the labels: blank, their figures kept as unplaced."""
        if self.withdrawn:
            why = f"“{self.leaves[self.slot[next(iter(self.withdrawn))]].row.label}”行另有带标签的行"
        elif self.inferred and not self._columns_hold({}):
            why = "各列的合计关系不成立"
        else:
            return
        paths = list(self.inferred)
        for path in paths:
            self.rows.pop(path, None)
            for key in [
                k for k in self.lines if k == f"requests.{path}" or k.startswith(f"requests.{path}.")
            ]:
                del self.lines[key]
        withdrawn = [*self.withdrawn.values(), *self.inferred.values()]
        self.unplaced += withdrawn
        self.findings.add(
            "ZW230",
            f"表三无行标签的行与行标签对不上（{why}），按位置推定的 {len(withdrawn)} 行均按空白处理",
            min(u.line or 0 for u in withdrawn),
            tuple(f"requests.{path}" for path in paths),
        )

    def _columns_hold(self, chosen: dict[str, tuple[int, ...]]) -> bool:
        rows: dict[str, tuple[int | None, ...]] = {p: attrs.astuple(r) for p, r in self.rows.items()}
        rows.update(chosen)
        results = [leaf.path for leaf in self.leaves if leaf.path not in _ENDPOINTS]
        for c in range(len(REQUEST_COLUMNS)):
            ends = [rows[p][c] if p in rows else None for p in _ENDPOINTS]
            parts = [rows[p][c] if p in rows else None for p in results]
            new, over, total, forward = ends
            if None not in ends and new + over != total + forward:  # type: ignore[operator]
                return False
            if total is not None and None not in parts and sum(parts) != total:  # type: ignore[arg-type]
                return False
        return True

    def _unplace(self, row: DataRow | ValueRow, why: str) -> None:
        cells = all_cells(row)
        kept = _kept(cells, cells[0].line)
        self.findings.add("ZW231", f"表三中的“{kept.text}”{why}，作为未归位内容保留", kept.line)
        self.unplaced.append(kept)

    def missing(self) -> list[Leaf]:
        return [leaf for leaf in self.leaves if leaf.path not in self.rows and leaf.path not in self.pending]


def build_requests(
    rows: Sequence[Row], template: Template, notes: tuple[str, ...], findings: Findings, lines: dict[str, int]
) -> tuple[Requests, list[Unplaced]]:
    """Table 三 in ``template`` from its rows; where each cell stood goes into ``lines``."""
    placer = _Placer(template, findings, lines)
    for row in rows:
        if isinstance(row, DataRow):
            placer.data_row(row)
        elif isinstance(row, ValueRow):
            placer.value_row(row)
        elif isinstance(row, HeaderRow):
            note_headers(row, 3, findings)
    placer.settle()
    placer.withdraw_inferred()
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
        return cls(**{f.name: found.get(f"{prefix}.{f.name}", RequestRow()) for f in attrs.fields(cls)})

    other = group(OtherHandling, _OTHER) if template is Template.V2021 else found.get(_OTHER, RequestRow())
    requests = Requests(
        new_received=found.get("new_received", RequestRow()),
        carried_over=found.get("carried_over", RequestRow()),
        granted=found.get("granted", RequestRow()),
        partially_granted=found.get("partially_granted", RequestRow()),
        withheld=group(Withheld, "withheld"),  # type: ignore[arg-type]
        unavailable=group(Unavailable, "unavailable"),  # type: ignore[arg-type]
        not_processed=group(NotProcessed, "not_processed"),  # type: ignore[arg-type]
        other_handling=other,  # type: ignore[arg-type]
        total=found.get("total", RequestRow()),
        carried_forward=found.get("carried_forward", RequestRow()),
        notes=notes,
    )
    return requests, placer.unplaced
