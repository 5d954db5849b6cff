"""Files in every encoding reports come in; clear errors for input that is not a report's text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import zwgk

from .conftest import SEEDS

SEED = SEEDS / "000_a590bb6f50b0561d.txt"  # every character of it exists in GBK
TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.encode("utf-16-le"),  # without BOM
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_every_encoding_reads_the_same(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_bytes(encode(TEXT))
    assert zwgk.parse_file(path) == zwgk.parse(TEXT)


def test_crlf_line_ends_read_the_same() -> None:
    assert zwgk.parse(TEXT.replace("\n", "\r\n")) == zwgk.parse(TEXT)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(zwgk.BinaryInputError):
        zwgk.parse_file(path)


def test_binary_text_is_refused() -> None:
    with pytest.raises(zwgk.BinaryInputError):
        zwgk.parse("\x00\x01\x02" * 100)


def test_too_large_input_is_refused() -> None:
    with pytest.raises(zwgk.InputTooLargeError):
        zwgk.parse("政" * (zwgk.MAX_INPUT_CHARS + 1))


def test_not_a_string_is_refused() -> None:
    with pytest.raises(zwgk.ZwgkError, match="str"):
        zwgk.parse(TEXT.encode())  # type: ignore[arg-type]


def test_missing_file_is_a_zwgk_error(tmp_path: Path) -> None:
    with pytest.raises(zwgk.ZwgkError, match="无法读取"):
        zwgk.parse_file(tmp_path / "missing.txt")


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0"])
def test_pdf_and_word_files_are_named(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "report.bin"
    path.write_bytes(head + b"\x00" * 64)
    with pytest.raises(zwgk.UnsupportedSourceError):
        zwgk.parse_file(path)


def test_undecodable_bytes_are_a_decoding_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("报告".encode() + b"\xff\xfe\xfd\x81\x30" * 3)
    with pytest.raises(zwgk.ZwgkError):
        zwgk.parse_file(path)


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况\n" + "（七）总计\t1\n" * 5,
        "第二十条第（一）项\n" * 20,
        "规章\t0\t0\t0",
        "某某县人民政府2023年政府信息公开工作年度报告",
    ],
)
def test_any_text_in_the_form_of_a_report_gives_a_report(text: str) -> None:
    assert isinstance(zwgk.parse(text), zwgk.Report)


_README = Path(__file__).parents[1] / "README.md"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "hello world",
        "\t\t\t|\t|||",
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
        "（" * 5000 + "）" * 5000,
        "|" * 20000,
        "\t".join(["1"] * 5000),
        "政" * 200_000,
        "首页 | 政务公开 | 信息公开年报\n当前位置：首页 > 政务公开\n网站地图 联系我们 版权所有",
        _README.read_text(encoding="utf-8"),
    ],
)
def test_text_with_no_sign_of_the_format_is_not_a_report(text: str) -> None:
    with pytest.raises(zwgk.NotAReportError):
        zwgk.parse(text)
