"""Table 三 from its rows: each row placed by its label, or by its position where the label was lost."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs

from ..catalogue import REQUEST_COLUMNS, REQUEST_ROWS, Leaf, request_leaves, walk_rows
from ..codes import Findings
from ..lexing.cells import Cell, CellKind
from ..model.common import Template, Unplaced
from ..model.requests import NotProcessed, OtherHandling, RequestRow, Requests, Unavailable, Withheld
from ..structure import DataRow, HeaderRow, Row, ValueRow
from .cells import counts, fit, record_lines, row_total_rule
from .labels import note_headers, note_label

_OTHER = "other_handling"


def _label(row: DataRow) -> Cell | None:
    """The row's own label: the last table-三 label (a group label may come first)."""
    for cell in reversed(row.labels):
        if cell.kind is CellKind.LABEL and cell.reading.labels[0].table == 3:
            return cell
    return None


def _name(cell: Cell) -> str:
    return next(label.name for label in cell.reading.labels if label.table == 3)


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

    def _place(self, slot: int, cells: Sequence[Cell], line: int) -> None:
        leaf: Leaf = self.leaves[slot]
        path = f"requests.{leaf.path}"
        if leaf.path in self.rows:
            self.findings.add("ZW215", f"表三“{leaf.row.label}”行重复出现，后者未采用", line, (path,))
            self.unplaced.append(Unplaced(" ".join(c.text for c in cells), "requests", line))
            return
        fitted = fit(cells, len(REQUEST_COLUMNS), self.findings, f"表三“{leaf.row.label}”行", row_total_rule)
        self.rows[leaf.path] = RequestRow(*counts(fitted, REQUEST_COLUMNS, self.findings, path))
        record_lines(self.lines, path, line, REQUEST_COLUMNS, fitted)
        self.cursor = slot

    def _unplace(self, row: DataRow | ValueRow, why: str) -> None:
        cells = (*row.labels, *row.cells) if isinstance(row, DataRow) else row.cells
        text = " ".join(c.text for c in cells if c.text)
        line = cells[0].line
        self.findings.add("ZW231", f"表三中的“{text}”{why}，作为未归位内容保留", line)
        self.unplaced.append(Unplaced(text, "requests", line))

    def missing(self) -> list[Leaf]:
        return [leaf for leaf in self.leaves if leaf.path not in self.rows]


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
