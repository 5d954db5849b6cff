"""Nothing silently lost (issue 13): every figure of a report's text is in a cell, in a diagnostic's
message or in unplaced content, and canonical text keeps what the report holds — for the real fixtures
and for damaged copies of them (``mutants``)."""

from __future__ import annotations

import csv
import io

import pytest

import zwgk

from .conftest import SEEDS
from .figures import lost_figures
from .mutants import FIXTURE_PATHS, mutants

SEED = (SEEDS / "000_a590bb6f50b0561d.txt").read_text(encoding="utf-8")
"""A 2019-format report whose tables print 0 in every cell."""
REGULATIONS = "规章\t0\t0\t0"
NEW_RECEIVED = "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"

MUTANTS = list(mutants(6))


def _with(line: str, replacement: str) -> zwgk.Report:
    assert line in SEED
    return zwgk.parse(SEED.replace(line, replacement, 1))


def _said(report: zwgk.Report, code: str) -> list[str]:
    return [d.message for d in report.diagnostics if d.code == code]


@pytest.mark.parametrize("odd", ["约5", "5人", "12%", "约64", "64人"])
def test_a_table_2_cell_that_is_no_figure_is_blank_quoted_and_holds_its_column(odd: str) -> None:
    report = _with(REGULATIONS, f"规章\t{odd}\t0\t0")
    assert report.active is not None
    assert report.active.regulations == zwgk.Documents2019(made=None, published=0, total_published=0)
    assert any(f"“{odd}”" in m for m in _said(report, "ZW225"))


@pytest.mark.parametrize("odd", ["约64", "64人", "12%"])
def test_a_table_3_cell_that_is_no_figure_blanks_only_itself(odd: str) -> None:
    report = _with(NEW_RECEIVED, NEW_RECEIVED.replace("\t0", f"\t{odd}", 1))
    assert report.requests is not None
    assert report.requests.new_received == zwgk.RequestRow(None, 0, 0, 0, 0, 0, 0)
    assert any(f"“{odd}”" in m for m in _said(report, "ZW225"))
    assert not _said(report, "ZW229")  # no 数字连写 said of it


def test_chinese_numerals_and_a_count_in_pieces_are_read() -> None:
    report = _with(NEW_RECEIVED, NEW_RECEIVED.replace("\t0", "\t二十", 1).replace("\t0", "\t64件", 1))
    assert report.requests is not None
    assert report.requests.new_received == zwgk.RequestRow(20, 64, 0, 0, 0, 0, 0)
    assert any("二十" in m for m in _said(report, "ZW220"))


def test_text_beside_a_row_label_is_kept() -> None:
    """abc may be a column or part of the label: the two figures after it have no certain column."""
    report = _with(REGULATIONS, "规章\tabc\t0\t0")
    assert [(u.text, u.section) for u in report.unplaced] == [("abc", "active"), ("0 0", "active")]


@pytest.mark.parametrize(
    ("group", "first"),
    [
        ("\t(五) 不予处理\t1.信访举报投诉类申请", "1.信访举报投诉类申请"),
        ("\t(三) 不予公开\t1.属于国家秘密", "1.属于国家秘密"),
        ("三、本年度办理结果\t(一) 予以公开", "(一) 予以公开"),
    ],
)
@pytest.mark.parametrize("line", ["其他", "7\t8", "单位：件"])
def test_a_line_after_a_group_label_is_kept(group: str, first: str, line: str) -> None:
    label = group.removesuffix(f"\t{first}").strip()
    report = _with(group, f"{label}\n{line}\n{first}")
    assert line.replace("\t", " ") in [u.text for u in report.unplaced]


def test_every_figure_of_a_second_table_4_row_is_kept() -> None:
    row = "\t".join(["0"] * 15)
    second = [str(n) for n in range(1, 31)]
    text = SEED.replace(row, row + "\n" + "\t".join(second), 1)
    report = zwgk.parse(text)
    kept = " ".join(u.text for u in report.unplaced if u.section == "review").split()
    assert [f for f in second if f not in kept] == []
    assert lost_figures(text, report) == []


def test_a_figure_cut_short_by_the_end_of_the_text_stays_in_canonical_text() -> None:
    report = zwgk.parse("第二十条第（六）项\n其他事项\t5")
    text = zwgk.to_text(report)
    assert "未归位：5" in text.splitlines()
    assert zwgk.parse(text) == report


def test_csv_neutralises_the_section_of_unplaced_content() -> None:
    hostile = "=cmd|' /C calc'!A0"
    report = zwgk.Report(title="报告", unplaced=(zwgk.Unplaced("=1+1", hostile, 3),))
    written = zwgk.to_csv([report])
    fields = [field for record in csv.reader(io.StringIO(written)) for field in record]
    assert not [f for f in fields if f.startswith(("=", "+", "-", "@"))]
    assert zwgk.from_csv(written) == [report]


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda p: p.stem)
def test_every_figure_of_a_fixture_is_kept(path: object) -> None:
    text = zwgk.file_text(path)  # type: ignore[arg-type]
    assert lost_figures(text, zwgk.parse(text)) == []


@pytest.mark.parametrize(("name", "text"), MUTANTS, ids=[name for name, _ in MUTANTS])
def test_every_figure_of_a_mutant_is_kept_and_its_canonical_text_reads_back(name: str, text: str) -> None:
    try:
        report = zwgk.parse(text)
    except zwgk.NotAReportError:
        return
    assert lost_figures(text, report) == []
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_figures_in_a_heading_beyond_its_wording_are_quoted() -> None:
    text = "某县2023年政府信息公开工作年度报告\n二、主动公开政府信42息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t97\n"
    report = zwgk.parse(text)
    (said,) = [d for d in report.diagnostics if d.code == "ZW207"]
    assert "二、主动公开政府信42息情况" in said.message and said.line == 2
    assert lost_figures(text, report) == []
    assert not [d for d in zwgk.parse("二、主动公开政府信息情况\n").diagnostics if d.code == "ZW207"]


def test_text_with_figures_among_header_cells_is_kept() -> None:
    """``行政诉讼`` with figures inside it is no header: it stays with its figures, as unplaced."""
    text = SEED.replace("\t行政诉讼", "\t行政2938诉讼", 1)
    report = zwgk.parse(text)
    assert ("行政2938诉讼", "review") in [(u.text, u.section) for u in report.unplaced]
    assert lost_figures(text, report) == []


def test_a_note_printed_after_a_figure_is_quoted() -> None:
    report = _with(REGULATIONS, "规章\t12（含修订）\t0\t0")
    assert report.active is not None
    assert report.active.regulations == zwgk.Documents2019(made=12, published=0, total_published=0)
    assert any("含修订" in m for m in _said(report, "ZW235"))


def test_extra_cells_come_in_the_order_canonical_text_writes_them() -> None:
    """Blocks in the format's order, whatever order the report printed them in."""
    text = "\n".join(
        [
            "二、主动公开政府信息情况",
            "第二十条第（八）项",
            "信息内容\t本年收费金额（单位：万元）",
            "其他收费\t5",
            "第二十条第（六）项",
            "信息内容\t本年处理决定数量\t上年数量",
            "行政强制\t3\t9",
            "其他强制\t4\t1",
            "",
        ]
    )
    report = zwgk.parse(text)
    assert report.active is not None
    assert [(e.item, e.row, e.column, e.value) for e in report.active.extras] == [
        ("六", "行政强制", "上年数量", 9),
        ("六", "其他强制", "本年处理决定数量", 4),
        ("六", "其他强制", "上年数量", 1),
        ("八", "其他收费", "本年收费金额（单位：万元）", 5),
    ]
    assert [report.source_lines[f"active.extras.{k}.value"] for k in range(4)] == [7, 8, 8, 4]
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_a_table_note_of_rows_run_together_is_written_so_it_stays_a_note() -> None:
    note = "（四）无法提供1.本机关不掌握相关政府信息7500000752.没有现成信息需要另行制作0000000（七）总计21710000218"
    report = zwgk.Report(title="报告", active=zwgk.Active2021(notes=(note,)))
    assert zwgk.parse(zwgk.to_text(report)).active == report.active


def test_a_figure_after_a_stray_bracket_holds_its_column_and_is_quoted() -> None:
    report = _with(REGULATIONS, "规章\t（12\t0\t0")
    assert report.active is not None
    assert report.active.regulations == zwgk.Documents2019(made=None, published=0, total_published=0)
    assert any("（12" in m for m in _said(report, "ZW225"))


def test_figures_before_an_item_header_on_its_line_are_kept() -> None:
    text = SEED.replace("第二十条第（五）项", "增15    第二十条第（五）项", 1)
    report = zwgk.parse(text)
    assert lost_figures(text, report) == []
    assert report.active is not None and report.active.licensing is not None


def test_a_label_note_holding_figures_is_quoted() -> None:
    report = _with(REGULATIONS, "规章（含8件修订）\t0\t0\t0")
    assert report.active is not None
    assert report.active.regulations == zwgk.Documents2019(made=0, published=0, total_published=0)
    assert any("含8件修订" in m for m in _said(report, "ZW236"))
    assert not _said(zwgk.parse(SEED), "ZW236")  # 保留4位小数 is the header's own


def test_a_report_row_whose_name_would_read_as_a_label_is_kept_as_unplaced() -> None:
    """An empty cell keeps 行政事 and 业性收费 apart: written as one row name, they would be a label."""
    text = "二、主动公开政府信息情况\n第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元） |\n行政事||业性收费 | 0 |\n"
    report = zwgk.parse(text)
    assert report.active is not None and report.active.extras == ()
    assert [u.text for u in report.unplaced] == ["行政事 业性收费 0"]
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_header_text_with_figures_naming_a_column_is_kept_once() -> None:
    text = "二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\t信息内2容\n行政事业性收费\t\t7\n"
    report = zwgk.parse(text)
    assert report.active is not None
    assert [(e.column, e.value) for e in report.active.extras] == [("信息内2容", 7)]
    assert report.unplaced == ()
    assert zwgk.parse(zwgk.to_text(report)) == report


def test_figures_printed_after_the_table_3_note_are_not_part_of_it() -> None:
    note = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    text = SEED.replace(note, "（本列数据的勾稽关系 0  0 0 0 31", 1)
    assert text != SEED
    report = zwgk.parse(text)
    assert report.requests is not None and report.requests.new_received is not None
    kept = " ".join([*(u.text for u in report.unplaced), *(d.message for d in report.diagnostics)])
    assert "31" in kept  # the figures are no part of the note


def test_a_report_row_named_as_a_line_marked_prose_is_kept_as_unplaced() -> None:
    text = "二、主动公开政府信息情况\n第二十条第（六）项\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 1 |\n| \\0 | 5 |\n"
    report = zwgk.parse(text)
    assert report.active is not None and report.active.extras == ()
    assert [u.text for u in report.unplaced] == ["\\0 5"]
    assert zwgk.parse(zwgk.to_text(report)) == report
