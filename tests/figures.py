"""Whether every figure of a report's text survives reading it: in a cell, in a diagnostic's message, in
unplaced content, or in the text it stood in (a paragraph, the title, a label's own numbering).

The check works line by line: a figure of line N is kept by what the report keeps from line N (a cell
read from it, a diagnostic about it, content kept from it), or by a kept text the line's words are
part of (a paragraph joined from several lines). Figures of a label or a header (``1.属于国家秘密``,
``本年(2023)处理决定``, ``保留4位小数``), of a paragraph's numbering (``2.``), a 第N条 or a year (``2023年``)
are the label's own text, which the report keeps by recognising it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import zwgk
from zwgk.api import _usable as usable_text
from zwgk.codes import Findings
from zwgk.lexing.cells import HEADER, ITEM, LABEL, NOTE, TEXT, read
from zwgk.normalize import fold_width, is_page_footer, scrub, to_simplified

_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_GROUPED_FIGURE = re.compile(r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_OWN_FIGURE = re.compile(
    r"^\s*\d{1,2}[.、](?=\d{4}年|\s*$)|(?<=[\d.])\d(?=[.、]\s*[^\d\s])|(?<![\d.])\d+\s*(?=[.、]\s*[^\d\s])"
    r"|(?<=第)\s*\d+\s*(?=[条项款])|(?<!\d)\d+\s*(?=年)"
)
"""Numbering (``1.``, ``3、``, ``2.2019年``, ``1.`` alone in a cell before its label's, the last digit of a run
of figures a label's numbering is glued to: ``…15.018.属于``), a 第N条/项, a year."""
_THOUSANDS_BEFORE_YEAR = re.compile(r"(?<=\d),(?=\d{3}年)")
"""``20191,113年``: joined before a year's figures are taken as the year's own."""
_SPACES = re.compile(r"\s{2,}")
_LABEL_KINDS = (LABEL, HEADER, ITEM, NOTE)


def _without_own_figures(line: str) -> str:
    """``line`` without the figures that are part of its labels' and headers' own text (a header row's
    other text is its header's too: ``本年(2023)处理决定`` cut short)."""
    folded = fold_width(line)
    # a pipe row's cells hold tabs, and a tab row's cells spaces
    cells = (
        folded.split("|")
        if "|" in folded
        else folded.split("\t")
        if "\t" in folded
        else _SPACES.split(folded)
    )
    kinds = [read(to_simplified(c.strip())).kind for c in cells]
    own = (*_LABEL_KINDS, TEXT) if HEADER in kinds else _LABEL_KINDS
    kept = [c for c, kind in zip(cells, kinds, strict=True) if kind not in own]
    return " ".join(_OWN_FIGURE.sub("", c) for c in kept)


def _figures(text: str) -> list[Decimal]:
    return [Decimal(f) for f in _FIGURE.findall(_THOUSANDS.sub("", fold_width(text)))]


def _line_figures(text: str) -> list[tuple[Decimal, ...]]:
    """The figures of a line, each as it reads with thousands separators and then, for one printed with
    them, the figures it reads as without (``401,113``: a figure, or 401 and 113 run together)."""
    found = []
    for printed in _GROUPED_FIGURE.findall(fold_width(text)):
        pieces = printed.split(",")
        found.append((Decimal("".join(pieces)), *(map(Decimal, pieces) if len(pieces) > 1 else ())))
    return found


def _value(report: zwgk.Report, path: str) -> Any:
    found: Any = report
    for part in path.split("."):
        found = found[int(part)] if part.isdigit() else getattr(found, part, None)
        if found is None:
            return None
    return found


def _cells_by_line(report: zwgk.Report) -> dict[int, list[Decimal]]:
    """The figures of the cells read from each line."""
    found: dict[int, list[Decimal]] = defaultdict(list)
    for path, line in report.source_lines.items():
        value = _value(report, path)
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            found[line].append(abs(Decimal(value)))  # a sign is printed apart: 减4, --253
    return found


def _quoted_by_line(report: zwgk.Report) -> dict[int, list[list[Decimal]]]:
    """The figures each diagnostic's message, each unplaced text, each text read (a paragraph, the title)
    and the names of table 二's extra cells quote, by the line it names (a row or a paragraph over several
    lines is named by its first, an extra cell by its figure's)."""
    found: dict[int, list[list[Decimal]]] = defaultdict(list)
    for path, line in report.source_lines.items():
        value = _value(report, path)
        if isinstance(value, str):
            found[line].append(_figures(value))
    for k, extra in enumerate(getattr(report.active, "extras", ())):  # its row and column, named as printed
        found[report.source_lines[f"active.extras.{k}.value"]].append(_figures(f"{extra.row} {extra.column}"))
    for diagnostic in report.diagnostics:
        if diagnostic.line is not None:
            found[diagnostic.line].append(_figures(diagnostic.message))
    for item in report.unplaced:
        if item.line is not None:
            found[item.line].append(_figures(item.text))
    return found


def _texts(report: zwgk.Report) -> list[str]:
    """Every text the report keeps whole: paragraphs, title, preamble, table notes, unplaced content, the
    names of table 二's extra cells."""
    found = [report.title or "", report.organ or "", *report.preamble, *(u.text for u in report.unplaced)]
    for section in (report.overview, report.problems, report.other_matters):
        if section is not None:
            found += section.paragraphs
    for table in (report.active, report.requests, report.review):
        found += getattr(table, "notes", ()) or ()
    found += (f"{e.row}{e.column}" for e in getattr(report.active, "extras", ()))
    return [_squeezed(t) for t in found]


def _squeezed(text: str) -> str:
    return "".join(fold_width(to_simplified(text)).replace("|", " ").split())  # pipes are layout


_ROW_LINES = 40
"""How many lines a row printed a cell a line may take: its diagnostic or kept text names its first line
or the first of its figures, so a figure may be quoted a little above or below its own line."""


_EDGE_DIGITS = re.compile(r"\d+$")
_ABOVE = range(0, -_ROW_LINES - 1, -1)
_BELOW = range(1, _ROW_LINES + 1)
"""Where quotes of a line's figures are looked for: first the line and the lines above it (where its row
may begin), for every line; then, for what is still missing, the lines below (a label above its row's
first figure) — so that no line takes a quote below it that a line further down needs."""


class _Nearby:
    """The quotes about a line and the lines at ``offsets`` from it, read only as far as needed."""

    def __init__(self, quoted: dict[int, list[list[Decimal]]], number: int, offsets: range) -> None:
        self.quoted, self.number, self.offsets = quoted, number, offsets

    def __iter__(self) -> Iterator[list[Decimal]]:
        return (q for offset in self.offsets for q in self.quoted.get(self.number + offset, ()))


def _take(figure: Decimal, cells: list[Decimal], quotes: Iterable[list[Decimal]]) -> bool:
    """Whether a cell or else a quote keeps ``figure`` (which then keeps no other figure)."""
    kept = cells if figure in cells else next((q for q in quotes if figure in q), None)
    if kept is not None:
        kept.remove(figure)
    return kept is not None


def _kept(figure: tuple[Decimal, ...], cells: list[Decimal], quotes: Iterable[list[Decimal]]) -> bool:
    """Whether a figure is kept as printed, or else as the figures its separators part (``401,113``)."""
    whole, *pieces = figure
    return _take(whole, cells, quotes) or bool(pieces and all(_take(p, cells, quotes) for p in pieces))


def lost_figures(text: str, report: zwgk.Report) -> list[tuple[int, str]]:
    """The figures of ``text`` that ``report`` (read from it) keeps nowhere: (line number, figure). A
    figure is kept by a cell read from its line, or by what a diagnostic or unplaced content quotes
    about its line or a line near it (the start of its row); each quote keeps one figure."""
    cells = _cells_by_line(report)
    quoted = _quoted_by_line(report)
    texts = _texts(report)
    missing: list[tuple[int, str, tuple[Decimal, ...]]] = []
    read = scrub(usable_text(text)[0], Findings())  # as the reader reads it: control characters, noise
    for number, line in enumerate(read.split("\n"), start=1):
        figures = _line_figures(_without_own_figures(_THOUSANDS_BEFORE_YEAR.sub("", line)))
        if not figures or is_page_footer(line):  # a page number is the page's, dropped with ZW108
            continue
        own = cells.get(number, [])
        unkept = [f for f in figures if not _kept(f, own, _Nearby(quoted, number, _ABOVE))]
        if unkept and not any(_squeezed(line) in t for t in texts):  # kept in the text it stands in
            missing += ((number, str(f[0]), f) for f in unkept)
    lines = read.split("\n")
    return [
        (number, shown)
        for number, shown, f in missing
        if not _kept(f, [], _Nearby(quoted, number, _BELOW))
        and not _kept((_wrapped(lines, number, shown),), [], _Nearby(quoted, number, _ABOVE))
    ]


def _wrapped(lines: list[str], number: int, shown: str) -> Decimal:
    """The figure a line's first one makes with the last of the line before, where a cell continued
    over the two runs them together (``…属1111`` and ``1111于…``); ``-1`` (no figure) where it does not."""
    before = _EDGE_DIGITS.search(lines[number - 2]) if number > 1 else None
    if before is None or not _squeezed(lines[number - 1]).startswith(shown):
        return Decimal(-1)
    return Decimal(before.group() + shown)
