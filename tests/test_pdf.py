"""PDF reports: tables placed by the ruled grid, text joined back into paragraphs, errors named."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import zwgk

from .expected import Verdict, load, verdicts

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PDFS = [CORPUS / "huaian" / "szfgs2024.pdf", *sorted((CORPUS / "hongze").glob("*.pdf"))]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_every_table_cell_is_read_right(path: Path) -> None:
    expectation = load(path.with_name(f"{path.stem}.expected.json"))
    report = zwgk.parse_file(path)
    assert report.template is expectation.template
    assert set(verdicts(report, expectation).values()) == {Verdict.RIGHT}


def test_huaian_reads_as_a_whole_report() -> None:
    report = zwgk.parse_file(CORPUS / "huaian" / "szfgs2024.pdf")
    assert (report.organ, report.year) == ("淮安市人民政府", 2024)
    assert report.overview is not None and report.overview.paragraphs[0].startswith("2024 年，我市坚持")
    # a paragraph wrapped over a page break comes back whole, the page number gone
    (platform,) = [p for p in report.overview.paragraphs if p.startswith("（四）政府信息公开平台建设情况")]
    assert "将栏目不更新、政策解读" in platform and "- 2 -" not in platform
    assert report.other_matters is not None
    assert report.other_matters.paragraphs == (
        "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",
    )
    assert [d for d in zwgk.check(report) if d.severity is zwgk.Severity.ERROR] == []


def test_huaian_carried_in_and_carried_forward_are_told_apart() -> None:
    """“答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）”: 34 carried in, 103 carried
    forward, as table 三's 四、结转下年度继续办理 says (103)."""
    report = zwgk.parse_file(CORPUS / "huaian" / "szfgs2024.pdf")
    assert report.requests is not None and report.requests.carried_forward.total == 103
    assert [d for d in zwgk.check(report) if d.code.startswith("ZW31")] == []


def test_hongze_2023_is_a_hybrid_whose_table_four_does_not_add_up() -> None:
    report = zwgk.parse_file(CORPUS / "hongze" / "hzq2023_working.pdf")
    codes = {d.code for d in report.diagnostics}
    assert {"ZW206", "ZW211"} <= codes  # 2019-style （六）其他处理 in a 2021 report; 行政止公开 typo
    errors = [d for d in zwgk.check(report) if d.severity is zwgk.Severity.ERROR]
    assert sorted(d.code for d in errors) == ["ZW304", "ZW304"]  # 10+1 against 0; 5 against 0


def test_file_text_shows_the_rows_zwgk_reads() -> None:
    text = zwgk.file_text(CORPUS / "huaian" / "szfgs2024.pdf")
    assert "三、本年度办理结果\t（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362\n" in text
    assert "72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20\n" in text


def test_a_damaged_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    with pytest.raises(zwgk.UnsupportedSourceError, match="PDF"):
        zwgk.parse_file(path)


def test_positions_a_damaged_page_gives_as_nan_are_left_out_of_the_margins() -> None:
    from zwgk.sources.pdf import _Item, _Line, _paragraphs

    nan = float("nan")
    items = [
        _Item(0, [_Line("一、总体情况", nan, nan)], prose=True),
        _Item(1, [_Line("本机关", 0, float("inf"))], prose=True),
        _Item(2, [_Line("全年", 0, 100)], prose=True),
    ]
    assert "".join(_paragraphs(items)) == "一、总体情况本机关全年"  # whether lines join or not


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    pypdfium2 = pytest.importorskip("pypdfium2")
    blank = pypdfium2.PdfDocument.new()
    blank.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    blank.save(str(path))
    with pytest.raises(zwgk.UnsupportedSourceError, match="OCR"):
        zwgk.parse_file(path)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(zwgk.MissingExtraError, match=r"zwgk\[pdf\]"):
        zwgk.parse_file(PDFS[0])


def test_pdfs_read_in_several_threads_at_once_read_as_one_by_one() -> None:
    from concurrent.futures import ThreadPoolExecutor

    alone = [zwgk.file_text(path) for path in PDFS]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(zwgk.file_text, PDFS * 3)) == alone * 3
