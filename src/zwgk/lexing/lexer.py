"""The lexer: a report's lines → the token stream ``grammars/report.lark`` parses.

Tokens are structural, not per character: a title line, a section heading, a paragraph, a subheading,
a line marked unplaced, and inside tables an item header, a run of header cells, a label, a run of
value cells, the end of a row. Each token's ``value`` carries what it stands for (a ``SourceLine``, a
``Cell`` or a list of cells); ``line`` is its source line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..catalogue import ACTIVE_LABEL_HEADER, Section
from ..normalize import is_page_footer, to_simplified
from ..patterns import regex
from .cells import ITEM, LABEL, NOTE, Reading, read
from .flattened import unflatten
from .headings import candidate, find_headings
from .layout import stretches
from .lines import SourceLine, is_escaped
from .table import table_tokens
from .titles import find_title
from .tokens import Token, prose

_ANCHOR_HEADERS: Final = frozenset(
    {"申请人情况", "direct_litigation", "post_reconsideration_litigation", ACTIVE_LABEL_HEADER}
)
_WORD: Final = regex(r"\S+")
_FIGURE: Final = regex(r"-?\d[\d.,]*")


def _opens_table(reading: Reading) -> bool:
    """Whether a line's first cell, read so, is one that only a table opens with."""
    if reading.kind in (ITEM, NOTE):
        return True
    names = {label.name for label in reading.labels}
    return (reading.kind is LABEL and "new_received" in names) or bool(names & _ANCHOR_HEADERS)


def _before_figures(text: str) -> int:
    """Where the figures that end ``text`` begin (the whitespace before them), or -1: words read from the
    end, so a long line costs one pass (a regular expression searched from each space took the square)."""
    last = text.rstrip()[-1:]
    if not last.isdecimal() and last not in (".", ","):  # no figure ends the text (most prose ends in 。)
        return -1
    words = [found.span() for found in _WORD.finditer(text)]
    k = len(words)
    while k > 0 and _FIGURE.fullmatch(text, *words[k - 1]):
        k -= 1
    if k == 0 and words and words[0][0] == 0:
        k = 1  # a figure must have whitespace before it
    if k == len(words):
        return -1
    return words[k - 1][1] if k else 0


def _is_anchor(line: SourceLine, *, outside: bool) -> bool:
    """Whether a line in a text section is the start of a table (its heading was lost or misplaced):
    a line that only a table has, or a labelled row of figures; before the first heading (``outside``
    any section), also a label whose figures stand in cells of their own (``规章\t0\t0\t0``)."""
    key = line.key
    if is_escaped(key):
        return False
    if "\t" in key or "|" in key:
        cells = [c for c in map(str.strip, key.replace("|", "\t").split("\t")) if c]
    else:  # a paragraph, the commonest line: one cell
        cells = [stripped] if (stripped := key.strip()) else []
    first = cells[0] if cells else ""
    figures = _before_figures(first)
    if figures >= 0 and read(first[:figures]).kind is LABEL:
        return True
    reading = read(first)
    if outside and len(cells) > 1 and reading.kind is LABEL and all(map(_FIGURE.fullmatch, cells[1:])):
        return True
    word = first.split(" ", 1)[0]
    return _opens_table(reading) or (word != first and _opens_table(read(word)))


def _body_tokens(lines: Sequence[SourceLine], section: Section | None, *, ends_text: bool) -> list[Token]:
    """The tokens of a section's body: prose, and tables from the first table line on. ``ends_text``:
    the text ends with this body."""
    table_from = 0 if section is not None and section.tabular else len(lines)
    for i, line in enumerate(lines[:table_from]):
        if line.key.strip() and _is_anchor(line, outside=section is None):
            table_from = i
            break
    found = [prose(line) for line in lines[:table_from] if line.key.strip()]
    return found + table_tokens(lines[table_from:], ends_text=ends_text)


def tokens(lines: Sequence[SourceLine]) -> list[Token]:
    """The whole report as tokens."""
    keys = [line.key for line in lines]
    headings = find_headings(keys)
    first_heading = min(headings, default=len(lines))
    title = find_title(keys, first_heading)
    out = [Token("TITLE", lines[i], lines[i].number) for i in title]
    if title:  # a page marker above the title (正文) is kept, as the preamble's first paragraph
        out += [prose(line) for line in lines[: title[0]] if line.key.strip()]
    starts = sorted(headings)
    bounds = zip(
        [title[-1] + 1 if title else 0, *(s + 1 for s in starts)], [*starts, len(lines)], strict=True
    )
    for k, (start, end) in enumerate(bounds):
        section = headings[starts[k - 1]] if k else None
        if section is not None:
            heading = lines[starts[k - 1]]
            out.append(Token("HEADING", (section, heading), heading.number))
        out.extend(_body_tokens(lines[start:end], section, ends_text=k == len(starts)))
    return out


def reads_back(text: str, *, tabular: bool, opening: bool = False, outside: bool = False) -> bool:
    """Whether ``text`` on a line of its own is read back as a paragraph with that very text: in a
    section with a table (``tabular``), before the first heading (``outside`` any section), or among the
    opening lines where a title is looked for (``opening``)."""
    if not text or text != text.strip() or "\n" in text or is_escaped(text) or is_page_footer(text):
        return False
    if candidate(0, text) is not None or (opening and find_title([text], 1)):
        return False
    line = SourceLine(1, text, text)
    if unflatten([line])[1]:  # table rows or sections run together, broken into lines when read
        return False
    if not tabular:
        return not _is_anchor(line, outside=outside)
    # In a table a line is prose whatever its neighbours only where the lexer takes it as prose by
    # itself (a sentence); short text would join the cells of the lines around it.
    return stretches([line]) == [line]


def reads_back_as_row(name: str) -> bool:
    """Whether a report's own table row, named ``name`` in canonical text, reads back as a row of that
    name: its line, as the lexer reads it, is that text and its figure — not a label (``行政事 业性收费``,
    fragments an empty cell kept apart), text and a label, a line marked prose, or a header and a label
    run together."""
    key = to_simplified(" ".join(name.split()))
    line = f"{key}\t0"
    found = table_tokens([SourceLine(1, line, line)])
    return [t.type for t in found] == ["TEXT", "CELLS"] and found[0].value.key == key
