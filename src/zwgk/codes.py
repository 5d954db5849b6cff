"""Every diagnostic code zwgk emits, with its severity and what triggers it. Codes are stable.

ZW1xx: the text itself (noise removed, characters converted). ZW2xx: reading the report's structure
(sections, tables, rows, cells). ZW3xx and up: consistency checks.
"""

from __future__ import annotations

import attrs

from .model.common import Diagnostic, Severity


@attrs.frozen
class Code:
    code: str
    severity: Severity
    summary: str
    """What triggers it, in English (the messages themselves are Chinese)."""


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("ZW101", Severity.INFO, "Pinyin notes inserted by a mirror site (鎮(zhèn)) were removed."),
        Code("ZW102", Severity.INFO, "HTML tags or entities left in the text were removed or decoded."),
        Code("ZW103", Severity.INFO, "Word artefacts such as [bookmark: _GoBack] were removed."),
        Code(
            "ZW104",
            Severity.INFO,
            "Doubled punctuation from a mirror site (,、 ,，) was reduced to one mark.",
        ),
        Code(
            "ZW105",
            Severity.INFO,
            "Kangxi radicals or compatibility ideographs (PDF extraction) were mapped.",
        ),
        Code("ZW106", Severity.WARNING, "A line looks like mojibake; it is kept as it is."),
        Code("ZW107", Severity.INFO, "Traditional characters were converted to simplified."),
        Code("ZW108", Severity.INFO, "Page numbers printed by a PDF or Word export (- 4 -) were dropped."),
        Code("ZW201", Severity.INFO, "No title: the organ or year was taken from the first sentences."),
        Code("ZW202", Severity.WARNING, "The organ or the year of the report could not be found."),
        Code("ZW203", Severity.WARNING, "A section heading of the format was not found."),
        Code("ZW204", Severity.WARNING, "A table of the format was not found."),
        Code(
            "ZW205",
            Severity.INFO,
            "A table's format was not evident from its labels; it was taken from elsewhere.",
        ),
        Code("ZW206", Severity.INFO, "Table 二 and table 三 follow different formats (a hybrid report)."),
        Code(
            "ZW211",
            Severity.INFO,
            "A label was matched through a known variant (alias), not its official wording.",
        ),
        Code("ZW212", Severity.INFO, "A label was matched by ignoring its numbering."),
        Code(
            "ZW213",
            Severity.WARNING,
            "A row had lost its label; which row it is was inferred from its position.",
        ),
        Code(
            "ZW214", Severity.WARNING, "A row of the format is missing from the table; its cells are blank."
        ),
        Code(
            "ZW215",
            Severity.WARNING,
            "A row appears twice; the second occurrence is kept as unplaced content.",
        ),
        Code("ZW216", Severity.INFO, "A row or column the format lacks was kept as an extra."),
        Code(
            "ZW221",
            Severity.INFO,
            "A cell holds a marker (-, /, 无) instead of a figure; it is read as blank.",
        ),
        Code("ZW222", Severity.WARNING, "A row has more cells than columns; cells were dropped to fit."),
        Code("ZW223", Severity.WARNING, "A row has fewer cells than columns; the missing cells are blank."),
        Code("ZW224", Severity.WARNING, "A row's cells could be placed several ways; they were left blank."),
        Code(
            "ZW225", Severity.WARNING, "A figure cannot stand in its column (a fraction in a count column)."
        ),
        Code("ZW226", Severity.INFO, "An amount given in 元 was converted to the column's 万元."),
        Code("ZW227", Severity.WARNING, "A count is negative."),
        Code("ZW231", Severity.WARNING, "Content that fits nowhere in the format was kept as unplaced."),
        Code("ZW232", Severity.INFO, "Prose inside a table section was kept as a note of that table."),
    )
}


class Findings:
    """Collects diagnostics while a report is read; each code's severity comes from ``CODES``."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int | None = None, paths: tuple[str, ...] = ()) -> None:
        self.diagnostics.append(Diagnostic(code, CODES[code].severity, message, line, paths))

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)
