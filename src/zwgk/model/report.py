"""The whole report."""

from __future__ import annotations

import attrs

from .active import Active2019, Active2021
from .common import Diagnostic, Template, TextSection, Unplaced, constraints
from .requests import Requests
from .review import Review

_SHOWN_CHARS = 30


def _short(text: str | None) -> str | None:
    return text if text is None or len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


@attrs.frozen(repr=False)
class Report:
    """One 政府信息公开工作年度报告, typed.

    A section the report lacks is ``None``. ``diagnostics`` say what the parser had to infer, alias or
    leave out; they, ``source`` and ``source_lines`` are not part of equality, so two reports with the
    same content compare equal however and wherever they were read.
    """

    title: str | None = None
    organ: str | None = None
    year: int | None = attrs.field(default=None, metadata=constraints(minimum=1900, maximum=2099))
    template: Template = Template.V2021
    preamble: tuple[str, ...] = ()
    overview: TextSection | None = None
    active: Active2019 | Active2021 | None = None
    requests: Requests | None = None
    review: Review | None = None
    problems: TextSection | None = None
    other_matters: TextSection | None = None
    unplaced: tuple[Unplaced, ...] = ()
    source: str | None = attrs.field(default=None, eq=False)
    """The file or URL the report was read from (``None`` for text given directly). Not part of
    equality: the same report read from two files is the same report."""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    source_lines: dict[str, int] = attrs.field(
        factory=dict, eq=False, repr=False, metadata={"provenance": True}
    )
    """The 1-based source line of each part read from text, by path: cells
    (``requests.total.natural_person``), rows (``requests.total``), paragraphs (``overview.paragraphs.0``).
    Provenance of one reading: not part of equality, not written to JSON or CSV."""

    def __repr__(self) -> str:
        """A line whatever the report's size: who, when, which format, which tables, what was said."""
        tables = "".join(
            n for n, t in zip("二三四", (self.active, self.requests, self.review), strict=True) if t
        )
        return (
            f"Report(organ={_short(self.organ)!r}, year={self.year!r}, template='{self.template.value}',"
            f" tables='{tables}', diagnostics={len(self.diagnostics)}, unplaced={len(self.unplaced)})"
        )

    def _repr_html_(self) -> str:
        """Jupyter's view: the tables."""
        from ..serialize.html import report_html

        return report_html(self)
