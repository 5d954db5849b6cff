"""Generated reports, built from the catalogue."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from ..catalogue import (
    ACTIVE_BLOCKS,
    REQUEST_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    SECTIONS,
    Kind,
    request_leaves,
)
from ..model import (
    Active2019,
    Active2021,
    ExtraCell,
    OtherHandling,
    Report,
    RequestRow,
    Requests,
    Review,
    ReviewOutcomes,
    Template,
    TextSection,
    Unplaced,
)
from ..model.common import SAFE_INTEGER
from ._text import EXTRA_COLUMNS, EXTRA_ROWS, OWN_LABELS, organ, paragraph

_ACTIVE = {Template.V2019: Active2019, Template.V2021: Active2021}
_SIX = len(REQUEST_COLUMNS) - 1

count = st.one_of(
    st.integers(0, 200),
    st.integers(0, 10**6),
    st.integers(10**9, SAFE_INTEGER),
)
"""A count as reports print them: mostly small, sometimes large."""
signed = st.one_of(count, count.map(lambda n: -n))
amount = st.builds(
    lambda digits, places, negative: Decimal(digits).scaleb(-places) * (-1 if negative else 1),
    st.integers(0, 10**12),
    st.integers(0, 6),
    st.booleans().filter(lambda negative: not negative) | st.just(True),
)
"""An amount of money: 0 to 6 decimal places, as reports print them (9116.36, 24252.311082)."""


def _blank_or(values: st.SearchStrategy[Any], blanks: bool) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values, values, values) if blanks else values


def _field_classes(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    return {f.name: f.type for f in attrs.fields(cls)}


@st.composite
def _active(draw: st.DrawFn, template: Template, blanks: bool) -> Active2019 | Active2021:
    cls: type[Active2019] | type[Active2021] = _ACTIVE[template]
    classes = _field_classes(cls)
    fields: dict[str, Any] = {}
    extras: list[ExtraCell] = []

    def cell(kind: Kind) -> st.SearchStrategy[Any]:
        values = {Kind.COUNT: count, Kind.SIGNED: signed, Kind.AMOUNT: amount}[kind]
        return _blank_or(values, blanks)

    def extra_cells(item: str, row: str, columns: list[str]) -> list[ExtraCell]:
        """The extra cells of a row: only its figures (a blank one is no extra cell)."""
        found = [ExtraCell(item, row, c, draw(_blank_or(amount, blanks))) for c in columns]
        return [e for e in found if e.value is not None]

    for block in ACTIVE_BLOCKS[template]:
        extra_columns = draw(st.lists(st.sampled_from(EXTRA_COLUMNS), unique=True, max_size=1))
        extra_rows = draw(st.lists(st.sampled_from(EXTRA_ROWS), unique=True, max_size=1))
        for row in block.rows:
            values = {c.field: draw(cell(c.kind)) for c in block.columns}
            if row.field == "procurement":
                values["amount_unit"] = (
                    draw(st.sampled_from((None, "元", "万元"))) if values["amount"] else None
                )
            fields[row.field or ""] = classes[row.field or ""](**values)
            extras += extra_cells(block.item, row.label, extra_columns)
        for label in extra_rows:
            extras += extra_cells(block.item, label, [*(c.label for c in block.columns), *extra_columns])
    notes = tuple(draw(st.lists(paragraph, max_size=2)))
    return cls(**fields, extras=tuple(extras), notes=notes)


def _row(values: list[int | None]) -> RequestRow:
    return RequestRow(*values)


def _consistent_row(parts: list[int]) -> RequestRow:
    return RequestRow(*[*parts, sum(parts)])


@st.composite
def _requests(draw: st.DrawFn, template: Template, consistent: bool, blanks: bool) -> Requests:
    leaves = [leaf.path for leaf in request_leaves(template)]
    results = [p for p in leaves if p not in ("new_received", "carried_over", "total", "carried_forward")]
    rows: dict[str, RequestRow] = {}
    small = st.integers(0, 50)
    if consistent:
        for path in results:
            rows[path] = _consistent_row(draw(st.lists(small, min_size=_SIX, max_size=_SIX)))
        totals = [sum(getattr(rows[p], c.field) for p in results) for c in REQUEST_COLUMNS[:_SIX]]
        rows["total"] = _consistent_row(totals)
        forward = draw(st.lists(small, min_size=_SIX, max_size=_SIX))
        over = [draw(st.integers(0, t + f)) for t, f in zip(totals, forward, strict=True)]
        rows["carried_forward"] = _consistent_row(forward)
        rows["carried_over"] = _consistent_row(over)
        rows["new_received"] = _consistent_row(
            [t + f - o for t, f, o in zip(totals, forward, over, strict=True)]
        )
    else:
        for path in leaves:
            rows[path] = _row(draw(st.lists(_blank_or(count, blanks), min_size=7, max_size=7)))

    def group(cls: type, prefix: str) -> Any:
        return cls(**{name: rows[f"{prefix}.{name}"] for name in _field_classes(cls)})

    fields: dict[str, Any] = {
        name: rows[name] if kind is RequestRow else group(kind, name)
        for name, kind in _field_classes(Requests).items()
        if name not in ("other_handling", "notes")
    }
    other = group(OtherHandling, "other_handling") if template is Template.V2021 else rows["other_handling"]
    notes = tuple(draw(st.lists(paragraph, max_size=2)))
    return Requests(**fields, other_handling=other, notes=notes)


@st.composite
def _review(draw: st.DrawFn, consistent: bool, blanks: bool) -> Review:
    groups = {}
    for group in REVIEW_GROUPS:
        if consistent:
            parts = draw(st.lists(st.integers(0, 30), min_size=4, max_size=4))
            groups[group.field or ""] = ReviewOutcomes(*[*parts, sum(parts)])
        else:
            values = draw(
                st.lists(_blank_or(count, blanks), min_size=len(REVIEW_COLUMNS), max_size=len(REVIEW_COLUMNS))
            )
            groups[group.field or ""] = ReviewOutcomes(*values)
    return Review(**groups, notes=tuple(draw(st.lists(paragraph, max_size=2))))


def _text_section() -> st.SearchStrategy[TextSection | None]:
    return st.none() | st.builds(TextSection, st.lists(paragraph, max_size=4).map(tuple))


_figures = st.lists(st.integers(0, 999), min_size=1, max_size=5).map(lambda ns: " ".join(map(str, ns)))
_OTHER_FORMAT_LABELS = tuple(
    leaf.row.label
    for template in Template
    for leaf in request_leaves(template)
    if leaf.path.startswith("other_handling")
)
"""（六）其他处理 as one row (2019) and as its three rows (2021): rows of the other format in either."""
_row_beyond_the_format = st.builds(
    lambda label, cells: " ".join([label, *cells]),
    st.sampled_from(OWN_LABELS + _OTHER_FORMAT_LABELS),
    st.lists(st.sampled_from(("0", "12", "-", "无", "数据1")), max_size=7),
)
_unplaced_text = st.one_of(
    _figures,  # figures without a label
    _row_beyond_the_format,
    paragraph,  # text, or a line that looks like a heading, a table row or a mark
    st.just(""),  # a row whose cells are all empty
)
"""What zwgk keeps as unplaced content: the cells of a row that fits nowhere, joined by spaces."""


@st.composite
def reports(draw: st.DrawFn, template: Template | None = None, consistent: bool | None = None) -> Report:
    """Reports in either format (or ``template``): blank cells, large and signed figures, amounts with
    up to six decimal places, extra rows and columns in table 二, text with CJK punctuation and digits,
    and lines that look like headings or table rows; table notes, and unplaced content (rows beyond
    the format, loose figures and text, empty rows) before the first heading and in any section. ``consistent=True``: every 勾稽 rule holds (the
    leaves are drawn and every total computed); ``False``: figures drawn freely; ``None``: either.

    Organ, year and template are the ones the title and tables give, as in every report zwgk reads."""
    consistent = draw(st.booleans()) if consistent is None else consistent
    blanks = not consistent and draw(st.booleans())
    year = draw(st.integers(2019, 2025))
    default = Template.V2019 if year <= 2020 else Template.V2021
    active_format = template or draw(st.sampled_from(Template))
    requests_format = template or draw(st.sampled_from((active_format, active_format, *Template)))
    active = draw(st.none() | _active(active_format, blanks))
    requests = draw(st.none() | _requests(requests_format, consistent, blanks))
    review = draw(st.none() | _review(consistent, blanks))
    tables_format = (table for table, made in ((active_format, active), (requests_format, requests)) if made)
    name = draw(organ)
    title = (
        name
        + str(year)
        + draw(st.sampled_from(("年政府信息公开工作年度报告", "年度政府信息公开工作年度报告")))
    )
    report = Report(
        title=title,
        organ=name,
        year=year,
        template=next(tables_format, template or default),
        preamble=tuple(draw(st.lists(paragraph, max_size=2))),
        overview=draw(_text_section()),
        active=active,
        requests=requests,
        review=review,
        problems=draw(_text_section()),
        other_matters=draw(_text_section()),
    )
    present = [None, *(s.field for s in SECTIONS if getattr(report, s.field) is not None)]
    unplaced = [Unplaced(t, where) for where in present for t in draw(st.lists(_unplaced_text, max_size=2))]
    return attrs.evolve(report, unplaced=tuple(unplaced))
