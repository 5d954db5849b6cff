"""What a report's prose says of a table row: the figures its sentences give beside the row's name.

Table 二 has no rule its figures must obey, so where a text ran them together (``8855698``) the table
alone cannot tell how they split. The report itself often can: ``现行有效行政规范性文件698件，…本年度
制发的规范性文件88件``. A split is taken from the prose only when one split alone has all its figures
but one — and at least two — among the figures stated beside the row's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..catalogue import MAX_FIGURE_DIGITS
from ..patterns import regex

_SENTENCE = regex(r"[^。；;！？!?\n]+")
_FIGURE = regex(rf"(?<![\d.])\d{{1,{MAX_FIGURE_DIGITS}}}(?![\d.])")
"""A whole number of the prose; a longer run of digits is no table's figure (``catalogue.MAX_FIGURE``)."""
_AT_LEAST = 2


def stated_figures(prose: Iterable[str], names: Sequence[str]) -> frozenset[int]:
    """The whole numbers of every sentence of ``prose`` that names the row (any of ``names``)."""
    return frozenset(
        int(figure)
        for paragraph in prose
        for sentence in _SENTENCE.findall(paragraph)
        if any(name in sentence for name in names)
        for figure in _FIGURE.findall(sentence)
    )


def corroborated(options: Sequence[tuple[int, ...]], stated: frozenset[int]) -> tuple[tuple[int, ...], ...]:
    """The splits whose figures the prose states, all but one of them and at least two."""
    if not stated:
        return ()

    def told(option: tuple[int, ...]) -> bool:
        need = min(len(option), max(_AT_LEAST, len(option) - 1))
        return sum(1 for value in option if value in stated) >= need

    return tuple(option for option in options if told(option))
