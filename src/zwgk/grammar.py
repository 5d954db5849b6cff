"""The LALR parser over the lexer's tokens, building a ``structure.Document`` as it parses.

The grammar, ``grammars/report.lark``, is Lark's: Lark analyses it into LALR tables (some 20 ms). The
tables are kept in zwgk's cache folder (see ``cache``), marshalled, under the grammar they were made of, and
a parse runs them with a driver of zwgk's own over zwgk's tokens — so Lark is imported only when the
grammar is analysed afresh, and a token costs a tuple, not a Lark ``Token``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from .cache import kept_file, read_kept, write_kept
from .lexing.lines import SourceLine
from .lexing.table import Run
from .lexing.tokens import Token
from .shipped import shipped
from .structure import (
    DataRow,
    Document,
    HeaderRow,
    ItemRow,
    Kept,
    Prose,
    SectionNode,
    Table,
    Title,
    ValueRow,
    text_of,
)

_FORMAT = 2
"""The layout of the tables' file: a file of another layout is analysed again."""
_KIND = "report"


def _part(child: Any) -> Prose | Kept | Table:
    if isinstance(child, Table):
        return child
    return Kept(child.value) if child.type == "KEPT" else Prose(child.value, child.type == "SUBHEAD")


def _parts(children: Sequence[Any]) -> tuple[Prose | Kept | Table, ...]:
    return tuple(map(_part, children))


class _Build:
    """Applied during the parse (no tree is built): each rule becomes a ``structure`` object."""

    def start(self, children: list[Any]) -> Document:
        (title, front), *sections = children
        return Document(title, (front, *sections))

    def front(self, children: list[Any]) -> tuple[tuple[SourceLine, ...], SectionNode]:
        if children and isinstance(children[0], Title):
            return children[0].lines, SectionNode(None, None, _parts(children[1:]))
        return (), SectionNode(None, None, _parts(children))

    def title(self, children: list[Token]) -> Title:
        return Title(tuple(token.value for token in children))

    def section(self, children: list[Any]) -> SectionNode:
        section, heading = children[0].value
        return SectionNode(section, heading, _parts(children[1:]))

    def table(self, children: list[Any]) -> Table:
        return Table(tuple(children))

    def item_row(self, children: list[Token]) -> ItemRow:
        return ItemRow(tuple(children[0].value))

    def header_row(self, children: list[Token]) -> HeaderRow:
        return HeaderRow(tuple(children[0].value))

    def data_row(self, children: list[Token]) -> DataRow:
        cut = children[-1].value if children[-1].type == "CUT" else None
        *labels, end = children[:-1] if cut else children
        named = tuple([t.value for t in labels])
        if end.type == "CELLS":
            return DataRow(named, end.value.cells, end.value.breaks, cut)
        return DataRow(named, ())

    def value_row(self, children: list[Token]) -> ValueRow:
        run = children[0].value
        return ValueRow(run.cells, run.breaks, children[1].value if len(children) > 1 else None)


def _grammar() -> str:
    return shipped("grammars/report.lark").decode("utf-8")


class _Tables(NamedTuple):
    """LALR tables: for each state, what each symbol does — a state ≥ 0 to shift (or go) to, or
    ``-1 - k`` to reduce by rule ``k``; each rule as its symbol and length; the start and end states."""

    actions: list[dict[str, int]]
    rules: list[tuple[str, int]]
    start: int
    end: int


def _build(grammar: str) -> str:
    """What the tables are kept under: the file's layout and the grammar itself (a file of another
    grammar, or layout, is never read)."""
    return f"{_FORMAT}|{grammar}"


def cache_file(grammar: str) -> str | None:
    """Where the tables of ``grammar`` are kept, or ``None`` without a cache folder."""
    return kept_file(_KIND, _build(grammar))


def _cached(grammar: str) -> _Tables | None:
    """The tables of ``grammar`` kept in the cache folder; ``None`` when they are missing, another
    grammar's, cut short or damaged (made again)."""
    kept = read_kept(_KIND, _build(grammar))
    actions, rules, start, end = (kept.get(field) for field in _Tables._fields)
    if not (
        isinstance(actions, list)
        and isinstance(rules, list)
        and isinstance(start, int)
        and isinstance(end, int)
    ):
        return None
    states = range(len(actions))
    if not (
        start in states
        and end in states
        and all(isinstance(rule, tuple) and len(rule) == 2 for rule in rules)
        and all(isinstance(name, str) and isinstance(size, int) and size >= 0 for name, size in rules)
        and all(isinstance(row, dict) for row in actions)
        and all(
            isinstance(symbol, str) and isinstance(to, int) and (to in states or -len(rules) <= to < 0)
            for row in actions
            for symbol, to in row.items()
        )
    ):
        return None
    return _Tables(actions, rules, start, end)


_Maker = Callable[[list[Any]], Any] | None
"""What a reduction by a rule makes of its children: ``None`` for a rule Lark inlines into its parent's
(``_body``, and the repetitions it makes), whose children stay the list they are, to be spliced there."""


@cache
def _parser() -> tuple[_Tables, list[tuple[str, int, _Maker]]]:
    """The tables, and each rule as its symbol, its length and what a reduction by it makes."""
    grammar = _grammar()
    tables = _cached(grammar)
    if tables is None:
        from .analysis import lalr_tables  # Lark, imported only to analyse the grammar afresh

        tables = _Tables(*lalr_tables(grammar))
        write_kept(_KIND, _build(grammar), tables._asdict())
    build = _Build()
    rules = [
        (name, size, None if name.startswith("_") else getattr(build, name)) for name, size in tables.rules
    ]
    return tables, rules


def token_text(token: Token) -> str:
    """What a token stood for, as text."""
    value = token.value
    if token.type == "HEADING":  # (section, line)
        value = value[1]
    elif isinstance(value, Run):
        value = value.cells
    if isinstance(value, list | tuple):
        return text_of(value)
    return str(getattr(value, "text", "") or "")


def parse_tokens(tokens: Iterable[Token]) -> tuple[Document, list[Token]]:
    """The document the tokens make, and any token the grammar had to skip to get there: each token it
    cannot take is skipped, and the tokens end with the row they leave open ended (``EOR``), so any
    sequence of tokens makes a document, in one pass."""
    tables, rules = _parser()
    actions, end = tables.actions, tables.end
    states = [tables.start]
    values: list[Any] = []
    """Tokens and what reductions made of them; a list: the children of an inlined rule, not yet spliced."""
    skipped: list[Token] = []

    def feed(found: Token) -> Any:
        """Shift ``found`` after the reductions it calls for; the document once ``$END`` completes it;
        ``_REFUSED`` for a token no rule takes here."""
        kind = found.type
        state = states[-1]
        while True:
            action = actions[state].get(kind)
            if action is None:
                return _REFUSED
            if action >= 0:
                states.append(action)
                values.append(found)
                return None
            name, size, make = rules[-1 - action]
            if size == 1:  # most rules: one child, replaced where it stands, as is its state
                child = values[-1]
                children = child if type(child) is list else [child]
                values[-1] = children if make is None else make(children)
                state = states[-1] = actions[states[-2]][name]
            else:
                taken = values[len(values) - size :]
                children = []
                if size:
                    del values[-size:], states[-size:]
                    if type(taken[0]) is list:  # a repetition's children so far: extended, not copied
                        children = taken.pop(0)
                for child in taken:
                    if type(child) is list:
                        children += child
                    else:
                        children.append(child)
                values.append(children if make is None else make(children))
                state = actions[states[-1]][name]
                states.append(state)
            if kind == "$END" and state == end:
                return values[-1]

    line = 0
    for found in tokens:
        line = found.line
        if feed(found) is _REFUSED:
            skipped.append(found)
    final = Token("$END", None, line)
    document = feed(final)
    if document is _REFUSED and feed(Token("EOR", None, line)) is None:  # a row left open at the end
        document = feed(final)
    if not isinstance(document, Document):
        raise AssertionError("the grammar ends no document here")  # any tokens end in one: see above
    return document, skipped


_REFUSED = object()
"""What ``feed`` gives for a token the grammar cannot take where it stands."""
