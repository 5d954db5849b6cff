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

_FORMAT = 3
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
    """LALR tables, a row of numbers per state: what each symbol (by its place in ``symbols``) does — a
    state ≥ 0 to shift (or go) to, ``-1 - k`` to reduce by rule ``k``, ``-1 - len(rules)`` nothing;
    each rule as its symbol and length; the start and end states."""

    symbols: list[str]
    table: list[list[int]]
    rules: list[tuple[str, int]]
    start: int
    end: int


def _dense(actions: list[dict[str, int]], rules: list[tuple[str, int]], start: int, end: int) -> _Tables:
    """The tables ``analysis.lalr_tables`` gives (a dict of actions per state), as rows of numbers: a
    token's symbol is then looked up once, not at each step of the parse."""
    symbols = sorted({symbol for row in actions for symbol in row} | {name for name, _ in rules})
    nothing = _nothing(rules)
    return _Tables(symbols, [[row.get(s, nothing) for s in symbols] for row in actions], rules, start, end)


def _nothing(rules: Sequence[object]) -> int:
    """The action that stands for none, in tables of ``rules``: below every rule's reduction."""
    return -1 - len(rules)


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
    symbols, table, rules, start, end = (kept.get(field) for field in _Tables._fields)
    if not (
        isinstance(symbols, list)
        and isinstance(table, list)
        and isinstance(rules, list)
        and type(start) is int
        and type(end) is int
        and {type(s) for s in symbols} <= {str}
        and len(set(symbols)) == len(symbols)
        and {type(row) for row in table} <= {list}
        and all(isinstance(rule, tuple) and len(rule) == 2 for rule in rules)
    ):
        return None
    named = set(symbols)
    if not (
        0 <= start < len(table)
        and 0 <= end < len(table)
        and all(
            type(name) is str and name in named and type(size) is int and size >= 0 for name, size in rules
        )
        and all(len(row) == len(symbols) and {type(to) for to in row} <= {int} for row in table)
        and all(_nothing(rules) <= min(row, default=0) and max(row, default=0) < len(table) for row in table)
    ):
        return None
    return _Tables(symbols, table, rules, start, end)


_Maker = Callable[[list[Any]], Any] | None
"""What a reduction by a rule makes of its children: ``None`` for a rule Lark inlines into its parent's
(``_body``, and the repetitions it makes), whose children stay the list they are, to be spliced there."""


class _Machine:
    """The tables a parse runs, and what each rule's reduction makes."""

    def __init__(self, tables: _Tables) -> None:
        self.numbers: dict[str, int] = {symbol: i for i, symbol in enumerate(tables.symbols)}
        self.table: list[list[int]] = tables.table
        build = _Build()
        self.rules: list[tuple[int, int, _Maker]] = [
            (self.numbers[name], size, None if name.startswith("_") else getattr(build, name))
            for name, size in tables.rules
        ]
        self.nothing: int = _nothing(tables.rules)
        self.start: int = tables.start
        self.end: int = tables.end
        self.end_symbol: int = self.numbers["$END"]


@cache
def _parser() -> _Machine:
    """The machine of the grammar's tables: kept in the cache folder, else analysed afresh (and kept)."""
    grammar = _grammar()
    tables = _cached(grammar)
    if tables is None:
        from .analysis import lalr_tables  # Lark, imported only to analyse the grammar afresh

        tables = _dense(*lalr_tables(grammar))
        write_kept(_KIND, _build(grammar), tables._asdict())
    return _Machine(tables)


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
    driver = _Driver(_parser())
    skipped: list[Token] = []
    line = 0
    for found in tokens:
        line = found.line
        if driver.feed(found) is _REFUSED:
            skipped.append(found)
    final = Token("$END", None, line)
    document = driver.feed(final)
    if document is _REFUSED and driver.feed(Token("EOR", None, line)) is None:  # a row left open at the end
        document = driver.feed(final)
    if not isinstance(document, Document):
        raise AssertionError("the grammar ends no document here")  # any tokens end in one: see above
    return document, skipped


class _Driver:
    """The LALR tables run over tokens fed one at a time (a class, not a closure: compiled, its state
    is fields and ``feed`` a native call)."""

    def __init__(self, machine: _Machine) -> None:
        self.machine = machine
        self.states: list[int] = [machine.start]
        self.values: list[Any] = []
        """Tokens and what reductions made of them; a list: the children of an inlined rule, not yet
        spliced."""

    def feed(self, found: Token) -> Any:
        """Shift ``found`` after the reductions it calls for; the document once ``$END`` completes it;
        ``_REFUSED`` for a token no rule takes here."""
        machine, states, values = self.machine, self.states, self.values
        symbol = machine.numbers.get(found.type)
        if symbol is None:
            return _REFUSED
        table = machine.table
        state = states[-1]
        while True:
            action = table[state][symbol]
            if action == machine.nothing:
                return _REFUSED
            if action >= 0:
                states.append(action)
                values.append(found)
                return None
            rule, size, make = machine.rules[-1 - action]
            if size == 1:  # most rules: one child, replaced where it stands, as is its state
                child = values[-1]
                children = child if type(child) is list else [child]
                values[-1] = children if make is None else make(children)
                state = states[-1] = table[states[-2]][rule]
            else:
                taken = values[len(values) - size :]
                children = []
                for _ in range(size):
                    values.pop()
                    states.pop()
                if size and type(taken[0]) is list:  # a repetition's children so far: extended, not copied
                    children = taken.pop(0)
                for child in taken:
                    if type(child) is list:
                        children += child
                    else:
                        children.append(child)
                values.append(children if make is None else make(children))
                state = table[states[-1]][rule]
                states.append(state)
            if symbol == machine.end_symbol and state == machine.end:
                return values[-1]


_REFUSED = object()
"""What ``feed`` gives for a token the grammar cannot take where it stands."""
