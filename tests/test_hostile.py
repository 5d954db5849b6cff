"""Hostile input, each case in a process of its own with a time and memory cap (``hostile.run_capped``):
whatever it is, zwgk returns a report or raises a ``ZwgkError`` — no hang, no blow-up, no traceback."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zwgk
from zwgk.catalogue import SECTIONS
from zwgk.grammar import parse_tokens
from zwgk.lexing.cells import cell
from zwgk.lexing.lines import SourceLine
from zwgk.lexing.table import Run
from zwgk.lexing.tokens import Token
from zwgk.model.common import Unplaced
from zwgk.structure import Cut, Document

from .hostile import LONG_INPUTS, Outcome, run_capped, within

FIXTURES = Path(__file__).parent / "fixtures"

# --- exceptions: errors that were not ZwgkError, lone surrogates, figures beyond any report ---------

HUAIAN_PDF = FIXTURES / "corpus" / "huaian" / "szfgs2024.pdf"
_SAMPLE = f"open({str(zwgk.sample_path())!r}, encoding='utf-8').read()"
_HUGE = "9" * 5000
"""A figure longer than Python's int-to-string limit (4,300 digits)."""


def _run(code: str, seconds: float, megabytes: int = 1024) -> Outcome:
    return run_capped("import zwgk\n" + code, seconds=seconds, megabytes=megabytes)


def _only_zwgk_errors(outcome: Outcome) -> None:
    assert outcome.ended == "done", (outcome.ended, outcome.output)
    assert outcome.error is None or outcome.zwgk, outcome.traceback


@pytest.mark.parametrize(
    "text",
    ["國\ud800", "一、总体情况\n本机关\udcff", "-1.息1", "-0、一0", "规章-1.其他2.行政许可3"],
    ids=[
        "surrogate-beside-traditional",
        "escaped-byte",
        "numbering-minus",
        "numbering-ideographic",
        "labels",
    ],
)
def test_parse_raises_only_zwgk_errors(text: str) -> None:
    _only_zwgk_errors(_run(f"zwgk.parse({text!r})", 60))


@given(st.text(alphabet="-01.．、一息 ", max_size=8))
def test_a_run_of_figures_that_is_only_numbering_breaks_nothing(text: str) -> None:
    """``-1.`` before ``息`` is the numbering of what follows, and leaves no figure behind it."""
    with contextlib.suppress(zwgk.NotAReportError):
        zwgk.parse(text)


_EVERY_OUTPUT = """
report = zwgk.parse(text)
zwgk.check(report)
zwgk.to_json(report)
zwgk.to_csv([report])
zwgk.to_text(report)
repr(report)
report._repr_html_()
found = [d for d in report.diagnostics if d.code == "ZW234"]
assert found and all("{huge}" in d.message for d in found), report.diagnostics
"""


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("规章\t0\t0\t0", f"规章\t{_HUGE}\t0\t0"),
        ("政府集中采购\t0\t0", f"政府集中采购\t0\t{_HUGE}.5"),
        ("政府集中采购\t0\t0", f"政府集中采购\t0\t0.{'0' * 5000}1"),
        (
            "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1",
            f"一、本年新收政府信息公开申请数量\t{_HUGE}\t0\t0\t0\t0\t0\t{_HUGE}",
        ),
    ],
    ids=["count", "amount", "decimal-places", "table-three"],
)
def test_a_figure_beyond_any_report_is_a_blank_that_every_output_survives(printed: str, written: str) -> None:
    code = (
        f"text = zwgk.to_text(zwgk.parse({_SAMPLE}))\n"
        f"assert {printed!r} in text\n"
        f"text = text.replace({printed!r}, {written!r})\n"
        + _EVERY_OUTPUT.format(huge=written.split("\t")[-1 if "采购" in written else 1])
    )
    outcome = _run(code, 120)
    assert outcome.ended == "done" and outcome.error is None, outcome.traceback or outcome.output


def test_a_huge_figure_in_prose_or_glued_in_a_row_is_no_figure() -> None:
    code = f"""
text = zwgk.to_text(zwgk.parse({_SAMPLE}))
text = text.replace("收到公民申请公开政府信息0件", "收到公民申请公开政府信息{_HUGE}件")
text = text.replace("一、本年新收政府信息公开申请数量\\t1\\t0\\t0\\t0\\t0\\t0\\t1", "一、本年新收政府信息公开申请数量\\t{_HUGE}")
report = zwgk.parse(text)
zwgk.check(report)
zwgk.to_json(report)
assert report.requests.new_received.total is None
"""
    outcome = _run(code, 120)
    assert outcome.ended == "done" and outcome.error is None, outcome.traceback or outcome.output


def _zip_of_unknown_version() -> bytes:
    """A ZIP whose central directory asks for a version of the format no reader knows (9.9)."""
    path = Path("word.zip")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(path.read_bytes())
    path.unlink()
    directory = data.index(b"PK\x01\x02")
    data[directory + 6] = 99  # "version needed to extract"
    return bytes(data)


def test_damaged_files_are_zwgk_errors_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = '<html><head><meta charset="undefined"></head><body><p>一、总体情况</p><p>本机关</p></body></html>'
    (tmp_path / "undefined.html").write_bytes(page.encode("gbk"))
    (tmp_path / "zip.txt").write_bytes(_zip_of_unknown_version())
    for name in ("undefined.html", "zip.txt"):
        outcome = _run(f"zwgk.parse_file({str(tmp_path / name)!r})", 60)
        _only_zwgk_errors(outcome)
        assert outcome.error is None or name in outcome.message, outcome.message
    outcome = _run("zwgk.parse_file('report\\x00.txt')", 60)
    assert outcome.raised("ZwgkError") and "report\\x00.txt" in outcome.message, outcome


_FLIPS = 24
_PDF_SECONDS = 60


def _flips() -> list[tuple[int, int]]:
    """Seeded positions in the real PDF and the bit flipped at each: half where its objects are written
    out (dictionaries, cross-references), half anywhere (mostly compressed streams)."""
    data = HUAIAN_PDF.read_bytes()
    streams = [m.span(1) for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)]
    ends = [0, *(e for _, e in streams)]
    starts = [*(s for s, _ in streams), len(data)]
    outside = [p for a, b in zip(ends, starts, strict=True) for p in range(a, b)]
    rng = random.Random(13)
    return [
        (rng.choice(outside) if k % 2 else rng.randrange(len(data)), 1 << rng.randrange(8))
        for k in range(_FLIPS)
    ]


@pytest.mark.parametrize(("position", "bit"), _flips())
def test_a_pdf_with_a_flipped_bit_is_read_or_refused(position: int, bit: int) -> None:
    code = f"""
from zwgk.api import parse_document
data = bytearray(open({str(HUAIAN_PDF)!r}, "rb").read())
data[{position}] ^= {bit}
parse_document("flipped.pdf", bytes(data))
"""
    outcome = _run(code, _PDF_SECONDS, megabytes=2048)
    if outcome.ended == "timeout":  # PDF hangs are the bombs work's (issue 13): noted, not failed here
        pytest.skip(f"byte {position} ^ {bit} makes the PDF hang past {_PDF_SECONDS} s")
    _only_zwgk_errors(outcome)
    assert outcome.error is None or "flipped.pdf" in outcome.message, outcome.message


# --- linear: time linear in the length of the text, and a grammar recovery that ends --------------

_SMALL, _LARGE = 20_000, 160_000
_GROWTH = 3.5
"""How much more time per character the larger text may take: 8× the length, so quadratic time would
show as about 8×; the best of five runs of a fast case on a busy machine has shown 2.7×."""
_MOST_MICROSECONDS = 60
"""Per character at the larger size, whatever the growth: the slowest of these cases takes about 15."""
_TIMING = """
import functools, gc, json, time, zwgk
from tests.hostile import LONG_INPUTS

per_text_caches = []

def best(text, runs=5):
    times = []
    for _ in range(runs):
        for cached in per_text_caches:  # else a repeated run reads the same long cell from its cache
            cached.cache_clear()
        start = time.perf_counter()
        try:
            zwgk.parse(text)
        except zwgk.ZwgkError:
            pass
        times.append(time.perf_counter() - start)
    return min(times) / len(text) * 1e6

make = LONG_INPUTS[{name!r}]
best(make(1000))  # the grammar, the label index, the converters
per_text_caches = [
    f for f in gc.get_objects()
    if isinstance(f, functools._lru_cache_wrapper) and f.cache_parameters()["maxsize"] is not None
    and f.__module__.startswith("zwgk")
]
print(json.dumps([best(make({small})), best(make({large}))]))
"""


@pytest.mark.parametrize("name", LONG_INPUTS)
def test_parse_time_grows_linearly_with_the_text(name: str) -> None:
    outcome = run_capped(_TIMING.format(name=name, small=_SMALL, large=_LARGE), seconds=40, megabytes=2048)
    if outcome.ended != "done" or outcome.error is not None:
        pytest.fail(f"{name}: {outcome.ended} {outcome.error or ''} {outcome.output}")
    small, large = json.loads(outcome.printed)
    assert large <= _MOST_MICROSECONDS, f"{name}: {large:.1f} µs per character at {_LARGE:,} characters"
    assert large <= _GROWTH * small, f"{name}: {small:.2f} → {large:.2f} µs per character"


_LINE = SourceLine(1, "其他", "其他")
_VALUES = {
    "TITLE": _LINE,
    "HEADING": (SECTIONS[0], _LINE),
    "PARA": _LINE,
    "SUBHEAD": _LINE,
    "KEPT": _LINE,
    "ITEM": [cell("第二十条第（一）项", "第二十条第（一）项", 1)],
    "HEADER": [cell("申请人情况", "申请人情况", 1)],
    "LABEL": cell("（三）不予公开", "（三）不予公开", 1),
    "TEXT": cell("其他", "其他", 1),
    "CELLS": Run((cell("1", "1", 1),)),
    "EOR": None,
    "CUT": Cut.AFTER,
}
"""A value of each terminal, as the lexer makes them."""


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted(_VALUES)), max_size=40))
def test_any_sequence_of_tokens_makes_a_document(types: list[str]) -> None:
    found = [Token(type_, _VALUES[type_], k + 1) for k, type_ in enumerate(types)]
    with within(5):
        document, skipped = parse_tokens(found)
    assert isinstance(document, Document)
    assert all(any(t is s for t in found) for s in skipped)


def test_a_token_out_of_place_is_kept_as_unplaced_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexer makes only what the grammar takes; should it not, the token is skipped (ZW231) and
    the rest of the report read as without it."""
    text = (
        "一、总体情况\n本机关全面推进政务公开。\n"
        "三、收到和处理政府信息公开申请情况\n（三）不予公开\n1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
    )
    plain = zwgk.parse(text)
    lex = zwgk.api.tokens
    title = SourceLine(2, "某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告")

    def with_a_title_inside(lines: list[SourceLine]) -> list[Token]:
        found = lex(lines)
        return [*found[:1], Token("TITLE", title, 2), *found[1:]]  # after the first heading

    monkeypatch.setattr(zwgk.api, "tokens", with_a_title_inside)
    with within(5):
        recovered = zwgk.parse(text)
    assert recovered.unplaced == (*plain.unplaced, Unplaced("某某局2023年政府信息公开工作年度报告", None, 2))
    assert attrs.evolve(recovered, unplaced=plain.unplaced) == plain
    (said,) = [d for d in recovered.diagnostics if d.code == "ZW231"]
    assert "某某局2023年政府信息公开工作年度报告" in said.message and said.line == 2


# --- bombs: HTML, Word and PDF documents that would take unbounded time or memory, files that are no --
# --- regular files; each refused at once with a ZwgkError ----------------------------------------------


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


def test_a_pdf_whose_contents_refer_to_themselves_is_refused(tmp_path: Path) -> None:
    """PDFium reads the cycle as an empty page, so the file is refused as having no text, at once."""
    path = tmp_path / "cycle.pdf"
    path.write_bytes(_one_page_pdf(b"4 0 R"))  # object 4 is a reference to object 4
    outcome = run_capped(
        f"import zwgk, zwgk.sources.pdf as pdf\npdf.PAGE_SECONDS = 1\nzwgk.parse_file({str(path)!r})",
        seconds=30,
        megabytes=1024,
    )
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert str(path) in outcome.message


def _page_of(contents: bytes, size: int = 842) -> bytes:
    """A PDF of one square page ``size`` points across drawn by ``contents``, with Helvetica as ``/F1``."""
    return _pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R" % (size, size)
        + b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(contents), contents),
    )


def test_a_page_too_slow_to_read_is_refused_at_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    line = b"(%s) '" % (b"a " * 100)  # a line of 200 characters, 12 points below the last
    path.write_bytes(_page_of(b"BT /F1 10 Tf 12 TL 10 14390 Td %s ET" % (line * 1200), size=14400))
    outcome = run_capped(
        f"import zwgk, zwgk.sources.pdf as pdf\npdf.PAGE_SECONDS = 0.2\nzwgk.parse_file({str(path)!r})",
        seconds=30,
        megabytes=1024,
    )
    assert outcome.raised("UnsupportedSourceError"), outcome
    assert "第 1 页用时超过 0.2 秒" in outcome.message and str(path) in outcome.message


def test_a_page_ruled_to_make_the_grid_search_slow_is_refused(tmp_path: Path) -> None:
    at = range(0, 4000, 5)  # 800 lines each way, 640,000 crossings
    grid = b"".join(b"0 %d m 4000 %d l %d 0 m %d 4000 l " % (k, k, k, k) for k in at)
    path = tmp_path / "ruled.pdf"
    path.write_bytes(_page_of(grid + b"S", size=4000))
    outcome = run_capped(f"import zwgk\nzwgk.parse_file({str(path)!r})", seconds=30, megabytes=1024)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "交叉处超过上限" in outcome.message and str(path) in outcome.message


def test_a_pdf_of_more_pages_than_a_report_has_is_refused_before_they_are_read(tmp_path: Path) -> None:
    pages = 2500
    kids = b" ".join(b"%d 0 R" % k for k in range(3, 3 + pages))
    path = tmp_path / "pages.pdf"
    path.write_bytes(
        _pdf(
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
            *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages,
        )
    )
    outcome = run_capped(f"import zwgk\nzwgk.parse_file({str(path)!r})", seconds=30, megabytes=1024)
    assert outcome.raised("InputTooLargeError"), outcome
    assert "2,500 页" in outcome.message and str(path) in outcome.message


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


def test_the_streams_of_a_pdf_are_charged_what_they_inflate_to() -> None:
    from zwgk.sources.limits import InflateLimitExceeded, check_inflated

    text = "一、总体情况".encode() * 300_000  # 5,400,000 bytes, several chunks
    streams = b"".join(  # as a PDF writes them, each ``endstream`` at the end of its line
        b"%d 0 obj\n<< >>\nstream\n%s\nendstream\nendobj\n" % (number, data)
        for number, data in enumerate(
            [
                b"not zlib",
                zlib.compress(b"x" * 1000)[:-10],  # cut short: no error, at most 1,000 bytes
                zlib.compress(text),
            ]
        )
    )
    check_inflated(streams, len(text) + 1000)
    with pytest.raises(InflateLimitExceeded):
        check_inflated(streams, len(text) - 1)


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


# --- glued: the digit-split search of glued rows, bounded for the whole parse ---------------------------

_GLUED_ROWS = 400
_GLUED_SECONDS = 10
"""The cap: the search of all the rows stops after about a second; searching each row to its own limit
took 34 s (17 s with each row searched once)."""
_GLUED_PARSE = f"""
import json
row = "一、本年新收政府信息公开申请数量"
runs = ["1" * 12 + str(k) + "1" * 12 for k in range({_GLUED_ROWS})]  # each too long to split
head = "某县人民政府2021年政府信息公开工作年度报告"
body = "".join(row + r for r in runs)
text = f"{{head}}\\n{{head}}一、总体情况无。三、收到和处理政府信息公开申请情况{{body}}五、存在的主要问题及改进情况无。"
report = zwgk.parse(text)
said = [d for d in report.diagnostics if d.code in ("ZW228", "ZW229")]
print(json.dumps({{
    "split": sum(d.code == "ZW228" for d in said),
    "cut short": sum("的拆分未搜索完（本次解析的拆分搜索已达步数上限）" in d.message for d in said),
    "quoted": sum(any(f"“{{r}}”" in d.message for d in said) for r in runs),
}}))
"""


def test_many_glued_rows_too_long_to_split_end_within_the_parse_s_budget() -> None:
    """A report run onto one line (like page 216) whose row is printed again and again, each time with
    figures no rule splits: the search of all its rows stops at the parse's budget, and every row left
    is blank, its figures quoted in a warning that says the search was cut short."""
    outcome = _run(_GLUED_PARSE, _GLUED_SECONDS)
    assert outcome.ended == "done" and outcome.error is None, (outcome.ended, outcome.traceback)
    said = json.loads(outcome.printed)
    assert said["split"] == 0  # nothing guessed
    assert 0 < said["cut short"] < _GLUED_ROWS  # the first rows were searched to their own limit
    assert said["quoted"] == _GLUED_ROWS  # nothing lost
