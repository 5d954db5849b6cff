"""Every diagnostic code zwgk emits, with its severity, what triggers it and an example. Codes are stable.

ZW1xx: the text itself (noise removed, characters converted). ZW2xx: reading the report's structure
(sections, tables, rows, cells). ZW3xx: checks — the 勾稽 rules, across years, the text against the
tables. ``docs/diagnostics.md`` is ``document()``'s output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .model.common import Diagnostic, Severity


class Code(NamedTuple):
    """A diagnostic code as ``document()`` lists it."""

    code: str
    severity: Severity
    summary: str
    """What triggers it, in English (the messages themselves are Chinese)."""
    example: str
    """A message as zwgk writes it."""


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            "ZW101",
            Severity.INFO,
            "Pinyin notes inserted by a mirror site (`鎮(zhèn)`) were removed.",
            "已移除拼音注音（pinyin notes removed） 364 处",
        ),
        Code(
            "ZW102",
            Severity.INFO,
            "HTML tags or entities left in the text were removed or decoded.",
            "已移除 HTML 标签残留（HTML residue removed） 1 处",
        ),
        Code(
            "ZW103",
            Severity.INFO,
            "Word artefacts such as `[bookmark: _GoBack]` were removed.",
            "已移除 Word 标记（Word artefacts removed） 1 处",
        ),
        Code(
            "ZW104",
            Severity.INFO,
            "Doubled punctuation from a mirror site (`,、` `,，`) was reduced to one mark.",
            "已移除重复标点（doubled punctuation removed） 88 处",
        ),
        Code(
            "ZW105",
            Severity.INFO,
            "Kangxi radicals or compatibility ideographs (PDF extraction) were mapped.",
            "已将康熙部首等兼容字符换为常用字（compatibility characters mapped） 3 处",
        ),
        Code(
            "ZW106",
            Severity.WARNING,
            "A line looks like mojibake; it is kept as it is.",
            "疑似乱码，原样保留（possible mojibake）",
        ),
        Code(
            "ZW107",
            Severity.INFO,
            "Traditional characters were converted to simplified.",
            "繁体字已转换为简体（traditional characters converted）",
        ),
        Code(
            "ZW108",
            Severity.INFO,
            "Page numbers printed by a PDF or Word export (`- 4 -`) were dropped.",
            "已略去页码行 2 处（page numbers dropped）",
        ),
        Code(
            "ZW109",
            Severity.INFO,
            "Sections or table rows were run together on one line (a crawler's rendering); they were"
            " broken into lines at the section headings and, in the tables, at labels and runs of figures.",
            "1 行连写的内容已按标题、表格标签和数字断开（run-together text broken into lines）",
        ),
        Code(
            "ZW110",
            Severity.INFO,
            "A text file was neither UTF-8 (or marked by a BOM) nor GB18030 that reads as Chinese; its"
            " encoding (Big5, say) was detected by charset-normalizer.",
            "文件编码检测为 big5（encoding detected）",
        ),
        Code(
            "ZW111",
            Severity.WARNING,
            "The charset a server or a page declared does not fit the bytes fetched from a URL; they were"
            " read in the encoding they fit (UTF-8, another declared charset, or GB18030/UTF-16 as detected).",
            "服务器声明的 utf-8 与内容不符，已按 GB18030 解码（declared charset does not fit the bytes）",
        ),
        Code(
            "ZW201",
            Severity.INFO,
            "No title (or none naming them): the organ or year was taken from the first sentences.",
            "报告无标题或标题中未见，机关“一平垣乡”、年度 2023取自正文开头",
        ),
        Code(
            "ZW202",
            Severity.WARNING,
            "The organ or the year of the report could not be found.",
            "未能确定报告的机关和年度",
        ),
        Code(
            "ZW203",
            Severity.WARNING,
            "A section of the format is missing (its heading was not found).",
            "未找到第四部分“政府信息公开行政复议、行政诉讼情况”的标题",
        ),
        Code(
            "ZW204",
            Severity.WARNING,
            "A table of the format was not found.",
            "未找到“政府信息公开行政复议、行政诉讼情况”的表格",
        ),
        Code(
            "ZW205",
            Severity.INFO,
            "A table's format was not evident from its labels; it was taken from elsewhere.",
            "表三的格式无法从表中判断，按 2021 年格式读取",
        ),
        Code(
            "ZW206",
            Severity.INFO,
            "Table 二 and table 三 follow different formats (a hybrid report).",
            "表二为 2021 年格式，表三为 2019 年格式（混合格式）",
        ),
        Code(
            "ZW207",
            Severity.INFO,
            "A section heading holds figures its official wording does not; they are quoted here, the"
            " heading read as that section's.",
            "章节标题“二、2023年主动公开政府信息情况”含格式标题以外的内容，按第二部分读取",
        ),
        Code(
            "ZW211",
            Severity.INFO,
            "A label was matched through a known variant (alias), not its official wording.",
            "“社会组织”按“社会公益组织”的变体识别（alias）",
        ),
        Code(
            "ZW212",
            Severity.INFO,
            "A label was matched by ignoring its numbering.",
            "“(三)属于国家秘密”的编号与格式不同，按“1.属于国家秘密”识别",
        ),
        Code(
            "ZW213",
            Severity.WARNING,
            "A row had lost its label; which row it is was inferred from its position (following on from"
            " the last label, or in order in the empty slots between the labelled rows around it).",
            "表三此行无行标签，按位置推定为“2.其他法律行政法规禁止公开”行",
        ),
        Code(
            "ZW214",
            Severity.WARNING,
            "A row of the format is missing from the table; its cells are blank.",
            "表三缺少以下行，按空白处理：3.其他",
        ),
        Code(
            "ZW215",
            Severity.WARNING,
            "A row appears twice; the second occurrence is kept as unplaced content.",
            "表三“（七）总计”行重复出现，后者未采用",
        ),
        Code(
            "ZW216",
            Severity.INFO,
            "A row or column the format lacks was kept as an extra cell.",
            "表二第（八）项“行政事业性收费”行“处理决定数量”列不在本格式中，作为附加单元格保留",
        ),
        Code(
            "ZW217",
            Severity.INFO,
            "A table-二 header does not name the format's columns (garbled or cut short: `本年新`); the"
            " rows under it are read in the format's own column order.",
            "表二第（一）项的表头“本年新 本年新 对外公开总数量”未能全部识别，按格式的列顺序读取",
        ),
        Code(
            "ZW220",
            Severity.INFO,
            "A cell gives its figure in Chinese numerals (`二百一十七`, `十二`, `零`); it was read as that"
            " number. One numeral character alone other than 零 is not read (it is as often a label's"
            " numbering, `一` of `一、本年新收`).",
            "单元格“二百一十七”按中文数字读作 217",
        ),
        Code(
            "ZW221",
            Severity.INFO,
            "A cell holds a marker (`-`, `/`, `无`) instead of a figure; it is read as blank.",
            "单元格为“/”，按空白处理（marker read as blank）",
        ),
        Code(
            "ZW222",
            Severity.WARNING,
            "A row prints more figures than it has columns; figures at its ends were dropped to fit.",
            "表三“1.属于国家秘密”行：8 个数字多于 7 列，去掉两端多余数字后为 0 0 0 0 0 0 0",
        ),
        Code(
            "ZW223",
            Severity.WARNING,
            "A row prints fewer figures than it has columns and no empty cells say which column each is"
            " in; the whole row is left blank, never filled from the left.",
            "表三“（七）总计”行：印出 6 个数字，应有 7 列，无法确定各属哪一列，均按空白处理（1 0 0 0 0 1）",
        ),
        Code(
            "ZW224",
            Severity.WARNING,
            "A row's figures could be placed several ways, or are far too many for its columns; they were"
            " left blank.",
            "表三“一、本年新收政府信息公开申请数量”行：8 个数字放入 7 列有多种可能（1 1 0 0 0 0 1；1 0 0 0 0 1 1），均按空白处理",
        ),
        Code(
            "ZW225",
            Severity.WARNING,
            "A cell in a figure's place holds nothing its column can take: a fraction in a count column, an"
            " approximate figure (`约64`), a figure of another unit (`64人`, `12%`). The cell is blank; the"
            " diagnostic quotes it.",
            "单元格“约64”是约数或别的单位的数字，不是本列的数，按空白处理",
        ),
        Code(
            "ZW226",
            Severity.INFO,
            "An amount given in 元 was converted to the column's 万元.",
            "金额“30000元”以元计，已换算为 3 万元",
        ),
        Code("ZW227", Severity.WARNING, "A count is negative.", "计数为负数：-3"),
        Code(
            "ZW228",
            Severity.INFO,
            "Figures printed without separators were split the one way the table's rules allow"
            " (no leading zeros; each row or group adds up to its 总计), or, in table 二, the one way that"
            " gives the figures the report's prose states for that row.",
            "表三“一、本年新收政府信息公开申请数量”行：数字连写“640020470”，按合计关系拆分为 64 0 0 2 0 4 70",
        ),
        Code(
            "ZW229",
            Severity.WARNING,
            "Figures printed without separators split several ways or none, or their splits were not"
            " searched to the end (too many of them, or the parse's search for all its rows ran out of"
            " steps); the cells are left blank and the candidates listed.",
            "表二“规范性文件”行：数字连写“7777166”有多种拆分，本表没有可据以判断的合计关系，均按空白处理",
        ),
        Code(
            "ZW230",
            Severity.WARNING,
            "Rows without labels could not be placed: neither following on from the last label nor"
            " filling the slots between the labelled rows agrees with the labels and the table's rules;"
            " their figures are kept as unplaced.",
            "表三无行标签的行与行标签对不上（“1.信访举报投诉类申请”行另有带标签的行），这 3 行均无法归位，作为未归位内容保留",
        ),
        Code(
            "ZW231",
            Severity.WARNING,
            "Content that fits nowhere in the format was kept as unplaced.",
            "表三中的“7 8”无行标签且无法推定所属行，作为未归位内容保留",
        ),
        Code(
            "ZW232",
            Severity.INFO,
            "Prose inside a table section was kept as a note of that table.",
            "表格部分的文字“单位：件”作为表格说明保留",
        ),
        Code(
            "ZW233",
            Severity.WARNING,
            "The text ends inside a table row (an excerpt, a page cut off): the figures printed before"
            " the end are read from the left, the columns after them are blank; a last figure the end"
            " cut right after its digits (not a 0) may have lost some, and is blank too.",
            "表三“（一）予以公开”行：文本在此行中断，已印出的 3 个数字按从左到右读取，其余 4 列按空白处理（0 0 0）",
        ),
        Code(
            "ZW234",
            Severity.WARNING,
            "A figure is beyond any report's (more than 2⁵³−1 in magnitude, the most JSON keeps exact,"
            " or more than 12 decimal places); the cell is blank and the message quotes it whole.",
            "单元格“90071992547409920”超出报告数字的范围（绝对值至多 9007199254740991，小数至多 12 位），按空白处理",
        ),
        Code(
            "ZW235",
            Severity.INFO,
            "A figure was printed with a parenthesised note after it; the figure is read, the note quoted.",
            "单元格“13000000（预算）”的数字后附有说明“预算”，按 13000000 读取",
        ),
        Code(
            "ZW236",
            Severity.INFO,
            "A label or header was found with a parenthesised note holding figures; the note is quoted.",
            "“行政许可（含8项备案）”按标签识别，括注“含8项备案”中的数字未作数据",
        ),
        Code(
            "ZW301",
            Severity.ERROR,
            "Table 三, a column: 一 + 二 ≠ （七）总计 + 四 (the rule printed in the form).",
            "表三“自然人”列：本年新收 70 + 上年结转 1 = 71，但（七）总计 69 + 结转下年度 1 = 70",
        ),
        Code(
            "ZW302",
            Severity.ERROR,
            "Table 三, a column: （七）总计 ≠ the sum of the result rows (（一）…（六）).",
            "表三“总计”列：各项办理结果之和为 27，（七）总计为 21",
        ),
        Code(
            "ZW303",
            Severity.ERROR,
            "Table 三, a row: 自然人 + the five 法人或其他组织 columns ≠ 总计.",
            "表三“（七）总计”行：自然人至其他六列之和为 8，总计为 9",
        ),
        Code(
            "ZW304",
            Severity.ERROR,
            "Table 四, a group: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 ≠ 总计.",
            "表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为 4，总计为 5",
        ),
        Code(
            "ZW305",
            Severity.ERROR,
            "Across years, same organ: 结转下年度继续办理 of year N ≠ 上年结转 of year N+1.",
            "平潭综合实验区 2021 年表三“结转下年度继续办理”“总计”为 1，2022 年“上年结转”为 2",
        ),
        Code(
            "ZW311",
            Severity.WARNING,
            "The text gives a number of applications received that table 三 does not.",
            "总体情况中写“2019年，收到公民申请公开政府信息0件。”（收到的申请 0 件），但表三本年新收为 1，本年新收与上年结转之和为 1",
        ),
        Code(
            "ZW312",
            Severity.WARNING,
            "The text gives a number of applications concluded (办结) other than （七）总计.",
            "总体情况中写“共办理 718 件，办结 700 件”（办结的申请 700 件），但表三（七）总计为 718",
        ),
        Code(
            "ZW313",
            Severity.WARNING,
            "The text gives a number carried forward (结转) other than 四、结转下年度继续办理.",
            "总体情况中写“结转下一年 31 件”（结转下年度的申请 31 件），但表三结转下年度继续办理为 30",
        ),
        Code(
            "ZW314",
            Severity.WARNING,
            "The text gives applications by natural persons or organisations that table 三 does not.",
            "总体情况中写“涉及自然人72件”（自然人的申请 72 件），但表三本年新收为 70，本年新收与上年结转之和为 71",
        ),
        Code(
            "ZW315",
            Severity.WARNING,
            "More applications dropped for an unpaid 信息处理费 than fee notices the text says were sent.",
            "其他需要报告的事项中写发出收费通知 0 件，但表三“逾期未按收费通知要求缴纳费用”的申请有 2 件",
        ),
        Code(
            "ZW390",
            Severity.INFO,
            "A rule could not be checked: some of its cells are blank (never passed, never failed).",
            "ZW303（各类申请人之和等于总计）无法核对：“一、本年新收政府信息公开申请数量”行有空白单元格（not checkable）",
        ),
    )
}


def unknown_codes(prefixes: Iterable[str]) -> list[str]:
    """The ones of ``prefixes`` (codes, or the start of codes: ``ZW3``) that name no code."""
    return [p for p in prefixes if not any(code.startswith(p) for code in CODES)]


def diagnostic(code: str, message: str, line: int | None = None, paths: tuple[str, ...] = ()) -> Diagnostic:
    """A diagnostic of ``code``, with the code's severity."""
    return Diagnostic(code, CODES[code].severity, message, line, paths)


class Findings:
    """Collects diagnostics while a report is read; each code's severity comes from ``CODES``."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int | None = None, paths: tuple[str, ...] = ()) -> None:
        self.diagnostics.append(diagnostic(code, message, line, paths))

    def repeat(self, found: Diagnostic) -> None:
        """Add a diagnostic made once, for a finding whose message never varies (a diagnostic is frozen:
        the reports that have it share it)."""
        self.diagnostics.append(found)


_GROUPS = {"ZW1": "The text itself", "ZW2": "Reading the structure", "ZW3": "Checks"}


def document() -> str:
    """docs/diagnostics.md: every code, what triggers it, an example."""
    lines = [
        "# Diagnostics",
        "",
        "Every finding zwgk reports — while reading (`report.diagnostics`) or checking (`zwgk.check`,",
        "`zwgk check`) — is a `Diagnostic(code, severity, message, line, paths)`. Codes are stable; messages",
        "are Chinese with the figures involved. `paths` name the cells concerned",
        "(`requests.total.natural_person`), `line` the source line where the report came from text.",
        "`zwgk check --select ZW3 --ignore ZW390` keeps or drops codes by prefix. This page is generated",
        "from `src/zwgk/codes.py` (`zwgk codes > docs/diagnostics.md`).",
    ]
    for prefix, title in _GROUPS.items():
        lines += [
            "",
            f"## {prefix}xx — {title}",
            "",
            "| code | severity | triggered when | example |",
            "|---|---|---|---|",
        ]
        for code in CODES.values():
            if code.code.startswith(prefix):
                lines.append(f"| {code.code} | {code.severity.value} | {code.summary} | {code.example} |")
    return "\n".join(lines) + "\n"
