"""Titles, organs and years as real pages print them, and the site furniture around them."""

from __future__ import annotations

import pytest

import zwgk
from zwgk.lexing.titles import find_title, is_furniture, organ_name, title_parts

FURNITURE = [
    "当前位置：首页 > 政务公开 > 信息公开年度报告",
    "您的位置: 首页 > 政府信息公开年报",
    "设为首页|加入收藏",
    "【字体：大 中 小】【打印】",
    "发布时间：2024-01-16 16:47 浏览次数：12",
    "索引号:4303000006/2024-1272031 发布机构:云湖桥镇 发布目录:信息公开年报",
    "政府信息公开",
    "登录 注册",
    "|",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_site_furniture_is_furniture(line: str) -> None:
    assert is_furniture(line)
    assert organ_name(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "某某县财政局2023年政府信息公开工作年度报告",
        "名 称： | 木岗镇人民政府2019年政府信息公开工作年度报告 | ||",
    ],
)
def test_a_title_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("某某县财政局2023年政府信息公开工作年度报告", "某某县财政局", 2023),
        ("2025年度长春新区管委会政府信息公开工作年度报告", "长春新区管委会", 2025),
        ("某某县财政局关于2023年政府信息公开工作年度报告", "某某县财政局", 2023),
        ("盐城市行政审批局政府信息公开工作2022年度情况的报告", "盐城市行政审批局", 2022),
        ("2023年度政府信息公开工作年度报告", None, 2023),
    ],
)
def test_organ_and_year_of_a_title(title: str, organ: str | None, year: int) -> None:
    assert title_parts(title) == (organ, year)


@pytest.mark.parametrize("name", ["我局", "本机关", "本单位", "区委", "政府信息公开"])
def test_pronouns_and_title_words_are_no_organ(name: str) -> None:
    assert organ_name(name) is None


def test_furniture_before_the_title_is_never_the_title() -> None:
    report = zwgk.parse(
        "登录 注册\n当前位置：首页 > 政府信息公开年报\n政府信息公开\n"
        "某某镇2023年政府信息公开工作年度报告\n来源：某某镇人民政府 发布时间：2024-01-16\n"
        "一、总体情况\n2023年，我镇做好公开工作。\n"
    )
    assert report.title == "某某镇2023年政府信息公开工作年度报告"
    assert (report.organ, report.year) == ("某某镇人民政府", 2023)  # the header prints the name in full
    assert report.preamble[0] == "登录 注册"  # kept, as the page printed it


def test_the_title_that_names_the_organ() -> None:
    report = zwgk.parse(
        "2023年度政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2023年政府信息公开工作年度报告\n一、总体情况\n好。\n"
    )
    assert report.organ == "桃江县松木塘镇人民政府"
    assert report.title == "桃江县松木塘镇人民政府2023年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("opening", "organ", "year"),
    [
        (
            "根据《条例》要求，特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。",
            "湛江市人民政府地方志办公室",
            2023,
        ),
        (
            "特编制2023年度和静县克尔古提乡人民政府办公室信息公开年度报告。",
            "和静县克尔古提乡人民政府办公室",
            2023,
        ),
        ("编制本报告现向社会公开安乐乡2019年政府信息公开工作年度报告。", "安乐乡", 2019),
        (
            "如对本报告有疑问，请与鹤城镇人民政府党政办联系。所列数据统计期限自2023年1月1日起。",
            "鹤城镇人民政府",
            2023,
        ),
        (
            "本报告所列数据统计期限为2025年1月1日至12月31日。2025年，铁东区退役军人事务局通过网站公开信息。",
            "铁东区退役军人事务局",
            2025,
        ),
    ],
)
def test_organ_and_year_from_the_opening_where_there_is_no_title(opening: str, organ: str, year: int) -> None:
    report = zwgk.parse(f"{opening}\n一、总体情况\n好。\n")
    assert (report.organ, report.year) == (organ, year)
    assert "ZW201" in {d.code for d in report.diagnostics}


def test_no_organ_is_none_with_a_diagnostic() -> None:
    report = zwgk.parse("一、总体情况\n2022年，我局在县政府网站主动公开信息416条。\n")
    assert (report.organ, report.year) == (None, 2022)
    assert "ZW202" in {d.code for d in report.diagnostics}


def test_an_office_of_the_organ_is_not_its_fuller_name() -> None:
    report = zwgk.parse(
        "标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n一、总体情况\n好。\n"
    )
    assert report.organ == "平潭综合实验区"


def test_a_title_field_that_furniture_ran_into_is_no_title() -> None:
    text = (
        "标题: 某某县人民政府2020年政府信息公开工作年度报告发布时间: 2021-03-05\n"
        "某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度公开信息。\n"
    )
    report = zwgk.parse(text)
    assert report.title == "某某县人民政府2020年政府信息公开工作年度报告"
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_a_title_is_no_longer_than_a_line_it_is_written_on() -> None:
    """Canonical text writes the title on one line: lines above it that would make it longer than a
    title can be are not part of it, but the preamble."""
    long_run = [
        "梁园区王楼乡人民政府政府信息公开领导小组办公室",
        "二〇二〇年度全乡各村各站所政府信息公开工作情况汇总",
        "2020年政府信息公开工作年度报告",
    ]
    assert find_title(long_run, 3) == [1, 2]
    lines = [
        "梁园区王楼新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
        "(六)其他处理\t0\t0\t0\t0\t0\t0\t0",
        "(七)乡人民政府2020年政府信息公开工作年度报告",
    ]
    assert find_title(lines, 3) == [2]  # rows of figures are no part of a title
    report = zwgk.parse("\n".join([*lines, "一、总体情况", "正文。"]))
    assert report.title == lines[2]
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_a_title_in_a_metadata_table_is_read_without_its_cells_pipes() -> None:
    report = zwgk.parse("名 称: | 木岗镇人民政府2019年政府信息公开工作年度报告 | | |\n一、总体情况\n正文。")
    assert report.title == "木岗镇人民政府2019年政府信息公开工作年度报告"
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_a_button_is_furniture_as_it_is_written_not_a_word_of_it() -> None:
    """``设为首页`` is a site's button; 设为 alone is no furniture (found by the round-trip property test:
    the organ 设为人民政府 lost its title)."""
    assert is_furniture("设为首页")
    report = zwgk.parse("设为人民政府2019年政府信息公开工作年度报告\n")
    assert (report.title, report.organ) == ("设为人民政府2019年政府信息公开工作年度报告", "设为人民政府")


def test_a_field_label_printed_twice_is_no_part_of_the_title() -> None:
    assert title_parts(
        zwgk.parse("标题:标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n").title or ""
    ) == (
        "平潭综合实验区",
        2019,
    )


def test_a_pinyin_note_a_line_break_cut_is_removed_from_the_title() -> None:
    """A mirror's note cut by the line break (``鎮(zhè`` / ``n)2020年…``) is whole once the title's lines
    are joined: removed, and said (ZW101), as the reader removes the notes it finds in the text."""
    report = zwgk.parse("拖市鎮(zhè\n\nn)2020年政府信息公開工作年度報告\n一、總體情況\n本鎮認真落實。\n")
    assert report.title == "拖市镇2020年政府信息公开工作年度报告"
    assert [d.line for d in report.diagnostics if d.code == "ZW101" and "标题" in d.message] == [1]
