"""Diagnostics for labels a report spells differently from the format."""

from __future__ import annotations

from functools import cache
from typing import Final

from ..catalogue import REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, ROUNDING_NOTE
from ..codes import Findings
from ..lexing.cells import HEADER, LABEL, TEXT, Cell
from ..lexing.labels import wording
from ..model.common import Unplaced
from ..patterns import regex
from ..structure import DataRow, HeaderRow, Row

_DIGIT = regex(r"\d")


_SAME_WORDING: Final[dict[str, dict[str, bool]]] = {}
"""``_same_wording``'s answers, by the format's label and then by match key: two dict look-ups in
compiled code, where a call through ``lru_cache`` cost more than the work it saved. Each label keeps
the first ``_CACHED`` keys a process asks of it."""
_CACHED: Final = 1024


def _same_wording(key: str, canonical: str) -> bool:
    """Whether a cell of match key ``key`` words a label as the format does: asked of every label and
    header a table prints."""
    known = _SAME_WORDING.get(canonical)
    if known is None:
        known = _SAME_WORDING[canonical] = {}
    found = known.get(key)
    if found is None:
        found = wording(key) == wording(canonical)
        if len(known) < _CACHED:
            known[key] = found
    return found


def note_label(cell: Cell, canonical: str, findings: Findings, path: str) -> None:
    """Say so when ``cell`` named its row or column through an alias or with other numbering."""
    if not _same_wording(cell.key, canonical):
        findings.add("ZW211", f"“{cell.text}”按“{canonical}”的变体识别（alias）", cell.line, (path,))
    elif cell.reading.renumbered:
        findings.add("ZW212", f"“{cell.text}”的编号与格式不同，按“{canonical}”识别", cell.line, (path,))


@cache
def _header_labels() -> dict[tuple[int, str], str]:
    """(table, name) → the official wording of the header cells of tables 三 and 四."""
    found = {(3, column.field): column.label for column in REQUEST_COLUMNS}
    found.update({(4, column.field): column.label for column in REVIEW_COLUMNS})
    found.update({(4, group.field or ""): group.label for group in REVIEW_GROUPS})
    return found


def note_headers(row: HeaderRow, table: int, findings: Findings) -> None:
    """``note_label`` for every header cell of ``table`` in a header row."""
    for cell in row.cells:
        for label in cell.reading.labels:
            canonical = _header_labels().get((label.table, label.name))
            if label.table == table and canonical is not None:
                note_label(cell, canonical, findings, "")


def quote_note_figures(row: Row, findings: Findings) -> None:
    """Quote the note of a label or header in ``row`` that holds figures (``行政许可（含8项备案）``): the
    label is read without it, and its figures would be kept nowhere else."""
    cells = row.cells if isinstance(row, HeaderRow) else row.labels if isinstance(row, DataRow) else ()
    for cell in cells:
        note = cell.reading.note
        if note and cell.kind in (LABEL, HEADER) and _DIGIT.search(ROUNDING_NOTE.sub("", note)):
            findings.add("ZW236", f"“{cell.text}”按标签识别，括注“{note}”中的数字未作数据", cell.line)


def header_texts_with_figures(row: HeaderRow) -> list[Cell]:
    """Text among a header row's cells that holds figures (``行政29诉讼``): text there is taken as a
    garbled header (``本年新``), which holds none, so these are the report's content, to be kept."""
    return [cell for cell in row.cells if cell.kind is TEXT and _DIGIT.search(cell.key)]


def unplaced_header_text(cell: Cell, field: str, findings: Findings) -> Unplaced:
    """A header's text with figures as unplaced content of section ``field``, said in a diagnostic."""
    findings.add("ZW231", f"表头中的“{cell.text}”含有数字，作为未归位内容保留", cell.line)
    return Unplaced(cell.text, field, cell.line)
