"""Bytes to text: the encodings Chinese reports come in, told apart without guessing blindly."""

from __future__ import annotations

import codecs

from ..errors import BinaryInputError, DecodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096


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


def decode(data: bytes) -> str:
    """The text of a report file: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without),
    else GB18030 (a superset of GBK and GB2312). Raises ``DecodingError`` or ``BinaryInputError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodingError(f"文件以 {encoding} 标记开头但无法按其解码：{error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is not None:
        return text
    if b"\x00" in data[:_SAMPLE]:
        raise BinaryInputError("输入为二进制数据，不是报告文本（binary data, not text）")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise DecodingError(
            f"无法识别文件编码（既非 UTF-8/UTF-16，也非 GB18030/GBK）：第 {error.start} 字节处无效"
        ) from None
