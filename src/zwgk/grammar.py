"""The Lark LALR parser over the lexer's tokens, building a ``structure.Document`` as it parses.

Lark's analysis of the grammar (some 20 ms) is done once and kept in zwgk's cache folder (see
``cache``), in a file named by the grammar, Lark's version and Python's, so that a changed grammar or an
upgraded Lark never finds a stale one; Lark checks the file's own hash too and rebuilds on a mismatch.
"""

from __future__ import annotations

import hashlib
import os
import pkgutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import suppress
from functools import cache
from typing import Any, cast

import lark
from lark import Lark, Token, Transformer
from lark.common import LexerConf
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from .cache import cache_dir
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


def _grammar() -> str:
    data = pkgutil.get_data(__package__, "grammars/report.lark")
    assert data is not None  # a package on the file system or in a zip archive has its data
    return data.decode("utf-8")


def _built(grammar: str) -> Lark:
    return Lark(grammar, parser="lalr", lexer=_Tokens, transformer=_Build())


def cache_file(grammar: str) -> str | None:
    """Where the parser of ``grammar`` is kept, or ``None`` without a cache folder."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}".encode()).hexdigest()
    return os.path.join(folder, f"report-{key[:24]}.lark")


def _cached(path: str) -> Lark | None:
    """The parser kept at ``path``; ``None`` when it is missing, cut short or damaged (built again)."""
    try:
        with open(path, "rb") as file:
            return Lark.load(file)
    except Exception:
        return None


def _keep(parser: Lark, path: str) -> None:
    """The parser written whole under a name of its own, then renamed: no process reads half a file."""
    partial = f"{path}.{os.getpid()}.tmp"
    try:
        with open(partial, "wb") as file:
            parser.save(file)
        os.replace(partial, path)
    except OSError:  # a cache folder that cannot be written to: the parser is built again next time
        with suppress(OSError):
            os.remove(partial)


@cache
def _parser() -> Lark:
    grammar = _grammar()
    path = cache_file(grammar)
    parser = None if path is None else _cached(path)
    if parser is None:
        parser = _built(grammar)
        if path is not None:
            _keep(parser, path)
    return parser


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
