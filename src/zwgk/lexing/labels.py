"""Label matching: normalized match keys, and the index of every catalogue label by key.

A match key ignores what real reports vary without changing meaning: character width, whitespace,
punctuation, and the spelling of list numbering (``(三)`` ``（三）`` ``( 三)`` are one key, as are
``1.`` ``1、`` ``（1）``). The numbering is kept apart from the rest, so a label can also be found when a
report drops or changes its numbering.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from functools import cache, lru_cache
from typing import Final

from .. import catalogue
from ..catalogue import Column, Row
from ..model.common import Template
from ..normalize import fold_width
from ..patterns import regex
from .record import Record

_SPACE = regex(r"[ \t\r\n\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]")
_PUNCTUATION = regex(
    r"[、，,。.．:：;；“”\"‘’'「」『』《》〈〉·・!！?？\-—–―_~～/／\\|\[\]【】〔〕{}<>*#%+=`^$&@]"
)
"""What a match key drops. A pattern, not a ``translate`` table: ``translate`` looks up each character
of a CJK text in its table, raising and catching a ``KeyError`` for each it does not hold."""
_CN_DIGITS = "一二三四五六七八九十"
_NUMBERING = regex(
    rf"^(?:\(([{_CN_DIGITS}]{{1,3}}|\d{{1,2}})\)[、.,]*"
    rf"|([{_CN_DIGITS}]{{1,3}}),*[、.]+"
    rf"|(\d{{1,2}})[、.,)]+(?!\d))"
)
ITEM_HEADER = regex(rf"第二十条第?\(?([{_CN_DIGITS}]{{1,3}})\)?项$")
"""A 第二十条第（X）项 block header, as a match key ends with it (``第二十条(一)项`` too)."""
ITEM_PREFIX_CHARS = 20
"""What may stand before it in its cell: ``《条例》`` or ``中华人民共和国政府信息公开条例``."""
_INNER_NOTE = regex(r"\([^()]*\)")


@lru_cache(maxsize=16384)
def split_key(text: str) -> tuple[str, str]:
    """``(numbering, rest)`` of a label: numbering in a canonical spelling (``(三)``, ``三、``, ``3.``)
    or ``""``; the rest folded to half width with whitespace and punctuation removed."""
    return split_folded(fold_width(text))


def split_folded(text: str) -> tuple[str, str]:
    """``split_key`` of a text already folded to half width."""
    spaceless = _SPACE.sub("", text)
    match = _NUMBERING.match(spaceless)
    if match is None:
        return "", _PUNCTUATION.sub("", spaceless)
    paren, chinese, arabic = match.groups()
    rest = _PUNCTUATION.sub("", spaceless[match.end() :])
    if paren is not None:
        numbering = f"{int(paren)}." if paren.isdigit() else f"({paren})"
    elif chinese is not None:
        numbering = f"{chinese}、"
    else:
        numbering = f"{int(arabic)}."
    return numbering, rest


def key(text: str) -> str:
    numbering, rest = split_key(text)
    return numbering + rest


def _note_start(rest: str, end: int) -> int:
    """Where the parenthesised note that ends ``rest[:end]`` opens, or -1: a note closed at the end, or
    one the cell cut short (``（区分处理的，只``), with no other parenthesis inside. Looks at the note
    only, so stripping notes one by one takes time linear in the text."""
    start = rest.rfind("(", 0, end)
    return -1 if rest.find(")", start + 1, end - 1) >= 0 else start


@lru_cache(maxsize=4096)
def wording(text: str) -> str:
    """The words of a label: its key without numbering and without trailing parenthesised notes."""
    rest = split_key(text)[1]
    end = len(rest)
    while (start := _note_start(rest, end)) > 0:
        end = start
    return rest[:end]


class Role(enum.Enum):
    """What a label is in its table."""

    ROW = "row"
    """A row label (or group label) of table 二 or 三."""
    COLUMN = "column"
    """A column header that names the cells below it."""
    HEADER = "header"
    """Another header cell: 信息内容, 申请人情况, 法人或其他组织, 行政复议…"""


class Label(Record):
    """One catalogue label (or alias) as the index knows it."""

    __slots__ = ("name", "role", "table", "templates")
    role: Final[Role]
    table: Final[int]
    """2, 3 or 4."""
    name: Final[str]
    """Row path or column field; for other headers, the canonical label or group field."""
    templates: Final[frozenset[Template]]
    """The formats that print this spelling (canonically or as an alias)."""

    def __init__(self, role: Role, table: int, name: str, templates: frozenset[Template]) -> None:
        self.role = role
        self.table = table
        self.name = name
        self.templates = templates

    def _values(self) -> tuple[Role, int, str, frozenset[Template]]:
        return (self.role, self.table, self.name, self.templates)


class Match(Record):
    """What a text names: the labels, and how they were found."""

    __slots__ = ("labels", "note", "renumbered")
    labels: Final[tuple[Label, ...]]
    note: Final[str | None]
    """A parenthesised note after the label, removed to find it (``(单位:万元,保留4位小数)``)."""
    renumbered: Final[bool]
    """Found only by ignoring the numbering the report gave (or did not give) the label."""

    def __init__(self, labels: tuple[Label, ...], note: str | None = None, renumbered: bool = False) -> None:
        self.labels = labels
        self.note = note
        self.renumbered = renumbered

    def _values(self) -> tuple[tuple[Label, ...], str | None, bool]:
        return (self.labels, self.note, self.renumbered)


def _joined(notes: list[str], any_removed: bool) -> str | None:
    """The notes removed from a label, in the order printed (``notes`` holds the last first)."""
    return "；".join(reversed(notes)) if any_removed else None


class LabelIndex(Record):
    """Every catalogue label by its key, and by its key without numbering where that is unambiguous."""

    __slots__ = ("bare", "full", "keys", "longest")
    full: Final[dict[str, tuple[Label, ...]]]
    bare: Final[dict[str, tuple[Label, ...]]]
    keys: Final[tuple[str, ...]]
    """Every key of ``full`` and ``bare``, in order."""
    longest: Final[int]
    """The length of the longest key: no longer text is a label."""

    def __init__(
        self,
        full: dict[str, tuple[Label, ...]],
        bare: dict[str, tuple[Label, ...]],
        keys: tuple[str, ...],
        longest: int,
    ) -> None:
        self.full = full
        self.bare = bare
        self.keys = keys
        self.longest = longest

    def _values(
        self,
    ) -> tuple[dict[str, tuple[Label, ...]], dict[str, tuple[Label, ...]], tuple[str, ...], int]:
        return (self.full, self.bare, self.keys, self.longest)

    def lookup(self, numbering: str, rest: str) -> Match | None:
        """The catalogue labels a text of key ``numbering + rest`` (``split_key``) names, trying the whole
        key, then the key without its numbering, then without trailing parenthesised notes."""
        notes: list[str] = []
        """The notes removed, the last first; empty ones at the end of the text are dropped."""
        end = len(rest)
        while True:
            if end <= self.longest:
                found = self.full.get(numbering + rest[:end])
                renumbered = not found
                found = found or self.bare.get(rest[:end])
                if found:  # the notes joined only now: joining them at each step would take the square
                    return Match(found, _joined(notes, end < len(rest)), renumbered=renumbered)
            start = _note_start(rest, end)
            if start <= 0:
                return self._without_inner_notes(numbering, rest[:end], _joined(notes, end < len(rest)))
            removed = rest[start + 1 : end].removesuffix(")")
            if removed or notes:
                notes.append(removed)
            end = start

    def _without_inner_notes(self, numbering: str, rest: str, note: str | None) -> Match | None:
        """A label with a note inside it (``本年（2023）制发件数``), found without the note."""
        inner = _INNER_NOTE.findall(rest)
        if not inner:
            return None
        bare = _INNER_NOTE.sub("", rest)
        notes = "；".join([*(n[1:-1] for n in inner), *([note] if note else [])])
        found = self.full.get(numbering + bare)
        if found:
            return Match(found, notes)
        found = self.bare.get(bare)
        return Match(found, notes, renumbered=True) if found else None

    def is_prefix(self, text: str) -> bool:
        """Whether ``text`` is the beginning of some label (a fragment of a label broken over cells)."""
        found = key(text)
        after = bisect_right(self.keys, found)  # the keys ``found`` begins, if any, come next
        return bool(found) and after < len(self.keys) and self.keys[after].startswith(found)


_Id = tuple[Role, int, str]
"""A label as ``(role, table, name)``: the index holds one ``Label`` of each under each key it is found by."""


def _spellings() -> list[tuple[str, _Id, Template]]:
    """Every spelling the catalogue declares, with the label it spells and a format that prints it."""
    found: list[tuple[str, _Id, Template]] = []

    def add(
        role: Role, table: int, name: str, canonical: str, aliases: tuple[str, ...], template: Template
    ) -> None:
        label = (role, table, name)
        found.extend((spelling, label, template) for spelling in (canonical, *aliases))

    def add_column(table: int, column: Column, template: Template) -> None:
        add(Role.COLUMN, table, column.field, column.label, column.aliases, template)

    def add_row(table: int, path: str, row: Row, template: Template) -> None:
        add(Role.ROW, table, path, row.label, row.aliases, template)

    for template in Template:
        add(Role.HEADER, 2, catalogue.ACTIVE_LABEL_HEADER, catalogue.ACTIVE_LABEL_HEADER, (), template)
        for block in catalogue.ACTIVE_BLOCKS[template]:
            for column in block.columns:
                add_column(2, column, template)
            for row in block.rows:
                add_row(2, row.field or "", row, template)
        for label in catalogue.REQUEST_HEADER_LABELS:
            add(Role.HEADER, 3, label, label, (), template)
        for column in catalogue.REQUEST_COLUMNS:
            add_column(3, column, template)
        for path, row, _ in catalogue.walk_rows(catalogue.REQUEST_ROWS[template]):
            add_row(3, path or "results", row, template)
        for label in catalogue.REVIEW_HEADER_LABELS:
            add(Role.HEADER, 4, label, label, (), template)
        for group in catalogue.REVIEW_GROUPS:
            add(Role.HEADER, 4, group.field or "", group.label, group.aliases, template)
        for column in catalogue.REVIEW_COLUMNS:
            add_column(4, column, template)
    return found


_Found = dict[str, dict[_Id, list[Template]]]
"""Keys, each with the labels found by it (in the catalogue's order) and the formats that print them so."""


def _add(found: _Found, key: str, label: _Id, template: Template) -> None:
    formats = found.setdefault(key, {}).setdefault(label, [])
    if template not in formats:
        formats.append(template)


def _labels(found: dict[_Id, list[Template]]) -> tuple[Label, ...]:
    return tuple(Label(*label, frozenset(formats)) for label, formats in found.items())


@cache
def index() -> LabelIndex:
    """The label index, built once per process from the catalogue."""
    full: _Found = {}
    numbered: _Found = {}
    """Keys of numbered spellings without their numbering."""
    for spelling, label, template in _spellings():
        numbering, rest = split_key(spelling)
        _add(full, numbering + rest, label, template)
        if numbering:
            _add(numbered, rest, label, template)
    # A label may be found without its numbering only where that is unambiguous: "其他" is the column,
    # never "3.其他"; "总计" the column, never "（七）总计".
    bare = {
        rest: labels
        for rest, labels in numbered.items()
        if rest not in full and len({(table, name) for _, table, name in labels}) == 1
    }
    keys = sorted((*full, *bare))
    return LabelIndex(
        {k: _labels(v) for k, v in full.items()},
        {k: _labels(v) for k, v in bare.items()},
        tuple(keys),
        max(map(len, keys)),
    )
