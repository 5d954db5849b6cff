"""Real report pages (``fixtures/pages/NNN.txt``) and the cells a person read off each
(``NNN.truth.json``, the format described in ``fixtures/pages/SOURCES.md``), as ``Expectation``s.

The truth files key table 二 by the row label *as printed* (traditional characters, pinyin notes and
explanatory brackets included). They are mapped to the model's rows here by a table written by hand,
not by zwgk's own label matching, so a mistake in that matching cannot hide itself.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import opencc

from zwgk import Report, Template
from zwgk.catalogue import ACTIVE_BLOCKS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS

from .expected import Expectation, Verdict, cell, verdict

PAGES = Path(__file__).parent / "fixtures" / "pages"

_PINYIN = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
_BRACKETS = re.compile(r"[(（].*$")
_TO_SIMPLIFIED = opencc.OpenCC("t2s").convert

ACTIVE_ROWS = {
    "规章": "regulations",
    "规范性文件": "normative_documents",
    "行政规范性文件": "normative_documents",
    "行政许可": "licensing",
    "其他对外管理服务事项": "other_services",
    "行政处罚": "punishment",
    "行政强制": "coercion",
    "行政事业性收费": "fees",
    "政府集中采购": "procurement",
}
"""Table 二's rows by their printed wording (simplified, brackets dropped)."""
EXTRA_ROWS = ("其他主动公开文件",)
"""Provincial rows beyond the format: read as ``ExtraCell``s."""

REQUEST_ROWS = {
    "new": "new_received",
    "carried_over": "carried_over",
    "granted": "granted",
    "partially_granted": "partially_granted",
    "withheld_state_secret": "withheld.state_secret",
    "withheld_law_forbidden": "withheld.prohibited_by_law",
    "withheld_three_safety": "withheld.security_stability",
    "withheld_third_party": "withheld.third_party_rights",
    "withheld_internal_affairs": "withheld.internal_affairs",
    "withheld_process_info": "withheld.process_information",
    "withheld_enforcement_file": "withheld.enforcement_files",
    "withheld_query_matter": "withheld.query_matters",
    "unavailable_not_held": "unavailable.not_held",
    "unavailable_needs_creation": "unavailable.needs_creation",
    "unavailable_unclear": "unavailable.unclear",
    "not_processed_petition": "not_processed.petition",
    "not_processed_repeat": "not_processed.repeated",
    "not_processed_publication": "not_processed.publications",
    "not_processed_mass_repeat": "not_processed.excessive",
    "not_processed_confirm": "not_processed.confirmation",
    "other": "other_handling",
    "other_overdue_correction": "other_handling.overdue_correction",
    "other_overdue_fee": "other_handling.overdue_fee",
    "other_other": "other_handling.other",
    "total": "total",
    "carried_forward": "carried_forward",
}
"""Table 三's rows: the truth files' keys → the model's paths."""


def wording(printed: str) -> str:
    """A printed row label as ``ACTIVE_ROWS`` keys it."""
    return _BRACKETS.sub("", _TO_SIMPLIFIED(_PINYIN.sub("", printed))).strip()


def same_name(read: str | None, printed: str | None) -> bool:
    """Whether zwgk's organ is the one the page prints, leaving aside what zwgk restores (traditional
    characters, a mirror's pinyin notes, spaces)."""
    if read is None or printed is None:
        return read is printed

    def plain(name: str) -> str:
        return "".join(_TO_SIMPLIFIED(_PINYIN.sub("", name)).split())

    return plain(read) == plain(printed)


@attrs.frozen
class Page:
    path: Path
    expectation: Expectation
    organ: str | None
    year: int | None
    extras: dict[tuple[str, int], int | Decimal | None]
    """(row wording, column index) → value, for rows beyond the format."""
    notes: str
    layout: str
    """The layout family of its tables, as ``layouts.json`` (written by hand) names it."""
    traditional: bool
    """A mirror site's copy in traditional characters."""


def _value(value: Any) -> int | Decimal | None:
    if value is None or isinstance(value, int):
        return value
    return Decimal(str(value))


@cache
def _layouts() -> tuple[dict[str, str], frozenset[str]]:
    data = json.loads((PAGES / "layouts.json").read_text(encoding="utf-8"))
    layout = {page: name for name, ids in data["layouts"].items() for page in ids}
    return layout, frozenset(data["traditional"])


def layouts() -> list[str]:
    """The layout families, in the order ``layouts.json`` lists them."""
    data = json.loads((PAGES / "layouts.json").read_text(encoding="utf-8"))
    return list(data["layouts"])


def load_page(truth: Path) -> Page:
    data = json.loads(truth.read_text(encoding="utf-8"))
    template = Template(data["template"])
    columns = {row.field: block.columns for block in ACTIVE_BLOCKS[template] for row in block.rows}
    cells: dict[str, int | Decimal | None] = {}
    extras: dict[tuple[str, int], int | Decimal | None] = {}
    for printed, values in data["active"].items():
        name = wording(printed)
        if name in EXTRA_ROWS:
            extras |= {(name, i): _value(v) for i, v in enumerate(values)}
            continue
        field = ACTIVE_ROWS[name]
        assert len(values) == len(columns[field]), f"{truth.name}: {printed}"
        cells |= {f"active.{field}.{c.field}": _value(v) for c, v in zip(columns[field], values, strict=True)}
    for key, values in data["requests"].items():
        row = REQUEST_ROWS[key]
        cells |= {
            f"requests.{row}.{c.field}": _value(v) for c, v in zip(REQUEST_COLUMNS, values, strict=True)
        }
    review = data.get("review_litigation") or []
    paths = [f"review.{g.field}.{c.field}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    cells |= {p: _value(v) for p, v in zip(paths, review, strict=False)}
    stem = truth.name.removesuffix(".truth.json")
    layout, traditional = _layouts()
    return Page(
        truth.with_name(f"{stem}.txt"),
        Expectation(template, cells),
        data["organ"],
        data["year"],
        extras,
        data["notes"],
        layout[stem],
        stem in traditional,
    )


def pages() -> list[Page]:
    return [load_page(p) for p in sorted(PAGES.glob("*.truth.json"))]


def extra_verdicts(report: Report, page: Page) -> dict[str, Verdict]:
    """The verdict on each expected cell of a row beyond the format (kept in ``active.extras``)."""
    found: dict[str, Verdict] = {}
    extras = getattr(report.active, "extras", ())
    for (name, column), expected in page.extras.items():
        values = [e.value for e in extras if wording(e.row).startswith(name)]
        got: Any = values[column] if column < len(values) else None
        found[f"active.extras.{name}.{column}"] = verdict(expected, got)
    return found


__all__ = ["PAGES", "Page", "cell", "extra_verdicts", "layouts", "load_page", "pages", "same_name"]
