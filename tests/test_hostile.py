"""Hostile input: no hang, no blow-up, no traceback, nothing silently lost (issue 13). Each block is
one kind of hostility; every case that might hang runs in a capped child process (``tests/hostile.py``)."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token

import zwgk
from zwgk.catalogue import SECTIONS
from zwgk.grammar import parse_tokens
from zwgk.lexing.cells import cell
from zwgk.lexing.lines import SourceLine
from zwgk.lexing.table import Run
from zwgk.lexing.tokens import token
from zwgk.model.common import Unplaced
from zwgk.structure import Cut, Document

from .hostile import LONG_INPUTS, Capped, run_capped, within

# ---------------------------------------------------------------------------------------------------
# Time linear in the length of the text, and a grammar recovery that ends

_SMALL, _LARGE = 20_000, 160_000
_GROWTH = 2.5
"""How much more time per character the larger text may take: 8× the length, so quadratic time would
show as about 8×."""
_MOST_MICROSECONDS = 60
"""Per character at the larger size, whatever the growth: the slowest of these cases takes about 15."""
_TIMING = """
import functools, gc, json, time, zwgk
from tests.hostile import LONG_INPUTS

per_text_caches = []

def best(text, runs=3):
    times = []
    for _ in range(runs):
        for cached in per_text_caches:  # else a repeated run reads the same long cell from its cache
            cached.cache_clear()
        start = time.perf_counter()
        try:
            zwgk.parse(text)
        except zwgk.ZwgkError:
            pass
        times.append(time.perf_counter() - start)
    return min(times) / len(text) * 1e6

make = LONG_INPUTS[{name!r}]
best(make(1000))  # the grammar, the label index, the converters
per_text_caches = [
    f for f in gc.get_objects()
    if isinstance(f, functools._lru_cache_wrapper) and f.cache_parameters()["maxsize"] is not None
    and f.__module__.startswith("zwgk")
]
print(json.dumps([best(make({small})), best(make({large}))]))
"""


@pytest.mark.parametrize("name", LONG_INPUTS)
def test_parse_time_grows_linearly_with_the_text(name: str) -> None:
    code = _TIMING.format(name=name, small=_SMALL, large=_LARGE)
    try:
        small, large = json.loads(run_capped(code, seconds=40))
    except Capped as stopped:
        pytest.fail(f"{name}: {stopped}")
    assert large <= _MOST_MICROSECONDS, f"{name}: {large:.1f} µs per character at {_LARGE:,} characters"
    assert large <= _GROWTH * small, f"{name}: {small:.2f} → {large:.2f} µs per character"


_LINE = SourceLine(1, "其他", "其他")
_VALUES = {
    "TITLE": _LINE,
    "HEADING": (SECTIONS[0], _LINE),
    "PARA": _LINE,
    "SUBHEAD": _LINE,
    "KEPT": _LINE,
    "ITEM": [cell("第二十条第（一）项", "第二十条第（一）项", 1)],
    "HEADER": [cell("申请人情况", "申请人情况", 1)],
    "LABEL": cell("（三）不予公开", "（三）不予公开", 1),
    "TEXT": cell("其他", "其他", 1),
    "CELLS": Run((cell("1", "1", 1),)),
    "EOR": None,
    "CUT": Cut.AFTER,
}
"""A value of each terminal, as the lexer makes them."""


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted(_VALUES)), max_size=40))
def test_any_sequence_of_tokens_makes_a_document(types: list[str]) -> None:
    found = [token(type_, _VALUES[type_], k + 1) for k, type_ in enumerate(types)]
    with within(5):
        document, skipped = parse_tokens(found)
    assert isinstance(document, Document)
    assert all(any(t is s for t in found) for s in skipped)


def test_a_token_out_of_place_is_kept_as_unplaced_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexer makes only what the grammar takes; should it not, the token is skipped (ZW231) and
    the rest of the report read as without it."""
    text = (
        "一、总体情况\n本机关全面推进政务公开。\n"
        "三、收到和处理政府信息公开申请情况\n（三）不予公开\n1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
    )
    plain = zwgk.parse(text)
    lex = zwgk.api.tokens
    title = SourceLine(2, "某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告")

    def with_a_title_inside(lines: list[SourceLine]) -> list[Token]:
        found = lex(lines)
        return [*found[:1], token("TITLE", title, 2), *found[1:]]  # after the first heading

    monkeypatch.setattr(zwgk.api, "tokens", with_a_title_inside)
    with within(5):
        recovered = zwgk.parse(text)
    assert recovered.unplaced == (*plain.unplaced, Unplaced("某某局2023年政府信息公开工作年度报告", None, 2))
    assert attrs.evolve(recovered, unplaced=plain.unplaced) == plain
    (said,) = [d for d in recovered.diagnostics if d.code == "ZW231"]
    assert "某某局2023年政府信息公开工作年度报告" in said.message and said.line == 2
