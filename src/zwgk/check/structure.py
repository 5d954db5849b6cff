"""Structure findings from the model itself, for reports that did not come from text (built in code,
read from CSV): a parsed report carries these in its own diagnostics already, more precisely."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue import SECTIONS
from ..model import Active2019, Active2021, Diagnostic, Report
from .tables import finding


def structure(report: Report) -> Iterator[Diagnostic]:
    """ZW203 for each missing section, ZW216 for each cell the format lacks, ZW231 for each piece of
    unplaced content — each only where the report's own diagnostics do not say it already."""
    said = {d.code for d in report.diagnostics}
    if "ZW203" not in said:
        for section in SECTIONS:
            if getattr(report, section.field) is None:
                message = f"报告没有第{section.numeral}部分“{section.title}”"
                yield finding(report, "ZW203", message)
    if "ZW216" not in said and isinstance(report.active, Active2019 | Active2021):
        for extra in report.active.extras:
            message = f"表二第（{extra.item}）项“{extra.row}”行“{extra.column}”列不在本格式中"
            yield finding(report, "ZW216", message)
    if "ZW231" not in said:
        for unplaced in report.unplaced:
            yield finding(report, "ZW231", f"未归位内容：“{unplaced.text}”", line=unplaced.line)
