"""zwgk.to_xlsx: a sheet listing the reports and a sheet per table, read back with openpyxl."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import zwgk

from .conftest import SEEDS

NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def book() -> Any:
    out = io.BytesIO()
    zwgk.to_xlsx([zwgk.parse_file(SEEDS / name) for name in NAMES], out, keys=NAMES)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def _block(sheet: Any, key: str) -> list[tuple[Any, ...]]:
    """The rows of one report's block: from the line naming it to the empty line that ends it."""
    rows = _rows(sheet)
    start = next(i for i, row in enumerate(rows) if isinstance(row[0], str) and row[0].startswith(key))
    end = next((i for i in range(start, len(rows)) if all(v is None for v in rows[i])), len(rows))
    return rows[start:end]


def _row(block: list[tuple[Any, ...]], label: str, after: str | None = None) -> tuple[Any, ...]:
    """The values of the row labelled ``label`` (the first one after the row labelled ``after``)."""
    start = 0 if after is None else next(i for i, row in enumerate(block) if row[0] == after)
    return next(row[1:] for row in block[start:] if row[0] == label)


def test_a_sheet_lists_the_reports_and_a_sheet_holds_each_table(book: Any) -> None:
    assert book.sheetnames == ["报告", "表二", "表三", "表四"]
    listing = _rows(book["报告"])
    assert listing[0] == ("报告", "标题", "机关", "年度", "格式")
    assert listing[1] == (
        NAMES[0],
        "梁园区王楼乡人民政府2020年政府信息公开工作年度报告",
        "梁园区王楼乡人民政府",
        2020,
        "2019",
    )
    assert listing[3] == (NAMES[2], None, "一平垣乡", 2023, "2021")  # a report without a title


def test_table_two_is_a_block_per_report_as_printed(book: Any) -> None:
    zhoujia = _block(book["表二"], NAMES[1])
    assert zhoujia[0][0] == f"{NAMES[1]}　垫江县周嘉镇人民政府　2020年"
    assert zhoujia[1][0] == "第二十条第（一）项"
    assert ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量") in zhoujia
    assert _row(zhoujia, "其他对外管理服务事项")[:3] == (175, -45, 11536)
    assert _row(zhoujia, "行政处罚")[:3] == (6, 8, 0)  # printed +8
    jingzhi = _block(book["表二"], NAMES[4])
    assert _row(jingzhi, "其他对外管理服务事项")[:3] == (None, None, None)  # printed blank, not 0
    wanglou = _block(book["表二"], NAMES[0])  # the 采购 header in 万元; an extra 处理决定数量 under （八）
    assert ("信息内容", "采购项目数量", "采购总金额（万元）", None) in wanglou
    assert ("（八）", "行政事业性收费", "处理决定数量", 0) in wanglou
    yipingyuan = _block(book["表二"], NAMES[2])
    assert ("信息内容", "本年收费金额（单位：万元）", None, None) in yipingyuan
    assert _row(yipingyuan, "行政许可")[0] == 512


def test_table_three_is_a_block_per_report_with_its_labels(book: Any) -> None:
    jingzhi = _block(book["表三"], NAMES[4])
    assert jingzhi[1] == (None, "自然人", "法人或其他组织", None, None, None, None, "总计")
    assert jingzhi[2] == (None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None)
    assert _row(jingzhi, "1.本机关不掌握相关政府信息") == (1, 0, 0, 0, 0, 0, 1)
    assert _row(jingzhi, "（三）不予公开") == (None,) * 7  # a group row carries no figures
    xian = _block(book["表三"], NAMES[3])  # only the 总计 column filled
    assert _row(xian, "一、本年新收政府信息公开申请数量") == (None, None, None, None, None, None, 0)
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in [row[0] for row in xian]
    merged = {str(r) for r in book["表三"].merged_cells.ranges}
    assert {"B2:B3", "C2:G2", "H2:H3"} <= merged  # 自然人 and 总计 over both header rows


def test_table_four_is_its_printed_header_over_a_row_per_report(book: Any) -> None:
    rows = _rows(book["表四"])
    assert rows[0][:4] == ("报告", "机关", "年度", "行政复议") and rows[0][8] == "行政诉讼"
    assert rows[1][8] == "未经复议直接起诉" and rows[1][13] == "复议后起诉"
    assert rows[2][8:13] == ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    organs = ("梁园区王楼乡人民政府", "垫江县周嘉镇人民政府", "一平垣乡", "大洼区西安镇", "景芝镇")
    years = (2020, 2020, 2023, 2021, 2019)
    assert [row[:3] for row in rows[3:]] == list(zip(NAMES, organs, years, strict=True))
    assert rows[3][3:18] == (0,) * 15


def test_amounts_are_exact_numbers_and_text_is_never_a_formula(tmp_path: Path) -> None:
    report = zwgk.Report(
        template=zwgk.Template.V2021,
        organ='=HYPERLINK("x")',
        active=zwgk.Active2021(fees=zwgk.FeeAmount(Decimal("9116.36")), notes=("注：收费为行政事业性收费",)),
        review=zwgk.Review(notes=("无复议诉讼",)),
    )
    path = tmp_path / "one.xlsx"
    zwgk.to_xlsx([report], path)
    book = openpyxl.load_workbook(path)
    assert book["报告"]["C2"].value == '=HYPERLINK("x")' and book["报告"]["C2"].data_type == "s"
    block = _block(book["表二"], "1")
    assert _row(block, "行政事业性收费")[0] == 9116.36
    assert _row(block, "行政许可")[0] is None
    assert block[-1][0] == "注：收费为行政事业性收费"  # the note under the table
    assert _rows(book["表三"]) == []  # no table 三: no block
    review = _rows(book["表四"])
    assert review[0][18] == "说明" and review[3][18] == "无复议诉讼" and review[3][3] is None


def test_without_openpyxl_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(zwgk.MissingExtraError, match=r'pip install "zwgk\[excel\]"'):
        zwgk.to_xlsx([zwgk.Report()], io.BytesIO())
