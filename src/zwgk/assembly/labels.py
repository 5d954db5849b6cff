"""Diagnostics for labels a report spells differently from the format."""

from __future__ import annotations

from ..codes import Findings
from ..lexing.cells import Cell
from ..lexing.labels import wording


def note_label(cell: Cell, canonical: str, findings: Findings, path: str) -> None:
    """Say so when ``cell`` named its row or column through an alias or with other numbering."""
    if wording(cell.key) != wording(canonical):
        findings.add("ZW211", f"“{cell.text}”按“{canonical}”的变体识别（alias）", cell.line, (path,))
    elif cell.reading.renumbered:
        findings.add("ZW212", f"“{cell.text}”的编号与格式不同，按“{canonical}”识别", cell.line, (path,))
