"""Reports run together into one line — a crawler's plain-text rendering of a web page — broken back
into lines: at the section headings, and in the tables at every label and every run of figures.

``…公开出版物00000004.无正当理由大量反复申请0000000（六）其他处理…`` becomes a line per row, the
figures of each row still glued (``0000000``) for the table's rules to split, and the numbering a run
swallowed (``…00000004.``) handed back to its label. Pieces keep the source line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final, NamedTuple

from ..catalogue import SECTION_NUMERALS, SECTIONS, Section
from ..normalize import fold_width
from ..patterns import regex
from .cells import HEADER, LABEL, read
from .headings import candidate, heaviest_chain
from .labels import index
from .lines import SourceLine, is_escaped
from .record import Record

MIN_CHARS = 20
"""A line shorter than this never holds two sections run together."""
_HEADING_NUMERAL = regex(f"[{SECTION_NUMERALS}][、，,.．]")
_HEADING_SPAN = 40
_FIGURE = r"-?\d+(?:\.\d+)?(?:万?元)?"
_RUN = regex(rf"{_FIGURE}(?:[ \u3000\xa0]*-{_FIGURE[2:]}|[ \u3000\xa0]+{_FIGURE})*")
"""Figures run together; a space or a minus sign between two is a boundary."""
_WORD = regex(_FIGURE)
_NUMBERING_AFTER = regex(r"[.．、][^\d\s]")
_ITEM = regex(r"第二十条第[（(][一二三四五六七八九十]{1,3}[)）]项")
_NOTE = regex(r"[（(][^（()）]{0,60}勾稽[^（()）]{0,60}[)）]")
_LONGEST_LABEL = 60
_NUMBERING_NOTE = regex(r"[一二三四五六七八九十\d]{1,3}")
_TABLE_KINDS = (LABEL, HEADER)
_SENTENCE_END = regex(r"[。；;！？!?]")
_SENTENCE_CHARS = 25
_UNITS = "[条件个项人次年月日号份家户名余多倍%％]"
_UNIT = regex(rf"\s*{_UNITS}")
"""What follows a figure in a sentence, never in a table."""
_GLUED_FIGURE = regex(rf"[\u4e00-\u9fff”)）]\s?\d++(?![\d.]*\s*{_UNITS})")
"""A figure right after a word, as a table row run together has them. Its digits are taken whole
(``++``): giving some back cannot help, and trying each made a long run followed by a unit quadratic."""
_MIN_ROWS = 3
"""A line of table rows run together has at least this many labels before its figures."""
_MAY_HOLD_ROWS = regex(r"\d")
_LAID_OUT_ROW = regex(r"[\t|。]")
"""A tab or pipe: a row of a laid-out table, for its layout to read; a full stop: a sentence."""
_TITLE = regex(r"^\s*(\S{4,60}?(?:年度报告|年报))[\s]+")


class _Heading(Record):
    """Where a section heading could stand inside a text: its start and end there, section and score."""

    __slots__ = ("end", "score", "section", "start")
    start: Final[int]
    end: Final[int]
    section: Final[Section]
    score: Final[int]

    def __init__(self, start: int, end: int, section: Section, score: int) -> None:
        self.start = start
        self.end = end
        self.section = section
        self.score = score

    def _values(self) -> tuple[int, int, Section, int]:
        return (self.start, self.end, self.section, self.score)


@cache
def _endings(section: Section) -> tuple[str, ...]:
    """Words a section's heading may end with: the end of its title and variants (情况, 措施), and
    the words of its last keyword group (概述, 整改)."""
    return tuple(
        dict.fromkeys([*(t[-2:] for t in (section.title, *section.variants)), *section.keywords[-1]])
    )


def _inline_headings(text: str) -> list[_Heading]:
    """Every place a section heading could start inside ``text``, with where it would end."""
    found = []
    for match in _HEADING_NUMERAL.finditer(text):
        start = match.start()
        number = SECTION_NUMERALS.index(text[start]) + 1
        section = SECTIONS[number - 1]
        body = start + len(match.group())
        exact = next(
            (t for t in (section.title, *section.variants) if text.startswith(t, body)),
            None,
        )
        if exact is not None:
            found.append(_Heading(start, body + len(exact), section, 3))
            continue
        ends = sorted(
            (
                stop + len(ending)
                for ending in _endings(section)
                if (stop := text.find(ending, body, body + _HEADING_SPAN)) >= 0
            ),
            reverse=True,  # 主要问题和改进措施, not 主要问题和改进
        )
        for end in ends:
            chosen = candidate(0, text[start:end])
            if chosen is not None and chosen.section is section:
                found.append(_Heading(start, end, section, chosen.score))
                break
    return found


def _chain(found: Sequence[_Heading]) -> list[_Heading]:
    """The heaviest sequence of headings whose section numbers rise along the line, not overlapping."""
    return heaviest_chain(found)


@cache
def _candidate() -> re.Pattern[str]:
    """Where a label, an item header (第…) or the table's note may start."""
    return regex("[" + "".join(sorted(map(re.escape, _label_starts() | {"第"}))) + "]")


@cache
def _label_starts() -> frozenset[str]:
    """The characters a table label can start with (numbering included)."""
    starts = {c for k in (*index().full, *index().bare) for c in k[:1]}
    return frozenset(starts | set("（(一二三四五六七八九十0123456789"))


class _Span(NamedTuple):
    start: int
    end: int
    kind: str
    """``label`` (a label or header cell), ``text`` or ``figure``."""


def _cells(text: str, offset: int) -> Iterator[_Span]:
    """The labels and header cells run together in ``text`` (starting at ``offset`` of the line): the
    longest catalogue label at each place, and whatever lies between as one text cell."""
    starts = _label_starts()
    candidate = _candidate()
    i = 0
    pending = -1
    n = len(text)
    while i < n:
        found = candidate.search(text, i)
        at = found.start() if found is not None else n
        if at > i:  # no label, item or note starts before ``at``
            if pending < 0:
                pending = i
            i = at
            continue
        end = -1
        fixed = _ITEM.match(text, i) or _NOTE.match(text, i)
        if fixed is not None:
            end = fixed.end()
        elif text[i] in starts:
            for j in range(min(n, i + _LONGEST_LABEL), i, -1):
                reading = read(text[i:j])
                if reading.kind in _TABLE_KINDS and not _NUMBERING_NOTE.fullmatch(reading.note or ""):
                    end = j  # not "三、本年度办理结果（一）": the (一) numbers the next label
                    break
        if end < 0:
            if pending < 0:
                pending = i
            i += 1
            continue
        if pending >= 0 and text[pending:i].strip():
            yield _Span(offset + pending, offset + i, "text")
        pending = -1
        yield _Span(offset + i, offset + end, "label")
        i = end
    if pending >= 0 and text[pending:].strip():
        yield _Span(offset + pending, offset + n, "text")


def _rows(folded: str, start: int, end: int) -> Iterator[list[_Span]]:
    """The cells of ``folded[start:end]`` a row at a time: labels and text, then the run of figures
    that follows them, each space or minus sign in a run a boundary between figures."""
    position = start
    for run in _RUN.finditer(folded, start, end):
        run_end = run.end()
        if _NUMBERING_AFTER.match(folded, run_end):
            run_end -= 1  # "…00000002.其他法律…": the 2 is the next label's numbering
        figures = [
            _Span(run.start() + m.start(), run.start() + m.end(), "figure")
            for m in _WORD.finditer(folded[run.start() : run_end])
        ]
        if not figures:  # the run was that numbering alone ("2.其他", "-1.其他"): no figures here
            continue
        yield [*_cells(folded[position : run.start()], position), *figures]
        position = run_end
    rest = list(_cells(folded[position:end], position))
    if rest:
        yield rest


def _is_sentence(text: str) -> bool:
    return len(text.strip()) >= _SENTENCE_CHARS or _SENTENCE_END.search(text) is not None


def _table_lines(folded: str, start: int, end: int) -> Iterator[list[_Span]]:
    """The cells of each line a table section's body makes: a table row per line, its cells apart;
    prose (a sentence before the table, figures inside a sentence) as one text span."""
    prose = -1
    for row in _rows(folded, start, end):
        cells = [c for c in row if c.kind != "figure"]
        if len(cells) < len(row) and (
            not cells or cells[-1].kind != "label" or _UNIT.match(folded, row[-1].end)
        ):
            prose = row[0].start if prose < 0 else prose  # figures in a sentence: "信息82条"
            continue
        k = len(cells)
        while k > 0 and (
            cells[k - 1].kind == "label" or not _is_sentence(folded[cells[k - 1].start : cells[k - 1].end])
        ):
            k -= 1
        if not any(c.kind == "label" for c in cells[k:]):
            prose = row[0].start if prose < 0 else prose  # a sentence and its figures
            continue
        lead = cells[k].start
        if prose >= 0 or k > 0:
            yield [_Span(prose if prose >= 0 else row[0].start, lead, "text")]
        prose = -1
        yield [c for c in row if c.start >= lead]
    if prose >= 0:
        yield [_Span(prose, end, "text")]


def _piece(line: SourceLine, spans: Sequence[tuple[int, int] | _Span]) -> SourceLine:
    """A new line of the cells at ``spans`` of ``line``, tab-separated."""
    same = len(line.text) == len(line.key)
    key = "\t".join(line.key[span[0] : span[1]].strip() for span in spans)
    text = "\t".join(line.text[span[0] : span[1]].strip() for span in spans) if same else key
    return SourceLine(line.number, text, key)


def _split(line: SourceLine, folded: str, chain: Sequence[_Heading]) -> Iterator[SourceLine]:
    """The lines of a report run together: title, prose, headings, and each table's rows."""
    first = chain[0].start
    title = _TITLE.match(folded, 0, first)
    if title is not None:
        yield _piece(line, [title.span(1)])
        if folded[title.end() : first].strip():
            yield _piece(line, [(title.end(), first)])
    elif folded[:first].strip():
        yield _piece(line, [(0, first)])
    for k, heading in enumerate(chain):
        end = chain[k + 1].start if k + 1 < len(chain) else len(folded)
        yield _piece(line, [(heading.start, heading.end)])
        if not folded[heading.end : end].strip():
            continue
        if heading.section.tabular:
            for spans in _table_lines(folded, heading.end, end):
                yield _piece(line, spans)
        else:
            yield _piece(line, [(heading.end, end)])


def _table_row_lines(line: SourceLine, folded: str) -> list[SourceLine] | None:
    """The rows of a line that holds a table's rows run together, or ``None`` for any other line."""
    if _GLUED_FIGURE.search(folded) is None:
        return None
    lines = list(_table_lines(folded, 0, len(folded)))
    labels = sum(c.kind == "label" for row in lines if row[-1].kind == "figure" for c in row)
    if labels < _MIN_ROWS:
        return None
    return [_piece(line, spans) for spans in lines]


def _has_heading_lines(lines: Sequence[SourceLine]) -> bool:
    seen = 0
    for line in lines:  # a loop, not a generator: compiled, a generator expression is built in full
        if len(line.key) <= _HEADING_SPAN and candidate(0, line.key):
            seen += 1
            if seen == 2:
                return True
    return False


def unflatten(lines: Sequence[SourceLine]) -> tuple[list[SourceLine], list[int]]:
    """``lines`` with every line that holds several sections, or several table rows, run together
    broken into lines; and the numbers of those lines. Where two headings stand on lines of their
    own, the report is laid out, and only lines of table rows are broken."""
    laid_out = _has_heading_lines(lines)
    out: list[SourceLine] = []
    broken: list[int] = []
    pieces_of: dict[tuple[str, str], list[SourceLine] | None] = {}
    """A line's pieces by its text: a line repeated is broken once."""
    kept = 0
    """The lines before this are in ``out``."""
    for i in _row_lines(lines) if laid_out else range(len(lines)):
        line = lines[i]
        key = line.key
        if len(key) < _MIN_ROWS or is_escaped(key):
            continue
        seen = (line.text, key)
        if seen not in pieces_of:
            pieces_of[seen] = _pieces(line, laid_out=laid_out)
        pieces = pieces_of[seen]
        if pieces is not None:
            out += lines[kept:i]
            kept = i + 1
            broken.append(line.number)
            out.extend(SourceLine(line.number, piece.text, piece.key) for piece in pieces)
    out += lines[kept:]
    return out, broken


def _row_lines(lines: Sequence[SourceLine]) -> list[int]:
    """Indices of the lines that may hold table rows run together, as ``_pieces`` of a laid-out report
    looks for them: a figure, and no tab, pipe or full stop (most lines of a laid-out report have one)."""
    may_hold_rows = _MAY_HOLD_ROWS.search
    return [
        i
        for i, line in enumerate(lines)
        if "\t" not in (key := line.key) and "|" not in key and "。" not in key and may_hold_rows(key)
    ]


def _pieces(line: SourceLine, *, laid_out: bool) -> list[SourceLine] | None:
    """The lines ``line`` breaks into (see ``unflatten``), or ``None`` where it stays whole."""
    key = line.key
    if laid_out:  # ``_row_lines`` chose it: a figure, and no tab, pipe or full stop
        return _table_row_lines(line, fold_width(key))
    folded = None
    """The line folded to half width, once (``translate`` takes some 30 ns a character)."""
    if len(key) >= MIN_CHARS:
        folded = fold_width(key)
        chain = _chain(_inline_headings(folded))
        if len(chain) >= 2:
            return list(_split(line, folded, chain))
    if _MAY_HOLD_ROWS.search(key) and not _LAID_OUT_ROW.search(key):
        return _table_row_lines(line, fold_width(key) if folded is None else folded)
    return None
