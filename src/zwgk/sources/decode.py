"""Bytes to text: the encodings Chinese reports come in, told apart without guessing blindly.

A BOM or valid UTF-8 is certain; GB18030 (a superset of GBK and GB2312) is next and by far the most
common. Almost any bytes decode as GB18030, so its text must also read as Chinese: a Big5 or
Shift-JIS file decoded as GB18030 is mostly rare characters, kana and private-use code points. Only
then, or when GB18030 fails, is the encoding detected (charset-normalizer).
"""

from __future__ import annotations

import codecs
import re
from contextlib import suppress
from functools import cache
from itertools import chain

import attrs

from ..errors import BinaryInputError, DecodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
_CHINESE_SAMPLE = 500
_UNCOMMON_SHARE = 0.1
"""Above this share of uncommon characters among the non-ASCII ones of its first ``_CHINESE_SAMPLE``,
GB18030 text is not credible: real reports have at most 3 %, Big5 and Shift-JIS files decoded as
GB18030 at least 40 %."""
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz"})


@attrs.frozen
class SourceText:
    """A file's text, and the encoding charset-normalizer detected when the bytes' statistics had to
    tell (``None`` when a BOM, valid UTF-8 or GB18030 that reads as Chinese settled it)."""

    text: str
    detected_encoding: str | None = None


def _pairs(encoding: str, leads: range, *trails: range) -> set[str]:
    """The characters of ``encoding``'s two-byte codes with these lead and trail bytes."""
    characters = set()
    for lead in leads:
        for trail in chain(*trails):
            with suppress(UnicodeDecodeError):
                characters.add(bytes((lead, trail)).decode(encoding))
    return characters


@cache
def _uncommon() -> re.Pattern[str]:
    """A non-ASCII character outside GB2312 (the simplified characters and punctuation of everyday
    text) and Big5's symbols and level-1 characters (everyday traditional ones)."""
    common = _pairs("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)) | _pairs(
        "big5", range(0xA1, 0xC7), range(0x40, 0x7F), range(0xA1, 0xFF)
    )
    return re.compile("[^\x00-\x7f" + "".join(map(re.escape, sorted(common))) + "]")


def _reads_as_chinese(text: str) -> bool:
    """Whether the start of ``text`` is made of everyday Chinese characters (or ASCII)."""
    sample = text[:_CHINESE_SAMPLE]
    wide = len(sample) - len(sample.encode("ascii", "ignore"))
    return len(_uncommon().findall(sample)) <= _UNCOMMON_SHARE * wide


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the only text encoding here with NUL bytes, and they fall almost all on
    one side of each byte pair (the high byte of ASCII characters); binary data scatters them."""
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or min(even, odd) * 10 > max(even, odd) or max(even, odd) == 0:
        return None
    try:
        return data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None


def _detected(data: bytes, gb18030: str | None) -> SourceText:
    """The encoding charset-normalizer finds for bytes that are not credible GB18030 (``gb18030``:
    their text as GB18030, if they decode at all)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        tried = "GB18030 解码结果不像中文" if gb18030 is not None else "也非 GB18030/GBK"
        raise DecodingError(
            f"无法识别文件编码（既非 UTF-8/UTF-16，{tried}，也未检测出其他编码）（encoding not recognised）"
        )
    encoding = codecs.lookup(best.encoding).name
    if encoding in _GB_FAMILY and gb18030 is not None:
        return SourceText(gb18030)
    try:
        return SourceText(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        raise DecodingError(f"文件检测为 {encoding} 编码，但第 {error.start} 字节处无法按其解码") from None


def decode(data: bytes) -> SourceText:
    """The text of a report file: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without),
    else GB18030 if it reads as Chinese, else the encoding detected. Raises ``DecodingError`` or
    ``BinaryInputError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise DecodingError(f"文件以 {encoding} 标记开头但无法按其解码：{error}") from None
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is not None:
        return SourceText(text)
    if b"\x00" in data[:_SAMPLE]:
        raise BinaryInputError("输入为二进制数据，不是报告文本（binary data, not text）")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _detected(data, None)
    return SourceText(text) if _reads_as_chinese(text) else _detected(data, text)
