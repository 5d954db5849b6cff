"""The Lark LALR parser over the lexer's tokens, building a ``structure.Document`` as it parses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, cast

from lark import Lark, Token, Transformer
from lark.common import LexerConf
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from .lexing.lines import SourceLine
from .lexing.table import Run
from .lexing.tokens import token
from .structure import DataRow, Document, HeaderRow, ItemRow, Kept, Prose, SectionNode, Table, Title, ValueRow

_new = tuple.__new__  # rows made without their NamedTuple's Python-level __new__: a report makes hundreds


class _Tokens(Lexer):
    """Hands the lexer's ready-made tokens to the parser: the one iterator ``parse_tokens`` passes, so
    that the parse resumes after a token it skipped instead of from the first token again."""

    def __init__(self, conf: LexerConf) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


def _part(child: Any) -> Prose | Kept | Table:
    if isinstance(child, Table):
        return child
    return Kept(child.value) if child.type == "KEPT" else Prose(child.value, child.type == "SUBHEAD")


def _parts(children: Sequence[Any]) -> tuple[Prose | Kept | Table, ...]:
    return tuple(map(_part, children))


class _Build(Transformer[Token, Document]):
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
        return _new(ItemRow, (tuple(children[0].value),))

    def header_row(self, children: list[Token]) -> HeaderRow:
        return _new(HeaderRow, (tuple(children[0].value),))

    def data_row(self, children: list[Token]) -> DataRow:
        cut = children[-1].value if children[-1].type == "CUT" else None
        *labels, end = children[:-1] if cut else children
        named = tuple([t.value for t in labels])
        if end.type == "CELLS":
            return _new(DataRow, (named, end.value.cells, end.value.breaks, cut))
        return _new(DataRow, (named, (), (), None))

    def value_row(self, children: list[Token]) -> ValueRow:
        run = children[0].value
        return _new(ValueRow, (run.cells, run.breaks, children[1].value if len(children) > 1 else None))


@cache
def _parser() -> Lark:
    return Lark.open_from_package(
        "zwgk", "report.lark", ("grammars",), parser="lalr", lexer=_Tokens, transformer=_Build()
    )


def token_text(token: Token) -> str:
    """What a token stood for, as text."""
    value = token.value
    if token.type == "HEADING":  # (section, line)
        value = value[1]
    elif isinstance(value, Run):
        value = value.cells
    if isinstance(value, list | tuple) and not isinstance(value, SourceLine):
        return " ".join(cell.text for cell in value if cell.text)
    return str(getattr(value, "text", "") or "")


def parse_tokens(tokens: Sequence[Token]) -> tuple[Document, list[Token]]:
    """The document the tokens make, and any token the grammar had to skip to get there: each token it
    cannot take is skipped, and the tokens end with the row they leave open ended (``EOR``), so any
    sequence of tokens makes a document, in one pass."""
    skipped: list[Token] = []

    def skip(error: UnexpectedInput) -> bool:
        if not isinstance(error, UnexpectedToken):
            return False
        if error.token.type != "$END":
            skipped.append(error.token)
            return True
        if "EOR" not in error.accepts:
            return False
        error.interactive_parser.feed_token(token("EOR", None, error.token.line))
        return True

    document = cast(Document, _parser().parse(iter(tokens), on_error=skip))
    return document, skipped
