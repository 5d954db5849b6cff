"""Bytes to text: the encodings Chinese reports come in, told apart without guessing blindly."""

from __future__ import annotations

import codecs
import contextlib
from typing import NamedTuple

from ..errors import BinaryInputError, DecodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
_GB = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "x-gbk", "csgb2312", "cp936", "ms936", "windows-936", "euc-cn"}
)
"""Names of GB2312 and GBK, read as GB18030: a superset of both, which sites label by the older names."""


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the only text encoding here with NUL bytes, and they fall almost all on
    one side of each byte pair (the high byte of ASCII characters); binary data scatters them."""
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or min(even, odd) * 10 > max(even, odd) or max(even, odd) == 0:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in; see ``decode``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodingError(f"文件以 {encoding} 标记开头但无法按其解码：{error}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _utf16_without_bom(data)
    if found is not None:
        return found
    if b"\x00" in data[:_SAMPLE]:
        raise BinaryInputError("输入为二进制数据，不是报告文本（binary data, not text）")
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        raise DecodingError(
            f"无法识别文件编码（既非 UTF-8/UTF-16，也非 GB18030/GBK）：第 {error.start} 字节处无效"
        ) from None


def decode(data: bytes) -> str:
    """The text of a report file: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without),
    else GB18030 (a superset of GBK and GB2312). Raises ``DecodingError`` or ``BinaryInputError``."""
    return _detect(data)[0]


def codec_of(charset: str) -> str | None:
    """The Python codec a declared charset names, the GB2312/GBK family as GB18030 (their superset);
    ``None`` for a name Python does not know."""
    name = charset.strip().strip("\"'").lower()
    if name in _GB:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
        b"".decode(codec)  # LookupError for codecs that are no text encoding (base64, zlib…)
    except LookupError:
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
        with contextlib.suppress(UnicodeDecodeError):
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
    text, encoding = _declared_fit(data, declared) or _detect(data)
    overruled = () if text.isascii() else tuple(c for c in declared if c and not _same(codec_of(c), encoding))
    return Decoded(text, encoding, overruled)
