"""Reports as pandas DataFrames (``zwgk[pandas]``): one table of many reports, tidy or wide.

The tidy (long) form has one row per cell, with the columns of the long CSV (table 二 adds ``amount``):

==========  =========  ======================================================================
column      dtype      holds
==========  =========  ======================================================================
report      string     the report's key (``keys``; default its source path, else ``1``, ``2``, …)
organ       string     the organ (``<NA>`` when unknown)
year        Int64      the year (``<NA>`` when unknown)
template    string     the report's format, ``2019`` or ``2021``
table       string     ``active``, ``requests`` or ``review`` (``active.extra``: a table-二 cell the
                       format lacks, its row ``（item）row`` and its column as the report wrote them)
row         string     the row's path in the model: ``new_received``, ``withheld.state_secret`` …
column      string     the column's field: ``natural_person`` … ``total``; ``upheld`` …
value       Int64      a count (or a signed 本年增/减), ``<NA>`` for a blank cell or an amount
amount      Float64    table 二 only: an amount (采购总金额, 本年收费金额, and every ``active.extra``
                       cell, which the model holds as a decimal), ``<NA>`` for a blank cell or a count
==========  =========  ======================================================================

Amounts are ``Float64`` so that they sum, compare and plot as numbers. A float keeps 15 significant
digits: every amount a report prints is the float nearest it and writes back as printed (the exact
``Decimal`` stays in the reports, their JSON and the long CSV); sums of floats are float arithmetic.

Its CSV (``frame.to_csv(index=False)``) is long-form CSV that ``zwgk.from_csv`` reads back into
reports holding that table (table 二's 采购 unit, text, is in the JSON and the long CSV, not here).
The wide form has a row per report (indexed by ``report``): ``organ``, ``year``, ``template``, then a
column per cell named ``row.column`` (``labels="zh"``: ``报告``, ``机关``, ``年度``, ``格式`` and
``本年新收.自然人``), ``Int64`` for counts and ``Float64`` for amounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..catalogue import REPORT_LABELS, Kind
from ..errors import MissingExtraError
from ..model.report import Report
from .cells import EXTRA_TABLE, TABLE_CELLS, active_kinds, extra_cells
from .csv import AMOUNT, COLUMNS, report_keys
from .labels import cell_names, check_labels

if TYPE_CHECKING:
    import pandas

_TYPES = {"report": "string", "organ": "string", "year": "Int64", "template": "string"}
"""The dtypes of the columns that say which report a row is of."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "DataFrame 需要可选依赖 pandas：pip install 'zwgk[pandas]'（missing extra zwgk[pandas]）"
        ) from None
    return pandas


def _is_amount(where: str, row: str, column: str) -> bool:
    return where == EXTRA_TABLE or (where == "active" and active_kinds().get((row, column)) is Kind.AMOUNT)


def to_dataframe(
    reports: Iterable[Report],
    table: str = "requests",
    *,
    wide: bool = False,
    keys: Sequence[str] | None = None,
    labels: str = "en",
) -> pandas.DataFrame:
    """One table (``"active"`` for 二, ``"requests"`` for 三, ``"review"`` for 四) of many reports as a
    DataFrame: tidy, one row per cell (the columns of the long CSV), or with ``wide=True`` one row per
    report. ``keys`` name the reports (default: their source paths, else ``1``, ``2``, …). A report
    without that table adds no cells (tidy) or a row of blanks (wide). ``labels="zh"`` names the wide
    form's columns by the catalogue's labels (``本年新收.自然人``) instead of the model's fields
    (``new_received.natural_person``)."""
    if table not in TABLE_CELLS:
        raise ValueError(f"table must be one of {', '.join(TABLE_CELLS)}, not {table!r}")
    check_labels(labels)
    pandas = _pandas()
    reports = list(reports)
    names = report_keys(reports, keys)
    parts = [(table, TABLE_CELLS[table]), *([(EXTRA_TABLE, extra_cells)] if table == "active" else [])]
    records = [
        (name, report.organ, report.year, report.template.value, where, row, column)
        + ((None, value) if _is_amount(where, row, column) else (value, None))
        for name, report in zip(names, reports, strict=True)
        if (found := getattr(report, table)) is not None
        for where, cells in parts
        for row, column, value in cells(found)
    ]
    long = pandas.DataFrame.from_records(records, columns=[*COLUMNS, AMOUNT])
    long = long.astype(
        {
            **_TYPES,
            "table": "string",
            "row": "string",
            "column": "string",
            "value": "Int64",
            AMOUNT: "Float64",
        }
    )
    if table != "active":
        long = long.drop(columns=AMOUNT)
    if not wide:
        return long
    meta = pandas.DataFrame(
        [(name, r.organ, r.year, r.template.value) for name, r in zip(names, reports, strict=True)],
        columns=list(_TYPES),
    ).astype(_TYPES)
    long["cell"] = long["row"] + "." + long["column"]
    places = {cell: (where, row, column) for where, row, column, cell in _places(long)}
    counts = long.pivot(index="report", columns="cell", values="value")
    amounts = long.pivot(index="report", columns="cell", values=AMOUNT) if table == "active" else counts
    cells_wide = pandas.DataFrame(
        {cell: (amounts if _is_amount(*place) else counts)[cell] for cell, place in places.items()},
        index=counts.index,
    )
    wide_frame = meta.set_index("report").join(cells_wide)
    if labels == "en":
        return wide_frame
    zh = {cell: cell_names()[place] if place[0] == table else cell for cell, place in places.items()}
    wide_frame = wide_frame.rename(columns={**REPORT_LABELS, **zh})
    wide_frame.index.name = REPORT_LABELS["report"]
    return wide_frame


def _places(long: pandas.DataFrame) -> Iterator[tuple[str, str, str, str]]:
    """``(table, row, column, cell)`` of each cell of a tidy frame, once, in the frame's order."""
    first = long.drop_duplicates("cell")
    return zip(first["table"], first["row"], first["column"], first["cell"], strict=True)
