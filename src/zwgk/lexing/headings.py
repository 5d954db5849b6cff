"""Finding the six section headings among a report's lines.

Every line that could be a section heading becomes a candidate with a score: the official title or a
known variant scores high, a numbered line that only contains the section's keywords scores low. The
headings are the highest-scoring set of candidates whose section numbers rise with the line numbers,
so an overview subheading such as ``二、主动公开情况`` cannot take the place of the real
``二、主动公开政府信息情况`` further down, and a row label such as ``三、本年度办理结果`` is never one.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from functools import cache
from typing import Final, Protocol, TypeVar

from ..catalogue import SECTIONS, Section
from ..patterns import regex
from .labels import split_key
from .lines import is_escaped, without_heading_mark
from .record import Record

_CN_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_MAX_HEADING_CHARS: Final = 40
_SENTENCE_PUNCTUATION: Final = regex(r"[，。；！？,;]")


class Candidate(Record):
    """A line that could be a section's heading, and how sure that is."""

    __slots__ = ("line", "score", "section")
    line: Final[int]
    """Index of the line in the report."""
    section: Final[Section]
    score: Final[int]

    def __init__(self, line: int, section: Section, score: int) -> None:
        self.line = line
        self.section = section
        self.score = score

    def _values(self) -> tuple[int, Section, int]:
        return (self.line, self.section, self.score)

    @property
    def start(self) -> int:
        return self.line

    @property
    def end(self) -> int:
        return self.line + 1


@cache
def _exact_titles() -> dict[str, Section]:
    return {split_key(t)[1]: s for s in SECTIONS for t in (s.title, *s.variants)}


def _number(numbering: str) -> int | None:
    """The section number a heading's numbering gives (``三、`` → 3, ``3.`` → 3); ``(三)`` is a
    subheading's numbering, never a section's."""
    if not numbering or numbering.startswith("("):
        return None
    digits = numbering[:-1]
    return int(digits) if digits.isdigit() else _CN_NUMBERS.get(digits)


def _has_keywords(rest: str, section: Section) -> bool:
    return all(any(word in rest for word in group) for group in section.keywords)


@cache
def _keywords() -> re.Pattern[str]:
    """Any word a heading must contain: every title and variant contains one (a test checks it)."""
    return regex("|".join(sorted({w for s in SECTIONS for group in s.keywords for w in group})))


def candidate(index: int, line: str) -> Candidate | None:
    """The heading a line could be, if any."""
    text = without_heading_mark(line).strip()
    if not text or len(text) > _MAX_HEADING_CHARS or "\t" in text or "|" in text or is_escaped(text):
        return None
    numbering, rest = split_key(text)
    number = _number(numbering)
    if numbering and number is None:
        return None
    exact = _exact_titles().get(rest)
    if exact is not None:  # renumbered (tables appended as 一、二、三) counts as much as unnumbered
        return Candidate(index, exact, 3 if number == exact.number else 2)
    if number is None or not 1 <= number <= len(SECTIONS) or _SENTENCE_PUNCTUATION.search(text):
        return None
    section = SECTIONS[number - 1]
    if len(rest) <= 2 * len(section.title) and _has_keywords(rest, section):
        return Candidate(index, section, 1)
    return None


def figures_beside(section: Section, line: str) -> bool:
    """Whether a heading line, read as ``section``'s, holds figures its official wording does not (a
    heading with more in it, ``二、2023年主动公开政府信息情况``): they would go with the heading."""
    rest = split_key(without_heading_mark(line).strip())[1]
    return _exact_titles().get(rest) is not section and any(c.isdigit() for c in rest)


def _may_be_heading(line: str) -> bool:
    """What ``candidate`` asks of a line first, asked without reading it: short, and no table row (no
    pipe; no tab inside it, unless a Markdown heading mark may take the tab with it)."""
    return (
        len(line) <= 2 * _MAX_HEADING_CHARS and "|" not in line and ("\t" not in line.strip() or "#" in line)
    )


def _keyword_lines(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that may be headings and contain a heading keyword, found in one scan of
    those lines (the scan costs some 12 ns a character: table rows and paragraphs are left out)."""
    short = [i for i, line in enumerate(lines) if _may_be_heading(line)]
    text = "\n".join([lines[i] for i in short])
    found: list[int] = []
    index = position = 0
    for match in _keywords().finditer(text):
        start = match.start()
        index += text.count("\n", position, start)
        position = start
        if not found or found[-1] != short[index]:
            found.append(short[index])
    return found


def find_headings(lines: Sequence[str]) -> dict[int, Section]:
    """Line index → section, for the lines that are section headings."""
    found = [c for i in _keyword_lines(lines) if (c := candidate(i, lines[i])) is not None]
    return {c.line: c.section for c in heaviest_chain(found)}


class Scored(Protocol):
    """A place a section heading could be, and how sure that is."""

    @property
    def section(self) -> Section: ...

    @property
    def score(self) -> int: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=Scored)


def heaviest_chain(found: Sequence[_T]) -> list[_T]:
    """The heaviest run of ``found`` whose section numbers rise strictly, each one starting at or after
    the end of the one before it; of equally heavy runs, the one that picks earlier places.

    ``found`` is in order of ``start``, every ``end`` after its ``start`` and every score positive. One
    pass, keeping for each section number the heaviest run ending there among the places already
    ended: O(n log n) for n places (a report can hold any number of heading-like lines)."""
    best: list[tuple[int, int]] = []  # (chain score, previous item or -1)
    ended: list[tuple[int, int]] = []  # heap of (end, item) not yet available to a later item
    heaviest: dict[int, tuple[int, int]] = {}  # section number → (-chain score, item): the best ended there
    for k, here in enumerate(found):
        while ended and ended[0][0] <= here.start:
            j = heapq.heappop(ended)[1]
            number, mine = found[j].section.number, (-best[j][0], j)
            if number not in heaviest or mine < heaviest[number]:
                heaviest[number] = mine
        below = [heaviest[n] for n in heaviest if n < here.section.number]
        if below:
            score, previous = min(below)
            best.append((here.score - score, previous))
        else:
            best.append((here.score, -1))
        heapq.heappush(ended, (here.end, k))
    chain = []
    k = max(range(len(found)), key=lambda i: best[i][0], default=-1)
    while k >= 0:
        chain.append(found[k])
        k = best[k][1]
    return chain[::-1]
