"""A corpus at a glance: one row per report (who, when, which format, the totals, the indicators, the
errors ``check`` finds) and the distribution of each indicator over the reports.

Blanks stay blanks: a total or an indicator that cannot be worked out is ``None``, and a distribution
counts it as missing, never as 0.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from .catalogue import REPORT_LABELS, REQUEST_ROWS, REVIEW_GROUPS, walk_rows
from .check import check
from .indicator import INDICATORS, exact, figure, indicators, percent
from .model import Report, Severity, Template
from .organs import canonical_name
from .progress import display_width


@attrs.frozen
class Total:
    """A figure the summary shows of each report: the 总计 of a row of table 三 or of a group of table 四."""

    name: str
    label: str
    path: str


def _totals() -> tuple[Total, ...]:
    rows = {path: (row, parent) for path, row, parent in walk_rows(REQUEST_ROWS[Template.V2021]) if path}
    found = []
    for field in ("new_received", "carried_over", "total", "carried_forward"):
        row, parent = rows[field]
        label = f"{parent.name}{row.name}" if parent else row.name
        found.append(
            Total(f"{field}_total" if field != "total" else "handled_total", label, f"requests.{field}.total")
        )
    found += [Total(f"{g.field}_total", f"{g.label}总计", f"review.{g.field}.total") for g in REVIEW_GROUPS]
    return tuple(found)


TOTALS: tuple[Total, ...] = _totals()
"""本年新收, 上年结转, 本年度办理结果总计, 结转下年度继续办理 (总计 column), and table 四's three 总计."""


@attrs.frozen
class ReportSummary:
    """One report's row."""

    source: str | None
    organ: str | None
    """As the report writes it."""
    canonical_organ: str | None
    """The canonical name a mapping of organ names gives it (``summarise(organs=…)``), ``None`` when the
    mapping lists no name of that organ (or there is no mapping)."""
    year: int | None
    template: Template
    totals: dict[str, int | None]
    """By ``TOTALS`` name, in order."""
    indicators: dict[str, Fraction | None]
    """By ``INDICATORS`` name, in order."""
    errors: int
    """How many of ``zwgk.check``'s findings are errors."""


@attrs.frozen
class Distribution:
    """One indicator over the reports: ``n`` values, ``missing`` reports without one; the quartiles are
    the inclusive ones (interpolated between the values, as ``statistics.quantiles(method="inclusive")``)."""

    indicator: str
    n: int
    missing: int
    min: Fraction | None = None
    q1: Fraction | None = None
    median: Fraction | None = None
    q3: Fraction | None = None
    max: Fraction | None = None
    mean: Fraction | None = None


@attrs.frozen
class Summary:
    reports: tuple[ReportSummary, ...]
    distributions: tuple[Distribution, ...]


def summarise_report(report: Report, organs: Mapping[str, str] | None = None) -> ReportSummary:
    """One report's row of a summary; ``organs`` maps organ names to canonical ones (``zwgk.organ_key``)."""
    return ReportSummary(
        report.source,
        report.organ,
        canonical_name(report.organ, organs) if report.organ else None,
        report.year,
        report.template,
        {total.name: figure(report, total.path) for total in TOTALS},
        indicators(report),
        sum(d.severity is Severity.ERROR for d in check(report)),
    )


def distribution(name: str, values: Sequence[Fraction | None]) -> Distribution:
    """The distribution of one indicator's values (``None``: missing)."""
    present = sorted(v for v in values if v is not None)
    missing = len(values) - len(present)
    if not present:
        return Distribution(name, 0, missing)
    q1, median, q3 = (
        statistics.quantiles(present, n=4, method="inclusive") if len(present) > 1 else present * 3
    )
    mean = Fraction(sum(present), len(present))
    return Distribution(name, len(present), missing, present[0], q1, median, q3, present[-1], mean)


def summarise(reports: Iterable[Report], organs: Mapping[str, str] | None = None) -> Summary:
    """The summary of ``reports``, rows in the order given; ``organs`` maps organ names to the canonical
    names the rows give them (``ReportSummary.canonical_organ``) and the charts group them by."""
    rows = tuple(summarise_report(report, organs) for report in reports)
    return Summary(
        rows, tuple(distribution(i.name, [row.indicators[i.name] for row in rows]) for i in INDICATORS)
    )


# ---------------------------------------------------------------------------------------------------
# Writing a summary: text (an aligned table), CSV, JSON

_REPORT_COLUMNS = ("source", "organ", "canonical_organ", "year", "template")
_STATISTICS = ("n", "missing", "min", "q1", "median", "q3", "max", "mean")
_LABELS = {
    "source": "来源",
    **REPORT_LABELS,
    "canonical_organ": "规范机关名称",
    **{t.name: t.label for t in TOTALS},
    **{i.name: i.label for i in INDICATORS},
    "errors": "错误",
    "indicator": "指标",
}
"""What the text table heads each column with: the name a reader gives it."""
_IN_TEXT = tuple(
    i.name for i in INDICATORS if not i.name.startswith("withheld_") or i.name == "withheld_share"
)
"""The indicators the text table shows of each report (each reason for 不予公开 only in CSV, JSON and
the distributions): a table a terminal can show."""


def _described(row: ReportSummary) -> dict[str, str | int | None]:
    """A row's ``_REPORT_COLUMNS``."""
    values = (row.source, row.organ, row.canonical_organ, row.year, row.template.value)
    return dict(zip(_REPORT_COLUMNS, values, strict=True))


def _header(columns: Sequence[str], indicators: Sequence[str]) -> list[str]:
    return [*columns, *(t.name for t in TOTALS), *indicators, "errors"]


def _cells(
    row: ReportSummary,
    columns: Sequence[str],
    share: Callable[[Fraction | None], str],
    indicators: Sequence[str],
) -> list[str]:
    described = _described(row)
    known = [described[name] for name in columns]
    counts = [*row.totals.values()]
    return [
        *("" if v is None else str(v) for v in known),
        *("" if v is None else str(v) for v in counts),
        *(share(row.indicators[name]) for name in indicators),
        str(row.errors),
    ]


def _statistics(
    found: Distribution, share: Callable[[Fraction | None], str], name: Callable[[str], str] = str
) -> list[str]:
    values = (found.min, found.q1, found.median, found.q3, found.max, found.mean)
    return [name(found.indicator), str(found.n), str(found.missing), *(share(v) for v in values)]


def _percent(value: Fraction | None) -> str:
    return "" if value is None else percent(value)


def _decimal(value: Fraction | None) -> str:
    return "" if value is None else f"{float(value):.6f}"


def _aligned(rows: list[list[str]]) -> str:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = (
        "  ".join(c + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True)) for row in rows
    )
    return "".join(line.rstrip() + "\n" for line in lines)


def summary_text(summary: Summary) -> str:
    """The rows as an aligned table headed by readers' names (shares as percentages, the reasons for 不予公开
    left to the distributions; the canonical organ only when a row has one), then the distributions."""
    mapped = any(r.canonical_organ for r in summary.reports)
    columns = [c for c in _REPORT_COLUMNS if mapped or c != "canonical_organ"]
    rows = [
        [_LABELS[name] for name in _header(columns, _IN_TEXT)],
        *(_cells(r, columns, _percent, _IN_TEXT) for r in summary.reports),
    ]
    spread = [
        [_LABELS["indicator"], *_STATISTICS],
        *(_statistics(d, _percent, _LABELS.__getitem__) for d in summary.distributions),
    ]
    return _aligned(rows) + "\n" + _aligned(spread)


def summary_csv(summary: Summary) -> str:
    """The rows as CSV (shares as decimals to six places, blanks empty), a blank line, the distributions."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [i.name for i in INDICATORS]
    writer.writerows(
        [
            _header(_REPORT_COLUMNS, names),
            *(_cells(r, _REPORT_COLUMNS, _decimal, names) for r in summary.reports),
        ]
    )
    writer.writerow([])
    writer.writerows(
        [["indicator", *_STATISTICS], *(_statistics(d, _decimal) for d in summary.distributions)]
    )
    return out.getvalue()


def summary_json(summary: Summary) -> str:
    """The summary as JSON: shares exact (``"35/69"``), blanks ``null``."""

    def report(row: ReportSummary) -> dict[str, Any]:
        return {
            **_described(row),
            "totals": row.totals,
            "indicators": {k: exact(v) for k, v in row.indicators.items()},
            "errors": row.errors,
        }

    def spread(found: Distribution) -> dict[str, Any]:
        return {
            k: exact(v) if isinstance(v, Fraction) or v is None else v for k, v in attrs.asdict(found).items()
        }

    data = {
        "reports": [report(r) for r in summary.reports],
        "distributions": [spread(d) for d in summary.distributions],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Summary], str]] = {
    "text": summary_text,
    "csv": summary_csv,
    "json": summary_json,
}
"""The formats ``zwgk summary --format`` writes."""
