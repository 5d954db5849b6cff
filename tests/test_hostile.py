"""Hostile input (issue 13): each case crafted here, small on disk, run in a process capped in time and
memory (``hostile.run_capped``), so that a hang or a blow-up fails its test instead of the run."""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import zwgk

from .hostile import Outcome, run_capped

# ---------------------------------------------------------------------------------------------------
# Bombs and unsafe paths: HTML, Word and PDF documents that would take unbounded time or memory, files
# that are no regular files. Each must be refused at once with a ZwgkError.
# ---------------------------------------------------------------------------------------------------


def _pdf(*objects: bytes) -> bytes:
    """A PDF of these numbered objects (1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(out)


def _one_page_pdf(contents: bytes) -> bytes:
    """A PDF of one page whose ``/Contents`` is object 4, ``contents``."""
    return _pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        contents,
    )


def _deflated_spaces(megabytes: int) -> bytes:
    squeeze = zlib.compressobj(9)
    block = b" " * (1 << 20)
    return b"".join([*(squeeze.compress(block) for _ in range(megabytes)), squeeze.flush()])


def test_a_pdf_whose_contents_refer_to_themselves_is_refused_at_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "cycle.pdf"
    path.write_bytes(_one_page_pdf(b"4 0 R"))  # object 4 is a reference to object 4
    outcome = run_capped(
        f"import zwgk, zwgk.sources.pdf as pdf\npdf.PAGE_SECONDS = 1\nzwgk.parse_file({str(path)!r})",
        seconds=30,
        megabytes=1024,
    )
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert "超过 1 秒" in outcome.message


def test_a_flate_bomb_in_a_pdf_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = _deflated_spaces(256)
    path = tmp_path / "flate.pdf"
    path.write_bytes(
        _one_page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(bomb), bomb))
    )
    assert path.stat().st_size < 300_000
    outcome = run_capped(f"import zwgk\nzwgk.parse_file({str(path)!r})", seconds=30, megabytes=1024)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "解压后超过上限" in outcome.message


def test_a_pdf_stream_within_the_limit_inflates_as_zlib_would() -> None:
    from zwgk.sources.limits import bounded_zlib, inflate_limit

    text = "一、总体情况".encode() * 300_000  # several chunks
    with inflate_limit(2 * len(text)):
        assert bounded_zlib.decompress(zlib.compress(text) + b"trailing bytes") == text
        with pytest.raises(zlib.error):
            bounded_zlib.decompress(zlib.compress(text)[:-10])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    outcome = run_capped(f"import zwgk\nzwgk.parse_file({str(fifo)!r})", seconds=20, megabytes=512)
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert str(fifo) in outcome.message and "不是普通文件" in outcome.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_without_reading_it() -> None:
    outcome = run_capped("import zwgk\nzwgk.parse_file('/dev/zero')", seconds=20, megabytes=512)
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert "/dev/zero" in outcome.message


def test_a_file_is_read_up_to_its_limit_and_one_byte(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"x" * 11)
    assert zwgk.api.file_bytes(path, limit=11) == b"x" * 11
    with pytest.raises(zwgk.InputTooLargeError, match=f"{path}.*上限 10 字节"):
        zwgk.api.file_bytes(path, limit=10)


def test_a_span_bomb_is_refused_before_its_grid_is_built() -> None:
    outcome = run_capped(
        'import zwgk\nzwgk.parse_html("<table>" + "<tr><td rowspan=1000 colspan=1000>1</td></tr>" * 1000)',
        seconds=30,
        megabytes=1024,
    )
    assert outcome.raised("InputTooLargeError"), outcome
    assert "500,500,000 个位置" in outcome.message  # 1000 columns × (1000 + 999 + … + 1) rows


@pytest.mark.parametrize(
    "page",
    [
        '"<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000 + "<p>二、主动公开</p>"',
        '"<div><p>一、总体情况" * 20_000',  # blocks never closed
    ],
    ids=["nested", "unclosed"],
)
def test_a_page_nested_too_deep_is_refused_before_it_is_parsed(page: str) -> None:
    outcome = run_capped(f"import zwgk\nzwgk.parse_html({page})", seconds=30, megabytes=1024)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "嵌套超过 4,096 层" in outcome.message


def test_finding_the_report_takes_time_linear_in_a_deep_page() -> None:
    """4,000 nested blocks around 50,000 headings: reading the text below each block, or walking up from
    each heading, would take 2·10⁸ steps."""
    code = (
        "from zwgk.sources.html import text_of\n"
        'page = "<div>" * 4000 + "<p>一、总体情况</p>" * 50_000 + "</div>" * 4000\n'
        'assert text_of(page) == "一、总体情况\\n" * 50_000'
    )
    outcome = run_capped(code, seconds=60, megabytes=1024)
    assert outcome.ended == "done" and outcome.error is None, outcome


def _docx(
    tmp_path: Path, document_xml: Callable[[bytes], Iterator[bytes]], declared: int | None = None
) -> Path:
    """A .docx from python-docx whose ``word/document.xml`` is written in the pieces ``document_xml``
    makes of the real one, the size its ZIP headers declare for it overwritten with ``declared``."""
    docx = pytest.importorskip("docx")
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_table(rows=2, cols=2).cell(0, 0).text = "一、总体情况"
    document.save(plain)
    path = tmp_path / "hostile.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != "word/document.xml":
                target.writestr(name, source.read(name))
                continue
            with target.open(name, "w") as part:
                for piece in document_xml(source.read(name)):
                    part.write(piece)
    if declared is not None:
        data = bytearray(path.read_bytes())
        name = b"word/document.xml"
        # (signature, offset of the name's length, of the size, of the name): central and local headers
        for signature, length_at, size_at, name_at in (
            (b"PK\x01\x02", 28, 24, 46),
            (b"PK\x03\x04", 26, 22, 30),
        ):
            at = data.find(signature)
            while at >= 0:
                length = int.from_bytes(data[at + length_at : at + length_at + 2], "little")
                if data[at + name_at : at + name_at + length] == name:
                    data[at + size_at : at + size_at + 4] = declared.to_bytes(4, "little")
                at = data.find(signature, at + 4)
        path.write_bytes(data)
    return path


def _padded(megabytes: int, padding: bytes = b" ") -> Callable[[bytes], Iterator[bytes]]:
    """``document.xml`` with ``megabytes`` of ``padding`` right after ``<w:body>``."""

    def pieces(xml: bytes) -> Iterator[bytes]:
        body = xml.index(b"<w:body>") + len(b"<w:body>")
        yield xml[:body]
        block = padding * ((1 << 20) // len(padding))
        yield from (block for _ in range(megabytes))
        yield xml[body:]

    return pieces


def _parse_docx(path: Path, megabytes: int = 1024) -> Outcome:
    return run_capped(f"import zwgk\nzwgk.parse_file({str(path)!r})", seconds=30, megabytes=megabytes)


def test_a_grid_span_of_a_trillion_columns_is_refused(tmp_path: Path) -> None:
    def spanned(xml: bytes) -> Iterator[bytes]:
        cell = xml.index(b"<w:tc>") + len(b"<w:tc>")
        yield xml[:cell] + b'<w:tcPr><w:gridSpan w:val="1000000000000"/></w:tcPr>' + xml[cell:]

    outcome = _parse_docx(_docx(tmp_path, spanned))
    assert outcome.raised("InputTooLargeError"), outcome
    assert "表格的单元格覆盖" in outcome.message


def test_a_zip_bomb_declaring_its_size_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = _docx(tmp_path, _padded(200))
    assert path.stat().st_size < 1_000_000
    outcome = _parse_docx(path, megabytes=512)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "解压后有" in outcome.message and outcome.seconds < 10


def test_a_zip_bomb_hiding_its_size_is_inflated_no_further_than_it_says(tmp_path: Path) -> None:
    path = _docx(tmp_path, _padded(256), declared=4096)  # holds 256 MB, says 4 KB
    outcome = _parse_docx(path, megabytes=600)
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert "CRC" in outcome.message


def test_a_docx_of_more_xml_than_any_report_is_refused_as_it_is_inflated(tmp_path: Path) -> None:
    path = _docx(tmp_path, _padded(20, b"<w:p/>"))  # 20 MB of empty paragraphs, sizes declared honestly
    outcome = _parse_docx(path)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "XML 解压后超过上限" in outcome.message


def test_a_json_array_of_a_million_items_is_refused_at_once_in_a_few_lines() -> None:
    code = "import zwgk\nzwgk.from_json('{\"unplaced\": [' + ','.join(['1'] * 1_000_000) + ']}')"
    outcome = run_capped(code, seconds=20, megabytes=1024)
    assert outcome.raised("InvalidJsonError"), outcome
    assert outcome.message.endswith("$.unplaced: an array of 1,000,000 items, more than the 100,000 read")


def test_an_array_of_bad_items_reports_the_first_and_counts_the_rest() -> None:
    with pytest.raises(zwgk.InvalidJsonError) as refused:
        zwgk.from_json('{"unplaced": [' + ",".join(["1"] * 1000) + "]}")
    problems = refused.value.problems
    assert problems[:19] == [f"$.unplaced[{i}]: invalid value for type, expected Unplaced" for i in range(19)]
    assert problems[19:] == ["$.unplaced[19]: … and 981 more items refused"]


def test_an_invalid_data_error_lists_twenty_problems_and_counts_the_rest() -> None:
    message = str(zwgk.InvalidJsonError([f"$.p{i}: wrong" for i in range(30)]))
    assert message.splitlines()[1:] == [*(f"  - $.p{i}: wrong" for i in range(20)), "  … and 10 more"]
