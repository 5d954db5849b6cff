"""Hostile input (issue 13): each case crafted here, small on disk, run in a process capped in time and
memory (``hostile.run_capped``), so that a hang or a blow-up fails its test instead of the run."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

import zwgk

from .hostile import run_capped

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
