"""Reports as pandas DataFrames (``zwgk[pandas]``): one table of many reports, tidy or wide.

The tidy (long) form has one row per cell, with the columns of the long CSV:

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
value       Int64      the figure, ``<NA>`` for a blank cell (table 二: ``object``, whole numbers
                       and exact ``Decimal`` amounts, ``None`` for a blank)
==========  =========  ======================================================================

Its CSV (``frame.to_csv(index=False)``) is long-form CSV that ``zwgk.from_csv`` reads back into
reports holding that table (table 二's 采购 unit, text, is in the JSON and the long CSV, not here).
The wide form has a row per report (indexed by ``report``): ``organ``, ``year``, ``template``, then a
column per cell named ``row.column``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ..model.report import Report
from .cells import EXTRA_TABLE, TABLE_CELLS, extra_cells
from .csv import COLUMNS, report_keys

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


def to_dataframe(
    reports: Iterable[Report],
    table: str = "requests",
    *,
    wide: bool = False,
    keys: Sequence[str] | None = None,
) -> pandas.DataFrame:
    """One table (``"active"`` for 二, ``"requests"`` for 三, ``"review"`` for 四) of many reports as a
    DataFrame: tidy, one row per cell (the columns of the long CSV), or with ``wide=True`` one row per
    report. ``keys`` name the reports (default: their source paths, else ``1``, ``2``, …). A report
    without that table adds no cells (tidy) or a row of blanks (wide)."""
    if table not in TABLE_CELLS:
        raise ValueError(f"table must be one of {', '.join(TABLE_CELLS)}, not {table!r}")
    pandas = _pandas()
    reports = list(reports)
    names = report_keys(reports, keys)
    parts = [(table, TABLE_CELLS[table]), *([(EXTRA_TABLE, extra_cells)] if table == "active" else [])]
    records = [
        (name, report.organ, report.year, report.template.value, where, row, column, value)
        for name, report in zip(names, reports, strict=True)
        if (found := getattr(report, table)) is not None
        for where, cells in parts
        for row, column, value in cells(found)
    ]
    long = pandas.DataFrame.from_records(records, columns=list(COLUMNS))
    long = long.astype({**_TYPES, "table": "string", "row": "string", "column": "string"})
    if table != "active":
        long["value"] = long["value"].astype("Int64")
    if not wide:
        return long
    meta = pandas.DataFrame(
        [(name, r.organ, r.year, r.template.value) for name, r in zip(names, reports, strict=True)],
        columns=list(_TYPES),
    ).astype(_TYPES)
    long["cell"] = long["row"] + "." + long["column"]
    order = list(dict.fromkeys(long["cell"]))
    cells_wide = long.pivot(index="report", columns="cell", values="value").reindex(columns=order)
    cells_wide.columns.name = None
    return meta.set_index("report").join(cells_wide)
