"""Checking a report: the 勾稽 rules, the text against the tables, the structure, and across years.

Rules are functions that yield ``Diagnostic`` records with stable codes (docs/diagnostics.md); they
never raise and never change the report. The rules' modules load on the first check: ``import zwgk``
imports this package, and a process that only parses does not need them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..codes import unknown_codes
from ..model import Diagnostic, Report, Severity


def check(report: Report) -> list[Diagnostic]:
    """Every finding about a report: what its reading found (its own diagnostics), its structure, the
    勾稽 rules of tables 三 and 四, and the figures its text restates."""
    from . import tables, text
    from .structure import structure

    found = [*report.diagnostics, *structure(report)]
    for rule in (*tables.RULES, *text.RULES):
        found.extend(rule(report))
    return found


def check_series(
    reports: Sequence[Report], organs: Mapping[str, str] | None = None
) -> list[list[Diagnostic]]:
    """The rule across years — 结转下年度继续办理 of year N is 上年结转 of year N+1, per column — over
    reports of the same organ: for each report, in the order given, the findings about it. The same
    organ is the same ``zwgk.organ_key``; ``organs`` maps raw or keyed names to canonical ones
    (``{"淮安市洪泽区人民政府": "洪泽区人民政府"}``) where the rules cannot tell."""
    from .series import carried_over  # with ``zwgk.organs``: a process that only parses needs neither

    return carried_over(reports, organs)


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def filter_diagnostics(
    diagnostics: Iterable[Diagnostic],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    level: Severity = Severity.INFO,
) -> list[Diagnostic]:
    """The diagnostics whose code starts with one of ``select`` (all, if none is given) and with none of
    ``ignore``, at ``level`` or above: ``filter_diagnostics(found, ["ZW3"], ["ZW390"])`` keeps the failed rules.
    Raises ``ValueError`` for a code or prefix that names no code (a typo would silently select nothing)."""
    unknown = unknown_codes([*select, *ignore])
    if unknown:
        raise ValueError(f"unknown diagnostic code: {', '.join(unknown)} (zwgk codes lists them)")
    return [
        d
        for d in diagnostics
        if (not select or d.code.startswith(tuple(select)))
        and not d.code.startswith(tuple(ignore))
        and _RANK[d.severity] >= _RANK[level]
    ]


__all__ = ["check", "check_series", "filter_diagnostics"]
