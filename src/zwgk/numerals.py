"""Whole numbers written in Chinese numerals (``二百一十七``, ``十二``, ``零``, ``两``), read with cn2an.

cn2an takes a fifth of a second to import, and most reports print no such figure: it is imported only
when a text made of numeral characters is met.
"""

from __future__ import annotations

from functools import lru_cache

from .patterns import regex

DIGITS = "零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟"
"""The characters a Chinese numeral is written with (the everyday and the financial forms)."""

_NUMERAL = regex(f"[{DIGITS}]+")
_TWO = regex("两(?=[百千万])|^两$")
"""两 where it means 二: alone (``两件``) or before 百, 千 or 万 (``两百``), never after 十."""


@lru_cache(maxsize=1024)
def chinese_integer(text: str) -> int | None:
    """The number ``text`` writes in Chinese numerals, or ``None`` when it is not one whole numeral
    (``一二三`` and ``二〇二四``, digit by digit, are not: no count is written so)."""
    if not _NUMERAL.fullmatch(text):
        return None
    import cn2an  # only now: see the module's docstring

    try:
        return int(cn2an.cn2an(_TWO.sub("二", text).replace("〇", "零"), "strict"))  # the forms it reads
    except ValueError:
        return None
