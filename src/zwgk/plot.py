"""The charts a researcher draws first from a summary, as PNG files (matplotlib, ``zwgk[plot]``):
applications received per organ over the years, and each report's outcome shares.

Labels are Chinese when matplotlib finds a font that has the characters, else the model's field names
(organs then numbered, the legend saying which is which would need the very characters missing).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import attrs

from .errors import MissingExtraError, ZwgkError
from .indicator import INDICATORS, OUTCOME_SHARES
from .organs import organ_key
from .summary import TOTALS, ReportSummary, Summary

_PROBE = "政府信息公开申请"
"""Characters a CJK font must have for the Chinese labels."""
RECEIVED = "received_per_organ.png"
OUTCOMES = "outcome_shares.png"


@attrs.frozen
class Plots:
    """What ``plot`` wrote, and the font that drew Chinese labels (``None``: labels are field names)."""

    paths: tuple[Path, ...]
    font: str | None
    organs: dict[str, str]
    """Each organ as the charts name it → its name: the canonical name a mapping gave it, else its first
    report's organ (the two differ only without a CJK font)."""


def _matplotlib() -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError(
            "绘图需要可选依赖 matplotlib：pip install 'zwgk[plot]'（missing extra zwgk[plot]）"
        ) from None
    return matplotlib, Figure


def cjk_font() -> str | None:
    """The name of a font matplotlib knows that has Chinese characters, or ``None``. Matplotlib's own
    Last Resort font maps every character to a box, so it does not count."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for entry in sorted(font_manager.fontManager.ttflist, key=lambda f: f.name):
        if entry.name.startswith("Last Resort"):
            continue
        try:
            charmap = FT2Font(entry.fname).get_charmap()
        except (OSError, RuntimeError):
            continue
        if all(ord(c) in charmap for c in _PROBE):
            return str(entry.name)
    return None


def _organ_key(row: ReportSummary) -> str:
    """The organ a row is of: by its canonical name when a mapping gave one (``organ_key`` of a mapped
    name is its canonical name's), else by the name its report writes."""
    return organ_key(row.canonical_organ or row.organ or "")


def _organ_name(row: ReportSummary) -> str:
    return row.canonical_organ or row.organ or "?"


def _organ_names(rows: tuple[ReportSummary, ...], chinese: bool) -> dict[str, str]:
    """Each organ's key → the name its line or bars carry: its canonical name or first report's organ,
    or ``organ N``."""
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(_organ_key(row), _organ_name(row) if chinese else f"organ {len(names) + 1}")
    return names


def _received(summary: Summary, figure: Any, chinese: bool) -> None:
    axes = figure.subplots()
    received = TOTALS[0]
    names = _organ_names(summary.reports, chinese)
    series: dict[str, dict[int, int]] = defaultdict(dict)
    for row in summary.reports:
        value = row.totals[received.name]
        if row.year is not None and value is not None:
            series[_organ_key(row)][row.year] = value
    for key, by_year in series.items():
        years = sorted(by_year)
        axes.plot(years, [by_year[y] for y in years], marker="o", label=names[key])
    axes.set_xlabel("年度" if chinese else "year")
    axes.set_ylabel(received.label if chinese else received.path)
    axes.set_title("各机关每年新收申请数量" if chinese else "applications received per organ")
    axes.xaxis.get_major_locator().set_params(integer=True)
    if series:
        axes.legend(fontsize="small")


def _outcomes(summary: Summary, figure: Any, chinese: bool) -> None:
    axes = figure.subplots()
    names = _organ_names(summary.reports, chinese)
    labels = [f"{names[_organ_key(r)]} {r.year or '?'}" for r in summary.reports]
    bottom = [0.0] * len(summary.reports)
    by_name = {i.name: i for i in INDICATORS}
    for name in OUTCOME_SHARES:
        shares = [float(r.indicators[name] or 0) for r in summary.reports]
        label = by_name[name].label if chinese else name
        axes.bar(range(len(labels)), shares, bottom=bottom, label=label)
        bottom = [b + s for b, s in zip(bottom, shares, strict=True)]
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize="small")
    axes.set_ylim(0, max([1.0, *bottom]))
    axes.set_ylabel("占（七）总计的比例" if chinese else "share of requests.total.total")
    axes.set_title("各报告的办理结果构成" if chinese else "outcome shares per report")
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1, 1))


def plot(summary: Summary, folder: str | Path) -> Plots:
    """Write the charts of ``summary`` into ``folder`` (made if missing). Raises ``MissingExtraError``
    without matplotlib; a report without a figure a chart needs is left out of that chart (an outcome
    share that is blank draws no bar)."""
    matplotlib, figure_class = _matplotlib()
    font = cjk_font()
    target = Path(folder)
    written = []
    style = {"font.family": [font, "sans-serif"]} if font else {}
    try:
        target.mkdir(parents=True, exist_ok=True)
        with matplotlib.rc_context(style):
            for name, draw in ((RECEIVED, _received), (OUTCOMES, _outcomes)):
                figure = figure_class(figsize=(10, 6), layout="constrained")
                draw(summary, figure, font is not None)
                figure.savefig(target / name, dpi=100)
                written.append(target / name)
    except OSError as error:
        raise ZwgkError(f"无法写入 {target}：{error.strerror or error}") from None
    names = _organ_names(summary.reports, font is not None)
    first = {_organ_key(r): _organ_name(r) for r in reversed(summary.reports)}
    return Plots(tuple(written), font, {label: first[key] for key, label in names.items()})
