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
from typing import NamedTuple

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


@attrs.frozen
class SourceText:
    """A file's text, and the encoding charset-normalizer detected when the bytes' statistics had to
    tell (``None`` when a BOM, valid UTF-8 or GB18030 that reads as Chinese settled it)."""

    text: str
    detected_encoding: str | None = None
    encoding: str = "utf-8"
    """The codec the bytes were read with."""


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


def _utf16_without_bom(data: bytes) -> SourceText | None:
    """UTF-16 without a BOM: the only text encoding here with NUL bytes, and they fall almost all on
    one side of each byte pair (the high byte of ASCII characters); binary data scatters them."""
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or min(even, odd) * 10 > max(even, odd) or max(even, odd) == 0:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return SourceText(data.decode(encoding), encoding=encoding)
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
    if codec_of(encoding) == "gb18030" and gb18030 is not None:  # GBK or GB2312: the text already read
        return SourceText(gb18030, encoding="gb18030")
    try:
        return SourceText(data.decode(encoding), encoding, encoding)
    except UnicodeDecodeError as error:
        raise DecodingError(f"文件检测为 {encoding} 编码，但第 {error.start} 字节处无法按其解码") from None


def decode(data: bytes) -> SourceText:
    """The text of a report file: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without),
    else GB18030 if it reads as Chinese, else the encoding detected. Raises ``DecodingError`` or
    ``BinaryInputError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data.decode(encoding), encoding=encoding)
            except UnicodeDecodeError as error:
                raise DecodingError(f"文件以 {encoding} 标记开头但无法按其解码：{error}") from None
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:_SAMPLE]:
        raise BinaryInputError("输入为二进制数据，不是报告文本（binary data, not text）")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _detected(data, None)
    return SourceText(text, encoding="gb18030") if _reads_as_chinese(text) else _detected(data, text)


_GB = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "x-gbk", "csgb2312", "cp936", "ms936", "windows-936", "euc-cn"}
)
"""Names of GB2312 and GBK, read as GB18030: a superset of both, which sites label by the older names."""


def codec_of(charset: str) -> str | None:
    """The Python codec a declared charset names, the GB2312/GBK family as GB18030 (their superset);
    ``None`` for a name Python does not know or for a codec that reads no text."""
    name = charset.strip().strip("\"'").lower()
    if name in _GB:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
        # LookupError for codecs that are no text encoding (base64, zlib…), UnicodeError for those
        # that decode nothing at all (undefined) or only a domain name's ASCII (idna, punycode)
        "中".encode().decode(codec, "replace")
    except (LookupError, UnicodeError):
        return None
    return "gb18030" if codec in _GB else codec


def _single_byte(codec: str) -> bool:
    """Whether every byte is a character of ``codec`` (ISO-8859-1, windows-1252, ASCII…): three bytes of
    UTF-8 Chinese come out as three characters."""
    return len("中".encode().decode(codec, "replace")) == 3


class Decoded(NamedTuple):
    text: str
    encoding: str
    """The codec the bytes were read with."""
    overruled: tuple[str, ...]
    """The declared charsets the bytes were not read in, as declared (only for text beyond ASCII, which
    reads the same in any of them)."""


def _declared_fit(data: bytes, declared: tuple[str | None, ...]) -> tuple[str, str] | None:
    """UTF-8, else the first declaration the bytes fit; ``None`` for a BOM or when nothing fits."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for charset in filter(None, declared):
        codec = codec_of(charset)
        if codec is None or _single_byte(codec) or codec.startswith(("utf-16", "utf-32")):
            continue
        with suppress(UnicodeError):
            return data.decode(codec), codec
    return None


def _same(codec: str | None, encoding: str) -> bool:
    return codec is not None and (encoding.startswith(codec) or codec.startswith(encoding))


def decode_declared(data: bytes, *declared: str | None) -> Decoded:
    """Bytes whose charset was declared (by a server, by the page), weighed against the bytes themselves.

    A BOM wins, then UTF-8 when the bytes are valid UTF-8 (other text almost never is), then the first
    declaration the bytes decode under without error, then ``decode``'s detection. A single-byte
    charset (ISO-8859-1, windows-1252: many servers' default) is passed over — every byte decodes in
    it, so it says nothing — and so is UTF-16/32 without a BOM, which detection reads.
    """
    fit = _declared_fit(data, declared)
    if fit is None:
        found = decode(data)
        fit = found.text, found.encoding
    text, encoding = fit
    overruled = () if text.isascii() else tuple(c for c in declared if c and not _same(codec_of(c), encoding))
    return Decoded(text, encoding, overruled)
