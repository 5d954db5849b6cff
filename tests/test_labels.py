"""``labels="zh"``: the wide CSV's and the wide DataFrames' columns named by the catalogue's labels."""

from __future__ import annotations

import csv
import io

import pytest

import zwgk

from .conftest import SEEDS

NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def reports() -> list[zwgk.Report]:
    return [zwgk.parse_file(SEEDS / name) for name in NAMES]


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def test_every_wide_csv_column_has_its_own_chinese_name(reports: list[zwgk.Report]) -> None:
    english = _header(zwgk.to_csv(reports, wide=True))
    chinese = _header(zwgk.to_csv(reports, wide=True, labels="zh"))
    assert len(chinese) == len(english) == len(set(chinese))
    # both formats' cells: 2019's 本年新制作数量 and 2021's 本年制发件数, 2019's 其他处理 and 2021's three
    for name in (
        "报告",
        "机关",
        "表三.本年新收.自然人",
        "表三.上年结转.总计",
        "表三.部分公开.商业企业",
        "表三.不予公开.属于国家秘密.自然人",
        "表三.无法提供.本机关不掌握相关政府信息.总计",
        "表三.其他处理.逾期未缴纳费用.法律服务机构",
        "表三.其他处理.总计",
        "表三.结转下年度继续办理.其他",
        "表四.复议后起诉.尚未审结",
        "表二.规范性文件.本年新制作数量",
        "表二.行政规范性文件.本年制发件数",
        "表二.其他对外管理服务事项.本年增/减",
        "表二.政府集中采购.采购总金额",
        "表二.行政事业性收费.本年收费金额（万元）",
        "总体情况",
    ):
        assert name in chinese, name


def test_the_chinese_header_names_the_same_cells(reports: list[zwgk.Report]) -> None:
    english = list(csv.DictReader(io.StringIO(zwgk.to_csv(reports, wide=True))))
    chinese = list(csv.DictReader(io.StringIO(zwgk.to_csv(reports, wide=True, labels="zh"))))
    assert [list(row.values()) for row in chinese] == [list(row.values()) for row in english]
    # 景芝镇 2019 (the fifth seed): 本机关不掌握相关政府信息, 自然人 1; 周嘉镇: 其他对外管理服务事项 减45
    assert chinese[4]["表三.无法提供.本机关不掌握相关政府信息.自然人"] == "1"
    assert chinese[1]["表二.其他对外管理服务事项.本年增/减"] == "-45"
    assert (
        chinese[0]["机关"] == "梁园区王楼乡人民政府"
        and chinese[0]["表二.政府集中采购.采购总金额单位"] == "万元"
    )


@pytest.mark.parametrize("table", ["active", "requests", "review"])
def test_every_wide_frame_column_has_its_own_chinese_name(reports: list[zwgk.Report], table: str) -> None:
    english = zwgk.to_dataframe(reports, table, wide=True, keys=NAMES)
    chinese = zwgk.to_dataframe(reports, table, wide=True, keys=NAMES, labels="zh")
    assert chinese.index.name == "报告" and list(chinese.columns[:3]) == ["机关", "年度", "格式"]
    assert len(set(chinese.columns)) == len(chinese.columns) == len(english.columns)
    assert chinese.to_numpy().tolist() == english.to_numpy().tolist()


def test_the_wide_frame_reads_as_the_report_prints(reports: list[zwgk.Report]) -> None:
    requests = zwgk.to_dataframe(reports, "requests", wide=True, keys=NAMES, labels="zh")
    assert {"本年新收.自然人", "不予处理.重复申请.总计", "其他处理.逾期不补正.其他", "其他处理.总计"} <= set(
        requests.columns
    )
    assert requests.loc[NAMES[4], "无法提供.本机关不掌握相关政府信息.自然人"] == 1
    active = zwgk.to_dataframe(reports, "active", wide=True, keys=NAMES, labels="zh")
    assert active.loc[NAMES[1], "其他对外管理服务事项.本年增/减"] == -45
    assert (
        "（八）行政事业性收费.处理决定数量" in active.columns
    )  # an extra cell, named as the report wrote it
    review = zwgk.to_dataframe(reports, "review", wide=True, keys=NAMES, labels="zh")
    assert list(review.columns[3:8]) == [
        "行政复议.结果维持",
        "行政复议.结果纠正",
        "行政复议.其他结果",
        "行政复议.尚未审结",
        "行政复议.总计",
    ]


def test_unknown_labels_are_refused(reports: list[zwgk.Report]) -> None:
    with pytest.raises(ValueError, match="en, zh"):
        zwgk.to_csv(reports, wide=True, labels="fr")
    with pytest.raises(ValueError, match="en, zh"):
        zwgk.to_dataframe(reports, wide=True, labels="cn")
