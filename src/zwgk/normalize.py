"""Text normalization: noise from mirrors and converters, traditional characters, character widths.

Every function here maps text to text line for line (no line is added or removed), so source line
numbers stay valid. ``scrub`` removes what is not the report's own content and says what it removed;
``to_simplified`` restores traditional characters; ``fold_width`` gives the half-width form used to
read numbers and match labels (never applied to text kept for the user).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from .codes import Findings
from .patterns import regex
from .shipped import shipped

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

# 鎮(zhèn): a pinyin note inserted after a character by spam mirror sites, also where a line or a cell
# begins with it (the character it notes ended the line before), or figures were inserted before it. A
# tone mark is required and no Latin letter may precede it, so parenthesised Latin text is never touched.
# It is `(?<![A-Za-z]) ?[(（]…`, written to open with a character (a space or a bracket, then the letter
# looked for before it): sre then tries it only where one stands, not at every character of a text.
_PINYIN_NOTE = regex(
    rf"[ (（](?<![A-Za-z][ (（])(?:(?<= )[(（]|(?<! ))[a-zü]{{0,6}}[{_TONE_VOWELS}][a-zü]{{0,6}}[)）]"
)
_TONE_MARK = regex(f"[{_TONE_VOWELS}]")
PINYIN_REMOVED = "已移除拼音注音（pinyin notes removed）"
_LONGEST_TAG = 2000
"""No tag, comment or Word mark is longer: bounding what a pattern looks through keeps a line of a
thousand unclosed ones (``<!--<!--…``) linear, where each would otherwise be scanned to the line's end."""
# A tag, or a known inline tag whose "<" a broken conversion turned into "?" (畜?/span>).
_HTML_TAG = regex(
    rf"<!--[^\n]{{0,{_LONGEST_TAG}}}?-->|</?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>\n]{{0,{_LONGEST_TAG}}})?/?>"
    rf"|\?/?(span|font|p|div|br|strong|em|o:p)(?:\s[^<>\n]{{0,{_LONGEST_TAG}}})?/?>"
)
_BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "hr", "section", "article", "address"}
    | {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
)
"""Tags that part what stands on either side (two cells, two paragraphs): removed, they leave a space,
so ``1</td><td>23`` stays two figures."""
_HTML_ENTITY = regex(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_WORD_ARTEFACT = regex(
    rf"\[(?:bookmark|image|footnoteRef|endnoteRef|comment)(?::[^\]\n]{{0,{_LONGEST_TAG}}})?\]"
)
# ",、" ",，" ",。": a half-width comma a mirror put before the real punctuation mark.
_DOUBLED_PUNCTUATION = regex(r",(?=[,，、。；;：:！？])")
# Kangxi radicals and CJK compatibility ideographs that NFKC maps to ordinary characters (PDF extraction).
_COMPATIBILITY = regex(
    "["
    + "".join(
        chr(c)
        for c in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00))
        if not unicodedata.is_normalized("NFKC", chr(c))  # normalize(c) != c, by the quick check
    )
    + "]"
)

_MAPPED = regex("[" + _TONE_VOWELS + _COMPATIBILITY.pattern[1:])
"""A tone mark or a compatibility character: what a pinyin note or ``_COMPATIBILITY`` needs."""


def _first_line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _strip(
    text: str,
    pattern: re.Pattern[str],
    replace: str | Callable[[re.Match[str]], str],
    code: str,
    what: str,
    findings: Findings,
) -> str:
    first = pattern.search(text)
    if first is None:
        return text
    text_after, count = pattern.subn(replace, text)
    line = _first_line(text, first.start())
    findings.add(code, f"{what} {count} 处", line)
    return text_after


def _tag(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2) or ""
    return " " if name.lower() in _BLOCK_TAGS else ""


def _entity(match: re.Match[str]) -> str:
    import html  # its table of entities loads only for a text that has one

    return html.unescape(match.group()).replace("\n", " ")


def _compatibility(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def without_pinyin_notes(text: str) -> tuple[str, int]:
    """``text`` without the pinyin notes ``scrub`` removes, and how many there were: for text that lines
    joined make (a title whose note a line break had cut in two: ``拖市鎮(zhè`` / ``n)2020年…``)."""
    return _PINYIN_NOTE.subn("", text) if _TONE_MARK.search(text) else (text, 0)


def scrub(text: str, findings: Findings, *, plain: bool = False) -> str:
    """Remove noise that is not the report's content: pinyin notes, HTML residue, Word artefacts,
    doubled punctuation from mirrors; map Kangxi radicals and compatibility ideographs (PDF
    extraction) to ordinary characters. Each kind of noise found is reported once in ``findings``.
    ``plain``: the caller found no character of ``NOTABLE_CHARS`` in ``text``."""
    mapped = not plain and _MAPPED.search(text) is not None  # one scan finds neither in most texts
    if mapped and _TONE_MARK.search(text):  # the note pattern is slow to scan; tone marks are rare
        text = _strip(text, _PINYIN_NOTE, "", "ZW101", PINYIN_REMOVED, findings)
    if "<" in text or "?/" in text:
        text = _strip(
            text, _HTML_TAG, _tag, "ZW102", "已移除 HTML 标签残留（HTML residue removed）", findings
        )
    if "&" in text:
        text = _strip(
            text, _HTML_ENTITY, _entity, "ZW102", "已解码 HTML 实体（HTML entities decoded）", findings
        )
        mapped = True  # an entity may have named a compatibility character
    if "[" in text:
        text = _strip(
            text, _WORD_ARTEFACT, "", "ZW103", "已移除 Word 标记（Word artefacts removed）", findings
        )
    if "," in text:
        text = _strip(
            text, _DOUBLED_PUNCTUATION, "", "ZW104", "已移除重复标点（doubled punctuation removed）", findings
        )
    if mapped:
        text = _strip(
            text,
            _COMPATIBILITY,
            _compatibility,
            "ZW105",
            "已将康熙部首等兼容字符换为常用字（compatibility characters mapped）",
            findings,
        )
    mojibake = _mojibake().search(text) if "?" in text or "\ufffd" in text else None
    if mojibake is not None:
        line = _first_line(text, mojibake.start())
        findings.add("ZW106", "疑似乱码，原样保留（possible mojibake）", line)
    return text


@cache
def _mojibake() -> re.Pattern[str]:
    """Compiled when first needed, by a text holding ``?`` or U+FFFD: its CJK ranges take milliseconds."""
    return regex(rf"\ufffd|[{_HAN}]\?[!{_HAN}]")


_PAGE_FOOTER = regex(
    r"\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*"
)


_FOOTER_STARTS = frozenset("-—–－第")
"""What a page footer's first character other than whitespace is: most lines are told apart by it."""


def is_page_footer(line: str) -> bool:
    """Whether a line is a page number printed by a PDF or Word export (``- 4 -``, ``第 2 页 共 6 页``)."""
    return len(line) < 40 and line.lstrip()[:1] in _FOOTER_STARTS and _PAGE_FOOTER.fullmatch(line) is not None


# ---------------------------------------------------------------------------------------------------
# Traditional → simplified


@cache
def _converter() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


TRADITIONAL_FILE = "traditional.txt"
"""The characters t2s changes, shipped with zwgk (``changed_by_t2s`` of the OpenCC it was made with),
so that no process converts every CJK character to find them."""


def changed_by_t2s() -> str:
    """The CJK characters OpenCC's t2s changes, found by converting each once (one per line, so no
    phrase rule applies): what ``TRADITIONAL_FILE`` holds, made afresh with the installed OpenCC."""
    block = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = _converter()("\n".join(block)).split("\n")
    return "".join(c for c, s in zip(block, converted, strict=True) if c != s)


_CLASS_SPECIAL = regex(r"[\\\[\]^-]")
"""What stands for itself inside a character class only escaped (``re.escape`` looks up every one of
the list's thousands of characters: 0.4 ms at each import)."""


def _traditional_characters() -> re.Pattern[str]:
    listed = shipped(TRADITIONAL_FILE).decode("utf-8").strip()
    return regex("[" + _CLASS_SPECIAL.sub(r"\\\g<0>", listed) + "]")


_TRADITIONAL = _traditional_characters()
"""Compiled at import, as the other patterns, so that it is kept with them: every parse asks."""


NOTABLE_CHARS = _MAPPED.pattern[1:-1] + _TRADITIONAL.pattern[1:-1]
"""What ``scrub`` maps and ``to_simplified`` converts, as the inside of a character class: a caller that
scans a text for characters of its own adds these, and where the one scan finds none, passes ``scrub``
``plain`` and needs no ``to_simplified`` (unless ``scrub`` changed it: a decoded HTML entity may name one).
A scan of a CJK text costs the same for a class of one character as for thousands."""


def has_traditional(text: str) -> bool:
    return _TRADITIONAL.search(text) is not None


def to_simplified(text: str) -> str:
    """Traditional characters restored to simplified (OpenCC t2s, phrase-aware); ``text`` itself when
    there is none (an OpenCC other than the one ``TRADITIONAL_FILE`` was made with may leave a
    character of it as it is)."""
    if not has_traditional(text):
        return text
    simplified = _converter()(text)
    return text if simplified == text else simplified


# ---------------------------------------------------------------------------------------------------
# Widths

_FULL_TO_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF.update({0x3000: 0x20, 0xA0: 0x20, 0x2212: ord("-"), 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_WIDE = regex("[" + "".join(map(re.escape, map(chr, sorted(_FULL_TO_HALF)))) + "]")
"""A character ``fold_width`` changes: one scan finds none in most text, where ``translate`` looks each
character up in the table (some 60 ns a character)."""


WIDE_DIGITS = "０-９"
"""Full-width digits (``２０２３``), as the inside of a character class."""
_WIDE_DIGIT = regex(f"[{WIDE_DIGITS}]")
_DIGITS_TO_HALF = {c: _FULL_TO_HALF[c] for c in range(ord("０"), ord("９") + 1)}


def half_width_digits(text: str) -> str:
    """Full-width digits to ASCII, line for line: the copy a text's lines are read as, so that years,
    figures run together and every other reading of digits sees them as digits."""
    return text if _WIDE_DIGIT.search(text) is None else text.translate(_DIGITS_TO_HALF)


def fold_width(text: str) -> str:
    """Full-width ASCII (digits, Latin, （）：，－) to half-width; ideographic and no-break spaces to spaces."""
    return text if _WIDE.search(text) is None else text.translate(_FULL_TO_HALF)
