"""Word reports built with python-docx at test time, in the official merged layout, from figures written
by hand here (so what the tests expect does not come from zwgk).

Table 三 rows are (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计); ``None`` is a blank cell.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

_ = None
Z = (0, 0, 0, 0, 0, 0, 0)
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# Table 三's rows: (group label, label, model path); a group label spans the rows up to the next one.
ROWS_2021: list[tuple[str | None, str, str]] = [
    (None, "一、本年新收政府信息公开申请数量", "new_received"),
    (None, "二、上年结转政府信息公开申请数量", "carried_over"),
    ("（一）予以公开", "", "granted"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "partially_granted"),
    ("（三）不予公开", "1.属于国家秘密", "withheld.state_secret"),
    ("", "2.其他法律行政法规禁止公开", "withheld.prohibited_by_law"),
    ("", "3.危及“三安全一稳定”", "withheld.security_stability"),
    ("", "4.保护第三方合法权益", "withheld.third_party_rights"),
    ("", "5.属于三类内部事务信息", "withheld.internal_affairs"),
    ("", "6.属于四类过程性信息", "withheld.process_information"),
    ("", "7.属于行政执法案卷", "withheld.enforcement_files"),
    ("", "8.属于行政查询事项", "withheld.query_matters"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable.not_held"),
    ("", "2.没有现成信息需要另行制作", "unavailable.needs_creation"),
    ("", "3.补正后申请内容仍不明确", "unavailable.unclear"),
    ("（五）不予处理", "1.信访举报投诉类申请", "not_processed.petition"),
    ("", "2.重复申请", "not_processed.repeated"),
    ("", "3.要求提供公开出版物", "not_processed.publications"),
    ("", "4.无正当理由大量反复申请", "not_processed.excessive"),
    ("", "5.要求行政机关确认或重新出具已获取信息", "not_processed.confirmation"),
    (
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_handling.overdue_correction",
    ),
    (
        "",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_handling.overdue_fee",
    ),
    ("", "3.其他", "other_handling.other"),
    ("（七）总计", "", "total"),
    (None, "四、结转下年度继续办理", "carried_forward"),
]
ROWS_2019 = [*ROWS_2021[:20], ("（六）其他处理", "", "other_handling"), *ROWS_2021[23:]]

REPORT_2021: dict[str, Any] = {
    "title": "平安县市场监督管理局2021年政府信息公开工作年度报告",
    "organ": "平安县市场监督管理局",
    "year": 2021,
    "template": "2021",
    "preamble": ("本报告根据《中华人民共和国政府信息公开条例》编制。",),
    "overview": ("2021年，我局坚持以公开为常态、不公开为例外。", "全年主动公开信息1200条。"),
    "problems": ("公开内容的深度还需加强。", "下一步将加强培训。"),
    "other_matters": ("本年度未收取信息处理费。",),
    # 第二十条: block header, column headers after 信息内容, rows (label, cells as printed, expected)
    "active_blocks": [
        (
            "第二十条第（一）项",
            ["本年制发件数", "本年废止件数", "现行有效件数"],
            [("规章", ["2", "1", "15"]), ("行政规范性文件", ["7", "3", "42"])],
        ),
        ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["1496"])]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["85"]), ("行政强制", ["4"])]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["12.3456"])]),
    ],
    "active": {
        "regulations": {"issued": 2, "repealed": 1, "in_force": 15},
        "normative_documents": {"issued": 7, "repealed": 3, "in_force": 42},
        "licensing": {"decisions": 1496},
        "punishment": {"decisions": 85},
        "coercion": {"decisions": 4},
        "fees": {"amount": Decimal("12.3456")},
    },
    "requests": {
        "new_received": (31, 4, 1, 0, 2, 1, 39),
        "carried_over": (2, 0, 0, 0, 0, 1, 3),
        "granted": (12, 2, 0, 0, 1, 0, 15),
        "partially_granted": (3, 1, 0, 0, 0, 0, 4),
        "withheld.state_secret": (1, 0, 0, 0, 0, 0, 1),
        "withheld.prohibited_by_law": (0, 0, _, 0, 0, 0, 0),  # the blank cell
        "withheld.security_stability": Z,
        "withheld.third_party_rights": (2, 0, 0, 0, 0, 0, 2),
        "withheld.internal_affairs": (1, 0, 0, 0, 0, 0, 1),
        "withheld.process_information": Z,
        "withheld.enforcement_files": Z,
        "withheld.query_matters": (1, 0, 0, 0, 0, 0, 1),
        "unavailable.not_held": (6, 1, 1, 0, 0, 1, 9),
        "unavailable.needs_creation": (1, 0, 0, 0, 0, 0, 1),
        "unavailable.unclear": Z,
        "not_processed.petition": (2, 0, 0, 0, 0, 0, 2),
        "not_processed.repeated": (1, 0, 0, 0, 0, 0, 1),
        "not_processed.publications": Z,
        "not_processed.excessive": Z,
        "not_processed.confirmation": Z,
        "other_handling.overdue_correction": (1, 0, 0, 0, 0, 0, 1),
        "other_handling.overdue_fee": Z,
        "other_handling.other": (0, 0, 0, 0, 1, 0, 1),
        "total": (31, 4, 1, 0, 2, 1, 39),
        "carried_forward": (2, 0, 0, 0, 0, 1, 3),
    },
    "review": (3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2),
}

REPORT_2019: dict[str, Any] = {
    "title": "清河镇人民政府2019年政府信息公开工作年度报告",
    "organ": "清河镇人民政府",
    "year": 2019,
    "template": "2019",
    "preamble": (),
    "overview": ("2019年，清河镇认真贯彻新修订的条例。", "政务公开工作取得新进展。"),
    "problems": ("一是公开意识有待提高。", "二是将进一步规范依申请公开。"),
    "other_matters": ("无。",),
    "active_blocks": [
        (
            "第二十条第（一）项",
            ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [("规章", ["0", "0", "3"]), ("规范性文件", ["5", "5", "60"])],
        ),
        (
            "第二十条第（五）项",
            ["上一年项目数量", "本年增/减", "处理决定数量"],
            [("行政许可", ["12", "-2", "340"]), ("其他对外管理服务事项", ["8", "1", "77"])],
        ),
        (
            "第二十条第（六）项",
            ["上一年项目数量", "本年增/减", "处理决定数量"],
            [("行政处罚", ["6", "0", "19"]), ("行政强制", ["2", "0", "3"])],
        ),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", ["4", "-1"])]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", ["3", "86.5"])]),
    ],
    "active": {
        "regulations": {"made": 0, "published": 0, "total_published": 3},
        "normative_documents": {"made": 5, "published": 5, "total_published": 60},
        "licensing": {"previous": 12, "change": -2, "decisions": 340},
        "other_services": {"previous": 8, "change": 1, "decisions": 77},
        "punishment": {"previous": 6, "change": 0, "decisions": 19},
        "coercion": {"previous": 2, "change": 0, "decisions": 3},
        "fees": {"previous": 4, "change": -1},
        "procurement": {"projects": 3, "amount": Decimal("86.5"), "amount_unit": None},
    },
    "requests": {
        **{path: Z for _g, _l, path in ROWS_2019},
        "new_received": (5, 1, 0, 0, 0, 0, 6),
        "carried_over": (1, 0, 0, 0, 0, 0, 1),
        "granted": (3, 0, 0, 0, 0, 0, 3),
        "partially_granted": (1, 0, 0, 0, 0, 0, 1),
        "unavailable.not_held": (1, 1, 0, 0, 0, 0, 2),
        "other_handling": (_, 0, 0, 0, 0, 0, 0),  # the blank cell
        "total": (5, 1, 0, 0, 0, 0, 6),
        "carried_forward": (1, 0, 0, 0, 0, 0, 1),
    },
    "review": (0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
}


def _figure(value: int | None) -> str:
    return "" if value is None else str(value)


def _merge(table: Any, top: int, left: int, bottom: int, right: int, *paragraphs: str) -> Any:
    """Merge the rectangle and write ``paragraphs`` (each its own paragraph) into it."""
    cell = table.cell(top, left)
    if (top, left) != (bottom, right):
        cell = cell.merge(table.cell(bottom, right))
    _write(cell, *paragraphs)
    return cell


def _write(cell: Any, *paragraphs: str) -> None:
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def _table_2(document: Any, blocks: list[tuple[str, list[str], list[tuple[str, list[str]]]]]) -> None:
    rows = sum(2 + len(block[2]) for block in blocks)
    table = document.add_table(rows=rows, cols=4)
    r = 0
    for header, columns, data in blocks:
        _merge(table, r, 0, r, 3, header)
        _write(table.cell(r + 1, 0), "信息内容")
        for c, column in enumerate(columns):  # the last column header spans what is left
            _merge(table, r + 1, 1 + c, r + 1, 3 if c == len(columns) - 1 else 1 + c, column)
        for i, (label, cells) in enumerate(data):
            row = r + 2 + i
            _write(table.cell(row, 0), label)
            for c, text in enumerate(cells):
                _merge(table, row, 1 + c, row, 3 if c == len(cells) - 1 else 1 + c, text)
        r += 2 + len(data)


def _table_3(
    document: Any, rows: list[tuple[str | None, str, str]], figures: dict[str, tuple[Any, ...]]
) -> None:
    table = document.add_table(rows=3 + len(rows), cols=10)
    _merge(table, 0, 0, 2, 2, NOTE)
    _merge(table, 0, 3, 0, 9, "申请人情况")
    _merge(table, 1, 3, 2, 3, "自然人")
    _merge(table, 1, 4, 1, 8, "法人或其他组织")
    _merge(table, 1, 9, 2, 9, "总计")
    _write(table.cell(2, 4), "商业", "企业")  # a label split across two paragraphs
    for c, label in enumerate(["科研机构", "社会公益组织", "法律服务机构", "其他"]):
        _write(table.cell(2, 5 + c), label)
    first = 3
    results = [i for i, (group, _l, _p) in enumerate(rows) if group is not None]
    _merge(table, first + results[0], 0, first + results[-1], 0, "三、本年度办理结果")
    starts = [i for i in results if rows[i][0]]
    for n, i in enumerate(starts):
        group, label, _path = rows[i]
        end = (starts[n + 1] if n + 1 < len(starts) else results[-1] + 1) - 1
        if label:  # a group over its numbered sub-rows
            _merge(table, first + i, 1, first + end, 1, *_split(group or ""))
        else:  # a row of its own, its label over both label columns
            _merge(table, first + i, 1, first + i, 2, *_split(group or ""))
    for i, (group, label, path) in enumerate(rows):
        row = first + i
        if group is None:
            _merge(table, row, 0, row, 2, label)
        elif label:
            _write(table.cell(row, 2), label)
        for c, value in enumerate(figures[path]):
            _write(table.cell(row, 3 + c), _figure(value))


def _split(label: str) -> tuple[str, ...]:
    """Labels as Word users type them: 部分公开's note in a paragraph of its own."""
    if label.startswith("（二）部分公开"):
        return ("（二）部分公开", label[len("（二）部分公开") :])
    return (label,)


def _table_4(container: Any, figures: tuple[int, ...]) -> None:
    table = container.add_table(rows=4, cols=15)
    _merge(table, 0, 0, 0, 4, "行政复议")
    _merge(table, 0, 5, 0, 14, "行政诉讼")
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for c, label in enumerate(results):
        _merge(table, 1, c, 2, c, label)
        _write(table.cell(2, 5 + c), label)
        _write(table.cell(2, 10 + c), label)
    _merge(table, 1, 5, 1, 9, "未经复议直接起诉")
    _merge(table, 1, 10, 1, 14, "复议后起诉")
    for c, value in enumerate(figures):
        _write(table.cell(3, c), str(value))


def build(path: Path, spec: dict[str, Any], *, framed_table_4: bool = False) -> Path:
    """Write ``spec`` as a .docx at ``path``: title, six sections, tables 二 三 四, a header and a footer."""
    import docx

    rows = ROWS_2021 if spec["template"] == "2021" else ROWS_2019
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "政府信息公开专栏"
    section.footer.paragraphs[0].text = "- 1 -"
    title = document.add_paragraph()
    title.add_run(spec["title"][:5])  # a title in several runs
    title.add_run(spec["title"][5:])
    for text in spec["preamble"]:
        document.add_paragraph(text)
    document.add_paragraph("一、总体情况")
    for text in spec["overview"]:
        document.add_paragraph(text)
    document.add_paragraph("")
    document.add_paragraph("二、主动公开政府信息情况")
    _table_2(document, spec["active_blocks"])
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    _table_3(document, rows, spec["requests"])
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    if framed_table_4:  # a layout table around the report table
        frame = document.add_table(rows=1, cols=1)
        _table_4(frame.cell(0, 0), spec["review"])
    else:
        _table_4(document, spec["review"])
    document.add_paragraph("五、存在的主要问题及改进情况")
    for text in spec["problems"]:
        document.add_paragraph(text)
    document.add_paragraph("六、其他需要报告的事项")
    for text in spec["other_matters"]:
        document.add_paragraph(text)
    document.save(str(path))
    return path
