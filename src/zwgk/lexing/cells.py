"""Reading one table cell: is it blank, a figure, a marker, a label, a header or other text?

Readings are cached by text: real reports repeat the same few hundred cell texts ("0", "", labels).
"""

from __future__ import annotations

import enum
import re
import sys
from decimal import Decimal
from functools import lru_cache
from typing import Final

from .. import catalogue
from ..normalize import fold_width
from ..numerals import DIGITS, chinese_integer
from ..patterns import regex
from .labels import ITEM_HEADER, ITEM_PREFIX_CHARS, Label, Role, index, split_folded
from .record import Record


class CellKind(str, enum.Enum):
    """What a cell is."""

    BLANK = "b"
    NUMBER = "n"
    MARKER = "m"
    """A dash, slash or 无 printed instead of a figure."""
    ITEM = "i"
    """A 《条例》第二十条第（X）项 block header."""
    NOTE = "o"
    """The 勾稽关系 note in table 三's corner."""
    HEADER = "h"
    LABEL = "l"
    TEXT = "t"
    UNREAD = "u"
    """A figure in a cell that no column can take as it stands: approximate (``约64``), or of another unit
    (``64人``, ``12%``). It holds its column's place, and is read as blank with its text quoted."""


# Each kind as a constant of this module: Python before 3.12 looks an enum's members up on their class
# slowly, and the lexer and the assembler ask the kind of every cell.
BLANK: Final = CellKind.BLANK
NUMBER: Final = CellKind.NUMBER
MARKER: Final = CellKind.MARKER
ITEM: Final = CellKind.ITEM
NOTE: Final = CellKind.NOTE
HEADER: Final = CellKind.HEADER
LABEL: Final = CellKind.LABEL
TEXT: Final = CellKind.TEXT
UNREAD: Final = CellKind.UNREAD

VALUE_KINDS: Final = (BLANK, NUMBER, MARKER, UNREAD)


class Reading(Record):
    """What a cell's text means, independent of where it stands."""

    __slots__ = (
        "glued",
        "integer",
        "item",
        "kind",
        "labels",
        "note",
        "number",
        "numerals",
        "out_of_range",
        "renumbered",
        "unit",
    )
    kind: Final[CellKind]
    number: Final[Decimal | None]
    integer: Final[int | None]
    """``number`` as an ``int`` when it is a whole number without a money unit."""
    unit: Final[str | None]
    labels: Final[tuple[Label, ...]]
    note: Final[str | None]
    """A parenthesised note that followed a label (``单位万元保留4位小数``); for a figure, the note printed
    after it (``13000000（预算``)."""
    renumbered: Final[bool]
    item: Final[str | None]
    glued: Final[bool]
    """A run of figures printed against its row's label without a separator (``规章000``)."""
    numerals: Final[bool]
    """A figure written in Chinese numerals (``二百一十七``)."""
    out_of_range: Final[bool]
    """A figure beyond ``catalogue.MAX_FIGURE`` or with more than ``MAX_DECIMAL_PLACES``: no value
    (``number`` and ``integer`` are ``None``)."""

    def __init__(
        self,
        kind: CellKind,
        number: Decimal | None = None,
        integer: int | None = None,
        unit: str | None = None,
        labels: tuple[Label, ...] = (),
        note: str | None = None,
        renumbered: bool = False,
        item: str | None = None,
        glued: bool = False,
        numerals: bool = False,
        out_of_range: bool = False,
    ) -> None:
        self.kind = kind
        self.number = number
        self.integer = integer
        self.unit = unit
        self.labels = labels
        self.note = note
        self.renumbered = renumbered
        self.item = item
        self.glued = glued
        self.numerals = numerals
        self.out_of_range = out_of_range

    def _values(self) -> tuple[object, ...]:
        return (
            self.kind,
            self.number,
            self.integer,
            self.unit,
            self.labels,
            self.note,
            self.renumbered,
            self.item,
            self.glued,
            self.numerals,
            self.out_of_range,
        )

    def as_glued(self) -> Reading:
        """The same reading of a figure found in a run glued to its row's label."""
        return Reading(
            self.kind,
            self.number,
            self.integer,
            self.unit,
            self.labels,
            self.note,
            self.renumbered,
            self.item,
            glued=True,
            numerals=self.numerals,
            out_of_range=self.out_of_range,
        )


class Cell(Record):
    """A cell as found: its text as kept for output, as read (simplified), its source line, its kind
    and its reading (made by ``cell``); see ``record``: the lexer and the assembler read the kind of
    every cell."""

    __slots__ = ("key", "kind", "line", "reading", "text")
    text: str
    key: str
    line: int
    kind: CellKind
    reading: Reading

    def __init__(self, text: str, key: str, line: int, kind: CellKind, reading: Reading) -> None:
        self.text = text
        self.key = key
        self.line = line
        self.kind = kind
        self.reading = reading

    def _values(self) -> tuple[str, str, int, CellKind, Reading]:
        return (self.text, self.key, self.line, self.kind, self.reading)


_UNITS = "|".join(catalogue.UNITS)
_SIGNS = "|".join(sorted(map(re.escape, catalogue.SIGN_WORDS), key=len, reverse=True))
_FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER: Final = regex(
    rf"({_SIGNS})?\s*(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?(?:\s*({_UNITS}))?(?:\s*([(（].*))?", re.DOTALL
)
_NUMERALS: Final = regex(f"(?:零|〇|[{DIGITS}]{{2,}}|[{DIGITS}]\\s*(?=件))\\s*(件)?")
"""A figure in Chinese numerals: one character alone only if it is 零 (一 to 十 alone are as often the
numbering of a label cut from it: ``一、本年新收`` broken after ``一``) or is followed by 件."""
_LONGEST_FIGURE = sys.int_info.default_max_str_digits
"""More digits than Python prints of an int (4300) make no figure, and reading them as one would take
time quadratic in their number: such a run is text."""
_MARKERS = frozenset(fold_width(m) for m in catalogue.CELL_MARKERS)
_MARKER_ENDS = frozenset(m[0] + m[-1] for m in _MARKERS)
"""Each marker's first and last character as one string. Taking the whitespace out of a stripped text
keeps its two ends, so a text whose ends are not a marker's is no marker: a paragraph is not scanned."""
_APPROXIMATE = "|".join(map(re.escape, catalogue.APPROXIMATE_WORDS))
_OTHER_UNITS = "|".join(map(re.escape, catalogue.OTHER_UNITS))
_UNREAD: Final = regex(
    rf"(?:(?:{_APPROXIMATE})\s*{_FIGURE}\s*(?:{_OTHER_UNITS}|{_UNITS})*|{_FIGURE}\s*(?:{_OTHER_UNITS})+(?:{_UNITS})?"
    rf"|[(（]\s*{_FIGURE}\s*(?:{_UNITS})?)"
)
"""A figure with a word that makes it no count: before it (``约64``, ``约5件``) or after it (``64人``, ``12%``,
``5余件``); or after a bracket that nothing closes (``（40``)."""
_WHITESPACE: Final = regex(r"\s+")
_DIGIT: Final = regex(r"\d")
_BLANK: Final = Reading(BLANK)
_OUT_OF_RANGE: Final = Reading(NUMBER, out_of_range=True)


_READINGS: Final[dict[str, Reading]] = {}
"""Readings of short texts (figures, labels), looked up before ``_read``'s cache: a dict lookup in
compiled code, where a call through ``lru_cache`` costs more than the lookup it makes. It keeps the
first ``_CACHED`` such texts a process reads, which the texts it reads most are among."""
_CACHED: Final = 8192
_SHORT: Final = 80


def read(text: str) -> Reading:
    """The reading of a cell's (simplified) text."""
    found = _READINGS.get(text)
    if found is None:
        found = _read(text)
        if len(text) <= _SHORT and len(_READINGS) < _CACHED:
            _READINGS[text] = found
    return found


@lru_cache(maxsize=16384)
def _read(text: str) -> Reading:
    wide = fold_width(text)
    folded = wide.strip()
    if not folded:
        return _BLANK
    found = _NUMBER.fullmatch(folded)
    if found is not None:
        sign, whole, fraction, unit, note = found.groups()
        whole = whole.replace(",", "").lstrip("0") or "0"
        if len(whole) > catalogue.MAX_FIGURE_DIGITS or len(fraction or "") > catalogue.MAX_DECIMAL_PLACES:
            return _OUT_OF_RANGE
        digits = whole + (f".{fraction}" if fraction is not None else "")
        number = Decimal(catalogue.SIGN_WORDS.get(sign or "", "") + digits)
        if abs(number) > catalogue.MAX_FIGURE:
            return _OUT_OF_RANGE
        whole_number = number == number.to_integral_value() and unit not in catalogue.MONEY_UNITS
        integer = int(number) if whole_number else None
        return Reading(NUMBER, number, integer, unit, note=note[1:].rstrip("）)") if note else None)
    if folded[0] + folded[-1] in _MARKER_ENDS and _WHITESPACE.sub("", folded) in _MARKERS:
        return Reading(MARKER)
    numeral = _NUMERALS.fullmatch(folded)
    if numeral is not None and (integer := chinese_integer(folded.removesuffix("件").rstrip())) is not None:
        return Reading(NUMBER, Decimal(integer), integer, numeral.group(1), numerals=True)
    numbering, rest = split_folded(wide)
    whole = numbering + rest
    item = ITEM_HEADER.search(whole)
    if (
        item is not None
        and item.start() <= ITEM_PREFIX_CHARS
        and not _DIGIT.search(whole, len(numbering), item.start())
    ):
        return Reading(ITEM, item=item.group(1))
    if "勾稽" in rest and not _DIGIT.search(rest):  # the note has no figures: these are other cells'
        return Reading(NOTE)
    match = index().lookup(numbering, rest)
    if match is None:
        return Reading(UNREAD if _UNREAD.fullmatch(folded) else TEXT)
    kind = LABEL if match.labels[0].role is Role.ROW else HEADER
    return Reading(kind, labels=match.labels, note=match.note, renumbered=match.renumbered)


def split_cell(text: str) -> list[str]:
    """A cell that holds several cells separated by spaces, as PDF text layers and converters write
    them, split into those cells: trailing figures come off one by one (``行政许可 97``); so do labels,
    headers and item headers at the end of what is left (``（四）无 1.本机关不掌握相关政府信息 746``: the group label
    broken around its first row). Anything else stays whole, so labels with stray spaces (``科研 机构``)
    are left intact."""
    parts = text.split()
    if len(parts) < 2 or read(text).kind is not TEXT:
        return [text]
    end = len(parts)
    while end > 0 and read(parts[end - 1]).kind in (NUMBER, MARKER):
        end -= 1
    labels = end
    while labels > 0 and read(parts[labels - 1]).kind in (LABEL, HEADER, ITEM):
        labels -= 1
    if labels == end or read(" ".join(parts[:end])).kind is not TEXT:
        labels = end  # no label at the end, or the text before the figures is one label itself
    head = " ".join(parts[:labels])
    return [*([head] if head else []), *parts[labels:]]


def cell(text: str, key: str, line: int) -> Cell:
    """The cell whose output text is ``text`` and read text ``key``, found on ``line``."""
    reading = read(key)
    return Cell(text, key, line, reading.kind, reading)


def cells_of(parts: list[str], line: int) -> list[Cell]:
    """The cells whose output text and read text are each of ``parts`` stripped, found on ``line``:
    ``cell`` for a line's cells at once."""
    cells = []
    for part in parts:
        key = part.strip()
        found = read(key)
        cells.append(Cell(key, key, line, found.kind, found))
    return cells


def has_text(cells: list[Cell]) -> bool:
    """Whether some cell of ``cells`` is text: a loop that stops at the first, a field read a cell in
    compiled code (``any`` of a generator, the same compiled, costs more interpreted)."""
    for found in cells:  # noqa: SIM110
        if found.kind is TEXT:
            return True
    return False


def blank(line: int) -> Cell:
    """An empty cell on ``line``."""
    return Cell("", "", line, BLANK, _BLANK)
