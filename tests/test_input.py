"""Files in every encoding reports come in; clear errors for input that is not a report's text."""

from __future__ import annotations

import codecs
from pathlib import Path

import opencc
import pytest

import zwgk

from .conftest import SEEDS

SEED = SEEDS / "000_a590bb6f50b0561d.txt"  # every character of it exists in GBK
TEXT = SEED.read_text(encoding="utf-8")
JINGZHI = (SEEDS / "004_9208575a96190eff.txt").read_text(encoding="utf-8")
# Big5 is Taiwan's encoding: its forms (為, 群), not OpenCC's standard ones (爲, 羣); it has no no-break space
JINGZHI_TRADITIONAL = opencc.OpenCC("s2tw").convert(JINGZHI).replace("\xa0", " ")


def _codes(report: zwgk.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def _assert_is_jingzhi_2019(report: zwgk.Report) -> None:
    """What seed 004 says: 景芝镇's 2019 report, one request from a person, its information not held."""
    assert (report.organ, report.year) == ("景芝镇", 2019)
    assert report.requests is not None
    assert report.requests.new_received == zwgk.RequestRow(1, 0, 0, 0, 0, 0, 1)
    assert report.requests.unavailable.not_held == zwgk.RequestRow(1, 0, 0, 0, 0, 0, 1)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_a_report_in_a_known_encoding_is_read_without_detection(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(JINGZHI.encode(encoding))
    report = zwgk.parse_file(path)
    _assert_is_jingzhi_2019(report)
    assert "ZW110" not in _codes(report)


def test_a_big5_report_reads_as_its_traditional_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(JINGZHI_TRADITIONAL.encode("big5"))
    assert zwgk.file_text(path) == JINGZHI_TRADITIONAL
    report = zwgk.parse_file(path)
    _assert_is_jingzhi_2019(report)
    assert report.diagnostics[0].message == "文件编码检测为 big5（encoding detected）"
    assert "ZW107" in _codes(report)  # then converted to simplified as usual


def test_traditional_characters_in_gb18030_stay_gb18030(tmp_path: Path) -> None:
    traditional = opencc.OpenCC("s2t").convert(JINGZHI)
    path = tmp_path / "report.txt"
    path.write_bytes(traditional.encode("gb18030"))
    assert zwgk.file_text(path) == traditional
    assert "ZW110" not in _codes(zwgk.parse_file(path))


def test_a_shift_jis_file_reads_as_japanese(tmp_path: Path) -> None:
    japanese = (
        "情報公開制度は、行政機関が保有する情報を国民に開示するための仕組みです。"
        "請求があった場合、原則として三十日以内に開示するかどうかを決定しなければなりません。\n"
    ) * 5
    path = tmp_path / "report.txt"
    path.write_bytes(japanese.encode("shift_jis"))
    assert zwgk.file_text(path) == japanese


def test_bytes_in_no_encoding_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(bytes((i * 97 + 13) % 128 + 128 for i in range(3000)))
    with pytest.raises(zwgk.DecodingError, match="无法识别文件编码"):
        zwgk.file_text(path)


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


@pytest.mark.parametrize("surrogate", ["\ud800", "\udcff"])
def test_a_lone_surrogate_is_refused_where_it_stands(surrogate: str) -> None:
    """Beside a traditional character (OpenCC cannot encode it) or alone, as ``surrogateescape`` leaves
    an undecodable byte: the text was decoded wrongly, and is refused, never passed on."""
    with pytest.raises(zwgk.DecodingError, match=f"第 2 行第 3 列.*U\\+{ord(surrogate):04X}"):
        zwgk.parse(f"一、总体情况\n國家{surrogate}")


def test_a_path_holding_a_nul_is_a_zwgk_error_naming_it() -> None:
    with pytest.raises(zwgk.ZwgkError, match=r"report\\x00\.txt.*NUL"):
        zwgk.parse_file("report\x00.txt")


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
        "第二十条第（一）项\n行政许可\t5\n",
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
        "第二十条第（一）项\n" * 20,  # an item header alone, no figure, title or heading: nothing read
        "首页 | 政务公开 | 信息公开年报\n当前位置：首页 > 政务公开\n网站地图 联系我们 版权所有",
        _README.read_text(encoding="utf-8"),
    ],
)
def test_text_with_no_sign_of_the_format_is_not_a_report(text: str) -> None:
    with pytest.raises(zwgk.NotAReportError):
        zwgk.parse(text)
