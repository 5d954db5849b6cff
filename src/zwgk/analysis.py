"""Lark's analysis of ``grammars/report.lark`` into the LALR tables ``grammar`` runs.

Apart from ``grammar`` so that a parse imports no Lark (and so that this, which subclasses Lark's lexer,
is never compiled with the modules a parse runs).
"""

from __future__ import annotations

from typing import Any

from lark import Lark
from lark.lexer import Lexer


class _Tokens(Lexer):
    """A lexer of nothing: the parser is given tokens made elsewhere."""

    def __init__(self, conf: object) -> None:
        pass

    def lex(self, data: Any) -> Any:  # type: ignore[override]  # the tokens come ready-made
        return iter(data)


def lark_parser(grammar: str, *, strict: bool = False) -> Lark:
    """Lark's LALR parser of ``grammar`` (``strict``: conflicts are errors)."""
    return Lark(grammar, parser="lalr", lexer=_Tokens, strict=strict)


def lalr_tables(grammar: str) -> tuple[list[dict[str, int]], list[tuple[str, int]], int, int]:
    """The LALR tables of ``grammar``: for each state, what each symbol does — a state ≥ 0 to shift (or
    go) to, or ``-1 - k`` to reduce by rule ``k``; each rule as its symbol and length; the start state
    and the end state."""
    table = lark_parser(grammar).parser.parser.parser.parse_table
    rules: dict[Any, int] = {}
    actions: list[dict[str, int]] = [{} for _ in table.states]
    for state, row in table.states.items():
        for symbol, (action, target) in row.items():
            if action.name == "Shift":
                actions[state][symbol] = target
            else:
                actions[state][symbol] = -1 - rules.setdefault(target, len(rules))
    named = [(str(rule.origin.name), len(rule.expansion)) for rule in rules]  # some names are Lark Tokens
    return actions, named, table.start_states["start"], table.end_states["start"]
